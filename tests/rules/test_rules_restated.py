"""LK301 restated totals: the prose's total realisasi, pagu and % daya serap vs the budget table's total."""

from __future__ import annotations

import copy

import pytest

from lakipcheck.model.claims import ClaimKind
from lakipcheck.model.types import Report
from lakipcheck.numbers import parse_figure
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack

RULE = [r for r in load_pack() if r.code == "LK301"]


def findings(report: Report):
    return run_rules(report, RULE)


def test_sample_restated_total_found_once_with_both_places(sample_report, sample_truth):
    known = next(d for d in sample_truth["known_discrepancies"] if d["kind"] == "restated_total_wrong")
    fs = findings(sample_report)
    assert len(fs) == 1, [f.message for f in fs]
    f = fs[0]
    assert f.severity == "error"
    assert f.found == known["printed"] and f.expected == known["expected"]
    # the sentence (BAB IV) and the table's total row are both named, and the sentence is quoted
    labels = " ".join(loc.label for loc in f.locations)
    assert "BAB IV" in labels and "tabel realisasi anggaran" in labels
    assert known["printed"] in f.message and known["expected"] in f.message
    table_loc = next(loc for loc in f.locations if loc.provenance.table_id)
    assert table_loc.provenance.raw == known["expected"]
    assert {loc.provenance.page for loc in f.locations} >= {
        table_loc.provenance.page,
        f.locations[0].provenance.page,
    }


def test_sample_original_budget_is_not_compared(sample_report):
    """The PK awal allocation (67.742.150.000, "anggaran awal") is not the final pagu."""
    awal = [c for c in sample_report.claims if c.kind == ClaimKind.BUDGET_PAGU_TOTAL and "awal" in c.sentence]
    assert awal, "the sample states its original allocation"
    assert all(awal[0].figure.raw not in (f.found or "") for f in findings(sample_report))


@pytest.mark.parametrize("seed", [1, 4, 9])
def test_synth_restated_total_wrong_is_found(synth_report, seed):
    report, truth = synth_report(seed, "restated_total_wrong")
    inj = truth.injections[0]
    fs = findings(report)
    assert len(fs) == 1, [f.message for f in fs]
    f = fs[0]
    assert f.found.endswith(inj.printed)
    # the table may print the total in English format ("3,257,567,553"): compare the values
    assert (
        parse_figure(f.expected, column_hint="Rp").value == parse_figure(inj.correct, column_hint="Rp").value
    )
    assert f.locations[0].provenance.page == inj.locations[0].page


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_synth_clean_reports_give_no_finding(synth_report, seed):
    report, _ = synth_report(seed)
    assert findings(report) == []


def _restate(report: Report, page: int, old: str, new: str) -> Report:
    """A copy of the report whose sentences on ``page`` print ``new`` where they printed ``old``."""
    out = copy.deepcopy(report)
    for c in out.claims:
        if c.provenance.page == page and old in c.sentence:
            c.sentence = c.sentence.replace(old, new)
            if c.figure.raw.strip() == old:
                c.figure = parse_figure(new, column_hint="Rp")
    return out


def test_sample_changed_bab3_sentence_is_caught_and_the_table_stays_the_reference(sample_report):
    """Change the BAB III sentence that agrees with the table: it is now the one reported."""
    total = next(b for b in sample_report.budget_lines if b.is_total and b.table_id.startswith("p30"))
    real = next(v for v in total.values if v.role == "budget_realisasi")
    bab3 = next(
        c
        for c in sample_report.claims
        if c.kind == ClaimKind.BUDGET_REALISASI_TOTAL and c.figure.raw.strip() == real.figure.raw
    )
    changed = _restate(sample_report, bab3.provenance.page, real.figure.raw, "54.068.043.813")
    found = {f.found for f in findings(changed)}
    assert "54.068.043.813" in found


def test_corpus_restatements_that_agree_give_no_finding_and_a_changed_one_is_caught(corpus_report):
    """Real prose restating the table's total (Ikhtisar of a Jabar 2016 LKIP) is accepted; the same sentence
    with one digit changed is reported."""
    report = corpus_report("lkip_jabar_disnakertrans_2016.pdf")
    assert findings(report) == []
    totals = [v for b in report.budget_lines if b.is_total for v in b.values if v.role == "budget_realisasi"]
    claim = next(
        c
        for c in report.claims
        if c.kind == ClaimKind.BUDGET_REALISASI_TOTAL
        and any(c.figure.value == v.figure.value for v in totals)
        and c.section == "ikhtisar_eksekutif"
    )
    raw = claim.figure.raw.strip()
    digits = [i for i, ch in enumerate(raw) if ch.isdigit()]
    i = digits[-3]
    wrong = raw[:i] + str((int(raw[i]) + 1) % 10) + raw[i + 1 :]
    changed = _restate(report, claim.provenance.page, raw, wrong)
    fs = findings(changed)
    assert [f.found for f in fs] == [wrong], [f.message for f in fs]
