"""The block list as a Word document (python-docx), for LibreOffice to convert to PDF.

The document is set up as a report writer would set it up in Word: A4 with 2.2 cm margins, one section per
change of page set-up (cover without header or footer, front matter numbered i, ii, ..., the chapters from
1, landscape sections for the wide lampiran), a running header and a PAGE field in the footer, tables with
fixed column widths, rules and fills per cell, repeated header rows (``tblHeader``) when the spec repeats its
header, rows that do not break across pages, pictures for charts, and a table of contents with dotted tab
leaders. ``build_docx`` needs python-docx (the ``testbed`` extra).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell

from lakipcheck.synth.blocks import (
    Block,
    Chart,
    DocMeta,
    Figure,
    Gap,
    Heading,
    ListBlock,
    Look,
    Para,
    TableBlock,
    TableSpec,
    Toc,
    covered,
    table_paint,
)
from lakipcheck.synth.charts import box_png, chart_png
from lakipcheck.synth.fonts import face_family
from lakipcheck.synth.layout import (
    MARGIN,
    PAGE_H,
    PAGE_W,
    TEXT_WIDTH,
    Run,
    TextStyle,
    runs,
    segments,
    text_styles,
)
from lakipcheck.synth.render import column_widths

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_FMT = {"roman": "lowerRoman", "arabic": "decimal"}


def _el(tag: str, **attrs: str) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), v)
    return e


def _insert(parent, child, before: tuple[str, ...]) -> None:
    """Put ``child`` into ``parent`` ahead of the first of ``before`` (OOXML fixes the order of children)."""
    for tag in before:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def _child(parent, tag: str):
    """The ``tag`` child of ``parent``, created if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _format(p, st: TextStyle, *, align: str | None = None) -> None:
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(st.space_before), Pt(st.space_after)
    pf.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    pf.line_spacing = Pt(st.leading)
    pf.alignment = _ALIGN[align or st.align]
    if st.keep_with_next:
        pf.keep_with_next = True


def _runs(p, text: str, size: float, *, bold: bool = False, italic: bool = False, font: str | None = None):
    for s in segments(text, bold):
        r = p.add_run()
        if s.newline:
            r.add_break()
        r.text = s.text
        r.font.size = Pt(size)
        r.bold = s.bold or None
        r.italic = (s.italic or italic) or None
        if s.sup:
            r.font.superscript = True
        if font:
            r.font.name = font
            r.bold = False


class _Builder:
    def __init__(self, meta: DocMeta, look: Look) -> None:
        self.meta, self.look = meta, look
        self.st = text_styles()
        self.doc = Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = look.font
        normal.font.size = Pt(10)
        _child(_child(normal.element, "w:rPr"), "w:rFonts").set(qn("w:eastAsia"), look.font)
        cp = self.doc.core_properties
        cp.title, cp.author, cp.subject = meta.title, meta.author, meta.subject
        self.break_next = False
        self.headed = False

    # ------------------------------------------------------------------ sections
    def section(self, r: Run, first: bool) -> None:
        sec = self.doc.sections[0] if first else self.doc.add_section(WD_SECTION.NEW_PAGE)
        land = r.orientation == "landscape"
        sec.orientation = WD_ORIENT.LANDSCAPE if land else WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = (Pt(PAGE_H), Pt(PAGE_W)) if land else (Pt(PAGE_W), Pt(PAGE_H))
        sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Pt(MARGIN)
        sec.header_distance, sec.footer_distance = Pt(28), Pt(26)
        sect = sec._sectPr
        for old in sect.findall(qn("w:pgNumType")):
            sect.remove(old)
        if r.numbering in _FMT:
            pg = _el("w:pgNumType", fmt=_FMT[r.numbering])
            if r.restart is not None:
                pg.set(qn("w:start"), str(r.restart))
            _insert(sect, pg, ("w:cols", "w:formProt", "w:vAlign", "w:titlePg", "w:docGrid"))
        if r.numbering == "none" or not self.look.running:
            if not first:
                sec.header.is_linked_to_previous = False
                sec.footer.is_linked_to_previous = False
            self.headed = False
        elif not self.headed:
            self.running(sec)
            self.headed = True

    def running(self, sec) -> None:
        sec.header.is_linked_to_previous = False
        sec.footer.is_linked_to_previous = False
        hp = sec.header.paragraphs[0]
        if self.meta.header:
            hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _runs(hp, self.meta.header, 8.5, italic=True)
            border = _child(_child(hp._p, "w:pPr"), "w:pBdr")
            border.append(_el("w:bottom", val="single", sz="3", space="1", color="000000"))
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = _el("w:fldSimple", instr="PAGE")
        r = OxmlElement("w:r")
        rpr = _child(r, "w:rPr")
        rpr.append(_el("w:sz", val="18"))
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        field.append(r)
        fp._p.append(field)

    # ------------------------------------------------------------------ blocks
    def para(self, text: str, st: TextStyle, *, align: str | None = None, heading: bool = False):
        p = self.doc.add_paragraph()
        _format(p, st, align=align)
        if self.break_next:
            p.paragraph_format.page_break_before = True
            self.break_next = False
        face = face_family(self.look.font) if heading and self.look.bold_face else None
        _runs(p, text, st.size, bold=st.bold, italic=st.italic, font=face)
        return p

    def spacer(self, height: float):
        p = self.doc.add_paragraph()
        pf = p.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(max(height, 1))
        if self.break_next:
            pf.page_break_before = True
            self.break_next = False
        return p

    def picture(self, png: bytes, width: float, height: float) -> None:
        p = self.spacer(1)
        pf = p.paragraph_format
        pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.SINGLE, None
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.keep_with_next = True
        p.add_run().add_picture(io.BytesIO(png), width=Pt(width), height=Pt(height))

    def table(self, spec: TableSpec, width: float) -> None:
        if self.break_next:
            self.spacer(1)
        widths = column_widths(spec, width)
        nh, ncols, grid = spec.n_header, spec.n_cols, [*spec.header, *spec.rows]
        t = self.doc.add_table(rows=len(grid), cols=ncols)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        tblpr = t._tbl.tblPr
        _insert(tblpr, _el("w:tblLayout", type="fixed"), ("w:tblCellMar", "w:tblLook"))
        mar = _el("w:tblCellMar")
        for side, tw in (("top", 40), ("left", 60), ("bottom", 60), ("right", 60)):
            mar.append(_el(f"w:{side}", w=str(tw), type="dxa"))
        _insert(tblpr, mar, ("w:tblLook",))
        for c, w in enumerate(widths):
            t.columns[c].width = Pt(w)
        cells = t._cells
        for c0, r0, c1, r1 in spec.spans:
            cells[r0 * ncols + c0].merge(cells[r1 * ncols + c1])
        paint, spans = table_paint(spec), covered(spec)
        align = (spec.align or "L" * ncols).ljust(ncols, "L")
        names = {"L": "left", "C": "center", "R": "right"}
        for r, row in enumerate(grid):
            tr = t.rows[r]._tr
            trpr = tr.get_or_add_trPr()
            if not spec.split_in_row:
                trpr.append(_el("w:cantSplit"))
            if r < nh and spec.repeat_header:
                trpr.append(_el("w:tblHeader"))
            c = 0
            for tc in tr.tc_lst:  # one <w:tc> per anchor, per gridSpan, and per row of a vertical merge
                c0, r0, c1, r1 = spans.get((c, r), (c, r, c, r))
                cell = _Cell(tc, t)
                cell.width = Pt(sum(widths[c0 : c1 + 1]))
                p = paint[c0, r0]
                top, bottom = (p.top if r == r0 else 0.0), (p.bottom if r == r1 else 0.0)
                _paint(cell, replace(p, top=top, bottom=bottom))  # before vAlign: OOXML order
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                if r == r0:
                    bold = r < nh or (r - nh) in spec.bold_rows or (c, r) in spec.bold_cells
                    para = cell.paragraphs[0]
                    st = TextStyle(spec.font_size, spec.font_size * 1.2, bold, align=names[align[c]])
                    _format(para, st, align="center" if r < nh else None)
                    _runs(para, row[c] if c < len(row) else "", spec.font_size, bold=bold)
                c = c1 + 1
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)

    def toc(self, b: Toc) -> None:
        st = self.st["toc"]
        for text, page, level in b.entries:
            p = self.para("", st, align="left")
            pf = p.paragraph_format
            pf.left_indent = Pt(18 * level)
            pf.tab_stops.add_tab_stop(
                Pt(TEXT_WIDTH["portrait"] - 18 * level), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            _runs(p, f"{text}\t{page}" if page else text, st.size)

    def block(self, i: int, b: Block, width: float) -> None:
        st = self.st
        if isinstance(b, Heading):
            self.para(b.text, st[f"h{min(max(b.level, 0), 3)}"], align=b.align, heading=True)
        elif isinstance(b, Para):
            self.para(b.text, st[b.style])
        elif isinstance(b, ListBlock):
            for it in b.items:
                indent = 18 + 18 * it.level
                p = self.para("", st["item"])
                pf = p.paragraph_format
                pf.left_indent, pf.first_line_indent = Pt(indent), Pt(-14)
                pf.tab_stops.add_tab_stop(Pt(indent))
                _runs(p, f"{it.marker}\t{it.text}", st["item"].size)
        elif isinstance(b, TableBlock):
            if b.spec.caption:
                self.para(b.spec.caption, st["table_title"])
            self.table(b.spec, width)
        elif isinstance(b, Chart | Figure):
            w = width * (0.72 if isinstance(b, Chart) else 0.5)
            chart = isinstance(b, Chart) and b.bars and self.look.charts
            self.picture(chart_png(b.bars, w, b.height) if chart else box_png(w, b.height), w, b.height)
            if b.caption:
                self.para(b.caption, st["caption"])
        elif isinstance(b, Gap):
            self.spacer(b.height)
        elif isinstance(b, Toc):
            self.toc(b)


def _paint(cell, paint) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = _el("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        w = getattr(paint, side)
        if w:
            borders.append(_el(f"w:{side}", val="single", sz=str(round(w * 8)), space="0", color="000000"))
        else:
            borders.append(_el(f"w:{side}", val="nil"))
    tcpr.append(borders)
    if paint.fill:
        tcpr.append(_el("w:shd", val="clear", color="auto", fill=paint.fill.lstrip("#").upper()))


def build_docx(
    blocks: Sequence[Block], meta: DocMeta | None = None, look: Look | None = None, *, cover: bool = True
) -> bytes:
    """The .docx bytes of ``blocks``."""
    b = _Builder(meta or DocMeta(), look or Look())
    for k, r in enumerate(runs(blocks, cover=cover)):
        if k == 0 or r.new_section:
            b.section(r, k == 0)
        else:
            b.break_next = True
        for i, blk in r.blocks:
            b.block(i, blk, TEXT_WIDTH[r.orientation])
    out = io.BytesIO()
    b.doc.save(out)
    return out.getvalue()
