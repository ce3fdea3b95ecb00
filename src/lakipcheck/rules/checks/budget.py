"""Budget lines: % daya serap = realisasi / pagu, and the same amounts in the different budget tables.

The realisasi-anggaran table states an amount per indicator; the Rincian Output table (and sometimes the
PK budget table) states the same money per output. Rows are linked to indicators by the model (code, then
fuzzy name) and, for output names that paraphrase an indicator ("Guru yang mengikuti ..." for "Jumlah guru
yang mengikuti ..."), by a conservative fuzzy match here. Which tables hold the same budget version is read
from the tables themselves (equal totals) and from their context (PK Awal / Akhir, Rencana Aksi vs
Pengukuran): a pre-revision table (PK Awal, the Rencana Aksi rincian output) is expected to differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from lakipcheck.layout.types import SectionKind
from lakipcheck.model.build import _pk_role
from lakipcheck.model.link import normalise
from lakipcheck.model.types import BudgetLine, Indicator, Report, Role, StatedValue
from lakipcheck.numbers import Figure, FigureKind, parse_figure
from lakipcheck.provenance import Provenance
from lakipcheck.rules.arith import Span, printed_span, ratio_span, readings
from lakipcheck.rules.checks.common import table_name
from lakipcheck.rules.checks.sums import (
    budget_role,
    make_val,
    show_like,
    stand_in,
    style_of,
    sum_findings,
    table_title,
)
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import Table, TableKind

HUNDRED = Decimal(100)


def _first(line: BudgetLine, role: Role) -> StatedValue | None:
    return next((v for v in line.values if budget_role(v) == role), None)


def _amount_spans(v: StatedValue) -> list[Span]:
    return make_val(v.figure, v.provenance, money=True).spans


def _percent_spans(f: Figure) -> list[Span]:
    if f.value is None or f.kind not in (FigureKind.PERCENT, FigureKind.NUMBER) or f.qualifier:
        return []
    out = [printed_span(f)]
    for alt in readings(f)[1:]:
        out.append(Span(alt, alt))
    return out


def _ratio_ok(real: list[Span], pagu: list[Span], pct: list[Span]) -> tuple[bool, Span | None]:
    first: Span | None = None
    for r in real:
        for p in pagu:
            for scale in (HUNDRED, Decimal(1)):  # "99,85" or a fraction "0,9985"
                s = ratio_span(r, p, scale)
                if s is None:
                    continue
                if first is None:
                    first = s
                if any(s.overlaps(x) for x in pct):
                    return True, s
    return False, first


def _corrected(report: Report) -> dict[tuple[str, int, str], Span]:
    """Sums LK201 found a total should have, by (table, row, role): a % that follows from them is right."""
    out = {}
    for _panel, verdict in sum_findings(report):
        for o in verdict.outcomes:
            if not o.ok and o.sum is not None and o.total.prov.table_id is not None:
                out[(o.total.prov.table_id, o.check.row.index, o.key)] = o.sum
    return out


_DENOMINATOR = re.compile(r"anggaran|pagu|alokasi|\bdpa\b|target", re.IGNORECASE)
_NOT_DENOMINATOR = re.compile(r"sisa|selisih|efisiensi|bobot|%|persen|fisik", re.IGNORECASE)
_WEIGHT = re.compile(r"bobot|fisik|capaian\s+sasaran|kinerja", re.IGNORECASE)
_FINANCIAL_PCT = re.compile(r"keu|realisasi|serapan|penggunaan|^\W*%\W*$", re.IGNORECASE)


def _row_cells(table: Table | None, row: int) -> list[tuple[str, Any]]:
    if table is None or row >= len(table.rows):
        return []
    return [(table.columns[c], cell) for c, cell in enumerate(table.rows[row]) if c < len(table.columns)]


def _alternatives(
    line: BudgetLine, table: Table | None, pagu: StatedValue, real: StatedValue, pct: StatedValue
) -> tuple[list[tuple[StatedValue | Provenance, list[Span]]], list[tuple[Provenance, Figure]]]:
    """Other denominators the row prints (an "Anggaran Sebelum / Sesudah Perubahan", "Murni / Perubahan"
    pair: the % may be taken on either) and, when the model's % column is a weight or physical progress
    column, the row's financial % instead."""
    denominators: list[tuple[StatedValue | Provenance, list[Span]]] = [(pagu, _amount_spans(pagu))]
    percents: list[tuple[Provenance, Figure]] = []
    used = {v.provenance.col for v in (pagu, real, pct)}
    for c, (name, cell) in enumerate(_row_cells(table, line.row)):
        if c in used or not cell.text.strip():
            continue
        prov = Provenance(
            page=cell.page or pct.provenance.page,
            bbox=cell.bbox,
            raw=cell.text,
            table_id=line.table_id,
            row=line.row,
            col=c,
            column_name=name,
        )
        if _DENOMINATOR.search(name) and not _NOT_DENOMINATOR.search(name):
            fig = parse_figure(cell.text, column_hint=name)
            val = make_val(fig, prov, money=True)
            if val.spans and (val.lenient or fig.kind in (FigureKind.RUPIAH, FigureKind.NUMBER)):
                denominators.append((prov, val.spans))
        elif ("%" in name or "persen" in name.lower()) and not _WEIGHT.search(name):
            fig = parse_figure(cell.text, column_hint="%")
            if fig.value is not None:
                percents.append((prov, fig))
    return denominators, percents


@primitive("budget_percent")
def budget_percent(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """% daya serap = realisasi / pagu × 100 in every budget line that prints all three. The printed % may be
    rounded or truncated at its printed decimals; amounts stand for their rounding interval; an ambiguous
    separator is read both ways. When the row prints the budget before and after the revision, the % may be
    on either. A total row whose % follows from the sum of its rows (its printed amount being the error) is
    left to the totals rule."""
    corrected: dict[tuple[str, int, str], Span] | None = None
    tables = {t.id: t for t in report.tables}
    for line in report.budget_lines:
        pagu, real, pct = (
            _first(line, r) for r in (Role.BUDGET_PAGU, Role.BUDGET_REALISASI, Role.BUDGET_PERCENT)
        )
        if pagu is None or real is None or pct is None:
            continue
        table = tables.get(line.table_id)
        denominators, other_pcts = _alternatives(line, table, pagu, real, pct)
        pct_fig, pct_prov = pct.figure, pct.provenance
        if _WEIGHT.search(pct_prov.column_name or ""):
            if len(other_pcts) != 1:
                continue  # the % printed is a weight or physical progress, not daya serap
            pct_prov, pct_fig = other_pcts[0]
        ps, rs, cs = _amount_spans(pagu), _amount_spans(real), _percent_spans(pct_fig)
        if not ps or not rs or not cs or all(p.hi <= 0 for p in ps):
            continue
        if max(ps[0].hi, rs[0].hi) < 1000:
            continue  # not Rupiah amounts: a column-numbering row ("3 4 5") or a misread column
        ok, span = _ratio_ok(rs, ps, cs)
        if not ok:
            ok = any(_ratio_ok(rs, spans, cs)[0] for _, spans in denominators[1:])
        if ok or span is None:
            continue
        if corrected is None:
            corrected = _corrected(report)
        fixed_p = corrected.get((line.table_id, line.row, Role.BUDGET_PAGU.value))
        fixed_r = corrected.get((line.table_id, line.row, Role.BUDGET_REALISASI.value))
        if (fixed_p or fixed_r) and _ratio_ok([fixed_r] if fixed_r else rs, [fixed_p] if fixed_p else ps, cs)[
            0
        ]:
            continue  # the % is right for the sum of the rows: the printed total is what is wrong
        title = table_title(table) if table else table_name(pct.table_kind)
        title_en = table_title(table, "en") if table else table_name(pct.table_kind, "en")
        decimals = max(pct_fig.decimals or 0, 2)
        lenient = any(make_val(v.figure, v.provenance, True).lenient for v in (pagu, real))
        # one unit off in the last (second or later) decimal: a % computed from unrounded amounts
        near = (pct_fig.decimals or 0) >= 2 and any(
            _ratio_ok(rs, spans, [_widened(c, pct_fig) for c in cs])[0]
            for spans in [ps, *(spans for _, spans in denominators[1:])]
        )
        others = [
            (d.raw if isinstance(d, Provenance) else "", show_like(s.mid(), decimals, style_of(pct_fig)))
            for d, spans in denominators[1:]
            if (s := _ratio_ok(rs, spans, cs)[1]) is not None
        ]
        alt = "; ".join(f"{amount} → {pct_text}" for amount, pct_text in others)
        yield Hit(
            facts={
                "row": _short(line.label),
                "table": title,
                "table_en": title_en,
                "page": pct_prov.page,
                "pagu": pagu.figure.raw,
                "realisasi": real.figure.raw,
                "alt": f"; dengan anggaran kolom lain {alt}" if alt else "",
                "alt_en": f"; with the row's other budget column {alt}" if alt else "",
                "note": _NEAR_ID if near else "",
                "note_en": _NEAR_EN if near else "",
            },
            locations=[
                Location(pct_prov, f"{title}: % daya serap"),
                Location(pagu.provenance, "pagu / anggaran"),
                Location(real.provenance, "realisasi"),
                *[
                    Location(d, "anggaran (kolom lain)")
                    for d, _ in denominators[1:]
                    if isinstance(d, Provenance)
                ],
            ],
            expected=show_like(span.mid(), decimals, style_of(pct_fig)),
            found=pct_fig.raw,
            evidence={
                "formula": "realisasi / pagu × 100",
                "computed": str(span.mid().quantize(Decimal("0.0001"))),
                "with_other_budget_columns": [list(o) for o in others],
                "convention": "rounding or truncation at the printed decimals; amounts ±0.5 (sen)",
                "amount_read_leniently": lenient,
            },
            key=(line.table_id, line.row),
            severity=Severity.WARNING if lenient or near else None,
        )


_NEAR_ID = (
    " Selisihnya hanya satu angka pada desimal terakhir; mungkin dihitung dari angka yang belum dibulatkan."
)
_NEAR_EN = " It is off by one in the last decimal only; it may come from unrounded amounts."


def _widened(span: Span, fig: Figure) -> Span:
    """``span`` one unit of the last printed decimal wider on each side."""
    ulp = Decimal(1).scaleb(-(fig.decimals or 0))
    return Span(span.lo - ulp, span.hi + ulp)


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3].rstrip() + "..."


# ----------------------------------------------------------------------------------------------- linking

_LEAD = re.compile(
    r"^(jumlah|persentase|prosentase|presentase|banyaknya|tingkat|angka|rasio|indeks|nilai|rata rata)\s+"
)
LINK_MIN = 88.0
LINK_MARGIN = 6.0


def _core(text: str) -> str:
    t = normalise(text)
    t = re.sub(r"^\d+\s+", "", t)
    return _LEAD.sub("", t)


def _variant(label: str, ind: Indicator) -> int:
    """Which of an indicator's spellings a label is: the model sometimes merges two indicators whose names
    differ in one word ("... kematian ibu ..." / "... kematian bayi ...") into one with an alias. Spellings
    that are near-identical to the name count as the name."""
    names = [ind.name, *ind.aliases]
    scores = [fuzz.ratio(label, _core(n)) for n in names]
    best = max(range(len(names)), key=lambda k: scores[k])
    if best and fuzz.ratio(_core(names[best]), _core(ind.name)) >= 92:
        return 0
    return best


def link_line(line: BudgetLine, indicators: list[Indicator]) -> tuple[str, str] | None:
    """(link key, indicator label) of the indicator a budget line is for: the model's link, else an output
    name that paraphrases one indicator's name clearly better than any other (an output "Guru yang mengikuti
    X" for the indicator "Jumlah guru yang mengikuti X")."""
    by_key = {i.key: i for i in indicators}
    label = _core(line.label)
    ind = by_key.get(line.indicator_key or "")
    if ind is None:
        if len(label.split()) < 3:
            return None
        scored = []
        for cand in indicators:
            names = [cand.name, *cand.aliases]
            best = max(
                max(fuzz.ratio(label, _core(n)), fuzz.token_sort_ratio(label, _core(n))) for n in names
            )
            scored.append((best, cand))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < LINK_MIN:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < LINK_MARGIN:
            return None
        ind = scored[0][1]
    v = _variant(label, ind)
    name = [ind.name, *ind.aliases][v]
    shown = _short(name, 90)
    return f"{ind.key}#{v}", (f"{ind.code} {shown}" if ind.code and v == 0 else shown)


# ----------------------------------------------------------------------------------------------- tables


@dataclass(slots=True)
class BudgetTable:
    table: Table
    lines: list[BudgetLine]
    status: str  # "final" (realisasi / PK akhir / pengukuran), "plan" (PK awal / rencana aksi), "unknown"
    why: str

    @property
    def total(self) -> StatedValue | None:
        for line in self.lines:
            if line.is_total:
                v = _first(line, Role.BUDGET_PAGU)
                if v is not None and v.figure.value is not None and v.figure.kind == FigureKind.RUPIAH:
                    return v
        return None


_AKHIR = re.compile(r"\b(akhir|revisi|perubahan|pengukuran|realisasi|capaian)\b", re.IGNORECASE)
_AWAL = re.compile(r"\b(awal|rencana aksi|renaksi|murni)\b", re.IGNORECASE)


def _section_kinds(report: Report, page: int) -> set[SectionKind]:
    return {s.kind for s in report.sections if s.page_start <= page <= s.page_end}


def _pk_status(report: Report, table: Table) -> tuple[str, str]:
    """PK Awal or Akhir for a PK budget table: the role the model gave the PK indicator table just before
    it, else the heading/section it sits under."""
    k = next((i for i, t in enumerate(report.tables) if t.id == table.id), 0)
    for prev in reversed(report.tables[:k]):
        if prev.kind != TableKind.PK_INDICATORS:
            continue
        if prev.page < table.page - 1:
            break
        roles = {
            v.role
            for ind in report.indicators
            for v in ind.values
            if v.provenance.table_id == prev.id and v.role in (Role.PK_AWAL_TARGET, Role.PK_AKHIR_TARGET)
        }
        if len(roles) == 1:
            role = roles.pop()
            return ("plan" if role == Role.PK_AWAL_TARGET else "final"), f"PK indicator table {prev.id}"
        break
    text = " ".join(x for x in (table.caption, table.section) if x)
    role = _pk_role(text, table.page, report.sections)
    if role == Role.PK_AWAL_TARGET:
        return "plan", "heading/section says awal"
    if role == Role.PK_AKHIR_TARGET:
        return "final", "heading/section says akhir"
    return "unknown", "PK without awal/akhir"


def _ro_status(report: Report, table: Table) -> tuple[str, str]:
    kinds = _section_kinds(report, table.page)
    text = " ".join(x for x in (table.caption, (table.section or "").split(" > ")[-1]) if x)
    if _AWAL.search(text) and not _AKHIR.search(text):
        return "plan", "rencana aksi"
    if _AKHIR.search(text):
        return "final", "pengukuran / realisasi"
    if SectionKind.RENCANA_AKSI in kinds and SectionKind.PENGUKURAN not in kinds:
        return "plan", "rencana aksi section"
    if SectionKind.PENGUKURAN in kinds:
        return "final", "pengukuran section"
    return "unknown", "rincian output"


def budget_tables(report: Report) -> list[BudgetTable]:
    by: dict[str, list[BudgetLine]] = {}
    for line in report.budget_lines:
        by.setdefault(line.table_id, []).append(line)
    out = []
    known = {t.id for t in report.tables}
    for t in [*report.tables, *(stand_in(tid, lines) for tid, lines in by.items() if tid not in known)]:
        if t.id not in by:
            continue
        if t.kind == TableKind.BUDGET_REALISATION:
            status, why = "final", "realisasi anggaran"
        elif t.kind == TableKind.PK_BUDGET:
            status, why = _pk_status(report, t)
        elif t.kind == TableKind.RINCIAN_OUTPUT:
            status, why = _ro_status(report, t)
        else:
            continue
        out.append(BudgetTable(t, sorted(by[t.id], key=lambda b: b.row), status, why))
    return out


def _per_indicator(
    bt: BudgetTable, indicators: list[Indicator], names: dict[str, str]
) -> dict[str, tuple[BudgetLine, StatedValue]]:
    """link key -> (line, pagu) when exactly one line of the table is linked to the indicator; ``names``
    collects each key's indicator label."""
    seen: dict[str, list[tuple[BudgetLine, StatedValue]]] = {}
    for line in bt.lines:
        if line.is_total:
            continue
        v = _first(line, Role.BUDGET_PAGU)
        if v is None or v.figure.value is None or v.figure.kind not in (FigureKind.RUPIAH, FigureKind.NUMBER):
            continue
        link = link_line(line, indicators)
        if link is not None:
            seen.setdefault(link[0], []).append((line, v))
            names.setdefault(link[0], link[1])
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _same(a: StatedValue, b: StatedValue) -> bool:
    return a.figure.value == b.figure.value


def _money(v: StatedValue) -> str:
    return v.figure.raw


@dataclass(slots=True)
class Swap:
    br: BudgetTable
    x: str
    y: str
    names: dict[str, str]
    br_x: tuple[BudgetLine, StatedValue]
    br_y: tuple[BudgetLine, StatedValue]
    others: list[tuple[BudgetTable, tuple[BudgetLine, StatedValue], tuple[BudgetLine, StatedValue]]]


def find_swaps(report: Report) -> list[Swap]:
    """Two indicators whose amounts in the realisasi-anggaran table are each other's in another table."""
    tables = budget_tables(report)
    inds = report.indicators
    names: dict[str, str] = {}
    links = {id(bt): _per_indicator(bt, inds, names) for bt in tables}
    swaps: dict[tuple[str, str, str], Swap] = {}
    for br in tables:
        if br.table.kind != TableKind.BUDGET_REALISATION:
            continue
        b = links[id(br)]
        for other in tables:
            if other is br or other.table.kind == TableKind.BUDGET_REALISATION:
                continue
            o = links[id(other)]
            common = sorted(set(b) & set(o))
            for i, x in enumerate(common):
                for y in common[i + 1 :]:
                    bx, by_, ox, oy = b[x][1], b[y][1], o[x][1], o[y][1]
                    if _same(bx, by_) or not (_same(bx, oy) and _same(by_, ox)):
                        continue
                    key = (br.table.id, x, y)
                    sw = swaps.setdefault(key, Swap(br, x, y, names, b[x], b[y], []))
                    sw.others.append((other, o[x], o[y]))
    return list(swaps.values())


@primitive("budget_row_swap")
def budget_row_swap(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Two indicators' budget amounts swapped between tables: the realisasi-anggaran table gives indicator X
    amount a and Y amount b, while a Rincian Output or PK budget table gives X b and Y a. One finding names
    both tables and both rows."""
    for sw in find_swaps(report):
        (lx, vx), (ly, vy) = sw.br_x, sw.br_y
        other, (olx, ovx), (oly, ovy) = sw.others[0]
        locs = [
            Location(vx.provenance, f"{table_title(sw.br.table)}: {sw.names[sw.x]}"),
            Location(vy.provenance, f"{table_title(sw.br.table)}: {sw.names[sw.y]}"),
        ]
        for ot, (a_line, ox), (b_line, oy) in sw.others:
            locs += [
                Location(ox.provenance, f"{table_title(ot.table)}: {_short(a_line.label, 80)}"),
                Location(oy.provenance, f"{table_title(ot.table)}: {_short(b_line.label, 80)}"),
            ]
        yield Hit(
            facts={
                "indicator_x": sw.names[sw.x],
                "indicator_y": sw.names[sw.y],
                "table": table_title(sw.br.table),
                "table_en": table_title(sw.br.table, "en"),
                "page": vx.provenance.page,
                "amount_x": _money(vx),
                "amount_y": _money(vy),
                "other_table": table_title(other.table),
                "other_table_en": table_title(other.table, "en"),
                "other_page": ovx.provenance.page,
                "other_x": _money(ovx),
                "other_y": _money(ovy),
                "other_row_x": _short(olx.label, 80),
                "other_row_y": _short(oly.label, 80),
            },
            locations=locs,
            expected=f"{_money(ovx)} / {_money(ovy)}",
            found=f"{_money(vx)} / {_money(vy)}",
            evidence={
                "indicators": [sw.x, sw.y],
                "tables": [sw.br.table.id, *[ot.table.id for ot, _, _ in sw.others]],
                "linked_rows": {
                    sw.br.table.id: [lx.label, ly.label],
                    **{ot.table.id: [a[0].label, b[0].label] for ot, a, b in sw.others},
                },
            },
            key=(sw.br.table.id, sw.x, sw.y),
        )


# ----------------------------------------------------------------------------------------------- consistency

_STATUS_WORDS = {
    ("plan", TableKind.PK_BUDGET): ("anggaran PK Awal", "initial PK budget"),
    ("plan", TableKind.RINCIAN_OUTPUT): ("rincian output rencana aksi", "action-plan output detail"),
    ("final", TableKind.PK_BUDGET): ("anggaran PK Akhir", "final PK budget"),
    ("final", TableKind.RINCIAN_OUTPUT): ("rincian output (pengukuran)", "output detail (measurement)"),
    ("unknown", TableKind.PK_BUDGET): (
        "anggaran PK (awal/akhir tidak disebut)",
        "PK budget (initial/final not stated)",
    ),
    ("unknown", TableKind.RINCIAN_OUTPUT): ("rincian output", "output detail"),
}


def _pages(bts: list[BudgetTable]) -> str:
    return ", ".join(str(p) for p in sorted({b.table.page for b in bts}))


def _described(bts: list[BudgetTable], lang: str) -> str:
    """ "anggaran PK Awal hlm. 12, 38; rincian output rencana aksi hlm. 42"."""
    by: dict[str, list[BudgetTable]] = {}
    for b in bts:
        words = _STATUS_WORDS.get(
            (b.status, b.table.kind), (table_name(b.table.kind), table_name(b.table.kind, "en"))
        )
        by.setdefault(words[0 if lang == "id" else 1], []).append(b)
    page = "hlm." if lang == "id" else "p."
    return "; ".join(f"{name} {page} {_pages(group)}" for name, group in by.items())


def _total_hits(report: Report, tables: list[BudgetTable]) -> Iterator[Hit]:
    """The realisasi table's total pagu against each PK budget / rincian output total."""
    brs = [(bt, bt.total) for bt in tables if bt.table.kind == TableKind.BUDGET_REALISATION and bt.total]
    if not brs:
        return
    br, br_total = brs[0]
    assert br_total is not None
    value = br_total.figure.value
    agree = [bt for bt in tables if bt is not br and bt.total and bt.total.figure.value == value]
    differ: dict[tuple[str, Decimal], list[BudgetTable]] = {}
    for bt in tables:
        t = bt.total
        if bt is br or t is None or t.figure.value == value or bt.table.kind == TableKind.BUDGET_REALISATION:
            continue
        assert t.figure.value is not None
        differ.setdefault((bt.status, t.figure.value), []).append(bt)
    for (status, other_value), bts in differ.items():
        first = bts[0]
        assert first.total is not None
        if status == "plan":
            severity = Severity.INFO
            what = (
                "Anggaran direvisi (informasi, bukan kesalahan)",
                "Budget revised (information, not an error)",
            )
            why = "pre-revision table (PK Awal / Rencana Aksi): a revised budget, not an error"
        elif status == "final":
            severity = Severity.WARNING
            what = ("Total anggaran akhir tidak sama", "Final budget totals differ")
            why = "a final table (PK Akhir / pengukuran) should hold the same budget as the realisation table"
        else:
            if not agree:
                continue  # an unmarked PK over another scope (kegiatan vs all belanja): nothing to compare
            severity = Severity.INFO
            what = ("Total anggaran berbeda", "Budget totals differ")
            why = "the report does not say whether this table is the initial or the revised budget"
        locs = [Location(br_total.provenance, f"{table_title(br.table)}: total pagu")]
        for b in bts:
            assert b.total is not None
            locs.append(Location(b.total.provenance, f"{table_title(b.table)}: total ({b.why})"))
        yield Hit(
            facts={
                "what": what[0],
                "what_en": what[1],
                "table": table_title(br.table),
                "table_en": table_title(br.table, "en"),
                "subject": f"total pagu {table_title(br.table)}",
                "subject_en": f"the total pagu of the {table_title(br.table, 'en')}",
                "page": br_total.provenance.page,
                "amount": _money(br_total),
                "other_table": _described(bts, "id"),
                "other_table_en": _described(bts, "en"),
                "other_amount": _money(first.total),
                "agree": f"; sama dengan {_described(agree, 'id')}" if agree else "",
                "agree_en": f"; the same in the {_described(agree, 'en')}" if agree else "",
            },
            locations=locs,
            expected=_money(br_total) if severity != Severity.INFO else None,
            found=_money(first.total) if severity != Severity.INFO else None,
            evidence={
                "status": status,
                "why": why,
                "tables": [b.table.id for b in bts],
                "agreeing_tables": [a.table.id for a in agree],
                "difference": str(other_value - value) if value is not None else None,
            },
            key=("total", status, str(other_value)),
            severity=severity,
        )


def _row_hits(report: Report, tables: list[BudgetTable]) -> Iterator[Hit]:
    """Per indicator, the realisasi table's pagu against the same-version output/PK line linked to it."""
    swapped = {(s.br.table.id, k) for s in find_swaps(report) for k in (s.x, s.y)}
    inds = report.indicators
    for br in tables:
        if br.table.kind != TableKind.BUDGET_REALISATION or br.total is None:
            continue
        names: dict[str, str] = {}
        b = _per_indicator(br, inds, names)
        for other in tables:
            if other is br or other.table.kind == TableKind.BUDGET_REALISATION or other.total is None:
                continue
            if other.total.figure.value != br.total.figure.value:
                continue  # another budget version: its lines may differ
            o = _per_indicator(other, inds, names)
            for key in sorted(set(b) & set(o)):
                (bl, bv), (ol, ov) = b[key], o[key]
                if _same(bv, ov) or (br.table.id, key) in swapped:
                    continue
                yield Hit(
                    facts={
                        "what": f"Anggaran {names[key]} berbeda (total kedua tabel sama)",
                        "what_en": f"Budget of {names[key]} differs (both tables have the same total)",
                        "table": table_title(br.table),
                        "table_en": table_title(br.table, "en"),
                        "subject": table_title(br.table),
                        "subject_en": f"the {table_title(br.table, 'en')}",
                        "page": bv.provenance.page,
                        "amount": _money(bv),
                        "other_table": f"{table_title(other.table)} hlm. {ov.provenance.page} "
                        f'("{_short(ol.label, 80)}")',
                        "other_table_en": f"{table_title(other.table, 'en')} p. {ov.provenance.page} "
                        f'("{_short(ol.label, 80)}")',
                        "other_amount": _money(ov),
                        "agree": "",
                        "agree_en": "",
                    },
                    locations=[
                        Location(bv.provenance, f"{table_title(br.table)}: {_short(bl.label, 60)}"),
                        Location(ov.provenance, f"{table_title(other.table)}: {_short(ol.label, 60)}"),
                    ],
                    expected=_money(bv),
                    found=_money(ov),
                    evidence={
                        "indicator": key,
                        "tables": [br.table.id, other.table.id],
                        "both_totals": _money(br.total),
                    },
                    key=("row", br.table.id, other.table.id, key),
                    severity=Severity.WARNING,
                )


@primitive("budget_consistency")
def budget_consistency(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """The same budget stated in several tables must agree: the total pagu of the realisasi-anggaran table,
    the PK Akhir budget and the final rincian output (a PK Awal / Rencana Aksi table is the pre-revision
    budget: a difference there is information, not an error); and, where an output/PK line is linked to the
    same indicator in a table of the same budget version, its amount. Swaps are LK203's."""
    tables = budget_tables(report)
    yield from _total_hits(report, tables)
    yield from _row_hits(report, tables)
