"""A budget table's "Capaian" column is taken as the daya serap only when realisasi / pagu explains it."""

from __future__ import annotations

from functools import cache

import pytest

from lakipcheck.model.build import _infer_budget_percent
from lakipcheck.model.columns import map_columns
from lakipcheck.model.types import Report
from lakipcheck.pipeline import extract
from lakipcheck.provenance import BBox
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack
from lakipcheck.tables.types import Cell, Engine, Table, TableKind

HEADER = ["NO", "PROGRAM/KEGIATAN/ SUB KEGIATAN", "ANGGARAN", "REALISASI", "CAPAIAN"]


def _table(rows: list[list[str]]) -> Table:
    cells = [[Cell(t, BBox(0, 0, 1, 1), 5) for t in row] for row in rows]
    return Table(
        "p5-t1", 5, BBox(0, 0, 100, 100), Engine.PDFPLUMBER, HEADER, cells, kind=TableKind.BUDGET_REALISATION
    )


def _percent_role(rows: list[list[str]]):
    table = _table(rows)
    cols = map_columns(table.columns, table.kind, 2024)
    assert cols[4].role is None  # the header alone does not say what the column holds
    _infer_budget_percent(table, cols, {})
    return cols[4].role


def test_capaian_column_explained_by_realisasi_over_pagu_is_the_daya_serap():
    rows = [
        ["1", "Kegiatan A", "85.466.150", "85.465.500", "100%"],
        ["2", "Kegiatan B", "12.798.280.841", "12.209.957.304", "95%"],
        ["3", "Kegiatan C", "203.010.000", "200.840.000", "99%"],
        ["4", "Kegiatan D", "325.814.520", "271.668.491", "77%"],
    ]
    assert str(_percent_role(rows)) == "budget_percent"


def test_physical_capaian_beside_the_budget_is_left_alone():
    rows = [
        ["1", "Kegiatan A", "85.466.150", "85.465.500", "80%"],
        ["2", "Kegiatan B", "12.798.280.841", "12.209.957.304", "110%"],
        ["3", "Kegiatan C", "203.010.000", "200.840.000", "99%"],
        ["4", "Kegiatan D", "325.814.520", "271.668.491", "77%"],
    ]
    assert _percent_role(rows) is None


@cache
def _sumut(path: str) -> Report:
    return extract(path)


@pytest.mark.corpus
def test_corpus_budget_capaian_column_is_checked(corpus_dir):
    """Tabel 3.7 (p87-97) heads its daya serap "CAPAIAN"; kegiatan III.1 p90 prints 77% for 271.668.491 /
    325.814.520 = 83,38 %."""
    path = corpus_dir / "lkip_sumut_dp3akb_2024.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    found = run_rules(_sumut(str(path)), [r for r in load_pack() if r.code == "LK202"])
    assert any(f.pages[:1] == [90] and "77%" in f.message for f in found)
