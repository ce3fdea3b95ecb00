"""Where a value came from: page, table, row, column, bounding box and the raw printed text.

Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's convention):
``x0``/``x1`` grow to the right, ``top``/``bottom`` grow downwards.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BBox:
    """An axis-aligned box in page coordinates (points, top-left origin)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def contains_point(self, x: float, y: float, tol: float = 0.0) -> bool:
        return self.x0 - tol <= x <= self.x1 + tol and self.top - tol <= y <= self.bottom + tol

    def overlaps(self, other: BBox) -> bool:
        return not (
            other.x0 >= self.x1 or other.x1 <= self.x0 or other.top >= self.bottom or other.bottom <= self.top
        )

    def rounded(self, ndigits: int = 1) -> tuple[float, float, float, float]:
        return (
            round(self.x0, ndigits),
            round(self.top, ndigits),
            round(self.x1, ndigits),
            round(self.bottom, ndigits),
        )

    @staticmethod
    def enclosing(boxes: list[BBox]) -> BBox | None:
        if not boxes:
            return None
        out = boxes[0]
        for b in boxes[1:]:
            out = out.union(b)
        return out


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one extracted value sits in the PDF.

    ``page`` is 1-based. ``table_id``/``row``/``col`` are set for values read from a table (row and col are
    0-based indices into the table's body rows and columns); ``sentence`` for values read from prose.
    """

    page: int
    bbox: BBox | None = None
    raw: str = ""
    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    column_name: str | None = None
    sentence: str | None = None

    def to_dict(self) -> dict:
        out: dict = {"page": self.page, "raw": self.raw}
        if self.bbox is not None:
            out["bbox"] = list(self.bbox.rounded())
        for key in ("table_id", "row", "col", "column_name", "sentence"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out
