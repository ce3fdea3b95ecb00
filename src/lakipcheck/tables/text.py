"""Tables without a ruled grid (rules only above, under the header and below, or none at all), rebuilt from
the positions of their words.

Columns are the white "rivers" running down the body: x ranges that no body text crosses (a wide row such as
a group heading may cross them; it becomes a cell spanning those columns). Rows come from each column's text
blocks: the lines of one cell sit closer together than two cells do, and the blocks of one row overlap
vertically (a value is printed beside the first line of its label, or beside its middle). A block standing
beside several rows of another column is a merged cell and is repeated into each row, as a ruled table's
merged cell is. Header cells written over several lower header cells (a year over "Target | Realisasi") are
spread over the columns they are centred on.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from dataclasses import dataclass, field

from lakipcheck.ingest.lines import group_lines
from lakipcheck.ingest.types import Line, Page, Word
from lakipcheck.provenance import BBox
from lakipcheck.tables.grid import RawTable, cell_text, continues_number, cut_number
from lakipcheck.tables.header import is_header_row, is_numbering_row, is_numeric_text
from lakipcheck.tables.rivers import column_bounds
from lakipcheck.tables.types import Cell, Engine
from lakipcheck.tables.wrapping import labels_by_rows

_WORD_GAP = 0.5  # a gap wider than this many line heights separates two cells on one line
_PARA_GAP = 0.45  # lines of one cell are at most this many line heights apart
_NEXT_LINE = 0.8  # line heights between the middles of a line and the next (less: the same line, jittered)
_ALIGNED = 0.3  # line heights between the middles of two texts standing on one baseline
_OVERLAP = 0.25  # blocks overlapping by this many line heights stand on one row
_WIDE = 0.6  # a piece of text across this share of the width or more is prose or a heading
_CENTRED = 0.06  # a header centred over columns: centres differ by at most this share of their width
_BULLET = re.compile(r"^[•▪◦·●■□➢►✓\-–*]$")
_ITEM_NO = re.compile(r"^\(?\d{1,3}[.)]?$|^[a-zA-Z][.)]$|^[IVX]{1,4}[.)]?$")


@dataclass(slots=True)
class _Block:
    """Lines of one cell: the segments of consecutive text lines in the same columns ``c0 .. c1 - 1``."""

    c0: int
    c1: int
    lines: list[Line] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        box = BBox.enclosing([ln.bbox for ln in self.lines])
        assert box is not None
        return box

    @property
    def top(self) -> float:
        return min(ln.bbox.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bbox.bottom for ln in self.lines)

    @property
    def words(self) -> list[Word]:
        return [w for ln in self.lines for w in ln.words]

    @property
    def text(self) -> str:
        return cell_text(self.words)


def line_height(words: list[Word]) -> float:
    return statistics.median(w.bbox.height for w in words) if words else 10.0


def segments(lines: list[Line], h: float) -> list[Line]:
    """The cells' pieces of each line: runs of words split at gaps wider than ``_WORD_GAP`` line heights. A
    line of prose stays whole, however wide its justified spaces."""
    gap = max(_WORD_GAP * h, 3.0)
    out: list[Line] = []
    for ln in lines:
        if _justified(ln, h):
            out.append(ln)
        else:
            out.extend(ln.segments(gap))
    return out


def _justified(ln: Line, h: float) -> bool:
    """Prose set flush on both sides: mostly words, spaced evenly (a list marker's gap aside), either about
    one space wide or stretched all alike."""
    words = ln.words
    if len(words) >= 2 and (_ITEM_NO.match(words[0].text) or _BULLET.match(words[0].text)):
        if words[1].bbox.x0 - words[0].bbox.x1 > 2.5 * h:
            return False  # an item number in a column of its own
        words = words[1:]
    gaps = [b.bbox.x0 - a.bbox.x1 for a, b in itertools.pairwise(words)]
    if len(gaps) < 3:
        return False
    if sum(1 for w in words if len(re.findall(r"[A-Za-z]", w.text)) >= 2) < 0.6 * len(words):
        return False
    spread = max(gaps) - min(gaps)
    return (max(gaps) <= h and spread <= 0.35 * h) or (max(gaps) <= 2.5 * h and spread <= 0.6)


def wide_line(ln: Line, width: float, h: float) -> bool:
    """A line with a piece of text across most of the table's width: prose, or a heading (a table's cells
    are narrower; a group row across the table is the rare exception)."""
    return max(s.bbox.width for s in segments([ln], h)) >= _WIDE * width


def prose_like(lines: list[Line], width: float, h: float) -> bool:
    """A third of the lines or more run across most of the width: running text, not a table."""
    return sum(1 for ln in lines if wide_line(ln, width, h)) * 3 >= len(lines)


def _is_figure(text: str) -> bool:
    """A figure standing as a cell, not an item number."""
    return is_numeric_text(text) and not _ITEM_NO.match(text)


def _span(box: BBox, bounds: list[float]) -> tuple[int, int]:
    """Columns a box covers (by more than a sliver of its own or the column's width)."""
    cols = [c for c in range(len(bounds) - 1) if min(box.x1, bounds[c + 1]) - max(box.x0, bounds[c]) > 1.5]
    if not cols:  # outside every column: the nearest one
        c = min(range(len(bounds) - 1), key=lambda c: abs((bounds[c] + bounds[c + 1]) / 2 - box.center_x))
        return c, c + 1
    return cols[0], cols[-1] + 1


def _blocks(segs: list[tuple[int, int, Line]], para_gap: float, h: float = 0.0) -> list[_Block]:
    """Group the segments of each column span into blocks of consecutive lines. With the body's line height
    ``h``: two lines of a label that each have a figure beside them on their own baseline (or two figures
    each beside other text) are two rows however close they stand; two lines further apart than
    ``para_gap`` (but less than a line height) are still one block when a figure beside them stands across
    the white between them (a value printed at the middle of a label of several lines)."""
    blocks: list[_Block] = []
    open_: dict[tuple[int, int], _Block] = {}
    figures = _ByHeight([t for t in segs if _is_figure(t[2].text)])
    every = _ByHeight(segs)

    def aligned(c0: int, c1: int, line: Line, others: _ByHeight) -> bool:
        """One of ``others`` stands beside ``line`` on its baseline, and neither is a number cut short by a
        narrow cell (its rest on the next line)."""
        y = line.bbox.center_y
        on = [f for f in others.beside(c0, c1, y - _ALIGNED * h, y + _ALIGNED * h)]
        cut = any(cut_number(t.text) and not _ITEM_NO.match(t.text) for t in (line, *on))
        return bool(on) and not cut

    def straddled(c0: int, c1: int, above: BBox, below: BBox) -> bool:
        return any(
            f.bbox.top < above.bottom - 1 and f.bbox.bottom > below.top + 1
            for f in figures.beside(c0, c1, above.top - 2 * h, below.bottom + 2 * h)
        )

    for c0, c1, seg in sorted(segs, key=lambda t: (t[2].bbox.top, t[2].bbox.x0)):
        b = open_.get((c0, c1))
        if b is not None:
            gap, prev = seg.bbox.top - b.bottom, b.lines[-1]
            if h > 0 and gap <= h and continues_number(prev.text, seg.text):
                b.lines.append(seg)  # the rest of an amount broken by a narrow cell
                continue
            if gap <= para_gap or (h > 0 and gap <= h and straddled(c0, c1, prev.bbox, seg.bbox)):
                # a label's lines each beside a figure, or figures each beside a label or figure: two rows
                others = every if is_numeric_text(seg.text) else figures
                rows_apart = (
                    h > 0
                    and seg.bbox.center_y - prev.bbox.center_y > _NEXT_LINE * h  # not a piece of one line
                    and aligned(c0, c1, prev, others)
                    and aligned(c0, c1, seg, others)
                )
                if not rows_apart:
                    b.lines.append(seg)
                    continue
        b = _Block(c0, c1, [seg])
        blocks.append(b)
        open_[(c0, c1)] = b
    return blocks


class _ByHeight:
    """Segments with their column spans, found by the height of their middle."""

    def __init__(self, segs: list[tuple[int, int, Line]]) -> None:
        self._segs = sorted(segs, key=lambda t: t[2].bbox.center_y)
        self._ys = [t[2].bbox.center_y for t in self._segs]

    def beside(self, c0: int, c1: int, y0: float, y1: float) -> list[Line]:
        """Those outside columns ``c0 .. c1 - 1`` whose middle lies between ``y0`` and ``y1``."""
        lo, hi = bisect.bisect_right(self._ys, y0), bisect.bisect_left(self._ys, y1)
        return [s for f0, f1, s in self._segs[lo:hi] if f1 <= c0 or c1 <= f0]


def _disjoint(a: _Block, b: _Block) -> bool:
    return a.c1 <= b.c0 or b.c1 <= a.c0


@dataclass(slots=True)
class _Row:
    top: float
    bottom: float
    blocks: list[_Block] = field(default_factory=list)


def _rows(
    blocks: list[_Block], h: float, first_value: int
) -> tuple[list[_Row], list[tuple[_Block, list[int]]]]:
    """Body rows from the blocks, and the merged blocks with the rows each runs over. ``first_value`` is the
    first column of figures; the columns before it hold labels."""
    tol = _OVERLAP * h
    tall: list[_Block] = []
    short: list[_Block] = []
    ordered = sorted(blocks, key=lambda b: b.top)
    spans = [(b.top, b.bottom) for b in ordered]
    tops = [t for t, _ in spans]
    for i, b in enumerate(ordered):
        top, bottom = spans[i]
        beside: dict[tuple[int, int], int] = {}
        for k in range(bisect.bisect_left(tops, bottom - tol)):  # blocks starting above b's end only
            o = ordered[k]
            if k != i and _disjoint(o, b) and min(bottom, spans[k][1]) - max(top, spans[k][0]) > tol:
                beside[(o.c0, o.c1)] = beside.get((o.c0, o.c1), 0) + 1
        (tall if any(n >= 2 for n in beside.values()) else short).append(b)
    rows: list[_Row] = []
    for b in sorted(short, key=lambda b: b.top):
        if rows and b.top < rows[-1].bottom - tol:
            rows[-1].bottom = max(rows[-1].bottom, b.bottom)
            rows[-1].blocks.append(b)
        else:
            rows.append(_Row(b.top, b.bottom, [b]))
    folded = _fold_label_rows(rows, first_value, h)

    def over(b: _Block) -> list[int]:
        return [i for i, r in enumerate(rows) if min(r.bottom, b.bottom) - max(r.top, b.top) > tol]

    for b in tall:  # a tall block beside no row of its own (beside other tall blocks only) is a row
        if not over(b):
            rows.append(_Row(b.top, b.bottom, [b]))
    rows.sort(key=lambda r: r.top)
    merged: list[tuple[_Block, list[int]]] = []
    for b in tall:
        idx = over(b)
        if any(b in rows[i].blocks for i in idx):
            continue
        parts = _top_aligned(b, [rows[i] for i in idx], h)
        if parts is None and _last_labels(b, blocks, first_value) and all(_has_figure(rows[i]) for i in idx):
            # the row labels just left of the figures, set with no white between them, each row's figures
            # beside its own label (a sasaran or group column further left is a merged cell)
            parts = labels_by_rows(b.lines, [(rows[i].top, rows[i].bottom) for i in idx], h)
        if parts is None:
            merged.append((b, idx))
            continue
        for i, lines in zip(idx, parts, strict=True):
            if lines:
                rows[i].blocks.append(_Block(b.c0, b.c1, lines))
    position = {id(r): i for i, r in enumerate(rows)}
    merged += [(b, [position[id(above)], position[id(below)]]) for b, above, below in folded]
    return rows, merged


def _fold_label_rows(rows: list[_Row], first_value: int, h: float) -> list[tuple[_Block, _Row, _Row]]:
    """Take out the rows that hold labels only and fill the gap between two rows with figures (an item number
    or a sasaran printed once, at the middle of a merged cell over an even number of rows): their blocks,
    each with the rows above and below it, as merged cells over those two rows (widened later if centred on
    more)."""
    slack = 0.2 * h

    def figures(row: _Row) -> bool:
        return any(b.c1 > first_value for b in row.blocks)

    out: list[tuple[_Block, _Row, _Row]] = []
    r = 1
    while r < len(rows) - 1:
        row, above, below = rows[r], rows[r - 1], rows[r + 1]
        if (
            not figures(row)
            and figures(above)
            and figures(below)
            and row.top <= above.bottom + slack
            and row.bottom >= below.top - slack
        ):
            out += [(b, above, below) for b in row.blocks]
            rows.pop(r)
            continue
        r += 1
    return out


def _first_value_column(blocks: list[_Block], n_cols: int) -> int:
    """The first column whose cells are mostly figures (item numbers aside)."""
    for c in range(n_cols):
        texts = [b.text for b in blocks if b.c0 == c and b.c1 == c + 1]
        nums = [t for t in texts if _is_figure(t)]
        if texts and len(nums) >= 0.5 * len(texts):
            return c
    return n_cols


def _last_labels(block: _Block, blocks: list[_Block], first_value: int) -> bool:
    """``block`` stands in the last column of labels: between it and the figures only short texts (units)."""
    return not any(
        len(o.text.split()) > 2 for o in blocks if o.c0 >= block.c1 and o.c1 <= first_value and o is not block
    )


def _has_figure(row: _Row) -> bool:
    """A figure in the row other than an item number ("2" printed beside a group)."""
    return any(_is_figure(ln.text) for b in row.blocks for ln in b.lines)


def _top_aligned(block: _Block, rows: list[_Row], h: float) -> list[list[Line]] | None:
    """A tall block whose lines start exactly where each row it runs over starts is not a merged cell but the
    labels of those rows with no space between them (top-aligned cells, no padding): its lines per row."""
    tol = 0.1 * h
    tops = [min(b.top for b in r.blocks) for r in rows]
    lines = sorted(block.lines, key=lambda ln: ln.bbox.top)
    if abs(lines[0].bbox.top - tops[0]) > tol:
        return None
    if not all(any(abs(ln.bbox.top - t) <= tol for ln in lines) for t in tops):
        return None
    parts: list[list[Line]] = [[] for _ in rows]
    for ln in lines:
        k = max(i for i, t in enumerate(tops) if t <= ln.bbox.top + tol)
        parts[k].append(ln)
    return parts


def _row_edges(rows: list[_Row], top: float, bottom: float) -> list[float]:
    edges = [top]
    for a, b in itertools.pairwise(rows):
        edges.append((a.bottom + b.top) / 2)
    edges.append(max(bottom, rows[-1].bottom))
    return edges


def body_rows(
    lines: list[Line], bounds: list[float], region: BBox, top: float, h: float, page: int
) -> list[list[Cell]]:
    """The body ``lines`` as rows of cells in the columns ``bounds`` (merged cells repeated into each row)."""
    segs = [(*_span(s.bbox, bounds), s) for s in segments(lines, h)]
    blocks = _blocks(segs, _PARA_GAP * h, h)
    n_cols = len(bounds) - 1
    first_value = _first_value_column(blocks, n_cols)
    rows, merged = _rows(blocks, h, first_value)
    if not rows:
        return []
    edges = _row_edges(rows, top, region.bottom)
    grid: list[list[Cell]] = [[Cell("", None, page) for _ in range(n_cols)] for _ in rows]

    centre_of: dict[int, float] = {}  # id of a cell -> the middle of its text

    def put(r: int, b: _Block, box: BBox, copy: bool) -> None:
        """Write block ``b`` into row ``r``; ``copy`` marks a merged cell's repetition in a later row."""
        text = b.text
        for c in range(b.c0, b.c1):
            old = grid[r][c]
            if old.text and not old.spanned:
                if copy:
                    continue
                grid[r][c] = Cell(f"{old.text} {text}", old.bbox, page, spanned=False)
            else:
                grid[r][c] = Cell(text, box, page, spanned=copy or c > b.c0)
                centre_of[id(grid[r][c])] = (b.top + b.bottom) / 2

    for r, row in enumerate(rows):
        for b in sorted(row.blocks, key=lambda b: (b.top, b.c0)):
            box = BBox(bounds[b.c0], edges[r], bounds[b.c1], edges[r + 1])
            put(r, b, box, False)
    for b, over in merged:
        if not over:
            continue
        box = BBox(bounds[b.c0], edges[over[0]], bounds[b.c1], edges[over[-1] + 1])
        for k, r in enumerate(over):
            put(r, b, box, k > 0)
    _spread_centred_labels(grid, rows, edges, merged, first_value, centre_of, h)
    return grid


def _spread_centred_labels(
    grid: list[list[Cell]],
    rows: list[_Row],
    edges: list[float],
    merged: list[tuple[_Block, list[int]]],
    first_value: int,
    centre_of: dict[int, float],
    h: float,
) -> None:
    """A label cell (an item number, a sasaran) printed once at the middle of several rows whose cells in its
    column are otherwise empty is a merged cell over those rows: repeat it into them. The middle of the rows
    is that of their cells, of their text, or of a merged cell beside them over the same rows. Rows without a
    figure where the label's own row has one (the components under an output) are not its rows."""
    beside: dict[tuple[int, int], list[float]] = {}
    for blk, over in merged:
        if over:
            beside.setdefault((over[0], over[-1]), []).append((blk.top + blk.bottom) / 2)

    def centres(a: int, b: int) -> list[float]:
        return [(edges[a] + edges[b + 1]) / 2, (rows[a].top + rows[b].bottom) / 2, *beside.get((a, b), [])]

    n = len(grid)
    for c in range(min(first_value, len(grid[0]) if grid else 0)):
        r = 0
        while r < n:
            cell = grid[r][c]
            end = r
            while end + 1 < n and grid[end + 1][c].spanned and grid[end + 1][c].bbox is cell.bbox:
                end += 1
            centre = centre_of.get(id(cell))
            if not cell.text or cell.spanned or cell.bbox is None or centre is None:
                r = end + 1
                continue
            best = (r, end)
            # the rows it spans print a figure wherever its own row does
            own = [j for j, o in enumerate(grid[r]) if j != c and is_numeric_text(o.text)]
            a = r
            while a >= 0 and (a == r or not grid[a][c].text):
                b = end
                while b < n and (b == end or not grid[b][c].text):
                    if (
                        b - a > best[1] - best[0]
                        and any(abs(m - centre) <= 0.3 * h for m in centres(a, b))
                        and all(_row_has_values(grid[k], c) for k in range(a, b + 1))
                        and all(grid[k][j].text for k in range(a, b + 1) for j in own)
                    ):
                        best = (a, b)
                    b += 1
                a -= 1
            a, b = best
            if (a, b) != (r, end):
                box = BBox(cell.bbox.x0, edges[a], cell.bbox.x1, edges[b + 1])
                for k in range(a, b + 1):
                    grid[k][c] = Cell(cell.text, box, cell.page, spanned=k != a)
                centre_of[id(grid[a][c])] = centre
            r = b + 1


def _row_has_values(row: list[Cell], c: int) -> bool:
    return any(cell.text for j, cell in enumerate(row) if j != c)


def _header(lines: list[Line], bounds: list[float], h: float, page: int) -> list[list[Cell]]:
    """Header rows: each column's stack of header cells, top to bottom; a cell over several columns (found by
    centring) is repeated into each, and a column with fewer levels repeats its lowest cell."""
    if not lines:
        return []
    segs = segments(lines, h)
    spans = [_header_span(s, segs, bounds, h) for s in segs]
    blocks = _blocks([(c0, c1, s) for (c0, c1), s in zip(spans, segs, strict=True)], _PARA_GAP * h)
    n_cols = len(bounds) - 1
    stacks: list[list[_Block]] = [[] for _ in range(n_cols)]
    for b in sorted(blocks, key=lambda b: b.top):
        for c in range(b.c0, b.c1):
            stacks[c].append(b)
    depth = max((len(s) for s in stacks), default=0)
    if not depth:
        return []
    boxes = {id(b): BBox(bounds[b.c0], b.top, bounds[b.c1], b.bottom) for b in blocks}
    out: list[list[Cell]] = []
    for k in range(depth):
        row: list[Cell] = []
        for c in range(n_cols):
            if not stacks[c]:
                row.append(Cell("", None, page))
                continue
            i = min(k, len(stacks[c]) - 1)
            b = stacks[c][i]
            repeated = k > 0 and i == min(k - 1, len(stacks[c]) - 1)
            row.append(Cell(b.text, boxes[id(b)], page, spanned=c > b.c0 or repeated))
        out.append(row)
    return out


def _header_span(seg: Line, segs: list[Line], bounds: list[float], h: float) -> tuple[int, int]:
    """The columns a header segment stands over: those it overlaps, widened to the range of columns it is
    centred on when every one of them has header text below it and none has text beside it."""
    box = seg.bbox
    n_cols = len(bounds) - 1
    cols = [
        c
        for c in range(n_cols)
        if min(box.x1, bounds[c + 1]) - max(box.x0, bounds[c])
        >= 0.3 * min(box.width, bounds[c + 1] - bounds[c])
    ]
    if not cols:
        return _span(box, bounds)
    c0, c1 = cols[0], cols[-1] + 1
    tol = _OVERLAP * h

    def under(c: int) -> list[Line]:
        return [
            s
            for s in segs
            if s is not seg
            and s.bbox.top >= box.bottom - tol
            and min(s.bbox.x1, bounds[c + 1]) - max(s.bbox.x0, bounds[c]) > 1.5
        ]

    # the header cells right under it, in the columns it overlaps, set the level the others must share (a
    # cell centred over both header rows beside them is no sub-column)
    core = [s for c in range(c0, c1) for s in under(c)]
    ref = min(core, key=lambda s: s.bbox.top) if core else None

    def below(c: int) -> bool:
        return ref is not None and any(
            min(s.bbox.bottom, ref.bbox.bottom) - max(s.bbox.top, ref.bbox.top) > tol for s in under(c)
        )

    def beside(c: int) -> bool:
        return any(
            s is not seg
            and min(s.bbox.bottom, box.bottom) - max(s.bbox.top, box.top) > tol
            and min(s.bbox.x1, bounds[c + 1]) - max(s.bbox.x0, bounds[c]) > 1.5
            for s in segs
        )

    if not all(below(c) for c in range(c0, c1)):
        return c0, c1
    best = (c0, c1)
    a = c0
    while a >= 0 and below(a) and (a >= c0 or not beside(a)):
        b = c1
        while (
            b <= n_cols and all(below(c) for c in range(c1, b)) and not any(beside(c) for c in range(c1, b))
        ):
            if b - a > best[1] - best[0] and _centred_over(box, a, b, bounds):
                best = (a, b)
            b += 1
        a -= 1
    return best


def _centred_over(box: BBox, a: int, b: int, bounds: list[float]) -> bool:
    """``box`` stands centred over columns ``a .. b - 1``."""
    width = bounds[b] - bounds[a]
    return abs((bounds[a] + bounds[b]) / 2 - box.center_x) <= max(3.0, _CENTRED * width)


def without_numbering_rows(lines: list[Line], h: float) -> list[Line]:
    """The lines without a row of column numbers ("1 2 3 …") under a header: it carries nothing."""
    return [ln for ln in lines if not is_numbering_row([seg.text for seg in segments([ln], h)])]


def text_table(page: Page, region: BBox, head_bottom: float | None = None) -> RawTable | None:
    """The table in ``region`` of ``page`` rebuilt from its words; ``head_bottom`` is where the header ends (a
    rule under it), else the header is the run of bold top lines, if any."""
    words = [w for w in page.words if region.contains_point(w.bbox.center_x, w.bbox.center_y)]
    lines = group_lines(words)
    if len(lines) < 2:
        return None
    h = line_height(words)
    ruled = head_bottom is not None
    if head_bottom is None:
        head_bottom = header_bottom(lines)
    # a row of column numbers under the header carries nothing and would glue onto the first row
    lines = without_numbering_rows(lines, h)
    head = [ln for ln in lines if ln.bbox.center_y < head_bottom]
    body = [ln for ln in lines if ln.bbox.center_y >= head_bottom]
    if not body:
        return None
    width = region.width
    # the lowest header cells stand over one column each: they show the columns of a short body too
    own = segments(body, h)
    body_segs = own + _lowest(segments(head, h), h)
    bounds = column_bounds(body_segs, region.x0, region.x1, h, own)
    # a wide row (a group heading across the table) in a short body hides the rivers: try without it
    wide = 0.6 * width
    narrow = column_bounds([s for s in body_segs if s.bbox.width <= wide], region.x0, region.x1, h, own)
    if len(narrow) > len(bounds):
        bounds = narrow
    if len(bounds) < 3:
        return None
    header = _header(head, bounds, h, page.number)
    top = max((c.bbox.bottom for c in header[-1] if c.bbox), default=region.top) if header else region.top
    rows = body_rows(body, bounds, region, min(top, min(ln.bbox.top for ln in body)), h, page.number)
    cells = header + rows
    if not rows:
        return None
    return RawTable(page.number, region, Engine.TEXT, cells, bounds, len(header) if ruled else None)


def _lowest(segs: list[Line], h: float) -> list[Line]:
    """Header segments with no header text below them, nor two below it that it stands centred over."""
    tol = _OVERLAP * h
    out = []
    for s in segs:
        below = [o for o in segs if o is not s and o.bbox.top >= s.bbox.bottom - tol]
        if any(min(o.bbox.x1, s.bbox.x1) - max(o.bbox.x0, s.bbox.x0) > 1.5 for o in below):
            continue
        left = max((o for o in below if o.bbox.x1 <= s.bbox.x0), key=lambda o: o.bbox.x1, default=None)
        right = min((o for o in below if o.bbox.x0 >= s.bbox.x1), key=lambda o: o.bbox.x0, default=None)
        if left is not None and right is not None:
            span = right.bbox.x1 - left.bbox.x0
            if abs(s.bbox.center_x - (left.bbox.x0 + right.bbox.x1) / 2) <= max(3.0, 0.1 * span):
                continue
        out.append(s)
    return out


def _gap(a: Line, b: Line) -> float:
    return b.bbox.top - a.bbox.bottom


def header_bottom(lines: list[Line]) -> float:
    """Where a header without a rule under it ends: after the leading bold lines without a figure (the body
    starts at the first line that is not bold or prints a figure); else nowhere (the top of the first
    line)."""
    lines = sorted(lines, key=lambda ln: ln.bbox.top)
    h = line_height([w for ln in lines for w in ln.words])
    k = 0
    while (
        k < len(lines)
        and lines[k].bold
        and not any(_is_figure(s.text) for s in segments([lines[k]], h))
    ):
        k += 1
    # a bold first body row whose label starts above its figures: its first lines stand apart from the header
    # and close to the rest of the row
    while (
        1 < k < len(lines)
        and not is_header_row([seg.text for seg in segments([lines[k - 1]], h)])
        and _gap(lines[k - 1], lines[k]) < _gap(lines[k - 2], lines[k - 1])
        and _gap(lines[k - 2], lines[k - 1]) > _PARA_GAP * lines[k - 1].bbox.height
    ):
        k -= 1
    if 0 < k < len(lines):
        return (lines[k - 1].bbox.bottom + lines[k].bbox.top) / 2
    return lines[0].bbox.top
