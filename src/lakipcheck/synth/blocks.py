"""The block model every renderer draws, and reading a rendered PDF back.

A document is a list of blocks (headings, paragraphs, lists, tables, charts, a table of contents, page breaks
that switch between portrait and landscape, page-numbering switches). ``render.render`` draws them with
reportlab; ``producers`` draws the same list through other PDF producers. ``Look`` says how a producer draws
what the blocks do not fix (running header and footer, heading font, charts, body font). ``page_texts`` reads
a PDF's text back with PDFium so callers can confirm where each value landed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TABLE_STYLES = ("grid", "booktabs", "zebra", "shaded", "none")

# --------------------------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class Heading:
    text: str
    level: int = 1  # 0 = chapter title (centred), 1..3 = section levels
    id: str | None = None
    align: str | None = None  # "left" / "center" to override the level's default


@dataclass(slots=True)
class Para:
    text: str
    id: str | None = None
    style: str = "body"


@dataclass(slots=True)
class Item:
    text: str
    marker: str = "-"
    level: int = 0


@dataclass(slots=True)
class ListBlock:
    items: list[Item]
    id: str | None = None


@dataclass(slots=True)
class TableSpec:
    """A table as printed: header rows and body rows of strings, merged cells as spans.

    Coordinates in ``spans`` and ``bold_cells`` are grid coordinates ``(col, row)`` counting the header rows
    first. Cells covered by a span hold "". ``align`` is one letter per column (L, C, R).
    """

    id: str
    header: list[list[str]]
    rows: list[list[str]]
    kind: str = "other"
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # (c0, r0, c1, r1)
    widths: list[float] | None = None  # relative column widths
    align: str | None = None
    bold_rows: set[int] = field(default_factory=set)  # body row indices
    bold_cells: set[tuple[int, int]] = field(default_factory=set)  # grid (col, row)
    style: str = "grid"  # one of TABLE_STYLES: grid | booktabs | zebra | shaded | none
    font_size: float = 8.0
    repeat_header: bool = True
    caption: str | None = None
    header_fill: bool = True
    width_fraction: float = 1.0
    split_in_row: bool = False  # let a tall row continue on the next page
    # merged-looking cells that may still break across pages: no SPAN, just no rules inside the area
    soft_spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    # columns whose long values may break inside a word (narrow amount columns); others are widened to fit
    break_cols: set[int] = field(default_factory=set)

    @property
    def n_header(self) -> int:
        return len(self.header)

    @property
    def n_cols(self) -> int:
        return max(len(r) for r in [*self.header, *self.rows])


@dataclass(slots=True)
class TableBlock:
    spec: TableSpec


@dataclass(slots=True)
class Chart:
    """A chart with a caption: a dashed box, or (``Look.charts``) a picture of ``bars`` without numbers."""

    caption: str
    height: float = 95.0
    bars: tuple[tuple[str, float], ...] = ()  # (label, value) per bar


@dataclass(slots=True)
class Figure:
    """Placeholder for a picture (organisation chart, photo, signature block)."""

    caption: str | None = None
    height: float = 60.0


@dataclass(slots=True)
class Break:
    """Start a new page; ``orientation`` switches the page template ("portrait" / "landscape")."""

    orientation: str | None = None


@dataclass(slots=True)
class CondBreak:
    """Start a new page unless at least ``height`` points are left."""

    height: float


@dataclass(slots=True)
class Gap:
    height: float = 12.0


@dataclass(slots=True)
class Numbering:
    """From the current page on, number pages in ``style`` (roman / arabic / none) starting at ``start``."""

    style: str
    start: int = 1


@dataclass(slots=True)
class Toc:
    """A table of contents: (text, printed page, indent level) with dotted leaders."""

    entries: list[tuple[str, str, int]]


Block = Heading | Para | ListBlock | TableBlock | Chart | Figure | Break | CondBreak | Gap | Numbering | Toc


# --------------------------------------------------------------------------------------------- table paint

HEADER_FILL = "#d9e3f2"  # the header band of every style but "none"
STRIPE_FILL = "#ededed"  # zebra: every second body row
GROUP_FILL = "#e2e2e2"  # shaded: group rows (sasaran subtotals, totals: the spec's bold rows)


@dataclass(frozen=True, slots=True)
class CellPaint:
    """How one (anchor) cell is drawn: rule widths in points on each side (0 = none) and its fill."""

    top: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    left: float = 0.0
    fill: str | None = None


def covered(spec: TableSpec) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Grid (col, row) of every cell a span hides, mapped to its span; anchors map to themselves."""
    out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for c0, r0, c1, r1 in spec.spans:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                out[c, r] = (c0, r0, c1, r1)
    return out


def table_paint(spec: TableSpec) -> dict[tuple[int, int], CellPaint]:
    """The paint of every anchor cell ``(col, row)`` (grid coordinates, header rows first) in its style.

    grid: every rule (none inside soft spans); booktabs: a rule above and below the header and below the
    last row; zebra: no rules, every second body row filled; shaded: no rules, group (bold) rows filled;
    none: nothing. The header band is filled in every style but none (unless ``header_fill`` is off).
    """
    nh, ncols, nrows = spec.n_header, spec.n_cols, spec.n_header + len(spec.rows)
    soft = {
        (c, r)
        for c0, r0, c1, r1 in spec.soft_spans
        for c in range(c0, c1 + 1)
        for r in range(r0 + 1, r1 + 1)  # the rule above row r is hidden
    }

    def hrule(y: int, c: int) -> float:
        if spec.style == "grid":
            return 0.0 if (c, y) in soft else 0.5
        if spec.style == "booktabs":
            return 1.0 if y in (0, nrows) else 0.6 if y == nh and nh else 0.0
        return 0.0

    vrule = 0.5 if spec.style == "grid" else 0.0
    spans = covered(spec)
    out: dict[tuple[int, int], CellPaint] = {}
    for r in range(nrows):
        for c in range(ncols):
            c0, r0, _c1, r1 = spans.get((c, r), (c, r, c, r))
            if (c, r) != (c0, r0):
                continue
            fill = None
            if r < nh:
                fill = HEADER_FILL if spec.header_fill and spec.style != "none" else None
            elif spec.style == "zebra" and (r - nh) % 2 == 1:
                fill = STRIPE_FILL
            elif spec.style == "shaded" and (r - nh) in spec.bold_rows:
                fill = GROUP_FILL
            out[c, r] = CellPaint(hrule(r0, c0), vrule, hrule(r1 + 1, c0), vrule, fill)
    return out


# --------------------------------------------------------------------------------------------- results


@dataclass(slots=True)
class RenderResult:
    pdf: bytes
    n_pages: int
    cell_pages: dict[tuple[str, int, int], list[int]]
    block_pages: dict[str, list[int]]
    table_pages: dict[str, list[int]]
    page_labels: list[str]

    def cell_page(self, table_id: str, row: int, col: int) -> int | None:
        pages = self.cell_pages.get((table_id, row, col))
        return pages[0] if pages else None


@dataclass(slots=True)
class DocMeta:
    header: str = ""
    title: str = ""
    author: str = ""
    subject: str = ""


@dataclass(frozen=True, slots=True)
class Look:
    """How a producer draws what the blocks leave open. The defaults are the reportlab renderer's own look."""

    running: bool = True  # running header (``DocMeta.header``) and page-number footer
    bold_face: bool = False  # headings in a "-Bold" font registered as a regular face (bold only by name)
    charts: bool = False  # Chart blocks with ``bars`` drawn as bar-chart pictures (else dashed boxes)
    font: str = "DejaVu Sans"  # body font family (producers other than reportlab)


def roman(n: int) -> str:
    vals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


# --------------------------------------------------------------------------------------------- read back


def page_texts(pdf: bytes | str | Path) -> list[str]:
    """Text of every page, read back with PDFium (whitespace runs collapsed to one space)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf if not isinstance(pdf, Path) else str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            out.append(norm_space(tp.get_text_range()))
            tp.close()
            page.close()
        return out
    finally:
        doc.close()


def norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("\ufffe", "")).strip()


def find_pages(texts: Sequence[str], needle: str, candidates: Iterable[int] | None = None) -> list[int]:
    """1-based pages whose text contains ``needle`` (whitespace-insensitive), among ``candidates``."""
    n = norm_space(needle)
    pages = candidates if candidates is not None else range(1, len(texts) + 1)
    return [p for p in pages if 1 <= p <= len(texts) and n in texts[p - 1]]
