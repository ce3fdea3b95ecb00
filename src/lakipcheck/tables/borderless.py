"""Tables drawn with no rules at all: blocks of closely spaced lines, some of which print figures in separate
cells, cut from the running text around them.

A block is a run of lines with at most about a line height of white between them (the rows of a table sit
closer than a paragraph sits to a table). It is a table when one of its lines holds two or more cells one of
which is a figure, or when figures stand on lines of their own in a block whose text stands in columns. Its
leading and trailing lines that read as a caption, a heading or prose (one wide piece of text, or "Tabel ..."
/ "Sumber ...") are not part of it.
"""

from __future__ import annotations

import re

from lakipcheck.ingest.types import Line, Page
from lakipcheck.provenance import BBox
from lakipcheck.tables.header import is_header_row, is_numeric_text
from lakipcheck.tables.rivers import column_bounds
from lakipcheck.tables.text import line_height, prose_like, segments

_GAP = 1.2  # line heights of white that still join two lines into one block
_ROW_GAP = 2.5  # ... and two blocks whose figures stand in the same columns (rows set with cell padding)
_EDGE = 2.0  # points: figures this close at their right (or left) edge stand in one column
_WIDE = 0.4  # a single piece of text wider than this share of the block is a heading or prose
# a figure, with its unit when the cell prints one ("939 orang", "2.228 dokumen"), or a SAKIP grade
_FIGURE = re.compile(r"^([<>≥≤]\s*)?-?\d[\d.,]*\s*(%|[A-Za-z]{2,12})?$|^(AA|A|BB|B|CC|C|D)$")
_ITEM = re.compile(r"^\(?\d{1,2}[.)]$|^\(\d{1,2}\)$")  # "1)", "2.", "(3)": list items, not figures
_YEAR = re.compile(r"^(19|20)\d{2}$")  # a year stands in headings and prose as much as in tables
_LEADER = re.compile(r"\.{4,}|(\. ){4,}|…{2,}")  # a table of contents' dot leaders
_SIZE_DIFF = 0.05  # a line whose size differs from the table's figures by more than this share is not its own
_NOTE = re.compile(r"^\s*(tabel|table|gambar|grafik|sumber|source|keterangan|catatan|ket\s*:)", re.IGNORECASE)


def _value(text: str) -> bool:
    """A figure or a SAKIP grade standing as a cell of its own (item numbers and years aside)."""
    t = text.strip()
    return not _ITEM.match(t) and not _YEAR.match(t) and bool(_FIGURE.match(t) or is_numeric_text(t))


def _values(ln: Line, h: float) -> list[Line]:
    if _LEADER.search(ln.text):
        return []
    segs = segments([ln], h)
    return [s for s in segs if _value(s.text)] if len(segs) >= 2 or _value(ln.text) else []


def figure_line(ln: Line, h: float) -> bool:
    """A line with a figure beside other cells."""
    return len(segments([ln], h)) >= 2 and bool(_values(ln, h))


def has_figures(block: list[Line], h: float) -> bool:
    """A row of three figures or more; or figures on two lines or more standing in one column, in a block
    whose text stands in columns. Stray numbers of prose and lists do not line up."""
    values = [_values(ln, h) for ln in block]
    if any(len(v) >= 3 for v in values):
        return True
    flat = [s.bbox for v in values for s in v]
    if not any(
        b.top > a.bottom - 1 and min(a.x1, b.x1) > max(a.x0, b.x0)
        for k, a in enumerate(flat)
        for b in flat[k + 1 :]
    ):
        return False
    x0, x1 = min(ln.bbox.x0 for ln in block), max(ln.bbox.x1 for ln in block)
    segs = segments([ln for ln in block if not _edge_text(ln, x1 - x0, h)], h)  # a caption crosses columns
    return len(column_bounds(segs, x0, x1, h)) >= 3


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with little white between them. A line's height is taken as its font size when that is
    larger than its ink (a row of digits and lower-case letters is shorter than the size it is set in)."""
    out: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.bbox.top):
        if out:
            prev = out[-1]
            bottom = max(p.bbox.bottom for p in prev)
            h = min(max(ln.bbox.height, ln.size), max(prev[-1].bbox.height, prev[-1].size))
            if ln.bbox.top - bottom <= _GAP * h:
                prev.append(ln)
                continue
        out.append([ln])
    return out


def _figure_edges(block: list[Line], h: float) -> set[tuple[str, int]]:
    """The edges of the block's figures, in steps of :data:`_EDGE`; none when no line has a figure beside
    other cells."""
    if not any(figure_line(ln, h) for ln in block):
        return set()
    return {
        (side, round(x / _EDGE))
        for ln in block
        for s in _values(ln, h)
        for side, x in (("r", s.bbox.x1), ("l", s.bbox.x0))
    }


def _same_table(a: list[Line], b: list[Line]) -> bool:
    """Two blocks a little further apart than a line's white that are rows of one table set with cell
    padding: each has a line with figures beside other cells, the figures of both stand in a common column
    (their right or left edges line up), both are set in one size, and ``b`` does not start with a header
    row, a caption or a heading."""
    h = max(a[-1].size or a[-1].bbox.height, b[0].size or b[0].bbox.height)
    gap = b[0].bbox.top - max(ln.bbox.bottom for ln in a)
    if gap > _ROW_GAP * h or abs((a[-1].size or 0) - (b[0].size or 0)) > _SIZE_DIFF * h:
        return False
    if _NOTE.match(b[0].text) or is_header_row([s.text for s in segments([b[0]], h)]):
        return False
    edges_a, edges_b = _figure_edges(a, h), _figure_edges(b, h)
    near = {(side, k + d) for side, k in edges_a for d in (-1, 0, 1)}
    return bool(edges_a) and bool(edges_b & near)


def _row_blocks(lines: list[Line]) -> list[list[Line]]:
    """:func:`_blocks`, consecutive blocks joined when they are rows of one table (:func:`_same_table`)."""
    out: list[list[Line]] = []
    for block in _blocks(lines):
        if out and _same_table(out[-1], block):
            out[-1] = out[-1] + block
        else:
            out.append(block)
    return out


def _edge_text(ln: Line, width: float, h: float) -> bool:
    """A caption, heading, note or prose line at the edge of a block."""
    if _NOTE.match(ln.text):
        return True
    segs = segments([ln], h)
    return len(segs) == 1 and ln.bbox.width >= _WIDE * width


def _figure_size(block: list[Line], h: float) -> float | None:
    """The font size the block's figures are printed in (the table's own size): the size holding the most
    figures standing as cells of their own (prose quoting a figure or two does not outweigh a table row)."""
    count: dict[float, int] = {}
    for ln in block:
        if ln.size and figure_line(ln, h):
            key = round(ln.size, 1)
            count[key] = count.get(key, 0) + len(_values(ln, h))
    return max(count, key=lambda k: (count[k], -k)) if count else None


def _other_size(ln: Line, size: float | None) -> bool:
    return size is not None and abs(ln.size - size) > _SIZE_DIFF * size


def _parts(block: list[Line], h: float) -> list[list[Line]]:
    """The block cut at every line of one piece of text without figures, across much of its width, set in
    another size than its figures (see :func:`_figure_size`): a heading, a title or a paragraph between two
    tables, or before or after one, is not a table's. (A header line in the labels' size has several cells;
    a label's second line set smaller is narrow.)"""
    size = _figure_size(block, h)
    if size is None:
        return [block]
    width = (max(ln.bbox.x1 for ln in block) - min(ln.bbox.x0 for ln in block)) or 1.0
    parts: list[list[Line]] = [[]]
    for ln in block:
        if _other_size(ln, size) and ln.bbox.width >= _WIDE * width and len(segments([ln], h)) == 1:
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(ln)

    def stray(ln: Line) -> bool:  # a caption, heading or paragraph end in another size, at a part's edge
        return _other_size(ln, size) and len(segments([ln], h)) == 1

    out = []
    for part in parts:
        while part and stray(part[0]):
            part = part[1:]
        while part and stray(part[-1]):
            part = part[:-1]
        if part:
            out.append(part)
    return out


def _trimmed(block: list[Line], h: float) -> list[Line]:
    """The block without the caption, heading, note and prose lines at its edges."""
    while block:
        width = (max(ln.bbox.x1 for ln in block) - min(ln.bbox.x0 for ln in block)) or 1.0
        if _edge_text(block[0], width, h) and not figure_line(block[0], h):
            block = block[1:]
        elif _edge_text(block[-1], width, h) and not figure_line(block[-1], h):
            block = block[:-1]
        else:
            break
    return block


def borderless_regions(page: Page, covered: list[BBox]) -> list[BBox]:
    """Regions of ``page`` holding a table without rules, outside the ``covered`` tables."""
    lines = [ln for ln in page.lines if not any(b.overlaps(ln.bbox) for b in covered)]
    out: list[BBox] = []
    for block in _row_blocks(lines):
        words = [w for ln in block for w in ln.words]
        h = line_height(words)
        if not has_figures(block, h):
            continue
        for part in _parts(block, h):
            part = _trimmed(part, h)
            if len(part) < 2 or not has_figures(part, h):
                continue
            if prose_like(part, max(ln.bbox.x1 for ln in part) - min(ln.bbox.x0 for ln in part), h):
                continue
            box = BBox.enclosing([ln.bbox for ln in part])
            assert box is not None
            out.append(BBox(box.x0 - 1, box.top - 1, box.x1 + 1, box.bottom + 1))
    return out
