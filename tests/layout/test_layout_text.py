"""Heading text helpers on small inputs."""

from __future__ import annotations

import pytest

from lakipcheck.ingest import Line, Word
from lakipcheck.layout.pages import line_text
from lakipcheck.layout.sections import _parse_bab, _rest_is_title
from lakipcheck.layout.text import is_toc_entry, roman_to_int, squash
from lakipcheck.provenance import BBox


def test_squash_letter_spacing():
    assert squash("P E N U T U P") == squash("Penutup.") == "PENUTUP"


@pytest.mark.parametrize(
    ("token", "value"), [("I", 1), ("iv", 4), ("IX", 9), ("XIV", 14), ("ABC", None), ("", None)]
)
def test_roman(token, value):
    assert roman_to_int(token) == value


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("BAB III AKUNTABILITAS KINERJA", (3, "AKUNTABILITAS KINERJA")),
        ("BAB.II", (2, "")),
        ("Bab 2 Perencanaan Kinerja", (2, "Perencanaan Kinerja")),
        ("B A B I I I", (3, "")),
        ("BAB I : Pendahuluan", (1, "Pendahuluan")),
        ("Babak baru", None),
        ("BABAK I", None),
    ],
)
def test_parse_bab(text, parsed):
    assert _parse_bab(text) == parsed


@pytest.mark.parametrize(
    ("rest", "ok"),
    [
        ("PENDAHULUAN", True),
        ("PERENCANAAN DAN PERJANJIAN KINERJA", True),
        ("", True),
        ("PENDAHULUAN 1", False),  # a TOC entry without leaders
        ("menyajikan latar belakang, tujuan, dasar hukum tugas pokok", False),  # a sentence about the chapter
    ],
)
def test_rest_is_title(rest, ok):
    assert _rest_is_title(rest) is ok


def test_toc_entry():
    assert is_toc_entry("BAB I PENDAHULUAN ................................ 1")
    assert is_toc_entry("1.1 Latar Belakang …………… I-1")
    assert not is_toc_entry("BAB I PENDAHULUAN")


def _spaced_line(groups: list[str], gap: float = 1.2, word_gap: float = 6.0) -> Line:
    words, x = [], 50.0
    for g, group in enumerate(groups):
        if g:
            x += word_gap - gap
        for ch in group:
            words.append(Word(ch, BBox(x, 100, x + 5, 110), 11.0))
            x += 5 + gap
    return Line(words, BBox(50, 100, x, 110))


def test_line_text_rejoins_letter_spacing():
    line = _spaced_line(["Capaian", "Kinerja"])
    assert line.text.startswith("C a p a i a n")
    assert line_text(line) == "Capaian Kinerja"
