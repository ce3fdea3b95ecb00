"""Kinds of report: a quarterly Laporan Kinerja, a report whose front pages are scanned, a news page that
names a 'Laporan Kinerja' in its site header, and chapters implied by numbering."""

from __future__ import annotations

from io import BytesIO

import pytest

from lakipcheck.ingest import open_document
from lakipcheck.layout import analyse, find_sections, identify
from lakipcheck.layout.types import DocKind
from lakipcheck.pipeline import NotALakip, extract


def _identify(source):
    doc = open_document(source)
    layout = analyse(doc)
    sections = find_sections(doc, layout)
    return identify(doc, sections, layout), sections


@pytest.mark.corpus
def test_quarterly_report_is_its_own_kind(corpus_dir):
    info, _ = _identify(corpus_dir / "lkj_kejari_salatiga_tw2_2025.pdf")
    assert info.kind is DocKind.LAKIP_TRIWULAN
    assert info.kind.is_lakip
    assert any("triwulan" in r for r in info.reasons)


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["lakip_padangpariaman_dpupr_2019.pdf", "lkjip_jatim_inspektorat_2021.pdf"])
def test_scanned_cover_and_foreword_still_a_lakip(corpus_dir, name, image_only):
    """Cover, Kata Pengantar and the next page as images: the report is known from its text pages."""
    pdf = image_only(corpus_dir / name, {1, 2, 3})
    report = extract(pdf)
    assert report.info.kind is DocKind.LAKIP
    assert {1, 2, 3} <= set(report.scanned_pages)


@pytest.mark.corpus
def test_numbering_restart_low_on_a_page_is_a_list(corpus_dir):
    """Bina Marga's BAB III lists '1. Pelaksanaan Program' / '1.1 Program ...' after '3.3': not a BAB IV."""
    info, sections = _identify(corpus_dir / "lkip_jabar_binamarga_2016_bab3.pdf")
    assert info.kind is DocKind.LAKIP_PART
    assert not [s for s in sections if s.kind == "bab_iv_penutup"]


def _web_news(pages: int = 2) -> bytes:
    """A news article printed from a web page: the site's menu (naming 'Laporan Kinerja') on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    story = (
        "Balai Guru Penggerak Provinsi NTT menggelar sosialisasi pengelolaan kinerja guru secara virtual. "
        "Acara ini dibuka secara resmi oleh Kepala Balai. Narasumber memaparkan materi tentang Platform "
        "Merdeka Mengajar dan pengelolaan kinerja ASN guru, diikuti sesi diskusi selama 60 menit. "
    )
    out = BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    _w, h = A4
    for n in range(pages):
        c.setFont("Helvetica", 8)
        c.drawString(40, h - 30, "Beranda  Profil  Berita  Laporan Kinerja  Kontak   bgpntt.kemdikbud.go.id")
        c.drawString(40, 20, f"bgpntt.kemdikbud.go.id/berita/sosialisasi   {n + 1}/{pages}")
        c.setFont("Helvetica-Bold", 14)
        if n == 0:
            c.drawString(40, h - 70, "Sosialisasi Pengelolaan Kinerja Guru")
            c.setFont("Helvetica", 9)
            c.drawString(40, h - 85, "Jumat, 5 Januari 2024   Penulis : Redaksi   Editor : Tim Humas")
        c.setFont("Helvetica", 10)
        y = h - 110
        for _ in range(30):
            c.drawString(40, y, story[:95])
            y -= 14
        c.showPage()
    c.save()
    return out.getvalue()


def test_news_page_naming_a_laporan_kinerja_is_refused():
    with pytest.raises(NotALakip) as exc:
        extract(_web_news())
    assert exc.value.report.info.kind in (DocKind.NEWS, DocKind.OTHER)


def test_header_naming_a_report_without_any_report_content_is_refused():
    """No news markers, but no chapter and no performance or budget table either: not a LAKIP part."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    _w, h = A4
    for n in range(2):
        c.setFont("Helvetica", 8)
        c.drawString(40, h - 30, "Laporan Kinerja Balai Contoh Provinsi Contoh Tahun 2023")
        c.setFont("Helvetica", 10)
        for i in range(30):
            c.drawString(
                40,
                h - 80 - 14 * i,
                f"Catatan rapat koordinasi bagian {n + 1}, butir {i + 1}: dibahas jadwal.",
            )
        c.showPage()
    c.save()
    with pytest.raises(NotALakip) as exc:
        extract(out.getvalue())
    assert "no report chapter" in str(exc.value)
