"""LK107 renstra_end_ratio: "% capaian terhadap target akhir Renstra", read annually or cumulatively as the
indicator's kind allows. Measured on the BGP NTT sample (IKK 2.2's 71,26% is a score summed over years; the
count indicators' cumulative 47,80 / 67,77 / 84,78 are right), on small built reports and on the corpus."""

from __future__ import annotations

import copy

import pytest

from lakipcheck.model.types import Report
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.examples import report_from_example
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Finding, Severity

PACK = {r.code: r for r in load_pack()}


def findings(report: Report, *codes: str) -> list[Finding]:
    return run_rules(report, [PACK[c] for c in codes])


# ----------------------------------------------------------------------------------------------- sample


def test_sample_score_summed_over_years(sample_report):
    """Item 5: (91,96 + 93,34) / (80 + 90 + 90) = 71,269 printed (truncated) as 71,26%; for a score the %
    of the end target is 93,34 / 90 = 103,71 (p.29's own realisasi cell is exchanged, LK102)."""
    found = findings(sample_report, "LK107")
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.ERROR and "IKK 2.2" in f.message
    assert 29 in f.pages and f.found == "71,26%" and f.expected == "103,71"
    assert f.evidence["explained_by_sum"] == "(91,96 + 93,34) / (80 + 90 + 90)"


def test_sample_count_indicators_cumulative_is_right(sample_report):
    """47,80 = (1991 + 2613) / 9630 truncated; 67,77 and 84,78 likewise."""
    assert not {15, 19, 23} & {p for f in findings(sample_report, "LK107") for p in f.pages}


# ----------------------------------------------------------------------------------------- built reports


def _row(unit: str | None, capaian: str, **values: str) -> dict:
    ex = {"table_kind": "renstra_end", "renstra_end_capaian@2024": capaian, **values}
    if unit:
        ex["unit"] = unit
    return ex


SCORE = {"prev_realisasi@2022": "91,96", "realisasi": "93,34", "renstra_end_target@2024": "90"}
PLAN = {"renstra_target@2022": "80", "renstra_target@2023": "90", "renstra_target@2024": "90"}


@pytest.mark.parametrize(
    ("unit", "capaian", "n"),
    [
        ("nilai", "103,71", 0),  # annual: right for a score
        ("nilai", "103,7", 0),  # truncated to one decimal
        ("nilai", "71,26", 1),  # summed over years: wrong for a score
        ("orang", "71,26", 0),  # ... right for a count
        (None, "71,26", 0),  # the kind is not stated: any reading is accepted
        ("nilai", "95,00", 1),  # no reading at all
    ],
)
def test_readings_by_kind(unit, capaian, n):
    report = report_from_example({**_row(unit, capaian, **SCORE, **PLAN)})
    found = findings(report, "LK107")
    assert len(found) == n, [f.message for f in found]


def test_count_with_unseen_years_is_not_judged():
    """The Renstra starts in 2020 but the report shows the realisasi only from 2022: a cumulative reading over
    2020-2023 cannot be computed, so a count's unexplained print is not reported."""
    plan = {f"renstra_target@{y}": "1000" for y in range(2020, 2025)}
    ex = _row("orang", "55,00", realisasi="1000", **{"prev_realisasi@2022": "900"}, **plan)
    ex["renstra_end_target@2024"] = "5000"
    assert findings(report_from_example(ex), "LK107") == []


def test_cap_parameter():
    ex = _row("nilai", "100", realisasi="95", **{"renstra_end_target@2024": "90"})
    report = report_from_example(ex)
    assert len(findings(report, "LK107")) == 1
    capped = copy.deepcopy(PACK["LK107"])
    capped.params["cap"] = 100
    assert run_rules(report, [capped]) == []


# ----------------------------------------------------------------------------------------------- corpus


def test_corpus_end_target_ratios(corpus_dir, corpus_report):
    """Dinkes Jabar 2016 prints 111,43% for 78,04% / 70% (= 111,49); its other rows (e.g. 62% / 89% =
    69,66%) are right."""
    path = corpus_dir / "lkip_jabar_dinkes_2016.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    found = findings(corpus_report(path.name), "LK107")
    assert [(f.found, f.expected) for f in found] == [("111,43%", "111,49")]
