"""A header drawn as a grid over a body without rules.

Word (through LibreOffice), HTML engines and others draw a shaded header as one filled box per cell, and a
zebra-striped body as one box per shaded row. Each box becomes four edges in the ingest, so the header alone
reads as a ruled grid of one or two rows, and the body below it, with no rules (or a shaded band every other
row), is left to the word-position builder as a table without a header. Here the two are one table: the grid
gives the header cells and the column boundaries, and the body rows are rebuilt from the words below it, in
those columns, down to where the table's lines end (a wide gap, prose, or another table's grid).
"""

from __future__ import annotations

from lakipcheck.ingest.lines import group_lines
from lakipcheck.ingest.types import Page
from lakipcheck.provenance import BBox
from lakipcheck.tables.grid import RawTable
from lakipcheck.tables.header import is_header_row, is_numeric_text, split_header
from lakipcheck.tables.hrules import open_region
from lakipcheck.tables.text import body_rows, line_height, without_numbering_rows
from lakipcheck.tables.types import Cell


def header_only(raw: RawTable) -> bool:
    """Every row of the grid is a header row (or a title over one): no body row of its own."""
    if not raw.cells:
        return False
    _, header, body = split_header(raw)
    return bool(header) and not body and any(is_header_row([c.text for c in row]) for row in raw.cells)


_EDGE = 2.0  # points: column edges this close are one


def body_band(raw: RawTable, head: RawTable | None = None) -> bool:
    """A grid that reads as body rows (a zebra stripe's boxes), not a header: one row; or, under ``head``,
    rows none of which reads as a header, drawn on the head's column edges (a stripe over a merged sasaran
    cell and the rows beside it)."""
    rows = raw.texts()
    if any(is_header_row(r) for r in rows):
        return False
    if raw.n_rows == 1:
        return True
    return head is not None and all(
        any(abs(x - y) <= _EDGE for y in head.col_bounds) for x in raw.col_bounds
    )


def _heading(row: list[Cell]) -> bool:
    """One text over several cells and no figure: a heading (or a group row, which heads rows below it)."""
    texts = {c.text.strip() for c in row if c.text.strip()}
    return len(texts) == 1 and sum(1 for c in row if c.text.strip()) >= 2 and not is_numeric_text(texts.pop())


def with_body_below(page: Page, head: RawTable, stop: float) -> RawTable | None:
    """``head`` (a grid of header rows only) with the body rows printed under it, above ``stop`` (the top of
    the next grid that is not a body stripe); None when no table body follows it."""
    box = head.bbox
    region = open_region(page, box.x0, box.x1, box.bottom, down=True, min_lines=1)  # a header says it is one
    if region is None:
        return None
    bottom = min(region.bottom, stop)
    below = BBox(box.x0, box.bottom, box.x1, bottom)
    words = [w for w in page.words if below.contains_point(w.bbox.center_x, w.bbox.center_y)]
    h = line_height(words)
    lines = without_numbering_rows(group_lines(words), h)
    if not lines:
        return None
    rows = body_rows(lines, head.col_bounds, below, box.bottom, h, page.number)
    while rows and _heading(rows[-1]):
        rows.pop()  # a heading under the table ("SASARAN KEGIATAN 1"): a group row heads rows below it
    if not rows:
        return None
    return RawTable(
        page.number, box.union(below), head.engine, head.cells + rows, head.col_bounds, len(head.cells)
    )
