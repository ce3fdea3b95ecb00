"""Print numbers the way LAKIPs do: Indonesian or English grouping, rounding or truncation, number words."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ID, EN = "id", "en"


def group(n: int, style: str = ID) -> str:
    """Thousands grouping: ``group(1234567) == "1.234.567"``; ``style="en"`` gives "1,234,567"."""
    sign = "-" if n < 0 else ""
    s = f"{abs(n):,}"
    return sign + (s.replace(",", ".") if style == ID else s)


def dec(value: Decimal, places: int, style: str = ID, *, grouping: bool = True) -> str:
    """A decimal with ``places`` decimals: ``dec(Decimal("1234.5"), 2) == "1.234,50"``."""
    q = value.quantize(Decimal(1).scaleb(-places)) if places else value.quantize(Decimal(1))
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole = int(q)
    int_part = group(whole, style) if grouping else str(whole)
    if not places:
        return sign + int_part
    frac = f"{q:.{places}f}".split(".")[1]
    return sign + int_part + ("," if style == ID else ".") + frac


def quantize(value: Decimal, places: int, mode: str) -> Decimal:
    """Round half up (``mode="round"``) or truncate toward zero (``mode="truncate"``) to ``places``."""
    exp = Decimal(1).scaleb(-places)
    return value.quantize(exp, rounding=ROUND_HALF_UP if mode == "round" else ROUND_DOWN)


def percent(num: Decimal, den: Decimal) -> Decimal:
    """Exact-enough ratio in percent (28 significant digits)."""
    return num / den * 100


_ONES = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
]


def terbilang(n: int) -> str:
    """Indonesian number words: ``terbilang(48) == "empat puluh delapan"`` (0 <= n < 1 000 000)."""
    if n < 0 or n >= 1_000_000:
        raise ValueError(n)
    if n < 12:
        return _ONES[n]
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[rest]}" if rest else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        h, rest = divmod(n, 100)
        return f"{_ONES[h]} ratus" + (f" {terbilang(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    th, rest = divmod(n, 1000)
    return f"{terbilang(th)} ribu" + (f" {terbilang(rest)}" if rest else "")


def with_words(n: int) -> str:
    """``"5 (lima)"``."""
    return f"{n} ({terbilang(n)})"
