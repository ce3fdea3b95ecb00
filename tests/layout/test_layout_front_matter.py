"""Front matter bound after the chapters (files merged in another order) is still found."""

from __future__ import annotations

from io import BytesIO

from lakipcheck.ingest import open_document
from lakipcheck.layout import find_sections
from lakipcheck.layout.types import SectionKind


def _report(front_last: bool) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    w, h = A4

    def page(title: str, sub: str | None = None) -> None:
        c.setFont("Helvetica-Bold", 14)
        c.drawCentredString(w / 2, h - 80, title)
        if sub:
            c.drawCentredString(w / 2, h - 100, sub)
        c.setFont("Helvetica", 10)
        for i in range(30):
            c.drawString(
                50, h - 140 - 14 * i, "Uraian kinerja balai pada tahun berjalan dibandingkan dengan target."
            )
        c.showPage()

    front = [("RINGKASAN EKSEKUTIF", None), ("KATA PENGANTAR", None)]
    chapters = [
        ("BAB I", "PENDAHULUAN"),
        ("BAB II", "PERENCANAAN KINERJA"),
        ("BAB III", "AKUNTABILITAS KINERJA"),
    ]
    chapters.append(("BAB IV", "PENUTUP"))
    for title, sub in chapters + front if front_last else front + chapters:
        page(title, sub)
    c.save()
    return out.getvalue()


def test_front_matter_after_bab_iv_is_found():
    for front_last in (False, True):
        sections = find_sections(open_document(_report(front_last)))
        kinds = {s.kind: s for s in sections}
        assert SectionKind.IKHTISAR in kinds and SectionKind.KATA_PENGANTAR in kinds, front_last
        bab4 = kinds[SectionKind.BAB_IV]
        if front_last:
            assert kinds[SectionKind.IKHTISAR].page_start == 5 and bab4.page_end == 4
