"""Column boundaries a ruled table leaves undrawn.

A "merged" cell of a lattice is not always a merged cell of the printed table: when a column rule is missing
in some rows (shading marks the columns in one row and nothing in the next, or the table draws row rules
only), the lattice sees one wide cell whose words still stand in separate columns. Such a cell is split at
an inner column boundary when its words fall clearly on both sides of it (no word across it, a gap of most
of a line height between the two sides). A real merged cell (a group heading, "Tahun 2016" over two
columns, a paragraph) has a word across the boundary or all of its words on one side.
"""

from __future__ import annotations

import bisect
import itertools

from lakipcheck.ingest.types import Page, Word
from lakipcheck.provenance import BBox
from lakipcheck.tables.lattice import GridCell, Lattice

# White space a column boundary needs between the words on either side, in line heights (a word's box is
# the font's full height; the font size PDFium reports is scaled by the text matrix and not comparable).
_MIN_GAP = 0.8
_CROSS = 1.0  # points a word may reach over a boundary and still count as on its side


def split_merged(lattice: Lattice, page: Page) -> Lattice:
    """The lattice with every wide cell split at the inner boundaries its words stand clear of."""
    if lattice.n_cols < 2 or not any(gc.c1 - gc.c0 >= 2 for gc in lattice.cells):
        return lattice
    words = [w for w in page.words if lattice.bbox.contains_point(w.bbox.center_x, w.bbox.center_y)]
    words.sort(key=lambda w: w.bbox.center_y)
    ys = [w.bbox.center_y for w in words]
    cells: list[GridCell] = []
    for gc in lattice.cells:
        if gc.c1 - gc.c0 < 2:
            cells.append(gc)
            continue
        lo, hi = bisect.bisect_left(ys, gc.bbox.top), bisect.bisect_right(ys, gc.bbox.bottom)
        inside = [w for w in words[lo:hi] if gc.bbox.x0 <= w.bbox.center_x <= gc.bbox.x1]
        cuts = [k for k in range(gc.c0 + 1, gc.c1) if _clear(inside, lattice.xs[k])]
        if not cuts:
            cells.append(gc)
            continue
        # Once the cell is known to hold separate columns, a boundary no word crosses is one more cut (the
        # column beyond it is empty in this row).
        cuts = [k for k in range(gc.c0 + 1, gc.c1) if k in cuts or not _crossed(inside, lattice.xs[k])]
        bounds = [gc.c0, *cuts, gc.c1]
        for a, b in itertools.pairwise(bounds):
            x0 = gc.bbox.x0 if a == gc.c0 else lattice.xs[a]
            x1 = gc.bbox.x1 if b == gc.c1 else lattice.xs[b]
            cells.append(GridCell(BBox(x0, gc.bbox.top, x1, gc.bbox.bottom), gc.r0, a, gc.r1, b))
    return Lattice(lattice.bbox, lattice.xs, lattice.ys, cells)


def _crossed(words: list[Word], x: float) -> bool:
    return any(w.bbox.x0 < x - _CROSS and w.bbox.x1 > x + _CROSS for w in words)


def _clear(words: list[Word], x: float) -> bool:
    """Words stand on both sides of ``x``, none across it, with a wide gap between the two sides."""
    left = [w for w in words if w.bbox.x1 <= x + _CROSS]
    right = [w for w in words if w.bbox.x0 >= x - _CROSS]
    if not left or not right or _crossed(words, x):
        return False
    heights = sorted(w.bbox.height for w in words)
    gap = min(w.bbox.x0 for w in right) - max(w.bbox.x1 for w in left)
    return gap >= _MIN_GAP * heights[len(heights) // 2]
