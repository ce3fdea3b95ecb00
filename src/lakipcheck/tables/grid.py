"""A raw table: a rectangular matrix of cell texts with merged cells filled, before headers are known."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from lakipcheck.ingest.lines import group_lines
from lakipcheck.ingest.types import Line, Page, Word
from lakipcheck.provenance import BBox
from lakipcheck.tables.lattice import Lattice
from lakipcheck.tables.types import Cell, Engine


@dataclass(slots=True)
class RawTable:
    """Cells by row and column; a merged cell's text is repeated into every position it covers (spanned=True
    on the copies). ``n_header`` is the number of header rows when the layout shows it (a rule under the
    header), else None and the header is told by its words."""

    page: int
    bbox: BBox
    engine: Engine
    cells: list[list[Cell]]
    col_bounds: list[float]
    n_header: int | None = None

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def n_cols(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.cells]


# A number cut by a narrow cell: "174.494.00" / "0", "1.234." / "567", "12,5" / "%", "Rp 2.000.000.0" / "00"
_CUT_NUMBER = re.compile(r"(?:\d{1,3}(?:[.,]\d{3})+[.,]\d{0,2}|\d[.,])$")
_NUMBER_REST = re.compile(r"^\d[\d.,]*\s*%?(?:\s|$)")
# The rest of a number broken before a group separator: "13.606.671" / ".419"
_GROUP_REST = re.compile(r"^[.,]\d{3}(?:[.,]\d+)*\s*(?:\s|$)")
_WHOLE_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+$")
# A word cut without a hyphen: "Targe" / "t", "Realisa" / "si", "Perlindung" / "an"; not a short word of
# its own
_FRAGMENT = re.compile(r"^[a-z]{1,2}(?![A-Za-z])")
_SHORT_WORDS = {"di", "ke", "ya", "se", "dr", "a", "i", "o", "x", "s", "d", "sd"}


def cut_number(text: str) -> bool:
    """The text ends in a number cut short by a narrow cell ("174.494.00", "1.234.")."""
    return bool(_CUT_NUMBER.search(text.strip()))


def continues_number(prev: str, text: str) -> bool:
    """Whether ``text`` (the next line of a narrow cell) is the rest of the number that ``prev`` ends in:
    "22.826.138.0" / "00", "1.234." / "567", "13.606.671" / ".419"."""
    last = prev.rsplit(" ", 1)[-1]
    if _CUT_NUMBER.search(last) and _NUMBER_REST.match(text):
        return True
    return bool(_WHOLE_GROUPED.search(last) and _GROUP_REST.match(text))


def _glued(prev: str, text: str) -> bool:
    """Whether ``text`` continues the last token of ``prev`` with no space between (a word or a number
    broken over two lines of a narrow cell)."""
    last = prev.rsplit(" ", 1)[-1]
    if text == "%" and last[-1:].isdigit():
        return True
    if continues_number(prev, text):
        return True
    m = _FRAGMENT.match(text)
    if m and m.group(0) not in _SHORT_WORDS and len(last) >= 3 and last.isalpha() and last[-1].islower():
        return len(text.split()) == 1 or not text[len(m.group(0)) :].strip()[:1].isdigit()
    return False


# A word set letter-spaced ("T a r g e t", "J u m l a h"): four or more single letters in a row
_SPACED = re.compile(r"(?<![^\s(/])(?:[A-Za-z] ){3,}[A-Za-z](?![^\s)/:.,])")


def unspaced(text: str) -> str:
    """``text`` with letter-spaced words closed up: "T a r g e t th 2015" -> "Target th 2015"."""

    def close(m: re.Match[str]) -> str:
        word = m.group(0).replace(" ", "")
        # "A B C D" lists items; a spaced word has a lower-case letter or is long ("J U M L A H")
        return word if len(word) >= 5 or not word.isupper() else m.group(0)

    return _SPACED.sub(close, text)


def cell_text(words: list[Word]) -> str:
    """Words of one cell in reading order; wrapped lines joined with a space, hyphenated breaks mended, and
    words or numbers that a narrow cell broke over two lines joined again."""
    parts: list[str] = []
    for line in group_lines(words):
        text = line.text
        if parts and parts[-1].endswith("-") and text[:1].islower():
            parts[-1] = parts[-1][:-1] + text
        elif parts and _glued(parts[-1], text):
            parts[-1] += text
        else:
            parts.append(text)
    return unspaced(" ".join(parts).strip())


_NUMERIC_LINE = re.compile(r"^[<>≥≤=±~]*\s*-?\s*(rp\.?\s*)?\d[\d.,]*", re.IGNORECASE)
_ITEM_START = re.compile(r"^\s*([-–•▪*·]|[a-z][.)]|\d{1,2}[.)]|[ivx]{1,4}[.)])\s*\S", re.IGNORECASE)


def _numeric_line(text: str) -> bool:
    return bool(_NUMERIC_LINE.match(text)) and len(text.split()) <= 4


_ITEM_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]?$")


def _item_numbers(lines: list[Line]) -> list[Line] | None:
    """The lines of a "No" cell that numbers several stacked records: "1", "2", "3" on their own lines."""
    lines = sorted(lines, key=lambda ln: ln.bbox.top)
    ms = [_ITEM_NUMBER.match(ln.text.strip()) for ln in lines]
    if len(lines) < 2 or not all(ms):
        return None
    nums = [int(m.group(1)) for m in ms if m]
    return lines if all(b == a + 1 for a, b in itertools.pairwise(nums)) else None


def _bands(cells: dict[int, list[Line]], top: float, bottom: float) -> tuple[list[float], set[int]] | None:
    """Split points for a ruled row that stacks several records with no rule between them.

    The row's main text cell must list k items (its first line, then lines starting with a bullet or "a." /
    "1.") and some cell must hold exactly k numeric lines (each starting with a digit, so a stacked "(101%)"
    note does not count). Item i then starts at the higher of its text line and its number. Returns the band
    boundaries and the cells whose text spreads over several bands (the others, e.g. a sasaran written once,
    are repeated as if merged)."""
    texts = {i: ls for i, ls in cells.items() if ls and not all(_numeric_line(ln.text) for ln in ls)}
    candidates: list[tuple[int, list[Line]]] = []
    for i in sorted(texts, key=lambda i: -sum(len(ln.text) for ln in texts[i])):
        lines = sorted(texts[i], key=lambda ln: ln.bbox.top)
        candidates.append((i, [lines[0]] + [ln for ln in lines[1:] if _ITEM_START.match(ln.text)]))
    candidates += [(i, ls) for i, ls in cells.items() if _item_numbers(ls)]
    best: tuple[list[Line], list[Line]] | None = None
    for i, items in candidates:
        if len(items) < 2 or (best and len(items) <= len(best[0])):
            continue
        for j, ls in cells.items():
            nums = sorted((ln for ln in ls if _numeric_line(ln.text)), key=lambda ln: ln.bbox.top)
            if j != i and j not in texts and len(nums) == len(items):
                best = (items, nums)
                break
    if best is None:
        return None
    items, nums = best
    k = len(items)
    bounds = [top]
    for i in range(1, k):
        b = min(items[i].bbox.top, nums[i].bbox.top) - 1.0
        if b <= max(items[i - 1].bbox.top, nums[i - 1].bbox.bottom - 1.0, bounds[-1]):
            return None
        bounds.append(b)
    bounds.append(bottom)
    aligned = set()
    for i, ls in cells.items():
        bands = {sum(1 for b in bounds[1:-1] if ln.bbox.center_y >= b) for ln in ls}
        if len(bands) >= 2:
            aligned.add(i)
    return bounds, aligned


def from_lattice(page: Page, lattice: Lattice) -> RawTable:
    """Fill a lattice's cells with the page's words (by word centre), copy merged cells' text, and split a
    ruled row that stacks several records (values on their own lines, no rule between them)."""
    n_rows, n_cols = lattice.n_rows, lattice.n_cols
    owner: list[list[int]] = [[-1] * n_cols for _ in range(n_rows)]
    for i, gc in enumerate(lattice.cells):
        for r in range(gc.r0, gc.r1):
            for c in range(gc.c0, gc.c1):
                owner[r][c] = i
    bucket: dict[int, list[Word]] = {}
    xs, ys = lattice.xs, lattice.ys
    box = lattice.bbox
    for w in page.words:
        cx, cy = w.bbox.center_x, w.bbox.center_y
        if not box.contains_point(cx, cy):
            continue
        c = bisect.bisect_right(xs, cx) - 1
        r = bisect.bisect_right(ys, cy) - 1
        if 0 <= r < n_rows and 0 <= c < n_cols and owner[r][c] >= 0:
            bucket.setdefault(owner[r][c], []).append(w)
    texts = {i: cell_text(ws) for i, ws in bucket.items()}
    cells: list[list[Cell]] = []
    for r in range(n_rows):
        single = {
            owner[r][c]
            for c in range(n_cols)
            if owner[r][c] >= 0
            and lattice.cells[owner[r][c]].r0 == r
            and lattice.cells[owner[r][c]].r1 == r + 1
        }
        split = _bands({i: group_lines(bucket[i]) for i in single if i in bucket}, ys[r], ys[r + 1])
        bands, aligned = split if split else ([ys[r], ys[r + 1]], set())
        for b in range(len(bands) - 1):
            y0, y1 = bands[b], bands[b + 1]
            row: list[Cell] = []
            for c in range(n_cols):
                i = owner[r][c]
                if i < 0:
                    row.append(Cell("", None, page.number))
                    continue
                gc = lattice.cells[i]
                origin = (r, c) == (gc.r0, gc.c0)
                if i in aligned:
                    words = [w for w in bucket.get(i, []) if y0 <= w.bbox.center_y < y1]
                    sub = BBox(gc.bbox.x0, max(gc.bbox.top, y0), gc.bbox.x1, min(gc.bbox.bottom, y1))
                    row.append(Cell(cell_text(words), sub, page.number, spanned=not origin))
                else:
                    row.append(Cell(texts.get(i, ""), gc.bbox, page.number, spanned=not origin or b > 0))
            cells.append(row)
    return RawTable(page.number, box, Engine.PDFPLUMBER, cells, list(xs))


def _redundant_column(rows: list[list[Cell]], j: int) -> bool:
    """Empty everywhere, or only copies of the merged cell to its left (a stray rule split a merged cell)."""
    for row in rows:
        cell = row[j]
        copy = j > 0 and cell.spanned and cell.bbox is not None and cell.bbox is row[j - 1].bbox
        if cell.text and not copy:
            return False
    return True


def drop_empty(raw: RawTable) -> RawTable:
    """Remove empty rows and the columns that carry nothing of their own (artefacts of decorative rules)."""
    if raw.n_header is not None:
        raw.n_header = sum(1 for row in raw.cells[: raw.n_header] if any(c.text for c in row))
    rows = [row for row in raw.cells if any(c.text for c in row)]
    if not rows:
        raw.cells = []
        return raw
    keep = [j for j in range(len(rows[0])) if not _redundant_column(rows, j)]
    raw.cells = [[row[j] for j in keep] for row in rows]
    if raw.col_bounds:
        raw.col_bounds = [raw.col_bounds[j] for j in keep] + [raw.col_bounds[-1]]
    return raw
