"""% capaian = realisasi / target, in every table that prints all three for an indicator."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from lakipcheck.model.columns import map_columns
from lakipcheck.model.types import Indicator, Polarity, Report, Role, StatedValue
from lakipcheck.numbers import Figure
from lakipcheck.rules.arith import Span, input_span, printed_span, ratio_span, readings
from lakipcheck.rules.checks.common import label, loc, numeric, show, table_name
from lakipcheck.rules.checks.swaps import swapped_rows
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Severity

TRIPLES = (
    (Role.TARGET, Role.REALISASI, Role.CAPAIAN),
    (Role.PENGUKURAN_TARGET, Role.PENGUKURAN_REALISASI, Role.PENGUKURAN_CAPAIAN),
)


def _formulas(t: Span, r: Span, polarity: Polarity, negative_formula: str) -> list[tuple[str, Span]]:
    """(name, interval of the computed capaian) for every formula the indicator's polarity allows. When the
    report does not state the polarity, every formula may explain the print (both lower-is-better ones
    too); ``negative_formula`` applies to an indicator the report states to be lower-is-better."""
    out: list[tuple[str, Span]] = []
    if polarity in (Polarity.POSITIVE, Polarity.UNKNOWN):
        s = ratio_span(r, t)
        if s:
            out.append(("R/T×100", s))
    if polarity in (Polarity.NEGATIVE, Polarity.UNKNOWN):
        either = polarity == Polarity.UNKNOWN or negative_formula == "either"
        if either or negative_formula == "2T-R":
            s = ratio_span(Span(2 * t.lo - r.hi, 2 * t.hi - r.lo), t)
            if s:
                out.append(("(2T−R)/T×100", s))
        if either or negative_formula == "T/R":
            s = ratio_span(t, r)
            if s:
                out.append(("T/R×100", s))
    return out


def printed_readings(fig: Figure) -> list[Span]:
    """The printed % as every reading allows: "16,000" may be sixteen thousand (T/R of 1,6 and 0,01)."""
    assert fig.value is not None
    out = [printed_span(fig)]
    for alt in readings(fig)[1:]:
        ulp = Decimal(1) if alt > fig.value else Decimal("0.001")
        out.append(Span(alt - ulp / 2, alt + ulp))
    return out


def _widened(span: Span, fig: Figure) -> Span:
    """``span`` one unit of the last printed decimal wider on each side."""
    ulp = Decimal(1).scaleb(-(fig.decimals or 0))
    return Span(span.lo - ulp, span.hi + ulp)


_RENSTRA = re.compile(r"renstra|rpjmd|jangka menengah", re.IGNORECASE)


def _by_role(ind: Indicator) -> dict[tuple[str, int], dict[Role, list[StatedValue]]]:
    """The indicator's values by table row and role, in column order."""
    out: dict[tuple[str, int], dict[Role, list[StatedValue]]] = defaultdict(lambda: defaultdict(list))
    for v in ind.values:
        p = v.provenance
        if p.table_id is not None and p.row is not None:
            out[(p.table_id, p.row)][v.role].append(v)
    for roles in out.values():
        for vs in roles.values():
            vs.sort(key=lambda v: v.provenance.col if v.provenance.col is not None else -1)
    return out


def _same_year(a: StatedValue, b: StatedValue) -> bool:
    return a.year is None or b.year is None or a.year == b.year


def _pairs(
    c: StatedValue, vals: dict[Role, list[StatedValue]], t_role: Role, r_role: Role
) -> list[tuple[StatedValue, StatedValue]]:
    """(target, realisasi) pairs the row offers for the capaian ``c``: its target and realisasi of the same
    year; several of each ("Target / Realisasi Kegiatan", "Target / Realisasi OPD") are paired in column
    order. A "% capaian terhadap Renstra" may also be read against the row's Renstra end target."""
    ts = [v for v in vals.get(t_role, []) if numeric(v) and _same_year(v, c)]
    rs = [v for v in vals.get(r_role, []) if numeric(v) and _same_year(v, c)]
    if not rs:
        return []
    pairs = list(zip(ts, rs, strict=True)) if len(ts) == len(rs) else [(t, r) for t in ts for r in rs]
    if t_role == Role.TARGET and _RENSTRA.search(c.provenance.column_name or ""):
        ends = [v for v in vals.get(Role.RENSTRA_END_TARGET, []) if numeric(v)]
        pairs += [(e, r) for e in ends for r in rs]
    return pairs


def _capaians(vals: dict[Role, list[StatedValue]], c_role: Role) -> list[StatedValue]:
    """The row's % capaian to check: the first one of each year (a second, unlabelled "%" column is not)."""
    out: list[StatedValue] = []
    years: set[int | None] = set()
    for c in vals.get(c_role, []):
        if c.year in years:
            continue
        years.add(c.year)
        if numeric(c):
            out.append(c)
    return out


@primitive("capaian_ratio", negative_formula="2T-R", cap=None, skip_zero_target=True)
def capaian_ratio(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """For each row that prints target, realisasi and % capaian of one indicator, the printed % must follow
    from the other two under the indicator's polarity: R/T×100 when higher is better; (2T−R)/T×100 or
    T/R×100 (parameter ``negative_formula``: "2T-R", "T/R" or "either") when the report states it is lower
    is better. When the report does not state the polarity, any of them may explain the print. ``cap`` (e.g.
    120; else the cap the report itself states) accepts a capped %. The printed % may be rounded or
    truncated at the decimals printed; inputs with
    decimals are intervals; a printed "16,000" may be read as a thousand group. A row with several target /
    realisasi columns offers each pair; a "% capaian terhadap Renstra" may be on the row's Renstra end
    target. A row whose Satuan is "%" but whose target or realisasi is printed as a count ("116 kasus") is
    not checked: those are the data the % comes from. A print one unit off in its last (second or later)
    decimal, or one for a lower-is-better reading with realisasi 0 (T/R has no value), is reported as a
    warning: unrounded source data or the agency's convention may explain it."""
    cap = Decimal(str(params["cap"])) if params.get("cap") is not None else report.capaian_cap
    swapped = swapped_rows(report)  # reported once, as a swap (LK102)
    unit_of = _row_units(report)
    for ind in report.indicators:
        for (table, row), vals in _by_role(ind).items():
            if (table, row) in swapped:
                continue
            percent_row = unit_of(table, row) in _PERCENT_UNITS
            for t_role, r_role, c_role in TRIPLES:
                for c in _capaians(vals, c_role):
                    pairs = [
                        (t, r)
                        for t, r in _pairs(c, vals, t_role, r_role)
                        # a "%" indicator's row printing counts ("116 kasus"): the data the % is computed
                        # from, not its target and realisasi
                        if not (percent_row and {t.figure.unit, r.figure.unit} - {None, "%"})
                    ]
                    hit = _check(ind, c, pairs, params, cap)
                    if hit is not None:
                        yield hit


_PERCENT_UNITS = {"%", "persen", "prosen", "persentase", "prosentase"}


def _row_units(report: Report) -> Callable[[str, int], str | None]:
    """The text of a table row's Satuan cell (lower case), or None."""
    columns = {}
    for t in report.tables:
        cols = map_columns(t.columns, t.kind, report.info.year)
        columns[t.id] = (t, next((c.index for c in cols if c.label == "unit"), None))

    def unit(table_id: str, row: int) -> str | None:
        t, col = columns.get(table_id, (None, None))
        if t is None or col is None or row >= len(t.rows):
            return None
        return " ".join(t.rows[row][col].text.lower().split()) or None

    return unit


def _check(
    ind: Indicator,
    c: StatedValue,
    pairs: list[tuple[StatedValue, StatedValue]],
    params: dict[str, Any],
    cap: Decimal | None,
) -> Hit | None:
    """The finding for one printed % capaian, or None when some pair and formula explains it."""
    assert c.figure.value is not None
    pairs = [(t, r) for t, r in pairs if t.figure.value != 0]  # no ratio to a zero target
    if not pairs:
        return None
    printed = printed_readings(c.figure)
    first: list[tuple[str, Span]] = []
    found: list[list[tuple[str, Span]]] = []
    for t, r in pairs:
        assert t.figure.value is not None and r.figure.value is not None
        # Every reading of the inputs ("203.955" may be a thousand-group or a decimal point).
        for tv in readings(t.figure):
            for rv in readings(r.figure):
                ts = input_span(t.figure, None if tv == t.figure.value else tv)
                rs = input_span(r.figure, None if rv == r.figure.value else rv)
                fs = _formulas(ts, rs, ind.polarity, params["negative_formula"])
                first = first or fs
                found.append(fs)
    spans = [span for fs in found for _, span in fs]
    if any(span.overlaps(p) for span in spans for p in printed):
        return None
    if cap is not None and any(p.contains(cap) for p in printed) and any(s.hi >= cap for s in spans):
        return None
    if not first:
        return None
    t, r = pairs[0]
    assert t.figure.value is not None and r.figure.value is not None
    note_id = note_en = ""
    severity = None
    if min(t.figure.value, r.figure.value) < 0:
        severity = Severity.WARNING  # growth rates: no agreed capaian formula for a negative value
    elif (c.figure.decimals or 0) >= 2 and any(s.overlaps(_widened(printed[0], c.figure)) for s in spans):
        severity = Severity.WARNING
        note_id = (
            " Selisihnya hanya satu angka pada desimal terakhir; mungkin dihitung dari data yang belum "
            "dibulatkan."
        )
        note_en = " It is off by one in the last decimal only; it may come from unrounded source data."
    elif ind.polarity != Polarity.POSITIVE and any(r.figure.value == 0 for _, r in pairs):
        severity = Severity.WARNING
        note_id = (
            " Realisasi 0: rumus T/R untuk indikator yang makin kecil makin baik tidak terdefinisi, jadi "
            "angka yang dicetak bisa berupa konvensi instansi."
        )
        note_en = (
            " Realisasi is 0: T/R (lower is better) has no value, so the print may be the agency's "
            "convention."
        )
    name, span = first[0]
    exact = span.mid()
    decimals = max(c.figure.decimals or 0, 2)
    expected = (
        " / ".join(f"{show(sp.mid(), decimals)} ({nm})" for nm, sp in first)
        if len(first) > 1
        else show(exact, decimals)
    )
    return Hit(
        facts={
            "indicator": label(ind),
            "table": table_name(c.table_kind),
            "page": c.provenance.page,
            "target": t.figure.raw,
            "realisasi": r.figure.raw,
            "formula": " / ".join(nm for nm, _ in first),
            "polarity": ind.polarity.value,
            "note": note_id,
            "note_en": note_en,
        },
        locations=[
            loc(c, f"{table_name(c.table_kind)}: % capaian"),
            loc(t, "target"),
            loc(r, "realisasi"),
        ],
        expected=expected,
        found=c.figure.raw,
        evidence={
            "formula": name,
            "computed": str(exact.quantize(Decimal("0.0001"))),
            "printed_interval": [str(printed[0].lo), str(printed[0].hi)],
            "convention": "rounding or truncation at the printed decimals",
            "polarity": ind.polarity.value,
            "negative_formula": params["negative_formula"],
            "cap": str(cap) if cap is not None else None,
            "pairs_tried": [[a.figure.raw, b.figure.raw] for a, b in pairs],
        },
        key=(c.provenance.table_id, c.provenance.row, c.provenance.col),
        severity=severity,
    )
