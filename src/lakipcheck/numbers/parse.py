"""``parse_figure``: one parser for every printed figure in a LAKIP (table cell or short phrase).

Order of attempts, first match wins: missing marker -> SAKIP grade -> whole-cell parentheses (accounting
negative) -> "70 (BB)" / "BB (70)" -> "48 (empat puluh delapan)" -> range -> single number. Anything else is
TEXT. The parser never raises.

Decisions a reviewer should know (details in the docstrings below and in ``style.py``):
- "1.500"/"1,500" without a ``style`` read as 1500 and carry style AMBIGUOUS; after "miliar"/"triliun"/"M"/"T"
  the decimal reading is the default ("2.119 T" = 2.119 trillion).
- A whole cell in parentheses holding a bare number is negative ("(1.234)" -> -1234, "(99.85)" -> -99.85).
  Column-numbering rows ("(1)", "(2)", ...) therefore read as negatives: the tables stage should drop them.
  Parentheses around a number with a unit ("(2,000 Km)") are read as a positive aside.
- Stray spaces are joined only next to a separator: before one always ("1 .471.455"), after one only when
  the joined number has two or more separators ("54. 166.493.000"), so "1, 2" stays TEXT. Spaces between
  digits ("4 3.243") are never joined: they may separate two values.
- A range needs low <= high ("10 - 5" is TEXT). Its ``decimals`` is the coarser end's, ``unit`` is "%" for a
  percent range and "rp" for a money range; a leading ">" is kept in ``qualifier`` (the low end is open).
- Scale words after a number without "Rp" and without another unit ("12,5 juta", "1,5 T") are RUPIAH.
- A column header naming a scale for money ("Anggaran (Rp Juta)", "(Rp. 000)") scales money cells that print
  no scale of their own.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, localcontext
from functools import lru_cache

from lakipcheck.numbers.style import read_number
from lakipcheck.numbers.types import Figure, FigureKind, NumberStyle
from lakipcheck.numbers.vocab import (
    GRADE_WORDS,
    GRADES,
    HINT_NUMBERING,
    HINT_PERCENT_STRONG,
    HINT_PERCENT_WEAK,
    HINT_PERCENT_WEAK_EXCEPT,
    HINT_PREDICATE,
    HINT_RUPIAH,
    HINT_RUPIAH_EXCEPT,
    MISSING_MARKERS,
    PERCENT_WORDS,
    QUALIFIERS,
    RUPIAH_WORDS,
    SCALE_LETTERS,
    SCALE_WORDS,
    UNITS,
)
from lakipcheck.numbers.words import words_to_int

MAX_LENGTH = 160  # longer strings are prose, not a figure
_EXACT = Context(prec=MAX_LENGTH * 2 + 40)  # room for any value that fits in MAX_LENGTH, times any scale

_TRANSLATE = str.maketrans(
    {
        "\u2212": "-",  # minus sign
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        "\uff05": "%",
        "\u066a": "%",
        "\u2026": "...",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",
    }
)
_SPACES = re.compile(r"\s+")
_TAGS = re.compile(r"</?[A-Za-z][^<>]*>")
_PLAIN = re.compile(r"[0-9]{1,30}")
_FOOTNOTE = re.compile(r"\s*\*+\)?$")
_NO_CENTS = re.compile(r"(?<=[0-9])[.,]-+$")  # "Rp 5.000,-"
_TRAILING_PUNCT = re.compile(r"[\s.,;:!?]+$")
_ONLY_DASHES_DOTS = re.compile(r"[-._\s]+")
# Space(s) right before a separator ("1 .471.455") or right after one ("54. 166.493.000").
_SPACED_NUMBER = re.compile(r"[0-9][0-9.,]*(?:\s*[.,]\s*[0-9][0-9.,]*)+")
_SPACE_NEAR_SEP = re.compile(r"[0-9]\s+[.,]|[.,]\s+[0-9]")

_QUAL_ALT = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_NUM = r"[0-9](?:[0-9.,]*[0-9])?"

_SINGLE = re.compile(
    rf"^(?P<qual>{_QUAL_ALT})?\s*(?P<sign1>[-+])?\s*(?P<rp>(?:rp|idr)(?![a-z])\.?)?\s*(?P<sign2>[-+])?\s*"
    rf"(?P<num>{_NUM})(?P<tail>.*)$",
    re.IGNORECASE,
)
_ATOM = rf"(?:(?:rp|idr)(?![a-z])\.?\s*)?{_NUM}(?:\s*%)?"
_RANGE_SEP = r"-|s\.\s?d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga|~"
_RANGE = re.compile(
    rf"^(?P<qual>{_QUAL_ALT})?\s*(?P<a>{_ATOM})\s*(?:{_RANGE_SEP})\s*(?P<b>{_ATOM})(?P<tail>.*)$",
    re.IGNORECASE,
)
_ATOM_PARTS = re.compile(rf"^(?P<rp>(?:rp|idr)(?![a-z])\.?)?\s*(?P<num>{_NUM})\s*(?P<pct>%)?$", re.IGNORECASE)
_GRADE_AFTER = re.compile(rf"^(?P<num>{_NUM})\s*\(\s*(?P<g>[A-Da-d]{{1,2}})\s*\)$")
_GRADE_BEFORE = re.compile(rf"^(?P<g>[A-Da-d]{{1,2}})\s*\(\s*(?P<num>{_NUM})\s*\)$")
_GRADE_WITH_WORDS = re.compile(
    r"^(?:predikat\s*:?\s*)?(?P<g>[A-Da-d]{1,2})(?:\s*[\(:-]\s*(?P<w>[a-z ()]+?)\)?)?$", re.I
)
_WITH_WORDS = re.compile(rf"^(?P<num>{_NUM})\s*\(\s*(?P<w>[A-Za-z][A-Za-z\s-]*?)\s*\)\s*(?P<rest>.*)$")
_TAIL_WORD = re.compile(r"\s*(%|[A-Za-z]+\.?)")
_HINT_SCALE = re.compile(r"\b(ribuan|ribu|rb|jutaan|juta|jt|miliar|milyar|triliun)\b")
_HINT_THOUSANDS = re.compile(r"rp\.?\s*0{3}\b|\(\s*0{3}\s*\)")

_HINT_SCALES = {"ribuan": 10**3, "ribu": 10**3, "rb": 10**3, "jutaan": 10**6, "juta": 10**6, "jt": 10**6}
_HINT_SCALES.update({"miliar": 10**9, "milyar": 10**9, "triliun": 10**12})


# ---------------------------------------------------------------------------------------------------------
# Column hints


@lru_cache(maxsize=4096)
def _hint(column_hint: str | None) -> tuple[FigureKind | None, int, bool, bool]:
    """(kind of a bare number in this column, money scale of the column, grade column?, numbering column?)."""
    if not column_hint:
        return None, 1, False, False
    h = _SPACES.sub(" ", column_hint.translate(_TRANSLATE)).strip().lower()
    compact = h.replace(" ", "")

    def has(words: tuple[str, ...]) -> bool:
        return any(w in h or (len(w) >= 4 and w.replace(" ", "") in compact) for w in words)

    numbering = h in HINT_NUMBERING
    predicate = has(HINT_PREDICATE)
    rupiah_symbol = re.search(r"\brp\b|\bidr\b", h) is not None
    kind: FigureKind | None = None
    if rupiah_symbol:
        kind = FigureKind.RUPIAH
    elif has(HINT_PERCENT_STRONG) or (has(HINT_PERCENT_WEAK) and not has(HINT_PERCENT_WEAK_EXCEPT)):
        kind = FigureKind.PERCENT
    elif has(HINT_RUPIAH) and not has(HINT_RUPIAH_EXCEPT):
        kind = FigureKind.RUPIAH
    scale = 1
    if kind == FigureKind.RUPIAH:
        m = _HINT_SCALE.search(h)
        if m:
            scale = _HINT_SCALES[m.group(1)]
        elif _HINT_THOUSANDS.search(h):
            scale = 10**3
    return kind, scale, predicate, numbering


# ---------------------------------------------------------------------------------------------------------
# Pieces


def _scaled(value: Decimal, scale: int) -> Decimal:
    if scale == 1:
        return value
    with localcontext(_EXACT):
        out = value * scale
        if out == out.to_integral_value():
            return out.quantize(Decimal(1))
        return out.normalize()


def _join_stray_spaces(s: str) -> str:
    def fix(m: re.Match[str]) -> str:
        token = m.group()
        if not any(c.isspace() for c in token):
            return token
        joined = re.sub(r"\s+", "", token)
        if re.search(r"[0-9]\s+[.,]", token) or joined.count(".") + joined.count(",") >= 2:
            return joined
        return token

    return _SPACED_NUMBER.sub(fix, s)


def _read_tail(tail: str, has_rp: bool) -> tuple[int, str | None, str | None] | None:
    """Read what follows a number: (scale, marker "%"/"rp"/None, unit). None when it is not a known suffix."""
    t = tail.strip()
    if not t:
        return 1, None, None
    scale = 1
    m = _TAIL_WORD.match(t)
    if m:
        word = m.group(1)
        bare = word.rstrip(".")
        if word.lower() in SCALE_WORDS:
            scale = SCALE_WORDS[word.lower()]
        elif bare.lower() in SCALE_WORDS:
            scale = SCALE_WORDS[bare.lower()]
        elif bare in SCALE_LETTERS or (has_rp and bare.upper() in SCALE_LETTERS):
            scale = SCALE_LETTERS[bare.upper()]
        if scale != 1:
            t = t[m.end() :].strip()
    if not t:
        return scale, None, None
    low = t.lower()
    if low in PERCENT_WORDS:
        return scale, "%", None
    if low in RUPIAH_WORDS:
        return scale, "rp", None
    unit = UNITS.get(low) or UNITS.get(low.rstrip("."))
    if unit is None:
        return None
    return scale, None, unit


def _grade(g: str, *, explicit: bool, hint_predicate: bool, hint_numbering: bool) -> str | None:
    """The SAKIP grade ``g`` spells, honouring the case rules, or None."""
    up = g.upper()
    if up not in GRADES:
        return None
    if len(g) == 1:
        if hint_numbering and not explicit:
            return None
        if g.islower() and not (explicit or hint_predicate):
            return None
    return up


# ---------------------------------------------------------------------------------------------------------
# The parser


def parse_figure(text: str, *, style: NumberStyle | None = None, column_hint: str | None = None) -> Figure:
    """Parse one printed figure (a table cell or a short phrase) into a ``Figure``.

    ``style`` is the separator style decided for the column or document (see ``infer_style``); it only
    decides the ambiguous "1.500"/"1,500". ``column_hint`` is the column header: "%", "persen", "capaian",
    "daya serap" make a bare number a PERCENT; "Rp", "anggaran", "pagu", "alokasi", "belanja" make it RUPIAH;
    "predikat"/"sakip" allow a lone lower-case grade. Never raises; unknown input gives kind TEXT.
    """
    if not isinstance(text, str):
        return Figure(raw=str(text), kind=FigureKind.TEXT)
    try:
        return _parse_cached(text, style, column_hint)
    except (ValueError, ArithmeticError, TypeError):  # pragma: no cover - defensive: never raise on a cell
        return Figure(raw=text, kind=FigureKind.TEXT)


@lru_cache(maxsize=1 << 16)
def _parse_cached(text: str, style: NumberStyle | None, column_hint: str | None) -> Figure:
    return _parse(text, style, column_hint)


def _parse(raw: str, style: NumberStyle | None, column_hint: str | None) -> Figure:
    if len(raw) > MAX_LENGTH:
        return Figure(raw=raw, kind=FigureKind.TEXT)
    s = raw.translate(_TRANSLATE)
    if "<" in s and ">" in s:
        s = _TAGS.sub("", s)
    s = _SPACES.sub(" ", s).strip()
    hint_kind, hint_scale, hint_predicate, hint_numbering = _hint(column_hint)

    if _PLAIN.fullmatch(s):  # fast path: "2568"
        return _number(raw, Decimal(s), 0, NumberStyle.PLAIN, hint_kind, hint_scale)

    if s.lower() in MISSING_MARKERS or _ONLY_DASHES_DOTS.fullmatch(s):
        return Figure(raw=raw, kind=FigureKind.MISSING)
    s = _FOOTNOTE.sub("", s)
    if not s:
        return Figure(raw=raw, kind=FigureKind.TEXT)
    # Grades before trailing punctuation is dropped: "A." is a list label, not a grade.
    fig = _parse_grade(raw, s, style, hint_predicate, hint_numbering)
    if fig is not None:
        return fig
    s = _NO_CENTS.sub("", s)
    s = _TRAILING_PUNCT.sub("", s)
    if not s or s.lower() in MISSING_MARKERS or _ONLY_DASHES_DOTS.fullmatch(s):
        return Figure(raw=raw, kind=FigureKind.MISSING)
    if _SPACE_NEAR_SEP.search(s):
        s = _join_stray_spaces(s)
    if s[-1] == ")":  # "70 (BB)." once the full stop is gone
        fig = _parse_grade(raw, s, style, hint_predicate, hint_numbering)
        if fig is not None:
            return fig

    if s[0] == "(" and s[-1] == ")" and s.count("(") == 1:
        inner_text = s[1:-1].strip()
        inner = _parse_value(raw, inner_text, style, hint_kind, hint_scale)
        if inner is not None and inner.kind == FigureKind.RANGE:
            return inner
        if inner is None or inner.value is None:
            if inner_text:
                grade = _parse_grade(raw, inner_text, style, hint_predicate, hint_numbering)
                if grade is not None:
                    return grade
            return Figure(raw=raw, kind=FigureKind.TEXT)
        if inner.qualifier is None and inner.unit is None:
            return Figure(
                raw=raw,
                kind=inner.kind,
                value=inner.value.copy_negate(),
                decimals=inner.decimals,
                scale=inner.scale,
                style=inner.style,
            )
        return inner

    m = _WITH_WORDS.match(s)
    if m and words_to_int(m.group("w")) is not None:
        s = f"{m.group('num')} {m.group('rest')}".strip()

    fig = _parse_value(raw, s, style, hint_kind, hint_scale)
    return fig if fig is not None else Figure(raw=raw, kind=FigureKind.TEXT)


def _parse_grade(
    raw: str, s: str, style: NumberStyle | None, hint_predicate: bool, hint_numbering: bool
) -> Figure | None:
    if len(s) <= 2 or s[-1] == ")" or s.lower().startswith("predikat"):
        m = _GRADE_WITH_WORDS.match(s)
        if m:
            words = m.group("w")
            explicit = s.lower().startswith("predikat")
            if words is None or words.strip().lower() in GRADE_WORDS:
                grade = _grade(
                    m.group("g"),
                    explicit=explicit,
                    hint_predicate=hint_predicate,
                    hint_numbering=hint_numbering,
                )
                if grade is not None:
                    return Figure(raw=raw, kind=FigureKind.PREDICATE, predicate=grade)
    if s[-1] != ")":
        return None
    m = _GRADE_AFTER.match(s) or _GRADE_BEFORE.match(s)
    if m is None:
        return None
    grade = _grade(m.group("g"), explicit=True, hint_predicate=True, hint_numbering=False)
    reading = read_number(m.group("num"), style)
    if grade is None or reading is None:
        return None
    value, decimals, used = reading
    return Figure(
        raw=raw, kind=FigureKind.PREDICATE, value=value, decimals=decimals, predicate=grade, style=used
    )


def _number(
    raw: str,
    value: Decimal,
    decimals: int,
    used: NumberStyle,
    hint_kind: FigureKind | None,
    hint_scale: int,
) -> Figure:
    kind = hint_kind or FigureKind.NUMBER
    scale = hint_scale if kind == FigureKind.RUPIAH else 1
    return Figure(raw=raw, kind=kind, value=_scaled(value, scale), decimals=decimals, scale=scale, style=used)


def _parse_value(
    raw: str, s: str, style: NumberStyle | None, hint_kind: FigureKind | None, hint_scale: int
) -> Figure | None:
    """A range or a single number (with qualifier, sign, currency, scale, unit), or None."""
    if not s or not any("0" <= c <= "9" for c in s):
        return None
    m = _RANGE.match(s)
    if m:
        fig = _range(raw, m, style, hint_kind)
        if fig is not None:
            return fig
    m = _SINGLE.match(s)
    if m is None:
        return None
    if m.group("sign1") and m.group("sign2"):
        return None
    has_rp = m.group("rp") is not None
    tail = _read_tail(m.group("tail"), has_rp)
    if tail is None:
        return None
    scale, marker, unit = tail
    reading = read_number(m.group("num"), style, prefer_decimal=scale >= 10**9)
    if reading is None:
        return None
    value, decimals, used = reading
    if "-" in (m.group("sign1"), m.group("sign2")):
        value = value.copy_negate()
    qual = m.group("qual")
    qualifier = QUALIFIERS[qual.lower()] if qual else None

    if has_rp or marker == "rp" or (scale != 1 and unit is None):
        kind = FigureKind.RUPIAH
    elif marker == "%":
        kind = FigureKind.PERCENT
    elif unit is not None:
        kind = FigureKind.NUMBER
    else:
        kind = hint_kind or FigureKind.NUMBER
    if kind == FigureKind.RUPIAH and scale == 1:
        scale = hint_scale
    return Figure(
        raw=raw,
        kind=kind,
        value=_scaled(value, scale),
        decimals=decimals,
        scale=scale,
        unit=unit,
        style=used,
        qualifier=qualifier,
    )


def _combine_styles(a: NumberStyle, b: NumberStyle) -> NumberStyle:
    styles = {a, b} - {NumberStyle.PLAIN}
    if not styles:
        return NumberStyle.PLAIN
    if len(styles) == 1:
        return styles.pop()
    return NumberStyle.AMBIGUOUS


def _range(
    raw: str, m: re.Match[str], style: NumberStyle | None, hint_kind: FigureKind | None
) -> Figure | None:
    a = _ATOM_PARTS.match(m.group("a"))
    b = _ATOM_PARTS.match(m.group("b"))
    if a is None or b is None:
        return None
    has_rp = bool(a.group("rp") or b.group("rp"))
    tail = _read_tail(m.group("tail"), has_rp)
    if tail is None:
        return None
    scale, marker, unit = tail
    ra = read_number(a.group("num"), style, prefer_decimal=scale >= 10**9)
    rb = read_number(b.group("num"), style, prefer_decimal=scale >= 10**9)
    if ra is None or rb is None:
        return None
    low, high = ra[0], rb[0]
    if low > high:
        return None
    if has_rp or marker == "rp":
        unit = "rp"
    elif (
        marker == "%"
        or a.group("pct")
        or b.group("pct")
        or (unit is None and hint_kind == FigureKind.PERCENT)
    ):
        unit = "%"
    elif unit is None and hint_kind == FigureKind.RUPIAH:
        unit = "rp"
    qual = m.group("qual")
    return Figure(
        raw=raw,
        kind=FigureKind.RANGE,
        decimals=min(ra[1], rb[1]),
        scale=scale,
        low=_scaled(low, scale),
        high=_scaled(high, scale),
        unit=unit,
        style=_combine_styles(ra[2], rb[2]),
        qualifier=QUALIFIERS[qual.lower()] if qual else None,
    )
