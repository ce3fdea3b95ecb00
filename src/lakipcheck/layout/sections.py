"""Find a report's parts: front matter, BAB I-IV (with BAB III's sub-sections), Lampiran and its parts.

Evidence for a chapter start, strongest first:
  1. a "BAB III" heading line (alone, with its title on the same or the next line; roman or arabic number);
  2. a chapter title printed on its own as a heading ("AKUNTABILITAS KINERJA", bold or large);
  3. a running header/footer that names the chapter ("Bab II – Perencanaan Kinerja | 8", page labels "III-4");
  4. numbered sub-chapters ("3.1 ...", or a "1.1" that restarts the numbering) when no heading is printed.
The chapter starts are the chain of candidates with increasing chapter numbers and positions that has the
most evidence. TOC pages, dotted-leader entries and running headers/footers never count as headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lakipcheck.ingest import Document
from lakipcheck.layout.catalogue import (
    ALONE_TITLES,
    BAB3_PARTS,
    CHAPTER_KINDS,
    CHAPTER_TITLES,
    FRONT_TITLES,
    LAMPIRAN_TITLES,
    PART_TITLES,
    PK_AKHIR_WORDS,
    PK_AWAL_WORDS,
)
from lakipcheck.layout.pages import DocLayout, LineInfo, PageInfo, analyse
from lakipcheck.layout.text import (
    clean,
    number_token,
    roman_to_int,
    squash,
    title_prefix_score,
    title_score,
    upper_ratio,
)
from lakipcheck.layout.types import Section, SectionKind
from lakipcheck.provenance import BBox

_BAB = re.compile(r"^\s*B\s?A\s?B\s*[.:]?\s*([IVXL]{1,5}|\d{1,2})(?![A-Za-z0-9])\s*[.:\-–—|]?\s*(.*)$", re.I)
_SPACED = re.compile(r"^(?:\S\s){2,}\S$")
_LIST_MARK = re.compile(r"^\s*(?:[A-Ha-h]|[IVX]{1,4}|\d{1,2}(?:\s?\.\s?\d{1,2}){0,2})\s?[.)]\s*(?=\S)")
_ROMAN_MARK = re.compile(r"^\s*[IVX]{1,4}\s?[.)]?\s+(?=\S)")
_NUMBERED = re.compile(r"^\s*([1-9])\s?\.\s?([1-9]\d?)\s?\.?\s+([A-Za-z].*)$")
_LAMPIRAN_PREFIX = re.compile(r"^LAMPIRAN(?:[IVX]{1,4}|\d{1,2}|[A-H])?")
_PAGE_LABEL = re.compile(r"(?<![A-Za-z])([IVX]{1,4})\s?[-–.]\s?\d{1,3}\s*$")
_FURN_BAB = re.compile(r"\bBAB\s*[.:]?\s*([IVX]{1,4}|\d)\b", re.I)
_DEEP_NUMBER = re.compile(r"^\s*\d{1,2}\s?\.\s?\d{1,2}\s?\.\s?\d")
_TRAILING_NUMBER = re.compile(r"\d\s*$")

_TOP_RANK = 3  # a part title sits among the first lines of its page


@dataclass(slots=True)
class _Candidate:
    number: int  # chapter number 1..4
    page: int
    top: float
    score: float
    title: str
    bbox: BBox | None
    source: str
    at_top: bool
    raw_number: int = 0  # the number printed after BAB (0 when none)
    known_title: bool = True  # False: a BAB line whose title is not a LAKIP chapter title


def find_sections(doc: Document, layout: DocLayout | None = None) -> list[Section]:
    """The report's sections in reading order, each with its page range and heading bbox."""
    layout = layout or analyse(doc)
    chapters = _choose_chapters(_chapter_candidates(layout))
    found: list[tuple[Section, float, bool]] = []  # section, heading top, heading at top of page
    for cand in chapters:
        kind = CHAPTER_KINDS[cand.number]
        found.append((Section(kind, cand.title, cand.page, cand.page, cand.bbox, 1), cand.top, cand.at_top))
    first_chapter = min((c.page for c in chapters), default=layout.n_pages + 1)
    last_chapter = max((c.page for c in chapters), default=0)
    found.extend(_front_matter(layout, first_chapter, last_chapter))
    lampiran = _lampiran(layout, last_chapter)
    if lampiran:
        found.append(lampiran)
    # attachments start after the LAMPIRAN heading, after BAB IV, or anywhere in a chapter-less file
    if lampiran:
        parts_from = lampiran[0].page_start
    elif not chapters:
        parts_from = 1
    elif chapters[-1].number == 4:
        parts_from = last_chapter + 1
    else:
        parts_from = layout.n_pages + 1
    found.extend(_lampiran_parts(layout, parts_from, nested=bool(chapters or lampiran)))
    found.sort(key=lambda t: (t[0].page_start, t[1]))
    cover = _cover(doc, layout, found)
    if cover:
        found.insert(0, cover)
    sections = _assign_ranges(found, layout.n_pages)
    bab3 = next((s for s in sections if s.kind is SectionKind.BAB_III), None)
    if bab3 is not None:
        subs = _bab3_parts(layout, bab3)
        if subs:
            found = sorted(found + subs, key=lambda t: (t[0].page_start, t[1]))
            sections = _assign_ranges(found, layout.n_pages)
    return sections


# ---------------------------------------------------------------- chapters


def _chapter_for_title(
    text_sq: str, catalogue: dict[int, tuple[str, ...]] = CHAPTER_TITLES, prefix: bool = True
) -> tuple[int | None, float]:
    """Which chapter a squashed title names, and how well (0-100)."""
    best, best_score = None, 0.0
    for number, titles in catalogue.items():
        score = title_score(text_sq, titles)
        if prefix and len(text_sq) <= max(len(t) for t in titles) + 40:
            score = max(score, title_prefix_score(text_sq, titles) - 2)
        if score > best_score:
            best, best_score = number, score
    return best, best_score


def _parse_bab(text: str) -> tuple[int, str] | None:
    """'BAB III AKUNTABILITAS KINERJA' -> (3, 'AKUNTABILITAS KINERJA'); letter-spaced 'B A B I I I' too."""
    if _SPACED.match(text):
        sq = squash(text)
        if sq.startswith("BAB") and len(sq) > 3:
            number = roman_to_int(sq[3:]) if sq[3:].isalpha() else number_token(sq[3:])
            return (number, "") if number else None
        return None
    m = _BAB.match(text)
    if not m:
        return None
    number = number_token(m.group(1).upper())
    if number is None:
        return None
    return number, m.group(2).strip()


def _rest_is_title(rest: str) -> bool:
    if not rest:
        return True
    if _TRAILING_NUMBER.search(rest) and len(rest) > 3:
        return False  # "PENDAHULUAN 1": a TOC entry
    sq = squash(rest)
    if _chapter_for_title(sq)[1] >= 80 or title_prefix_score(sq, _all_chapter_titles()) >= 90:
        return True
    return upper_ratio(rest) >= 0.8 and len(rest.split()) <= 10


def _all_chapter_titles() -> tuple[str, ...]:
    return tuple(t for titles in CHAPTER_TITLES.values() for t in titles)


def _following_title(page: PageInfo, li: LineInfo) -> list[LineInfo]:
    """The title lines printed just below a bare 'BAB III' line."""
    out: list[LineInfo] = []
    height = max(li.line.bbox.height, 6.0)
    last_bottom = li.line.bbox.bottom
    for other in page.lines:
        if other.rank <= li.rank or other.rank > li.rank + 3:
            continue
        if other.top - last_bottom > 4 * height:
            break
        if other.toc or len(other.text) > 70:
            break
        sq = other.squashed
        if _chapter_for_title(sq)[1] >= 80 or (upper_ratio(other.text) >= 0.8 and other.prominent):
            out.append(other)
            last_bottom = other.line.bbox.bottom
            if _chapter_for_title(squash(" ".join(o.text for o in out)))[1] >= 90:
                break
        else:
            break
    return out


def _at_top(page: PageInfo, li: LineInfo) -> bool:
    return li.rank <= 2 or li.top < page.height * 0.3


def _page_break_before(layout: DocLayout, number: int) -> bool:
    """The previous page ends early, or this page's text starts low (a heading drawn as an image above it)."""
    page = layout.page(number)
    if page.lines and page.lines[0].top > page.height * 0.2:
        return True
    if number == 1:
        return True
    prev = layout.page(number - 1)
    return not prev.lines or prev.lines[-1].line.bbox.bottom < prev.height * 0.6


def _chapter_candidates(layout: DocLayout) -> list[_Candidate]:
    cands: list[_Candidate] = []
    for page in layout.pages:
        if page.toc:
            continue
        page_babs: list[_Candidate] = []
        for li in page.lines:
            if li.toc or len(li.text) > 90:
                continue
            parsed = _parse_bab(li.text)
            if parsed:
                cand = _bab_candidate(page, li, parsed)
                if cand:
                    page_babs.append(cand)
                continue
            cand = _title_candidate(page, li)
            if cand:
                cands.append(cand)
        # several chapter headings on one page: a list of chapters ("Sistematika"), keep only prominent ones
        if len({c.number for c in page_babs}) >= 2:
            page_babs = [c for c in page_babs if c.source == "bab-prominent"]
            if len({c.number for c in page_babs}) >= 3:
                page_babs = []
        cands.extend(page_babs)
    # a document with a BAB V or VI is not a four-chapter LAKIP: trust only chapters named by their title
    if max((c.raw_number for c in cands), default=0) > 4:
        cands = [c for c in cands if c.known_title]
    cands = [c for c in cands if c.number in CHAPTER_KINDS]
    cands.extend(_label_candidates(layout))
    cands.extend(_numbered_candidates(layout))
    return cands


def _bab_candidate(page: PageInfo, li: LineInfo, parsed: tuple[int, str]) -> _Candidate | None:
    number, rest = parsed
    if not _rest_is_title(rest):
        return None
    title_lines = [] if rest else _following_title(page, li)
    title_text = rest or " ".join(t.text for t in title_lines)
    prominent = li.prominent or li.centred or any(t.prominent for t in title_lines)
    if not (prominent or li.rank <= 1):
        return None
    by_title, score = _chapter_for_title(squash(title_text)) if title_text else (None, 0.0)
    known = by_title is not None and score >= 80
    chapter = by_title if known else number
    if chapter is None:
        return None
    bbox = BBox.enclosing([li.line.bbox] + [t.line.bbox for t in title_lines])
    full = clean(f"{li.text} {' '.join(t.text for t in title_lines)}")
    strength = 3.0 + (0.5 if prominent else 0.0) + (0.5 if title_text and score >= 80 else 0.0)
    source = "bab-prominent" if (li.prominent or any(t.prominent for t in title_lines)) else "bab"
    return _Candidate(
        chapter,
        page.number,
        li.top,
        strength,
        full,
        bbox,
        source,
        _at_top(page, li),
        number,
        known or not title_text,
    )


def _title_candidate(page: PageInfo, li: LineInfo) -> _Candidate | None:
    """A chapter title printed on its own as a heading (no 'BAB' word on the line)."""
    if len(li.text) > 60 or _NUMBERED.match(li.text):
        return None
    text = _ROMAN_MARK.sub("", li.text)
    chapter, score = _chapter_for_title(squash(text), ALONE_TITLES, prefix=False)
    if chapter is None or score < 90:
        return None
    strong = li.rel_size >= 1.2 or (li.bold and (li.centred or li.rank <= 1))
    if not (strong or (li.centred and li.rank <= 1 and li.prominent)):
        return None
    if upper_ratio(li.text) < 0.5 and li.rel_size < 1.3:
        return None
    strength = 1.5 + (0.5 if li.rel_size >= 1.4 or li.rank == 0 else 0.0)
    return _Candidate(
        chapter, page.number, li.top, strength, li.text, li.line.bbox, "title", _at_top(page, li)
    )


def _furniture_chapter(text: str, key: str) -> int | None:
    m = _PAGE_LABEL.search(text)
    if m:
        return roman_to_int(m.group(1))
    m = _FURN_BAB.search(text)
    if m:
        return number_token(m.group(1).upper())
    for number, titles in ALONE_TITLES.items():
        for title in titles:
            if title in key and len(key) <= len(title) + 14:
                return number
    return None


def _label_candidates(layout: DocLayout) -> list[_Candidate]:
    """Chapter starts read from running headers/footers that name the chapter or carry 'III-4' page labels."""
    labels: list[int | None] = []
    for page in layout.pages:
        label = None
        for text, key in zip(page.furniture, page.furniture_keys, strict=True):
            if len(layout.furniture_pages.get(key, ())) > 0.7 * layout.n_pages and not _PAGE_LABEL.search(
                text
            ):
                continue  # the same text on (nearly) every page says nothing about chapters
            label = _furniture_chapter(text, key)
            if label:
                break
        labels.append(label)
    out: list[_Candidate] = []
    counts = {n: labels.count(n) for n in set(labels) if n}
    if len([n for n, k in counts.items() if k >= 2]) < 2:
        return []  # one repeated title is the document's own title, not a chapter label
    for i, label in enumerate(labels):
        if label and label in CHAPTER_KINDS and counts[label] >= 2 and (i == 0 or labels[i - 1] != label):
            out.append(
                _Candidate(
                    label, i + 1, 0.0, 1.0, f"({CHAPTER_TITLES[label][0].title()})", None, "label", True
                )
            )
            if i > 0 and labels[i - 1] is None and _bare_page(layout, i):
                out[-1].page = i  # the chapter's first page often goes without the running header
    return out


def _bare_page(layout: DocLayout, number: int) -> bool:
    """A text page with no running header/footer of its own (only ones found on nearly every page)."""
    page = layout.page(number)
    if page.toc or not page.lines:
        return False
    return all(len(layout.furniture_pages.get(k, ())) > 0.7 * layout.n_pages for k in page.furniture_keys)


def _numbered_candidates(layout: DocLayout) -> list[_Candidate]:
    """Chapter starts implied by numbered sub-chapters '2.1 ...' (a restart at '1.1' opens the next one)."""
    seen: list[tuple[int, int, LineInfo]] = []
    for page in layout.pages:
        if page.toc:
            continue
        for li in page.lines:
            if li.toc or len(li.text) > 80 or not (li.bold or li.rel_size >= 1.05) or li.indent > 60:
                continue
            m = _NUMBERED.match(li.text)
            if not m or sum(ch.isdigit() for ch in m.group(3)) > 4:
                continue
            seen.append((int(m.group(1)), int(m.group(2)), li))
    out: list[_Candidate] = []
    current = 0
    raw_current = 0
    for major, minor, li in seen:
        if major == raw_current:
            continue
        page = layout.page(li.page)
        at_top = _at_top(page, li) or _page_break_before(layout, li.page)
        if major > current:
            chapter = major
        elif major < raw_current and minor == 1 and current >= 1 and at_top:
            # numbering restarted at the top of a page: the next chapter (a "1.1" lower down is a list item)
            chapter = current + 1
        else:
            continue
        if minor > 2:
            continue
        raw_current, current = major, chapter
        if chapter in CHAPTER_KINDS:
            out.append(
                _Candidate(
                    chapter,
                    li.page,
                    li.top,
                    0.8,
                    f"({CHAPTER_TITLES[chapter][0].title()})",
                    li.line.bbox,
                    "numbered",
                    at_top,
                )
            )
    if len({c.number for c in out}) < 2:
        return []
    return out


def _choose_chapters(cands: list[_Candidate]) -> list[_Candidate]:
    """The best chain of candidates with strictly increasing chapter numbers in reading order."""
    if not cands:
        return []
    cands = sorted(cands, key=lambda c: (c.page, c.top, -c.score))
    # agreeing evidence for the same chapter on the same page adds up
    merged: dict[tuple[int, int], _Candidate] = {}
    bonus: dict[tuple[int, int], float] = {}
    for c in cands:
        key = (c.number, c.page)
        if key not in merged or c.score > merged[key].score:
            if key in merged:
                bonus[key] = bonus.get(key, 0.0) + 0.3
            merged[key] = c
        else:
            bonus[key] = bonus.get(key, 0.0) + 0.3
    items = sorted(merged.values(), key=lambda c: (c.page, c.top))
    scores = [c.score + bonus.get((c.number, c.page), 0.0) for c in items]
    best = scores[:]
    prev: list[int | None] = [None] * len(items)
    for i, ci in enumerate(items):
        for j in range(i):
            cj = items[j]
            if (
                cj.number < ci.number
                and (cj.page, cj.top) < (ci.page, ci.top)
                and best[j] + scores[i] > best[i]
            ):
                best[i] = best[j] + scores[i]
                prev[i] = j
    i: int | None = max(range(len(items)), key=lambda k: best[k])
    chain: list[_Candidate] = []
    while i is not None:
        chain.append(items[i])
        i = prev[i]
    return chain[::-1]


# ---------------------------------------------------------------- front matter, lampiran


def _front_matter(
    layout: DocLayout, first_chapter: int, last_chapter: int
) -> list[tuple[Section, float, bool]]:
    """Kata Pengantar, Ikhtisar/Ringkasan Eksekutif, Daftar Isi: before the first chapter, or bound after the
    last one (files put together in another order); never inside the chapters."""
    out: list[tuple[Section, float, bool]] = []
    seen: set[SectionKind] = set()
    for page in layout.pages:
        if first_chapter < page.number <= last_chapter:
            continue
        for li in page.first_lines(_TOP_RANK):
            if li.toc or len(li.text) > 40:
                continue
            sq = squash(_LIST_MARK.sub("", li.text))
            for kind, titles in FRONT_TITLES.items():
                if kind in seen or (page.toc and kind is not SectionKind.DAFTAR_ISI):
                    continue
                if title_score(sq, titles) >= 90 and (li.prominent or li.centred or li.rank == 0):
                    seen.add(kind)
                    out.append(
                        (Section(kind, li.text, page.number, page.number, li.line.bbox, 1), li.top, True)
                    )
                    break
    return out


def _lampiran(layout: DocLayout, last_chapter: int) -> tuple[Section, float, bool] | None:
    for page in layout.pages:
        if page.number <= last_chapter or page.toc:
            continue
        for li in page.first_lines(_TOP_RANK):
            if li.toc or len(li.squashed) > 30:
                continue
            if any(li.squashed.startswith(t) for t in LAMPIRAN_TITLES) and (li.prominent or li.rank == 0):
                return (
                    Section(SectionKind.LAMPIRAN, li.text, page.number, page.number, li.line.bbox, 1),
                    li.top,
                    True,
                )
    return None


def _part_kind(sq: str) -> SectionKind | None:
    sq = _LAMPIRAN_PREFIX.sub("", sq)
    for kind, titles in PART_TITLES:
        if any(sq.startswith(t) for t in titles) or title_prefix_score(sq, titles) >= 92:
            if kind is SectionKind.PK:
                if any(w in sq for w in PK_AKHIR_WORDS):
                    return SectionKind.PK_AKHIR
                if any(w in sq for w in PK_AWAL_WORDS):
                    return SectionKind.PK_AWAL
            return kind
    return None


def _lampiran_parts(layout: DocLayout, parts_from: int, nested: bool) -> list[tuple[Section, float, bool]]:
    """PK, Rencana Aksi, Pengukuran Kinerja and Pernyataan Telah Direviu pages (titles at a page's top)."""
    out: list[tuple[Section, float, bool]] = []
    previous: SectionKind | None = None
    previous_page = 0
    for page in layout.pages:
        if page.toc:
            continue
        for li in page.first_lines(_TOP_RANK + 1):
            if li.toc or len(li.text) > 120 or _NUMBERED.match(li.text):
                continue
            if not (li.prominent or li.centred or upper_ratio(li.text) >= 0.8):
                continue
            sq = squash(_LIST_MARK.sub("", li.text))
            kind = _part_kind(sq)
            if kind is None or len(sq) > 70:
                continue
            if kind is not SectionKind.PERNYATAAN_REVIU and page.number < parts_from:
                continue
            if kind == previous and page.number <= previous_page + 1:
                previous_page = page.number
                break  # the same part going on over the next page
            level = 2 if nested and page.number >= parts_from else 1
            out.append((Section(kind, li.text, page.number, page.number, li.line.bbox, level), li.top, True))
            previous, previous_page = kind, page.number
            break
    return out


def _cover(doc: Document, layout: DocLayout, found: list[tuple[Section, float, bool]]) -> tuple | None:
    if not found or any(s.page_start == 1 for s, _, _ in found) or layout.n_pages < 4:
        return None
    first = doc.pages[0]
    page = layout.page(1)
    if len(page.lines) <= 30 or first.image_coverage >= 0.5:
        title = " ".join(li.text for li in page.lines[:3]) if page.lines else ""
        return Section(SectionKind.COVER, clean(title)[:120], 1, 1, None, 1), 0.0, True
    return None


def _bab3_parts(layout: DocLayout, bab3: Section) -> list[tuple[Section, float, bool]]:
    out: list[tuple[Section, float, bool]] = []
    seen: set[SectionKind] = set()
    for number in range(bab3.page_start, bab3.page_end + 1):
        page = layout.page(number)
        if page.toc:
            continue
        for li in page.lines:
            if li.toc or len(li.text) > 80 or not (li.bold or li.rel_size >= 1.1):
                continue
            if number == bab3.page_start and bab3.bbox is not None and li.top <= bab3.bbox.bottom:
                continue
            if _DEEP_NUMBER.match(li.text):
                continue
            sq = squash(_LIST_MARK.sub("", li.text))
            for kind, titles in BAB3_PARTS:
                if kind in seen:
                    continue
                if title_prefix_score(sq, titles) >= 90 and len(sq) <= max(len(t) for t in titles) + 25:
                    seen.add(kind)
                    out.append(
                        (Section(kind, li.text, number, number, li.line.bbox, 2), li.top, _at_top(page, li))
                    )
                    break
    return out


# ---------------------------------------------------------------- page ranges


def _assign_ranges(found: list[tuple[Section, float, bool]], n_pages: int) -> list[Section]:
    """page_end = the page before the next section of the same or higher level (or that page itself when the
    next heading sits lower down the page, so the page is shared); the last section runs to the last page."""
    sections = [t[0] for t in found]
    at_top = [t[2] for t in found]
    for i, sec in enumerate(sections):
        end = n_pages
        for j in range(i + 1, len(sections)):
            nxt = sections[j]
            if nxt.level <= sec.level:
                end = nxt.page_start - 1 if at_top[j] else nxt.page_start
                break
        sec.page_end = max(sec.page_start, end)
        if sec.level > 1:
            parent = next((p for p in reversed(sections[:i]) if p.level < sec.level), None)
            if parent is not None:
                sec.page_end = min(sec.page_end, max(parent.page_end, sec.page_start))
    return sections
