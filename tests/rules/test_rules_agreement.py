"""LK103 value_agreement, LK104 pk_revision, LK108 renstra_end_agreement, LK109 table_agreement: the same
indicator's target, realisasi and % capaian printed the same wherever they appear. Measured on the BGP NTT
sample (its lampiran realisasi 796 vs 950), on synthetic reports (injected PK target mismatches; clean
reports give no error from any LK102-LK109 rule) and on the corpus inconsistencies checked by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lakipcheck.model.types import Report
from lakipcheck.numbers import parse_figure
from lakipcheck.rules.checks.swaps import agree
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.examples import report_from_example
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Finding, Severity
from lakipcheck.tables.types import TableKind

PACK = {r.code: r for r in load_pack()}
MINE = ("LK102", "LK103", "LK104", "LK105", "LK106", "LK107", "LK108", "LK109")
FACTS = Path(__file__).resolve().parents[1] / "data" / "corpus_facts.yaml"


def findings(report: Report, *codes: str) -> list[Finding]:
    return run_rules(report, [PACK[c] for c in codes])


# ----------------------------------------------------------------------------------------------- sample


def test_sample_lampiran_realisasi_796_vs_950(sample_report):
    """Item 8: the pengukuran lampiran (p.46) prints 796 as IKK 1.3's realisasi, the capaian table (p.13)
    950; the p.23 row that also prints 796 under "Realisasi" is an exchange (LK102), not a second mismatch."""
    found = findings(sample_report, "LK103")
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.ERROR and "IKK 1.3" in f.message
    assert f.pages == [13, 46]
    assert f.found == "796" and f.expected == "950"


def test_sample_no_revision_no_end_target_or_table_disagreement(sample_report):
    """PK awal and akhir targets are the same; the count end targets are the sums of the Renstra years
    (9.630 = 1926 + 2568 + 5136)."""
    assert findings(sample_report, "LK104", "LK108", "LK109") == []


def test_sample_errors_of_lk102_to_lk109_are_exactly_the_known_ones(sample_report):
    """Items 3-8 of the sample, each once; nothing else at error level."""
    errors = [f for f in findings(sample_report, *MINE) if f.severity == Severity.ERROR]
    got = sorted((f.rule, tuple(f.pages)) for f in errors)
    assert [g[0] for g in got] == ["LK102", "LK102", "LK103", "LK105", "LK105", "LK107"]
    pages = {p for _, ps in got for p in ps}
    assert {11, 13, 23, 27, 29, 41, 46} <= pages


# ----------------------------------------------------------------------------------------- built reports


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("93,34", "93,3", True),  # one decimal less: rounding
        ("93,34", "93", True),
        ("796", "950", False),
        ("75 - 80", "78", True),  # a range holds the value inside it
        ("≥ 90", "95", True),
        ("1.500", "1,5", True),  # a lone group separator may be a decimal point
        ("185.80 Triliun Rupiah", "185,80", True),  # the same number with its scale word
        ("2568", "2658", False),
    ],
)
def test_printed_intervals(a, b, same):
    assert agree(parse_figure(a), parse_figure(b)) is same


def _ind(name: str, *rows: dict) -> dict:
    return {"name": name, "rows": list(rows)}


def test_one_finding_per_disagreeing_group_naming_both_places():
    ex = _ind(
        "Jumlah guru yang mengikuti pelatihan",
        {"table": "pk", "table_kind": "pk_indicators", "page": 12, "pk_akhir_target": "2568"},
        {"table": "cap", "table_kind": "capaian", "page": 13, "target": "2568", "realisasi": "2613"},
        {"table": "yoy", "table_kind": "yoy", "page": 15, "target": "2.658", "realisasi": "2.613"},
        {"table": "end", "table_kind": "renstra_end", "page": 16, "target": "2.658", "realisasi": "2.613"},
    )
    found = findings(report_from_example(ex), "LK103")
    assert len(found) == 1
    f = found[0]
    assert f.pages == [12, 13, 15, 16]
    assert f.found == "2.658" and f.expected == "2568"


def test_revised_pk_is_information_and_capaian_uses_pk_akhir():
    ex = _ind(
        "Jumlah guru yang mengikuti pelatihan",
        {"table": "awal", "table_kind": "pk_indicators", "page": 12, "pk_awal_target": "3000"},
        {"table": "akhir", "table_kind": "pk_indicators", "page": 40, "pk_akhir_target": "2568"},
        {"table": "cap", "table_kind": "capaian", "page": 13, "target": "2568", "realisasi": "2613"},
    )
    report = report_from_example(ex)
    assert findings(report, "LK103") == []
    revised = findings(report, "LK104")
    assert len(revised) == 1 and revised[0].severity == Severity.INFO


def test_na_and_derived_columns_are_not_disagreements():
    ex = _ind(
        "Persentase desa siaga aktif",
        {"table": "cap", "table_kind": "capaian", "target": "66,7", "realisasi": "94,9"},
        {"table": "lamp", "table_kind": "pengukuran", "pengukuran_target": "NA", "pengukuran_realisasi": "-"},
    )
    assert findings(report_from_example(ex), "LK103") == []


def test_a_table_disagreeing_on_most_indicators_is_one_warning():
    inds = [
        _ind(
            f"Persentase layanan {n}",
            {"table": "pk", "table_kind": "pk_indicators", "pk_target": t},
            {"table": "t7", "table_kind": "capaian", "page": 17, "target": old},
        )
        for n, (t, old) in enumerate([("60", "70"), ("80", "75"), ("80", "78"), ("100", "95")], start=1)
    ]
    report = report_from_example({"indicators": inds})
    assert findings(report, "LK103") == []
    summary = findings(report, "LK109")
    assert len(summary) == 1 and summary[0].severity == Severity.WARNING
    assert "4 dari 4" in summary[0].message


# ----------------------------------------------------------------------------------------------- synth


def test_synth_pk_target_mismatch_found_at_its_place(synth_report):
    """The injected PK target is one LK103 finding naming the PK page and the printed value. Reports whose
    PK table the extractor did not read are skipped, but most must be checked."""
    checked = 0
    for seed in range(1, 9):
        report, truth = synth_report(seed, "target_mismatch")
        inj = truth.injections[0]
        pages = {loc.page for loc in inj.locations}
        if not any(t.kind == TableKind.PK_INDICATORS and set(t.pages) & pages for t in report.tables):
            continue
        checked += 1
        hits = [f for f in findings(report, "LK103", "LK105") if set(f.pages) & pages]
        assert len(hits) == 1, (seed, inj.description)
        assert hits[0].severity == Severity.ERROR
        assert hits[0].found == inj.printed
    assert checked >= 4


def test_synth_clean_reports_give_no_error(synth_report):
    """Twenty clean generated reports: no error from any LK102-LK109 rule."""
    for seed in range(1, 21):
        report, _ = synth_report(seed)
        errors = [f for f in findings(report, *MINE) if f.severity == Severity.ERROR]
        assert errors == [], (seed, [f.message for f in errors])


# ----------------------------------------------------------------------------------------------- corpus


def _numbers(text: str) -> set[str]:
    return {re.sub(r"\s", "", m) for m in re.findall(r"\d[\d.,]*\d|\d", text)}


def _cross_table_errors() -> list[tuple[str, dict]]:
    docs = yaml.safe_load(FACTS.read_text(encoding="utf-8"))["documents"]
    return [
        (d["file"], e)
        for d in docs
        for e in d.get("known_errors") or []
        if "cross-table" in e["kind"] or "differs between tables" in e["kind"]
    ]


def test_corpus_cross_table_inconsistencies(corpus_dir, corpus_report):
    """The hand-checked cross-table inconsistencies: a finding is a match when both its printed and its
    expected value are among the numbers of the fact. Rows the extractor does not read (provsu's TFR; dkumkm's
    Tabel 6, whose "Capaian" column holds the realisasi) cannot be found; the rest must be."""
    matched = total = 0
    missed = []
    for name, fact in _cross_table_errors():
        path = corpus_dir / name
        if not path.exists():
            continue
        total += 1
        nums = _numbers(f"{fact.get('printed', '')} {fact.get('computed', '')} {fact.get('target', '')}")
        hit = any(
            f.found and f.expected and _numbers(f.found) <= nums and _numbers(f.expected) <= nums
            for f in findings(corpus_report(name), "LK103", "LK109")
        )
        matched += hit
        if not hit:
            missed.append((name, fact["row"]))
    assert total >= 6
    assert matched >= total - 2, missed


def test_corpus_known_pk_vs_capaian_targets(corpus_dir, corpus_report):
    """Bappeda Jabar 2016 (corpus notes): PK targets 80 / 85 / 35 against capaian-table targets 75,00 /
    75,00 / 31,00."""
    path = corpus_dir / "lkip_jabar_bappeda_2016.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    pairs = {(f.found, f.expected) for f in findings(corpus_report(path.name), "LK103")}
    for pair in (("80", "75,00"), ("85", "75,00"), ("35", "31,00")):
        assert pair in pairs, pairs
