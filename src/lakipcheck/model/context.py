"""The prose just above a table: its title, or the per-indicator heading that says which indicator it is about."""

from __future__ import annotations

from lakipcheck.ingest.types import Document
from lakipcheck.provenance import BBox

_MAX_LINES = 6
_MAX_GAP = 260.0  # points above the table


def text_above(doc: Document, page_no: int, bbox: BBox, *, max_lines: int = _MAX_LINES) -> list[str]:
    """Up to ``max_lines`` text lines above ``bbox`` (nearest last); spills onto the previous page's bottom when
    the table starts near the top of its page."""
    page = doc.pages[page_no - 1]
    lines = [ln for ln in page.lines if ln.bbox.bottom <= bbox.top + 1 and bbox.top - ln.bbox.bottom <= _MAX_GAP]
    lines.sort(key=lambda ln: ln.bbox.top)
    texts = [ln.text for ln in lines][-max_lines:]
    if len(texts) < max_lines and page_no > 1 and bbox.top < page.height * 0.3:
        prev = doc.pages[page_no - 2]
        tail = [ln.text for ln in sorted(prev.lines, key=lambda ln: ln.bbox.top)]
        texts = tail[-(max_lines - len(texts)) :] + texts
    return texts
