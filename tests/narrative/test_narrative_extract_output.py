"""`lakipcheck extract` shows the claims: one line each in the text output, every field in the JSON."""

from __future__ import annotations

from lakipcheck.model.claims import ClaimKind
from lakipcheck.report.model_json import report_dict
from lakipcheck.report.model_text import render_text


def test_text_output_lists_claims(sample_report):
    text = render_text(sample_report)
    head = next(line for line in text.splitlines() if line.startswith("CLAIMS ("))
    shown = sum(1 for c in sample_report.claims if c.kind != ClaimKind.MENTION)
    assert head.startswith(f"CLAIMS ({shown}, and ")
    capaian = next(line for line in text.splitlines() if " capaian " in line and "101,75%" in line)
    assert capaian.strip().startswith("p.14") and "IKK 1.1" in capaian
    assert any("[founded]" in line and "April 2022" in line for line in text.splitlines())


def test_json_output_keeps_the_claim_kind_and_the_figure(sample_report):
    claims = report_dict(sample_report)["claims"]
    assert len(claims) == len(sample_report.claims)
    kinds = {c["kind"] for c in claims}
    assert {"target", "realisasi", "capaian", "change_percent", "renstra_end_target", "mention"} <= kinds
    target = next(c for c in claims if c["kind"] == "target" and c["raw"] == "2.568 orang")
    assert target["figure_kind"] == "number" and target["value"] == "2568"
    assert target["indicator"] == "IKK 1.1" and target["link"] in ("code", "name", "section")
    assert target["source"]["page"] == 14 and len(target["source"]["bbox"]) == 4
    assert "2.568 orang" in target["sentence"]
    assert not any(k.startswith("_") for c in claims for k in c.get("extra", {}))
