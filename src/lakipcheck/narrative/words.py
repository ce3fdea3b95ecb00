"""Number words with decimals, percentages and Rupiah: "tiga puluh satu koma dua empat persen" -> 31.24."""

from __future__ import annotations

import re
from decimal import Decimal

from lakipcheck.numbers import words_to_int

_DIGITS = {
    "nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6",
    "tujuh": "7", "delapan": "8", "sembilan": "9",
}  # fmt: skip
_TAIL = re.compile(r"\s*\b(persen|prosen|rupiah)\b\s*$", re.IGNORECASE)


def words_value(text: str) -> tuple[Decimal, str | None] | None:
    """(value, "persen" / "rupiah" / None) of a number phrase; None when it is not one."""
    text = " ".join(text.lower().replace("-", " ").split())
    tail = None
    m = _TAIL.search(text)
    if m:
        tail = "persen" if m.group(1).startswith("pro") or m.group(1) == "persen" else m.group(1)
        text = text[: m.start()]
    whole, sep, frac = text.partition(" koma ")
    if not sep and text.endswith(" koma"):
        return None
    n = words_to_int(whole) if whole.strip() else None
    if n is None and whole.strip() not in ("nol",):
        return None
    base = Decimal(n or 0)
    if not sep:
        return base, tail
    parts = frac.split()
    if parts and all(p in _DIGITS for p in parts):
        digits = "".join(_DIGITS[p] for p in parts)
    else:
        value = words_to_int(frac)
        if value is None:
            return None
        digits = str(value)
    return base + Decimal(f"0.{digits}"), tail
