"""A printed figure, parsed: value as Decimal, with the precision it was printed with."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class FigureKind(StrEnum):
    NUMBER = "number"  # a plain count or score: "2.568", "93,34", "1991 orang"
    PERCENT = "percent"  # printed with % or read from a % column: "101,75 %"
    RUPIAH = "rupiah"  # "Rp54.166.493.000", "Rp 1,2 M", "13,040,047,000" in an anggaran column
    RANGE = "range"  # "75,70–76,20", "2-3" (a comparison such as "> 100" is a NUMBER with a qualifier)
    PREDICATE = "predicate"  # "BB", "70 (BB)"
    MISSING = "missing"  # "-", "NA", "n/a", "", "belum ada"
    TEXT = "text"  # anything else


class NumberStyle(StrEnum):
    """How separators were read. ID: '.' groups thousands, ',' is decimal. EN: the reverse."""

    ID = "id"
    EN = "en"
    PLAIN = "plain"  # no separator at all ("2568")
    AMBIGUOUS = "ambiguous"  # e.g. "1.500" with no context: could be 1500 (id) or 1.5 (en)


@dataclass(frozen=True, slots=True)
class Figure:
    """One printed value.

    ``value`` is the number as printed (a percentage keeps its percent value: "101,75%" -> 101.75), already
    multiplied by any scale word ("1,2 M" -> 1200000000). ``decimals`` is the number of decimal digits
    actually printed, before scaling (so "1,2 M" has decimals=1 and ``scale`` 10**9): checks build intervals
    from it. For a range, ``value`` is None and ``low``/``high`` hold the ends. For a predicate, ``predicate``
    holds the grade ("BB"); "70 (BB)" has both value 70 and predicate "BB".
    """

    raw: str
    kind: FigureKind
    value: Decimal | None = None
    decimals: int | None = None
    scale: int = 1
    low: Decimal | None = None
    high: Decimal | None = None
    predicate: str | None = None
    unit: str | None = None
    style: NumberStyle | None = None
    qualifier: str | None = None  # ">", "<", ">=", "<=", "±" printed before the number

    @property
    def is_numeric(self) -> bool:
        return self.value is not None

    @property
    def is_missing(self) -> bool:
        return self.kind == FigureKind.MISSING

    def half_unit(self) -> Decimal | None:
        """Half of one unit in the last printed digit, in the value's own scale (for rounding intervals)."""
        if self.decimals is None:
            return None
        return Decimal(5) * Decimal(10) ** (-(self.decimals + 1)) * self.scale

    def to_dict(self) -> dict:
        out: dict = {"raw": self.raw, "kind": str(self.kind)}
        if self.value is not None:
            out["value"] = str(self.value)
        if self.decimals is not None:
            out["decimals"] = self.decimals
        if self.scale != 1:
            out["scale"] = self.scale
        if self.low is not None:
            out["low"] = str(self.low)
        if self.high is not None:
            out["high"] = str(self.high)
        for key in ("predicate", "unit", "qualifier"):
            v = getattr(self, key)
            if v:
                out[key] = v
        if self.style is not None:
            out["style"] = str(self.style)
        return out
