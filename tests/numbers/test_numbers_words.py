"""Indonesian number words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakipcheck.numbers import numeral_with_words, words_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("lima", 5),
        ("(lima)", 5),
        ("dua", 2),
        ("empat puluh delapan", 48),
        ("dua puluh satu", 21),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("dua belas", 12),
        ("sembilan belas", 19),
        ("seratus", 100),
        ("seratus satu", 101),
        ("seribu", 1000),
        ("tiga ratus lima puluh tujuh", 357),
        ("satu juta", 1_000_000),
        ("Dua Ribu Dua Puluh Tiga", 2023),
        ("sepuluh ribu", 10_000),
        ("seratus dua belas ribu", 112_000),
        ("dua juta tiga ratus ribu", 2_300_000),
        ("lima miliar", 5_000_000_000),
        ("nol", 0),
    ],
)
def test_number_phrases(text, value):
    assert words_to_int(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "dua dua",
        "puluh",
        "ratus",
        "ribu",
        "lima orang",
        "sebelas puluh",
        "dua puluh tiga puluh",
        "seribu juta",
        "ribu dua",
        "satu ratus seratus",
        "Sangat Baik",
        "BB",
        "5",
        "dua belas belas",
    ],
)
def test_non_number_phrases(text):
    assert words_to_int(text) is None


def test_numeral_with_words_pairs():
    assert numeral_with_words("48 (empat puluh delapan) orang") == (48, 48)
    assert numeral_with_words("5 (lima) indikator kinerja") == (5, 5)
    assert numeral_with_words("5 (enam)") == (5, 6)
    assert numeral_with_words("1.200 (seribu dua ratus)") == (1200, 1200)
    assert numeral_with_words("2 (BB)") is None
    assert numeral_with_words("lima") is None


_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _spell_below_1000(n: int) -> list[str]:
    out: list[str] = []
    h, rest = divmod(n, 100)
    if h == 1:
        out.append("seratus")
    elif h > 1:
        out += [_ONES[h], "ratus"]
    t, o = divmod(rest, 10)
    if t == 1:
        out += ["sepuluh"] if o == 0 else ["sebelas"] if o == 1 else [_ONES[o], "belas"]
        return out
    if t > 1:
        out += [_ONES[t], "puluh"]
    if o:
        out.append(_ONES[o])
    return out


def spell(n: int) -> str:
    """Reference speller written independently of the parser (standard Indonesian forms)."""
    words: list[str] = []
    for scale, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        q, n = divmod(n, scale)
        if q == 1 and name == "ribu":
            words.append("seribu")
        elif q:
            words += [*_spell_below_1000(q), name]
    words += _spell_below_1000(n)
    return " ".join(words)


@given(st.integers(min_value=1, max_value=10**15 - 1))
def test_spelled_numbers_round_trip(n):
    assert words_to_int(spell(n)) == n
