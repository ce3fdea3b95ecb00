"""Which indicators a sentence names: by code ("IKK 1.2", "(IKK) 1.2") or by its name, fuzzily (rapidfuzz).

A name counts when its best alignment in the sentence scores at least ``NAME_THRESHOLD`` (partial ratio on
normalised text). Two indicators whose alignments overlap are told apart by score (``MARGIN``); when they
cannot be, neither is taken. Names shorter than three words are matched only by code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from lakipcheck.model.link import normalise
from lakipcheck.model.types import Indicator

NAME_THRESHOLD = 90.0
MARGIN = 5.0
_CODE = re.compile(
    r"\b(IKK|IKU|IKP|IKSS|IKSK|IKSP|IKD)\s*\)?\s*[-.:]?\s*(\d+(?:\.\d+)*)(?![\d.]*\d)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Mention:
    indicator: Indicator
    score: float
    how: str  # "code" | "name"
    start: int  # character offsets in the text
    end: int


def code_number(code: str | None) -> str | None:
    """ "1.2" from "IKK 1.2"."""
    if not code:
        return None
    m = re.search(r"(\d+(?:\.\d+)*)\s*$", code)
    return m.group(1) if m else None


class Mentions:
    """Indicator names and codes of one report, and the lookup of the ones a text names."""

    def __init__(self, indicators: list[Indicator], extra_codes: dict[str, Indicator] | None = None) -> None:
        self.indicators = indicators
        self.names = [normalise(i.name) for i in indicators]
        self.usable = [len(n.split()) >= 3 and len(n) >= 15 for n in self.names]
        self.codes: dict[str, Indicator] = {}
        for ind in indicators:
            if ind.code:
                self.codes[ind.code.upper()] = ind
        for code, ind in (extra_codes or {}).items():
            self.codes.setdefault(code.upper(), ind)

    def by_code(self, prefix: str, number: str) -> Indicator | None:
        ind = self.codes.get(f"{prefix.upper()} {number}")
        if ind is not None:
            return ind
        same = {i.key: i for c, i in self.codes.items() if code_number(c) == number}
        return next(iter(same.values())) if len(same) == 1 else None

    def find(self, text: str) -> list[Mention]:
        """Indicators the text names, best first."""
        out: list[Mention] = []
        for m in _CODE.finditer(text):
            ind = self.by_code(m.group(1), m.group(2))
            if ind is not None:
                out.append(Mention(ind, 100.0, "code", m.start(), m.end()))
        norm, where = norm_map(text)
        if not norm:
            return out
        cands = process.extract(
            norm,
            {k: n for k, n in enumerate(self.names) if self.usable[k] and len(n) <= len(norm) + 5},
            scorer=fuzz.partial_ratio,
            score_cutoff=NAME_THRESHOLD - MARGIN,
            limit=None,
        )
        found: list[Mention] = []
        for _, _, k in cands:
            al = fuzz.partial_ratio_alignment(self.names[k], norm)
            if al is not None:
                start = where[min(al.dest_start, len(where) - 1)]
                end = where[max(min(al.dest_end, len(where)) - 1, 0)] + 1
                found.append(Mention(self.indicators[k], al.score, "name", start, end))
        for m in sorted(found, key=lambda x: -x.score):
            if m.score < NAME_THRESHOLD:
                continue
            rivals = [o for o in found if o is not m and _overlap(o, m) > 0.5]
            if any(o.score > m.score - MARGIN for o in rivals):
                continue  # two similar names over the same words: cannot tell which
            out.append(m)
        seen: set[str] = set()
        uniq = []
        for m in sorted(out, key=lambda x: (-x.score, x.how != "code")):
            if m.indicator.key not in seen:
                seen.add(m.indicator.key)
                uniq.append(m)
        return uniq

    def score(self, ind: Indicator, text: str) -> float:
        """How well ``text`` names ``ind`` (100 for its code)."""
        for m in _CODE.finditer(text):
            if self.by_code(m.group(1), m.group(2)) is ind:
                return 100.0
        k = self.indicators.index(ind)
        norm = normalise(text)
        return float(fuzz.partial_ratio(self.names[k], norm)) if self.usable[k] and norm else 0.0


def norm_map(text: str) -> tuple[str, list[int]]:
    """The text as :func:`normalise` writes it (lower case, words joined by one space), and for each of its
    characters the offset of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for m in re.finditer(r"[\w%]+", text.lower()):
        if out:
            out.append(" ")
            where.append(m.start() - 1)
        out.append(m.group(0))
        where.extend(range(m.start(), m.end()))
    return "".join(out), where


def _overlap(a: Mention, b: Mention) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(inter, 0) / max(min(a.end - a.start, b.end - b.start), 1)
