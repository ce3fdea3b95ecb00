"""% of the Renstra end target: realisasi / target akhir Renstra, read annually or cumulatively as the
indicator's kind allows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lakipcheck.model.types import Indicator, Polarity, Report, Role, StatedValue
from lakipcheck.numbers import Figure
from lakipcheck.rules.arith import Span, input_span, printed_span, ratio_span, readings, sum_span
from lakipcheck.rules.checks.capaian import printed_readings
from lakipcheck.rules.checks.common import is_count, label, loc, numeric, show, table_name
from lakipcheck.rules.checks.swaps import RowId, copied_cells, places, swapped_rows
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to compute the printed %: its formula as printed figures, and the interval it gives."""

    cumulative: bool  # sums values over years
    text: str
    span: Span


def _spans(fig: Figure) -> list[Span]:
    assert fig.value is not None
    return [input_span(fig, None if v == fig.value else v) for v in readings(fig)]


def _row(v: StatedValue) -> RowId:
    p = v.provenance
    return (p.table_id or f"p{p.page}", p.row if p.row is not None else -1)


def _realisasi(report: Report, ind: Indicator, row: RowId, swapped: bool) -> list[StatedValue]:
    """The report year's realisasi: the row's own (its "Target" cell when the row is exchanged, LK102; a
    "Realisasi s.d. 2016" printed in the row itself counts, the % being computed from it), then every other
    place that states it."""
    year = report.info.year
    own = ("target", year) if swapped else ("realisasi", year)
    ps = places(ind, year, copied_cells(report))
    out = [p.value for p in ps if p.row == row and p.quantity == own and numeric(p.value)]
    if not swapped:
        out += [
            v
            for v in ind.values
            if v.role == Role.REALISASI
            and _row(v) == row
            and numeric(v)
            and (v.year is None or year is None or v.year == year)
            and v not in out
        ]
    if not out or min(v.link_score for v in out) >= 100:
        # a row tied to the indicator by a fuzzy name match is read with its own realisasi only
        out += [
            p.value for p in ps if p.row != row and p.quantity == ("realisasi", year) and numeric(p.value)
        ]
    seen: set[Decimal] = set()
    unique = []
    for v in out:
        assert v.figure.value is not None
        if v.figure.value not in seen:
            seen.add(v.figure.value)
            unique.append(v)
    return unique


def _earlier(report: Report, ind: Indicator, row: RowId) -> dict[int, StatedValue]:
    """Realisasi of earlier years: the row's own first, else any place stating that year's realisasi."""
    year = report.info.year
    out: dict[int, StatedValue] = {}
    for v in ind.values:
        if v.role == Role.PREV_REALISASI and v.year is not None and _row(v) == row and numeric(v):
            out.setdefault(v.year, v)
    for p in places(ind, year, copied_cells(report)):
        y = p.quantity[1]
        if (
            p.quantity[0] == "realisasi"
            and y is not None
            and year is not None
            and y < year
            and numeric(p.value)
        ):
            out.setdefault(y, p.value)
    return out


def _plan(ind: Indicator) -> dict[int, StatedValue]:
    out: dict[int, StatedValue] = {}
    for v in ind.values:
        if v.role == Role.RENSTRA_TARGET and v.year is not None and numeric(v):
            out.setdefault(v.year, v)
    return out


def _ratios(num: list[Span], den: Span, polarity: Polarity) -> list[Span]:
    """num/den×100 over every reading; for a lower-is-better (or unstated) indicator also (2T−R)/T and T/R."""
    out = []
    for n in num:
        s = ratio_span(n, den)
        if s and polarity in (Polarity.POSITIVE, Polarity.UNKNOWN):
            out.append(s)
        if polarity in (Polarity.NEGATIVE, Polarity.UNKNOWN):
            s2 = ratio_span(Span(2 * den.lo - n.hi, 2 * den.hi - n.lo), den)
            s3 = ratio_span(den, n)
            out += [x for x in (s2, s3) if x]
    return out


def readings_for(
    ind: Indicator,
    end: StatedValue,
    reals: list[StatedValue],
    prev: dict[int, StatedValue],
    plan: dict[int, StatedValue],
    year: int,
) -> list[Reading]:
    """Every reading of "% of the Renstra end target": the year's realisasi over the end target (annual);
    realisasi summed from some earlier year over the end target, or over the sum of the Renstra's yearly
    targets (cumulative)."""
    out: list[Reading] = []
    e = end.figure
    end_spans = _spans(e)
    plan_sum = None
    if len(plan) >= 2:
        years = sorted(plan)
        plan_sum = (
            sum_span([input_span(plan[y].figure) for y in years]),
            " + ".join(plan[y].figure.raw for y in years),
        )
    for r in reals:
        for es in end_spans:
            for s in _ratios(_spans(r.figure), es, ind.polarity):
                out.append(Reading(False, f"{r.figure.raw} / {e.raw}", s))
        if plan_sum is not None:
            for s in _ratios(_spans(r.figure), plan_sum[0], ind.polarity):
                out.append(Reading(True, f"{r.figure.raw} / ({plan_sum[1]})", s))
        # cumulative numerators: from year k up to the report year, every year in between known
        acc = [input_span(r.figure)]
        texts = [r.figure.raw]
        for y in range(year - 1, min(prev, default=year) - 1, -1):
            if y not in prev:
                break
            acc.append(input_span(prev[y].figure))
            texts.insert(0, prev[y].figure.raw)
            total = sum_span(acc)
            num = f"({' + '.join(texts)})"
            for es in end_spans:
                for s in _ratios([total], es, ind.polarity):
                    out.append(Reading(True, f"{num} / {e.raw}", s))
            if plan_sum is not None:
                for s in _ratios([total], plan_sum[0], ind.polarity):
                    out.append(Reading(True, f"{num} / ({plan_sum[1]})", s))
    return out


def _complete_history(prev: dict[int, StatedValue], plan: dict[int, StatedValue], year: int) -> bool:
    """Every realisasi from the Renstra's first year up to the report year is known (so no cumulative
    reading was left out)."""
    if not plan:
        return False
    start = min(plan)
    return all(y in prev for y in range(start, year))


@primitive("renstra_end_ratio", cap=None)
def renstra_end_ratio(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """The printed "% capaian terhadap target akhir Renstra" must follow from the realisasi and the end
    target. For a count (orang, dokumen, ...; common.is_count) the cumulative reading (realisasi summed over
    the Renstra years up to the report year / end target) and the annual one (this year's realisasi / end
    target) are both accepted. For a score, index, percentage or grade only realisasi / end target is right:
    a print that only a sum over years explains is reported with that sum (summing a score across years is
    itself the error). When the report does not say which kind the indicator is, any reading is accepted.
    Rounding or truncation at the printed decimals; lower-is-better formulas when the polarity is not
    positive; ``cap`` (e.g. 100) accepts a capped %. A count's print that no reading explains is reported
    only when every year's realisasi since the Renstra's start is known."""
    year = report.info.year
    if year is None:
        return
    cap = Decimal(str(params["cap"])) if params.get("cap") is not None else None
    swapped = swapped_rows(report)
    copied = copied_cells(report)
    for ind in report.indicators:
        kind = is_count(ind)
        plan = _plan(ind)
        # rows still tied to the indicator once other indicators' rows are set apart (swaps.places)
        kept = {p.row for p in places(ind, year, copied)}
        for c in ind.all(Role.RENSTRA_END_CAPAIAN):
            if not numeric(c) or c.figure.value is None or _row(c) not in kept:
                continue
            row = _row(c)
            end = next((v for v in ind.values if v.role == Role.RENSTRA_END_TARGET and _row(v) == row), None)
            if end is None or not numeric(end) or end.figure.value is None or end.figure.value <= 0:
                continue
            reals = _realisasi(report, ind, row, row in swapped)
            if not reals:
                continue
            prev = _earlier(report, ind, row)
            found = readings_for(ind, end, reals, prev, plan, year)
            printed = printed_span(c.figure)
            fits = [r for r in found if any(r.span.overlaps(p) for p in printed_readings(c.figure))]
            if cap is not None and printed.contains(cap):
                fits += [r for r in found if r.span.hi >= cap]
            annual_fits = [r for r in fits if not r.cumulative]
            if annual_fits or (kind is not False and fits):
                continue
            annual = [r for r in found if not r.cumulative]
            if not annual:
                continue
            if kind is not False and not _complete_history(prev, plan, year):
                continue  # a cumulative reading over years the report does not show may explain it
            decimals = max(c.figure.decimals or 0, 2)
            best = annual[0]
            expected = show(best.span.mid(), decimals)
            summed = next((r for r in fits if r.cumulative), None)
            why_id = (
                f"angka itu hanya dihasilkan dengan menjumlahkan beberapa tahun: {summed.text} × 100 = "
                f"{show(summed.span.mid(), decimals + 1)}, padahal {_kind_id(ind)} tidak boleh dijumlahkan "
                "antartahun"
                if summed
                else "tidak ada cara hitung (tahunan maupun kumulatif) yang menghasilkan angka itu"
            )
            why_en = (
                f"only a sum over years gives it: {summed.text} × 100 = "
                f"{show(summed.span.mid(), decimals + 1)}, "
                f"but a {_kind_en(ind)} must not be added up across years"
                if summed
                else "no reading (annual or cumulative) gives it"
            )
            yield Hit(
                facts={
                    "indicator": label(ind),
                    "table": table_name(c.table_kind),
                    "table_en": table_name(c.table_kind, "en"),
                    "page": c.provenance.page,
                    "formula": f"{best.text} × 100",
                    "why": why_id,
                    "why_en": why_en,
                },
                locations=[
                    loc(c, f"{table_name(c.table_kind)}: % terhadap target akhir Renstra"),
                    loc(end, "target akhir Renstra"),
                    *[Location(r.provenance, "realisasi") for r in reals[:1]],
                    *[Location(v.provenance, f"realisasi {y}") for y, v in sorted(prev.items())],
                    *[
                        Location(v.provenance, f"target Renstra {y}")
                        for y, v in sorted(plan.items())
                        if summed is not None and v.figure.raw in summed.text
                    ],
                ],
                expected=expected,
                found=c.figure.raw,
                evidence={
                    "kind": "count" if kind else "score/index/percentage" if kind is False else "not stated",
                    "annual": best.text,
                    "explained_by_sum": summed.text if summed else None,
                    "printed_interval": [str(printed.lo), str(printed.hi)],
                    "convention": "rounding or truncation at the printed decimals",
                    "cap": str(cap) if cap is not None else None,
                },
                key=(c.provenance.table_id, c.provenance.row, c.provenance.col),
            )


def _kind_id(ind: Indicator) -> str:
    unit = (ind.unit or "").strip().lower()
    what = f' (satuan "{unit}")' if unit else ""
    return f"skor, indeks, persentase atau predikat{what}"


def _kind_en(ind: Indicator) -> str:
    return "score, index, percentage or grade"
