"""The prose of a document as blocks: headings and paragraphs outside tables, with a box for every word.

A block is a run of lines with no large vertical gap and the same style (a bold or larger line is a heading
line). Running headers and footers (the same text at the top or bottom of many pages) and bare page numbers
are left out. A paragraph that runs on to the next page is joined to its start.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from lakipcheck.ingest.types import Document, Line, Page
from lakipcheck.provenance import BBox

_BAND = 0.09  # share of the page height at top and bottom where running headers/footers sit
_PAGE_NO = re.compile(
    r"^\s*(?:[-–]\s*)?(?:\d{1,3}|[ivxlc]{1,6}|[A-Z]{1,4}\s*[-–.]\s*\d{1,3})(?:\s*[-–])?\s*$", re.I
)
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")
_ENUMERATED = re.compile(r"^\s*(?:\d{1,2}|[A-Za-z]|[IVX]{1,4})[.)]\s+\S")
_ITEM = re.compile(r"^\s*(?:(?:\d{1,2}|[a-zA-Z])[.)]|[•▪●◦➢\-–*])\s+\S")


@dataclass(slots=True)
class WordBox:
    start: int  # char offsets in the block text
    end: int
    page: int
    bbox: BBox


@dataclass(slots=True)
class Block:
    """A heading or a paragraph: its text, where each word is, and where each printed line starts."""

    heading: bool
    text: str = ""
    words: list[WordBox] = field(default_factory=list)
    line_starts: set[int] = field(default_factory=set)
    lines: int = 0
    size: float = 0.0
    list_x: float | None = None  # left edge of the last list item ("1.", "•") of the block

    def lines_text(self) -> list[str]:
        """The block's printed lines."""
        starts = sorted(self.line_starts)
        return [self.text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(self.text)], strict=True)]

    @property
    def page(self) -> int:
        return self.words[0].page if self.words else 0

    @property
    def last_page(self) -> int:
        return self.words[-1].page if self.words else 0

    @property
    def top(self) -> float:
        return self.words[0].bbox.top if self.words else 0.0

    @property
    def bottom(self) -> float:
        return max((w.bbox.bottom for w in self.words if w.page == self.last_page), default=0.0)

    def add_line(self, line: Line, page: int) -> None:
        if self.text:
            self.text += " "
        self.line_starts.add(len(self.text))
        for k, w in enumerate(line.words):
            if k:
                self.text += " "
            start = len(self.text)
            self.text += w.text
            self.words.append(WordBox(start, len(self.text), page, w.bbox))
        self.lines += 1
        self.size = max(self.size, line.size)
        if _ITEM.match(line.text):
            self.list_x = line.bbox.x0

    def where(self, start: int, end: int) -> tuple[int, BBox | None]:
        """The page and box of the characters [start, end) (the first page when they span two)."""
        hit = [w for w in self.words if w.start < end and w.end > start]
        if not hit:
            hit = [min(self.words, key=lambda w: abs(w.start - start))] if self.words else []
        if not hit:
            return 0, None
        page = hit[0].page
        return page, BBox.enclosing([w.bbox for w in hit if w.page == page])

    def box(self) -> BBox | None:
        return BBox.enclosing([w.bbox for w in self.words if w.page == self.page])


def _furniture(doc: Document) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers and page numbers."""
    keys: dict[str, set[int]] = defaultdict(set)
    for page in doc.pages:
        for line in page.lines:
            if _in_band(line, page):
                keys[_key(line.text)].add(page.number)
    many = {k for k, pages in keys.items() if len(pages) >= 3 and len(k) >= 2}
    out = set()
    for page in doc.pages:
        for i, line in enumerate(page.lines):
            if _in_band(line, page) and (_key(line.text) in many or _PAGE_NO.match(line.text)):
                out.add((page.number, i))
    return out


def _in_band(line: Line, page: Page) -> bool:
    return line.bbox.bottom <= page.height * _BAND or line.bbox.top >= page.height * (1 - _BAND)


def _key(text: str) -> str:
    return re.sub(r"[\d\W_]+", "", text.lower())


def _body_size(doc: Document) -> float:
    sizes: Counter[float] = Counter()
    for page in doc.pages:
        for line in page.lines:
            if len(line.text) >= 30 and line.size > 0:
                sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_heading(line: Line, body: float) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and (line.bold or (body > 0 and line.size >= body + 1.0))


def read_blocks(doc: Document, table_boxes: dict[int, list[BBox]]) -> list[Block]:
    """The document's headings and paragraphs, in reading order, tables and page furniture left out."""
    skip = _furniture(doc)
    body = _body_size(doc)
    blocks: list[Block] = []
    for page in doc.pages:
        boxes = table_boxes.get(page.number, [])
        cur: Block | None = None
        prev: Line | None = None
        first_on_page = True
        for i, line in enumerate(page.lines):
            if (page.number, i) in skip or not line.words:
                continue
            if any(b.contains_point(line.bbox.center_x, line.bbox.center_y, 2) for b in boxes):
                prev = None  # a table interrupts the prose
                cur = None
                continue
            heading = _is_heading(line, body)
            gap = line.bbox.top - prev.bbox.bottom if prev is not None else 0.0
            new = (
                cur is None
                or prev is None
                or heading != cur.heading
                or (heading and _ENUMERATED.match(line.text) is not None)  # "1. Definisi Operasional"
                or (heading and abs(line.size - cur.size) > 0.5)  # a heading of another level
                or (not heading and _out_of_list(cur, line))
                or gap > 1.2 * max(line.bbox.height, 8)
                or _above(line, prev)  # another column or a figure label
            )
            if new and first_on_page and not heading and blocks and _continues(blocks[-1], line):
                cur = blocks[-1]  # the paragraph started on the previous page
            elif new:
                cur = Block(heading)
                blocks.append(cur)
            assert cur is not None
            cur.add_line(line, page.number)
            prev = line
            first_on_page = False
    return [b for b in blocks if b.text.strip()]


def _above(line: Line, prev: Line) -> bool:
    """The line starts above the previous one, or level with it: another column or a figure label. Lines
    set with a tall leading have boxes that overlap the previous line's by a few points; they still follow
    it (their top lies well below the previous top)."""
    return line.bbox.top - prev.bbox.bottom < -2 and line.bbox.top < prev.bbox.top + 0.5 * prev.bbox.height


def _out_of_list(cur: Block, line: Line) -> bool:
    """A line left of the list items above it is a new paragraph after the list."""
    return cur.list_x is not None and line.bbox.x0 < cur.list_x - 2 and not _ITEM.match(line.text)


def _continues(last: Block, line: Line) -> bool:
    """A page's first line goes on with the previous page's last paragraph."""
    text = line.text.strip()
    return (
        not last.heading
        and not _SENTENCE_END.search(last.text)
        and bool(text)
        and (text[0].islower() or text[0].isdigit())
    )
