"""Columns measured against another yardstick are not the year's capaian."""

from __future__ import annotations

from lakipcheck.model.columns import map_columns
from lakipcheck.model.types import Role
from lakipcheck.tables.types import TableKind


def _roles(columns: list[str]) -> list:
    return [(c.role, c.label) for c in map_columns(columns, TableKind.CAPAIAN, 2021)]


def test_national_standard_is_not_the_capaian():
    roles = _roles(["Indikator", "Target", "Realisasi", "% Capaian", "Standar Nasinal"])
    assert roles[3] == (Role.CAPAIAN, None)
    assert roles[4] == (None, "other")  # the typo of the real report (Inspektorat Jatim 2021) too
    assert _roles(["Indikator", "Target", "Realisasi", "Capaian Nasional (%)"])[3] == (None, "other")


def test_progress_towards_the_renstra_end_is_not_the_capaian():
    roles = _roles(["Indikator", "Target 2021", "Realisasi 2021", "Capaian (%)", "Tingkat Kemajuan (%)"])
    assert roles[3][0] == Role.CAPAIAN and roles[4] == (None, "other")
