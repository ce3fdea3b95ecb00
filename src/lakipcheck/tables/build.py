"""Turn a raw cell matrix into a :class:`Table`: header split and flattened, caption and section attached."""

from __future__ import annotations

import re

from lakipcheck.ingest.types import Page
from lakipcheck.provenance import BBox
from lakipcheck.tables.grid import RawTable
from lakipcheck.tables.header import flatten, split_header
from lakipcheck.tables.types import Cell, Table

_CAPTION_GAP = 45.0  # points above the table in which a title line is looked for
_CAPTION_RE = re.compile(r"^\s*(tabel|table|lampiran|grafik)\b", re.IGNORECASE)


def caption_for(page: Page, bbox: BBox) -> str | None:
    """The text line just above the table, preferring one that starts with "Tabel"."""
    above = [
        ln
        for ln in page.lines
        if ln.bbox.bottom <= bbox.top + 1
        and bbox.top - ln.bbox.bottom <= _CAPTION_GAP
        and ln.bbox.x1 > bbox.x0
        and ln.bbox.x0 < bbox.x1
    ]
    if not above:
        return None
    above.sort(key=lambda ln: ln.bbox.bottom, reverse=True)
    for ln in above:
        if _CAPTION_RE.match(ln.text):
            return ln.text.strip()
    return above[0].text.strip()


def build_table(raw: RawTable, page: Page, table_id: str, section: str | None = None) -> Table | None:
    """Split the header off, flatten it, keep the body rows; None when nothing is left."""
    if not raw.cells or raw.n_cols < 2:
        return None
    titles, header, body_idx = split_header(raw)
    rows = [raw.cells[i] for i in body_idx]
    if not rows and not header:
        return None
    columns = flatten(header, raw.n_cols)
    caption = caption_for(page, raw.bbox)
    if titles and not (caption and _CAPTION_RE.match(caption)):
        caption = " ".join(titles)
    return Table(
        id=table_id,
        page=raw.page,
        bbox=raw.bbox,
        engine=raw.engine,
        columns=columns,
        rows=rows,
        header=header,
        pages=[raw.page],
        section=section,
        caption=caption,
    )


_ITEM_NO = re.compile(r"^\(?\d{1,2}[.)]?$|^[a-z][.)]$")


def merge_numbering_columns(table: Table) -> None:
    """Fold a column that only numbers the items of the text column to its right into that column, when both
    stand under one header ("Indikator Kinerja" spanning "1" and "Ratio Kematian Ibu") or the numbers have no
    header of their own: the two are one column of the printed table."""
    for j in reversed(range(table.n_cols - 1)):
        if _numbering_column(table, j):
            table.columns = table.columns[:j] + table.columns[j + 1 :]
            table.header = [row[:j] + row[j + 1 :] for row in table.header]
            table.rows = [_merge_cells(row, j) for row in table.rows]


def _numbering_column(table: Table, j: int) -> bool:
    rows = table.rows
    if not rows or not table.columns[j + 1].strip():
        return False
    if table.columns[j].strip() != table.columns[j + 1].strip() and (table.columns[j].strip() or j == 0):
        return False
    nums = [r[j].text.strip() for r in rows if r[j].text.strip() and not r[j].spanned]
    texts = [r[j + 1].text for r in rows if r[j + 1].text.strip()]
    if len(nums) < 2 or not all(_ITEM_NO.match(n) for n in nums):
        return False
    return sum(1 for t in texts if re.search(r"[A-Za-z]{3,}", t)) >= 0.6 * max(len(texts), 1)


def _merge_cells(row: list[Cell], j: int) -> list[Cell]:
    """Join cell ``j`` (an item number) into cell ``j + 1``."""
    a, b = row[j], row[j + 1]
    text = f"{a.text} {b.text}".strip() if a.text.strip() and a.text != b.text else b.text
    box = a.bbox.union(b.bbox) if a.bbox and b.bbox and a.bbox is not b.bbox else b.bbox
    merged = Cell(text, box, b.page or a.page, spanned=b.spanned and (a.spanned or not a.text.strip()))
    return [*row[:j], merged, *row[j + 2 :]]
