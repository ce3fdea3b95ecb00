"""Join a table with its continuation on the next page (header repeated or not)."""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from lakipcheck.ingest.types import Page
from lakipcheck.tables.types import Cell, Table

_BOTTOM_ZONE = 0.22  # the first table must end in the lower part of its page ...
_TOP_ZONE = 0.30  # ... and the continuation start in the upper part of the next one
_HALF = 0.5  # ... or end below the middle of its page with nothing under it but the footer:
_FOOTER = 0.95  # lines below this fraction of the page height are its footer
_SHORT = 12  # a line this short (a page number, "III-11") does not count as text under a table


def _same_columns(a: Table, b: Table) -> bool:
    if a.n_cols != b.n_cols:
        return False
    if b.header and a.header:
        same = sum(1 for x, y in zip(a.columns, b.columns, strict=False) if x.lower() == y.lower())
        return same >= max(1, a.n_cols - 1)
    # No repeated header: column edges must line up; under a header, left edges or (figures set flush right)
    # right edges.
    flush = bool(a.header) and not b.header
    pairs = zip(_lefts(a), _lefts(b), _lefts(a, right=True), _lefts(b, right=True), strict=True)
    return all(
        _near(x0, y0) or (flush and _near(x1, y1))
        for x0, y0, x1, y1 in pairs
        if x0 is not None and y0 is not None
    )


def join_continuations(
    tables: list[Table], page_heights: dict[int, float], pages: dict[int, Page] | None = None
) -> list[Table]:
    """Merge each table into the previous one when it continues it on the following page. With ``pages``, a
    part followed by nothing but the page footer counts as ending its page wherever it ends (a tall row that
    did not fit went to the next page)."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        if prev is not None and t.page == prev.pages[-1] + 1:
            part = joining_part(prev, t, page_heights, pages)
            if part is not None:
                prev.rows.extend(part.rows)
                prev.pages.append(part.page)
                prev.continued = True
                continue
        out.append(t)
    return out


def joining_part(
    prev: Table, nxt: Table, page_heights: dict[int, float], pages: dict[int, Page] | None = None
) -> Table | None:
    """``nxt`` as it continues ``prev`` (widened to its columns if need be), or None when it does not."""
    parts = (nxt, _widened(nxt, prev))
    return next((p for p in parts if p and _continues(prev, p, page_heights, pages)), None)


def _repeated_header(prev: Table, nxt: Table) -> bool:
    """The next page starts with exactly the same header: a continuation wherever the previous part ended
    (a tall row that did not fit pushes the rest of a table to the next page)."""
    return (
        bool(prev.header)
        and prev.n_cols >= 3
        and prev.columns == nxt.columns
        and any(c.strip() for c in prev.columns)
    )


def _nothing_below(page: Page | None, bottom: float) -> bool:
    """No text under ``bottom`` on ``page`` but a page number or a short footer."""
    if page is None:
        return False
    return not any(
        ln.bbox.top > bottom + 1 and ln.bbox.top < page.height * _FOOTER and len(ln.text.strip()) > _SHORT
        for ln in page.lines
    )


def _continues(
    prev: Table, nxt: Table, page_heights: dict[int, float], pages: dict[int, Page] | None = None
) -> bool:
    h_prev = page_heights.get(prev.pages[-1], 842.0)
    h_next = page_heights.get(nxt.page, 842.0)
    if nxt.bbox.top <= h_next * _TOP_ZONE and _repeated_header(prev, nxt):
        return True
    last_bottom = prev.bbox.bottom
    if prev.rows:
        last_bottom = max((c.bbox.bottom for c in prev.rows[-1] if c.bbox), default=prev.bbox.bottom)
    if last_bottom < h_prev * (1 - _BOTTOM_ZONE) and not (
        nxt.engine == prev.engine
        and last_bottom >= h_prev * _HALF
        and _nothing_below((pages or {}).get(prev.pages[-1]), last_bottom)
    ):
        return False
    if nxt.bbox.top > h_next * _TOP_ZONE:
        return False
    if nxt.header and nxt.caption and nxt.caption.lower().startswith("tabel") and nxt.caption != prev.caption:
        return False
    if not nxt.header and not prev.header:
        return prev.n_cols == nxt.n_cols
    if not nxt.header:
        return prev.n_cols == nxt.n_cols and _same_columns(prev, nxt)
    return _same_columns(prev, nxt)


_ALIGN = 6.0  # points: column edges this close line up


def _lefts(table: Table, right: bool = False) -> list[float | None]:
    """Each column's left edge (or ``right`` edge) on the table's last page: the median edge of the cells
    that start in it there (earlier pages may place the table differently)."""
    last = table.pages[-1] if table.pages else table.page
    rows = [r for r in table.rows if any(c.page == last and c.bbox for c in r)]
    out: list[float | None] = []
    for j in range(table.n_cols):
        xs = [
            r[j].bbox.x1 if right else r[j].bbox.x0
            for r in rows
            if j < len(r) and r[j].bbox and not r[j].spanned
        ]
        out.append(median(xs) if xs else None)
    return out


def _near(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= _ALIGN


def _widened(nxt: Table, prev: Table) -> Table | None:
    """A headerless part with fewer columns than the part before it, given that part's columns, when each
    of its columns starts where one of the earlier part's does: a column left empty on this page (an item
    number written only in a group row) was dropped as empty, and the parts would otherwise not be seen as
    one. None when the part does not fit so."""
    if nxt.header or nxt.n_cols >= prev.n_cols:
        return None
    theirs, mine = _lefts(prev), _lefts(nxt)
    if any(x is None for x in mine):
        return None
    slots: list[int] = []
    for x in mine:
        start = slots[-1] + 1 if slots else 0
        j = next((k for k in range(start, len(theirs)) if _near(theirs[k], x)), None)
        if j is None:
            return None
        slots.append(j)
    rows = []
    for r in nxt.rows:
        row = [Cell("", None, nxt.page) for _ in range(prev.n_cols)]
        for c, j in zip(r, slots, strict=False):
            row[j] = c
        rows.append(row)
    return replace(nxt, rows=rows, columns=[""] * prev.n_cols)
