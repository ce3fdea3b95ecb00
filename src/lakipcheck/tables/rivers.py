"""Column boundaries of a table without vertical rules: the white rivers between its text segments."""

from __future__ import annotations

import itertools

from lakipcheck.ingest.types import Line


def column_bounds(
    segs: list[Line], x0: float, x1: float, h: float, own: list[Line] | None = None
) -> list[float]:
    """Column boundaries (the outer edges included) from the white rivers between the segments.

    A river is an x range at least half a line height wide that at most a few segments cross (group headings
    spanning columns) with text wholly on each side of it; the boundary is put in the middle of its part
    that no segment crosses, if any. A crossed river must leave each column beside it some segment of
    ``own`` (default: all) of its own; a long line of a wrapped label crossing a gap in the shorter ones
    makes no column."""
    if not segs:
        return [x0, x1]
    lo = int(min(x0, min(s.bbox.x0 for s in segs))) - 1
    hi = int(max(x1, max(s.bbox.x1 for s in segs))) + 2
    count = [0] * (hi - lo)
    for s in segs:
        for x in range(max(0, int(s.bbox.x0) - lo), min(hi - lo, int(s.bbox.x1 + 0.999) - lo)):
            count[x] += 1
    n_lines = len({round(s.bbox.center_y) for s in segs})
    allowed = min(2, n_lines // 5)
    first = next(i for i, c in enumerate(count) if c)
    last = max(i for i, c in enumerate(count) if c)
    found: list[tuple[float, bool]] = []  # (boundary, crossed)
    i = first
    min_gap = max(0.5 * h, 3.0)
    while i <= last:
        if count[i] > allowed:
            i += 1
            continue
        j = i
        while j <= last and count[j] <= allowed:
            j += 1
        if j - i >= min_gap and j <= last:
            islands = _islands(count, i, j, max(h, 2 * min_gap), segs, lo)
            if islands:
                # sparse columns inside one river: a header word or a few cells standing alone between
                # clean gaps ("Volume", "Satuan" over a continuation that prints only "Anggaran")
                found.extend((lo + (a + b) / 2, False) for a, b in islands)
                i = j
                continue
            zeros = _longest_zero_run(count, i, j)
            clean = zeros is not None and zeros[1] - zeros[0] >= 0.5 * min_gap
            a, b = zeros if clean and zeros else (i, j)
            left, right = lo + a, lo + b
            both = any(s.bbox.x1 <= right for s in segs) and any(s.bbox.x0 >= left for s in segs)
            if (zeros or allowed) and both:
                found.append((lo + (a + b) / 2, not clean))
        i = j
    return _merge_ownless(
        [x0, *(x for x, _ in found), x1], [c for _, c in found], segs, segs if own is None else own
    )


def _merge_ownless(
    bounds: list[float], crossed: list[bool], segs: list[Line], own: list[Line]
) -> list[float]:
    """Drop boundaries that leave a column with no segment of ``own`` (body text) of its own: a crossed one,
    or one whose removal centres the column's header text over the joined column (a header centred over a
    wide label column whose labels are all short). Two columns with text of their own are never joined."""
    header = [s for s in segs if not any(s is o for o in own)]

    def inside(group: list[Line], a: float, b: float) -> list[Line]:
        return [s for s in group if s.bbox.x0 >= a - 1 and s.bbox.x1 <= b + 1]

    def centred(texts: list[Line], a: float, b: float) -> bool:
        # boundaries lie mid-river, not on the printed cell edge: allow for it
        tol = max(3.0, 0.15 * (b - a))
        return bool(texts) and all(abs(t.bbox.center_x - (a + b) / 2) <= tol for t in texts)

    changed = True
    while changed:
        changed = False
        for k in range(len(bounds) - 1):
            if inside(own, bounds[k], bounds[k + 1]):
                continue
            heads = inside(header, bounds[k], bounds[k + 1])

            def centred_join(a: float, b: float, heads: list[Line] = heads) -> bool:
                # the column's header centred over the joined column, and no two headers side by side there
                return centred(heads, a, b) and not _side_by_side(inside(header, a, b))

            left = k > 0 and (crossed[k - 1] or centred_join(bounds[k - 1], bounds[k + 1]))
            right = k < len(crossed) and (crossed[k] or centred_join(bounds[k], bounds[k + 2]))
            if left or right:
                drop = k - 1 if left else k
                bounds.pop(drop + 1)
                crossed.pop(drop)
                changed = True
                break
    return bounds


def _side_by_side(texts: list[Line]) -> bool:
    """Two of the texts on one line with white between them that no other text covers: two column headers
    ("Volume", "Satuan"), not the words of one header set on uneven baselines."""

    def one_line(a: Line, b: Line) -> bool:
        overlap = min(a.bbox.bottom, b.bbox.bottom) - max(a.bbox.top, b.bbox.top)
        return overlap > 0.5 * min(a.bbox.height, b.bbox.height)

    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            left, right = (a, b) if a.bbox.x1 < b.bbox.x0 else (b, a)
            if left.bbox.x1 >= right.bbox.x0 or not one_line(a, b):
                continue
            x0, x1 = left.bbox.x1, right.bbox.x0
            if not any(t.bbox.x0 < x1 and t.bbox.x1 > x0 for t in texts if t is not a and t is not b):
                return True
    return False


def _zero_runs(count: list[int], i: int, j: int) -> list[tuple[int, int]]:
    out = []
    k = i
    while k < j:
        if count[k]:
            k += 1
            continue
        m = k
        while m < j and not count[m]:
            m += 1
        out.append((k, m))
        k = m
    return out


def _islands(
    count: list[int], i: int, j: int, min_gap: float, segs: list[Line], lo: int
) -> list[tuple[int, int]]:
    """The gaps of a river ``[i, j)`` when it holds text standing wholly between two of them: two or more runs
    no segment crosses, each at least ``min_gap`` wide (a line height: white between columns, not between
    the words of a header), with a segment lying between each pair. Else none."""
    runs = [r for r in _zero_runs(count, i, j) if r[1] - r[0] >= min_gap]
    if len(runs) < 2:
        return []
    for (_, a), (b, _) in itertools.pairwise(runs):
        if not any(s.bbox.x0 >= lo + a - 0.5 and s.bbox.x1 <= lo + b + 0.5 for s in segs):
            return []
    return runs


def _longest_zero_run(count: list[int], i: int, j: int) -> tuple[int, int] | None:
    return max(_zero_runs(count, i, j), key=lambda r: r[1] - r[0], default=None)
