"""Cell shading seen as rules: which zero-thickness box edges inside a drawn table are not cell borders.

Word draws a table's borders as thin filled rectangles (rules with some thickness) and a shaded cell's
background as filled boxes: either a mosaic tiling the cell (padding stripes along its borders and one box
per text line) or one box for the cell with one box per text line laid on top of it. The ingest keeps every
box as its four zero-thickness outline edges. Inside a table whose grid is drawn, these edges are dropped:

- the edges of a box lying inside another box (a text-line box on a cell's background);
- a horizontal edge shared by two boxes, one above and one below (a mosaic's inner seams);
- an edge running within a few points of a parallel drawn border (a padding inset that only repeats it).

The other box edges stay: a shaded row or column may be told from its neighbour by its shading alone.
"""

from __future__ import annotations

import numpy as np

from lakipcheck.ingest.types import Rule
from lakipcheck.provenance import BBox

DRAWN = 0.1  # a rule at least this thick was drawn as a line; thinner ones are outline edges of boxes
SHARED = 0.3  # two box edges closer than this are one shared edge
NEST = 0.5  # a box this far inside another on every side (or touching it) lies on it
SHADOW = 7.0  # an edge this close to a parallel drawn border only repeats it
MARGIN = 3.0  # an edge must lie this far inside a drawn table to be judged
_MAX_STACK = 40  # edges of one width looked at below a box's top edge when pairing it with its bottom edge


def thickness(rule: Rule) -> float:
    return rule.bottom - rule.top if rule.orientation == "h" else rule.x1 - rule.x0


def is_drawn(rule: Rule) -> bool:
    return thickness(rule) >= DRAWN


def border_rules(rules: list[Rule], tables: list[BBox]) -> list[Rule]:
    """``rules`` without the shading edges that lie inside one of the drawn ``tables``."""
    drawn = [r for r in rules if is_drawn(r)]
    outline = [r for r in rules if not is_drawn(r)]
    inside = [r for r in outline if any(_inside(r, box) for box in tables)]
    if not inside:
        return rules
    boxes = _boxes(outline)
    nested = _nested_box_edges(boxes)
    seams = _Seams([b for b, _ in boxes])
    dropped = {
        id(r)
        for r in inside
        if id(r) in nested or (r.orientation == "h" and seams.shared(r)) or _shadowed(r, drawn)
    }
    return [r for r in rules if id(r) not in dropped]


def _inside(rule: Rule, box: BBox) -> bool:
    cx, cy = (rule.x0 + rule.x1) / 2, (rule.top + rule.bottom) / 2
    return box.x0 + MARGIN < cx < box.x1 - MARGIN and box.top + MARGIN < cy < box.bottom - MARGIN


def _shadowed(rule: Rule, drawn: list[Rule]) -> bool:
    if rule.orientation == "h":
        return any(
            d.orientation == "h"
            and abs((d.top + d.bottom) / 2 - rule.top) <= SHADOW
            and min(rule.x1, d.x1) - max(rule.x0, d.x0) > 0
            for d in drawn
        )
    return any(
        d.orientation == "v"
        and abs((d.x0 + d.x1) / 2 - rule.x0) <= SHADOW
        and min(rule.bottom, d.bottom) - max(rule.top, d.top) > 0
        for d in drawn
    )


def _boxes(outline: list[Rule]) -> list[tuple[tuple[float, float, float, float], list[Rule]]]:
    """Rectangles whose four outline edges are all present (the ingest writes them with equal coordinates)."""
    verticals = {(r.x0, r.top, r.bottom): r for r in outline if r.orientation == "v"}
    by_span: dict[tuple[float, float], list[Rule]] = {}
    for r in outline:
        if r.orientation == "h":
            by_span.setdefault((r.x0, r.x1), []).append(r)
    out = []
    for (x0, x1), hs in by_span.items():
        hs.sort(key=lambda r: r.top)
        for i, top in enumerate(hs):
            for bottom in hs[i + 1 : i + 1 + _MAX_STACK]:
                left = verticals.get((x0, top.top, bottom.top))
                right = verticals.get((x1, top.top, bottom.top))
                if left is not None and right is not None:
                    out.append(((x0, top.top, x1, bottom.top), [top, bottom, left, right]))
                    break
    return out


def _nested_box_edges(boxes: list[tuple[tuple[float, float, float, float], list[Rule]]]) -> set[int]:
    """ids of the edges of boxes that lie inside a larger box."""
    if len(boxes) < 2:
        return set()
    a = np.array([b for b, _ in boxes])
    area = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    out: set[int] = set()
    for i, (b, edges) in enumerate(boxes):
        holds = (
            (a[:, 0] <= b[0] + NEST)
            & (a[:, 1] <= b[1] + NEST)
            & (a[:, 2] >= b[2] - NEST)
            & (a[:, 3] >= b[3] - NEST)
            & (area > area[i] * 1.05)
        )
        if holds.any():
            out.update(id(e) for e in edges)
    return out


class _Seams:
    """Boxes by their top and bottom edge, to tell a horizontal edge with a box on each side."""

    def __init__(self, boxes: list[tuple[float, float, float, float]]) -> None:
        self.tops: dict[int, list[tuple[float, float, float, float]]] = {}
        self.bottoms: dict[int, list[tuple[float, float, float, float]]] = {}
        for b in boxes:
            self.tops.setdefault(round(b[1]), []).append(b)
            self.bottoms.setdefault(round(b[3]), []).append(b)

    @staticmethod
    def _covers(
        index: dict[int, list[tuple[float, float, float, float]]], y: float, x0: float, x1: float, side: int
    ) -> bool:
        k = round(y)
        for d in (k - 1, k, k + 1):
            for b in index.get(d, []):
                if abs(b[side] - y) <= SHARED and min(x1, b[2]) - max(x0, b[0]) >= 0.5 * (x1 - x0):
                    return True
        return False

    def shared(self, rule: Rule) -> bool:
        y, x0, x1 = rule.top, rule.x0, rule.x1
        return self._covers(self.bottoms, y, x0, x1, 3) and self._covers(self.tops, y, x0, x1, 1)
