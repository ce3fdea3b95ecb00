"""Column roles that are not the year's capaian: quarterly columns beside annual ones, and the values of a
second indicator (a supporting program's) to the right of the first indicator's values."""

from __future__ import annotations

from functools import cache

import pytest

from lakipcheck.model.columns import map_columns
from lakipcheck.model.types import Report, Role
from lakipcheck.pipeline import extract
from lakipcheck.tables.types import TableKind

_QUARTERLY = [
    "NO",
    "Sasaran",
    "Indikator Kinerja",
    "Target Triwulan / I",
    "Target Triwulan / II",
    "Target Triwulan / III",
    "Target Triwulan / IV",
    "Target Tahunan",
    "Capaian Triwulan / I",
    "Capaian Triwulan / II",
    "Capaian Triwulan / III",
    "Capaian Triwulan / IV",
    "Realisasi Tahunan",
    "Keterangan",
]


def test_quarter_columns_beside_annual_ones_get_no_role():
    cols = map_columns(_QUARTERLY, TableKind.CAPAIAN, 2024)
    assert [c.quarter for c in cols[3:7]] == [1, 2, 3, 4]
    assert [c.role for c in cols[3:7]] == [None] * 4
    assert [c.role for c in cols[8:12]] == [None] * 4
    assert cols[7].role == Role.TARGET
    assert cols[12].role == Role.REALISASI


def test_quarter_columns_alone_and_cumulative_keep_their_role():
    alone = map_columns(["Indikator", "Target TW II", "Realisasi TW II"], TableKind.CAPAIAN, 2024)
    assert [c.role for c in alone[1:]] == [Role.TARGET, Role.REALISASI]
    cumul = map_columns(
        ["Indikator", "Target Tahunan", "Realisasi s.d. TW IV", "Realisasi TW IV"], TableKind.CAPAIAN, 2024
    )
    assert [c.role for c in cumul[1:]] == [Role.TARGET, Role.REALISASI, None]


def test_second_indicator_column_takes_the_values_after_it():
    cols = map_columns(
        [
            "NO",
            "Sasaran",
            "Indikator Sasaran",
            "Target",
            "Program Yang Mendukung",
            "Indikator Program",
            "Target",
        ],
        TableKind.PK_INDICATORS,
        2024,
    )
    assert cols[3].role == Role.PK_TARGET
    assert cols[6].role is None and cols[6].label == "other"


@cache
def _dki(path: str) -> Report:
    return extract(path)


@pytest.mark.corpus
def test_corpus_quarterly_lampiran_and_program_targets_are_not_annual(corpus_dir):
    """Lampiran II p48-52 has Target/Capaian Triwulan I-IV beside the annual columns; the PK table p18-22
    prints the supporting program's indicator target (51) beside each sasaran's target."""
    path = corpus_dir / "lkip_dki_kesbangpol_2024.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    report = _dki(str(path))
    ind = next(i for i in report.indicators if i.name.startswith("Persentase penyelesaian tahapan manajemen"))
    lamp = [v for v in ind.values if v.provenance.page == 50]
    assert sorted((str(v.role), v.provenance.raw) for v in lamp) == [("realisasi", "100"), ("target", "100")]
    tkdn = next(i for i in report.indicators if i.name.startswith("Persentase realisasi belanja barang/jasa"))
    pk = {v.provenance.raw for v in tkdn.values if v.provenance.page == 20}
    assert pk == {"80"}
