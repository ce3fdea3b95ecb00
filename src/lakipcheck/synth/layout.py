"""What the DOCX and HTML builders share: page geometry, text styles, inline markup, runs of pages, TOC lines.

Both builders draw the block list the way ``render`` does with reportlab (same page size and margins, same
type sizes, same column widths), so the producers differ in their engines, not in the design.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from lakipcheck.synth.blocks import Block, Break, Numbering
from lakipcheck.synth.render import _styles, fonts

PT_PER_CM = 72 / 2.54
MARGIN = 2.2 * PT_PER_CM
PAGE_W, PAGE_H = A4
# the width tables and pictures are laid out in (as in ``render``)
TEXT_WIDTH = {"portrait": PAGE_W - 2 * MARGIN - 12, "landscape": PAGE_H - 2 * MARGIN - 12}


@dataclass(frozen=True, slots=True)
class TextStyle:
    size: float
    leading: float
    bold: bool = False
    italic: bool = False
    align: str = "left"  # left | center | right | justify
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False


def text_styles() -> dict[str, TextStyle]:
    """The paragraph styles of ``render`` (body, small, cover, caption, table_title, h0..h3, ...)."""
    f = fonts()
    align = {TA_CENTER: "center", TA_RIGHT: "right", TA_JUSTIFY: "justify"}
    out = {}
    for name, st in _styles().items():
        out[name] = TextStyle(
            st.fontSize,
            st.leading,
            st.fontName == f.bold,
            st.fontName == f.italic,
            align.get(st.alignment, "left"),
            st.spaceBefore,
            st.spaceAfter,
            bool(getattr(st, "keepWithNext", 0)),
        )
    return out


@dataclass(frozen=True, slots=True)
class Seg:
    """A piece of inline text with one format."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    newline: bool = False  # a line break before this piece


_MARK = re.compile(r"\*\*(.+?)\*\*|\^\{(.+?)\}|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def segments(text: str, bold: bool = False) -> list[Seg]:
    """``text`` with ``**bold**``, ``*italic*``, ``^{sup}`` and newlines, as formatted pieces."""
    out: list[Seg] = []
    for k, line in enumerate(text.split("\n")):
        pieces, pos = [], 0
        for m in _MARK.finditer(line):
            if m.start() > pos:
                pieces.append(Seg(line[pos : m.start()], bold))
            b, sup, it = m.groups()
            pieces.append(Seg(b or sup or it, bold or b is not None, it is not None, sup is not None))
            pos = m.end()
        if pos < len(line) or not pieces:
            pieces.append(Seg(line[pos:], bold))
        if k:
            pieces[0] = replace(pieces[0], newline=True)
        out += pieces
    return [s for s in out if s.text or s.newline]


def plain(text: str) -> str:
    """``text`` without markup, as it reads on the page."""
    return "".join(s.text if not s.newline else " " + s.text for s in segments(text))


@dataclass(slots=True)
class Run:
    """The blocks between two page breaks, with the page set-up they start."""

    blocks: list[tuple[int, Block]]  # (index in the block list, block)
    orientation: str = "portrait"
    numbering: str = "none"  # none | roman | arabic: the numbering in force on these pages
    restart: int | None = None  # the page number this run starts at, when a Numbering block restarts it
    first: bool = False  # the first run (the cover)
    new_section: bool = False  # page set-up or numbering differs from the run before
    group: int = 0  # runs with the same numbering and orientation in a row share a group number


def runs(blocks: Sequence[Block], *, cover: bool = True) -> list[Run]:
    """Split ``blocks`` at every ``Break`` into runs of pages, following orientation and numbering."""
    out = [Run([], numbering="none" if cover else "arabic", first=True)]
    for i, b in enumerate(blocks):
        if isinstance(b, Break):
            prev = out[-1]
            out.append(Run([], b.orientation or prev.orientation, prev.numbering))
        elif isinstance(b, Numbering):
            out[-1].numbering = b.style
            out[-1].restart = b.start
        else:
            out[-1].blocks.append((i, b))
    group = 0
    for k, r in enumerate(out):
        if k:
            p = out[k - 1]
            changed = (r.orientation, r.numbering) != (p.orientation, p.numbering)
            r.new_section = r.restart is not None or changed
            group += r.new_section
        r.group = group
    return [r for r in out if r.blocks or r.first]


def block_runs(rs: Sequence[Run]) -> Iterator[tuple[Run, int, Block]]:
    for r in rs:
        for i, b in r.blocks:
            yield r, i, b


def text_width(text: str, size: float, bold: bool = False) -> float:
    f = fonts()
    return pdfmetrics.stringWidth(text, f.bold if bold else f.regular, size)


def toc_line(text: str, page: str, level: int, width: float, size: float = 10) -> str:
    """A table-of-contents line with a dotted leader as text: "BAB I PENDAHULUAN ....... 1"."""
    if not page:
        return text
    room = width - 18 * level - text_width(text + " ", size) - text_width(" " + page, size) - 8
    n = max(3, int(room / text_width(".", size) * 0.9))
    return f"{text} {'.' * n} {page}"
