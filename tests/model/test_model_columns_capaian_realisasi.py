"""A plain "Capaian" column beside "Target" and a "Capaian Target" (or "Capaian (%)") column holds the
realisasi; the capaian table it heads is a capaian table, and its rows are read under a header repeated over
each sasaran, with the indicator code and name under one header cell."""

from __future__ import annotations

import pytest

from lakipcheck.model.columns import map_columns
from lakipcheck.model.link import split_code
from lakipcheck.model.types import Role
from lakipcheck.tables.classify import capaian_as_realisasi
from lakipcheck.tables.types import TableKind

KEJARI = ["Sasaran Strategis 1", "Sasaran Strategis 1", "Target", "Capaian", "Capaian Target"]


def test_plain_capaian_beside_a_percent_of_target_is_the_realisasi():
    assert capaian_as_realisasi(KEJARI) == 3
    roles = [c.role for c in map_columns(KEJARI, TableKind.CAPAIAN, 2025)]
    assert roles[2:] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]
    assert capaian_as_realisasi(["Indikator", "Target", "Capaian", "Capaian (%)"]) == 2


@pytest.mark.parametrize(
    "columns",
    [
        ["Indikator", "Target", "Realisasi", "Capaian"],  # the usual: Capaian is the %
        ["Indikator", "Target", "Capaian"],  # no % column beside it
        ["Indikator", "Realisasi", "Capaian", "% Capaian"],  # a realisasi column of its own
    ],
)
def test_plain_capaian_is_the_percent_otherwise(columns):
    assert capaian_as_realisasi(columns) is None


def test_iks_and_ik_ss_are_indicator_codes():
    assert split_code("IKS 1.1") == ("IKS 1.1", "")
    assert split_code("IK SS 2.3 Indeks Kualitas Pelayanan Publik") == (
        "IKSS 2.3",
        "Indeks Kualitas Pelayanan Publik",
    )


@pytest.mark.corpus
def test_quarterly_report_capaian_table_is_read(corpus_report):
    """lkj_kejari_salatiga_tw2_2025 p. 4: "IKS 1.1 | Indeks Kepuasan Masyarakat | 94 | 85,85 | 91" under a
    header "Sasaran Strategis N | Target | Capaian | Capaian Target" repeated over each sasaran."""
    report = corpus_report("lkj_kejari_salatiga_tw2_2025.pdf")
    rows = {
        ind.code: tuple(
            next(v.provenance.raw for v in ind.values if v.role == role and v.provenance.page == 4)
            for role in (Role.TARGET, Role.REALISASI, Role.CAPAIAN)
        )
        for ind in report.indicators
        if any(v.provenance.page == 4 and v.role == Role.TARGET for v in ind.values)
    }
    assert len(rows) == 8
    assert rows["IKS 1.1"] == ("94", "85,85", "91") and rows["IKS 4.2"] == ("90", "43,75", "48,6")
    assert not [i for i in report.indicators if i.name.lower().startswith("sasaran strategis")]
