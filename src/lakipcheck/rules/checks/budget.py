"""Budget lines: % daya serap = realisasi / pagu (LK202), and the same amounts in the different budget tables
(LK204).

The realisasi-anggaran table states an amount per indicator; the Rincian Output table (and sometimes the
PK budget table) states the same money per output (:mod:`budget_tables` links them). Which tables hold the
same budget version is read from the tables themselves (equal totals) and from their context (PK Awal /
Akhir, Rencana Aksi vs Pengukuran): a pre-revision table (PK Awal, the Rencana Aksi rincian output) is
expected to differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lakipcheck.model.types import BudgetLine, Report, Role, StatedValue
from lakipcheck.numbers import Figure, FigureKind, parse_figure
from lakipcheck.provenance import Provenance
from lakipcheck.rules.arith import Span, printed_span, ratio_span, readings
from lakipcheck.rules.checks.budget_swaps import find_swaps
from lakipcheck.rules.checks.budget_tables import (
    BudgetTable,
    budget_tables,
    first_of,
    money,
    per_indicator,
    same_amount,
    shorten,
)
from lakipcheck.rules.checks.common import table_name
from lakipcheck.rules.checks.sums import (
    make_val,
    show_like,
    style_of,
    sum_findings,
    table_title,
)
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import Table, TableKind

HUNDRED = Decimal(100)



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
            first_of(line, r) for r in (Role.BUDGET_PAGU, Role.BUDGET_REALISASI, Role.BUDGET_PERCENT)
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
                "row": shorten(line.label),
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
                "amount": money(br_total),
                "other_table": _described(bts, "id"),
                "other_table_en": _described(bts, "en"),
                "other_amount": money(first.total),
                "agree": f"; sama dengan {_described(agree, 'id')}" if agree else "",
                "agree_en": f"; the same in the {_described(agree, 'en')}" if agree else "",
            },
            locations=locs,
            expected=money(br_total) if severity != Severity.INFO else None,
            found=money(first.total) if severity != Severity.INFO else None,
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
        b = per_indicator(br, inds, names)
        for other in tables:
            if other is br or other.table.kind == TableKind.BUDGET_REALISATION or other.total is None:
                continue
            if other.total.figure.value != br.total.figure.value:
                continue  # another budget version: its lines may differ
            o = per_indicator(other, inds, names)
            for key in sorted(set(b) & set(o)):
                (bl, bv), (ol, ov) = b[key], o[key]
                if same_amount(bv, ov) or (br.table.id, key) in swapped:
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
                        "amount": money(bv),
                        "other_table": f"{table_title(other.table)} hlm. {ov.provenance.page} "
                        f'("{shorten(ol.label, 80)}")',
                        "other_table_en": f"{table_title(other.table, 'en')} p. {ov.provenance.page} "
                        f'("{shorten(ol.label, 80)}")',
                        "other_amount": money(ov),
                        "agree": "",
                        "agree_en": "",
                    },
                    locations=[
                        Location(bv.provenance, f"{table_title(br.table)}: {shorten(bl.label, 60)}"),
                        Location(ov.provenance, f"{table_title(other.table)}: {shorten(ol.label, 60)}"),
                    ],
                    expected=money(bv),
                    found=money(ov),
                    evidence={
                        "indicator": key,
                        "tables": [br.table.id, other.table.id],
                        "both_totals": money(br.total),
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
