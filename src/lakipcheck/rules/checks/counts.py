"""What the prose says about how many sasaran and indicators the report has and how many were (not) achieved,
against what its tables hold; and numbers whose words in parentheses say another number ("5 (empat)").

The tables are counted one by one (capaian, Perjanjian Kinerja, pengukuran, rencana aksi): a claim that
matches any of them is right. A claim is reported only when the tables agree with one another and none of
them gives the number the prose states.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from lakipcheck.model.claims import Claim, ClaimKind
from lakipcheck.model.types import Indicator, Report, Role, StatedValue
from lakipcheck.numbers import words_to_int
from lakipcheck.numbers.vocab import GRADES
from lakipcheck.provenance import Provenance
from lakipcheck.rules.checks.common import section_name
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import Table, TableKind

_COUNTED = {
    TableKind.CAPAIAN: (Role.TARGET, Role.REALISASI, Role.CAPAIAN),
    TableKind.PK_INDICATORS: (Role.PK_TARGET, Role.PK_AWAL_TARGET, Role.PK_AKHIR_TARGET),
    TableKind.PENGUKURAN: (Role.PENGUKURAN_TARGET, Role.PENGUKURAN_REALISASI, Role.PENGUKURAN_CAPAIAN),
    TableKind.RENCANA_AKSI: (Role.RENAKSI_TARGET, Role.RENAKSI_TW),
}
_NAMES = {
    TableKind.CAPAIAN: ("tabel capaian kinerja", "performance table"),
    TableKind.PK_INDICATORS: ("tabel Perjanjian Kinerja", "Perjanjian Kinerja table"),
    TableKind.PENGUKURAN: ("tabel pengukuran kinerja", "performance measurement table"),
    TableKind.RENCANA_AKSI: ("tabel rencana aksi", "action plan table"),
}
_W = r"(?:\s*\(\s*([A-Za-z][A-Za-z\s-]*?)\s*\))?"  # "(lima)" after a number
_SAS = r"sasaran(?:\s+(?:strategis|strategik|stratejik|kegiatan|program|kinerja|utama))*"
_IND = r"indikator"
# "2 (dua) sasaran dengan 5 (lima) indikator", "8 sasaran strategis yang diukur melalui 14 indikator"
_PAIR = re.compile(
    rf"\b(\d{{1,3}}){_W}\s+{_SAS}(?:\s+\w+)?\s*,?\s+(?:dengan|dan|serta|yang\s+diukur\s+(?:melalui|dengan)|"
    rf"diukur\s+(?:melalui|dengan))\s+(\d{{1,3}}){_W}\s+{_IND}",
    re.IGNORECASE,
)
# "4 indikator kinerja pada 3 sasaran"
_PAIR_REV = re.compile(
    rf"\b(\d{{1,3}}){_W}\s+{_IND}(?:\s+\w+){{0,2}}\s+(?:pada|dari|untuk|dalam)\s+(\d{{1,3}}){_W}\s+{_SAS}",
    re.IGNORECASE,
)
# "sebanyak 3 (tiga) indikator telah mencapai atau melampaui target"
_ACHIEVED = re.compile(
    rf"\b(\d{{1,3}}){_W}\s+{_IND}(?:\s+kinerja)?(?:\s+\w+)?\s+(?:yang\s+)?(?:telah\s+|sudah\s+)?"
    r"(?:berhasil\s+)?(?:mencapai|melampaui|memenuhi)(?:\s+atau\s+melampaui)?\s+target",
    re.IGNORECASE,
)
# Words that limit a count to part of the report (one misi, one sasaran, the Renstra period, one program).
_PART = re.compile(
    r"\bmisi\b|\btujuan\b|\bsasaran\s+(?:ke|pertama|kedua|ketiga|keempat|kelima|\d)|renstra|rencana\s+strategis|"
    r"rpjmd|jangka\s+menengah|\bprogram\b|\bbidang\b|\bkegiatan\s+(?:ke|pertama|kedua)|\biku\b|\bikp\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"(?<=[.;:])\s+(?=[A-Z•▪-])")
_SASARAN_PREFIX = re.compile(
    r"^\W*(?:\[?\s*(?:sk|ss|sp|sasaran(?:\s+(?:strategis|kegiatan|program))?)\s*[\d.]*\s*\]?\s*[:.)\-]?\s*)?",
    re.IGNORECASE,
)
_PCT100 = Decimal(100)


@dataclass(slots=True)
class _Source:
    """One table's count of indicators (and sasaran, when it has a sasaran column)."""

    table_id: str
    kind: TableKind
    page: int
    table: Table | None = None
    indicators: dict[str, Indicator] = field(default_factory=dict)
    sasaran: list[str] | None = None
    row_names: list[str] | None = None  # distinct indicator names of the rows, however they were linked

    def name(self, lang: str = "id") -> str:
        pair = _NAMES.get(self.kind, ("tabel", "table"))
        return f"{pair[0]} hlm. {self.page}" if lang == "id" else f"{pair[1]} p. {self.page}"


def _norm_sasaran(text: str) -> str:
    t = _SASARAN_PREFIX.sub("", " ".join(text.split()))
    return re.sub(r"[^\w ]", "", t.lower()).strip()


def _sasaran_col(table: Table) -> int | None:
    for i, name in enumerate(table.columns):
        n = name.lower()
        if re.search(r"\bsasaran\b", n) and "indikator" not in n:
            return i
    return None


def _distinct(names: list[str]) -> list[str]:
    """Sasaran names, each once: a name printed in several rows (or wrapped differently) counts once."""
    out: list[str] = []
    for n in names:
        if n and not any(n == o or fuzz.ratio(n, o) >= 90 for o in out):
            out.append(n)
    return out


def _sources(report: Report) -> list[_Source]:
    by_table: dict[str, _Source] = {}
    tables = {t.id: t for t in report.tables}
    for ind in report.indicators:
        for v in ind.values:
            tid = v.provenance.table_id
            if tid is None or v.table_kind not in _COUNTED or v.role not in _COUNTED[v.table_kind]:
                continue
            src = by_table.setdefault(tid, _Source(tid, v.table_kind, v.provenance.page, tables.get(tid)))
            src.indicators[ind.key] = ind
    for src in by_table.values():
        src.sasaran = _sasaran_names(src)
        src.row_names = _row_names(src)
    return [s for s in by_table.values() if s.indicators]


def _rows(src: _Source) -> list[int]:
    return sorted(
        {
            v.provenance.row
            for ind in src.indicators.values()
            for v in ind.values
            if v.provenance.table_id == src.table_id and v.provenance.row is not None
        }
    )


def _row_names(src: _Source) -> list[str] | None:
    """Distinct indicator names of the table's value rows (a check on the linking, which may join two
    similar names into one indicator)."""
    table = src.table
    if table is None:
        return None
    col = next(
        (i for i, n in enumerate(table.columns) if re.search(r"indikator|\biku\b|\bikk\b", n, re.IGNORECASE)),
        None,
    )
    if col is None:
        return None
    names = [
        re.sub(r"[^\w ]", "", " ".join(table.rows[r][col].text.split()).lower())
        for r in _rows(src)
        if r < len(table.rows) and col < len(table.rows[r])
    ]
    return list(dict.fromkeys(n for n in names if n)) if names and all(names) else None


def _sasaran_names(src: _Source) -> list[str] | None:
    """Distinct sasaran of the table's indicator rows, read from its sasaran column; None when it has none or
    a row's sasaran cell is empty."""
    table = src.table
    col = _sasaran_col(table) if table is not None else None
    if table is None or col is None:
        return None
    names = [
        _norm_sasaran(table.rows[r][col].text)
        for r in _rows(src)
        if r < len(table.rows) and col < len(table.rows[r])
    ]
    return _distinct(names) if names and all(names) else None


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause of a (possibly run-on) sentence around [start, end)."""
    lo = 0
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            return sentence[lo : m.start()]
    return sentence[lo:]


def _claim_for(report: Report, sentence: str, kind: ClaimKind, number: str) -> Claim | None:
    for c in report.claims:
        if c.sentence == sentence and c.kind == kind and c.figure.raw.strip() == number:
            return c
    return None


def _sentences(report: Report) -> list[Claim]:
    """One claim per distinct sentence (the sentence and its place)."""
    seen: set[tuple] = set()
    out = []
    for c in report.claims:
        k = (c.provenance.page, c.sentence)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _quote(sentence: str, start: int, end: int, width: int = 100) -> str:
    lo, hi = max(0, start - width), min(len(sentence), end + width)
    return ("…" if lo else "") + sentence[lo:hi].strip() + ("…" if hi < len(sentence) else "")


def _table_loc(src: _Source, what: str) -> Location:
    t = src.table
    prov = Provenance(
        page=src.page, bbox=t.bbox if t else None, raw=(t.caption or "") if t else "", table_id=src.table_id
    )
    return Location(prov, what)


def _count_hit(
    report: Report,
    c: Claim,
    m: re.Match,
    group: int,
    what: tuple[str, str],
    stated: int,
    counts: list[tuple[_Source, int]],
) -> Hit:
    kind = ClaimKind.COUNT_SASARAN if what[0] == "sasaran" else ClaimKind.COUNT_INDIKATOR
    claim = _claim_for(report, c.sentence, kind, m.group(group)) or c
    expected = counts[0][1]
    return Hit(
        facts={
            "what": what[0],
            "what_en": what[1],
            "section": section_name(claim),
            "section_en": section_name(claim, "en"),
            "page": claim.provenance.page,
            "quote": _quote(c.sentence, m.start(), m.end()),
            "tables": ", ".join(s.name() for s, _ in counts),
            "tables_en": ", ".join(s.name("en") for s, _ in counts),
        },
        locations=[
            Location(claim.provenance, f"{section_name(claim)}: kalimat"),
            *[_table_loc(s, f"{s.name()}: {n} {what[0]}") for s, n in counts],
        ],
        expected=str(expected),
        found=str(stated),
        evidence={
            "counted": {s.table_id: n for s, n in counts},
            "convention": "distinct indicators with values in each table; distinct sasaran names",
        },
        key=("count", what[0], claim.provenance.page, m.group(0)),
    )


def _pair_checks(report: Report, sources: list[_Source]) -> Iterator[Hit]:
    ind_counts = [(s, len(s.indicators)) for s in sources]
    ind_counts += [(s, len(s.row_names)) for s in sources if s.row_names is not None]
    sas_counts = [(s, len(s.sasaran)) for s in sources if s.sasaran is not None]
    for c in _sentences(report):
        text = c.sentence
        for pattern, order in ((_PAIR, "sas_first"), (_PAIR_REV, "ind_first")):
            for m in pattern.finditer(text):
                if _PART.search(_clause(text, m.start(), m.end())):
                    continue
                if order == "sas_first":
                    sas, ind, sas_g, ind_g = int(m.group(1)), int(m.group(3)), 1, 3
                else:
                    ind, sas, ind_g, sas_g = int(m.group(1)), int(m.group(3)), 1, 3
                for stated, counts, g, what in (
                    (ind, ind_counts, ind_g, ("indikator", "indicators")),
                    (sas, sas_counts, sas_g, ("sasaran", "objectives")),
                ):
                    values = {n for _, n in counts}
                    if (
                        len({s.table_id for s, _ in counts}) >= 2
                        and len(values) == 1
                        and stated not in values
                    ):
                        shown = list({s.table_id: (s, n) for s, n in counts}.values())
                        yield _count_hit(report, c, m, g, what, stated, shown)


# "Dinas ... memiliki 6 sasaran strategis", "PK terdiri atas 4 sasaran": the report's own count
_HAS_COUNT = re.compile(
    rf"\b(?:memiliki|mempunyai|terdiri\s+(?:dari|atas)|menetapkan|ditetapkan)\s+(?:sebanyak\s+)?"
    rf"(\d{{1,3}}){_W}\s+{_SAS}\b(?!\s+(?:yang\s+)?(?:belum|tidak|telah|sudah|berhasil)\b)",
    re.IGNORECASE,
)


def _single_checks(report: Report, sources: list[_Source]) -> Iterator[Hit]:
    """A sentence giving only the number of sasaran the agency has ("memiliki 6 sasaran strategis"), not a
    pair with the indicators: reported when no table has that many sasaran. An error when the tables agree
    with one another; a warning when they differ among themselves (the stated number is still none of
    them)."""
    counts = [(s, len(s.sasaran)) for s in sources if s.sasaran is not None]
    if len({s.table_id for s, _ in counts}) < 2:
        return
    values = sorted({n for _, n in counts})
    for c in _sentences(report):
        text = c.sentence
        if _PAIR.search(text) or _PAIR_REV.search(text):
            continue  # the pair check judges it
        for m in _HAS_COUNT.finditer(text):
            stated = int(m.group(1))
            if stated in values or _PART.search(_clause(text, m.start(), m.end())):
                continue
            hit = _count_hit(report, c, m, 1, ("sasaran", "objectives"), stated, counts)
            if len(values) > 1:
                hit.expected = " / ".join(map(str, values))
                hit.severity = Severity.WARNING
            yield hit


def _below_target(ind: Indicator, table_id: str) -> bool | None:
    """Whether the indicator fell short in this table: its % capaian is below 100; without a %, its predicate
    is below the target's (a number without a % is not judged: which way is better may not be stated)."""
    vals: dict[Role, StatedValue] = {}
    for v in ind.values:
        if v.provenance.table_id == table_id:
            vals.setdefault(v.role, v)
    cap = vals.get(Role.CAPAIAN) or vals.get(Role.PENGUKURAN_CAPAIAN)
    if cap is not None and cap.figure.value is not None and cap.figure.qualifier is None:
        return cap.figure.value < _PCT100
    t = vals.get(Role.TARGET) or vals.get(Role.PENGUKURAN_TARGET)
    r = vals.get(Role.REALISASI) or vals.get(Role.PENGUKURAN_REALISASI)
    tp = t.figure.predicate if t is not None else None
    rp = r.figure.predicate if r is not None else None
    if tp in GRADES and rp in GRADES:
        return GRADES.index(rp) > GRADES.index(tp)
    return None


def _achievement(sources: list[_Source]) -> list[tuple[_Source, int, int]]:
    """(table, indicators below target, indicators judged) for the capaian / pengukuran tables that judge
    every one of their indicators."""
    out = []
    for s in sources:
        if s.kind not in (TableKind.CAPAIAN, TableKind.PENGUKURAN):
            continue
        judged = [_below_target(ind, s.table_id) for ind in s.indicators.values()]
        if judged and all(j is not None for j in judged):
            out.append((s, sum(1 for j in judged if j), len(judged)))
    return out


def _whole(clause: str, stated_at: int, totals: set[int]) -> bool:
    """The count speaks of the whole report: its clause names the report's number of indicators ("dari 5
    indikator ... hanya 1 IKK ...") and no other number of indicators; a count with no such reference may be
    about one sasaran or misi and is not judged."""
    refs = [
        int(m.group(1))
        for m in re.finditer(r"(\d{1,3})" + _W + r"\s+(?:ikk|iku|ikp|indikator)", clause, re.IGNORECASE)
        if m.start(1) != stated_at
    ]
    return bool(refs) and all(r in totals for r in refs) and not _PART.search(clause)


def _achieved_checks(report: Report, sources: list[_Source]) -> Iterator[Hit]:
    judged = _achievement(sources)
    if not judged:
        return
    totals = {n for _, _, n in judged}
    cases: list[tuple[Claim, int, int, bool]] = []  # claim sentence, start, end, "not achieved"
    for c in report.claims:
        if c.kind == ClaimKind.COUNT_NOT_ACHIEVED and c.figure.value is not None:
            i = c.sentence.find(c.figure.raw.strip())
            cases.append((c, max(i, 0), max(i, 0) + len(c.figure.raw.strip()), True))
    for c in _sentences(report):
        for m in _ACHIEVED.finditer(c.sentence):
            before = c.sentence[max(0, m.start() - 12) : m.start()].lower()
            if "belum" in m.group(0).lower() or "tidak" in m.group(0).lower() or "belum" in before:
                continue
            cases.append((c, m.start(1), m.end(1), False))
    seen: set[tuple] = set()
    for c, start, end, not_achieved in cases:
        stated = int(c.sentence[start:end]) if c.sentence[start:end].isdigit() else None
        if stated is None:
            continue
        clause = _clause(c.sentence, start, end)
        offset = c.sentence.find(clause)
        if not _whole(clause, start - offset, totals):
            continue
        expected = [(s, below if not_achieved else n - below) for s, below, n in judged]
        if len({e for _, e in expected}) != 1 or stated == expected[0][1]:
            continue
        k = (c.provenance.page, c.sentence, start)
        if k in seen:
            continue
        seen.add(k)
        what = (
            ("indikator yang belum mencapai target", "indicators not achieved")
            if not_achieved
            else (
                "indikator yang mencapai target",
                "indicators achieved",
            )
        )
        claim = (
            c
            if c.kind == ClaimKind.COUNT_NOT_ACHIEVED
            else (_claim_for(report, c.sentence, ClaimKind.COUNT_INDIKATOR, str(stated)) or c)
        )
        yield Hit(
            facts={
                "what": what[0],
                "what_en": what[1],
                "section": section_name(claim),
                "section_en": section_name(claim, "en"),
                "page": claim.provenance.page,
                "quote": _quote(c.sentence, start, end),
                "tables": ", ".join(s.name() for s, _ in expected),
                "tables_en": ", ".join(s.name("en") for s, _ in expected),
            },
            locations=[
                Location(claim.provenance, f"{section_name(claim)}: kalimat"),
                *[_table_loc(s, f"{s.name()}: {n} {what[0]}") for s, n in expected],
            ],
            expected=str(expected[0][1]),
            found=str(stated),
            evidence={
                "counted": {s.table_id: n for s, n in expected},
                "convention": "not achieved: % capaian below 100 (lower-is-better indicators included, as "
                "the report's own %), or a predicate below the target's; achieved: the others",
            },
            key=("achieved", c.provenance.page, c.sentence[start:end], not_achieved),
        )


def _split_off(table: Table, tables: list[Table]) -> bool:
    """Whether the table's body may go on in a headerless table below it on its page: producers that fill
    each cell separately get their shaded header read as a table of its own and the rows as another."""
    for other in tables:
        if other is table or other.page != table.page or other.kind != TableKind.OTHER:
            continue
        below = other.bbox is not None and table.bbox is not None and other.bbox.top >= table.bbox.top
        if below and not any(c.strip() for c in other.columns) and len(other.columns) == len(table.columns):
            return True
    return False


@primitive("count_claims")
def count_claims(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """How many sasaran and indicators the prose says the report has ("2 sasaran dengan 5 indikator", "4
    indikator kinerja pada 3 sasaran"), and how many indicators it says did (not) reach their target ("hanya 1
    IKK yang belum tercapai", "3 indikator mencapai target"), against the tables: distinct indicators with
    values in each capaian / Perjanjian Kinerja / pengukuran / rencana aksi table, distinct sasaran names, and
    indicators whose % capaian is below 100 (or whose predicate is below the target's). A count limited to a
    part of the report (a misi, one sasaran, the Renstra) is not checked. Reported only when the tables agree
    with one another and none gives the stated number, and never when a counted table's body may have been
    read as a separate headerless table below it (the count would be a fragment's)."""
    sources = _sources(report)
    if not sources or any(s.table is not None and _split_off(s.table, report.tables) for s in sources):
        return  # a counted table may not have been read in full: its count proves nothing
    yield from _pair_checks(report, sources)
    yield from _single_checks(report, sources)
    yield from _achieved_checks(report, sources)


# ---------------------------------------------------------------------------------------------- number words

_NUM_THEN_WORDS = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+)\s*\(\s*([A-Za-z][A-Za-z\s-]*?)\s*\)")
_WORDS_THEN_NUM = re.compile(r"((?:[A-Za-z-]+\s+){0,6}[A-Za-z-]+)\s*\(\s*(\d{1,3}(?:\.\d{3})*|\d+)\s*\)")


def _spelled_suffix(words: str) -> int | None:
    """The number the last words before "(9)" spell: the longest run of number words ending there."""
    toks = words.split()
    for k in range(len(toks)):
        value = words_to_int(" ".join(toks[k:]))
        if value is not None:
            return value
    return None


def number_word_pairs(sentence: str) -> Iterator[tuple[int, int, int, int]]:
    """(digits value, words value, start, end) for "5 (lima)" and "lima (5)" in a sentence."""
    for m in _NUM_THEN_WORDS.finditer(sentence):
        spelled = words_to_int(m.group(2))
        if spelled is not None:
            yield int(m.group(1).replace(".", "")), spelled, m.start(), m.end()
    for m in _WORDS_THEN_NUM.finditer(sentence):
        spelled = _spelled_suffix(m.group(1))
        if spelled is not None:
            yield int(m.group(2).replace(".", "")), spelled, m.start(), m.end()


@primitive("number_words")
def number_words(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A number written with its words in parentheses ("5 (lima)", "tujuh (7)") must say the same number both
    ways. Reads every sentence the extractor kept (the sentences with claims)."""
    seen: set[tuple] = set()
    for c in _sentences(report):
        for digits, spelled, start, end in number_word_pairs(c.sentence):
            if digits == spelled:
                continue
            text = c.sentence[start:end]
            k = (c.provenance.page, text)
            if k in seen:
                continue
            seen.add(k)
            claim = next(
                (
                    x
                    for x in report.claims
                    if x.sentence == c.sentence and x.figure.raw.strip() == str(digits) and x.words == spelled
                ),
                c,
            )
            yield Hit(
                facts={
                    "text": " ".join(text.split()),
                    "digits": digits,
                    "spelled": spelled,
                    "section": section_name(claim),
                    "section_en": section_name(claim, "en"),
                    "page": claim.provenance.page,
                    "quote": _quote(c.sentence, start, end, 80),
                },
                locations=[Location(claim.provenance, f"{section_name(claim)}: kalimat")],
                expected=None,
                found=" ".join(text.split()),
                evidence={"digits": digits, "words": spelled},
                key=("words", c.provenance.page, text),
            )
