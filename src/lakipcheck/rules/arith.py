"""Arithmetic that respects printed precision (XBRL Calculations 1.1 style).

Every printed figure stands for an interval of true values: the values that rounding *or* truncation at the
printed number of decimals could have turned into what is printed. A computed figure is consistent with a
printed one when the interval of possible computed values overlaps the printed figure's interval.

Inputs: a whole number that is not money (a count, a whole target) is taken as exact; a figure with decimals,
or a Rupiah amount (often rounded from sen), stands for its interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

from lakipcheck.numbers import Figure, FigureKind, interval

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Span:
    lo: Decimal
    hi: Decimal

    def overlaps(self, other: Span) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, x: Decimal) -> bool:
        return self.lo <= x <= self.hi

    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2


def input_span(fig: Figure, value: Decimal | None = None) -> Span:
    """The interval an *input* figure stands for (see module doc); ``value`` replaces the parsed value when
    another reading of the print is tried (see :func:`readings`)."""
    assert fig.value is not None
    v = fig.value if value is None else value
    if ((fig.decimals or 0) == 0 and fig.kind != FigureKind.RUPIAH and fig.scale == 1) or value is not None:
        if value is None or v == fig.value:
            lo, hi = (
                interval(fig, mode="round")
                if (fig.decimals or 0) > 0 or fig.kind == FigureKind.RUPIAH
                else (v, v)
            )
            return Span(lo, hi)
        return Span(v, v)
    lo, hi = interval(fig, mode="round")
    return Span(lo, hi)


_LONE_GROUP = re.compile(r"^[^\d]*\d{1,3}[.,]\d{3}(?!\d)[^\d.,]*$")


def readings(fig: Figure) -> list[Decimal]:
    """The values a printed number may mean. In "203.955" or "1,500" (one separator, three digits after it)
    the separator may group thousands or mark decimals; reports mix both conventions even inside a table."""
    assert fig.value is not None
    out = [fig.value]
    if fig.kind != FigureKind.RUPIAH and _LONE_GROUP.match(fig.raw.strip()):
        alt = (
            fig.value * 1000 if (fig.decimals or 0) == 3 else fig.value / 1000 if fig.decimals == 0 else None
        )
        if alt is not None:
            out.append(alt)
    return out


def printed_span(fig: Figure, mode: str = "either") -> Span:
    """The interval a *printed result* stands for under ``mode`` (round / truncate / either)."""
    lo, hi = interval(fig, mode=mode)
    return Span(lo, hi)


def ratio_span(num: Span, den: Span, scale: Decimal = HUNDRED) -> Span | None:
    """num / den * scale over the boxes (positive denominators only)."""
    if den.lo <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 40
        cands = [a / b * scale for a in (num.lo, num.hi) for b in (den.lo, den.hi)]
    return Span(min(cands), max(cands))


def sum_span(spans: list[Span]) -> Span:
    return Span(sum((s.lo for s in spans), Decimal(0)), sum((s.hi for s in spans), Decimal(0)))


def convention(fig: Figure, exact: Decimal) -> str | None:
    """Which convention turns ``exact`` into the printed figure: "rounding", "truncation", both, or None."""
    rnd = printed_span(fig, "round").contains(exact)
    trn = printed_span(fig, "truncate").contains(exact)
    if rnd and trn:
        return "rounding/truncation"
    return "rounding" if rnd else "truncation" if trn else None


def fmt(value: Decimal, decimals: int, style: str = "id") -> str:
    """Format like the report: ``style`` "id" uses '.' for thousands and ',' for decimals."""
    q = Decimal(1).scaleb(-decimals) if decimals > 0 else Decimal(1)
    with localcontext() as ctx:
        ctx.prec = 40
        v = value.quantize(q)
    text = f"{v:,.{decimals}f}"
    if style == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text
