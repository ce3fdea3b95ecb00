"""Numbers: one parser for every printed figure (Indonesian, English and mixed formats)."""

from lakipcheck.numbers.interval import contains, interval
from lakipcheck.numbers.parse import parse_figure
from lakipcheck.numbers.style import infer_style, read_number
from lakipcheck.numbers.types import Figure, FigureKind, NumberStyle
from lakipcheck.numbers.words import numeral_with_words, words_to_int

__all__ = [
    "Figure",
    "FigureKind",
    "NumberStyle",
    "contains",
    "infer_style",
    "interval",
    "numeral_with_words",
    "parse_figure",
    "read_number",
    "words_to_int",
]
