"""Tables stage entry point: find every table of a document, join continuations, classify."""

from __future__ import annotations

from collections.abc import Callable

from lakipcheck.ingest.types import Document, Page
from lakipcheck.provenance import BBox
from lakipcheck.tables.borderless import borderless_regions
from lakipcheck.tables.build import build_table, merge_numbering_columns
from lakipcheck.tables.classify import classify
from lakipcheck.tables.columns import split_merged
from lakipcheck.tables.combined import split_combined
from lakipcheck.tables.continuation import join_continuations, joining_part
from lakipcheck.tables.grid import RawTable, drop_empty, from_lattice
from lakipcheck.tables.headband import body_band, header_only, with_body_below
from lakipcheck.tables.hrules import ruled_regions
from lakipcheck.tables.lattice import Lattice, find_lattices
from lakipcheck.tables.text import text_table
from lakipcheck.tables.types import Table

SectionOf = Callable[[int], str | None]


_FRAGMENT_ZONE = 0.30  # a one-row ruled grid this high on its page may be the last row of a table's part

Joins = Callable[[RawTable], bool]


def _raw_tables(page: Page, *, borderless: bool, joins: Joins) -> list[RawTable]:
    """Ruled (gridded) tables first; then tables ruled only across (booktabs) and, with ``borderless``, tables
    with no rules at all, outside them, rebuilt from word positions.

    A ruled grid of one row and several columns at the top of the page is kept only when it ``joins`` the
    table the previous page ended with (its last row, pushed over the page break); otherwise it is left to the
    other builders (it may be the boxed header of a table ruled only across)."""
    raws: list[RawTable] = []
    grids: list[tuple[RawTable, Lattice]] = []
    for lat in sorted(find_lattices(page, min_rows=1), key=lambda g: (g.bbox.top, g.bbox.x0)):
        raw = drop_empty(from_lattice(page, split_merged(lat, page)))
        if raw.cells and raw.n_cols >= 2:
            grids.append((raw, lat))
    taken: list[BBox] = []
    for k, (raw, lat) in enumerate(grids):
        if any(b.contains_point(raw.bbox.center_x, raw.bbox.center_y) for b in taken):
            continue  # a body stripe of a table already joined to its header
        if header_only(raw):
            later = [g.bbox.top for g, _ in grids[k + 1 :] if _below(g, raw) and not body_band(g, raw)]
            stop = min(later, default=page.height)
            whole = with_body_below(page, raw, stop)
            if whole is not None:
                raws.append(whole)
                taken.append(whole.bbox)
                continue
        one_row = lat.n_rows == 1
        if one_row and (lat.n_cols < 4 or raw.bbox.top > page.height * _FRAGMENT_ZONE):
            continue
        if not one_row or joins(raw):
            raws.append(raw)
    for region in ruled_regions(page, [r.bbox for r in raws]):
        raws += _from_words(page, region.bbox, region.head_bottom)
    if borderless:
        for box in borderless_regions(page, [r.bbox for r in raws]):
            raws += _from_words(page, box, None)
    return raws


def _below(grid: RawTable, head: RawTable) -> bool:
    """``grid`` starts under ``head`` and shares its columns' span."""
    a, b = grid.bbox, head.bbox
    return a.top >= b.bottom - 1 and min(a.x1, b.x1) - max(a.x0, b.x0) > 0.3 * b.width


def _from_words(page: Page, region: BBox, head_bottom: float | None) -> list[RawTable]:
    raw = text_table(page, region, head_bottom)
    if raw is None:
        return []
    raw = drop_empty(raw)
    return [raw] if raw.cells and raw.n_cols >= 2 else []


def extract_tables(
    doc: Document, section_of: SectionOf | None = None, *, borderless: bool = True
) -> list[Table]:
    """All tables of the document in reading order, each with kind, engine and provenance of every cell.
    ``borderless=False`` skips looking for tables drawn without any rule."""
    tables: list[Table] = []
    heights = {p.number: p.height for p in doc.pages}
    pages = {p.number: p for p in doc.pages}
    for page in doc.pages:
        if not page.has_text_layer:
            continue
        section = section_of(page.number) if section_of else None
        before = next((t for t in reversed(tables) if t.page == page.number - 1), None)

        def joins(raw: RawTable, page: Page = page, before: Table | None = before) -> bool:
            part = build_table(raw, page, "", None)
            return before is not None and part is not None and joining_part(before, part, heights, pages)

        raws = _raw_tables(page, borderless=borderless, joins=joins)
        raws.sort(key=lambda r: (r.bbox.top, r.bbox.x0))
        for k, raw in enumerate(raws, start=1):
            table = build_table(raw, page, f"p{page.number}-t{k}", section)
            if table is not None:
                tables.append(table)
    tables = join_continuations(tables, heights, pages)
    for t in tables:
        merge_numbering_columns(t)
    tables = [part for t in tables for part in split_combined(t)]
    for t in tables:
        t.kind, t.kind_score = classify(t)
    return tables
