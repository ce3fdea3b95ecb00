"""LK205: "Rata-rata" rows recomputed from the rows they stand for."""

from __future__ import annotations

import pytest

from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.examples import report_from_example
from lakipcheck.rules.pack import load_pack

LK205 = [r for r in load_pack() if r.code == "LK205"]
COLS = ["No", "Indikator", "% Capaian"]


def _found(rows: list[list[str]]) -> list[str | None]:
    report = report_from_example({"tables": [{"kind": "other", "page": 5, "columns": COLS, "rows": rows}]})
    return [f.found for f in run_rules(report, LK205)]


def test_group_average_after_a_heading_row_and_the_grand_average():
    rows = [
        ["", "Sasaran 1", ""],
        ["1", "Indikator A", "100"],
        ["2", "Indikator B", "80"],
        ["Rata-rata", "", "90"],
        ["", "Sasaran 2", ""],
        ["3", "Indikator C", "120"],
        ["4", "Indikator D", "100"],
        ["Rata-rata", "", "110"],
    ]
    assert _found(rows) == []
    rows[-1][2] = "105"
    assert _found(rows) == ["105"]


def test_grand_average_over_groups_is_accepted():
    rows = [
        ["", "Sasaran 1", ""],
        ["1", "Indikator A", "100"],
        ["2", "Indikator B", "80"],
        ["", "Sasaran 2", ""],
        ["3", "Indikator C", "120"],
        ["Rata-rata", "", "100"],
    ]
    assert _found(rows) == []  # (100 + 80 + 120) / 3, not the last group's 120


def test_blank_cell_or_weighted_average_is_not_checked():
    assert _found([["1", "A", "100"], ["2", "B", "-"], ["3", "C", "90"], ["Rata-rata", "", "50"]]) == []
    assert _found([["1", "A", "100"], ["2", "B", "80"], ["Rata-rata tertimbang", "", "85"]]) == []


@pytest.mark.corpus
def test_corpus_average_row_of_the_efficiency_table(corpus_report):
    """Tabel 11 p29: Rata-Rata 141,25 (% capaian; the mean is 139,84) and 59,02 (efisiensi; 57,60); the
    penyerapan average 82,23 follows from its column (82,235)."""
    found = run_rules(corpus_report("lkip_jabar_biroorganisasi_2016.pdf", strict=False), LK205)
    assert sorted(f.found for f in found if f.pages == [29]) == ["141,25", "59,02"]
