"""Numbers: one parser for every printed figure (Indonesian, English and mixed formats)."""

from lakipcheck.numbers.types import Figure, FigureKind, NumberStyle

__all__ = ["Figure", "FigureKind", "NumberStyle"]
