"""A header drawn as a grid (shaded cell boxes) over a body without rules, or with zebra stripes: one table.

Read on the committed tuning test bed (LibreOffice from Word and from HTML, and WeasyPrint renderings),
against each report's truth: the capaian table must come out with its header and every indicator's target and
realisation in its body, not as a header-only grid and a separate headerless table.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from lakipcheck.ingest.reader import open_document
from lakipcheck.tables.extract import extract_tables
from lakipcheck.tables.header import is_header_row
from lakipcheck.tables.types import Table

BED = Path(__file__).resolve().parents[1] / "data" / "testbed"
CASES = [
    "tune_docx_shaded_1_g1",
    "tune_docx_zebra_1_g3",
    "tune_weasyprint_booktabs_1_g2",
    "tune_weasyprint_shaded_1_g1",
    "tune_lohtml_zebra_1_g3",
]


@cache
def _tables(case: str) -> list[Table]:
    return extract_tables(open_document(BED / f"{case}.pdf"))


def _truth(case: str) -> dict:
    return json.loads((BED / f"{case}.truth.json").read_text(encoding="utf-8"))


def _numbers(table: Table, number_format: str) -> set[Decimal]:
    """Every cell that is a number, read in the table's printed format ("id": 1.234,5; "en": 1,234.5)."""
    group, point = (".", ",") if number_format == "id" else (",", ".")
    out = set()
    for row in table.rows:
        for cell in row:
            text = cell.text.replace("%", "").strip().replace(group, "").replace(point, ".")
            try:
                out.add(Decimal(text))
            except ArithmeticError:
                continue
    return out


@pytest.mark.parametrize("case", CASES)
def test_capaian_header_grid_and_its_unruled_body_are_one_table(case):
    truth = _truth(case)
    spec = next(t for t in truth["tables"] if t["kind"] == "capaian")
    page = spec["pages"][0]
    on_page = [t for t in _tables(case) if t.page == page]
    capaian = [t for t in on_page if t.kind == "capaian"]
    assert len(capaian) == 1, [(t.kind, t.columns) for t in on_page]
    table = capaian[0]
    assert any("Target" in c for c in table.columns) and any("Realisasi" in c for c in table.columns)
    values = _numbers(table, spec["number_format"])
    for ind in truth["indicators"]:
        if ind["kind"] == "predicate":
            continue
        for role in ("target", "realisasi"):
            assert Decimal(ind[role]) in values, (ind["key"], role, ind[role])
    # no headerless table left holding the body on that page
    assert not any(t.kind == "other" and not any(c.strip() for c in t.columns) for t in on_page)


def test_a_one_line_body_under_a_header_grid_is_kept():
    """A year-on-year table of one indicator: the header grid and the single line of figures below it."""
    case = "tune_lohtml_zebra_1_g3"
    yoy = [t for t in _tables(case) if t.kind == "yoy"]
    assert yoy and all(t.rows for t in yoy), [(t.page, t.columns) for t in yoy if not t.rows]


def test_zebra_stripes_over_a_merged_sasaran_cell_stay_in_the_body():
    """WeasyPrint, zebra-striped BGP NTT 2023: a stripe drawn over a sasaran cell and the two indicator rows
    beside it is a grid of two body rows on the header's column edges, so the body goes on through it (the
    capaian table p. 12 and the PK Akhir p. 11 keep IKK 2.1 and IKK 2.2), and the heading under the table is
    not a row of it."""
    tables = extract_tables(open_document(BED / "bgp" / "bgp_ntt_2023.weasyprint.zebra.pdf"))
    capaian = next(t for t in tables if t.page == 12 and t.kind == "capaian")
    assert [r[2].text for r in capaian.rows] == ["2568", "9534", "796", "BB", "90"]
    pk = next(t for t in tables if t.page == 11 and t.kind == "pk_indicators")
    assert [r[2].text for r in pk.rows][-2:] == ["BB", "90"]
    assert not any(t.page == 12 and t.kind == "other" for t in tables)


def test_a_row_with_an_indicator_code_is_not_a_header():
    row = ["[SK 2] Meningkatnya tata kelola BGP", "[IKK 2.1] Predikat SAKIP BGP Provinsi NTT", "BB"]
    assert not is_header_row(row)
    assert is_header_row(["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target PK 2023"])
