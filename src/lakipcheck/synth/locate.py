"""Where every block and table cell landed in a PDF from a producer that reports nothing back.

reportlab tells ``render`` the page of each cell while drawing; LibreOffice and WeasyPrint do not. ``locate``
finds the same facts by reading the PDF's text back (PDFium) and walking it in the order of the block list:
the document's text, with all white space removed and the running header left out, is searched for each
paragraph, heading, list item, caption and table row in turn, each search starting where the previous one
ended. A table row is looked up whole (its cells in column order) and, when it is not printed in one piece
(a row broken over two pages, cells read in another order), cell by cell. The result is a ``RenderResult``
like the one ``render`` returns, so the truth is resolved the same way for every producer; every recorded
page holds the text recorded for it (``on_page``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lakipcheck.synth.blocks import (
    Block,
    Chart,
    Figure,
    Heading,
    ListBlock,
    Numbering,
    Para,
    RenderResult,
    TableBlock,
    Toc,
    covered,
    roman,
)
from lakipcheck.synth.layout import plain

WINDOW = 4  # pages ahead of the cursor a block may be found on


def squash(text: str) -> str:
    """``text`` as compared with the page: compatibility forms folded, no white space and no hyphens (PDFium
    reads a hyphen that ends a line, as in "masing-" + "masing", as a soft hyphen and drops it)."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u00ad\ufffe\x02-]+", "", text)


def on_page(texts: Sequence[str], page: int | None, needle: str) -> bool:
    """Whether ``needle`` is printed on ``page`` (1-based), white space and line breaks aside."""
    return page is not None and 1 <= page <= len(texts) and squash(needle) in squash(texts[page - 1])


def find_pages(texts: Sequence[str], needle: str, candidates: Iterable[int] | None = None) -> list[int]:
    """``blocks.find_pages`` with line breaks ignored too ("Crosscutting/" + new line + "Collaborative")."""
    pages = candidates if candidates is not None else range(1, len(texts) + 1)
    return [p for p in pages if on_page(texts, p, needle)]


@dataclass
class Located:
    """``locate``'s answer: a ``RenderResult`` plus the blocks and cells it could not find."""

    result: RenderResult
    missing: list[str] = field(default_factory=list)
    label_errors: list[int] = field(default_factory=list)  # pages whose footer does not show their label


class _Text:
    """The document's text without white space, running header or page numbers, with a search cursor."""

    def __init__(self, texts: Sequence[str], header: str, labels: Sequence[str] = ()) -> None:
        pages = [_strip_header(squash(t), squash(header)) for t in texts]
        for k, label in enumerate(labels):
            if label and pages[k].endswith(label):
                pages[k] = pages[k][: -len(label)]
        self.pages = pages
        self.starts, pos = [], 0
        for p in pages:
            self.starts.append(pos)
            pos += len(p)
        self.text = "".join(pages)
        self.cursor = 0

    def page_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos)  # 1-based

    def window(self, start: int) -> int:
        last = min(len(self.pages), self.page_of(start) + WINDOW - 1)
        return self.starts[last - 1] + len(self.pages[last - 1])

    def find(self, key: str, start: int | None = None, limit: int | None = None) -> int:
        start = self.cursor if start is None else start
        return self.text.find(key, start, self.window(start) if limit is None else limit) if key else -1

    def span(self, pos: int, end: int) -> list[int]:
        """The pages of the text from ``pos`` to ``end`` (exclusive)."""
        return list(range(self.page_of(pos), self.page_of(max(pos, end - 1)) + 1))

    def seek(self, key: str, start: int, limit: int | None = None) -> tuple[int, int] | None:
        """Where ``key`` is printed from ``start`` on: in one piece, or in up to four with other text between
        (a paragraph broken over a page with a footnote, a repeated header or a picture in between)."""
        pos = self.find(key, start, limit)
        if pos >= 0:
            return pos, pos + len(key)
        at = start
        for _try in range(5):
            first = self.find(key[: min(8, len(key))], at, limit)
            if first < 0:
                return None
            n = self._common(first, key)
            rest, end = key[n:], first + n
            for _piece in range(3):
                nxt = self.find(rest[: min(8, len(rest))], end) if rest else -1
                if nxt < 0:
                    break
                k = self._common(nxt, rest)
                rest, end = rest[k:], nxt + k
            if not rest:
                return first, end
            at = first + 1
        return None

    def words(self, words: Sequence[str], start: int, limit: int) -> tuple[int, int, int] | None:
        """The words of a cell in order from ``start`` (before ``limit``): (first, end, end of the first
        word). The lines of neighbouring cells may be read between them (LibreOffice, WeasyPrint)."""
        at, first, first_end = start, -1, -1
        for w in words:
            pos = self.text.find(w, at, limit)
            if pos < 0:
                return None
            if first < 0:
                first, first_end = pos, pos + len(w)
            at = pos + len(w)
        return (first, at, first_end) if first >= 0 else None

    def _common(self, pos: int, key: str) -> int:
        """How many leading characters of ``key`` the text has at ``pos``."""
        n = 0
        while n < len(key) and pos + n < len(self.text) and self.text[pos + n] == key[n]:
            n += 1
        return n

    def take(self, key: str) -> list[int]:
        """The pages of the next occurrence of ``key``, moving the cursor past it ([] when not found)."""
        hit = self.seek(key, self.cursor) if key else None
        if hit is None:
            return []
        self.cursor = hit[1]
        return self.span(*hit)


def _strip_header(page: str, header: str) -> str:
    """``page`` without its running header: read first (LibreOffice) or last, before the page number
    (WeasyPrint's page-margin boxes). The same words inside the body are kept."""
    if not header:
        return page
    if page.startswith(header):
        return page[len(header) :]
    at = page.rfind(header)
    if at >= 0 and re.fullmatch(r"[0-9ivxlcdm]{0,8}", page[at + len(header) :]):
        return page[:at] + page[at + len(header) :]
    return page


def locate(
    blocks: Sequence[Block],
    texts: Sequence[str],
    *,
    header: str = "",
    cover: bool = True,
    numbering: str = "designed",
    footer: str = "all",
) -> Located:
    """Pages of every block and cell of ``blocks`` in the PDF whose page texts are ``texts``.

    ``numbering`` "designed": pages are numbered as the Numbering blocks say (the cover unnumbered);
    "physical": 1, 2, 3 ... from the first page (LibreOffice's HTML import). ``footer`` ("all", "odd",
    "none"): on which pages the page number ends the page's text (where these producers' footers are read).
    The page numbers found in a first reading are left out of the text in a second one.
    """
    n = len(texts)
    shown = [p for p in range(1, n + 1) if footer == "all" or (footer == "odd" and p % 2)]
    labels: list[str] = []
    for _pass in range(2):
        stripped = [squash(labels[p - 1]) if labels and p in shown else "" for p in range(1, n + 1)]
        doc = _Text(texts, header, stripped)
        res, missing, changes = _walk(doc, blocks, cover)
        labels = _labels(changes, n) if numbering == "designed" else [str(p) for p in range(1, n + 1)]
    plain_pages = _Text(texts, header).pages
    bad = [p for p in shown if labels[p - 1] and not plain_pages[p - 1].endswith(squash(labels[p - 1]))]
    res.page_labels = labels
    return Located(res, missing, bad)


def _walk(doc: _Text, blocks: Sequence[Block], cover: bool) -> tuple[RenderResult, list[str], list]:
    cells: dict[tuple[str, int, int], list[int]] = {}
    block_pages: dict[str, list[int]] = {}
    missing: list[str] = []
    changes: list[tuple[int, str, int]] = [(1, "none" if cover else "arabic", 1)]
    pending: tuple[str, int] | None = None

    def note(key: str, text: str) -> None:
        pages = doc.take(squash(plain(text)))
        if pages:
            block_pages[key] = pages
        elif squash(plain(text)):
            missing.append(key)

    for i, b in enumerate(blocks):
        before = (set(block_pages), set(cells))
        if isinstance(b, Numbering):
            pending = (b.style, b.start)
            continue
        if isinstance(b, Heading):
            note(b.id or f"h{i}", b.text)
        elif isinstance(b, Para):
            note(b.id or f"p{i}", b.text)
        elif isinstance(b, ListBlock):
            for j, it in enumerate(b.items):
                note(f"{b.id or f'l{i}'}.{j}", it.text)
        elif isinstance(b, TableBlock):
            if b.spec.caption:
                note(f"{b.spec.id}.caption", b.spec.caption)
            _table(doc, b, cells, missing)
        elif isinstance(b, Chart | Figure) and b.caption:
            note(f"fig{i}", b.caption)
        elif isinstance(b, Toc):
            for text, _page, _level in b.entries:
                doc.take(squash(text))
        new = [block_pages[k] for k in set(block_pages) - before[0]] + [
            cells[k] for k in set(cells) - before[1]
        ]
        if pending and new:
            changes.append((min(min(p) for p in new), *pending))
            pending = None
    table_pages: dict[str, set[int]] = {}
    for (tid, _r, _c), pages in cells.items():
        table_pages.setdefault(tid, set()).update(pages)
    tables = {tid: sorted(p) for tid, p in table_pages.items()}
    return RenderResult(b"", len(doc.pages), cells, block_pages, tables, []), missing, changes


def _table(doc: _Text, b: TableBlock, cells: dict, missing: list[str]) -> None:
    """Pages of the cells of one table, row by row (see the module docstring). A row is looked for close to
    the cursor only: after the row before it, or after a page break and a repeated header."""
    spec = b.spec
    spans = covered(spec)
    header = sum(len(squash(plain(c))) for row in spec.header for c in row)
    before = 0  # length of the row before: its later lines may still come first
    for r, row in enumerate([*spec.header, *spec.rows]):
        anchors = [c for c in range(spec.n_cols) if spans.get((c, r), (c, r))[:2] == (c, r)]
        texts = [plain(row[c] if c < len(row) else "") for c in anchors]
        keys = [squash(t) for t in texts]
        whole = "".join(keys)
        start = doc.cursor
        # where the row may begin, and end: after each page break the header may be repeated
        begin = 60 + before
        begin += (doc.page_of(start + begin + header) - doc.page_of(start)) * (header + 60)
        reach = begin + 3 * len(whole) + 300
        reach += (doc.page_of(start + reach) - doc.page_of(start)) * (header + 300)
        limit = min(doc.window(start), start + reach)
        before = len(whole)
        pos = doc.find(whole, start, min(limit, start + begin + len(whole))) if whole else -1
        if pos >= 0:
            for c, k in zip(anchors, keys, strict=True):
                cells[spec.id, r, c] = doc.span(pos, pos + len(k)) if k else [doc.page_of(pos)]
                pos += len(k)
            doc.cursor = pos
            continue
        # not in one piece: each cell's words in order (a row broken over a page, cells read line by line
        # across the row); the cursor moves past the first word of each cell only, as the next row's text
        # may be read among the later lines
        hits = {}
        for c, text in zip(anchors, texts, strict=True):
            words = [w for w in (squash(x) for x in text.split()) if w]
            hit = doc.words(words, start, limit) if words else None
            if hit is not None:
                hits[c] = hit
            elif words:
                missing.append(f"{spec.id} r{r} c{c}")
        if hits and min(h[0] for h in hits.values()) > start + begin:  # only further on: another table's
            missing += [f"{spec.id} r{r} c{c}" for c in hits]
            hits = {}
        found = []
        for c, hit in hits.items():
            cells[spec.id, r, c] = doc.span(hit[0], hit[1])
            found += cells[spec.id, r, c]
        doc.cursor = max([start, *(h[2] for h in hits.values())])
        for c in anchors:
            if (spec.id, r, c) not in cells and found:
                cells[spec.id, r, c] = [min(found)]  # empty or unread: the row's page


def _labels(changes: list[tuple[int, str, int]], n: int) -> list[str]:
    """Printed page numbers from the numbering changes (first page, style, first number)."""
    out = []
    for p in range(1, n + 1):
        page, style, start = [c for c in changes if c[0] <= p][-1]
        k = p - page + start
        out.append("" if style == "none" else roman(k) if style == "roman" else str(k))
    return out
