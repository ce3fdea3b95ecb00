from decimal import Decimal as D

import pytest

from lakipcheck.synth.inject import parse_num
from lakipcheck.synth.numfmt import dec, group, quantize, terbilang, with_words


def test_grouping_in_both_styles():
    assert group(54166493000) == "54.166.493.000"
    assert group(54166493000, "en") == "54,166,493,000"
    assert group(999) == "999"
    assert dec(D("1234.5"), 2) == "1.234,50"
    assert dec(D("1234.5"), 2, "en") == "1,234.50"
    assert dec(D("93.34"), 2, grouping=False) == "93,34"


@pytest.mark.parametrize(
    ("value", "mode", "printed"),
    [
        ("119.347", "round", "119.35"),
        ("119.347", "truncate", "119.34"),
        ("99.8182", "truncate", "99.81"),
        ("99.8182", "round", "99.82"),
        ("101.745", "round", "101.75"),
    ],
)
def test_rounding_and_truncation(value, mode, printed):
    assert quantize(D(value), 2, mode) == D(printed)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (2, "dua"),
        (11, "sebelas"),
        (17, "tujuh belas"),
        (48, "empat puluh delapan"),
        (100, "seratus"),
        (115, "seratus lima belas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (2568, "dua ribu lima ratus enam puluh delapan"),
    ],
)
def test_number_words(n, words):
    assert terbilang(n) == words


def test_with_words_matches_the_report_convention():
    assert with_words(5) == "5 (lima)"
    assert with_words(21) == "21 (dua puluh satu)"


@pytest.mark.parametrize(
    ("text", "style", "value", "shown"),
    [
        ("Rp. 1.346.386.000", "id", "1346386000", "Rp. 1.346.386.001"),
        ("101,75 %", "id", "101.75", "101,76 %"),
        ("13,040,047,000", "en", "13040047000", "13,040,047,001"),
        ("99.82", "en", "99.82", "99.83"),
        ("2568", "id", "2568", "2569"),
    ],
)
def test_parse_num_reprints_in_the_same_format(text, style, value, shown):
    num = parse_num(text, style)
    assert num.value == D(value)
    step = D(1).scaleb(-num.decimals)
    assert num.show(num.value) == text
    assert num.show(num.value + step) == shown
