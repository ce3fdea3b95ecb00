"""Group words into text lines by shared baseline."""

from __future__ import annotations

from lakipcheck.ingest.types import Line, Word
from lakipcheck.provenance import BBox


def group_lines(words: list[Word]) -> list[Line]:
    """Cluster words whose vertical centres lie within half a line height; order top-down, left-right."""
    if not words:
        return []
    ordered = sorted(words, key=lambda w: (w.bbox.center_y, w.bbox.x0))
    rows: list[list[Word]] = [[ordered[0]]]
    ref = ordered[0].bbox
    for word in ordered[1:]:
        height = max(ref.height, word.bbox.height, 1.0)
        if abs(word.bbox.center_y - ref.center_y) <= 0.45 * height:
            rows[-1].append(word)
        else:
            rows.append([word])
            ref = word.bbox
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda w: w.bbox.x0)
        out.append(Line(row, BBox.enclosing([w.bbox for w in row]) or row[0].bbox))
    return out
