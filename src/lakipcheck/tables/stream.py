"""Borderless tables: spot column-aligned runs of numeric lines, then let camelot's stream parser cut them."""

from __future__ import annotations

import io
import logging
import re
import warnings

from lakipcheck.ingest.types import Document, Line, Page
from lakipcheck.provenance import BBox
from lakipcheck.tables.grid import RawTable, drop_empty
from lakipcheck.tables.header import is_numeric_text
from lakipcheck.tables.types import Cell, Engine

log = logging.getLogger(__name__)

_MIN_RUN = 3  # consecutive tabular lines needed to call it a table
_PERCENTISH = re.compile(r"^\d+([.,]\d+)?\s*%$")


def _is_tabular(line: Line) -> bool:
    segs = line.segments()
    if len(segs) < 3:
        return False
    numeric = sum(1 for s in segs if is_numeric_text(s.text) or _PERCENTISH.match(s.text))
    return numeric >= 2


def borderless_candidates(page: Page, covered: list[BBox]) -> list[BBox]:
    """Regions of the page that look like a table without rules (not already covered by a ruled one)."""
    lines = [ln for ln in page.lines if not any(b.overlaps(ln.bbox) for b in covered)]
    regions: list[BBox] = []
    run: list[Line] = []

    def close() -> None:
        if len(run) >= _MIN_RUN:
            box = BBox.enclosing([ln.bbox for ln in run])
            assert box is not None
            # take up to three lines above as the header
            above = [ln for ln in lines if ln.bbox.bottom <= box.top and box.top - ln.bbox.bottom < 40]
            for ln in sorted(above, key=lambda x: -x.bbox.bottom)[:3]:
                box = box.union(ln.bbox)
            regions.append(box)
        run.clear()

    for ln in lines:
        if _is_tabular(ln):
            if run and ln.bbox.top - run[-1].bbox.bottom > 3 * max(ln.bbox.height, 8):
                close()
            run.append(ln)
        elif (run and ln.bbox.top - run[-1].bbox.bottom <= 1.5 * max(ln.bbox.height, 8)
              and len(ln.segments()) >= 2):
            run.append(ln)  # a wrapped label line inside the table
        else:
            close()
    close()
    return regions


def stream_tables(doc: Document, page: Page, region: BBox) -> list[RawTable]:
    """camelot stream on one region of one page; cell boxes converted to top-left page coordinates."""
    try:
        import camelot
    except ImportError:  # pragma: no cover - camelot is a core dependency
        return []
    h = page.height
    area = f"{region.x0 - 2:.1f},{h - region.top + 2:.1f},{region.x1 + 2:.1f},{h - region.bottom - 2:.1f}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = camelot.read_pdf(io.BytesIO(doc.data), pages=str(page.number), flavor="stream",
                                     table_areas=[area], suppress_stdout=True)
    except Exception as exc:  # camelot raises many kinds on odd pages; a missing table is not fatal
        log.debug("camelot stream failed on page %s: %s", page.number, exc)
        return []
    out: list[RawTable] = []
    for t in found:
        cells: list[list[Cell]] = []
        for r, row in enumerate(t.cells):
            out_row: list[Cell] = []
            for c, cell in enumerate(row):
                inside = r < t.df.shape[0] and c < t.df.shape[1]
                text = " ".join(str(t.df.iat[r, c]).split()) if inside else ""
                box = BBox(cell.x1, h - cell.y2, cell.x2, h - cell.y1)
                out_row.append(Cell(text, box, page.number))
            cells.append(out_row)
        if not cells:
            continue
        xs = [row_cell.bbox.x0 for row_cell in cells[0] if row_cell.bbox] + [cells[0][-1].bbox.x1]  # type: ignore[union-attr]
        raw = drop_empty(RawTable(page.number, region, Engine.CAMELOT_STREAM, cells, xs))
        if raw.cells and raw.n_cols >= 3:
            out.append(raw)
    return out
