"""The spaCy pipeline for report prose: Indonesian tokenizer, sentence boundaries, entity and cue patterns.

Built once per process (:func:`pipeline`) and reused. ``spacy.blank("id")`` loads about 16,000 tokenizer
exceptions, almost all reduplicated words ("anak-anak") that only keep a hyphenated word whole; they cost 6-8
seconds to load and play no part in reading figures, so the language is the Indonesian one with those
exceptions left out (the abbreviation exceptions, lexical attributes and punctuation rules are kept). Nothing
is downloaded.

Components, in order:

* ``lakip_sentences``: sentence boundaries after ``.`` ``!`` ``?`` ``;`` unless the token before is an
  abbreviation ("Rp.", "No.", "Dr.", "dll."), an initial, or a list number at the start of a sentence; a
  bullet or list number that starts a printed line also starts a sentence. Decimals ("99,82", "99.82") are
  single tokens, so they never split.
* ``entity_ruler``: value entities — MONEY, PERCENT, YEAR, DATE, MONTH_YEAR, IND_CODE, NUMWORDS.
* the cue :class:`~spacy.matcher.Matcher` (``CUES``), run by :func:`cues`.

Token attributes: ``Token._.figure`` (the project's number parser on a numeric token), ``Token._.year``
(a year 1980-2049 or None); span attribute ``Span._.words_value`` (what a run of number words spells).
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lakipcheck.narrative.patterns import CUE_PATTERNS, ENTITY_PATTERNS
from lakipcheck.numbers import Figure, parse_figure, words_to_int

ABBREVIATIONS = {
    "rp", "no", "nomor", "dr", "drs", "dra", "ir", "h", "hj", "prof", "st", "s.pd", "m.si", "m.pd", "s.e",
    "s.h", "m.m", "s.sos", "s.kom", "s.t", "m.t", "m.ap", "s.ip", "a.md", "dll", "dsb", "dst", "kab",
    "kec", "kel",
    "prov", "jl", "tbk", "a.n", "s.d", "sd", "vol", "hal", "hlm", "telp", "tlp", "ttd", "bpk", "yth", "kep",
    "per", "pt", "cv", "tgl", "th", "thn", "ta", "t.a", "ds", "ket", "mis", "min", "maks", "max", "approx",
    "sbb", "spt", "dkk", "jo", "ybs", "an", "u.p", "a.l", "al", "nip", "sk", "kemen", "permen",
}  # fmt: skip
BULLETS = {"•", "▪", "●", "◦", "-", "–", "*", "➢", "✓", "", "o", "»", "►", "■", "□", "❖", "⮚"}
_ENUM = re.compile(r"^(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]?$")
_ACHIEVED = {"CTX_ACHIEVED", "CTX_NOT_ACHIEVED"}
_YEAR = re.compile(r"^(?:19[89]\d|20[0-4]\d)$")
_NUMERIC = re.compile(r"^\d[\d.,]*$")


def is_bullet(text: str) -> bool:
    """A list bullet: one of the usual marks, or a symbol-font glyph (private-use or symbol characters, e.g.
    the Wingdings arrow U+F0D8)."""
    if text in BULLETS:
        return True
    return bool(text) and all(
        0xE000 <= ord(ch) <= 0xF8FF or unicodedata.category(ch) in ("So", "Co") for ch in text
    )


GRADE_WORDS = {
    "predikat",
    "kategori",
    "target",
    "adalah",
    "menjadi",
    "realisasi",
    "capaian",
    "nilai",
    "grade",
}


def _is_abbrev(doc: Any, k: int) -> bool:
    """Token ``k`` (before a full stop) is an abbreviation or an initial, not the end of a sentence; a grade
    after "predikat" / "kategori" ("kategori B.") is not an initial."""
    t = doc[k].text.lower().rstrip(".")
    if t in ABBREVIATIONS:
        return True
    if len(t) == 1 and t.isalpha():
        return not (k > 0 and doc[k - 1].lower_ in GRADE_WORDS)
    return False


def _sentence_component(doc: Any) -> Any:
    """Sentence boundaries for report prose (see the module doc)."""
    starts: set[int] = doc._.line_starts or set()
    sent_start = 0
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        begin = False
        if tok.idx in starts and (is_bullet(tok.text) or _list_number(doc, i)):
            begin = True  # a bullet / "1." / "a)" at the start of a printed line
        elif prev.text in {".", "!", "?", ";"} or (prev.text.endswith(".") and len(prev.text) > 1):
            before = doc[i - 2] if prev.text in {".", "!", "?", ";"} and i >= 2 else None
            word_at = i - 1 if before is None else i - 2
            first = tok.text[:1]
            if prev.text == ";":
                begin = True
            elif not (first.isupper() or first.isdigit() or is_bullet(tok.text) or first in "(\"'“"):
                begin = False
            elif _is_abbrev(doc, word_at) or (
                prev.text != "." and prev.text.endswith(".") and "." in prev.text[:-1]
            ):
                begin = False  # "Rp.", "No.", "S.Pd.", "s.d."
            elif before is not None and _ENUM.match(before.text) and i - 2 <= sent_start + 1:
                begin = False  # "6. Program dan kegiatan": the list number of this sentence
            else:
                begin = True
        tok.is_sent_start = begin
        if begin:
            sent_start = i
    return doc


def _list_number(doc: Any, i: int) -> bool:
    tok = doc[i]
    return bool(_ENUM.match(tok.text)) and (
        tok.text[-1:] in ".)" or (i + 1 < len(doc) and doc[i + 1].text in {".", ")"})
    )


def _figure(tok: Any) -> Figure | None:
    return parse_figure(tok.text) if _NUMERIC.match(tok.text) else None


def _year(tok: Any) -> int | None:
    return int(tok.text) if _YEAR.match(tok.text) else None


def _words_value(span: Any) -> int | None:
    return words_to_int(span.text)


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The built pipeline and its cue matcher, with what building them cost."""

    nlp: Any
    matcher: Any
    import_s: float  # importing spaCy and the Indonesian language data
    build_s: float  # building the tokenizer, components and patterns

    def __call__(self, text: str, line_starts: set[int] | None = None) -> Any:
        """Run on one block of text whose printed lines start at ``line_starts`` (char offsets)."""
        doc = self.nlp.make_doc(text)
        doc._.line_starts = line_starts or set()
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def cues(self, doc: Any) -> list[tuple[str, int, int]]:
        """(label, start, end) of every cue phrase, by start; of overlapping cues the longest is kept (the
        ``CTX_`` marks are all kept)."""
        found = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        out: list[tuple[str, int, int]] = []
        taken: set[int] = set()
        # "melebihi target", "belum mencapai target": the word "target" there does not announce a target.
        taken.update(i for label, s, e in found if label in _ACHIEVED for i in range(s, e))
        for label, s, e in sorted(found, key=lambda x: (-(x[2] - x[1]), x[1])):
            if label.startswith("CTX_"):
                out.append((label, s, e))
            elif not any(i in taken for i in range(s, e)):
                taken.update(range(s, e))
                out.append((label, s, e))
        return sorted(out, key=lambda x: (x[1], x[2]))


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    """The pipeline, built on first use and shared by every later call in the process."""
    t0 = time.perf_counter()
    import spacy
    from spacy.lang.id import Indonesian
    from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token

    t1 = time.perf_counter()

    class _Defaults(Indonesian.Defaults):  # type: ignore[misc,name-defined]
        tokenizer_exceptions = {  # noqa: RUF012 - spaCy reads it as a class attribute
            k: v for k, v in TOKENIZER_EXCEPTIONS.items() if "-" not in k and not re.match(r"^[A-Za-z]\.$", k)
        }

    class _ReportIndonesian(Indonesian):  # type: ignore[misc]
        lang = "id"
        Defaults = _Defaults

    if not Doc.has_extension("line_starts"):
        Doc.set_extension("line_starts", default=None)
    if not Token.has_extension("figure"):
        Token.set_extension("figure", getter=_figure)
    if not Token.has_extension("year"):
        Token.set_extension("year", getter=_year)
    if not Span.has_extension("words_value"):
        Span.set_extension("words_value", getter=_words_value)
    if "lakip_sentences" not in Language.factories:
        Language.component("lakip_sentences")(_sentence_component)

    model = _ReportIndonesian()
    # "No.13", "Rp54.000": split a known prefix from the number that follows it.
    prefixes = [r"(?:[Nn][Oo]|[Rr][Pp])\.?(?=\d)", *model.Defaults.prefixes]
    model.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    # "adalah B.": a single capital before a full stop is its own token (a grade or an initial).
    suffixes = [r"(?<=^[A-Z])\.", *model.Defaults.suffixes]
    model.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    model.add_pipe("lakip_sentences")
    ruler = model.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(ENTITY_PATTERNS)
    matcher = Matcher(model.vocab, validate=True)
    for label, patterns in CUE_PATTERNS.items():
        matcher.add(label, patterns)
    return Pipeline(model, matcher, t1 - t0, time.perf_counter() - t1)
