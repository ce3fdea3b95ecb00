"""interval / contains: which true values could have printed a figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakipcheck.numbers import contains, interval, parse_figure

D = Decimal


def test_round_is_closed_half_unit_either_side():
    f = parse_figure("101,75 %")
    assert interval(f, mode="round") == (D("101.745"), D("101.755"))
    assert contains(f, D("101.745"), mode="round") and contains(f, D("101.755"), mode="round")
    assert not contains(f, D("101.7551"), mode="round")


def test_truncate_is_half_open_upwards_for_positive_values():
    f = parse_figure("87,5")
    assert interval(f, mode="truncate") == (D("87.5"), D("87.6"))
    assert contains(f, D("87.5"), mode="truncate") and contains(f, D("87.5999"), mode="truncate")
    assert not contains(f, D("87.6"), mode="truncate") and not contains(f, D("87.49"), mode="truncate")


def test_truncate_mirrors_for_negative_values():
    f = parse_figure("-20,44")
    assert interval(f, mode="truncate") == (D("-20.45"), D("-20.44"))
    assert contains(f, D("-20.44"), mode="truncate") and not contains(f, D("-20.45"), mode="truncate")


def test_truncated_zero_may_be_either_sign():
    f = parse_figure("0,0")
    assert interval(f, mode="truncate") == (D("-0.1"), D("0.1"))
    assert not contains(f, D("0.1"), mode="truncate")


def test_either_is_the_hull():
    f = parse_figure("101,75")
    assert interval(f, mode="either") == (D("101.745"), D("101.76"))
    assert not contains(f, D("101.76"), mode="either")


def test_seed_capaian_check_with_intervals():
    """Seed IKK 1.1: capaian 101,75 % must contain 2613/2568*100 = 101.7523..."""
    capaian = parse_figure("101,75 %")
    true = D(2613) / D(2568) * 100
    assert contains(capaian, true, mode="round")
    assert not contains(parse_figure("101,76 %"), true, mode="round")
    assert contains(parse_figure("101,75 %"), true, mode="truncate")


def test_scaled_value_uses_the_printed_precision():
    f = parse_figure("Rp 1,2 M")
    assert interval(f, mode="round") == (D(1150000000), D(1250000000))


def test_range_widens_both_ends():
    f = parse_figure("75,70 - 76,20")
    assert interval(f, mode="round") == (D("75.695"), D("76.205"))
    assert interval(f, mode="truncate") == (D("75.70"), D("76.21"))


def test_qualifier_opens_one_side():
    lo, hi = interval(parse_figure("> 100"), mode="round")
    assert lo == D("99.5") and hi == D("Infinity")
    lo, hi = interval(parse_figure("maks 5"), mode="round")
    assert lo == D("-Infinity") and hi == D("5.5")


@pytest.mark.parametrize("raw", ["BB", "-", "teks"])
def test_no_value_raises(raw):
    with pytest.raises(ValueError):
        interval(parse_figure(raw), mode="round")


def test_unknown_mode_raises():
    with pytest.raises(ValueError):
        interval(parse_figure("5"), mode="nearest")
