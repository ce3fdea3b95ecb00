"""Narrative checks: what the prose says against what the tables say, and against itself.

The claims come from the narrative layer (:mod:`lakipcheck.narrative`): each figure of a sentence with its
role (target, realisasi, % capaian, change, Renstra end target ...), its year and the indicator it is about.
A finding is made only where the sentence plainly speaks of the figure: a restated figure is compared with
the tables only when the sentence is tied to the indicator (it names it, or another of its figures is the
indicator's table value), and a figure that is some other value of the indicator in any table is never called
wrong (the role may have been misread).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from lakipcheck.model.claims import Claim, ClaimKind
from lakipcheck.model.types import Indicator, Polarity, Report, Role, StatedValue
from lakipcheck.narrative.words import words_value
from lakipcheck.numbers import Figure, FigureKind, contains, parse_figure
from lakipcheck.provenance import Provenance
from lakipcheck.rules.arith import Span, input_span, printed_span, ratio_span, readings
from lakipcheck.rules.checks.common import label, section_name, show, table_name
from lakipcheck.rules.checks.counts import number_word_pairs
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import Table, TableKind

# Table roles a prose figure of each kind may restate.
ROLES: dict[ClaimKind, tuple[Role, ...]] = {
    ClaimKind.TARGET: (
        Role.TARGET,
        Role.PK_TARGET,
        Role.PK_AKHIR_TARGET,
        Role.PK_AWAL_TARGET,
        Role.PENGUKURAN_TARGET,
        Role.RENAKSI_TARGET,
        Role.RENSTRA_TARGET,
    ),
    ClaimKind.REALISASI: (Role.REALISASI, Role.PENGUKURAN_REALISASI),
    ClaimKind.CAPAIAN: (Role.CAPAIAN, Role.PENGUKURAN_CAPAIAN),
    ClaimKind.PREV_REALISASI: (Role.PREV_REALISASI,),
    ClaimKind.RENSTRA_END_TARGET: (Role.RENSTRA_END_TARGET, Role.RENSTRA_TARGET),
    ClaimKind.RENSTRA_END_CAPAIAN: (Role.RENSTRA_END_CAPAIAN,),
    ClaimKind.PAGU: (Role.BUDGET_PAGU,),
    ClaimKind.REALISASI_ANGGARAN: (Role.BUDGET_REALISASI,),
    ClaimKind.DAYA_SERAP: (Role.BUDGET_PERCENT,),
}
WHAT = {
    ClaimKind.TARGET: ("target", "target"),
    ClaimKind.REALISASI: ("realisasi", "realisasi"),
    ClaimKind.CAPAIAN: ("% capaian", "% achievement"),
    ClaimKind.PREV_REALISASI: ("realisasi tahun sebelumnya", "previous year's realisasi"),
    ClaimKind.RENSTRA_END_TARGET: ("target akhir Renstra", "Renstra end target"),
    ClaimKind.RENSTRA_END_CAPAIAN: ("% capaian terhadap target akhir Renstra", "% of the Renstra end target"),
    ClaimKind.PAGU: ("pagu anggaran", "budget ceiling"),
    ClaimKind.REALISASI_ANGGARAN: ("realisasi anggaran", "budget realisation"),
    ClaimKind.DAYA_SERAP: ("% daya serap", "% absorption"),
    ClaimKind.CHANGE: ("perubahan", "change"),
    ClaimKind.CHANGE_PERCENT: ("% perubahan", "% change"),
}
_COMPARED = tuple(ROLES)
_TABLE_ORDER = {
    TableKind.CAPAIAN: 0,
    TableKind.PENGUKURAN: 1,
    TableKind.PK_INDICATORS: 2,
    TableKind.RENSTRA_END: 3,
    TableKind.YOY: 4,
    TableKind.RENSTRA: 5,
    TableKind.BUDGET_REALISATION: 6,
}


# ---------------------------------------------------------------------------------------------- helpers


def quote(c: Claim, width: int = 230) -> str:
    """The sentence, cut around the claim's figure when it is long."""
    s = c.sentence
    if len(s) <= width:
        return s
    i = max(s.find(c.figure.raw), 0)
    lo = max(0, min(i - width // 2, len(s) - width))
    hi = min(len(s), lo + width)
    return ("…" if lo else "") + s[lo:hi].strip() + ("…" if hi < len(s) else "")


def _readings(f: Figure) -> list[tuple[Decimal, int]]:
    """(value, printed decimals) of each reading of a print ("1.500" may be 1500 or 1,5)."""
    d = f.decimals or 0
    # the other reading of "1.500" (3 decimals <-> a thousands group) has 0 or 3 decimals
    return [(v, d if v == f.value else (0 if d == 3 else 3)) for v in readings(f)]


def _shortened(long: Decimal, decimals: int) -> set[Decimal]:
    q = Decimal(1).scaleb(-decimals)
    return {long.quantize(q, rounding=ROUND_HALF_UP), long.quantize(q, rounding=ROUND_DOWN)}


def same(a: Figure, b: Figure) -> bool:
    """Two prints of the same value: equal grades, or equal numbers, or the one with fewer decimals is the
    other rounded or truncated ("101,75" restates "101,754"; "101,76" does not restate "101,75"). A
    thousands-group or decimal reading of an ambiguous print ("1.500") counts."""
    if a.predicate or b.predicate:
        if a.predicate and b.predicate and a.value is None and b.value is None:
            return a.predicate == b.predicate
        if a.predicate and b.predicate and a.predicate != b.predicate:
            return False
    if a.value is None or b.value is None:
        return False
    for av, ad in _readings(a):
        for bv, bd in _readings(b):
            if av == bv:
                return True
            if ad < bd and av in _shortened(bv, ad):
                return True
            if bd < ad and bv in _shortened(av, bd):
                return True
    return False


def equal(a: Figure, b: Figure) -> bool:
    """The same number or grade, exactly ("84" = "84,00", "84" != "84,3"): for telling whether a figure is
    another value of the indicator, where a rounding relation would be a coincidence."""
    if a.value is None or b.value is None:
        return a.value is None and b.value is None and a.predicate is not None and a.predicate == b.predicate
    return any(av == bv for av, _ in _readings(a) for bv, _ in _readings(b))


def comparable(f: Figure) -> bool:
    return (f.value is not None and f.qualifier is None and f.kind != FigureKind.RANGE) or (
        f.kind == FigureKind.PREDICATE and f.predicate is not None
    )


def _claim_loc(c: Claim, what: str) -> Location:
    return Location(c.provenance, f"{section_name(c)}: kalimat ({what})")


def _value_loc(v: StatedValue) -> Location:
    where = f"{table_name(v.table_kind)}, {v.provenance.column_name or v.role.value}"
    return Location(v.provenance, where)


def _by_sentence(report: Report) -> dict[Any, list[Claim]]:
    out: dict[Any, list[Claim]] = defaultdict(list)
    for c in report.claims:
        if "sent" in c.extra:
            out[c.extra["sent"]].append(c)
    return out


def _by_block(report: Report) -> dict[Any, list[Claim]]:
    out: dict[Any, list[Claim]] = defaultdict(list)
    for c in report.claims:
        if "block" in c.extra:
            out[c.extra["block"]].append(c)
    return out


def _indicators(report: Report) -> dict[str, Indicator]:
    return {i.key: i for i in report.indicators}


def references(
    ind: Indicator, kind: ClaimKind, year: int | None, report_year: int | None
) -> list[StatedValue]:
    """The table values a prose figure of ``kind`` (for ``year``) restates, best source first."""
    roles = ROLES.get(kind, ())
    out = []
    end_year = max((v.year for v in ind.values if v.role == Role.RENSTRA_TARGET and v.year), default=None)
    for v in ind.values:
        if v.role not in roles or not comparable(v.figure):
            continue
        if kind == ClaimKind.PREV_REALISASI and year and v.year and v.year != year:
            continue
        if kind == ClaimKind.PREV_REALISASI and (year is None or (v.year is None and report_year is None)):
            continue
        if (
            kind == ClaimKind.TARGET
            and v.role == Role.RENSTRA_TARGET
            and (v.year is None or v.year != report_year)
        ):
            continue
        annual = kind in (ClaimKind.TARGET, ClaimKind.REALISASI, ClaimKind.CAPAIAN)
        if annual and v.year and report_year and v.year != report_year:
            continue
        if (
            kind == ClaimKind.RENSTRA_END_TARGET
            and v.role == Role.RENSTRA_TARGET
            and (v.year is None or v.year != end_year or (year is not None and year != end_year))
        ):
            continue
        out.append(v)
    return sorted(out, key=lambda v: _TABLE_ORDER.get(v.table_kind or TableKind.OTHER, 9))


def _misread(c: Claim, inds: list[Indicator], sentence: list[Claim]) -> bool:
    """The prose figure is some other value of the indicator, one the sentence does not already give in its
    own role: its role may have been misread. ("target 3 dan tercapai 3" where the table says target 3,
    realisasi 4: the target 3 is given as the target, so the realisasi 3 is not a misread target.)"""
    for ind in inds:
        for v in ind.values:
            if not comparable(v.figure) or not equal(c.figure, v.figure):
                continue
            if c.year and v.year and v.year != c.year:
                continue  # "pada tahun 2020 ... tercapai 3" is not the 2019 realisasi or the 2024 end target
            kinds = [k for k, roles in ROLES.items() if v.role in roles and k != c.kind]
            if v.role == Role.RENAKSI_TW:
                kinds.append(ClaimKind.TARGET)  # a quarter's target (the fourth is the year's)
            if not any(o is not c and o.kind in kinds and equal(o.figure, v.figure) for o in sentence):
                return True
    return False


def _any_value(ind: Indicator, fig: Figure) -> bool:
    return any(comparable(v.figure) and same(fig, v.figure) for v in ind.values)


# ---------------------------------------------------------------------------------------------- LK401


_SKIP = ("part", "future", "heading", "unlinked")


_ANNUAL = (ClaimKind.TARGET, ClaimKind.REALISASI, ClaimKind.CAPAIAN)


def _usable(c: Claim, report_year: int | None = None) -> bool:
    if c.kind not in _COMPARED or c.indicator is None or not comparable(c.figure):
        return False
    if any(c.extra.get(k) for k in _SKIP):
        return False
    if c.kind in _ANNUAL and c.year and report_year and c.year != report_year:
        return False  # "dibandingkan dengan tahun 2015 pencapaian ... sebesar 103,30%": another year's figure
    if c.extra.get("cumulative") and c.kind not in (
        ClaimKind.RENSTRA_END_CAPAIAN,
        ClaimKind.RENSTRA_END_TARGET,
    ):
        return False
    if c.kind in (ClaimKind.PAGU, ClaimKind.REALISASI_ANGGARAN, ClaimKind.DAYA_SERAP):
        return c.link in ("code", "name")
    return True


def _anchored(
    c: Claim, ind: Indicator, sentence: list[Claim], report_year: int | None, by_name: bool = True
) -> bool:
    """The sentence is about ``ind``: it names it (when ``by_name``), or another of its figures is the
    indicator's table value for its own role."""
    if by_name and c.link in ("code", "name") and c.indicator == ind.key:
        return True
    for o in sentence:
        if o is c or o.kind not in _COMPARED or not comparable(o.figure) or o.extra.get("part"):
            continue
        if o.extra.get("unlinked"):
            continue
        refs = references(ind, o.kind, o.year, report_year)
        if refs and any(same(o.figure, v.figure) for v in refs) and not _trivial(o.figure):
            return True
    return False


def _trivial(f: Figure) -> bool:
    return f.value is not None and f.value in (Decimal(0), Decimal(100))


def _table_above(report: Report, c: Claim, ind: Indicator) -> Table | None:
    """The table the sentence refers to as "tabel di atas": the nearest table above it holding the
    indicator's values (same page, or the end of the page before)."""
    keys = {v.provenance.table_id for v in ind.values}
    box = c.provenance.bbox
    best: Table | None = None
    for t in report.tables:
        if t.id not in keys:
            continue
        last = t.pages[-1] if t.pages else t.page
        if last == c.provenance.page and box is not None and t.bbox.bottom <= box.top + 2:
            if best is None or best.page != c.provenance.page or t.bbox.bottom > best.bbox.bottom:
                best = t
        elif last == c.provenance.page - 1 and best is None:
            best = t
    return best


class _Mismatch:
    """A prose figure that is not the table value it restates."""

    def __init__(self, claim: Claim, ind: Indicator, ref: StatedValue, others: list[StatedValue], why: str):
        self.claim = claim
        self.ind = ind
        self.ref = ref
        self.others = others  # other table values of the same role (agreeing with ref or with the prose)
        self.why = why
        self.prose_matches_other = any(same(claim.figure, v.figure) for v in others)


def restatement_mismatches(report: Report) -> list[_Mismatch]:
    """Every prose figure that differs from the table value it restates (computed once per report)."""
    out: list[_Mismatch] = []
    inds = _indicators(report)
    sentences = _by_sentence(report)
    ry = report.info.year
    shared = _shared_cells(report)
    loose = _loose_figures(report)
    for c in report.claims:
        if not _usable(c, ry):
            continue
        ind = inds.get(c.indicator or "")
        if ind is None:
            continue
        section_ind = inds.get(c.extra.get("section_indicator") or "")
        cands = [ind] + ([section_ind] if section_ind is not None and section_ind is not ind else [])
        refs = [v for v in references(ind, c.kind, c.year, ry) if _cell_key(v) not in shared]
        if not refs:
            continue
        sent = sentences.get(c.extra.get("sent"), [c])
        if _doubtful(c, ind, refs, sent, loose):
            continue
        if c.extra.get("table_ref") == "above":
            # "Berdasarkan tabel di atas, ...": compared with that table first
            hit = _against_table_above(report, c, ind, refs)
            if hit is not None:
                out.append(hit)
                continue
        if any(same(c.figure, v.figure) for i in cands for v in references(i, c.kind, c.year, ry)):
            continue
        if c.kind == ClaimKind.RENSTRA_END_TARGET and any(
            _cumulative_end(c, i, references(i, c.kind, c.year, ry)) for i in cands
        ):
            continue
        if not _anchored(c, ind, sent, ry):
            continue
        if _misread(c, cands, sent):
            continue  # another value of the indicator: the role may be misread
        if len({_key(v.figure) for v in refs}) > 1:
            continue  # the tables disagree among themselves: the table rules report that
        out.append(_Mismatch(c, ind, refs[0], refs[1:], "restates"))
    return out


def _cell_key(v: StatedValue) -> tuple:
    return (v.provenance.table_id, v.provenance.row, v.provenance.col)


def _shared_cells(report: Report) -> set[tuple]:
    """Body cells merged over several rows (the same cell repeated down a column): a value of the group of
    rows, e.g. the capaian of a sasaran printed once beside its indicators, not of one indicator."""
    out: set[tuple] = set()
    for t in report.tables:
        for r in range(1, len(t.rows)):
            for k, cell in enumerate(t.rows[r]):
                if k >= len(t.rows[r - 1]) or not cell.spanned or not cell.text.strip():
                    continue
                above = t.rows[r - 1][k]
                if above.text == cell.text and above.bbox == cell.bbox:
                    out.update({(t.id, r - 1, k), (t.id, r, k)})
    return out


def _loose_figures(report: Report) -> dict[str, list[Figure]]:
    """Per table, the numbers printed in rows no indicator or budget line was read from (sub-rows such as
    "a. Konsumsi Energi" under an indicator, notes, group rows)."""
    linked: set[tuple] = set()
    for ind in report.indicators:
        linked.update((v.provenance.table_id, v.provenance.row) for v in ind.values)
    for b in report.budget_lines:
        linked.add((b.table_id, b.row))
    out: dict[str, list[Figure]] = defaultdict(list)
    for t in report.tables:
        for r, row in enumerate(t.rows):
            if (t.id, r) in linked:
                continue
            for cell in row:
                for part in re.split(r"[()\s]+", cell.text):
                    if part and part[0].isdigit():
                        f = parse_figure(part)
                        if f.value is not None:
                            out[t.id].append(f)
    return out


_PCT_NAME = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*[.)]?\s*)?(?:persentase|prosentase|presentase|prosentasi|persentasi|proporsi)\b",
    re.I,
)


def _is_pct(f: Figure) -> bool:
    return f.kind == FigureKind.PERCENT


def _unit_clash(c: Claim, ind: Indicator, refs: list[StatedValue]) -> bool:
    """The prose figure and the table value are counted in different units: a count of things ("159 WR",
    "10 dokumen") against a percent column, or a percent against a count with its own unit."""
    unit = (c.figure.unit or "").strip().lower()
    ref_pct = _PCT_NAME.match(ind.name) is not None or any(
        _is_pct(v.figure)
        or "%" in (v.provenance.column_name or "")
        or (ind.unit or "").strip() in ("%", "persen")
        for v in refs
    )
    if unit and unit not in ("%", "persen") and not _is_pct(c.figure) and ref_pct:
        return True
    ref_units = {(v.figure.unit or ind.unit or "").strip().lower() for v in refs} - {"", "%", "persen"}
    return _is_pct(c.figure) and bool(ref_units) and not ref_pct


def _doubtful(
    c: Claim, ind: Indicator, refs: list[StatedValue], sent: list[Claim], loose: dict[str, list[Figure]]
) -> bool:
    """Reasons to believe the prose figure is not a restatement of ``refs`` at all."""
    mine = [o for o in sent if o.indicator == c.indicator and o.kind == c.kind and comparable(o.figure)]
    if len({_key(o.figure) for o in mine}) > 1:
        return True  # "target 100% ... target 2050 kkal ... target 56 gram": the sentence speaks of parts
    others = [o for o in sent if o is not c and o.kind in _COMPARED and comparable(o.figure)]
    if any(equal(o.figure, v.figure) for o in others for v in refs):
        return True  # the table's value is in the sentence under another role: the roles are crossed
    if _unit_clash(c, ind, refs):
        return True
    if (c.figure.value is None) != all(v.figure.value is None for v in refs):
        return True  # a grade against a score ("predikat A (83,75)"): LK105 reads grades against scores
    if c.kind == ClaimKind.CAPAIAN:
        own = [o for o in sent if o.indicator == c.indicator]
        if any(o.kind == ClaimKind.REALISASI for o in own) and any(o.kind == ClaimKind.TARGET for o in own):
            return True  # the sentence gives its own target and realisasi: LK402 checks its % against them
        if _fits_table_ratio(c, ind):
            return True  # the % follows from the table's target and realisasi: the table's % is the odd one
    tables = {v.provenance.table_id for v in ind.values}
    return any(same(c.figure, f) for t in tables for f in loose.get(t or "", []))


def _cumulative_end(c: Claim, ind: Indicator, refs: list[StatedValue]) -> bool:
    """The end target in prose is the sum of the Renstra table's yearly targets: a count whose period target
    is cumulative (1.926 + 2.568 + 5.136 = 9.630 orang), not the last year's target the table prints."""
    if c.figure.value is None or any(v.role != Role.RENSTRA_TARGET for v in refs):
        return False
    for table in {v.provenance.table_id for v in refs}:
        yearly = {
            v.year: v.figure.value
            for v in ind.values
            if v.role == Role.RENSTRA_TARGET and v.provenance.table_id == table and v.year and _num(v.figure)
        }
        if len(yearly) > 1 and sum(yearly.values()) == c.figure.value:
            return True
    return False


def _fits_table_ratio(c: Claim, ind: Indicator) -> bool:
    reals = [v.figure for v in ind.values if v.role in ROLES[ClaimKind.REALISASI] and _num(v.figure)]
    targets = [v.figure for v in ind.values if v.role in ROLES[ClaimKind.TARGET] and _num(v.figure)]
    for r in reals:
        for t in targets:
            spans = _capaian_spans(r, t, ind.polarity)
            if spans and _fits(c.figure, [sp for _, sp in spans]):
                return True
    return False


def _key(f: Figure) -> Any:
    return f.predicate if f.value is None else f.value.normalize()


def _against_table_above(
    report: Report, c: Claim, ind: Indicator, refs: list[StatedValue]
) -> _Mismatch | None:
    table = _table_above(report, c, ind)
    if table is None:
        return None
    own = [v for v in refs if v.provenance.table_id == table.id]
    if not own or any(same(c.figure, v.figure) for v in own):
        return None
    in_table = [v for v in ind.values if v.provenance.table_id == table.id and comparable(v.figure)]
    if any(same(c.figure, v.figure) for v in in_table):
        return None  # the table holds the figure under another column: a column swap (LK102)
    others = [v for v in refs if v.provenance.table_id != table.id]
    if not _anchored(c, ind, [c], report.info.year) and not any(same(c.figure, v.figure) for v in others):
        return None
    return _Mismatch(c, ind, own[0], others, "table_above")


@primitive("narrative_restated")
def narrative_restated(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A figure the prose restates (target, realisasi, % capaian, previous-year realisasi, Renstra end target
    and %, an indicator's pagu / realisasi anggaran) must be the value the tables print for that indicator.
    Compared only when the sentence is tied to the indicator (it names it, or another of its figures is the
    indicator's table value) and plainly restates it: not when the figure is another value of the indicator
    the sentence does not give in its own role, a figure of a part (an angkatan, a triwulan), of another year,
    cumulative, planned or a bound, nor in the cases :func:`_doubtful` lists. A paragraph that refers to
    "tabel di atas" is compared with that table; when it agrees with another table instead, the finding is a
    warning (the tables disagree; the table rules say which)."""
    for m in restatement_mismatches(report):
        c, ref = m.claim, m.ref
        what = WHAT.get(c.kind, (c.kind.value, c.kind.value))
        agree = [v for v in m.others if same(v.figure, ref.figure)]
        differ = [v for v in m.others if same(v.figure, c.figure)]
        year = f" {c.year}" if c.year and c.kind == ClaimKind.PREV_REALISASI else ""
        also_id = "".join(
            f"; {table_name(v.table_kind)} hlm. {v.provenance.page} juga {v.figure.raw}" for v in agree
        )
        also_en = "".join(
            f"; the {table_name(v.table_kind, 'en')} p. {v.provenance.page} also {v.figure.raw}"
            for v in agree
        )
        if differ:
            also_id += "".join(
                f"; {table_name(v.table_kind)} hlm. {v.provenance.page} mencetak {v.figure.raw} "
                "seperti kalimat"
                for v in differ
            )
            also_en += "".join(
                f"; the {table_name(v.table_kind, 'en')} p. {v.provenance.page} prints {v.figure.raw} "
                "like the "
                "sentence"
                for v in differ
            )
        yield Hit(
            facts={
                "indicator": label(m.ind),
                "what": what[0] + year,
                "what_en": what[1] + year,
                "section": section_name(c),
                "section_en": section_name(c, "en"),
                "page": c.provenance.page,
                "quote": quote(c),
                "table": table_name(ref.table_kind),
                "table_en": table_name(ref.table_kind, "en"),
                "table_page": ref.provenance.page,
                "also": also_id,
                "also_en": also_en,
            },
            locations=[
                _claim_loc(c, what[0]),
                _value_loc(ref),
                *[_value_loc(v) for v in agree + differ],
            ],
            expected=ref.figure.raw.strip(),
            found=c.figure.raw.strip(),
            evidence={
                "sentence": c.sentence,
                "role": c.kind.value,
                "year": c.year,
                "linked_by": c.link,
                "reference": "the table the paragraph calls 'tabel di atas'"
                if m.why == "table_above"
                else "the indicator's tables",
                "convention": "equal within the printed precision of either print",
            },
            key=("restated", c.provenance.page, c.sentence, c.figure.raw),
            severity=Severity.WARNING if differ else None,
        )


# ---------------------------------------------------------------------------------------------- LK402


def _spans(f: Figure) -> list[Span]:
    """The interval a figure of the prose stands for (prose keeps one number style, so the parser's reading
    is the reading)."""
    assert f.value is not None
    return [input_span(f)]


def _fits(printed: Figure, computed: list[Span]) -> bool:
    """Some computed value could print as ``printed`` (rounded or truncated); an exact computed value is
    tested against the open end of the truncation interval too ("9" never truncates to "8")."""
    p = printed_span(printed)
    for s in computed:
        if s.lo == s.hi:
            if contains(printed, s.lo, mode="either"):
                return True
        elif s.overlaps(p):
            return True
    return False


def _capaian_spans(r: Figure, t: Figure, polarity: Polarity) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    for rs in _spans(r):
        for ts in _spans(t):
            s = ratio_span(rs, ts)
            if s and polarity != Polarity.NEGATIVE:
                out.append(("R/T×100", s))
            if polarity != Polarity.POSITIVE:
                s2 = ratio_span(Span(2 * ts.lo - rs.hi, 2 * ts.hi - rs.lo), ts)
                s3 = ratio_span(ts, rs)
                out += [(n, x) for n, x in (("(2T−R)/T×100", s2), ("T/R×100", s3)) if x]
    return out


def _num(f: Figure | None) -> bool:
    return f is not None and f.value is not None and f.qualifier is None and f.kind != FigureKind.RANGE


def _totals(report: Report) -> list[Figure]:
    out = []
    for line in report.budget_lines:
        if line.is_total:
            out += [v.figure for v in line.values if v.role in (Role.BUDGET_PAGU, Role.BUDGET_REALISASI)]
    return out


def _restates_table(c: Claim, ind: Indicator | None, roles: tuple[Role, ...]) -> bool:
    return ind is not None and any(
        v.role in roles and comparable(v.figure) and same(c.figure, v.figure) for v in ind.values
    )


def _arith_hit(
    c: Claim,
    what: tuple[str, str],
    formula: str,
    inputs: list[Claim],
    computed: Decimal,
    extra: dict,
    key: str,
) -> Hit:
    decimals = max(c.figure.decimals or 0, 2)
    shown = show(computed, decimals) + (
        "%" if c.figure.kind == FigureKind.PERCENT or "%" in c.figure.raw else ""
    )
    return Hit(
        facts={
            "what": what[0],
            "what_en": what[1],
            "section": section_name(c),
            "section_en": section_name(c, "en"),
            "page": c.provenance.page,
            "quote": quote(c),
            "formula": formula,
        },
        locations=[
            _claim_loc(c, what[0]),
            *[_claim_loc(i, "angka yang dipakai") for i in inputs if i is not c],
        ],
        expected=shown,
        found=c.figure.raw.strip(),
        evidence={
            "sentence": c.sentence,
            "formula": formula,
            "computed": str(computed.quantize(Decimal("0.0001"))),
            "printed_interval": [str(printed_span(c.figure).lo), str(printed_span(c.figure).hi)],
            "convention": (
                "rounding or truncation at the printed decimals; inputs with decimals are intervals"
            ),
            **extra,
        },
        key=(key, c.provenance.page, c.sentence, c.figure.raw),
        severity=Severity.WARNING if _one_off(c.figure, computed) else None,
    )


def _one_off(printed: Figure, computed: Decimal) -> bool:
    """The printed result misses the computed one by at most one unit of its last printed digit ("22,67%"
    for 22,66...%): what computing a complement from a rounded value (100 − 77,33) gives, not an error a
    reviewer can call with certainty."""
    assert printed.value is not None
    unit = Decimal(1).scaleb(-(printed.decimals or 0))
    return abs(printed.value - computed) <= unit * Decimal("1.5")


def _flagged(report: Report) -> set[int]:
    return {id(m.claim) for m in restatement_mismatches(report)}


def _ratio_checks(report: Report, inds: dict[str, Indicator], flagged: set[int]) -> Iterator[Hit]:
    totals = _totals(report)
    sentences = _by_sentence(report)
    for c in report.claims:
        if c.kind != ClaimKind.RATIO or not _num(c.figure) or c.extra.get("heading"):
            continue
        x = parse_figure(c.extra["num"], column_hint="Rp" if "rp" in c.extra["num"].lower() else None)
        y = parse_figure(c.extra["den"], column_hint="Rp" if "rp" in c.extra["den"].lower() else None)
        if not (_num(x) and _num(y)) or y.value == 0:
            continue
        if any(same(x, t) or same(y, t) for t in totals):
            continue  # the report's total: LK301 checks it
        ind = inds.get(c.indicator or "")
        sent = sentences.get(c.extra.get("sent"), [])
        if any(id(o) in flagged for o in sent):
            continue
        polarity = ind.polarity if ind is not None else Polarity.POSITIVE
        roles = (c.extra.get("num_role"), c.extra.get("den_role"))
        if roles != ("realisasi", "target"):
            polarity = Polarity.POSITIVE
        elif _restates_table(c, ind, (Role.CAPAIAN, Role.PENGUKURAN_CAPAIAN)):
            continue  # the table prints the same %: the table check judges it
        spans = _capaian_spans(x, y, polarity)
        if not spans or _fits(c.figure, [s for _, s in spans]):
            continue
        name, span = spans[0]
        yield _arith_hit(
            c,
            ("persentase", "percentage"),
            f"{x.raw} / {y.raw} × 100",
            [c],
            span.mid(),
            {"formula_name": name},
            "ratio",
        )


def _pick(claims: list[Claim], kind: ClaimKind, ind: str, year: int | None = None) -> Claim | None:
    found = [c for c in claims if c.kind == kind and c.indicator == ind and _num(c.figure)]
    if year is not None:
        found = [c for c in found if c.year in (None, year)]
    values = {c.figure.value for c in found}
    return found[-1] if found and len(values) == 1 else None


def _capaian_checks(report: Report, inds: dict[str, Indicator], flagged: set[int]) -> Iterator[Hit]:
    ry = report.info.year
    for claims in _by_sentence(report).values():
        for c in claims:
            if (
                c.kind != ClaimKind.CAPAIAN
                or not _num(c.figure)
                or c.indicator is None
                or c.extra.get("part")
            ):
                continue
            if any(o.kind == ClaimKind.RATIO and o.figure.raw == c.figure.raw for o in claims):
                continue  # "X atau P% dari Y": the ratio check reads it
            r = _pick(claims, ClaimKind.REALISASI, c.indicator, ry)
            t = _pick(claims, ClaimKind.TARGET, c.indicator, ry)
            if r is None or t is None or t.figure.value == 0 or id(r) in flagged or id(t) in flagged:
                continue
            ind = inds.get(c.indicator)
            if _restates_table(c, ind, (Role.CAPAIAN, Role.PENGUKURAN_CAPAIAN)):
                continue
            assert r.figure.value is not None and t.figure.value is not None
            spans = _capaian_spans(r.figure, t.figure, ind.polarity if ind else Polarity.UNKNOWN)
            if not spans or _fits(c.figure, [s for _, s in spans]):
                continue
            yield _arith_hit(
                c,
                ("% capaian", "% achievement"),
                f"{r.figure.raw} / {t.figure.raw} × 100",
                [c, r, t],
                spans[0][1].mid(),
                {"realisasi": r.figure.raw, "target": t.figure.raw},
                "capaian",
            )


def _change_checks(report: Report, inds: dict[str, Indicator], flagged: set[int]) -> Iterator[Hit]:
    ry = report.info.year
    for claims in _by_block(report).values():
        for c in claims:
            if c.kind not in (ClaimKind.CHANGE, ClaimKind.CHANGE_PERCENT) or c.indicator is None:
                continue
            if not _num(c.figure) or c.extra.get("part") or c.extra.get("cumulative"):
                continue
            before = [o for o in claims if o.extra.get("sent", 0) <= c.extra.get("sent", 0)]
            r = _pick(before, ClaimKind.REALISASI, c.indicator, ry)
            p = _pick(before, ClaimKind.PREV_REALISASI, c.indicator)
            if r is None or p is None or id(r) in flagged or id(p) in flagged:
                continue
            if p.year is not None and ry is not None and p.year != ry - 1:
                continue
            assert r.figure.value is not None and p.figure.value is not None
            diffs = [rs.lo - ps.hi for rs in _spans(r.figure) for ps in _spans(p.figure)]
            diffs += [rs.hi - ps.lo for rs in _spans(r.figure) for ps in _spans(p.figure)]
            lo, hi = min(diffs), max(diffs)
            d_span = Span(min(abs(lo), abs(hi)) if lo * hi > 0 else Decimal(0), max(abs(lo), abs(hi)))
            rel = ratio_span(
                d_span, Span(min(s.lo for s in _spans(p.figure)), max(s.hi for s in _spans(p.figure)))
            )
            if c.kind == ClaimKind.CHANGE:
                direction = c.extra.get("direction")
                delta = r.figure.value - p.figure.value
                wrong_way = direction in ("up", "down") and delta != 0 and (delta > 0) != (direction == "up")
                if wrong_way and (lo > 0 or hi < 0) and not c.extra.get("comparative"):
                    yield _sign_hit(c, r, p, direction)
                    continue
                ratio = _ratio(r.figure, p.figure)
                ok = _fits(c.figure, [d_span]) or (
                    "%" in c.figure.raw and any(x is not None and _fits(c.figure, [x]) for x in (rel, ratio))
                )
                if ok:
                    continue
                yield _arith_hit(
                    c,
                    ("selisih", "difference"),
                    f"{r.figure.raw} − {p.figure.raw}",
                    [c, r, p],
                    abs(r.figure.value - p.figure.value),
                    {"realisasi": r.figure.raw, "previous": p.figure.raw},
                    "change",
                )
            else:
                at = c.sentence.find(c.figure.raw.strip())
                if rel is None or re.search(r"\bcapaian\b", c.sentence[: max(at, 0)].lower()):
                    continue  # "capaian kinerja IK4 menurun sebesar 25%": the % capaian's change, not R's
                spans = [rel]
                d = _pick(
                    [o for o in claims if o.extra.get("sent") == c.extra.get("sent")],
                    ClaimKind.CHANGE,
                    c.indicator,
                )
                if d is not None and _num(d.figure):
                    for ds in _spans(d.figure):
                        for ps in _spans(p.figure):
                            s = ratio_span(ds, ps)
                            if s:
                                spans.append(s)
                ratio = _ratio(r.figure, p.figure)
                if ratio is not None:
                    spans.append(ratio)  # "peningkatan 261,9%" written for 78,57 / 30 × 100
                if _fits(c.figure, spans):
                    continue
                yield _arith_hit(
                    c,
                    ("% perubahan", "% change"),
                    f"({r.figure.raw} − {p.figure.raw}) / {p.figure.raw} × 100",
                    [c, r, p],
                    rel.mid(),
                    {"realisasi": r.figure.raw, "previous": p.figure.raw},
                    "change_percent",
                )


def _ratio(a: Figure, b: Figure) -> Span | None:
    """a / b × 100 over the printed intervals."""
    return ratio_span(input_span(a), input_span(b))


def _sign_hit(c: Claim, r: Claim, p: Claim, direction: str) -> Hit:
    word = ("naik", "went up") if direction == "up" else ("turun", "went down")
    return Hit(
        facts={
            "what": f"arah perubahan ({word[0]})",
            "what_en": f"direction of change ({word[1]})",
            "section": section_name(c),
            "section_en": section_name(c, "en"),
            "page": c.provenance.page,
            "quote": quote(c),
            "formula": f"{r.figure.raw} − {p.figure.raw}",
        },
        locations=[
            _claim_loc(c, "perubahan"),
            _claim_loc(r, "realisasi"),
            _claim_loc(p, "realisasi sebelumnya"),
        ],
        expected="turun" if direction == "up" else "naik",
        found=word[0],
        evidence={"sentence": c.sentence, "realisasi": r.figure.raw, "previous": p.figure.raw},
        key=("sign", c.provenance.page, c.sentence, c.figure.raw),
    )


def _renstra_checks(report: Report, inds: dict[str, Indicator], flagged: set[int]) -> Iterator[Hit]:
    ry = report.info.year
    for claims in _by_block(report).values():
        for c in claims:
            if c.kind != ClaimKind.RENSTRA_END_CAPAIAN or not _num(c.figure) or c.indicator is None:
                continue
            sent = [o for o in claims if o.extra.get("sent") == c.extra.get("sent")]
            t = _pick(sent, ClaimKind.RENSTRA_END_TARGET, c.indicator)
            before = [o for o in claims if o.extra.get("sent", 0) <= c.extra.get("sent", 0)]
            r = _pick(before, ClaimKind.REALISASI, c.indicator, ry)
            if t is None or r is None or id(t) in flagged or id(r) in flagged or t.figure.value == 0:
                continue
            ind = inds.get(c.indicator)
            if _restates_table(c, ind, (Role.RENSTRA_END_CAPAIAN,)):
                continue
            prevs = [o for o in before if o.kind == ClaimKind.PREV_REALISASI and o.indicator == c.indicator]
            prevs = [o for o in prevs if _num(o.figure) and id(o) not in flagged]
            spans = [s for rs in _spans(r.figure) for ts in _spans(t.figure) if (s := ratio_span(rs, ts))]
            if prevs and len({o.year for o in prevs}) == len(prevs):
                total = Span(
                    r.figure.value + sum(o.figure.value for o in prevs),  # type: ignore[misc]
                    r.figure.value + sum(o.figure.value for o in prevs),  # type: ignore[misc]
                )
                total = Span(
                    total.lo - sum(input_span(o.figure).hi - o.figure.value for o in [r, *prevs]),  # type: ignore[operator]
                    total.hi + sum(input_span(o.figure).hi - o.figure.value for o in [r, *prevs]),  # type: ignore[operator]
                )
                spans += [s for ts in _spans(t.figure) if (s := ratio_span(total, ts))]
            if not spans or _fits(c.figure, spans):
                continue
            yield _arith_hit(
                c,
                ("% capaian terhadap target akhir Renstra", "% of the Renstra end target"),
                f"{r.figure.raw} / {t.figure.raw} × 100",
                [c, t, r, *prevs],
                spans[0].mid(),
                {"cumulative_tried": bool(prevs)},
                "renstra",
            )


@primitive("narrative_arithmetic")
def narrative_arithmetic(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A percentage or a change the prose states must follow from the figures it states with it: "X atau P%
    dari Y" (P = X/Y), "target T ... realisasi R ... capaian P%" (P = R/T, or the lower-is-better formulas
    when the polarity is not positive), "meningkat D (C%)" against the year's and the previous year's
    realisasi of the same paragraph (D = R − P, C = D/P; the direction word must match the sign), and the %
    of the Renstra end target (annual or cumulative reading). Rounding and truncation at the printed
    decimals are both accepted; "pagu X ... realisasi Y atau P%" (P = Y/X). A % that equals the table's own
    % is left to the table checks; a sentence
    whose inputs differ from the tables is reported once, by the restated-figure rule."""
    inds = _indicators(report)
    flagged = _flagged(report)
    yield from _ratio_checks(report, inds, flagged)
    yield from _capaian_checks(report, inds, flagged)
    yield from _change_checks(report, inds, flagged)
    yield from _renstra_checks(report, inds, flagged)
    from lakipcheck.rules.checks.narrative_budget import budget_percent_checks  # it imports this module

    yield from budget_percent_checks(report, _by_sentence(report), flagged)


# ---------------------------------------------------------------------------------------------- LK403


@primitive("narrative_number_words")
def narrative_number_words(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A percentage, an amount or a decimal written with its words ("31,24% (tiga puluh satu koma dua
    empat persen)", "Rp 5.000.000 (lima juta rupiah)") must say the same both ways. Whole numbers in words ("5
    (lima)") are checked by LK303; this rule takes the ones LK303 does not read, so no pair is reported
    twice."""
    seen: set[tuple] = set()
    for c in report.claims:
        if c.kind != ClaimKind.NUMBER_WORDS or c.figure.value is None:
            continue
        got = words_value(c.extra.get("words", ""))
        if got is None:
            continue
        spelled = got[0]
        digits = c.figure.value
        if spelled == digits or (c.figure.scale != 1):
            continue
        covered = {d for d, _, _, _ in number_word_pairs(c.sentence)}
        if (
            int(digits) == digits
            and int(digits) in covered
            and not c.extra.get("percent")
            and not c.extra.get("money")
        ):
            continue  # LK303 reads "5 (lima)"
        k = (c.provenance.page, c.figure.raw, c.extra.get("words"))
        if k in seen:
            continue
        seen.add(k)
        yield Hit(
            facts={
                "section": section_name(c),
                "section_en": section_name(c, "en"),
                "page": c.provenance.page,
                "digits": c.figure.raw.strip(),
                "words": c.extra.get("words", ""),
                "spelled": _plain(spelled),
                "quote": quote(c),
            },
            locations=[_claim_loc(c, "angka dan tulisannya")],
            expected=None,
            found=f"{c.figure.raw.strip()} ({c.extra.get('words', '')})",
            evidence={"sentence": c.sentence, "digits_value": str(digits), "words_value": str(spelled)},
            key=("words", c.provenance.page, c.figure.raw, c.extra.get("words")),
        )


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f").replace(".", ",")


# ---------------------------------------------------------------------------------------------- LK404


# A sentence that points elsewhere on purpose ("sudah diuraikan pada Indikator Kinerja Utama di atas").
_XREF = re.compile(
    r"\b(?:sudah|telah)\s+(?:di)?(?:uraikan|jelaskan|bahas|sampaikan|paparkan)|\b(?:lihat|lih\.)\s|"
    r"\b(?:sama\s+dengan|seperti\s+pada|sebagaimana\s+(?:pada|dalam))\s+(?:indikator|ikk|iku|bagian|uraian)",
    re.IGNORECASE,
)


@primitive("narrative_indicator_name", min_score=92.0)
def narrative_indicator_name(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Inside the section of one indicator (opened by its heading, e.g. "Indikator Kinerja Kegiatan 1.2"),
    a sentence that speaks of another indicator by name — the name is what the sentence is about, or its
    figures are the section indicator's — while not naming the section's own indicator is a copy-paste
    error. Only sections whose heading was read are used; the other indicator must have a section of its own
    (so a missed heading cannot make the finding); sentences listing several indicators are left alone."""
    inds = _indicators(report)
    min_score = float(params["min_score"])
    has_section = {
        c.extra.get("section_indicator") for c in report.claims if c.extra.get("section_indicator")
    }
    sentences = _by_sentence(report)
    named_in: dict[tuple[str, str], int] = defaultdict(int)
    for c in report.claims:
        if c.kind == ClaimKind.MENTION and c.extra.get("section_indicator") and c.indicator:
            named_in[(c.extra["section_indicator"], c.indicator)] += 1
    for c in report.claims:
        if c.kind != ClaimKind.MENTION or c.link != "name" or c.extra.get("heading"):
            continue
        own_key = c.extra.get("section_indicator")
        if not own_key or c.indicator == own_key or c.indicator not in has_section:
            continue
        if float(c.extra.get("score", 0)) < min_score or len(c.extra.get("named", [])) != 1:
            continue
        own, other = inds.get(own_key), inds.get(c.indicator or "")
        if own is None or other is None or _XREF.search(c.sentence):
            continue
        if named_in[(own_key, c.indicator)] > max(2, named_in[(own_key, own_key)]):
            continue  # the section speaks of the other indicator throughout: not a slip
        sent = sentences.get(c.extra.get("sent"), [])
        figures = [o for o in sent if o.kind in _COMPARED and comparable(o.figure)]
        own_fig = [o for o in figures if _any_value(own, o.figure) and not _any_value(other, o.figure)]
        other_fig = [o for o in figures if _any_value(other, o.figure)]
        if other_fig:
            continue  # the sentence's figures are the other indicator's: it may be quoting it on purpose
        if not own_fig and not c.extra.get("subject"):
            continue
        evidence_id = (
            " Angka dalam kalimat itu ("
            + ", ".join(o.figure.raw for o in own_fig)
            + f") adalah angka {own.code or own.name}."
            if own_fig
            else ""
        )
        evidence_en = (
            " The sentence's figures ("
            + ", ".join(o.figure.raw for o in own_fig)
            + f") are those of {own.code or own.name}."
            if own_fig
            else ""
        )
        yield Hit(
            facts={
                "indicator": label(own),
                "other": label(other),
                "section": section_name(c),
                "section_en": section_name(c, "en"),
                "page": c.provenance.page,
                "quote": quote(c, 260),
                "figures": evidence_id,
                "figures_en": evidence_en,
            },
            locations=[
                Location(
                    c.provenance,
                    f"bagian {own.code or own.name}: kalimat menyebut {other.code or other.name}",
                )
            ],
            expected=own.name,
            found=c.figure.raw,
            evidence={
                "sentence": c.sentence,
                "section_indicator": own.key,
                "named_indicator": other.key,
                "match_score": c.extra.get("score"),
                "figures_of_section_indicator": [o.figure.raw for o in own_fig],
            },
            key=("name", c.provenance.page, c.sentence),
        )


# ---------------------------------------------------------------------------------------------- LK405

_YEAR_IN = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")


def _table_below(report: Report, c: Claim) -> Table | None:
    box = c.provenance.bbox
    cands = []
    for t in report.tables:
        if t.page == c.provenance.page and box is not None and t.bbox.top >= box.bottom - 2:
            cands.append((0, t.bbox.top - box.bottom, t))
        elif t.page == c.provenance.page + 1:
            cands.append((1, t.bbox.top, t))
    if not cands:
        return None
    cands.sort(key=lambda x: (x[0], x[1]))
    kind, dist, t = cands[0]
    if kind == 0 and dist > 250:
        return None
    return t


def _realisasi_years(t: Table) -> set[int]:
    """Years of the table's realisasi columns (a column naming a target or the Renstra is not one)."""
    out: set[int] = set()
    for col in t.columns:
        if re.search(r"target|renstra|rencana|sasaran", col, re.IGNORECASE):
            continue
        out.update(int(y) for y in _YEAR_IN.findall(col))
    return out


def _report_year_sure(report: Report) -> bool:
    """The report year is what the prose mostly speaks of ("tahun 2023" is the most frequent year)."""
    y = report.info.year
    if y is None:
        return False
    counts: dict[int, int] = defaultdict(int)
    for c in report.claims:
        if c.kind == ClaimKind.YEARS:
            for v in c.extra.get("years", []):
                counts[v] += 1
    return bool(counts) and max(counts, key=lambda k: counts[k]) == y


@primitive("narrative_years")
def narrative_years(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A heading or sentence that gives realisasi for a year after the report year ("Perbandingan Realisasi
    Tahun 2023 dan 2024" in the 2023 report) states something that cannot exist yet; a comparison heading
    whose realisasi years are not those of the table under it names the wrong years. Plans and expectations
    ("akan", "diharapkan") are left alone, and so is any year given as a target."""
    ry = report.info.year
    if ry is None:
        return
    sure = _report_year_sure(report)
    for c in report.claims:
        if c.kind != ClaimKind.YEARS or c.extra.get("future"):
            continue
        years = sorted(set(c.extra.get("years", [])))
        future = [y for y in years if y > ry]
        table = _table_below(report, c) if c.extra.get("heading") or c.extra.get("comparison") else None
        t_years = _realisasi_years(table) if table is not None else set()
        wrong_vs_table = (
            bool(t_years) and len(t_years) >= 2 and bool(set(years) - t_years) and max(t_years) <= ry
        )
        if not future and not (wrong_vs_table and c.extra.get("comparison")):
            continue
        if future and not (sure or wrong_vs_table):
            continue
        expected = sorted(t_years) if wrong_vs_table else [y for y in years if y <= ry] or [ry]
        t_id = (
            f"; tabel di bawahnya (hlm. {table.page}) memuat realisasi tahun "
            f"{', '.join(map(str, sorted(t_years)))}"
            if wrong_vs_table and table is not None
            else ""
        )
        t_en = (
            f"; the table under it (p. {table.page}) holds realisasi for "
            f"{', '.join(map(str, sorted(t_years)))}"
            if wrong_vs_table and table is not None
            else ""
        )
        locs = [
            Location(c.provenance, f"{section_name(c)}: {'judul' if c.extra.get('heading') else 'kalimat'}")
        ]
        if wrong_vs_table and table is not None:
            locs.append(
                Location(
                    Provenance(
                        page=table.page, bbox=table.bbox, raw=" | ".join(table.columns), table_id=table.id
                    ),
                    "tabel di bawahnya",
                )
            )
        yield Hit(
            facts={
                "section": section_name(c),
                "section_en": section_name(c, "en"),
                "page": c.provenance.page,
                "quote": quote(c, 260),
                "years": ", ".join(map(str, years)),
                "year": ry,
                "table": t_id,
                "table_en": t_en,
                "where": "judul" if c.extra.get("heading") else "kalimat",
                "where_en": "heading" if c.extra.get("heading") else "sentence",
            },
            locations=locs,
            expected=", ".join(map(str, expected)),
            found=", ".join(map(str, years)),
            evidence={
                "sentence": c.sentence,
                "report_year": ry,
                "future_years": future,
                "table_realisasi_years": sorted(t_years),
            },
            key=("years", c.provenance.page, c.sentence),
            severity=None if (future or wrong_vs_table) else Severity.WARNING,
        )


# ---------------------------------------------------------------------------------------------- LK406

_COMMON_WORDS = {
    "Tahun",
    "Bulan",
    "Berdasarkan",
    "Sesuai",
    "Pada",
    "Sejak",
    "Dalam",
    "Oleh",
    "Dengan",
    "Sedangkan",
}
MONTH_NAMES = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
               "Oktober", "November", "Desember"]  # fmt: skip


def _fact_value(c: Claim) -> Any:
    f = c.extra.get("fact")
    if f == "founded":
        return (c.extra.get("year"), c.extra.get("month"))
    return c.extra.get("value")


def _fact_text(c: Claim, lang: str = "id") -> str:
    f = c.extra.get("fact")
    if f == "founded":
        return f"{MONTH_NAMES[c.extra['month']]} {c.extra['year']}"
    return str(c.extra.get("value"))


_FACT_NAMES = {
    "founded": ("bulan berdirinya instansi", "the month the agency was founded"),
    "staff": ("jumlah pegawai", "the number of staff"),
    "regencies": ("jumlah kabupaten/kota wilayah kerja", "the number of regencies/cities in the work area"),
}


def _same_subject(a: Claim, b: Claim) -> bool:
    sa = set(a.extra.get("subject", [])) - _COMMON_WORDS
    sb = set(b.extra.get("subject", [])) - _COMMON_WORDS
    return len(sa & sb) >= 2


def _prose_pairs(report: Report) -> Iterator[tuple[str, list[Claim]]]:
    """An indicator's Renstra end target given differently in two sentences that both name the indicator
    (by code or name) where no table has it. An end target is one value per indicator, so two values are a
    contradiction; targets and realisasi are not compared this way (prose speaks of parts, years and
    sub-targets too often)."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    inds = _indicators(report)
    sentences = _by_sentence(report)
    for c in report.claims:
        if (
            c.kind == ClaimKind.RENSTRA_END_TARGET
            and _usable(c)
            and c.link in ("code", "name")
            and not c.extra.get("cumulative")
            and len(c.extra.get("named", [])) == 1
            and c.extra.get("section_indicator") in (None, c.indicator)
        ):
            # a sentence naming another indicator than the section it stands in may be a copied name (LK404)
            mine = [o for o in sentences.get(c.extra.get("sent"), []) if o.kind == c.kind]
            if len({_key(o.figure) for o in mine}) == 1:
                groups[(c.indicator, c.kind, c.year)].append(c)
    for (key, kind, year), claims in groups.items():
        ind = inds.get(key)
        if ind is None or references(ind, kind, year, report.info.year):
            continue
        values = {_key(c.figure) for c in claims}
        if len(values) > 1:
            yield f"{WHAT[kind][0]} {label(ind)}", claims


@primitive("narrative_same_fact")
def narrative_same_fact(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A fact the report states more than once must be stated the same way: the month the agency was founded
    ("dibentuk pada bulan April 2022" / "baru berdiri bulan Maret 2022"), its total number of staff, the
    number of regencies/cities in its work area ("22 kabupaten/kota" = "21 kabupaten dan 1 kota"), and an
    indicator's figure that no table gives (e.g. a Renstra end target written "A" in one place and "AA" in
    another). Staff counts of one group (PNS, PPNPN, fungsional, pensiun, mutasi) are not the total and are
    not compared; founding dates are compared only when both sentences name the same agency."""
    facts: dict[str, list[Claim]] = defaultdict(list)
    for c in report.claims:
        if c.kind == ClaimKind.FACT:
            # staff numbers of different years are different facts
            year = c.extra.get("year") if c.extra.get("fact") == "staff" else None
            facts[c.extra.get("fact", "") + (f"@{year}" if year else "")].append(c)
    for name, claims in facts.items():
        if len({_fact_value(c) for c in claims}) < 2:
            continue
        if name == "founded":
            pairs = [
                (a, b)
                for i, a in enumerate(claims)
                for b in claims[i + 1 :]
                if _fact_value(a) != _fact_value(b) and _same_subject(a, b)
            ]
            if not pairs:
                continue
            involved = list({id(x): x for p in pairs for x in p}.values())
        else:
            involved = claims
        what = _FACT_NAMES.get(name.split("@")[0], (name, name))
        yield _fact_hit(what, involved, name.split("@")[0])
    for what_id, claims in _prose_pairs(report):
        yield _fact_hit((what_id, what_id), claims, "figure")


def _fact_hit(what: tuple[str, str], claims: list[Claim], name: str) -> Hit:
    first = claims[0]

    def said(c: Claim) -> str:
        return _fact_text(c) if c.kind == ClaimKind.FACT else c.figure.raw

    texts = [f'hlm. {c.provenance.page} "{quote(c, 160)}" ({said(c)})' for c in claims]
    texts_en = [f'p. {c.provenance.page} "{quote(c, 160)}" ({said(c)})' for c in claims]
    values = list(
        dict.fromkeys((_fact_text(c) if c.kind == ClaimKind.FACT else c.figure.raw) for c in claims)
    )
    return Hit(
        facts={
            "what": what[0],
            "what_en": what[1],
            "places": "; ".join(texts),
            "places_en": "; ".join(texts_en),
            "values": " / ".join(values),
            "page": first.provenance.page,
        },
        locations=[Location(c.provenance, f"{section_name(c)}: kalimat") for c in claims],
        expected=None,
        found=" / ".join(values),
        evidence={"fact": name, "sentences": [c.sentence for c in claims]},
        key=("fact", name, *sorted({c.provenance.page for c in claims})),
    )
