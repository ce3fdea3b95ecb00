"""The prose above a table: its title, or the per-indicator heading saying which indicator it is about."""

from __future__ import annotations

import re

from lakipcheck.ingest.types import Document
from lakipcheck.provenance import BBox

_MAX_LINES = 6
_MAX_GAP = 260.0  # points above the table


def text_above(doc: Document, page_no: int, bbox: BBox, *, max_lines: int = _MAX_LINES) -> list[str]:
    """Up to ``max_lines`` text lines above ``bbox`` (nearest last); spills onto the previous page's bottom
    when the table starts near the top of its page."""
    page = doc.pages[page_no - 1]
    lines = [
        ln for ln in page.lines if ln.bbox.bottom <= bbox.top + 1 and bbox.top - ln.bbox.bottom <= _MAX_GAP
    ]
    lines.sort(key=lambda ln: ln.bbox.top)
    texts = [ln.text for ln in lines][-max_lines:]
    if len(texts) < max_lines and page_no > 1 and bbox.top < page.height * 0.3:
        prev = doc.pages[page_no - 2]
        tail = [ln.text for ln in sorted(prev.lines, key=lambda ln: ln.bbox.top)]
        texts = tail[-(max_lines - len(texts)) :] + texts
    return texts


def preceding_line(
    doc: Document,
    page_no: int,
    bbox: BBox,
    pattern: re.Pattern[str],
    *,
    stop: re.Pattern[str] | None = None,
    max_pages: int = 3,
) -> str | None:
    """The nearest line above ``bbox`` (on its page, then up to ``max_pages`` earlier pages) that matches
    ``pattern``; None if a line matching ``stop`` (e.g. a chapter heading) comes first."""
    for number in range(page_no, max(page_no - max_pages, 0), -1):
        page = doc.pages[number - 1]
        lines = sorted(page.lines, key=lambda ln: ln.bbox.top, reverse=True)
        if number == page_no:
            lines = [ln for ln in lines if ln.bbox.bottom <= bbox.top + 1]
        for ln in lines:
            text = ln.text
            if pattern.search(text):
                return text
            if stop is not None and stop.search(text):
                return None
    return None


# "capaian maksimal 120%", "dibatasi paling tinggi 120 persen", "batas atas capaian 110%"
_CAP = re.compile(
    r"\b(?:maks(?:imal|imum)?|paling tinggi|setinggi-tingginya|dibatasi|batas (?:atas|maksimal|tertinggi))"
    r"\W{0,3}(?:(?:sebesar|sampai|hingga|pada|adalah|yaitu|paling tinggi)\s+)?"
    r"(1[0-5]0)(?:[.,]0+)?\s*(?:%|persen)",
    re.IGNORECASE,
)
# Kemenkeu's Capaian Output Program method (SE-8/MK.1/2020) caps each output's capaian at 120 %.
_COP_METHOD = re.compile(r"\bSE[-\s]?8\s*/\s*MK\.?\s*1\s*/\s*2020\b", re.IGNORECASE)


def stated_cap(doc: Document) -> int | None:
    """The highest % capaian the report says it prints: a cap written in its prose, or the Capaian Output
    Program method it names. None when it states neither."""
    for page in doc.pages:
        text = " ".join(ln.text for ln in page.lines)
        if m := _CAP.search(text):
            return int(m.group(1))
        if _COP_METHOD.search(text):
            return 120
    return None
