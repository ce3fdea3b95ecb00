"""Turn a raw cell matrix into a :class:`Table`: header split and flattened, caption and section attached."""

from __future__ import annotations

import re

from lakipcheck.ingest.types import Page
from lakipcheck.provenance import BBox
from lakipcheck.tables.grid import RawTable
from lakipcheck.tables.header import flatten, split_header
from lakipcheck.tables.types import Table

_CAPTION_GAP = 45.0  # points above the table in which a title line is looked for
_CAPTION_RE = re.compile(r"^\s*(tabel|table|lampiran|grafik)\b", re.IGNORECASE)


def caption_for(page: Page, bbox: BBox) -> str | None:
    """The text line just above the table, preferring one that starts with "Tabel"."""
    above = [ln for ln in page.lines if ln.bbox.bottom <= bbox.top + 1 and bbox.top - ln.bbox.bottom <= _CAPTION_GAP
             and ln.bbox.x1 > bbox.x0 and ln.bbox.x0 < bbox.x1]
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
    header, body_idx = split_header(raw)
    columns = flatten(header, raw.n_cols)
    rows = [raw.cells[i] for i in body_idx]
    if not rows and not header:
        return None
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
        caption=caption_for(page, raw.bbox),
    )
