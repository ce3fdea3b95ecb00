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
from lakipcheck.tables.continuation import join_continuations
from lakipcheck.tables.grid import RawTable, drop_empty, from_lattice
from lakipcheck.tables.hrules import ruled_regions
from lakipcheck.tables.lattice import find_lattices
from lakipcheck.tables.text import text_table
from lakipcheck.tables.types import Table

SectionOf = Callable[[int], str | None]


def _raw_tables(page: Page, *, borderless: bool) -> list[RawTable]:
    """Ruled (gridded) tables first; then tables ruled only across (booktabs) and, with ``borderless``, tables
    with no rules at all, outside them, rebuilt from word positions."""
    raws = [drop_empty(from_lattice(page, split_merged(lat, page))) for lat in find_lattices(page)]
    raws = [r for r in raws if r.cells and r.n_cols >= 2 and r.n_rows >= 1]
    for region in ruled_regions(page, [r.bbox for r in raws]):
        raws += _from_words(page, region.bbox, region.head_bottom)
    if borderless:
        for box in borderless_regions(page, [r.bbox for r in raws]):
            raws += _from_words(page, box, None)
    return raws


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
    for page in doc.pages:
        if not page.has_text_layer:
            continue
        raws = _raw_tables(page, borderless=borderless)
        raws.sort(key=lambda r: (r.bbox.top, r.bbox.x0))
        for k, raw in enumerate(raws, start=1):
            section = section_of(page.number) if section_of else None
            table = build_table(raw, page, f"p{page.number}-t{k}", section)
            if table is not None:
                tables.append(table)
    tables = join_continuations(tables, {p.number: p.height for p in doc.pages})
    for t in tables:
        merge_numbering_columns(t)
    tables = [part for t in tables for part in split_combined(t)]
    for t in tables:
        t.kind, t.kind_score = classify(t)
    return tables
