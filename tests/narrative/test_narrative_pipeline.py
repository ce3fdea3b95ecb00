"""The spaCy pipeline for report prose: built once, tokenizer and sentence boundaries, entities and cues."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakipcheck.narrative.pipeline import Pipeline, is_bullet, pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return pipeline()


def tokens(nlp: Pipeline, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def sentences(nlp: Pipeline, text: str, line_starts: set[int] | None = None) -> list[str]:
    return [s.text for s in nlp(text, line_starts).sents]


def ents(nlp: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.label_, e.text) for e in nlp(text).ents]


def test_built_once_and_reused(nlp):
    assert pipeline() is nlp
    assert nlp.import_s >= 0 and nlp.build_s > 0
    # a blank Indonesian language: no trained components are loaded
    assert nlp.nlp.lang == "id"
    assert nlp.nlp.pipe_names == ["lakip_sentences", "entity_ruler"]


def test_rupiah_with_a_full_stop_is_not_a_sentence_end(nlp):
    text = (
        "Pagu anggaran tahun 2023 sebesar Rp. 54.166.493.000. Dari pagu anggaran tersebut berhasil dipakai."
    )
    assert tokens(nlp, text)[5:8] == ["Rp", ".", "54.166.493.000"]
    assert sentences(nlp, text) == [
        "Pagu anggaran tahun 2023 sebesar Rp. 54.166.493.000.",
        "Dari pagu anggaran tersebut berhasil dipakai.",
    ]
    assert ("MONEY", "Rp. 54.166.493.000") in ents(nlp, text)


def test_rupiah_glued_to_its_number_is_split(nlp):
    text = "dari total pagu anggaran Rp54.166.493.000"
    assert tokens(nlp, text)[-2:] == ["Rp", "54.166.493.000"]
    assert ents(nlp, text) == [("MONEY", "Rp54.166.493.000")]


def test_year_then_full_stop_ends_the_sentence(nlp):
    assert sentences(nlp, "Realisasi tahun 2021. Dari data tersebut terlihat kenaikan.") == [
        "Realisasi tahun 2021.",
        "Dari data tersebut terlihat kenaikan.",
    ]


def test_titles_initials_and_decimals_do_not_end_sentences(nlp):
    text = (
        "Balai dipimpin oleh Dr. Wirman Kasmayadi, S.Pd., M.Si. dengan jumlah SDM sebanyak 48 (empat puluh "
        "delapan) orang dan daya serap 99.82% atau 99,82%."
    )
    assert len(sentences(nlp, text)) == 1
    assert "99.82" in tokens(nlp, text) and "99,82" in tokens(nlp, text)


def test_a_grade_before_a_full_stop_ends_the_sentence(nlp):
    text = "Realisasi penilaian SAKIP tahun 2023 kategori B. Dibandingkan dengan target A, perlu perbaikan."
    assert sentences(nlp, text)[0] == "Realisasi penilaian SAKIP tahun 2023 kategori B."
    assert tokens(nlp, text)[6:8] == ["B", "."]


def test_list_number_stays_with_its_sentence(nlp):
    assert sentences(nlp, "6. Program dan kegiatan yang mendukung. Tabel berikut.") == [
        "6. Program dan kegiatan yang mendukung.",
        "Tabel berikut.",
    ]


def test_bullets_at_line_starts_begin_sentences(nlp):
    text = "kegiatan sebagai berikut: - Refleksi Satuan Pendidikan - Lokakarya Pengawas Sekolah"
    starts = {text.index("- Refleksi"), text.index("- Lokakarya")}
    assert sentences(nlp, text, starts) == [
        "kegiatan sebagai berikut:",
        "- Refleksi Satuan Pendidikan",
        "- Lokakarya Pengawas Sekolah",
    ]


def test_symbol_font_bullet_after_a_full_stop_begins_a_sentence(nlp):
    # a Wingdings arrow (private use U+F0D8) as printed in lkip_jabar_disperindag_2016
    text = "Jumlah ini kurang dari target yaitu sebanyak 25 unit. \uf0d8 Jumlah kerjasama perdagangan 5 buah."
    assert is_bullet("\uf0d8") and is_bullet("•") and not is_bullet("A") and not is_bullet(">")
    assert len(sentences(nlp, text)) == 2


def test_value_entities(nlp):
    found = ents(nlp, "dibentuk pada bulan April 2022, penghargaan tanggal 9 Desember 2023 untuk (IKK) 1.2")
    assert ("MONTH_YEAR", "bulan April 2022") in found
    assert ("DATE", "9 Desember 2023") in found
    assert ("IND_CODE", "(IKK) 1.2") in found
    assert ents(nlp, "mengalami peningkatan 622 orang atau 31,24%.") == [("PERCENT", "31,24%")]
    assert ents(nlp, "periode 2020-2024") == [("YEAR_RANGE", "2020-2024")]


def test_number_words_entities_and_token_attributes(nlp):
    doc = nlp("sebanyak 12 (dua belas) orang dan 31,24% (tiga puluh satu koma dua empat persen) tahun 2023")
    spans = [e for e in doc.ents if e.label_ == "NUMWORDS"]
    assert [s.text for s in spans] == ["12 (dua belas)", "31,24% (tiga puluh satu koma dua empat persen)"]
    assert spans[0]._.words_value is None  # the span holds digits too; the words alone spell 12
    assert doc[1]._.figure.value == Decimal(12)
    assert doc[-1]._.year == 2023 and doc[1]._.year is None


def test_cues_longest_phrase_wins_and_achievement_phrases_hide_target(nlp):
    doc = nlp("dengan target capaian akhir Renstra Tahun 2024 yang berjumlah 9.630 orang")
    labels = [(label, doc[s:e].text) for label, s, e in nlp.cues(doc)]
    assert ("RENSTRA_END", "target capaian akhir Renstra") in labels
    assert not any(label == "TARGET" for label, _ in labels)
    doc = nlp("capaian kinerja telah melebihi target yaitu tercapainya 10 dokumen")
    assert not any(label == "TARGET" for label, _, _ in nlp.cues(doc))
    doc = nlp("capaian sasaran Peningkatan Ketersediaan pangan sebesar 80,5%")
    assert ("OTHER", "capaian sasaran") in [(label, doc[s:e].text) for label, s, e in nlp.cues(doc)]
