"""Linking the same indicator across tables."""

from __future__ import annotations

from lakipcheck.model.link import Registry, split_code


def test_split_code_variants():
    assert split_code("[IKK 1.1] Jumlah guru") == ("IKK 1.1", "Jumlah guru")
    assert split_code("IKK 2.2] Nilai kinerja anggaran") == ("IKK 2.2", "Nilai kinerja anggaran")
    assert split_code("IKU 3 Indeks Kepuasan") == ("IKU 3", "Indeks Kepuasan")
    assert split_code("[SK 1.0] Meningkatnya kompetensi") == (None, "Meningkatnya kompetensi")
    assert (
        split_code("Jumlah guru (IKK 1.1 di PK)")[0] is None
    )  # a code late in the text is not the row's code


def test_fuzzy_link_tolerates_case_typos_and_enumerators():
    reg = Registry()
    a = reg.add(
        "Jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma baru", None
    )
    b = reg.add("Jumlah guru yang mengikuti program pendidikan kepemimpinan sekolah model baru", None)
    found, score = reg.find(
        "1. Jumlah Guru dan Tenaga Kependidikan yang Mengikuti Pelatihan Pembelajaran Paradigma Baru", None
    )
    assert found is a and score >= 95
    found, _ = reg.find("Jumlah guru yg mengikuti program pendidikan kepemimpinan sekolah modl baru", None)
    assert found is b


def test_different_indicators_are_not_linked():
    reg = Registry()
    reg.add("Persentase penduduk miskin", None)
    found, _ = reg.find("Persentase penduduk lanjut usia", None)
    assert found is None


def test_code_wins_and_is_adopted():
    reg = Registry()
    ind = reg.add("Predikat SAKIP BGP Provinsi Nusa Tenggara Timur", None)
    found, _ = reg.resolve("Predikat SAKIP BGP Provinsi Nusa Tenggara Timur", "IKK 2.1", create=True)
    assert found is ind and ind.code == "IKK 2.1" and ind.key == "IKK 2.1"
    found, score = reg.find("anything", "IKK 2.1")
    assert found is ind and score == 100


def test_heading_names_the_indicator():
    reg = Registry()
    reg.add("Predikat SAKIP BGP Provinsi Nusa Tenggara Timur", "IKK 2.1")
    reg.add("Nilai kinerja anggaran atas pelaksanaan RKA-K/L BGP Provinsi Nusa Tenggara Timur", "IKK 2.2")
    ind, _ = reg.best_in_text(
        "5. Perbandingan Realisasi Tahun 2022 dan 2023 dari Indikator Kinerja Kegiatan "
        "(IKK) 2.1 Predikat SAKIP Balai Guru Penggerak (BGP) Provinsi NTT"
    )
    assert ind is not None and ind.code == "IKK 2.1"


def test_names_differing_in_a_content_word_are_two_indicators():
    reg = Registry()
    reg.add("Angka kematian ibu per 100.000 kelahiran hidup", None)
    found, _ = reg.find("Angka kematian bayi per 1.000 kelahiran hidup", None)
    assert found is None
    found, _ = reg.find("Angka kematian ibu per 100.000 kelahiran hidup (AKI)", None)
    assert found is not None
