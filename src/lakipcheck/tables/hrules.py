"""Tables ruled only across: a rule above the header, one under it and one below the last row ("booktabs"),
often with a shaded header, and no column rules.

Drawn horizontal rules of the same width are taken top-down; the bands between consecutive rules that read
as table text (columns separated by white rivers, not running prose) form one table. A table that goes on
over the page end has no closing rule on this page (and its continuation may have no opening one): the
region then runs on over the lines that keep the table's columns, until a wide gap.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from lakipcheck.ingest.lines import group_lines
from lakipcheck.ingest.types import Line, Page, Rule
from lakipcheck.provenance import BBox
from lakipcheck.tables.borderless import figure_line, has_figures
from lakipcheck.tables.header import is_numeric_text
from lakipcheck.tables.rivers import column_bounds
from lakipcheck.tables.shading import is_drawn
from lakipcheck.tables.text import line_height, prose_like, segments, wide_line

_MIN_WIDTH = 120.0  # points: shorter rules underline a word or sign a name
_SAME = 4.0  # rules whose ends lie this close belong to one table
_DOUBLE = 3.0  # rules closer than this are one (a double or thick-thin rule)
_RUN_GAP = 2.2  # line heights: a wider gap below an unclosed table ends it


@dataclass(slots=True)
class RuledRegion:
    """Where a horizontally ruled table lies, and where its header ends (the rule under it) if known."""

    bbox: BBox
    head_bottom: float | None


def _rules(page: Page, covered: list[BBox]) -> list[Rule]:
    out = []
    for r in page.rules:
        if r.orientation != "h" or not is_drawn(r) or r.x1 - r.x0 < _MIN_WIDTH:
            continue
        y = (r.top + r.bottom) / 2
        if any(
            b.top - 3 <= y <= b.bottom + 3 and min(r.x1, b.x1) - max(r.x0, b.x0) >= 0.5 * (r.x1 - r.x0)
            for b in covered
        ):
            continue  # a rule of a gridded table
        out.append(r)
    return out


def _groups(rules: list[Rule]) -> list[list[float]]:
    """Rules of one width, as their y positions top-down (double rules counted once), with the x range."""
    groups: list[tuple[float, float, list[float]]] = []
    for r in sorted(rules, key=lambda r: (r.top, r.x0)):
        y = (r.top + r.bottom) / 2
        for x0, x1, ys in groups:
            if abs(x0 - r.x0) <= _SAME and abs(x1 - r.x1) <= _SAME:
                if y - ys[-1] > _DOUBLE:
                    ys.append(y)
                break
        else:
            groups.append((r.x0, r.x1, [y]))
    return [[x0, x1, *ys] for x0, x1, ys in groups]


def _lines_in(page: Page, x0: float, x1: float, top: float, bottom: float) -> list[Line]:
    words = [w for w in page.words if x0 - 2 <= w.bbox.center_x <= x1 + 2 and top < w.bbox.center_y < bottom]
    return group_lines(words)


def _tabular(lines: list[Line], x0: float, x1: float) -> bool:
    """Text laid out in columns: a line with separate cells, a river between columns, and not a third of the
    lines running across the width (prose fills the width and crosses every would-be river)."""
    if len(lines) < 1:
        return False
    words = [w for ln in lines for w in ln.words]
    if any(w.bbox.x0 < x0 - 4 or w.bbox.x1 > x1 + 4 for w in words):
        return False
    h = line_height(words)
    segs = segments(lines, h)
    if not any(len(segments([ln], h)) >= 2 for ln in lines) or prose_like(lines, x1 - x0, h):
        return False
    return len(column_bounds(segs, x0, x1, h)) >= 3


def ruled_regions(page: Page, covered: list[BBox]) -> list[RuledRegion]:
    """Horizontally ruled tables on ``page`` outside the ``covered`` (gridded) tables."""
    # the gridded tables' words are theirs
    page = replace(
        page,
        words=[
            w
            for w in page.words
            if not any(b.contains_point(w.bbox.center_x, w.bbox.center_y, 1) for b in covered)
        ],
    )
    out: list[RuledRegion] = []
    for x0, x1, *ys in _groups(_rules(page, covered)):
        bands = list(itertools.pairwise(ys))
        ok = [_tabular(_lines_in(page, x0, x1, a, b), x0, x1) for a, b in bands]
        i = 0
        while i < len(ys):
            # a run of tabular bands starting at rule i
            j = i
            while j < len(bands) and ok[j]:
                j += 1
            top, bottom = ys[i], ys[j]
            head = ys[i + 1] if j - i >= 2 and _header_band(page, x0, x1, ys[i], ys[i + 1]) else None
            if j == i:  # a lone rule: the table may run on below it, or end at it (continued from before)
                region = open_region(page, x0, x1, top, down=True) or open_region(
                    page, x0, x1, top, down=False
                )
                if region is not None:
                    out.append(RuledRegion(region, None))
                i += 1
                continue
            if j - i == 1 and _header_band(page, x0, x1, top, bottom):
                # only the header is closed: the body runs on to the page end, its closing rule comes later
                more = open_region(page, x0, x1, bottom, down=True)
                if more is not None:
                    head, bottom = bottom, more.bottom
            out.append(RuledRegion(BBox(x0, top, x1, bottom), head))
            i = j + 1
    kept: list[RuledRegion] = []
    for r in out:  # a lone rule's region may repeat a table found between its rules
        if (
            r.bbox.height > 0
            and not any(_share(r.bbox, k.bbox) > 0.5 for k in kept)
            and not any(_share(r.bbox, b) > 0.2 for b in covered)
        ):
            kept.append(r)
    return kept


def _share(a: BBox, b: BBox) -> float:
    """How much of the smaller box lies in the other."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(min(a.width * a.height, b.width * b.height), 1e-6)


def _header_band(page: Page, x0: float, x1: float, a: float, b: float) -> bool:
    """A band of a few lines with no figure in it (years and column numbers aside): a header."""
    lines = _lines_in(page, x0, x1, a, b)
    if not lines or len(lines) > 8:
        return False
    return not any(is_numeric_text(w.text) and len(w.text.strip("()")) > 2 for ln in lines for w in ln.words)


def open_region(page: Page, x0: float, x1: float, y: float, *, down: bool, min_lines: int = 2) -> BBox | None:
    """The run of tabular lines just below (or above) the rule at ``y``, until a wide gap or prose; it must
    print figures as a table does (see :func:`borderless.has_figures`), on ``min_lines`` lines or more."""
    lines = sorted(_lines_in(page, x0, x1, -1e9, 1e9), key=lambda ln: ln.bbox.top)
    side = [ln for ln in lines if (ln.bbox.top >= y - 1 if down else ln.bbox.bottom <= y + 1)]
    if not down:
        side.reverse()
    if not side:
        return None
    h = line_height([w for ln in side[:20] for w in ln.words])
    run: list[Line] = []
    edge = y
    for ln in side:
        gap = ln.bbox.top - edge if down else edge - ln.bbox.bottom
        if gap > _RUN_GAP * h:
            break
        if any(w.bbox.x0 < x0 - 4 or w.bbox.x1 > x1 + 4 for w in ln.words):
            break
        if wide_line(ln, x1 - x0, h) and not figure_line(ln, h):
            break  # prose or a heading after the table
        run.append(ln)
        edge = ln.bbox.bottom if down else ln.bbox.top
    # drop trailing prose: the run must stay tabular as a whole
    while run and not _tabular(run, x0, x1):
        run.pop()
    if len(run) < min_lines or not has_figures(run, h):
        return None
    box = BBox.enclosing([ln.bbox for ln in run])
    assert box is not None
    return BBox(x0, min(box.top, y), x1, max(box.bottom, y))
