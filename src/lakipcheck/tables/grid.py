"""A raw table: a rectangular matrix of cell texts with merged cells filled, before headers are known."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from lakipcheck.ingest.lines import group_lines
from lakipcheck.ingest.types import Page, Word
from lakipcheck.provenance import BBox
from lakipcheck.tables.lattice import Lattice
from lakipcheck.tables.types import Cell, Engine


@dataclass(slots=True)
class RawTable:
    """Cells by row and column; a merged cell's text is repeated into every position it covers (spanned=True
    on the copies). ``row_spans`` marks, per position, whether the text came from the row above (rowspan)."""

    page: int
    bbox: BBox
    engine: Engine
    cells: list[list[Cell]]
    col_bounds: list[float]

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def n_cols(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.cells]


def cell_text(words: list[Word]) -> str:
    """Words of one cell in reading order; wrapped lines joined with a space, hyphenated breaks mended."""
    parts: list[str] = []
    for line in group_lines(words):
        text = line.text
        if parts and parts[-1].endswith("-") and text[:1].islower():
            parts[-1] = parts[-1][:-1] + text
        else:
            parts.append(text)
    return " ".join(parts).strip()


def from_lattice(page: Page, lattice: Lattice) -> RawTable:
    """Fill a lattice's cells with the page's words (by word centre) and copy merged cells' text."""
    n_rows, n_cols = lattice.n_rows, lattice.n_cols
    owner: list[list[int]] = [[-1] * n_cols for _ in range(n_rows)]
    for i, gc in enumerate(lattice.cells):
        for r in range(gc.r0, gc.r1):
            for c in range(gc.c0, gc.c1):
                owner[r][c] = i
    bucket: dict[int, list[Word]] = {}
    xs, ys = lattice.xs, lattice.ys
    box = lattice.bbox
    for w in page.words:
        cx, cy = w.bbox.center_x, w.bbox.center_y
        if not box.contains_point(cx, cy):
            continue
        c = bisect.bisect_right(xs, cx) - 1
        r = bisect.bisect_right(ys, cy) - 1
        if 0 <= r < n_rows and 0 <= c < n_cols and owner[r][c] >= 0:
            bucket.setdefault(owner[r][c], []).append(w)
    texts = {i: cell_text(ws) for i, ws in bucket.items()}
    cells: list[list[Cell]] = []
    for r in range(n_rows):
        row: list[Cell] = []
        for c in range(n_cols):
            i = owner[r][c]
            if i < 0:
                row.append(Cell("", None, page.number))
                continue
            gc = lattice.cells[i]
            row.append(Cell(texts.get(i, ""), gc.bbox, page.number, spanned=(r, c) != (gc.r0, gc.c0)))
        cells.append(row)
    return RawTable(page.number, box, Engine.PDFPLUMBER, cells, list(xs))


def _redundant_column(rows: list[list[Cell]], j: int) -> bool:
    """Empty everywhere, or only copies of the merged cell to its left (a stray rule split a merged cell)."""
    for row in rows:
        cell = row[j]
        if cell.text and not (j > 0 and cell.spanned and cell.bbox is not None and cell.bbox is row[j - 1].bbox):
            return False
    return True


def drop_empty(raw: RawTable) -> RawTable:
    """Remove rows that are empty and columns that carry nothing of their own (artefacts of decorative rules)."""
    rows = [row for row in raw.cells if any(c.text for c in row)]
    if not rows:
        raw.cells = []
        return raw
    keep = [j for j in range(len(rows[0])) if not _redundant_column(rows, j)]
    raw.cells = [[row[j] for j in keep] for row in rows]
    if raw.col_bounds:
        raw.col_bounds = [raw.col_bounds[j] for j in keep] + [raw.col_bounds[-1]]
    return raw
