"""Typed output of the ingest stage: a document of pages, each with words, lines and ruling lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lakipcheck.provenance import BBox


@dataclass(slots=True)
class Word:
    """A run of non-space characters on one baseline."""

    text: str
    bbox: BBox
    size: float = 0.0
    bold: bool = False


@dataclass(slots=True)
class Line:
    """Words that share a baseline, left to right. ``gaps`` splits it into segments at wide gaps."""

    words: list[Word]
    bbox: BBox

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def size(self) -> float:
        return max((w.size for w in self.words), default=0.0)

    @property
    def bold(self) -> bool:
        return bool(self.words) and all(w.bold for w in self.words)

    def segments(self, gap: float | None = None) -> list[Line]:
        """Split at horizontal gaps wider than ``gap`` points (default: 2.5 x font size)."""
        if not self.words:
            return []
        out: list[list[Word]] = [[self.words[0]]]
        for prev, word in zip(self.words, self.words[1:], strict=False):
            limit = gap if gap is not None else max(2.5 * max(prev.size, word.size), 8.0)
            if word.bbox.x0 - prev.bbox.x1 > limit:
                out.append([word])
            else:
                out[-1].append(word)
        return [Line(ws, BBox.enclosing([w.bbox for w in ws]) or self.bbox) for ws in out]


@dataclass(slots=True)
class Rule:
    """A ruling line segment (from a stroked path or a thin filled rectangle)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def orientation(self) -> str:
        return "h" if (self.x1 - self.x0) >= (self.bottom - self.top) else "v"


_CAPTION_CHARS = 160  # fewer characters than this on an image page: a header or a caption, not its content


@dataclass(slots=True)
class Page:
    """One page as seen by a reader (coordinates already turned by the page's /Rotate)."""

    number: int
    width: float
    height: float
    rotation: int = 0  # the view's turn: /Rotate plus ``text_turn``
    text_turn: int = 0  # extra turn applied because the page's text runs sideways (no /Rotate)
    words: list[Word] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    n_chars: int = 0
    image_coverage: float = 0.0

    @property
    def has_text_layer(self) -> bool:
        return self.n_chars >= 20

    @property
    def is_scanned(self) -> bool:
        """Image-only page: a third of it or more covered by images, and no text layer, or one holding only
        a running header, a page number or a caption (a scanned PK page, a chart, a picture cover)."""
        return self.image_coverage >= 0.3 and self.n_chars < _CAPTION_CHARS

    @property
    def is_landscape(self) -> bool:
        return self.width > self.height

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class Document:
    """An opened PDF: its pages plus what is needed to re-read a page with another engine."""

    path: Path | None
    data: bytes
    sha256: str
    pages: list[Page]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name if self.path else "<bytes>"

    @property
    def scanned_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.is_scanned]

    @property
    def text_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.has_text_layer]
