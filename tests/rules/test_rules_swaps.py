"""LK102 column_swap: a row whose two value cells hold each other's values is one finding naming the row and
the places that print the values under the right headers. Measured on the BGP NTT sample (its two exchanged
Renstra-end rows, p.23 and p.29), on small built reports and on synthetic reports with an injected swap."""

from __future__ import annotations

from lakipcheck.model.types import Report
from lakipcheck.rules.checks.swaps import find_swaps, swapped_rows
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.examples import report_from_example
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Finding, Severity
from lakipcheck.tables.types import TableKind

PACK = {r.code: r for r in load_pack()}


def findings(report: Report, *codes: str) -> list[Finding]:
    return run_rules(report, [PACK[c] for c in codes])


def _pages_of_rows(report: Report, rows: set[tuple[str, int]]) -> set[int]:
    tables = {t.id: t for t in report.tables}
    return {tables[t].rows[r][0].page or tables[t].page for t, r in rows}


# ----------------------------------------------------------------------------------------------- sample


def test_sample_two_exchanged_rows_one_finding_each(sample_report):
    """IKK 1.3 (p.23: "Realisasi" over 796, the target) and IKK 2.2 (p.29: "Realisasi" over 90)."""
    found = findings(sample_report, "LK102")
    assert len(found) == 2
    by_code = {("IKK 1.3" in f.message, "IKK 2.2" in f.message): f for f in found}
    f13, f22 = by_code[(True, False)], by_code[(False, True)]
    assert all(f.severity == Severity.ERROR for f in found)
    assert 23 in f13.pages and 13 in f13.pages  # the row and the capaian table that prints 950 as realisasi
    assert "796" in f13.found and "950" in f13.found
    assert f13.expected == "realisasi 950, target 796"
    assert 29 in f22.pages and 13 in f22.pages
    assert f22.expected == "realisasi 93,34, target 90"


def test_sample_swapped_rows_helper(sample_report):
    rows = swapped_rows(sample_report)
    assert _pages_of_rows(sample_report, rows) == {23, 29}
    tables = {t.id: t for t in sample_report.tables}
    assert all(tables[t].kind == TableKind.RENSTRA_END for t, _ in rows)


def test_sample_swapped_rows_are_not_reported_as_mismatches(sample_report):
    for f in findings(sample_report, "LK103", "LK109"):
        assert not {23, 29} & set(f.pages), f.message


# ----------------------------------------------------------------------------------------- built reports


def _swap_example(pk: bool) -> dict:
    rows = [
        {"table": "cap", "table_kind": "capaian", "page": 13, "target": "796", "realisasi": "950"},
        {"table": "end", "table_kind": "renstra_end", "page": 23, "realisasi": "796", "target": "950"},
    ]
    if pk:
        rows.insert(0, {"table": "pk", "table_kind": "pk_indicators", "page": 12, "pk_akhir_target": "796"})
    return {"code": "IKK 1.3", "name": "Jumlah guru yang mengikuti pendidikan", "rows": rows}


def test_the_less_supported_row_is_the_swapped_one():
    swaps = find_swaps(report_from_example(_swap_example(pk=True)))
    assert len(swaps) == 1
    assert swaps[0].row[0] == "end" and not swaps[0].mutual


def test_two_rows_against_each_other_flag_the_weaker_table_as_mutual():
    """With nothing else to tell them apart, the comparison table (not the capaian table) is reported."""
    swaps = find_swaps(report_from_example(_swap_example(pk=False)))
    assert len(swaps) == 1
    assert swaps[0].row[0] == "end" and swaps[0].mutual


def test_values_that_differ_without_exchange_are_not_a_swap():
    ex = _swap_example(pk=True)
    ex["rows"][2] = {
        "table": "end",
        "table_kind": "renstra_end",
        "page": 23,
        "realisasi": "800",
        "target": "796",
    }
    assert find_swaps(report_from_example(ex)) == []


def test_rounded_copies_still_count_as_the_same_values():
    ex = _swap_example(pk=True)
    ex["rows"][1] = {
        "table": "cap",
        "table_kind": "capaian",
        "page": 13,
        "target": "796,0",
        "realisasi": "950,4",
    }
    found = findings(report_from_example(ex), "LK102")
    assert len(found) == 1 and found[0].pages == [12, 13, 23]


def test_counts_one_apart_are_exchanged_not_rounded():
    """Target 21 and realisasi 20 printed the other way round: two prints at one precision are copies and
    must match digit for digit (20 is not a rounding of 21, however close the intervals)."""
    rows = [
        {"table": "pk", "table_kind": "pk_indicators", "page": 6, "pk_target": "21"},
        {"table": "cap", "table_kind": "capaian", "page": 7, "target": "20", "realisasi": "21"},
        {"table": "yoy", "table_kind": "yoy", "page": 8, "target": "21", "realisasi": "20"},
        {"table": "lamp", "table_kind": "pengukuran", "page": 14, "pengukuran_target": "21",
         "pengukuran_realisasi": "20"},
    ]
    ex = {"code": "IKK 2.1", "name": "Jumlah puskesmas terakreditasi paripurna", "rows": rows}
    found = findings(report_from_example(ex), "LK102")
    assert len(found) == 1 and found[0].found == "target 20, realisasi 21"
    assert found[0].expected == "target 21, realisasi 20"


def test_a_whole_table_exchanged_the_same_way_is_a_warning():
    """Three or more rows of one table exchanged the same way: the header (or its reading) is in doubt."""
    inds = []
    for n, (t, r) in enumerate([("100", "110"), ("50", "45"), ("20", "25")], start=1):
        inds.append(
            {
                "code": f"IKK 1.{n}",
                "name": f"Jumlah peserta kegiatan {n}",
                "rows": [
                    {"table": "cap", "table_kind": "capaian", "target": t, "realisasi": r},
                    {"table": "pk", "table_kind": "pk_indicators", "pk_target": t},
                    {"table": "yoy", "table_kind": "yoy", "page": 20, "target": r, "realisasi": t},
                ],
            }
        )
    found = findings(report_from_example({"indicators": inds}), "LK102")
    assert len(found) == 3
    assert {f.severity for f in found} == {Severity.WARNING}


# ----------------------------------------------------------------------------------------------- synth


def test_synth_injected_column_swap_found_at_its_place(synth_report):
    """Each injected swap (target and realisasi exchanged in the capaian table) is one LK102 finding at the
    injection's page naming the indicator. Reports whose capaian table the extractor did not read are
    skipped (the rule cannot see the row), but most must be checked."""
    checked = 0
    for seed in range(1, 9):
        report, synth_truth = synth_report(seed, "column_swap")
        inj = synth_truth.injections[0]
        pages = {loc.page for loc in inj.locations}
        if not any(t.kind == TableKind.CAPAIAN and set(t.pages) & pages for t in report.tables):
            continue
        checked += 1
        truth = synth_truth.indicator(inj.indicator)
        hits = [f for f in findings(report, "LK102") if set(f.pages) & pages]
        assert len(hits) == 1, (seed, [f.message for f in findings(report, "LK102")])
        f = hits[0]
        assert f.severity == Severity.ERROR
        assert truth.code in f.message or truth.name[:40] in f.message
        for loc in inj.locations:
            assert loc.printed in f.found
    assert checked >= 4
