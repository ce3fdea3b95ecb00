"""Property-based tests: round trips through both separator styles, totality, interval soundness."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lakipcheck.numbers import Figure, FigureKind, NumberStyle, contains, infer_style, interval, parse_figure
from lakipcheck.numbers.parse import _parse


def fmt(value: Decimal, places: int, style: NumberStyle) -> str:
    """Print ``value`` with ``places`` decimals and thousands groups, the way a report would."""
    group, point = (".", ",") if style == NumberStyle.ID else (",", ".")
    sign = "-" if value < 0 else ""
    text = f"{abs(value):.{places}f}"
    int_part, _, frac = text.partition(".")
    groups = []
    while len(int_part) > 3:
        groups.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    groups.insert(0, int_part)
    out = group.join(groups)
    return sign + out + (point + frac if places else "")


places_st = st.integers(min_value=0, max_value=6)


@st.composite
def printed(draw):
    places = draw(places_st)
    value = draw(
        st.decimals(
            min_value=-(10**15), max_value=10**15, places=places, allow_nan=False, allow_infinity=False
        )
    )
    return value, places


@given(printed(), st.sampled_from([NumberStyle.ID, NumberStyle.EN]))
def test_round_trip_with_matching_style(vp, style):
    value, places = vp
    raw = fmt(value, places, style)
    fig = parse_figure(raw, style=style)
    assert fig.kind == FigureKind.NUMBER, raw
    assert fig.value == value, raw
    assert fig.decimals == places, raw


@given(printed(), st.sampled_from([NumberStyle.ID, NumberStyle.EN]), st.sampled_from(["%", " %", " persen"]))
def test_round_trip_percent(vp, style, mark):
    value, places = vp
    fig = parse_figure(fmt(value, places, style) + mark, style=style)
    assert (fig.kind, fig.value, fig.decimals) == (FigureKind.PERCENT, value, places)


@given(printed(), st.sampled_from([NumberStyle.ID, NumberStyle.EN]))
def test_without_style_only_the_lone_three_digit_form_is_uncertain(vp, style):
    value, places = vp
    raw = fmt(value, places, style)
    fig = parse_figure(raw)
    if fig.style == NumberStyle.AMBIGUOUS:
        body = raw.lstrip("-")
        assert body.count(".") + body.count(",") == 1 and len(body.split(body[-4])[-1]) == 3, raw
    else:
        assert fig.value == value and fig.decimals == places, raw


@given(st.lists(printed(), min_size=1, max_size=20), st.sampled_from([NumberStyle.ID, NumberStyle.EN]))
def test_infer_style_never_contradicts_a_single_style_column(column, style):
    inferred = infer_style(fmt(v, p, style) for v, p in column)
    assert inferred in (style, None)


_NUMBERISH = st.text(alphabet="0123456789.,-–—%() RpMTjutaribuBACDsd/<>=≥≤±*\u00a0\u2212\n", max_size=30)


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=60), _NUMBERISH))
def test_parse_never_raises(text):
    _parse(text, None, None)  # the parser itself, without the public safety net
    fig = parse_figure(text)
    assert isinstance(fig, Figure) and fig.raw == text
    if fig.kind in (FigureKind.TEXT, FigureKind.MISSING):
        assert fig.value is None and fig.low is None


@given(
    _NUMBERISH,
    st.sampled_from([None, "Anggaran (Rp Juta)", "% Capaian", "Predikat", "No"]),
    st.sampled_from([None, NumberStyle.ID, NumberStyle.EN]),
)
def test_parse_never_raises_with_hints(text, hint, style):
    assert isinstance(_parse(text, style, hint), Figure)


@settings(max_examples=300)
@given(_NUMBERISH, st.sampled_from(["round", "truncate", "either"]))
def test_interval_contains_the_printed_value(text, mode):
    fig = parse_figure(text)
    if fig.value is None and fig.kind != FigureKind.RANGE:
        return
    lo, hi = interval(fig, mode=mode)
    assert lo <= hi
    if fig.kind == FigureKind.RANGE:
        assert lo <= fig.low <= fig.high <= hi
        return
    v = fig.value
    assert lo <= v <= hi
    # The printed value itself is always a possible true value (truncation keeps it, rounding keeps it).
    assert contains(fig, v, mode=mode)


@given(printed(), st.sampled_from(["round", "truncate", "either"]))
def test_interval_width_matches_precision(vp, mode):
    value, places = vp
    fig = parse_figure(fmt(value, places, NumberStyle.ID), style=NumberStyle.ID)
    lo, hi = interval(fig, mode=mode)
    unit = Decimal(10) ** -places
    expected = {"round": unit, "truncate": unit, "either": unit * Decimal("1.5")}[mode]
    if mode != "round" and value == 0:
        expected = 2 * unit
    assert hi - lo == expected
