"""Join a table with its continuation on the next page (header repeated or not)."""

from __future__ import annotations

from lakipcheck.tables.types import Table

_BOTTOM_ZONE = 0.22  # the first table must end in the lower part of its page ...
_TOP_ZONE = 0.30  # ... and the continuation start in the upper part of the next one


def _same_columns(a: Table, b: Table) -> bool:
    if a.n_cols != b.n_cols:
        return False
    if b.header and a.header:
        same = sum(1 for x, y in zip(a.columns, b.columns, strict=False) if x.lower() == y.lower())
        return same >= max(1, a.n_cols - 1)
    # No repeated header: column edges must line up.
    ax = [round(c.bbox.x0) for c in a.rows[-1] if c.bbox] if a.rows else []
    bx = [round(c.bbox.x0) for c in b.rows[0] if c.bbox] if b.rows else []
    if not ax or not bx:
        return True
    return all(abs(x - y) <= 6 for x, y in zip(ax, bx, strict=False))


def join_continuations(tables: list[Table], page_heights: dict[int, float]) -> list[Table]:
    """Merge each table into the previous one when it continues it on the following page."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        if prev is not None and t.page == prev.pages[-1] + 1 and _continues(prev, t, page_heights):
            prev.rows.extend(t.rows)
            prev.pages.append(t.page)
            prev.continued = True
            continue
        out.append(t)
    return out


def _repeated_header(prev: Table, nxt: Table) -> bool:
    """The next page starts with exactly the same header: a continuation wherever the previous part ended
    (a tall row that did not fit pushes the rest of a table to the next page)."""
    return (
        bool(prev.header)
        and prev.n_cols >= 3
        and prev.columns == nxt.columns
        and any(c.strip() for c in prev.columns)
    )


def _continues(prev: Table, nxt: Table, page_heights: dict[int, float]) -> bool:
    h_prev = page_heights.get(prev.pages[-1], 842.0)
    h_next = page_heights.get(nxt.page, 842.0)
    if nxt.bbox.top <= h_next * _TOP_ZONE and _repeated_header(prev, nxt):
        return True
    last_bottom = prev.bbox.bottom
    if prev.rows:
        last_bottom = max((c.bbox.bottom for c in prev.rows[-1] if c.bbox), default=prev.bbox.bottom)
    if last_bottom < h_prev * (1 - _BOTTOM_ZONE):
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
