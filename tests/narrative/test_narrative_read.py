"""Claim extraction: what each figure of a sentence is, its year and its indicator. Sentences are taken from
the BGP NTT 2023 seed and from the corpus reports (lkip_jabar_*_2016)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakipcheck.model.claims import Claim, ClaimKind
from lakipcheck.model.types import Indicator
from lakipcheck.narrative.read import claims_of_text

K = ClaimKind
I11 = Indicator(
    key="IKK 1.1",
    name="Jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma baru",
    code="IKK 1.1",
    unit="orang",
)
I12 = Indicator(
    key="IKK 1.2",
    name=(
        "Jumlah guru dan tenaga kependidikan yang mengikuti inovasi pembelajaran dalam peningkatan "
        "kompetensinya"
    ),
    code="IKK 1.2",
    unit="orang",
)
I21 = Indicator(key="IKK 2.1", name="Predikat SAKIP BGP Provinsi Nusa Tenggara Timur", code="IKK 2.1")
I22 = Indicator(
    key="IKK 2.2",
    name="Nilai kinerja anggaran atas pelaksanaan RKA-K/L BGP Provinsi Nusa Tenggara Timur",
    code="IKK 2.2",
    unit="nilai",
)
BGP = [I11, I12, I21, I22]
WTN = Indicator(key="ind-1", name="Prosentase keikutsertaan kabupaten/ kota dalam WTN")


def figures(claims: list[Claim]) -> list[tuple[str, str, int | None]]:
    """(kind, printed, year) of the claims that are figures of an indicator."""
    skip = {K.MENTION, K.YEARS, K.DATE, K.FACT, K.NUMBER_WORDS, K.RATIO}
    return [(c.kind.value, c.figure.raw, c.year) for c in claims if c.kind not in skip]


def test_target_realisasi_and_capaian_by_code():
    text = (
        "Berdasarkan grafik diatas, Indikator Kinerja Kegiatan (IKK) 1.1 Jumlah guru dan tenaga kependidikan "
        "yang mengikuti pelatihan pembelajaran paradigma baru dengan jumlah target guru dan tenaga "
        "kependidikan 2.568 orang dan realisasi 2.613 orang atau 101,75%."
    )
    claims = claims_of_text(text, BGP, year=2023)
    assert figures(claims) == [
        ("target", "2.568 orang", None),
        ("realisasi", "2.613 orang", None),
        ("capaian", "101,75%", None),
    ]
    target = claims[1]
    assert target.indicator == "IKK 1.1" and target.link == "code"
    assert target.figure.value == Decimal(2568) and target.figure.unit == "orang"
    assert target.provenance.page == 1 and target.provenance.sentence == text


def test_previous_year_change_and_change_percent():
    text = (
        "Indikator Kinerja Kegiatan (IKK) 1.1 untuk tahun 2022 realisasi 1.991 orang dan realisasi tahun "
        "2023 berjumlah 2.613 orang. Realisasi jumlah guru dan tenaga kependidikan yang mengikuti pelatihan "
        "pembelajaran paradigma baru tahun 2022 dan 2023 mengalami peningkatan 622 orang atau 31,24%."
    )
    claims = claims_of_text(text, BGP, year=2023)
    assert figures(claims) == [
        ("prev_realisasi", "1.991 orang", 2022),
        ("realisasi", "2.613 orang", 2023),
        ("change", "622 orang", 2023),
        ("change_percent", "31,24%", 2023),
    ]
    change = next(c for c in claims if c.kind == K.CHANGE)
    assert change.extra["direction"] == "up" and change.indicator == "IKK 1.1" and change.link == "name"
    # the two sentences are one paragraph: the change check can use the realisasi of the first
    assert len({c.extra["block"] for c in claims}) == 1 and len({c.extra["sent"] for c in claims}) == 2


def test_renstra_end_target_and_percent_in_the_section_of_another_indicator():
    """The IKK 1.2 section's closing sentence names IKK 1.1 (the copy-paste error of the sample): its figures
    are read with the named indicator, and the section's indicator is kept beside it."""
    text = (
        "Apabila dibandingkan dengan target capaian akhir Renstra Tahun 2024 yang berjumlah 28.602 orang, "
        "realisasi capaian kinerja jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran "
        "paradigma baru masih 67,77 %."
    )
    claims = claims_of_text(text, BGP, year=2023, section=I12)
    assert figures(claims) == [
        ("renstra_end_target", "28.602 orang", 2024),
        ("renstra_end_capaian", "67,77 %", 2024),
    ]
    mention = next(c for c in claims if c.kind == K.MENTION)
    assert mention.indicator == "IKK 1.1" and mention.extra["section_indicator"] == "IKK 1.2"
    assert mention.extra["subject"] is True


def test_ratio_x_atau_p_dari_y():
    claims = claims_of_text(
        "Tahun 2023 Realisasi Kinerja Anggaran Atas Pelaksanaan RKA-K/L BGP Provinsi NTT adalah 93,34 atau "
        "103,71% dari target 90.",
        BGP,
        year=2023,
        section=I22,
    )
    assert figures(claims) == [
        ("realisasi", "93,34", 2023),
        ("capaian", "103,71%", 2023),
        ("target", "90", 2023),
    ]
    ratio = next(c for c in claims if c.kind == K.RATIO)
    assert (ratio.figure.raw, ratio.extra["num"], ratio.extra["den"]) == ("103,71%", "93,34", "90")
    assert (ratio.extra["num_role"], ratio.extra["den_role"]) == ("realisasi", "target")
    assert {c.link for c in claims} == {"section"}


def test_ratio_x_dari_y_atau_p_and_capaian_after_tercapai():
    """lkip_jabar_dishub_2016_bab3 p. 8: "15 dari 27 ... atau 59,26%" (15/27 is 55,56%)."""
    claims = claims_of_text(
        "Sampai dengan tahun 2016 jumlah Kabupaten/kota yang ikut serta dalam WTN adalah sebanyak 15 dari 27 "
        "Kabupaten/kota di Jawa Barat atau 59,26 % dari target 55,56 % atau tercapai 106,66 %.",
        [WTN],
        year=2016,
        section=WTN,
    )
    ratio = next(c for c in claims if c.kind == K.RATIO)
    assert (ratio.figure.raw, ratio.extra["num"], ratio.extra["den"]) == ("59,26 %", "15", "27")
    assert ("target", "55,56 %", 2016) in figures(claims)
    assert ("capaian", "106,66 %", 2016) in figures(claims)


def test_target_then_realisasi_pairs_are_not_capaian():
    """lkip_jabar_bappeda_2016 p. 28: "target 90% baru tercapai 88,59%, dan ..., target ... 90% baru tercapai
    82%": each "tercapai" figure is a realisasi, not a % capaian."""
    claims = claims_of_text(
        "Tingkat layanan, yaitu target 90% baru tercapai 88,59%, dan Tingkat konsistensi, yaitu dari target "
        "yang telah ditetapkan sebesar 90% baru tercapai 82%.",
        [WTN],
        section=WTN,
    )
    assert [f[:2] for f in figures(claims)] == [
        ("target", "90%"),
        ("realisasi", "88,59%"),
        ("target", "90%"),
        ("realisasi", "82%"),
    ]


def test_percent_indicator_realisasi_in_percent():
    """An indicator counted in percent: "realisasi X% dari target Y% atau tercapai Z%" gives realisasi X."""
    claims = claims_of_text(
        "Sehingga realisasi indikator ini sebesar 78,80 % dari target 79,00 % atau tercapai 99,24 %.",
        [WTN],
        section=WTN,
    )
    assert figures(claims) == [
        ("realisasi", "78,80 %", None),
        ("target", "79,00 %", None),
        ("capaian", "99,24 %", None),
    ]


def test_predicates_and_renstra_end_grade():
    text = (
        "Indikator Kinerja Kegiatan (IKK) 2.1 Predikat SAKIP BGP Provinsi NTT mempunyai target BB. "
        "Capaian kinerja BGP Provinsi NTT adalah B. Apabila dibandingkan dengan target capaian akhir Renstra "
        "Tahun 2024 dengan kategori A, maka BGP Provinsi NTT perlu memperbaiki komponen penilaian SAKIP."
    )
    claims = claims_of_text(text, BGP, year=2023, section=I21)
    assert figures(claims) == [
        ("target", "BB", None),
        ("realisasi", "B", None),
        ("renstra_end_target", "A", 2024),
    ]
    assert [c.figure.predicate for c in claims if c.kind != K.MENTION] == ["BB", "B", "A"]


@pytest.mark.parametrize(
    "text",
    [
        # sub-components, formulas, bounds, counts of things: none is the indicator's target or realisasi
        "realisasinya sebesar 159/128 x 100% = 124,21%, dengan demikian capaiannya 124,21/85*100 = 146,13%",
        "realisasi target capaian yaitu 11.45% dengan prosentase capaian >100 %",
        "capaian kinerja telah melebihi target jumlah populasi sebanyak 2 (dua) komoditi ternak",
        "Pada sasaran strategis 2 ketercapaiannya adalah 91,76%",
        # a fraction drawn with dashes (lkip_jabar_dkumkm_2016_bab3 p. 7)
        "Nilai Capaian Target 2 Nilai Capaian = ---------- x 100% = ------- x 100 % Nilai Rencana Target 85",
        "peningkatan produksi Jawa Barat pada tahun 2016 sedikit diatas capaian Nasional yaitu 101,36%.",
    ],
)
def test_what_is_not_read_as_a_target_or_capaian(text):
    claims = claims_of_text(text, [WTN], year=2016, section=WTN)
    got = figures(claims)
    assert not any(f[1].startswith(("128", "85", "100", "2", "91,76", "101,36")) for f in got), got


def test_a_change_word_inside_a_sasaran_name_is_not_a_change():
    """lkip_jabar_bkpd_2016 p. 31: "capaian sasaran Peningkatan Ketersediaan pangan ... sebesar 80,5%"."""
    claims = claims_of_text(
        "Berdasarkan hal tersebut, maka capaian sasaran Peningkatan Ketersediaan pangan dalam jumlah yang "
        "cukup tahun 2016 ini sebesar 80,5%.",
        [WTN],
        year=2016,
        section=WTN,
    )
    assert all(c.kind not in (K.CHANGE, K.CHANGE_PERCENT) for c in claims)


def test_another_years_figure_keeps_its_year():
    claims = claims_of_text(
        "Jika dibandingkan dengan tahun 2015 pencapaian persentase tingkat konsumsi pangan sebesar 103.30% "
        "mengalami sedikit peningkatan sebesar 2,3% ditahun 2016.",
        [WTN],
        year=2016,
        section=WTN,
    )
    capaian = next(c for c in claims if c.figure.raw == "103.30%")
    assert capaian.year == 2015


def test_number_words_dates_and_facts():
    text = (
        "BGP Provinsi Nusa Tenggara Timur pertama kali dibentuk pada bulan April 2022. BGP dipimpin oleh "
        "Dr. Wirman Kasmayadi, S.Pd., M.Si. dengan jumlah SDM sebanyak 48 (empat puluh delapan) orang "
        "dengan latar pendidikan yang berbeda. Wilayah kerja BGP Provinsi Nusa Tenggara Timur melingkupi 21 "
        "(dua puluh satu) Kabupaten dan 1 (satu) Kota."
    )
    claims = claims_of_text(text, BGP, year=2023)
    words = [(c.figure.raw, c.words) for c in claims if c.kind == K.NUMBER_WORDS]
    assert words == [("48", 48), ("21", 21), ("1", 1)]
    facts = {c.extra["fact"]: c for c in claims if c.kind == K.FACT}
    assert (facts["founded"].extra["month"], facts["founded"].extra["year"]) == (4, 2022)
    assert facts["staff"].extra["value"] == 48
    assert facts["regencies"].extra["value"] == 22
    assert [c.figure.raw for c in claims if c.kind == K.DATE] == ["bulan April 2022"]


def test_staff_of_one_activity_is_not_the_agency_staff():
    """lkip_jabar_disnak_2016 p. 32 / lkip_jabar_bplhd_2016 p. 29: people trained are not the staff."""
    claims = claims_of_text(
        "pembinaan peningkatan SDM pengolahan sebanyak 54 orang dan Peningkatan kapasitas SDM pelaksanaan "
        "Bimtek sebanyak 32 orang.",
        BGP,
    )
    assert not [c for c in claims if c.kind == K.FACT]


def test_words_with_decimals_and_percent():
    claims = claims_of_text(
        "mengalami peningkatan 622 orang atau 31,24% (tiga puluh satu koma dua empat persen)."
    )
    w = next(c for c in claims if c.kind == K.NUMBER_WORDS)
    assert w.figure.raw == "31,24%" and w.extra["words_value"] == "31.24" and w.extra["percent"] is True


def test_heading_years():
    """A sentence giving realisasi for years (headings themselves are read on the sample, LK405)."""
    claims = claims_of_text(
        "Perbandingan Realisasi Tahun 2023 dan 2024 dengan Target Akhir Renstra Tahun 2024 Jumlah Guru",
        BGP,
        year=2023,
    )
    years = next(c for c in claims if c.kind == K.YEARS)
    assert years.extra["years"] == [2023, 2024] and years.extra["comparison"] is True
