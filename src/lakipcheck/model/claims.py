"""Claims: what the prose states about figures, found sentence by sentence with provenance.

Two readers fill ``Report.claims``. :func:`extract_claims` reads, with patterns, the claims the table checks
need (restated budget totals, the number of sasaran and indicators, how many indicators were not achieved).
:func:`narrative_claims` runs the narrative layer (:mod:`lakipcheck.narrative`, a spaCy pipeline) over every
paragraph and heading: each figure a sentence states and what it is (target, realisasi, capaian, change,
Renstra end target, budget, number words, predicates, scores, years, dates, facts about the agency), with the
indicator or budget line it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from lakipcheck.ingest.types import Document, Line
from lakipcheck.layout.types import Section
from lakipcheck.numbers import Figure, parse_figure, words_to_int
from lakipcheck.provenance import BBox, Provenance


class ClaimKind(StrEnum):
    BUDGET_REALISASI_TOTAL = "budget_realisasi_total"  # "penggunaan anggaran sebesar 54.068.042.681"
    BUDGET_PAGU_TOTAL = "budget_pagu_total"  # "pagu anggaran ... sebesar Rp. 54.166.493.000"
    BUDGET_PERCENT_TOTAL = "budget_percent_total"  # "... atau 99,82%" / "daya serap sebesar 99.82%"
    COUNT_SASARAN = "count_sasaran"  # "2 (dua) sasaran"
    COUNT_INDIKATOR = "count_indikator"  # "5 (lima) indikator"
    COUNT_NOT_ACHIEVED = "count_not_achieved"  # "hanya 1 IKK yang belum dicapai"
    # Narrative claims (lakipcheck.narrative): one figure of a sentence and what it is.
    TARGET = "target"  # "target 2.568 orang"
    REALISASI = "realisasi"  # "realisasi 2.613 orang" (the report year's)
    CAPAIAN = "capaian"  # "... atau 101,75%"
    PREV_REALISASI = "prev_realisasi"  # "tahun 2022 realisasi 1.991 orang" (``year`` says which)
    CHANGE = "change"  # "mengalami peningkatan 622 orang" (extra["direction"]: up / down / none)
    CHANGE_PERCENT = "change_percent"  # "... atau 31,24%"
    RENSTRA_END_TARGET = "renstra_end_target"  # "target akhir Renstra Tahun 2024 ... 9.630 orang"
    RENSTRA_END_CAPAIAN = "renstra_end_capaian"  # "... masih 47,80%"
    SCORE = "score"  # "nilai 75,30 dengan predikat BB" (extra["predicate"])
    PREDICATE = "predicate"  # a grade whose role the sentence does not say ("kategori B")
    PAGU = "pagu"  # the pagu of one indicator / budget line (extra["budget_line"])
    REALISASI_ANGGARAN = "realisasi_anggaran"
    DAYA_SERAP = "daya_serap"
    RATIO = "ratio"  # "X atau P% dari Y": extra["num"], extra["den"] are the printed X and Y
    NUMBER_WORDS = "number_words"  # "48 (empat puluh delapan)": ``words`` / extra["words_value"]
    YEARS = "years"  # the years a heading or sentence gives realisasi for (extra["years"])
    DATE = "date"  # "9 Desember 2023", "bulan April 2022" (extra: day, month, year)
    FACT = "fact"  # a fact about the agency (extra["fact"]: founded / staff / regencies)
    MENTION = "mention"  # the sentence names an indicator (``indicator``); extra["section_indicator"]


@dataclass(slots=True)
class Claim:
    kind: ClaimKind
    figure: Figure
    sentence: str
    provenance: Provenance
    section: str | None = None
    words: int | None = None  # the number written in words next to it, "5 (lima)"
    extra: dict = field(default_factory=dict)
    indicator: str | None = None  # key of the indicator the figure is about
    year: int | None = None  # the year the figure is for, when the sentence says
    link: str | None = None  # how ``indicator`` was found: "code", "name" or "section"

    def to_dict(self) -> dict:
        fig = self.figure.to_dict()
        out = {
            "kind": str(self.kind),
            "figure_kind": fig.pop("kind", None),
            **fig,
            "sentence": self.sentence,
            "source": self.provenance.to_dict(),
            "section": self.section,
        }
        if self.words is not None:
            out["words"] = self.words
        if self.indicator is not None:
            out["indicator"] = self.indicator
            out["link"] = self.link
        if self.year is not None:
            out["year"] = self.year
        if self.extra:
            out["extra"] = {k: v for k, v in self.extra.items() if not k.startswith("_")}
        return out


_AMOUNT = r"(?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3}){2,}(?:,\d{1,2}|,-)?"
# Not the tail of a longer number ("1.234,5 %"), nor the decimals of one broken by a space ("94, 35 %").
_PERCENT = r"(?<![\d.,])(?<!\d[.,] )\d{1,3}(?:[.,]\d{1,4})?\s*%"
_REAL_WORDS = (
    r"(realisasi|direalisasikan|terealisasi|penggunaan anggaran|penyerapan|terserap|menyerap|serapan)"
)
_PAGU_WORDS = r"(pagu|alokasi anggaran|total anggaran|anggaran (?:awal|akhir)|dipa)"
_NUM_WORDS = r"(?:\s*\(([a-z ]+)\))?"
_COUNT = re.compile(r"\b(\d{1,3})" + _NUM_WORDS + r"\s+(sasaran|indikator)\b", re.IGNORECASE)
_NOT_ACHIEVED = re.compile(
    r"\b(?:hanya|terdapat|ada|sebanyak)?\s*(\d{1,3})"
    + _NUM_WORDS
    + r"\s+(?:ikk|iku|ikp|ikss|indikator(?: kinerja)?(?: \w+)?)\s+(?:yang\s+)?(?:belum|tidak)\s+"
    r"(?:dapat\s+)?(?:tercapai|dicapai|mencapai|memenuhi|berhasil)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<!\bRp)(?<!\bNo)(?<!\bs\.d)(?<!\d)[.;:](?=\s+[A-Z0-9•▪-])|\n\n")


@dataclass(slots=True)
class _Piece:
    text: str
    page: int
    box: BBox


def _paragraphs(doc: Document, exclude: dict[int, list[BBox]]) -> list[list[_Piece]]:
    """Runs of prose lines (outside tables), split at large vertical gaps and at page ends."""
    out: list[list[_Piece]] = []
    for page in doc.pages:
        boxes = exclude.get(page.number, [])
        cur: list[_Piece] = []
        prev: Line | None = None
        for line in page.lines:
            if any(b.contains_point(line.bbox.center_x, line.bbox.center_y, 2) for b in boxes):
                continue
            if prev is not None and line.bbox.top - prev.bbox.bottom > 1.2 * max(line.bbox.height, 8):
                if cur:
                    out.append(cur)
                cur = []
            cur.append(_Piece(line.text, page.number, line.bbox))
            prev = line
        if cur:
            out.append(cur)
    return out


def _sentences(para: list[_Piece]) -> list[tuple[str, list[_Piece]]]:
    text = ""
    spans: list[tuple[int, int, _Piece]] = []
    for piece in para:
        start = len(text)
        text += piece.text + " "
        spans.append((start, len(text), piece))
    out = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.end() if m else len(text)
        chunk = text[start:end].strip()
        if chunk:
            pieces = [p for s, e, p in spans if s < end and e > start]
            out.append((chunk, pieces))
        start = end
    return out


def _where(pieces: list[_Piece], token: str) -> tuple[int, BBox]:
    for p in pieces:
        if token in p.text:
            return p.page, p.box
    return pieces[0].page, BBox.enclosing([p.box for p in pieces if p.page == pieces[0].page]) or pieces[
        0
    ].box


def _section_of(sections: list[Section], page: int) -> str | None:
    inner = [s for s in sections if s.page_start <= page <= s.page_end]
    return max(inner, key=lambda s: (s.level, s.page_start)).kind.value if inner else None


def extract_claims(doc: Document, sections: list[Section], table_boxes: dict[int, list[BBox]]) -> list[Claim]:
    """Claims in the document's prose (tables excluded)."""
    claims: list[Claim] = []
    for para in _paragraphs(doc, table_boxes):
        for sentence, pieces in _sentences(para):
            claims.extend(_claims_in(sentence, pieces, sections))
    return claims


def _claim(
    kind: ClaimKind,
    token: str,
    sentence: str,
    pieces: list[_Piece],
    sections: list[Section],
    hint: str,
    words: str | None = None,
) -> Claim:
    page, box = _where(pieces, token.strip())
    fig = parse_figure(token, column_hint=hint)
    n_words = words_to_int(words) if words else None
    return Claim(
        kind,
        fig,
        " ".join(sentence.split()),
        Provenance(page=page, bbox=box, raw=token.strip(), sentence=" ".join(sentence.split())),
        _section_of(sections, page),
        n_words,
    )


def _claims_in(sentence: str, pieces: list[_Piece], sections: list[Section]) -> list[Claim]:
    out: list[Claim] = []
    low = sentence.lower()
    for m in re.finditer(_AMOUNT, sentence):
        before = low[max(0, m.start() - 90) : m.start()]
        if re.search(r"efisiensi|sisa|selisih", before[-45:]):
            continue
        # The nearest keyword before the amount says what it is.
        real = max((x.end() for x in re.finditer(_REAL_WORDS, before)), default=-1)
        pagu = max((x.end() for x in re.finditer(_PAGU_WORDS, before)), default=-1)
        if real > pagu:
            out.append(_claim(ClaimKind.BUDGET_REALISASI_TOTAL, m.group(0), sentence, pieces, sections, "Rp"))
        elif pagu >= 0:
            out.append(_claim(ClaimKind.BUDGET_PAGU_TOTAL, m.group(0), sentence, pieces, sections, "Rp"))
    if out and re.search(_REAL_WORDS, low):
        for m in re.finditer(_PERCENT, sentence):
            out.append(_claim(ClaimKind.BUDGET_PERCENT_TOTAL, m.group(0), sentence, pieces, sections, "%"))
    paired = bool(re.search(r"sasaran\s+(dengan|dan)\s+\d+", low))
    for m in _COUNT.finditer(sentence):
        kind = ClaimKind.COUNT_SASARAN if m.group(3).lower() == "sasaran" else ClaimKind.COUNT_INDIKATOR
        claim = _claim(kind, m.group(1), sentence, pieces, sections, "jumlah", m.group(2))
        claim.extra["whole_report"] = paired  # "2 sasaran dengan 5 indikator": the report's totals
        out.append(claim)
    for m in _NOT_ACHIEVED.finditer(sentence):
        out.append(
            _claim(ClaimKind.COUNT_NOT_ACHIEVED, m.group(1), sentence, pieces, sections, "jumlah", m.group(2))
        )
    return out


def narrative_claims(
    doc: Document,
    sections: list[Section],
    table_boxes: dict[int, list[BBox]],
    indicators: list,
    budget_lines: list,
    year: int | None,
) -> list[Claim]:
    """The narrative layer's claims (see :mod:`lakipcheck.narrative`): every figure of every paragraph with
    its role and indicator. spaCy is imported on the first call only."""
    from lakipcheck.narrative.read import read_claims

    return read_claims(doc, sections, table_boxes, indicators, budget_lines, year)


def claims_from_example(items: list[dict]) -> list[Claim]:
    """Claims for rule examples: ``[{kind, printed, sentence, page}]``, optionally with ``section``,
    ``words``,
    ``indicator`` (key), ``year``, ``link``, ``sent`` (sentence number: claims of one sentence share it),
    ``block`` (paragraph number) and ``extra`` (a mapping)."""
    out = []
    for n, item in enumerate(items):
        raw = str(item["printed"])
        sentence = item.get("sentence", raw)
        extra = dict(item.get("extra") or {})
        extra.setdefault("sent", item.get("sent", n))
        extra.setdefault("block", item.get("block", extra["sent"]))
        extra.setdefault("section_indicator", item.get("section_indicator"))
        extra.setdefault("named", [])
        hint = (
            "%"
            if raw.strip().endswith("%")
            else "predikat"
            if raw.strip() in ("AA", "A", "BB", "B", "CC", "C", "D")
            else None
        )
        out.append(
            Claim(
                ClaimKind(item["kind"]),
                parse_figure(raw, column_hint=hint),
                sentence,
                Provenance(
                    page=int(item.get("page", 1)), bbox=BBox(0, 0, 10, 10), raw=raw, sentence=sentence
                ),
                item.get("section"),
                item.get("words"),
                extra,
                item.get("indicator"),
                item.get("year"),
                item.get("link", "name" if item.get("indicator") else None),
            )
        )
    return out
