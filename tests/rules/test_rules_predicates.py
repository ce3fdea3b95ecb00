"""LK105 predicate_score and LK106 predicate_wording: SAKIP grades against scores and against each other,
under the scale the report prints or the configured one. Measured on the BGP NTT sample (its Renstra end
target AA vs A, its rencana aksi "88" for a BB target), on small built reports and on synthetic reports
with a grade that does not match its score."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from lakipcheck.model.types import Report
from lakipcheck.rules.checks.predicates import judge, report_scale, scale_from_params
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.examples import report_from_example
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Finding, RuleSpec, Severity

PACK = {r.code: r for r in load_pack()}


def findings(report: Report, *codes: str) -> list[Finding]:
    return run_rules(report, [PACK[c] for c in codes])


def _with(code: str, **params) -> RuleSpec:
    spec = copy.deepcopy(PACK[code])
    spec.params.update(params)
    return spec


# ----------------------------------------------------------------------------------------------- sample


def test_sample_renstra_end_target_aa_vs_a(sample_report):
    """Item 6: IKK 2.1's end target 2024 is AA in the per-indicator table (p.27), A in the Renstra (p.11)."""
    found = [f for f in findings(sample_report, "LK105") if 27 in f.pages]
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.ERROR and f.pages == [11, 27]
    assert f.found == "AA" and f.expected == "A" and "IKK 2.1" in f.message


def test_sample_rencana_aksi_88_for_bb(sample_report):
    """Item 7: the rencana aksi (p.41) states IKK 2.1's target as 88, which is an A, where the PK says BB."""
    found = [f for f in findings(sample_report, "LK105") if 41 in f.pages]
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.ERROR and f.found.startswith("88 = A")
    assert f.expected.startswith("BB")
    assert "hlm. 26" in f.message  # judged with the scale the report prints


def test_sample_only_those_two(sample_report):
    assert len(findings(sample_report, "LK105")) == 2
    assert findings(sample_report, "LK106") == []


def test_sample_printed_scale_is_read(sample_report):
    scale = report_scale(sample_report)
    assert scale is not None and [b.grade for b in scale.bands] == ["AA", "A", "BB", "B", "CC", "C", "D"]
    bb = scale.band("BB")
    assert bb.lo == 70 and not bb.lo_closed and bb.hi == 80 and bb.hi_closed
    assert bb.words == "Sangat Baik"


# ----------------------------------------------------------------------------------------- built reports


def test_boundary_rule_parameter():
    """80 is BB under 88/2021 (A is > 80); reports often write it as A."""
    report = report_from_example({"name": "Predikat SAKIP", "unit": "predikat", "realisasi": "80 (A)"})
    assert [f.severity for f in run_rules(report, [_with("LK105", boundary="warn")])] == [Severity.WARNING]
    assert [f.severity for f in run_rules(report, [_with("LK105", boundary="strict")])] == [Severity.ERROR]
    assert run_rules(report, [_with("LK105", boundary="ignore")]) == []


def test_scale_parameter_changes_the_verdict():
    """A scale with inclusive lower bounds (A from 80) accepts "80 (A)"."""
    inclusive = [
        {"grade": g, "min": lo, "max": hi, "min_inclusive": True, "max_inclusive": False}
        for g, lo, hi in [("AA", 90, 101), ("A", 80, 90), ("BB", 70, 80), ("B", 60, 70), ("D", 0, 60)]
    ]
    scale = scale_from_params(inclusive)
    assert judge(scale, Decimal(80), "A").ok
    assert not judge(scale_from_params(PACK["LK105"].params["predicate_scale"]), Decimal(80), "A").ok
    report = report_from_example({"name": "Predikat SAKIP", "unit": "predikat", "realisasi": "80 (A)"})
    assert run_rules(report, [_with("LK105", predicate_scale=inclusive, boundary="strict")]) == []


def test_grades_and_scores_of_a_sakip_table():
    ex = {
        "tables": [
            {
                "page": 11,
                "columns": ["Tahun", "Nilai SAKIP", "Predikat"],
                "rows": [["2019", "75,23", "BB"], ["2020", "73,02", "B"]],
            }
        ]
    }
    found = findings(report_from_example(ex), "LK105")
    assert len(found) == 1 and found[0].found == "B" and found[0].expected == "BB"


def test_capaian_categories_are_not_sakip_grades():
    """A capaian column printed with its category ("84,11 (B)" = Baik) is not a SAKIP score."""
    ex = {"name": "Jumlah populasi ternak", "unit": "ekor", "capaian": "84,11 (B)", "realisasi": "410.934"}
    assert findings(report_from_example(ex), "LK105") == []


@pytest.mark.parametrize(("cell", "n"), [("BB (Baik)", 1), ("BB (Sangat Baik)", 0), ("CC (Cukup)", 0)])
def test_interpretation_words(cell, n):
    ex = {"tables": [{"page": 20, "columns": ["Tahun", "Predikat"], "rows": [["2023", cell]]}]}
    found = findings(report_from_example(ex), "LK106")
    assert len(found) == n
    assert all(f.severity == Severity.WARNING for f in found)


# ----------------------------------------------------------------------------------------------- synth


def test_synth_grade_not_matching_its_score(synth_report):
    """The injected grade (a neighbour of the right one) in the "Nilai SAKIP / Predikat" table is one
    finding at its page. Reports whose tables the extractor did not read are skipped, most are checked."""
    checked = 0
    for seed in range(1, 9):
        report, truth = synth_report(seed, "predicate_mismatch")
        inj = truth.injections[0]
        pages = {loc.page for loc in inj.locations}
        if not any(set(t.pages) & pages and "Predikat" in t.columns for t in report.tables):
            continue
        checked += 1
        hits = [
            f
            for f in findings(report, "LK105", "LK106")
            if set(f.pages) & pages and f.severity != Severity.INFO
        ]
        assert len(hits) == 1, (seed, inj.description)
        assert hits[0].found == inj.printed and hits[0].expected == inj.correct
    assert checked >= 4
