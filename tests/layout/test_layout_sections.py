"""Sections found in real corpus PDFs. Every expected page was checked by reading the PDF's text."""

from __future__ import annotations

from itertools import pairwise

import pytest

pytestmark = pytest.mark.corpus

# file -> first page of BAB I, II, III, IV (None: the file does not have that chapter)
BAB_STARTS = {
    "lakip_provsu_2020.pdf": (8, 15, 25, 84),  # title on the line below "BAB I"
    "lkip_jabar_bappeda_2016.pdf": (9, 19, 24, 58),  # "Bab I" mixed case; TOC on pp. 5-6
    "lkip_jabar_biroadbang_2016.pdf": (7, 13, 25, 31),  # p. 12 lists all four chapters ("Sistematika")
    "lkip_jabar_birohpu_2016.pdf": (1, 4, 11, 23),
    "lkip_jabar_biroorganisasi_2016.pdf": (1, 7, 14, 35),
    "lkip_jabar_bkpd_2016.pdf": (1, 8, 28, 47),  # no BAB text at all: from the numbered sub-chapters
    "lkip_jabar_bkppwil1_2016.pdf": (1, 11, 22, 29),
    "lkip_jabar_bp3akb_2016.pdf": (7, 17, 32, 71),
    "lkip_jabar_bp3iptek_2016.pdf": (10, 18, 37, 58),  # running footer "Bab II – Perencanaan Kinerja | 8"
    "lkip_jabar_bplhd_2016.pdf": (1, 5, 15, 36),  # arabic "BAB 2"
    "lkip_jabar_bpmpd_2016.pdf": (2, 10, 17, 70),  # BAB II and III start at the foot of a page
    "lkip_jabar_dinkes_2016.pdf": (5, 16, 32, 89),  # pp. 14-15 list the chapters in the text
    "lkip_jabar_disbun_2016.pdf": (1, 8, 41, 75),
    "lkip_jabar_disnak_2016.pdf": (1, 8, 18, 49),
    "lkip_jabar_disnakertrans_2016.pdf": (10, 16, 25, 54),
    "lkip_jabar_disperindag_2016.pdf": (11, 22, 31, 81),  # small right-aligned "BAB.I" over a large title
    "lkip_jabar_kesbangpol_2016_draft.pdf": (1, 9, 18, 34),
    "lkip_jabar_rsjiwa_2016.pdf": (1, 7, 15, 32),
    "lkip_jabar_rsudalihsan_2016.pdf": (1, 8, 18, 30),  # letter-spaced "P E N D A H U L U A N"
    "lkip_jabar_diskimrum_2016_part1.pdf": (10, 17, 37, None),  # only the running header names chapters
}

BABS = ("bab_i_pendahuluan", "bab_ii_perencanaan_kinerja", "bab_iii_akuntabilitas_kinerja", "bab_iv_penutup")


@pytest.mark.parametrize("name", sorted(BAB_STARTS))
def test_chapter_starts(laid_out, name):
    laid = laid_out(name)
    found = tuple(laid.start(kind) for kind in BABS)
    assert found == BAB_STARTS[name]


@pytest.mark.parametrize("name", sorted(BAB_STARTS))
def test_sections_are_ordered_and_ranges_consistent(laid_out, name):
    laid = laid_out(name)
    n = len(laid.doc.pages)
    starts = [s.page_start for s in laid.sections]
    assert starts == sorted(starts)
    for s in laid.sections:
        assert 1 <= s.page_start <= s.page_end <= n
    top = [s for s in laid.sections if s.level == 1]
    assert top[-1].page_end == n
    for a, b in pairwise(top):
        assert b.page_start - 1 <= a.page_end <= b.page_start


def test_chapter_ranges_and_shared_page(laid_out):
    laid = laid_out("lkip_jabar_bpmpd_2016.pdf")
    bab1 = laid.section("bab_i_pendahuluan")
    bab3 = laid.section("bab_iii_akuntabilitas_kinerja")
    assert (bab1.page_start, bab1.page_end) == (2, 10)  # BAB II's heading sits at the foot of p. 10
    assert (bab3.page_start, bab3.page_end) == (17, 69)
    assert bab1.bbox is not None and bab1.bbox.top < 120


def test_toc_and_running_footer_are_not_headings(laid_out):
    laid = laid_out("lkip_jabar_bp3iptek_2016.pdf")
    kinds = [s.kind for s in laid.sections]
    assert kinds.count("bab_ii_perencanaan_kinerja") == 1
    assert laid.start("daftar_isi") == 6
    assert all(s.page_start != 6 for s in laid.sections if s.kind.startswith("bab_"))


def test_front_matter(laid_out):
    laid = laid_out("lkip_jabar_bp3akb_2016.pdf")
    assert laid.start("ikhtisar_eksekutif") == 2
    assert laid.start("kata_pengantar") == 4
    assert laid.start("daftar_isi") == 5
    laid = laid_out("lkip_jabar_biroadbang_2016.pdf")
    assert laid.section("ikhtisar_eksekutif").title == "RINGKASAN EKSEKUTIF"


def test_bab3_subsections(laid_out):
    laid = laid_out("lkip_jabar_biroorganisasi_2016.pdf")
    cap = laid.section("capaian_kinerja")
    real = laid.section("realisasi_anggaran")
    assert (cap.page_start, cap.level) == (14, 2)
    assert real.page_start == 33 and real.title.startswith("3.2")
    laid = laid_out("lkip_jabar_dinkes_2016.pdf")
    assert laid.section("realisasi_anggaran").title == "B. Akuntabilitas Keuangan"


@pytest.mark.parametrize(
    "name",
    [
        "lkip_jabar_binamarga_2016_bab3.pdf",
        "lkip_jabar_dishub_2016_bab3.pdf",
        "lkip_jabar_diskanlaut_2016_bab3.pdf",  # letter-spaced "B A B I I I"
        "lkip_jabar_disparbud_2016_bab3.pdf",
        "lkip_jabar_inspektorat_2016_bab3.pdf",
    ],
)
def test_single_chapter_files(laid_out, name):
    laid = laid_out(name)
    babs = [s for s in laid.sections if s.kind.startswith("bab_")]
    assert [(s.kind, s.page_start, s.page_end) for s in babs] == [
        ("bab_iii_akuntabilitas_kinerja", 1, len(laid.doc.pages))
    ]


def test_lampiran_parts(laid_out):
    laid = laid_out("lkip_jabar_diskimrum_2016_part2.pdf")  # part 2 of a report: end of BAB III, IV, lampiran
    pk = laid.section("perjanjian_kinerja")
    assert pk is not None and pk.page_start == 22 and pk.level == 2
    laid = laid_out("lkip_jabar_bp3iptek_2016.pdf")
    assert laid.start("lampiran") == 61


def test_pk_file_sections(laid_out):
    laid = laid_out("pk_jabar_dispora_2017.pdf")
    assert [(s.kind, s.page_start) for s in laid.sections] == [("perjanjian_kinerja", 1)]
    laid = laid_out("pk_jabar_inspektorat_2016.pdf")  # "Lampiran 2 / Perjanjian Kinerja Tahun 2016"
    assert [s.kind for s in laid.sections] == ["lampiran", "perjanjian_kinerja"]


def test_non_lakip_chapters_are_not_mapped_by_number(laid_out):
    """A Renstra has BAB I-VI with other titles: its BAB II-IV must not pass for Perencanaan/Akuntabilitas."""
    laid = laid_out("renstra_bpk_sumbar_2016-2020.pdf")
    kinds = {s.kind for s in laid.sections}
    assert "bab_ii_perencanaan_kinerja" not in kinds
    assert "bab_iii_akuntabilitas_kinerja" not in kinds
    assert laid.start("bab_i_pendahuluan") == 11
