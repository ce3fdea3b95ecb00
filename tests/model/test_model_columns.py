"""Column roles from flattened headers."""

from __future__ import annotations

from lakipcheck.model.columns import map_columns
from lakipcheck.model.types import Role
from lakipcheck.tables.types import TableKind


def roles(columns, kind=TableKind.CAPAIAN, year=2023):
    return [(c.role, c.label, c.year, c.quarter) for c in map_columns(columns, kind, year)]


def test_capaian_table_roles():
    got = roles(
        [
            "No",
            "Sasaran Kegiatan",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "% Capaian",
            "Keterangan",
        ]
    )
    assert [g[1] for g in got[:4]] == ["no", "sasaran", "indicator", "unit"]
    assert [g[0] for g in got[4:7]] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]
    assert got[7][1] == "other"


def test_year_groups_and_the_previous_year():
    got = roles(
        [
            "2022 / Realisasi",
            "2023 / Target",
            "2023 / Realisasi",
            "2023 / %",
            "Target Akhir Renstra 2024",
            "% Capaian Realisasi terhadap Target Akhir Renstra 2024",
        ],
        TableKind.RENSTRA_END,
    )
    assert [g[0] for g in got] == [
        Role.PREV_REALISASI,
        Role.TARGET,
        Role.REALISASI,
        Role.CAPAIAN,
        Role.RENSTRA_END_TARGET,
        Role.RENSTRA_END_CAPAIAN,
    ]
    assert got[0][2] == 2022 and got[4][2] == 2024


def test_bare_previous_year_column_is_its_realisasi():
    got = roles(["2022", "2023 / Realisasi", "2023 / Target"], TableKind.RENSTRA_END)
    assert got[0][0] == Role.PREV_REALISASI


def test_percent_unit_is_not_capaian():
    got = roles(["Tahun 2016 / Target (%)", "Tahun 2016 / Realisasi (%)", "Tahun 2016 / Capkin"], year=2016)
    assert [g[0] for g in got] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN]


def test_earlier_years_targets_are_not_this_years():
    got = roles(
        ["Tahun 2015 / Target", "Tahun 2015 / Realisasi", "Tahun2016 / Target", "Tahun2016 / Realisasi"],
        year=2016,
    )
    assert [g[0] for g in got] == [None, Role.PREV_REALISASI, Role.TARGET, Role.REALISASI]


def test_rencana_aksi_quarters():
    got = roles(
        [
            "No",
            "Indikator Kinerja Kegiatan",
            "Target Perjanjian Kinerja 2023",
            "Target Triwulan / TW 1",
            "Target Triwulan / TW II",
            "TW-3",
            "Triwulan IV",
        ],
        TableKind.RENCANA_AKSI,
    )
    assert got[2][0] == Role.RENAKSI_TARGET
    assert [(g[0], g[3]) for g in got[3:]] == [(Role.RENAKSI_TW, q) for q in (1, 2, 3, 4)]


def test_budget_roles():
    got = roles(
        ["NO", "SK/IKK", "ALOKASI (Rp)", "REALISASI (Rp)", "%", "Sisa Anggaran"], TableKind.BUDGET_REALISATION
    )
    assert [g[0] for g in got[2:]] == [Role.BUDGET_PAGU, Role.BUDGET_REALISASI, Role.BUDGET_PERCENT, None]
    got = roles(
        ["Anggaran (Rp.)", "Realisasi Anggaran / (Rp.)", "Realisasi Anggaran / (%)"],
        TableKind.BUDGET_REALISATION,
    )
    assert [g[0] for g in got] == [Role.BUDGET_PAGU, Role.BUDGET_REALISASI, Role.BUDGET_PERCENT]


def test_words_broken_by_narrow_columns():
    got = roles(["Target PK", "Target Renaksi Tr iwulanan", "Capaian T riwulanan"], TableKind.PENGUKURAN)
    assert [g[0] for g in got] == [Role.PENGUKURAN_TARGET, Role.RENAKSI_TW, Role.PENGUKURAN_REALISASI]


def test_polarity_only_when_stated():
    from lakipcheck.model.build import polarity_of
    from lakipcheck.model.types import Polarity

    assert polarity_of("Negatif") == Polarity.NEGATIVE
    assert polarity_of("Angka kematian bayi (semakin kecil semakin baik)") == Polarity.NEGATIVE
    assert polarity_of("Maximize") == Polarity.POSITIVE
    assert polarity_of("Persentase penurunan angka kemiskinan") == Polarity.UNKNOWN  # not stated: not guessed
    assert map_columns(["Indikator", "Polaritas", "Target"], TableKind.CAPAIAN, 2023)[1].label == "polarity"


def test_percent_sign_first_is_the_capaian():
    got = roles(["Target / Target", "Target / Realisasi", "Target / % Realisasi", "Realisasi (%)"])
    assert [g[0] for g in got] == [Role.TARGET, Role.REALISASI, Role.CAPAIAN, Role.REALISASI]
    header = ["Target* / 2016 / Nilai", "Realisasi** / 2016 / Nilai", "Capaian / Terhadap Indikator Kinerja"]
    got = roles(header, year=2016)
    assert got[2][0] == Role.CAPAIAN and got[2][1] is None


def test_budget_columns_beside_an_indicator_are_not_its_values():
    """Dispenda Jabar 2016 p.56: "% Penyerapan Anggaran" next to "% Capaian Kinerja" is the budget absorption,
    not a second % capaian; "Keuangan / Realisasi" is money, not the indicator's realisasi."""
    got = roles(["Indikator", "% Capaian Kinerja", "% Penyerapan Anggaran", "Tingkat Efisiensi"], year=2016)
    assert [g[0] for g in got] == [None, Role.CAPAIAN, None, None]
    got = roles(["Indikator", "Target", "Realisasi", "Keuangan / Pagu", "Keuangan / Realisasi"], year=2016)
    assert [g[0] for g in got[1:]] == [Role.TARGET, Role.REALISASI, None, None]
    # in a budget table they keep their budget roles
    got = roles(["Program", "Pagu", "Realisasi", "% Penyerapan Anggaran"], TableKind.BUDGET_REALISATION)
    assert [g[0] for g in got[1:]] == [Role.BUDGET_PAGU, Role.BUDGET_REALISASI, Role.BUDGET_PERCENT]


def test_medium_term_plan_target_of_a_later_year_is_the_end_target():
    """BP3AKB Jabar 2016 p.59: "Target RPJMD / 2016 | 2018" and "% Capaian ... thadap RPJMD / 2016 | 2018":
    the 2018 columns are the plan's end target and the % of it, not a second target of the report year."""
    header = [
        "Realisasi / 2016",
        "Target RPJMD / 2016",
        "Target RPJMD / 2018",
        "% Capaian Kinerja 2015 thadap RPJMD / 2016",
        "% Capaian Kinerja 2015 thadap RPJMD / 2018",
    ]
    got = roles(header, year=2016)
    assert [g[0] for g in got] == [
        Role.REALISASI,
        Role.TARGET,
        Role.RENSTRA_END_TARGET,
        Role.CAPAIAN,
        Role.RENSTRA_END_CAPAIAN,
    ]


def test_capaian_of_the_sasaran_is_not_the_indicators():
    """BKPD Jabar 2016 p.30 (Tabel 2): "Capaian Sasaran" 105.33 is the mean of the sasaran's indicators'
    capaian (106.81 and 103.85), not the first indicator's R/T; it is no value of an indicator (and not
    taken for an unnamed % column either)."""
    got = roles(["1", "Sasaran", "Indikator Sasaran", "Target", "Realisasi", "Capaian Sasaran"], year=2016)
    assert [g[0] for g in got[3:]] == [Role.TARGET, Role.REALISASI, None]
    got = roles(["Indikator", "Capaian Kinerja Sasaran / Target", "Capaian Kinerja Sasaran / %"], year=2016)
    assert [g[0] for g in got[1:]] == [Role.TARGET, Role.CAPAIAN]


def test_category_column_is_the_capaian_but_a_grading_column_is_not():
    # "Kategori Penilaian" prints the % capaian with its category ("63,36 % (Sedang)"); "2016 / PENILAIAN"
    # and "Kriteria" print only a grade.
    got = roles(
        ["Target", "Realisasi", "Kategori Penilaian", "2016 / PENILAIAN", "Tahun 2016 / Kriteria"], year=2016
    )
    assert got[2][0] == Role.CAPAIAN
    assert got[3][1] == "other" and got[4][1] == "other"
