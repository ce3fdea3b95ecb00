"""Text helpers for headings: squashing letter-spaced titles, roman numerals, dotted leaders, matching."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

_NON_ALNUM = re.compile(r"[^0-9A-Z]+")
_SPACES = re.compile(r"\s+")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

# A table-of-contents entry: a run of leader dots (or ellipses, underscores) and/or a trailing page number
# ("12", "iv", "III-23").
LEADER = re.compile(r"(\.\s?){4,}|…{2,}|_{4,}|-{5,}")
TRAILING_PAGE_NO = re.compile(r"(?:\s|\.|…)(?:[ivxlc]{1,6}|[IVX]{1,5}\s?[-–]\s?\d{1,3}|\d{1,3}(?:\s\d)?)\s*$")


def clean(text: str) -> str:
    """Collapse whitespace."""
    return _SPACES.sub(" ", text).strip()


def squash(text: str) -> str:
    """Upper-case letters and digits only: 'P E N U T U P' and 'Penutup.' both become 'PENUTUP'."""
    return _NON_ALNUM.sub("", text.upper())


def roman_to_int(token: str) -> int | None:
    """'III' -> 3, 'iv' -> 4; None for anything that is not a plausible roman numeral (1-39)."""
    token = token.upper()
    if not token or any(ch not in _ROMAN for ch in token) or len(token) > 6:
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN[ch]
        if i + 1 < len(token) and _ROMAN[token[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if 0 < total < 40 else None


def number_token(token: str) -> int | None:
    """A chapter number written in roman or arabic digits."""
    if token.isdigit():
        value = int(token)
        return value if 0 < value < 40 else None
    return roman_to_int(token)


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line: dotted leaders, or a trailing page number after leaders."""
    return bool(LEADER.search(text))


def title_score(line_sq: str, titles: tuple[str, ...]) -> float:
    """Best similarity (0-100) of a squashed line to any squashed title (containment counts when close)."""
    best = 0.0
    for title in titles:
        if not line_sq:
            break
        if line_sq == title:
            return 100.0
        if title in line_sq and len(line_sq) <= len(title) + 12:
            best = max(best, 95.0)
            continue
        best = max(best, fuzz.ratio(line_sq, title))
    return best


def title_prefix_score(line_sq: str, titles: tuple[str, ...]) -> float:
    """Similarity of the start of a line to a title (the line may go on with a year or a name)."""
    best = 0.0
    for title in titles:
        head = line_sq[: len(title)]
        if head == title:
            return 100.0
        best = max(best, fuzz.ratio(head, title))
    return best


def upper_ratio(text: str) -> float:
    """Share of letters that are upper-case."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch.isupper() for ch in letters) / len(letters)
