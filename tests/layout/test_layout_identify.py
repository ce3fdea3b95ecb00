"""Document identity (kind, agency, year) on real corpus PDFs and on a generated news article."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest

from lakipcheck.ingest import open_document
from lakipcheck.layout import DocKind, find_sections, identify

# file -> (kind, year, a piece of the agency name); all read off the PDFs' covers and running headers
FACTS = {
    "lakip_provsu_2020.pdf": ("lakip", 2020, "Sumatera Utara"),
    "lkip_jabar_bappeda_2016.pdf": ("lakip", 2016, "Bappeda"),
    "lkip_jabar_bkpd_2016.pdf": ("lakip", 2016, "Ketahanan Pangan"),
    "lkip_jabar_bp3akb_2016.pdf": ("lakip", 2016, "Pemberdayaan Perempuan"),
    "lkip_jabar_bpmpd_2016.pdf": ("lakip", 2016, "Pemberdayaan Masyarakat dan Pemerintahan Desa"),
    "lkip_jabar_dinkes_2016.pdf": ("lakip", 2016, "Dinas Kesehatan"),
    "lkip_jabar_disbun_2016.pdf": ("lakip", 2016, "Perkebunan"),
    "lkip_jabar_disperindag_2016.pdf": ("lakip", 2016, "Perindustrian dan Perdagangan"),
    "lkip_jabar_rsudalihsan_2016.pdf": ("lakip", 2016, "Al Ihsan"),
    "lkip_jabar_bkppwil1_2016.pdf": ("lakip", 2016, "Wilayah I"),
    "lkip_jabar_diskimrum_2016_part1.pdf": ("lakip", 2016, "Permukiman"),  # Bab I-III, watermark in header
    "lkip_jabar_binamarga_2016_bab3.pdf": ("lakip_part", 2016, "Bina Marga"),
    "lkip_jabar_dishub_2016_bab3.pdf": ("lakip_part", 2016, "Perhubungan"),
    "lkip_jabar_diskanlaut_2016_bab3.pdf": ("lakip_part", 2016, "Perikanan dan Kelautan"),  # letter-spaced
    "lkip_jabar_diskanlaut_2016_lampiran3.pdf": ("lakip_part", 2016, "Perikanan dan Kelautan"),
    "pk_bps_dompu_2022.pdf": ("perjanjian_kinerja", 2022, "Badan Pusat Statistik Kabupaten Dompu"),
    "pk_jabar_2016_fix.pdf": ("perjanjian_kinerja", 2016, "Pemberdayaan Masyarakat"),
    "pk_jabar_disparbud_kadis_2016.pdf": ("perjanjian_kinerja", 2016, "Pariwisata dan Kebudayaan"),
    "pk_jabar_dispora_2017.pdf": ("perjanjian_kinerja", 2017, "Pemuda dan Olahraga"),
    "pk_jabar_ess2_2016.pdf": ("perjanjian_kinerja", 2016, None),
    "pk_jabar_inspektorat_2016.pdf": ("perjanjian_kinerja", 2016, None),  # "LKIP ... Lampiran 2" header
    "pk_jabar_kadis_2016_a.pdf": ("perjanjian_kinerja", 2016, "Peternakan"),
    "renaksi_grobogan_dpupr_2022.pdf": ("rencana_aksi", 2022, "Kabupaten Grobogan"),
    "monev_renaksi_jabar_dishub_2016.pdf": ("rencana_aksi", 2016, "Perhubungan"),
    "renstra_bpk_sumbar_2016-2020.pdf": ("renstra", 2016, "Sumatera Barat"),
    "lra_provsu_2022.pdf": ("lra", 2022, "Sumatera Utara"),
    "evalrenja_tangsel_dinkes_2023.pdf": ("evaluasi_renja", 2023, "Kesehatan"),
    "pk_grobogan_dpupr_kadin_scan.pdf": ("scanned", None, None),
    "pk_jabar_dishub_2016_scan.pdf": ("scanned", None, None),
    "pk_jabar_kadis_2016_scan.pdf": ("scanned", None, None),
    "pk_pasuruan_bappeda_kaban_scan.pdf": ("scanned", None, None),
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(FACTS))
def test_identity(laid_out, name):
    kind, year, agency = FACTS[name]
    info = laid_out(name).info
    assert info.kind == kind, info.reasons
    if year is not None:
        assert info.year == year
    if agency is not None:
        assert info.agency is not None and agency.lower() in info.agency.lower()
    assert info.reasons and 0 < info.confidence <= 1


@pytest.mark.corpus
def test_report_year_is_not_the_signing_year(laid_out):
    """The BP3AKB cover is dated 'JANUARI 2017' and the text cites 'Tahun 2014' laws: the year is 2016."""
    info = laid_out("lkip_jabar_bp3akb_2016.pdf").info
    assert info.year == 2016
    assert "2017" in " ".join(li.text for li in laid_out("lkip_jabar_bp3akb_2016.pdf").doc.pages[0].lines)


@pytest.mark.corpus
def test_lakip_reasons_name_the_chapters(laid_out):
    info = laid_out("lkip_jabar_disnak_2016.pdf").info
    assert info.kind is DocKind.LAKIP
    assert any("BAB III p.18" in r for r in info.reasons)


def _news_pdf(md_path: Path) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    text = md_path.read_text(encoding="utf-8")
    text = re.sub(r"(?s)^---.*?---\s*", "", text)  # front matter
    styles = getSampleStyleSheet()
    story = []
    title = re.search(r"(?m)^title:\s*(.+)$", md_path.read_text(encoding="utf-8"))
    if title:
        story += [Paragraph(title.group(1), styles["Title"]), Spacer(1, 12)]
    for para in text.split("\n\n"):
        para = re.sub(r"[*<>]", "", para).strip()
        if para:
            story += [Paragraph(para, styles["BodyText"]), Spacer(1, 6)]
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def test_news_article_is_not_a_lakip(corpus_dir):
    seed = corpus_dir.parent / "seeds" / "news_bkd_ntt_2024.md"
    if not seed.exists():
        pytest.skip("news seed text not found")
    doc = open_document(_news_pdf(seed))
    sections = find_sections(doc)
    info = identify(doc, sections)
    assert info.kind in (DocKind.NEWS, DocKind.OTHER)
    assert not info.kind.is_lakip
    assert not [s for s in sections if s.kind.startswith("bab_")]
