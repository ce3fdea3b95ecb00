"""Indonesian number words: "empat puluh delapan" -> 48, for claims like "48 (empat puluh delapan) orang"."""

from __future__ import annotations

import re
from functools import lru_cache

_DIGIT_WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_SCALES = {
    "ribu": 10**3,
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}
# "se-" forms: one of the following word.
_SE_FORMS = {
    "seratus": "ratus",
    "seribu": "ribu",
    "sejuta": "juta",
    "semiliar": "miliar",
    "semilyar": "milyar",
}

_WORD = re.compile(r"[a-z]+")
_OTHER_CHARS = re.compile(r"[^a-z\s()\-,.]")
_NUMERAL_WITH_WORDS = re.compile(r"^\s*(\d[\d.]*)\s*\(\s*([A-Za-z][A-Za-z\s-]*?)\s*\)")

# Stages inside one group of three digits: a part may only follow parts of a higher stage.
_HUNDREDS, _TENS, _ONES = 1, 2, 3


@lru_cache(maxsize=4096)
def words_to_int(text: str) -> int | None:
    """The integer an Indonesian number phrase spells, or None when ``text`` is not (only) a number phrase.

    Handles satu..sembilan, sepuluh, sebelas, "dua belas", "empat puluh delapan", seratus/"tiga ratus",
    seribu/"dua ribu", juta, miliar/milyar, triliun and nol, with surrounding parentheses or punctuation
    ("(lima)", "lima,"). Ill-formed phrases ("dua dua", "puluh", "ratus seribu") give None.
    """
    words = _WORD.findall(text.lower())
    if not words or len(words) > 30:
        return None
    # Anything other than number words and separators means this is not a pure number phrase.
    if _OTHER_CHARS.search(text.lower()):
        return None
    if words == ["nol"]:
        return 0
    total = 0
    last_scale = None  # scales must strictly decrease: "dua juta tiga ratus ribu"
    group = 0
    stage = 0  # highest stage filled in the current group
    pending: int | None = None  # a digit word waiting for "puluh"/"belas"/"ratus" or the end of the group

    def close_pending() -> bool:
        nonlocal group, stage, pending
        if pending is not None:
            if stage >= _ONES:
                return False
            group += pending
            stage = _ONES
            pending = None
        return True

    for raw in words:
        word = raw
        if word in _SE_FORMS:
            if pending is not None or group or stage:
                return None
            pending = 1
            word = _SE_FORMS[word]
        if word in _DIGIT_WORDS:
            if pending is not None:
                return None
            pending = _DIGIT_WORDS[word]
        elif word == "sepuluh" or word == "sebelas":
            if pending is not None or stage >= _TENS:
                return None
            group += 10 if word == "sepuluh" else 11
            stage = _ONES
        elif word == "belas":
            if pending is None or stage >= _TENS:
                return None
            group += 10 + pending
            pending = None
            stage = _ONES
        elif word == "puluh":
            if pending is None or stage >= _TENS:
                return None
            group += 10 * pending
            pending = None
            stage = _TENS
        elif word == "ratus":
            if pending is None or stage >= _HUNDREDS:
                return None
            group += 100 * pending
            pending = None
            stage = _HUNDREDS
        elif word in _SCALES:
            if not close_pending() or group == 0:
                return None
            scale = _SCALES[word]
            if last_scale is not None and scale >= last_scale:
                return None
            total += group * scale
            last_scale = scale
            group, stage = 0, 0
        else:
            return None
    if not close_pending():
        return None
    if total == 0 and group == 0:
        return None
    return total + group


def numeral_with_words(text: str) -> tuple[int, int] | None:
    """For "48 (empat puluh delapan) orang": (48, 48) = (the digits, the words' value); None if no such pair.

    The digits may carry Indonesian thousands dots ("1.200 (seribu dua ratus)"). Rules compare the two.
    """
    m = _NUMERAL_WITH_WORDS.match(text)
    if m is None:
        return None
    digits = m.group(1).rstrip(".")
    if not re.fullmatch(r"\d+|[1-9]\d{0,2}(?:\.\d{3})+", digits):
        return None
    spelled = words_to_int(m.group(2))
    if spelled is None:
        return None
    return int(digits.replace(".", "")), spelled
