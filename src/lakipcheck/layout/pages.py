"""Per-line features for finding headings: relative size, position, running header/footer, TOC pages."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from lakipcheck.ingest import Document, Line, Page
from lakipcheck.layout.text import clean, is_toc_entry, squash

_BAND = 0.13  # share of the page height at top and bottom where running headers/footers sit
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class LineInfo:
    """One text line with the features a heading test needs."""

    page: int  # 1-based page number
    line: Line
    text: str
    squashed: str
    rel_size: float  # size relative to the page's body text (1.0 = body)
    bold: bool
    centred: bool
    rank: int  # order among the page's content lines (0 = first line below any running header)
    indent: float  # distance from the page's left text margin, points
    toc: bool  # a table-of-contents entry (dotted leaders)

    @property
    def top(self) -> float:
        return self.line.bbox.top

    @property
    def prominent(self) -> bool:
        return self.bold or self.rel_size >= 1.15


@dataclass(slots=True)
class PageInfo:
    """A page's content lines (furniture removed), its running header/footer texts and whether it is a TOC."""

    number: int
    height: float
    lines: list[LineInfo] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    furniture_keys: list[str] = field(default_factory=list)
    toc: bool = False
    has_text: bool = False

    def first_lines(self, n: int) -> list[LineInfo]:
        return [li for li in self.lines if li.rank < n]


@dataclass(slots=True)
class DocLayout:
    """The document seen line by line, plus how often each running-header text occurs."""

    pages: list[PageInfo]
    furniture_pages: dict[str, set[int]]
    n_pages: int

    def page(self, number: int) -> PageInfo:
        return self.pages[number - 1]


def _line_height(line: Line) -> float:
    heights = sorted(w.bbox.height for w in line.words)
    return heights[len(heights) // 2] if heights else line.bbox.height


def line_text(line: Line) -> str:
    """The line's text; letter-spaced runs ('P E N U T U P', 'Capa i a n Ki nerja') are re-joined into words
    by splitting only at the wide gaps."""
    words = line.words
    if len(words) < 4 or sum(len(w.text) <= 2 for w in words) < 0.4 * len(words):
        return clean(line.text)
    gaps = [b.bbox.x0 - a.bbox.x1 for a, b in pairwise(words)]
    ordered = sorted(gaps)
    best_jump, threshold = 0.0, None
    for lo, hi in pairwise(ordered):
        if hi >= 3.5 and hi - lo > best_jump:
            best_jump, threshold = hi - lo, (lo + hi) / 2
    if threshold is None or best_jump < 1.5:
        return clean(line.text)
    out = [words[0].text]
    for gap, word in zip(gaps, words[1:], strict=True):
        out.append((" " if gap > threshold else "") + word.text)
    return clean("".join(out))


def _furniture_key(line: Line) -> str:
    return _DIGITS.sub("", squash(line.text))


def _in_band(line: Line, page: Page) -> bool:
    return line.bbox.bottom <= page.height * _BAND or line.bbox.top >= page.height * (1 - _BAND)


def _body_metric(values: list[tuple[float, int]]) -> float:
    """Character-weighted median of a per-line metric."""
    if not values:
        return 0.0
    values.sort()
    total = sum(w for _, w in values)
    acc = 0
    for value, weight in values:
        acc += weight
        if acc * 2 >= total:
            return value
    return values[-1][0]


def analyse(doc: Document) -> DocLayout:
    """Compute line features for every page. Cost is linear in the number of lines."""
    # 1. running headers/footers: texts (digits ignored) in the top/bottom band seen on two pages or more;
    # a table of contents does not count (its first entries sit in the top band and match the headings)
    key_pages: dict[str, set[int]] = defaultdict(set)
    for page in doc.pages:
        if _looks_like_toc(page):
            continue
        for line in page.lines:
            if _in_band(line, page):
                key = _furniture_key(line)
                if len(key) >= 2:
                    key_pages[key].add(page.number)
    furniture_pages = {k: v for k, v in key_pages.items() if len(v) >= 2}

    pages: list[PageInfo] = []
    for page in doc.pages:
        info = PageInfo(number=page.number, height=page.height, has_text=page.has_text_layer)
        content: list[Line] = []
        for line in page.lines:
            if _in_band(line, page) and _furniture_key(line) in furniture_pages:
                info.furniture.append(line_text(line))
                info.furniture_keys.append(_furniture_key(line))
            elif any(ch.isalnum() for ch in line.text):
                content.append(line)
        _fill_lines(info, page, content)
        pages.append(info)
    return DocLayout(pages=pages, furniture_pages=furniture_pages, n_pages=len(doc.pages))


def _looks_like_toc(page: Page) -> bool:
    """A contents page (Daftar Isi / Tabel / Gambar): several dotted-leader lines."""
    return sum(1 for line in page.lines if is_toc_entry(line.text)) >= 4


def _fill_lines(info: PageInfo, page: Page, content: list[Line]) -> None:
    sizes = [(ln.size, len(ln.text)) for ln in content if len(ln.text) >= 20 and ln.size > 0]
    heights = [(_line_height(ln), len(ln.text)) for ln in content if len(ln.text) >= 20]
    body_size = _body_metric(sizes)
    body_height = _body_metric(heights)
    distinct_sizes = {round(ln.size, 1) for ln in content}
    use_size = body_size > 0 and len(distinct_sizes) > 1
    xs = sorted(ln.bbox.x0 for ln in content if len(ln.text) >= 20)
    margin = xs[len(xs) // 10] if xs else (min((ln.bbox.x0 for ln in content), default=0.0))
    texts = [line_text(ln) for ln in content]
    leaders = sum(1 for t in texts if is_toc_entry(t))
    info.toc = leaders >= 4 or any(
        squash(t).startswith("DAFTARISI") and ln.bbox.top < page.height * 0.35
        for t, ln in zip(texts, content, strict=True)
    )
    for rank, (line, text) in enumerate(zip(content, texts, strict=True)):
        if use_size:
            rel = line.size / body_size
        elif body_height > 0:
            rel = _line_height(line) / body_height
        else:
            rel = 1.0
        centre = (line.bbox.x0 + line.bbox.x1) / 2
        centred = abs(centre - page.width / 2) < page.width * 0.08 and line.bbox.x0 > margin + 15
        info.lines.append(
            LineInfo(
                page=page.number,
                line=line,
                text=text,
                squashed=squash(text),
                rel_size=rel,
                bold=line.bold,
                centred=centred,
                rank=rank,
                indent=line.bbox.x0 - margin,
                toc=is_toc_entry(text),
            )
        )
