"""Blocks (prose outside tables, headers/footers left out, paragraphs joined over page breaks), indicator
sections and indicator mentions."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from lakipcheck.ingest.types import Line, Word
from lakipcheck.model.types import Indicator
from lakipcheck.narrative.blocks import Block, read_blocks
from lakipcheck.narrative.mentions import Mentions, code_number
from lakipcheck.narrative.sections import find_sections
from lakipcheck.narrative.words import words_value
from lakipcheck.provenance import BBox


@pytest.fixture(scope="module")
def blocks(sample_doc):
    return read_blocks(sample_doc, {})


@pytest.fixture(scope="module")
def sections(blocks, sample_report):
    return find_sections(blocks, sample_report.indicators, sample_report.sections)


def test_running_header_and_page_numbers_are_left_out(blocks, sample_doc):
    assert not any(b.text.strip() == "Laporan Kinerja BGP Provinsi NTT | 2023" for b in blocks)
    height = sample_doc.pages[0].height
    footer = [
        b for b in blocks if b.top > 0.9 * height and re.fullmatch(r"\d{1,3}|[ivx]{1,4}", b.text.strip())
    ]
    assert footer == []  # page numbers


def test_paragraph_split_by_a_page_break_is_joined(blocks):
    """p. 14 ends with "Realisasi jumlah guru" and p. 15 goes on "dan tenaga kependidikan ... 31,24%."."""
    b = next(b for b in blocks if "mengalami peningkatan 622 orang atau 31,24%" in b.text)
    assert "Realisasi jumlah guru dan tenaga kependidikan" in b.text
    assert b.page < b.last_page
    at = b.text.index("31,24%")
    assert b.where(at, at + 6)[0] == b.last_page


def test_heading_blocks(blocks):
    h = next(b for b in blocks if b.text.startswith("5. Perbandingan Realisasi Tahun 2023 dan 2024"))
    assert h.heading and h.page == 19


def test_indicator_sections_follow_the_headings(blocks, sections):
    def owner(text: str) -> str | None:
        k = next(k for k, b in enumerate(blocks) if text in b.text)
        return next((s.indicator.key for s in sections if k in s.blocks), None)

    opened = [(s.indicator.key, s.code) for s in sections if s.code]
    assert opened == [(f"IKK {n}", f"IKK {n}") for n in ("1.1", "1.2", "1.3", "2.1", "2.2")]
    assert owner("mengalami peningkatan 622 orang atau 31,24%") == "IKK 1.1"
    assert owner("yang berjumlah 28.602 orang") == "IKK 1.2"
    assert owner("yang berjumlah 2.228 orang") == "IKK 1.3"
    assert owner("103,71% dari target 90") == "IKK 2.2"
    # BAB IV and the Lampiran are in no indicator's section
    assert owner("hanya 1 IKK yang belum dicapai") is None


def _block(*lines: str, bold: bool = True) -> Block:
    b = Block(heading=bold)
    for n, text in enumerate(lines):
        words = [Word(w, BBox(72 + 30 * k, 100 + 14 * n, 100 + 30 * k, 110 + 14 * n), 12, bold) for k, w in
                 enumerate(text.split())]  # fmt: skip
        b.add_line(Line(words, BBox(72, 100 + 14 * n, 500, 110 + 14 * n)), 20)
    return b


def test_a_sasaran_heading_is_not_an_indicator_section():
    """lkip_jabar_dishub_2016_bab3 p. 20: "D. Sasaran ke-4: Meningkatkan ketersediaan kelengkapan jalan ..."
    names a sasaran that a table also lists among the indicators."""
    ind = Indicator(key="ind-9", name="Meningkatkan ketersediaan kelengkapan jalan di ruas jalan Provinsi")
    other = Indicator(key="ind-1", name="Prosentase ketersediaan dermaga/pelabuhan ASDP", code=None)
    heading = _block("D. Sasaran ke-4: Meningkatkan ketersediaan kelengkapan jalan di ruas jalan Provinsi")
    assert find_sections([heading], [ind, other], []) == []
    named = _block("Meningkatkan ketersediaan kelengkapan jalan di ruas jalan Provinsi")
    assert [s.indicator.key for s in find_sections([named], [ind, other], [])] == ["ind-9"]


INDS = [
    Indicator(
        key="IKK 1.1",
        name="Jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma baru",
        code="IKK 1.1",
    ),
    Indicator(
        key="IKK 1.2",
        name="Jumlah guru dan tenaga kependidikan yang mengikuti inovasi pembelajaran dalam peningkatan "
        "kompetensinya",
        code="IKK 1.2",
    ),
    Indicator(key="IKK 2.1", name="Predikat SAKIP", code="IKK 2.1"),
]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Indikator Kinerja Kegiatan (IKK) 1.2 mempunyai target 9.534 orang", ["IKK 1.2"]),
        ("pencapaian target Indikator Kinerja Kegiatan (IKK 1.1) yaitu", ["IKK 1.1"]),
        ("realisasi capaian kinerja jumlah guru dan tenaga kependidikan yang mengikuti pelatihan "
         "pembelajaran paradigma baru masih 67,77 %", ["IKK 1.1"]),
        # a name with a typo still matches; a two-word name is matched by its code only
        ("jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma baruu",
         ["IKK 1.1"]),
        ("nilai Predikat SAKIP tahun ini", []),
        # the part both names share is not enough to tell which
        ("jumlah guru dan tenaga kependidikan yang mengikuti", []),
    ],
)  # fmt: skip
def test_mentions(text, expected):
    assert [m.indicator.key for m in Mentions(INDS).find(text)] == expected


def test_mention_offsets_and_code_number():
    text = "Realisasi (IKK) 1.2 tahun 2023"
    (m,) = Mentions(INDS).find(text)
    assert m.how == "code" and text[m.start : m.end].endswith("1.2")
    assert code_number("IKK 1.2") == "1.2" and code_number(None) is None


@pytest.mark.parametrize(
    "text,value,tail",
    [
        ("empat puluh delapan", Decimal(48), None),
        ("tiga puluh satu koma dua empat persen", Decimal("31.24"), "persen"),
        ("lima juta rupiah", Decimal(5_000_000), "rupiah"),
        ("seratus satu koma tujuh lima", Decimal("101.75"), None),
        ("koma", None, None),
        ("orang", None, None),
    ],
)
def test_words_value(text, value, tail):
    got = words_value(text)
    assert (got is None) if value is None else got == (value, tail)
