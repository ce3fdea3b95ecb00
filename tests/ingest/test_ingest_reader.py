"""Ingest on the sample and on pages turned by /Rotate: words, lines, rules, text layer."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from lakipcheck.ingest import open_document


def test_sample_pages_have_words_lines_and_rules(sample_doc):
    assert len(sample_doc.pages) == 49
    capaian = sample_doc.pages[12]  # page 13: the capaian table
    assert capaian.has_text_layer and not capaian.is_scanned
    texts = [ln.text for ln in capaian.lines]
    assert any("101,75" in t for t in texts)
    assert len([r for r in capaian.rules if r.orientation == "v"]) >= 4
    assert len([r for r in capaian.rules if r.orientation == "h"]) >= 4
    # every word lies on its page
    for w in capaian.words:
        assert 0 <= w.bbox.x0 < w.bbox.x1 <= capaian.width + 1
        assert 0 <= w.bbox.top < w.bbox.bottom <= capaian.height + 1


def test_landscape_lampiran_pages_are_landscape(sample_doc):
    assert sample_doc.pages[40].is_landscape  # rencana aksi, page 41
    assert not sample_doc.pages[12].is_landscape


def test_words_keep_numbers_whole(sample_doc):
    words = {w.text for w in sample_doc.pages[29].words}  # realisasi anggaran, page 30
    assert "54.068.042.813" in words
    assert "99.82" in words


def _sideways_pdf(rotation: int) -> bytes:
    """A page whose content is drawn turned in user space and /Rotate-d back, as scanners and Word do for
    landscape tables: a reader sees it upright."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    w, h = A4
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setPageRotation(rotation)  # reportlab swaps the MediaBox for 90/270: user space is then h wide, w high
    c.saveState()
    origin = {0: (0, 0), 90: (h, 0), 180: (w, h), 270: (0, w)}[rotation]
    c.translate(*origin)
    c.rotate(rotation)
    c.drawString(72, 500, "Target 2568 Realisasi 2613 Capaian 101,75")
    c.drawString(72, 480, "baris kedua")
    c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


def test_rotated_page_reads_upright():
    for rotation in (0, 90, 180, 270):
        data = _sideways_pdf(rotation)
        page = open_document(data).pages[0]
        assert page.rotation == rotation
        assert (round(page.width), round(page.height)) == tuple(
            round(v) for v in pdfium.PdfDocument(data)[0].get_size()
        )
        texts = [ln.text for ln in page.lines]
        assert texts == ["Target 2568 Realisasi 2613 Capaian 101,75", "baris kedua"], rotation
        first, second = page.lines
        assert first.bbox.bottom <= second.bbox.top  # reading order top-down in the turned view
        assert first.bbox.x0 == min(w.bbox.x0 for w in first.words)


def test_metadata_and_hash(sample_doc):
    assert len(sample_doc.sha256) == 64
    assert sample_doc.text_pages == list(range(1, 50))


def test_ligature_characters_stay_in_their_word():
    """LibreOffice sets "ti" as one ligature glyph (Carlito): both characters get the glyph's box, the
    second one starting left of where the first ends. They are one word, not "dit indaklanjut i"."""
    pdf = Path(__file__).resolve().parents[1] / "data" / "testbed" / "tune_docx_none_1_g2.pdf"
    doc = open_document(pdf)
    words = {w.text for p in doc.pages for w in p.words}
    assert "ditindaklanjuti" in words
    assert not {"dit", "indaklanjut"} & words


@pytest.mark.corpus
def test_a_comma_whose_box_is_its_glyph_stays_in_its_number(corpus_dir):
    """lkj_kejari_salatiga_tw2_2025: the font's character boxes are the glyphs' own, so a comma sits below
    the middle of its line. It stays in its word: "35,71%" and "23.363.355.000,-", not "35" "," "71%"; and
    the digits of a rotated chart label standing one under the other stay apart (the provsu check below)."""
    doc = open_document(corpus_dir / "lkj_kejari_salatiga_tw2_2025.pdf")
    page = {p.number: {w.text for w in p.words} for p in doc.pages}
    assert "35,71%" in page[21] and not {"35", "71%"} & page[21]
    assert "23.363.355.000,-" in page[40]
    chart = [
        w.text
        for p in open_document(corpus_dir / "lakip_provsu_2020.pdf").pages
        if p.number == 55
        for w in p.words
    ]
    assert "1.690" not in chart
