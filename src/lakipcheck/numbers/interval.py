"""The set of true values that could have printed a figure, from its printed precision (Arelle-style).

With u = one unit in the last printed digit (10**-decimals, times the figure's scale) and h = u/2:

========== ==================================== =========================================================
mode       value v > 0                          notes
========== ==================================== =========================================================
"round"    [v-h, v+h]  (both ends closed)       half-up keeps v-h and drops v+h, half-even keeps or drops
                                                both depending on parity: the closed hull covers both.
"truncate" [v, v+u)    (upper end open)         digits cut off toward zero; mirrored for v < 0:
                                                (v-u, v]; for v = 0: (-u, u), both open.
"either"   [v-h, v+u)  (lower closed, upper     hull of the two above; v < 0: (v-u, v+h]; v = 0: (-u, u).
           open)
========== ==================================== =========================================================

The function returns the two end points; ``contains`` also honours which ends are open. A RANGE figure gives
[lower(low), upper(high)]: each end widened by the precision in the same way. A qualifier opens one side to
infinity: ">"/">=" -> upper = +Infinity, "<"/"<=" -> lower = -Infinity ("> 100" is any value above about 100);
"±" is ignored. Values are exact Decimals.
"""

from __future__ import annotations

from decimal import Context, Decimal, localcontext

from lakipcheck.numbers.types import Figure, FigureKind

MODES = ("round", "truncate", "either")
_INF = Decimal("Infinity")
_EXACT = Context(prec=1000)  # end points are exact: printed values are short, so this never rounds


def _unit(fig: Figure) -> Decimal:
    if fig.decimals is None:
        return Decimal(0)
    return Decimal(10) ** -fig.decimals * fig.scale


def _lower(x: Decimal, u: Decimal, mode: str) -> tuple[Decimal, bool]:
    """Lower end for printed value x and whether it is closed."""
    h = u / 2
    if mode == "round":
        return x - h, True
    if x > 0:
        return (x, True) if mode == "truncate" else (x - h, True)
    return x - u, u == 0  # x <= 0: truncation toward zero from below; open unless exact


def _upper(x: Decimal, u: Decimal, mode: str) -> tuple[Decimal, bool]:
    h = u / 2
    if mode == "round":
        return x + h, True
    if x < 0:
        return (x, True) if mode == "truncate" else (x + h, True)
    return x + u, u == 0


def _bounds(fig: Figure, mode: str) -> tuple[Decimal, bool, Decimal, bool]:
    if mode not in MODES:
        raise ValueError(f"unknown interval mode {mode!r}; expected one of {MODES}")
    if fig.kind == FigureKind.RANGE and fig.low is not None and fig.high is not None:
        lo_x, hi_x = fig.low, fig.high
    elif fig.value is not None:
        lo_x = hi_x = fig.value
    else:
        raise ValueError(f"figure {fig.raw!r} ({fig.kind}) has no numeric value")
    with localcontext(_EXACT):
        u = _unit(fig)
        lo, lo_closed = _lower(lo_x, u, mode)
        hi, hi_closed = _upper(hi_x, u, mode)
    if fig.qualifier in (">", ">="):
        hi, hi_closed = _INF, False
    elif fig.qualifier in ("<", "<="):
        lo, lo_closed = -_INF, False
    return lo, lo_closed, hi, hi_closed


def interval(fig: Figure, *, mode: str) -> tuple[Decimal, Decimal]:
    """(lower, upper) of the true values that print as ``fig`` under ``mode`` ("round", "truncate", "either").

    See the module docstring for which ends are open; use ``contains`` to test membership exactly. Raises
    ValueError for a figure without a value (TEXT, MISSING, a bare grade) or an unknown mode.
    """
    lo, _, hi, _ = _bounds(fig, mode)
    return lo, hi


def contains(fig: Figure, x: Decimal, *, mode: str) -> bool:
    """Whether the true value ``x`` could have printed as ``fig`` (open ends excluded)."""
    lo, lo_closed, hi, hi_closed = _bounds(fig, mode)
    above = x >= lo if lo_closed else x > lo
    below = x <= hi if hi_closed else x < hi
    return above and below
