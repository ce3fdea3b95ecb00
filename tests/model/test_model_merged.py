"""Cells merged over several columns: a value belongs to the column its box mostly covers."""

from __future__ import annotations

import pytest

from lakipcheck.model.build import merged_homes
from lakipcheck.model.types import Report, Role
from lakipcheck.provenance import BBox
from lakipcheck.tables.types import Cell, Engine, Table, TableKind

# Column edges of Sumut 2020 p.31 (Tabel 3.4): the body rows' rules do not line up with the header's, so the
# extractor splits "Realisasi" and "Capaian" into a wide and a narrow sub-column.
X = [268.0, 323.0, 335.0, 382.7, 394.9, 453.5]
HEADER = ["2020 / Target", "2020 / Realisasi", "2020 / Realisasi", "Capaian (%)", "Capaian (%)"]


def _row(spans: list[tuple[int, int, str]], top: float) -> list[Cell]:
    """Cells of one row from (first column, last column, text); a merged cell is copied into each column."""
    out: list[Cell] = []
    for a, b, text in spans:
        box = BBox(X[a], top, X[b + 1], top + 20)
        out += [Cell(text, box, 31, spanned=j > a) for j in range(a, b + 1)]
    return out


def _table(rows: list[list[Cell]]) -> Table:
    box = BBox(X[0], 0, X[-1], 100)
    return Table("p31-t1", 31, box, Engine.PDFPLUMBER, HEADER, rows, kind=TableKind.CAPAIAN)


def test_value_reaching_into_the_next_column_belongs_to_the_wider_one():
    inflasi = _row([(0, 0, "2,9"), (1, 2, "1,96"), (3, 4, "67,58")], 0)
    sekolah = _row([(0, 1, "9,97"), (2, 3, "9,54"), (4, 4, "99,17")], 30)
    homes = merged_homes(_table([inflasi, sekolah]))
    # "1,96" starts in the narrow Realisasi sub-column, "67,58" in the narrow Capaian one: each belongs to the
    # wide sub-column of its own header
    assert homes[(0, 1)] == homes[(0, 2)] == (1, 2)
    assert homes[(0, 3)] == homes[(0, 4)] == (3, 4)
    # "9,97" spills from Target into a sliver of Realisasi, "9,54" from Realisasi into a sliver of Capaian
    assert homes[(1, 0)] == homes[(1, 1)] == (0, 0)
    assert homes[(1, 2)] == homes[(1, 3)] == (2, 2)
    assert (1, 4) not in homes  # not merged


def _provsu(corpus_dir, corpus_report) -> Report:
    path = corpus_dir / "lakip_provsu_2020.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    return corpus_report(path.name)


def test_corpus_misaligned_rows_keep_their_values(corpus_dir, corpus_report):
    """Sumut 2020 p.31: the model reads "Angka rata-rata lama sekolah" as target 9,97, realisasi 9,54,
    capaian 99,17 (before: realisasi 9,97 and capaian 9,54, copies of the cells to their left)."""
    report = _provsu(corpus_dir, corpus_report)
    ind = next(i for i in report.indicators if i.name.lower().startswith("angka rata-rata lama sekolah"))
    row = {
        v.role: v.figure.raw
        for v in ind.values
        if v.provenance.page == 31 and v.role in (Role.TARGET, Role.REALISASI, Role.CAPAIAN)
    }
    assert row == {Role.TARGET: "9,97", Role.REALISASI: "9,54", Role.CAPAIAN: "99,17"}


def test_corpus_numbered_heading_row_is_not_a_wrapped_name(corpus_dir, corpus_report):
    """Sumut 2020 Tabel 3.2: "II | Misi 2 : Mewujudkan ..." (its number in the No cell, its text merged over
    the name and value columns) is a heading, not the rest of the indicator name above it."""
    names = [i.name for i in _provsu(corpus_dir, corpus_report).indicators]
    assert "Indeks Pembangunan Manusia (IPM)" in names
    assert not [n for n in names if "Misi" in n], names
