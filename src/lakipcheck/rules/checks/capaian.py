"""% capaian = realisasi / target, in every table that prints all three for an indicator."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lakipcheck.model.types import Polarity, Report, Role
from lakipcheck.rules.arith import Span, input_span, printed_span, ratio_span, readings
from lakipcheck.rules.checks.common import label, loc, numeric, rows, show, table_name
from lakipcheck.rules.checks.swaps import swapped_rows
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Severity

TRIPLES = (
    (Role.TARGET, Role.REALISASI, Role.CAPAIAN),
    (Role.PENGUKURAN_TARGET, Role.PENGUKURAN_REALISASI, Role.PENGUKURAN_CAPAIAN),
)


def _formulas(t: Span, r: Span, polarity: Polarity, negative_formula: str) -> list[tuple[str, Span]]:
    """(name, interval of the computed capaian) for every formula the indicator's polarity allows."""
    out: list[tuple[str, Span]] = []
    if polarity in (Polarity.POSITIVE, Polarity.UNKNOWN):
        s = ratio_span(r, t)
        if s:
            out.append(("R/T×100", s))
    if polarity in (Polarity.NEGATIVE, Polarity.UNKNOWN):
        if negative_formula in ("2T-R", "either"):
            s = ratio_span(Span(2 * t.lo - r.hi, 2 * t.hi - r.lo), t)
            if s:
                out.append(("(2T−R)/T×100", s))
        if negative_formula in ("T/R", "either"):
            s = ratio_span(t, r)
            if s:
                out.append(("T/R×100", s))
    return out


@primitive("capaian_ratio", negative_formula="2T-R", cap=None, skip_zero_target=True)
def capaian_ratio(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """For each row that prints target, realisasi and % capaian of one indicator, the printed % must follow
    from the other two under the indicator's polarity: R/T×100 when higher is better; (2T−R)/T×100 or
    T/R×100 (parameter ``negative_formula``: "2T-R", "T/R" or "either") when lower is better. When the report
    does not state the polarity, any of them may explain the print. ``cap`` (e.g. 120) accepts a capped %.
    The printed % may be rounded or truncated at the decimals printed; inputs with decimals are intervals."""
    cap = Decimal(str(params["cap"])) if params.get("cap") is not None else None
    swapped = swapped_rows(report)  # reported once, as a swap (LK102)
    for ind in report.indicators:
        for (table, row), vals in rows(ind).items():
            if (table, row) in swapped:
                continue
            for t_role, r_role, c_role in TRIPLES:
                t, r, c = vals.get(t_role), vals.get(r_role), vals.get(c_role)
                if not (numeric(t) and numeric(r) and numeric(c)):
                    continue
                assert t and r and c and t.figure.value is not None and c.figure.value is not None
                if t.figure.value == 0:
                    continue  # no ratio to a zero target; the rule pack reports it only when asked
                printed = printed_span(c.figure)
                formulas: list[tuple[str, Span]] = []
                ok = False
                # Every reading of the inputs ("203.955" may be a thousand-group or a decimal point).
                for tv in readings(t.figure):
                    for rv in readings(r.figure):
                        ts = input_span(t.figure, None if tv == t.figure.value else tv)
                        rs = input_span(r.figure, None if rv == r.figure.value else rv)
                        fs = _formulas(ts, rs, ind.polarity, params["negative_formula"])
                        formulas = formulas or fs
                        ok = ok or any(span.overlaps(printed) for _, span in fs)
                if not formulas:
                    continue
                if not ok and cap is not None and printed.contains(cap):
                    ok = any(span.hi >= cap for _, span in formulas)
                if ok:
                    continue
                name, span = formulas[0]
                exact = span.mid()
                decimals = max(c.figure.decimals or 0, 2)
                expected = (
                    " / ".join(f"{show(sp.mid(), decimals)} ({nm})" for nm, sp in formulas)
                    if len(formulas) > 1
                    else show(exact, decimals)
                )
                yield Hit(
                    facts={
                        "indicator": label(ind),
                        "table": table_name(c.table_kind),
                        "page": c.provenance.page,
                        "target": t.figure.raw,
                        "realisasi": r.figure.raw,
                        "formula": " / ".join(nm for nm, _ in formulas),
                        "polarity": ind.polarity.value,
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
                        "printed_interval": [str(printed.lo), str(printed.hi)],
                        "convention": "rounding or truncation at the printed decimals",
                        "polarity": ind.polarity.value,
                        "negative_formula": params["negative_formula"],
                        "cap": str(cap) if cap is not None else None,
                    },
                    key=(c.provenance.table_id, c.provenance.row, c.provenance.col),
                    # A negative target or realisasi (growth rates) has no agreed capaian formula.
                    severity=Severity.WARNING if min(t.figure.value, r.figure.value) < 0 else None,
                )
