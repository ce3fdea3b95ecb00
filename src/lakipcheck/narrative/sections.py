"""The per-indicator sections of the report ("Indikator Kinerja Kegiatan 1.1 ...", "IKK 2 Persentase ..."),
found from the headings in the text.

A section opens at a heading that gives an indicator's code ("Indikator Kinerja Kegiatan 1.1", "Indikator
Kegiatan 1.2", "IKU 3") or is the indicator's name; it closes at the next such heading, at a heading of a
higher level (a sasaran, a lettered part "B. Realisasi Anggaran", a BAB, the Lampiran) or after the last page
of the part of the report it opened in (the layout sections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from lakipcheck.layout.types import Section
from lakipcheck.model.link import normalise
from lakipcheck.model.types import Indicator
from lakipcheck.narrative.blocks import Block
from lakipcheck.narrative.mentions import code_number

_OPEN = re.compile(
    r"^\s*(?:[A-Za-z0-9]{1,3}[.)]\s*)?"
    r"(?:(indikator)(?:\s+kinerja)?(?:\s+(?:kegiatan|utama|program|sasaran(?:\s+\w+)?|individu))?"
    r"|(ikk|iku|ikp|ikss|iksk|iksp|ikd))"
    r"\s*[-:.]?\s*(?:\(\s*(ikk|iku|ikp|ikss)\s*\)\s*)?[-:.]?\s*(\d+(?:\.\d+)*)\b[.:)]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_CLOSE = re.compile(
    r"^\s*(?:sasaran\b|tujuan\b|bab\s+[ivx\d]+\b|lampiran\b|[A-H]\.\s+\w|[IVX]{1,4}\.\s+\w|"
    r"(?:akuntabilitas|realisasi)\s+(?:keuangan|anggaran)\b|capaian\s+kinerja\s+(?:organisasi|keuangan)\b)",
    re.IGNORECASE,
)
_ENUM = re.compile(r"^\s*(?:[A-Za-z0-9]{1,3}[.)]|[-•▪])\s*")
NAME_HEADING = 90.0


@dataclass(slots=True)
class IndicatorSection:
    indicator: Indicator
    code: str | None  # the code as the heading gives it ("IKK 1.1"), if any
    start: int  # index of the opening heading block
    end: int  # index of the first block after the section
    heading: str

    @property
    def blocks(self) -> range:
        return range(self.start, self.end)


def _last_page(sections: list[Section], page: int) -> int | None:
    """The last page of the innermost part of the report that holds ``page``."""
    inner = [s for s in sections if s.page_start <= page <= s.page_end]
    return min(inner, key=lambda s: (-s.level, s.page_end - s.page_start)).page_end if inner else None


def _by_name(text: str, indicators: list[Indicator]) -> Indicator | None:
    norm = normalise(_ENUM.sub("", text))
    if len(norm.split()) < 2:
        return None
    scored = sorted(((fuzz.ratio(normalise(i.name), norm), i) for i in indicators), key=lambda x: -x[0])
    if not scored or scored[0][0] < NAME_HEADING:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 4:
        return None
    return scored[0][1]


def _by_code(prefix: str | None, number: str, rest: str, indicators: list[Indicator]) -> Indicator | None:
    same = [i for i in indicators if code_number(i.code) == number]
    if prefix:
        exact = [i for i in same if (i.code or "").upper().startswith(prefix.upper())]
        same = exact or same
    if len(same) == 1:
        return same[0]
    named = _by_name(rest, indicators) if rest.strip() else None
    if named is not None and (not same or named in same):
        return named
    return None


_NOT_INDICATOR = re.compile(r"^\s*(?:sasaran|tujuan|misi|visi|program|kegiatan)\b", re.IGNORECASE)


def _opening(text: str, indicators: list[Indicator]) -> tuple[Indicator, str | None] | None:
    if _NOT_INDICATOR.match(_ENUM.sub("", text)):
        return None  # "D. Sasaran ke-4: Meningkatkan ...": a sasaran's part, not an indicator's
    m = _OPEN.match(text)
    if m:
        prefix = m.group(2) or m.group(3) or ("IKK" if "kegiatan" in m.group(0).lower() else None)
        number, rest = m.group(4), m.group(5)
        ind = _by_code(prefix, number, rest, indicators)
        if ind is None and rest.strip():
            ind = _by_name(rest, indicators)
        if ind is not None:
            code = f"{(prefix or 'IK').upper()} {number}"
            return ind, code
        return None
    ind = _by_name(text, indicators)
    return (ind, None) if ind is not None else None


def find_sections(
    blocks: list[Block], indicators: list[Indicator], layout: list[Section]
) -> list[IndicatorSection]:
    """The indicator sections, in order; blocks outside every section belong to none."""
    out: list[IndicatorSection] = []
    cur: IndicatorSection | None = None
    limit: int | None = None
    for k, block in enumerate(blocks):
        if cur is not None and limit is not None and block.page > limit:
            cur.end = k
            cur = None
        if not block.heading:
            continue
        opened = None
        if len(block.text) <= 400:
            lines = block.lines_text()
            for n in range(len(lines)):
                opened = _opening(" ".join(lines[n:]), indicators)
                if opened is not None or n >= 2:
                    break
        if opened is not None:
            if cur is not None:
                cur.end = k
            cur = IndicatorSection(opened[0], opened[1], k, len(blocks), " ".join(block.text.split()))
            limit = _last_page(layout, block.page)
            out.append(cur)
        elif cur is not None and _CLOSE.match(block.text):
            cur.end = k
            cur = None
    return out
