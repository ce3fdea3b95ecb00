"""Ruled tables: pdfplumber's lattice algorithm (edges -> intersections -> cells -> tables) run on the
ruling lines PDFium found, so the page never has to be re-parsed by pdfminer."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from lakipcheck.ingest.types import Page, Rule
from lakipcheck.provenance import BBox
from lakipcheck.tables.shading import border_rules, is_drawn

SNAP = 3.0
JOIN = 3.0
INTERSECT = 3.0
MIN_EDGE = 3.0
# Boundaries closer than this are one boundary: Word's double and thick-thin borders draw two or three
# parallel rules a few points apart, which would otherwise make empty sliver columns and rows.
BOUNDARY_MERGE = 7.0


@dataclass(slots=True)
class GridCell:
    """A cell rectangle located on the table's grid: rows r0..r1-1 and columns c0..c1-1."""

    bbox: BBox
    r0: int
    c0: int
    r1: int
    c1: int


@dataclass(slots=True)
class Lattice:
    """A ruled table's geometry: the row and column boundaries and the (possibly merged) cells."""

    bbox: BBox
    xs: list[float]
    ys: list[float]
    cells: list[GridCell]

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


def _line(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    """A pdfplumber edge (a zero-width line) from ``x0, top`` to ``x1, bottom``."""
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


def _edge(rule: Rule) -> dict:
    if rule.orientation == "h":
        y = (rule.top + rule.bottom) / 2
        return _line("h", rule.x0, y, rule.x1, y)
    x = (rule.x0 + rule.x1) / 2
    return _line("v", x, rule.top, x, rule.bottom)


def _cluster(values: list[float], tol: float) -> list[float]:
    """Group values that chain within ``tol`` and keep each group's middle."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [(g[0] + g[-1]) / 2 for g in groups]


def _index(bounds: list[float], value: float, tol: float) -> int:
    best, best_d = 0, float("inf")
    for i, b in enumerate(bounds):
        d = abs(b - value)
        if d < best_d:
            best, best_d = i, d
    return best if best_d <= tol else -1


def _crosses(h: dict, v: dict, tol: float = INTERSECT) -> bool:
    return h["x0"] - tol <= v["x0"] <= h["x1"] + tol and v["top"] - tol <= h["top"] <= v["bottom"] + tol


def _open_sides(edges: list[dict]) -> list[dict]:
    """Vertical edges for a table drawn without its outer left or right border.

    Where drawn row rules end together at one x (each crossing a column rule), and a column rule runs between
    two such rows, the table's side is taken to be there. Without it the outermost columns would have no
    closed cells and fall off the table."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    rows = [h for h in hs if any(_crosses(h, v) for v in vs)]
    out: list[dict] = []
    for key in ("x0", "x1"):
        for group in _chains(rows, key, SNAP):
            if len(group) < 2:
                continue
            x = sum(h[key] for h in group) / len(group)
            group.sort(key=lambda h: h["top"])
            for a, b in itertools.pairwise(group):
                if b["top"] - a["top"] < MIN_EDGE or _closed(vs, x, a["top"], b["top"]):
                    continue
                if any(
                    v["top"] <= a["top"] + INTERSECT
                    and v["bottom"] >= b["top"] - INTERSECT
                    and a["x0"] < v["x0"] < a["x1"]
                    for v in vs
                ):
                    out.append(_line("v", x, a["top"], x, b["top"]))
    return out


def _open_ends(edges: list[dict]) -> list[dict]:
    """Horizontal edges for a table drawn without its top or bottom border.

    Word leaves out the top border of a table's part that continues on the next page (and sometimes the
    bottom one of the part before): three or more column rules then start (or end) together at one y with no
    row rule there. When a drawn row rule further down (or up) spans all of them, the table's edge is taken to
    be at that y; without it the first (or last) row would have no closed cells and fall off the table."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    out: list[dict] = []
    for key, sign in (("top", 1), ("bottom", -1)):
        for group in _chains(vs, key, SNAP):
            if len(group) < 3:
                continue
            y = sum(v[key] for v in group) / len(group)
            x0, x1 = min(v["x0"] for v in group), max(v["x0"] for v in group)
            if any(abs(h["top"] - y) <= SNAP and h["x0"] <= x0 + SNAP and h["x1"] >= x1 - SNAP for h in hs):
                continue
            spans = [
                h
                for h in hs
                if sign * (h["top"] - y) >= MIN_EDGE
                and h["x0"] <= x0 + INTERSECT
                and h["x1"] >= x1 - INTERSECT
                and all(_crosses(h, v) for v in group)
            ]
            if spans:
                out.append(_line("h", x0, y, x1, y))
    return out


def _closed(vs: list[dict], x: float, top: float, bottom: float) -> bool:
    """A drawn vertical edge already runs at ``x`` from ``top`` to ``bottom``."""
    return any(
        abs(v["x0"] - x) <= SNAP and v["top"] <= top + INTERSECT and v["bottom"] >= bottom - INTERSECT
        for v in vs
    )


def _chains(edges: list[dict], key: str, tol: float) -> list[list[dict]]:
    groups: list[list[dict]] = []
    for e in sorted(edges, key=lambda e: e[key]):
        if groups and e[key] - groups[-1][-1][key] <= tol:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def find_lattices(page: Page, *, min_rows: int = 2, min_cols: int = 2) -> list[Lattice]:
    """Ruled tables on a page, top to bottom. Tiny grids (a boxed paragraph, a logo frame) are dropped.

    Shading boxes inside a table whose rules are drawn are sorted out first (see :mod:`shading`); a drawn
    table with one column and several rows (frame and row rules only) counts, as its columns may be shown by
    shading alone."""
    drawn = _merged([r for r in page.rules if is_drawn(r)])
    sides = _open_sides(drawn)
    sides += _open_ends(drawn + sides)
    rules = page.rules
    if any(not is_drawn(r) for r in rules):
        rules = border_rules(rules, [g.bbox for g in _lattices(drawn + sides, 2, 1)])
    return _lattices(_merged(rules) + sides, min_rows, min_cols)


def _merged(rules: list[Rule]) -> list[dict]:
    """pdfplumber edges of the rules, collinear pieces joined, short bits dropped."""
    edges = [_edge(r) for r in rules]
    edges = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 1]
    if not edges:
        return []
    edges = merge_edges(edges, SNAP, SNAP, JOIN, JOIN)
    return [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= MIN_EDGE]


def _lattices(edges: list[dict], min_rows: int, min_cols: int) -> list[Lattice]:
    if len(edges) < 4:
        return []
    intersections = edges_to_intersections(edges, INTERSECT, INTERSECT)
    cells = intersections_to_cells(intersections)
    out: list[Lattice] = []
    for group in cells_to_tables(cells):
        xs = _cluster([c[0] for c in group] + [c[2] for c in group], BOUNDARY_MERGE)
        ys = _cluster([c[1] for c in group] + [c[3] for c in group], BOUNDARY_MERGE)
        if len(xs) - 1 < min_cols or len(ys) - 1 < min_rows:
            continue
        grid: list[GridCell] = []
        for x0, top, x1, bottom in group:
            c0, c1 = _index(xs, x0, BOUNDARY_MERGE), _index(xs, x1, BOUNDARY_MERGE)
            r0, r1 = _index(ys, top, BOUNDARY_MERGE), _index(ys, bottom, BOUNDARY_MERGE)
            if min(c0, c1, r0, r1) < 0 or c1 <= c0 or r1 <= r0:
                continue
            grid.append(GridCell(BBox(x0, top, x1, bottom), r0, c0, r1, c1))
        bbox = BBox(xs[0], ys[0], xs[-1], ys[-1])
        out.append(Lattice(bbox, xs, ys, grid))
    out.sort(key=lambda lat: (lat.bbox.top, lat.bbox.x0))
    return out
