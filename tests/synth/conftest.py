"""Shared helpers for the synthetic-report tests: reading printed numbers back into values."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from lakipcheck.synth.render import fonts, norm_space


def read_number(printed: str, style: str) -> Decimal:
    """Parse "Rp. 1.234.567", "101,75 %", "2,568" (style en) into a Decimal."""
    m = re.search(r"-?\d[\d.,]*", printed)
    assert m, printed
    raw = m[0]
    dsep, gsep = (",", ".") if style == "id" else (".", ",")
    whole, _, frac = raw.partition(dsep)
    return Decimal(whole.replace(gsep, "") + ("." + frac if frac else ""))


def on_page(texts: list[str], page: int | None, needle: str) -> bool:
    return page is not None and 1 <= page <= len(texts) and norm_space(needle) in texts[page - 1]


@pytest.fixture(scope="session")
def unicode_font() -> bool:
    return fonts().unicode
