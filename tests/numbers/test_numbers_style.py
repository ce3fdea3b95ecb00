"""read_number and infer_style: separator reading and per-column / per-document style decisions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakipcheck.numbers import NumberStyle as S
from lakipcheck.numbers import infer_style, read_number
from lakipcheck.numbers.style import evidence


@pytest.mark.parametrize(
    ("token", "style"),
    [
        ("1.234.567", S.ID),
        ("93,34", S.ID),
        ("1.234,5", S.ID),
        ("0,249", S.ID),
        ("13,040,047,000", S.EN),
        ("99.82", S.EN),
        ("1,234.5", S.EN),
        ("1.500", None),  # ambiguous: proves nothing
        ("1,500", None),
        ("2568", None),
        ("1.1", None),  # heading number
        ("557,134,410,00", None),  # one separator for two jobs
        ("31.12.2016", None),
    ],
)
def test_evidence_of_single_tokens(token, style):
    assert evidence(token) == style


def test_read_number_returns_value_decimals_style():
    assert read_number("54.166.493.000") == (Decimal(54166493000), 0, S.ID)
    assert read_number("1,500", S.ID) == (Decimal("1.500"), 3, S.ID)
    assert read_number("1,500") == (Decimal(1500), 0, S.AMBIGUOUS)
    assert read_number("1,500", prefer_decimal=True) == (Decimal("1.500"), 3, S.AMBIGUOUS)
    assert read_number("12a") is None
    assert read_number("") is None


# Columns copied from the seed report (BGP NTT 2023).
SEED_ALOKASI = ["49.119.478.000", "13.040.047.000", "34.733.045.000", "1.346.386.000", "5.047.015.000", ""]
SEED_PERSEN = ["99.85", "99.85", "99.99", "96.29", "99.45", "99.45", "", "99.82"]
SEED_CAPAIAN = ["101,75", "102,62", "119,34", "87,5", "103,71"]
SEED_MIXED_ANGGARAN = [
    "13,040,047,000",
    "1,031,869,000",
    "12,008,178,000",
    "147,312,000",
    "200.000.000",
    "200.000.000",
]


@pytest.mark.parametrize(
    ("column", "style"),
    [
        (SEED_ALOKASI, S.ID),
        (SEED_PERSEN, S.EN),  # the "%" column of an otherwise Indonesian budget table
        (SEED_CAPAIAN, S.ID),
        (SEED_MIXED_ANGGARAN, S.EN),  # 3 English against 2 Indonesian
        (["2568", "9534", "796"], None),  # no evidence
        (["1.234.567", "1,234,567"], None),  # tie
        ([], None),
        (["Rp 1.234.567", "total 93,34 %"], S.ID),  # numbers inside phrases count
    ],
)
def test_infer_style_by_majority(column, style):
    assert infer_style(column) == style


def test_infer_style_resolves_an_ambiguous_column():
    """Dispenda 2016 p3 '% 82 82.029 100.04': in an English column 82.029 is a decimal (= 100.04 % of 82)."""
    from lakipcheck.numbers import parse_figure

    column = ["82.029", "86.54", "84.80", "100.04"]
    style = infer_style(column)
    assert style == S.EN
    assert parse_figure("82.029", style=style).value == Decimal("82.029")
    assert parse_figure("82.029").value == Decimal(82029)  # without the column's style: the default guess
