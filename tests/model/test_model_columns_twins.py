"""A "Realisasi %" column right after its "Realisasi" twin holds the % capaian."""

from __future__ import annotations

import pytest

from lakipcheck.model.columns import map_columns
from lakipcheck.model.types import Role
from lakipcheck.tables.types import TableKind

BAPPEDA = [
    "No",
    "Sasaran Strategis",
    "Indikator",
    "Capaian Tahun Lalu 2015",
    "Tahun 2016 / Target",
    "Tahun 2016 / Realisasi",
    "Tahun 2016 / Realisasi %",
    "Target Akhir Renstra",
    "Capaian Tahun 2016 terhadap Target Akhir Renstra (%)",
]


def test_percent_twin_of_realisasi_is_the_capaian():
    roles = [c.role for c in map_columns(BAPPEDA, TableKind.CAPAIAN, 2016)]
    assert roles[4:7] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]
    assert roles[8] == Role.RENSTRA_END_CAPAIAN


def test_realisasi_in_percent_alone_is_a_value():
    roles = [c.role for c in map_columns(["Indikator", "Target", "Realisasi (%)"], TableKind.CAPAIAN, 2016)]
    assert roles[1:] == [Role.TARGET, Role.REALISASI]


@pytest.mark.corpus
def test_bappeda_capaian_from_the_twin(corpus_report):
    report = corpus_report("lkip_jabar_bappeda_2016.pdf")
    values = [
        v.provenance.raw for ind in report.indicators for v in ind.values if v.role == Role.CAPAIAN
    ]
    assert "102,94" in values and "133,33" in values
