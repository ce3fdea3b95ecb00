"""LK401-LK406 narrative checks: on the BGP NTT 2023 sample (every real narrative finding, no false error),
on generated reports (each narrative injection found, clean reports clean) and on corpus reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakipcheck.model.claims import ClaimKind
from lakipcheck.model.types import Report
from lakipcheck.numbers import parse_figure
from lakipcheck.pipeline import extract
from lakipcheck.rules.checks.narrative import equal, same
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack

RULES = [r for r in load_pack() if r.code.startswith("LK4")]


def findings(report: Report):
    return run_rules(report, RULES)


@pytest.fixture(scope="module")
def sample_findings(sample_report):
    return findings(sample_report)


def one(fs, rule: str, page: int):
    hits = [f for f in fs if f.rule == rule and page in f.pages]
    assert len(hits) == 1, [(f.rule, f.pages, f.message[:120]) for f in fs]
    return hits[0]


def test_sample_founding_month_stated_two_ways(sample_findings):
    f = one(sample_findings, "LK406", 7)
    assert f.severity == "error" and set(f.pages) == {7, 27}
    assert f.found == "April 2022 / Maret 2022"
    assert "dibentuk pada bulan April 2022" in f.message and "baru berdiri" in f.message


def test_sample_heading_years(sample_findings):
    f = one(sample_findings, "LK405", 19)
    assert f.severity == "error"
    assert (f.found, f.expected) == ("2023, 2024", "2022, 2023")
    assert "Perbandingan Realisasi Tahun 2023 dan 2024" in f.message
    assert any(loc.provenance.table_id for loc in f.locations)  # the table under the heading is named


@pytest.mark.parametrize("page,own", [(20, "IKK 1.2"), (23, "IKK 1.3")])
def test_sample_copied_indicator_name(sample_findings, page, own):
    f = one(sample_findings, "LK404", page)
    assert f.severity == "error"
    assert f.evidence["section_indicator"] == own and f.evidence["named_indicator"] == "IKK 1.1"
    assert (
        f.found == "jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma baru"
    )
    assert "realisasi capaian kinerja" in f.evidence["sentence"]


def test_sample_renstra_end_grade_in_text_vs_table(sample_findings):
    """The text (p. 27) says the 2024 end target is "kategori A"; the table above it prints AA and the Renstra
    table (p. 11) A: a warning naming the three places (the table rules judge which table is wrong)."""
    f = one(sample_findings, "LK401", 27)
    assert f.severity == "warning"
    assert (f.found, f.expected) == ("A", "AA")
    assert {loc.provenance.page for loc in f.locations} == {11, 27}


def test_sample_has_no_other_narrative_error(sample_findings):
    errors = sorted((f.rule, tuple(f.pages)) for f in sample_findings if f.severity == "error")
    assert errors == [("LK404", (20,)), ("LK404", (23,)), ("LK405", (19,)), ("LK406", (7, 27))]


def test_sample_correct_figures_are_read_and_not_reported(sample_report, sample_findings):
    """The prose restates the tables correctly almost everywhere; those figures are read (so they were
    checked) and none is in a finding: 101,75 / 31,24% / 47,80% (cumulative, truncated) / 1,91% (184/9.600
    truncated) / 119,34 (truncated) / 1,17% / 84,78% / 103,71% / 1,5%."""
    read = {(c.kind, c.figure.raw.replace(" ", "")) for c in sample_report.claims}
    expected = {
        (ClaimKind.CAPAIAN, "101,75%"),
        (ClaimKind.CHANGE_PERCENT, "31,24%"),
        (ClaimKind.RENSTRA_END_CAPAIAN, "47,80%"),
        (ClaimKind.CHANGE_PERCENT, "1,91%"),
        (ClaimKind.CHANGE_PERCENT, "1,17%"),
        (ClaimKind.RENSTRA_END_CAPAIAN, "84,78%"),
        (ClaimKind.CHANGE_PERCENT, "1,5%"),
    }
    assert expected <= read, expected - read
    reported = " ".join(f"{f.found} {f.expected}" for f in sample_findings)
    for _, raw in expected:
        assert raw not in reported


def test_same_respects_printed_precision():
    f = parse_figure
    assert same(f("2.568 orang"), f("2568"))
    assert same(f("119,34"), f("119,347")) and same(f("99,82"), f("99,818"))
    assert not same(f("101,76"), f("101,75"))
    assert not same(f("3"), f("4")) and not same(f("2.568"), f("2.569"))
    assert same(f("A"), f("A")) and not same(f("A"), f("AA"))
    # exact equality (for "is this another value of the indicator?"): a rounding relation is a coincidence
    assert equal(f("84"), f("84,00")) and not equal(f("84"), f("84,3")) and same(f("84"), f("84,3"))
    assert equal(f("BB"), f("BB")) and not equal(f("BB"), f("B"))


@pytest.mark.parametrize(
    "kind,seeds",
    [
        ("narrative_number_changed", (1, 2)),
        ("wrong_indicator_name", (1, 3)),
        ("wrong_number_word", (2,)),
        ("wrong_year", (5,)),
    ],
)
def test_synth_narrative_injections_are_found(synth_report, kind, seeds):
    for seed in seeds:
        report, truth = synth_report(seed, kind)
        inj = truth.injections[0]
        pages = {loc.page for loc in inj.locations if loc.page}
        fs = [f for f in findings(report) if f.severity != "info"]
        if kind == "wrong_number_word":
            fs += [f for f in run_rules(report, [r for r in load_pack() if r.code == "LK303"])]
        assert any(set(f.pages) & pages for f in fs), (seed, inj.description, [(f.rule, f.pages) for f in fs])


@pytest.mark.parametrize("seed", [1, 6])
def test_synth_clean_report_has_no_narrative_error(synth_report, seed):
    report, _ = synth_report(seed)
    assert [f.message for f in findings(report) if f.severity == "error"] == []


@pytest.mark.corpus
def test_corpus_dishub_prose_arithmetic(corpus_report):
    """lkip_jabar_dishub_2016_bab3: "15 dari 27 ... atau 59,26%" (15/27 = 55,56%) and "78,80% dari target
    79,00% atau tercapai 99,24%" (the table prints 99,75) are real; no restated figure is reported (the prose
    there gives realisasi, target and capaian of percent indicators, which were misread before)."""
    fs = findings(corpus_report("lkip_jabar_dishub_2016_bab3.pdf"))
    got = sorted((f.rule, f.pages[0], f.found, f.expected) for f in fs if f.severity == "error")
    assert got == [("LK402", 8, "59,26 %", "55,56%"), ("LK402", 13, "99,24 %", "99,75%")]


@pytest.mark.corpus
def test_corpus_bkpd_sub_rows_and_sasaran_capaian_are_not_restatements(corpus_report):
    """lkip_jabar_bkpd_2016: the capaian table prints a sasaran's capaian once beside its indicators and
    sub-rows (konsumsi energi / protein) under an indicator; the prose restating those is right. The one real
    slip is 81/78 written as 103,88% (p. 46; the table prints 103,85)."""
    fs = findings(corpus_report("lkip_jabar_bkpd_2016.pdf"))
    got = [(f.rule, f.pages, f.found, f.severity) for f in fs]
    assert got == [("LK402", [46], "103,88 %", "error")]


BED_BGP = Path(__file__).resolve().parents[1] / "data" / "testbed" / "bgp"


def test_cumulative_renstra_end_target_is_not_the_last_years_target():
    """BGP NTT 2023 rendered with unruled tables, where the small per-indicator Renstra tables are not read:
    the prose end target "9.630 orang" (p. 15) is 1.926 + 2.568 + 5.136 of the Renstra table, and "28.602
    orang" (p. 20, in IKK 1.2's section though it names IKK 1.1) is 3 x 9.534 of IKK 1.2: a cumulative end
    target, not a clash with the 2024 target 5.136. The grade end target A vs AA (p. 27) is still reported."""
    report = extract(BED_BGP / "bgp_ntt_2023.reportlab.none.pdf")
    fs = [f for f in findings(report) if f.rule in ("LK401", "LK406")]
    assert not [f.message for f in fs if f.expected in ("5136", "9534") or {15, 20} & set(f.pages)]
    assert any(f.rule == "LK401" and 27 in f.pages and f.found == "A" for f in fs)


@pytest.mark.corpus
def test_a_grade_in_prose_is_not_a_restated_score(corpus_report):
    """lkj_kejari_salatiga_tw2_2025 p. 90: "dengan predikat A (83.75)" restates the score 83,75 of the
    capaian table with its grade; a grade is not compared with a score as if it were one (LK105's part)."""
    fs = findings(corpus_report("lkj_kejari_salatiga_tw2_2025.pdf"))
    assert not [f.message for f in fs if f.rule == "LK401" and 90 in f.pages]
