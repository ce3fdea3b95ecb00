"""Rendering layer for LAKIP-like PDFs (reportlab platypus), shared by the BGP NTT sample and the generator.

``render`` lays a block list (see ``blocks``) out on A4 pages with a running header and a page-number footer
and records, while drawing, on which page every table cell and every paragraph landed. The block classes and
the read-back helpers (``page_texts``, ``find_pages``) live in ``blocks`` and are re-exported here.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from lakipcheck.synth.blocks import (
    GROUP_FILL,
    STRIPE_FILL,
    Block,
    Break,
    Chart,
    CondBreak,
    DocMeta,
    Figure,
    Gap,
    Heading,
    Item,
    ListBlock,
    Look,
    Numbering,
    Para,
    RenderResult,
    TableBlock,
    TableSpec,
    Toc,
    find_pages,
    norm_space,
    page_texts,
    roman,
)
from lakipcheck.synth.charts import chart_png
from lakipcheck.synth.fonts import Fonts, bold_face, fonts, safe

__all__ = [
    "Block",
    "Break",
    "Chart",
    "CondBreak",
    "DocMeta",
    "Figure",
    "Gap",
    "Heading",
    "Item",
    "ListBlock",
    "Look",
    "Numbering",
    "Para",
    "RenderResult",
    "TableBlock",
    "TableSpec",
    "Toc",
    "bold_face",
    "build_table",
    "column_widths",
    "find_pages",
    "fonts",
    "inline",
    "norm_space",
    "page_texts",
    "render",
    "roman",
    "safe",
]

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_SUP = re.compile(r"\^\{(.+?)\}")
_ITAL = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def inline(text: str) -> str:
    """Escape ``text`` for a Paragraph; ``**bold**``, ``*italic*``, ``^{sup}`` and newlines become tags."""
    out = html.escape(safe(text), quote=False)
    out = _BOLD.sub(r"<b>\1</b>", out)
    out = _SUP.sub(r"<super>\1</super>", out)
    out = out.replace("\n", "<br/>")
    return _ITAL.sub(r"<i>\1</i>", out)


# --------------------------------------------------------------------------------------------- styles


def _styles(heading_font: str | None = None) -> dict[str, ParagraphStyle]:
    f = fonts()
    base = ParagraphStyle(
        "body", fontName=f.regular, fontSize=10, leading=14, alignment=TA_JUSTIFY, spaceAfter=6
    )
    st = {
        "body": base,
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, alignment=TA_LEFT),
        "cover": ParagraphStyle(
            "cover", parent=base, fontName=f.bold, fontSize=13, leading=18, alignment=TA_CENTER, spaceAfter=10
        ),
        "cover_big": ParagraphStyle(
            "cover_big",
            parent=base,
            fontName=f.bold,
            fontSize=26,
            leading=32,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=base,
            fontName=f.italic,
            fontSize=8.5,
            leading=11,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=8,
        ),
        "table_title": ParagraphStyle(
            "table_title",
            parent=base,
            fontName=f.bold,
            fontSize=9.5,
            leading=12,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", fontName=f.regular, fontSize=8, leading=9.6, alignment=TA_LEFT),
        "toc": ParagraphStyle("toc", parent=base, fontSize=10, leading=15),
        "item": ParagraphStyle("item", parent=base, spaceAfter=3),
    }
    sizes = {0: (15, 20, TA_CENTER), 1: (12.5, 17, TA_LEFT), 2: (11, 15, TA_LEFT), 3: (10, 14, TA_LEFT)}
    for level, (size, lead, align) in sizes.items():
        st[f"h{level}"] = ParagraphStyle(
            f"h{level}",
            parent=base,
            fontName=heading_font or f.bold,
            fontSize=size,
            leading=lead,
            alignment=align,
            spaceBefore=8 if level else 4,
            spaceAfter=6,
            keepWithNext=1,
        )
    return st


# --------------------------------------------------------------------------------------------- tracking


class Tracker:
    """Pages on which tracked flowables were drawn (1-based physical page numbers)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[int]] = {}
        self.blocks: dict[str, list[int]] = {}

    @staticmethod
    def _add(store: dict, key, page: int) -> None:
        pages = store.setdefault(key, [])
        if page not in pages:
            pages.append(page)


class _TrackedPara(Paragraph):
    """A Paragraph that notes the page it is drawn on (also after being split)."""

    _track: tuple[Tracker, str, object] | None = None

    def drawOn(self, canvas, x, y, _sW=0):
        if self._track is not None:
            tracker, store, key = self._track
            tracker._add(getattr(tracker, store), key, canvas.getPageNumber())
        return super().drawOn(canvas, x, y, _sW)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for p in parts:
            p._track = self._track
        return parts


def _para(
    text: str,
    style: ParagraphStyle,
    tracker: Tracker | None = None,
    store: str = "blocks",
    key: object = None,
) -> Paragraph:
    p = _TrackedPara(text, style)
    if tracker is not None and key is not None:
        p._track = (tracker, store, key)
    return p


# --------------------------------------------------------------------------------------------- flowables


class _TocLine(Flowable):
    def __init__(self, text: str, page: str, level: int, font: str, size: float = 10) -> None:
        super().__init__()
        self.text, self.page, self.level, self.font, self.size = text, page, level, font, size

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.size * 1.6

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.font, self.size)
        x0 = 18 * self.level
        c.drawString(x0, 3, self.text)
        if not self.page:
            return
        pw = pdfmetrics.stringWidth(self.page, self.font, self.size)
        c.drawRightString(self.width, 3, self.page)
        start = x0 + pdfmetrics.stringWidth(self.text + " ", self.font, self.size)
        dot = pdfmetrics.stringWidth(".", self.font, self.size)
        n = int((self.width - pw - 4 - start) / dot)
        if n > 0:
            c.drawString(start, 3, "." * n)


class _Box(Flowable):
    def __init__(self, height: float, frac: float = 0.7) -> None:
        super().__init__()
        self.h, self.frac = height, frac

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.h

    def draw(self) -> None:
        c = self.canv
        w = self.width * self.frac
        x = (self.width - w) / 2
        c.setStrokeColor(colors.grey)
        c.setDash(3, 3)
        c.rect(x, 0, w, self.h)
        c.setDash()


class _SetNumbering(Flowable):
    def __init__(self, state: dict, style: str, start: int) -> None:
        super().__init__()
        self.state, self.style, self.start = state, style, start

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        self.state["style"] = self.style
        self.state["offset"] = page - self.start
        self.state.setdefault("ranges", []).append((page, self.style, self.start))
        if self.style in ("roman", "arabic"):
            self.canv.addPageLabel(
                page - 1, style="ROMAN_LOWER" if self.style == "roman" else "ARABIC", start=self.start
            )


# --------------------------------------------------------------------------------------------- tables


def build_table(spec: TableSpec, width: float, tracker: Tracker | None = None) -> Table:
    """A reportlab Table for ``spec``, ``width`` points wide, with every cell tracked."""
    st = _styles()
    f = fonts()
    ncols = spec.n_cols
    align = (spec.align or "L" * ncols).ljust(ncols, "L")
    amap = {"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT}
    cell_styles = {}
    for a in "LCR":
        for bold in (False, True):
            cell_styles[a, bold] = ParagraphStyle(
                f"cell{a}{bold}{spec.font_size}",
                parent=st["cell"],
                fontSize=spec.font_size,
                leading=spec.font_size * 1.2,
                alignment=amap[a],
                fontName=f.bold if bold else f.regular,
            )
    nh = spec.n_header
    data = []
    for r, row in enumerate([*spec.header, *spec.rows]):
        out_row = []
        for c in range(ncols):
            text = row[c] if c < len(row) else ""
            bold = r < nh or (r - nh) in spec.bold_rows or (c, r) in spec.bold_cells
            a = "C" if r < nh else align[c]
            style = cell_styles[a, bold]
            if c in spec.break_cols and r >= nh:  # a long amount may break anywhere in a narrow column
                style = ParagraphStyle(f"{style.name}cjk", parent=style, wordWrap="CJK")
            out_row.append(_para(inline(text), style, tracker, "cells", (spec.id, r, c)))
        data.append(out_row)
    col_w = column_widths(spec, width)
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if spec.style == "grid" and spec.soft_spans:
        cmds += _soft_grid(spec, len(data), ncols)
    elif spec.style == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif spec.style == "booktabs":
        cmds += [
            ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
            ("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.6, colors.black),
            ("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black),
        ]
    if spec.header_fill and nh and spec.style != "none":
        cmds.append(("BACKGROUND", (0, 0), (-1, nh - 1), colors.Color(0.85, 0.89, 0.95)))
    if spec.style == "zebra":
        cmds.append(("ROWBACKGROUNDS", (0, nh), (-1, -1), [None, colors.HexColor(STRIPE_FILL)]))
    elif spec.style == "shaded":
        fill = colors.HexColor(GROUP_FILL)
        cmds += [("BACKGROUND", (0, nh + r), (-1, nh + r), fill) for r in sorted(spec.bold_rows)]
    cmds += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spec.spans]
    t = Table(
        data,
        colWidths=col_w,
        repeatRows=nh if spec.repeat_header and nh else 0,
        hAlign="CENTER",
        splitInRow=1 if spec.split_in_row else 0,
    )
    t.setStyle(TableStyle(cmds))
    return t


def column_widths(spec: TableSpec, width: float) -> list[float]:
    """Column widths in points for a table ``width`` points wide: the spec's relative widths, with columns
    whose longest word would not fit widened (except ``break_cols``), measured in DejaVu Sans."""
    rel = spec.widths or [1.0] * spec.n_cols
    total = sum(rel)
    tw = width * spec.width_fraction
    return _fit_words(spec, [tw * w / total for w in rel], fonts())


def _fit_words(spec: TableSpec, widths: list[float], f: Fonts) -> list[float]:
    """Widen columns whose longest word would not fit, taking the room from the widest column."""
    need = []
    for c in range(len(widths)):
        longest = 0.0
        if c in spec.break_cols:
            need.append(7.0)
            continue
        for r, row in enumerate([*spec.header, *spec.rows]):
            text = row[c].replace("**", "") if c < len(row) else ""
            font = f.bold if r < spec.n_header or "**" in (row[c] if c < len(row) else "") else f.regular
            for word in text.split():
                longest = max(longest, pdfmetrics.stringWidth(safe(word), font, spec.font_size))
        need.append(longest + 7)
    out = list(widths)
    for c, n in enumerate(need):
        if out[c] < n:
            donor = max(range(len(out)), key=lambda k: out[k] - need[k])
            give = min(n - out[c], out[donor] - need[donor])
            if give > 0:
                out[c] += give
                out[donor] -= give
    return out


def _soft_grid(spec: TableSpec, nrows: int, ncols: int) -> list[tuple]:
    """Grid rules that leave out the horizontal rules inside each soft span."""
    inside = set()
    for c0, r0, c1, r1 in spec.soft_spans:
        inside |= {(c, r) for c in range(c0, c1 + 1) for r in range(r0, r1)}  # rule below row r is hidden
    cmds: list[tuple] = [
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black),
    ]
    for r in range(nrows - 1):
        c = 0
        while c < ncols:
            if (c, r) in inside:
                c += 1
                continue
            start = c
            while c < ncols and (c, r) not in inside:
                c += 1
            cmds.append(("LINEBELOW", (start, r), (c - 1, r), 0.5, colors.black))
    return cmds


# --------------------------------------------------------------------------------------------- render


def _flowables(
    blocks: Sequence[Block], tracker: Tracker, state: dict, widths: dict[str, float], look: Look
) -> list[Flowable]:
    st = _styles(bold_face() if look.bold_face else None)
    f = fonts()
    orientation = "portrait"
    out: list[Flowable] = []
    for i, b in enumerate(blocks):
        if isinstance(b, Heading):
            style = st[f"h{min(max(b.level, 0), 3)}"]
            if b.align:
                style = ParagraphStyle(
                    style.name + b.align,
                    parent=style,
                    alignment=TA_CENTER if b.align == "center" else TA_LEFT,
                )
            out.append(_para(inline(b.text), style, tracker, "blocks", b.id or f"h{i}"))
        elif isinstance(b, Para):
            if b.style == "table_title":  # keep a title with the first rows, but let the table break
                out.append(CondPageBreak(70))
            out.append(_para(inline(b.text), st[b.style], tracker, "blocks", b.id or f"p{i}"))
        elif isinstance(b, ListBlock):
            for j, it in enumerate(b.items):
                indent = 18 + 18 * it.level
                style = ParagraphStyle(
                    f"item{it.level}", parent=st["item"], leftIndent=indent, bulletIndent=indent - 14
                )
                p = _TrackedPara(inline(it.text), style, bulletText=safe(it.marker))
                p._track = (tracker, "blocks", f"{b.id or f'l{i}'}.{j}")
                out.append(p)
            out.append(Spacer(1, 3))
        elif isinstance(b, TableBlock):
            if b.spec.caption:
                out.append(CondPageBreak(70))
                out.append(
                    _para(
                        inline(b.spec.caption), st["table_title"], tracker, "blocks", f"{b.spec.id}.caption"
                    )
                )
            out.append(build_table(b.spec, widths[orientation], tracker))
            out.append(Spacer(1, 8))
        elif isinstance(b, Chart | Figure):
            box = _Box(b.height, 0.72 if isinstance(b, Chart) else 0.5)
            if isinstance(b, Chart) and b.bars and look.charts:
                w = widths[orientation] * 0.72
                box = Image(io.BytesIO(chart_png(b.bars, w, b.height)), width=w, height=b.height)
            box.keepWithNext = 1 if b.caption else 0
            out.append(box)
            if b.caption:
                out.append(_para(inline(b.caption), st["caption"], tracker, "blocks", f"fig{i}"))
        elif isinstance(b, Break):
            if b.orientation and b.orientation != orientation:
                orientation = b.orientation
                out.append(NextPageTemplate(orientation))
            out.append(PageBreak())
        elif isinstance(b, CondBreak):
            out.append(CondPageBreak(b.height))
        elif isinstance(b, Gap):
            out.append(Spacer(1, b.height))
        elif isinstance(b, Numbering):
            out.append(_SetNumbering(state, b.style, b.start))
        elif isinstance(b, Toc):
            out += [_TocLine(safe(t), safe(p), lvl, f.regular) for t, p, lvl in b.entries]
    return out


def render(
    blocks: Sequence[Block], meta: DocMeta | None = None, *, cover: bool = True, look: Look | None = None
) -> RenderResult:
    """Lay ``blocks`` out as a PDF. The first page uses the cover template (no header/footer) if ``cover``;
    ``look`` may leave out the running header and footer, set headings bold by name, and draw charts."""
    meta = meta or DocMeta()
    look = look or Look()
    f = fonts()
    tracker = Tracker()
    state: dict = {"style": "none" if cover else "arabic", "offset": 0}
    labels: dict[int, str] = {}
    margin = 2.2 * cm
    pw, ph = A4
    lw, lh = landscape(A4)

    def label(page: int) -> str:
        style = state.get("style", "arabic")
        n = page - state.get("offset", 0)
        return "" if style == "none" else roman(n) if style == "roman" else str(n)

    def decorate(canvas, doc) -> None:
        page = canvas.getPageNumber()
        text = label(page)
        labels[page] = text
        if not text or not look.running:
            return
        w, h = canvas._pagesize
        canvas.saveState()
        canvas.setFont(f.italic, 8.5)
        if meta.header:
            canvas.drawRightString(w - margin, h - 1.3 * cm, safe(meta.header))
            canvas.setLineWidth(0.4)
            canvas.line(margin, h - 1.45 * cm, w - margin, h - 1.45 * cm)
        canvas.setFont(f.regular, 9)
        canvas.drawCentredString(w / 2, 1.2 * cm, text)
        canvas.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="lakipcheck.synth",
        producer="lakipcheck.synth (reportlab)",
        invariant=1,
    )
    frame_p = Frame(margin, margin, pw - 2 * margin, ph - 2 * margin, id="fp")
    frame_l = Frame(margin, margin, lw - 2 * margin, lh - 2 * margin, id="fl")
    templates = [
        PageTemplate("portrait", [frame_p], onPageEnd=decorate, pagesize=A4),
        PageTemplate("landscape", [frame_l], onPageEnd=decorate, pagesize=(lw, lh)),
    ]
    if cover:
        cover_t = PageTemplate(
            "cover",
            [Frame(margin, margin, pw - 2 * margin, ph - 2 * margin, id="fc")],
            onPageEnd=decorate,
            pagesize=A4,
        )
        templates.insert(0, cover_t)
    doc.addPageTemplates(templates)
    widths = {"portrait": pw - 2 * margin - 12, "landscape": lw - 2 * margin - 12}
    story = _flowables(blocks, tracker, state, widths, look)
    if cover:
        story.insert(0, NextPageTemplate("portrait"))
    doc.build(story)
    pdf = buf.getvalue()
    n_pages = max(labels) if labels else 0
    table_pages: dict[str, list[int]] = {}
    for (tid, _r, _c), pages in tracker.cells.items():
        for p in pages:
            if p not in table_pages.setdefault(tid, []):
                table_pages[tid].append(p)
    for v in table_pages.values():
        v.sort()
    return RenderResult(
        pdf,
        n_pages,
        tracker.cells,
        tracker.blocks,
        table_pages,
        [labels.get(i, "") for i in range(1, n_pages + 1)],
    )
