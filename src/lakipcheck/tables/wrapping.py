"""Where one label of a column ends and the next begins when the labels are set with no white between them.

Word wrapping leaves evidence: a line ends early only where its text ends, because the next word would have
fitted on it otherwise. A line whose next line's first word would have fitted after it therefore closes its
label. A line that could not take that word may be either: it is used as a cut only before a line that can
open a label (a capital, a digit, a code in brackets), and at a cost, so that a proven cut is preferred.
"""

from __future__ import annotations

from lakipcheck.ingest.types import Line

_SPACE = 0.25  # line heights: the width of a space between two words
_UNPROVEN = 2.0  # line heights added to the cost of a cut after a line that may not end its label
_MAX_LINES = 200


def closes_label(line: Line, nxt: Line, right: float, h: float) -> bool:
    """``nxt``'s first word would have fitted after ``line`` within ``right``: ``line`` ends its text."""
    if not nxt.words:
        return False
    return line.bbox.x1 + _SPACE * h + nxt.words[0].bbox.width <= right


def _opens_label(line: Line) -> bool:
    t = line.text.lstrip()
    return bool(t) and (t[0].isupper() or t[0].isdigit() or t[0] in "[(")


def labels_by_rows(lines: list[Line], spans: list[tuple[float, float]], h: float) -> list[list[Line]] | None:
    """The lines of a tall block cut into consecutive runs, one for each row span (top, bottom) it runs over,
    each run's middle as near its row's middle as can be, cutting after a line that closes its label
    (:func:`closes_label`, the widest line giving the column's width) or, at a cost, before one that can open
    a label. None when no such cut gives every row lines whose extent holds the row's middle (a merged cell
    wrapped over several rows)."""
    lines = sorted(lines, key=lambda ln: ln.bbox.top)
    n, m = len(lines), len(spans)
    if m < 2 or n < m or n > _MAX_LINES:
        return None
    right = max(ln.bbox.x1 for ln in lines)
    penalty = [0.0] * (n + 1)  # the cost of cutting before line j; inf: no cut there
    for j in range(1, n):
        if not closes_label(lines[j - 1], lines[j], right, h):
            penalty[j] = _UNPROVEN * h if _opens_label(lines[j]) else float("inf")
    mids = [(top + bottom) / 2 for top, bottom in spans]
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]  # best[k][j]: the first k rows over the first j lines
    cut = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for k in range(1, m + 1):
        for j in range(k, n - (m - k) + 1):
            if penalty[j] == inf:
                continue
            for i in range(k - 1, j):
                if best[k - 1][i] == inf:
                    continue
                middle = (lines[i].bbox.top + lines[j - 1].bbox.bottom) / 2
                c = best[k - 1][i] + abs(middle - mids[k - 1]) + penalty[j]
                if c < best[k][j]:
                    best[k][j], cut[k][j] = c, i
    if best[m][n] == inf:
        return None
    parts: list[list[Line]] = [[] for _ in spans]
    j = n
    for k in range(m, 0, -1):
        i = cut[k][j]
        parts[k - 1] = lines[i:j]
        j = i
    for mid, part in zip(mids, parts, strict=True):
        if not part[0].bbox.top - 0.5 * h <= mid <= part[-1].bbox.bottom + 0.5 * h:
            return None
    return parts
