"""Read the claims of the prose: every figure a sentence states, what it is, and what it is about.

For each sentence of each block (:mod:`lakipcheck.narrative.blocks`) the pipeline gives tokens, value
entities and cue phrases. A figure takes its role from the nearest cue before it ("target 2.568 orang",
"realisasi 2.613 orang", "mengalami peningkatan 622 orang", "target akhir Renstra ... 9.630 orang"); a figure
joined to the previous one by "atau" or a bracket takes a role from it ("2.613 orang atau 101,75%" is the %
capaian, "622 orang atau 31,24%" the % change); a figure coordinated with the previous one ("tahun 2022
berjumlah 1.991 orang dan tahun 2023 berjumlah 2.613 orang") takes the same role; a figure after
"dibandingkan (tahun 2022) yang sebesar" is the base of a comparison. The year is the nearest year before the
figure. A realisasi of an earlier year is a previous-year realisasi.

The indicator is the one the sentence names (by code or by its name, fuzzily), else the one whose section the
sentence sits in. A sentence that names several indicators gives no indicator to its figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process

from lakipcheck.ingest.types import Document
from lakipcheck.layout.types import Section
from lakipcheck.model.claims import Claim, ClaimKind
from lakipcheck.model.link import normalise
from lakipcheck.model.types import BudgetLine, Indicator
from lakipcheck.narrative.blocks import Block, read_blocks
from lakipcheck.narrative.mentions import Mention, Mentions, norm_map
from lakipcheck.narrative.patterns import GRADES, MONTHS
from lakipcheck.narrative.pipeline import Pipeline, pipeline
from lakipcheck.narrative.sections import IndicatorSection, find_sections
from lakipcheck.narrative.words import words_value
from lakipcheck.numbers import Figure, FigureKind, parse_figure
from lakipcheck.numbers.vocab import SCALE_LETTERS, SCALE_WORDS, UNITS
from lakipcheck.provenance import Provenance

_NUMERIC = re.compile(r"^\d[\d.,]*$")
# A number right after one of these words is a label, not a figure ("Nomor 8", "Angkatan 3", "Tabel 3.1").
_LABEL_BEFORE = {
    "nomor", "no", "no.", "pasal", "ayat", "angka", "huruf", "tabel", "grafik", "gambar", "lampiran", "bab",
    "ke", "tahap", "angkatan", "gelombang", "tw", "triwulan", "semester", "kelas", "lantai", "jilid", "sman",
    "smpn", "sdn", "smkn", "sma", "smp", "sd", "smk", "mi", "mts", "rt", "rw", "kode", "ikk", "iku", "ikp",
    "ikss", "misi", "tujuan", "nip", "pp", "uu", "perpres", "permen", "perda", "pergub", "perbup", "perwal",
    "sk", "kep", "keputusan", "peraturan", "instruksi", "surat", "hal", "halaman", "hlm", "versi", "gol",
    "golongan", "eselon", "tipe", "type", "fase", "kegiatan", "sasaran", "program", "indikator", "output",
    "ro", "kro", "sub", "komponen", "poin", "butir", "langkah", "modul", "unit", "level", "jalur", "zona",
    "tanggal", "tgl", "tgl.", "pukul", "jam", "nomer", "kab", "kab.", "per", "setiap", "tiap", "strategis",
    "stratejik", "ss", "prioritas",
}  # fmt: skip
# A number right before one of these words counts things this layer does not read as figures (the number of
# sasaran and indicators is read by the count claims; durations, places and rounds are not performance).
_LABEL_AFTER = {
    "sasaran", "indikator", "ikk", "iku", "ikp", "ikss", "program", "kegiatan", "misi", "tujuan", "kali",
    "tahun", "bulan", "hari", "minggu", "jam", "menit", "angkatan", "kabupaten", "kota", "kabupaten/kota",
    "kecamatan", "pulau", "provinsi", "satker", "bidang", "seksi", "subbagian", "pasal", "ayat", "bab",
    "tahap", "gelombang", "triwulan", "semester", "aspek", "komponen", "kriteria", "dimensi", "strategi",
    "isu", "arah", "kebijakan", "prioritas", "fungsi", "tugas", "jenis", "bagian",
}  # fmt: skip
# Words between a cue and its figure that do not weaken the link.
_FILLER = {
    "tahun", "th", "th.", "pada", "sebesar", "adalah", "yaitu", "yakni", "sebanyak", "berjumlah", "mencapai",
    "hanya", "masih", "telah", "sudah", "baru", "yang", "ditetapkan", "indikator", "ini", "tersebut",
    "kinerja", "dengan", "dari", "nilainya", "jumlahnya", "menjadi", "sejumlah", "hingga", "akhir", "periode",
    "di", "untuk", "dalam", "sekitar", "secara", "keseluruhan", "terdapat", "ada", "tercatat", "diperoleh",
    "memperoleh",
    "mendapat", "mendapatkan", "capaian", "realisasi", "jumlah",
    "tingkat", "angka", "nilai", "sebagaimana", "seperti", "itu", "hanyalah", "berhasil", "bisa", "dapat",
    "mampu", "tercapai", "terealisasi", "kategori", "predikat", "atau", "juga", "saja", "lagi", "ialah",
    "merupakan", "senilai", "total", "kumulatif", "rata-rata", "rata", "-", "hasil",
}  # fmt: skip
_CONNECT = {"dan", "serta", ",", "sedangkan", "lalu", "kemudian", "hingga", "sampai", "s.d.", "s.d", "-", "/"}
_ROLE_CUES = {
    "TARGET", "RENSTRA_END", "REAL", "CAPAIAN", "CHANGE_UP", "CHANGE_DOWN", "CHANGE", "COMPARE", "PAGU",
    "REAL_ANGGARAN", "DAYA_SERAP", "SCORE", "OTHER",
}  # fmt: skip
# A number next to one of these is an operand of a formula written out ("159/128 x 100% = 124,21%"); the
# result after "=" is kept.
_OPERATORS = {"x", "X", "×", "*", "/", ":", "+"}
_FRACTION_BAR = re.compile(r"[-_–—]{5,}")
# A bound, not a value: "> 100%", "≥ 80".
_BOUNDS = {">", "<", "≥", "≤", ">=", "<=", "±", "≈", "~"}
# Indicators measured in percent by their name ("Persentase ...", "Proporsi ...").
_PCT_NAME = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*[.)]?\s*)?(?:persentase|prosentase|presentase|prosentasi|persentasi|proporsi)\b",
    re.I,
)
_PRED_BEFORE = {
    "predikat", "kategori", "target", "realisasi", "adalah", "menjadi", "capaian", "memperoleh", "mendapat",
    "mendapatkan", "meraih", "nilai", "yaitu", "sebesar", "kriteria", "grade", "dengan", "tercapai",
}  # fmt: skip
_YEAR_JOIN = {"dan", "dengan", "serta", ",", "-", "–", "s.d.", "s.d", "s/d", "sampai", "hingga", "tahun",
              "th", "ta", "/", "&"}  # fmt: skip
MAX_GAP = 6  # lower-case, non-filler words allowed between a cue and its figure
MAX_GAP_CHANGE = 2  # "meningkat 81 orang", "mengalami peningkatan sebesar 622 orang"
_BUDGET_WORDS = re.compile(
    r"anggaran|pagu|\brp\b|rupiah|\bdana\b|biaya|belanja|dipa|apbn|apbd", re.IGNORECASE
)


@dataclass(slots=True)
class _Fig:
    start: int  # token span in the doc
    end: int
    num: int  # the number token
    figure: Figure
    kind: str  # "pct" | "money" | "num" | "pred"
    role: ClaimKind | None = None
    year: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _section_kind(sections: list[Section], page: int) -> str | None:
    inner = [s for s in sections if s.page_start <= page <= s.page_end]
    return max(inner, key=lambda s: (s.level, s.page_start)).kind.value if inner else None


class _Reader:
    """Reads one document; ``claims`` collects the result."""

    def __init__(
        self,
        pipe: Pipeline,
        blocks: list[Block],
        sections: list[IndicatorSection],
        layout: list[Section],
        indicators: list[Indicator],
        budget: list[BudgetLine],
        year: int | None,
    ) -> None:
        self.pipe = pipe
        self.blocks = blocks
        self.layout = layout
        self.year = year
        self.section_of = {k: s for s in sections for k in s.blocks}
        self.mentions = Mentions(indicators, {s.code: s.indicator for s in sections if s.code})
        self.by_key = {i.key: i for i in indicators}
        self.lines = [b for b in budget if not b.is_total and len(normalise(b.label).split()) >= 3]
        self.labels = [normalise(b.label) for b in self.lines]
        self.claims: list[Claim] = []
        self.n_sent = 0
        self._names: set[int] = set()
        self._end_target_before = False

    # ------------------------------------------------------------------ per block / sentence
    def block(self, k: int, block: Block) -> None:
        if _section_kind(self.layout, block.page) in ("daftar_isi", "cover"):
            return
        doc = self.pipe(block.text, block.line_starts)
        cues = self.pipe.cues(doc)
        ref = None
        for n, sent in enumerate(doc.sents):
            sc = [c for c in cues if c[1] >= sent.start and c[2] <= sent.end]
            if any(c[0] == "CTX_TABLE_REF" for c in sc) and n <= 1:
                ref = "above" if re.search(r"atas|tersebut", sent.text[:200], re.I) else "below"
            self.sentence(k, block, doc, sent, sc, ref)
            self.n_sent += 1

    def sentence(self, k: int, block: Block, doc: Any, sent: Any, cues: list, ref: str | None) -> None:
        text = sent.text
        clean = " ".join(text.split())
        if len(clean) < 4 or "....." in clean or "…" * 3 in clean:
            return  # too short, or a table-of-contents line
        sec = self.section_of.get(k)
        found = self.mentions.find(text) if len(clean) >= 12 else []
        named = [m.indicator for m in found]
        if len(named) == 1:
            ind, link = named[0], found[0].how
        elif not named and sec is not None:
            ind, link = sec.indicator, "section"
        else:
            ind, link = None, None
        base = {
            "block": k,
            "sent": self.n_sent,
            "section_indicator": sec.indicator.key if sec else None,
            "named": [i.key for i in named],
        }
        if block.heading:
            base["heading"] = True
        if ref:
            base["table_ref"] = ref
        ctx = {c[0] for c in cues}
        if "CTX_FUTURE" in ctx:
            base["future"] = True
        if found:
            base["_name_at"] = min(sent.start_char + m.start for m in found)
        name_spans = self._name_spans(doc, sent, found)
        cues = [c for c in cues if not any(t in name_spans for t in range(c[1], c[2]))]
        formula = _FRACTION_BAR.search(clean) is not None  # "Capaian = ------------ x 100%"
        figs = [] if block.heading or formula else self._figures(doc, sent, cues, name_spans, ind)
        mk = _Maker(self, block, sent, clean, base)
        for m in found:
            mk.mention(m, sec, bool(figs), self._subject(doc, sent, m))
        for f in figs:
            mk.figure(f, ind, link)
        self._ratios(doc, figs, mk, ind, link)
        self._number_words(doc, sent, mk)
        self._dates(doc, sent, mk)
        self._years(doc, sent, cues, mk, ind, link)
        self._facts(doc, sent, cues, figs, mk)

    # ------------------------------------------------------------------ indicator names
    def _name_spans(self, doc: Any, sent: Any, found: list[Mention]) -> set[int]:
        """Token indices covered by an indicator's name or code in the sentence."""
        out: set[int] = set()
        for m in found:
            lo, hi = sent.start_char + m.start, sent.start_char + m.end
            out.update(t.i for t in sent if t.idx < hi and t.idx + len(t.text) > lo)
        return out

    def _subject(self, doc: Any, sent: Any, m: Mention) -> bool:
        """The name is what the sentence speaks of: it opens the sentence or follows "indikator", "IKK",
        "realisasi", "capaian", "target"."""
        at = sent.start_char + m.start
        before = [t for t in sent if t.idx < at][-4:]
        words = [t.lower_ for t in before if t.is_alpha]
        if not words:
            return True
        return bool(
            {"indikator", "ikk", "iku", "ikp", "realisasi", "capaian", "target", "kinerja"} & set(words[-3:])
        )

    # ------------------------------------------------------------------ figures and roles
    def _figures(self, doc: Any, sent: Any, cues: list, names: set[int], ind: Indicator | None) -> list[_Fig]:
        self._names = names
        ents = {t: e.label_ for e in doc.ents for t in range(e.start, e.end)}
        figs: list[_Fig] = []
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            f = None
            if (
                _NUMERIC.match(tok.text)
                and ents.get(i) not in {"YEAR", "YEAR_RANGE", "DATE", "MONTH_YEAR", "IND_CODE"}
                and i not in names
            ):
                f = self._number(doc, sent, i)
            elif tok.text in GRADES and i not in names:
                f = self._grade(doc, sent, i, ind)
            if f is not None:
                figs.append(f)
                i = f.end
            else:
                i += 1
        self._end_target_before = False
        grade_ctx = _is_grade_indicator(ind) or any(f.kind == "pred" for f in figs)
        role_cues = [
            c
            for c in cues
            if c[0] in _ROLE_CUES and (c[0] != "SCORE" or grade_ctx) and not _in_name(doc, sent, c)
        ]
        ctx = [c for c in cues if c[0].startswith("CTX_")]
        renstra_at = [c[1] for c in role_cues if c[0] == "RENSTRA_END"]
        pct_unit = _percent_indicator(ind)
        for n, f in enumerate(figs):
            prev = figs[n - 1] if n else None
            lo = prev.end if prev else sent.start
            cue = next((c for c in reversed(role_cues) if lo <= c[1] and c[2] <= f.start), None)
            gap = self._gap(doc, cue[2], f.start, names) if cue else 99
            if cue is not None and any(
                c[0] in ("CTX_ACHIEVED", "CTX_NOT_ACHIEVED") and cue[2] <= c[1] and c[2] <= f.start
                for c in ctx
            ):
                # "capaian kinerja telah melebihi target ... 2 komoditi": the cue is about the phrase between
                gap = 99
            limit = MAX_GAP_CHANGE if cue and cue[0].startswith("CHANGE") else MAX_GAP
            if cue is not None and gap <= limit:
                f.role = self._from_cue(cue[0], f, figs[n + 1 :], pct_unit, prev, renstra_at, figs[:n])
                if (
                    cue[0] == "REAL"
                    and f.role == ClaimKind.REALISASI
                    and f.kind == "pct"
                    and doc[cue[1]].lower_ in {"tercapai", "dicapai"}
                    and _after_dari_target(doc, figs[:n], f)
                ):
                    # "realisasi 59,26% dari target 55,56% atau tercapai 106,66%": the last is the capaian
                    f.role = ClaimKind.CAPAIAN
                f.extra["cue"] = cue[0]
            elif prev is not None:
                f.role = self._from_previous(doc, prev, f, figs, pct_unit, names)
            f.year = self._year_of(doc, sent, f, prev)
            if f.role == ClaimKind.RENSTRA_END_TARGET:
                self._end_target_before = True
            if f.role == ClaimKind.TARGET and f.kind == "pct":
                pct_unit = True  # "target 75% ... realisasi 75%": the indicator is measured in percent
            self._context(doc, f, cue, ctx)
            if prev is not None and prev.extra.get("cumulative") and f.extra.get("of") is None:
                between = [t.lower_ for t in doc[prev.end : f.start]]
                if len(between) <= 5 and ("atau" in between or "(" in between):
                    f.extra["cumulative"] = prev.extra["cumulative"]  # "kumulatif 35 ... atau 92,11%"
            if f.role in (ClaimKind.REALISASI, ClaimKind.PREV_REALISASI) and f.year and self.year:
                if f.year < self.year:
                    f.role = ClaimKind.PREV_REALISASI
                elif f.year > self.year:
                    f.role = None
        return figs

    def _number(self, doc: Any, sent: Any, i: int) -> _Fig | None:
        tok = doc[i]
        before = doc[i - 1].lower_ if i > sent.start else ""
        if before in _LABEL_BEFORE or "/" in tok.text or before in _BOUNDS:
            return None
        if _operand(doc, sent, i):
            return None  # an operand of a formula written out: "159/128 x 100% = 124,21%"
        if i + 1 < sent.end and doc[i + 1].text in {"/", ":"} and i + 2 < sent.end and doc[i + 2].is_digit:
            return None  # "2/3", "14/2022", "10:30"
        if (
            i - 2 >= sent.start
            and doc[i - 1].text in {"-", "–"}
            and (doc[i - 2].lower_ == "ke" or _NUMERIC.match(doc[i - 2].text))
        ):
            return None  # "ke-3", the second end of "70-80"
        if i + 2 < sent.end and doc[i + 1].text in {"-", "–"} and _NUMERIC.match(doc[i + 2].text):
            return None  # a range "70-80"
        if i + 1 < sent.end and doc[i + 1].lower_ in _LABEL_AFTER:
            return None
        if i + 2 < sent.end and doc[i + 1].text == "(" and doc[i + 2].is_alpha:
            k = i + 2
            while k < sent.end and doc[k].text != ")":
                k += 1
            if k + 1 < sent.end and doc[k + 1].lower_ in _LABEL_AFTER:
                return None  # "2 (dua) sasaran"
        if i + 1 < sent.end and (
            doc[i + 1].text == ")" or (doc[i + 1].text == "." and (i == sent.start or i + 2 < sent.end))
        ):
            return None  # a list number "1." / "1)" / "(1)"
        start, end = i, i + 1
        kind = "num"
        if i > sent.start and doc[i - 1].lower_ in {"rp", "rp."}:
            start, kind = i - 1, "money"
        elif i > sent.start + 1 and doc[i - 1].text == "." and doc[i - 2].lower_ == "rp":
            start, kind = i - 2, "money"
        nxt = doc[end].text if end < sent.end else ""
        if nxt == "%" or nxt.lower() in {"persen", "prosen"}:
            end, kind = end + 1, "pct"
        elif nxt.lower() in SCALE_WORDS or (nxt in SCALE_LETTERS and kind == "money"):
            end = end + 1
            kind = "money" if kind == "money" or (end < sent.end and doc[end].lower_ == "rupiah") else kind
            if kind == "num":
                return None  # "5 juta jiwa" and the like: not a figure this layer reads
        elif kind == "num" and nxt.lower() in UNITS and nxt not in {"M", "T"}:
            end = end + 1
        raw = doc[start:end].text
        fig = parse_figure(raw, column_hint="%" if kind == "pct" else "Rp" if kind == "money" else None)
        if kind == "num" and fig.unit is None and nxt == "(":
            noun = _noun_after_words(doc, sent, end)
            if noun:
                fig = replace(fig, unit=noun)  # "10 (sepuluh) dokumen": counted in dokumen
        if fig.value is None:
            return None
        if kind == "num" and (
            fig.kind == FigureKind.RUPIAH
            or (
                fig.value >= 1_000_000
                and raw.count(".") + raw.count(",") >= 2
                and _BUDGET_WORDS.search(sent.text)
            )
        ):
            kind = "money"
        return _Fig(start, end, i, fig, kind)

    def _grade(self, doc: Any, sent: Any, i: int, ind: Indicator | None) -> _Fig | None:
        j = i - 1
        while j >= sent.start and doc[j].text in {'"', "“", "”", "'", "(", "‘", "’"}:
            j -= 1
        if j < sent.start or doc[j].lower_ not in _PRED_BEFORE:
            return None
        if (
            i + 2 < sent.end
            and doc[i + 1].text in {"=", ".", ")"}
            and (doc[i + 1].text == "=" or not doc[i + 2].text[:1].isupper())
        ):
            return None
        low = sent.text.lower()
        if not (re.search(r"predikat|kategori|sakip|nilai|akuntabilitas", low) or _is_grade_indicator(ind)):
            return None
        return _Fig(i, i + 1, i, parse_figure(doc[i].text, column_hint="predikat"), "pred")

    def _gap(self, doc: Any, a: int, b: int, names: set[int]) -> int:
        n = 0
        for t in doc[a:b]:
            if (
                t.i in names
                or t.is_punct
                or t.like_num
                or t.lower_ in _FILLER
                or t.ent_type_
                in {
                    "YEAR",
                    "YEAR_RANGE",
                    "DATE",
                    "MONTH_YEAR",
                    "IND_CODE",
                }
            ):
                continue
            if t.text[:1].isupper():
                continue  # part of a name ("BGP Provinsi NTT")
            n += 1
        return n

    def _from_cue(
        self,
        label: str,
        f: _Fig,
        rest: list[_Fig],
        pct_unit: bool,
        prev: _Fig | None,
        renstra_at: list[int],
        before: list[_Fig],
    ) -> ClaimKind | None:
        pct, money, pred = f.kind == "pct", f.kind == "money", f.kind == "pred"
        if label == "OTHER":
            return None
        renstra_before = any(r < f.start for r in renstra_at)
        if money:
            return {
                "PAGU": ClaimKind.PAGU,
                "REAL_ANGGARAN": ClaimKind.REALISASI_ANGGARAN,
                "REAL": ClaimKind.REALISASI_ANGGARAN,
                "TARGET": ClaimKind.PAGU,
            }.get(label)
        if label == "DAYA_SERAP" or (label == "REAL_ANGGARAN" and pct):
            return ClaimKind.DAYA_SERAP if pct else None
        if label in ("PAGU", "REAL_ANGGARAN"):
            return None
        if label == "RENSTRA_END":
            if pred or not pct:
                return ClaimKind.RENSTRA_END_TARGET
            later_pct = any(r.kind == "pct" for r in rest)
            return ClaimKind.RENSTRA_END_TARGET if pct_unit or later_pct else ClaimKind.RENSTRA_END_CAPAIAN
        if label == "TARGET":
            return ClaimKind.TARGET
        if label in ("REAL", "CAPAIAN"):
            if pred:
                return ClaimKind.REALISASI
            if pct and renstra_before and (prev is None or self._end_target_before):
                return ClaimKind.RENSTRA_END_CAPAIAN
            if pct and not pct_unit:
                return ClaimKind.CAPAIAN
            if pct and label == "CAPAIAN" and _has(before, ClaimKind.REALISASI):
                return ClaimKind.CAPAIAN
            return ClaimKind.REALISASI
        if label in ("CHANGE_UP", "CHANGE_DOWN", "CHANGE"):
            f.extra["direction"] = {"CHANGE_UP": "up", "CHANGE_DOWN": "down"}.get(label, "none")
            if pred:
                return None
            if pct and not pct_unit and not (rest and rest[0].kind == "pct"):
                return ClaimKind.CHANGE_PERCENT
            return ClaimKind.CHANGE
        if label == "COMPARE":
            return ClaimKind.REALISASI if not pred else ClaimKind.PREDICATE
        if label == "SCORE":
            return ClaimKind.SCORE if not pct and not pred else None
        return None

    def _from_previous(
        self, doc: Any, prev: _Fig, f: _Fig, figs: list[_Fig], pct_unit: bool, names: set[int]
    ) -> ClaimKind | None:
        between = [t for t in doc[prev.end : f.start]]
        words = [t.lower_ for t in between]
        linked = len(between) <= 3 and ("atau" in words or "(" in words or "sebesar" in words)
        if (f.kind == "pct" and prev.kind != "pct" and linked) or (
            f.kind == "pct" and prev.role == ClaimKind.CHANGE and prev.kind == "pct" and linked
        ):
            f.extra["of"] = prev.figure.raw
            return (
                {
                    ClaimKind.REALISASI: ClaimKind.CAPAIAN,
                    ClaimKind.CHANGE: ClaimKind.CHANGE_PERCENT,
                    ClaimKind.REALISASI_ANGGARAN: ClaimKind.DAYA_SERAP,
                }.get(prev.role)
                if prev.role
                else None
            )
        if f.kind == "pred" and prev.role == ClaimKind.SCORE and len(between) <= 3:
            prev.extra["predicate"] = f.figure.predicate
            return ClaimKind.REALISASI
        same_kind = (f.kind == "pct") == (prev.kind == "pct") and (f.kind == "money") == (
            prev.kind == "money"
        )
        plain = all(
            t.lower_ in _CONNECT
            or t.lower_ in _FILLER
            or t.ent_type_ in {"YEAR", "YEAR_RANGE"}
            or t.i in names
            for t in between
        )
        if same_kind and plain and len(between) <= 8 and prev.role is not None:
            if prev.role == ClaimKind.PREV_REALISASI:
                return ClaimKind.REALISASI  # the year decides below
            if prev.role in (ClaimKind.CHANGE, ClaimKind.CHANGE_PERCENT, ClaimKind.RENSTRA_END_CAPAIAN):
                return None
            return prev.role
        return None

    def _year_of(self, doc: Any, sent: Any, f: _Fig, prev: _Fig | None) -> int | None:
        lo = prev.end if prev else sent.start
        years = [t for t in doc[lo : f.start] if t._.year and t.ent_type_ in {"YEAR", "MONTH_YEAR", "DATE"}]
        after = doc[f.end : min(f.end + 3, sent.end)]
        trailing = next(
            (
                t._.year
                for t in after
                if t._.year and t.ent_type_ == "YEAR" and doc[t.i - 1].lower_ in {"tahun", "pada", "th", "ta"}
            ),
            None,
        )
        if years:
            if trailing is not None and prev is not None and all(t.i < prev.end + 4 for t in years):
                # "15 dokumen di tahun 2016, realisasi 13 dokumen pada tahun 2015": 2016 is the 15's
                return trailing
            return years[-1]._.year
        if trailing is not None:
            return trailing
        earlier = [t for t in doc[sent.start : f.start] if t._.year and t.ent_type_ in {"YEAR", "MONTH_YEAR"}]
        return earlier[-1]._.year if earlier else None

    def _context(self, doc: Any, f: _Fig, cue: tuple | None, ctx: list) -> None:
        lo = cue[1] if cue else max(f.start - 4, 0)
        for label, s, e in ctx:
            if any(t in self._names for t in range(s, e)):
                continue
            if (
                label == "CTX_PART"
                and lo <= s
                and e <= f.start
                and f.role not in (ClaimKind.RENSTRA_END_TARGET, ClaimKind.RENSTRA_END_CAPAIAN)
                and (doc[s].lower_ not in {"periode", "program", "kegiatan"} or s >= f.start - 3)
            ):
                f.extra["part"] = doc[s:e].text
            if label in ("CTX_CUMUL", "CTX_RATA") and (lo <= s < f.start or f.end <= s <= f.end + 2):
                f.extra["cumulative"] = doc[s:e].text
            elif (
                label == "CTX_CUMUL"
                and s < f.start
                and doc[s].lower_ in {"kumulatif", "akumulasi", "akumulatif"}
            ):
                f.extra["cumulative"] = doc[s:e].text  # "sehingga kumulatif masih 35 ... atau capaian 92,11%"

    # ------------------------------------------------------------------ other claims
    def _ratios(
        self, doc: Any, figs: list[_Fig], mk: _Maker, ind: Indicator | None, link: str | None
    ) -> None:
        """ "X atau P% dari Y": P should be X / Y."""
        done: set[int] = set()
        for n, f in enumerate(figs):
            if f.kind != "pct" or n == 0 or n + 1 >= len(figs):
                continue
            x, y = figs[n - 1], figs[n + 1]
            before = [t.lower_ for t in doc[x.end : f.start]]
            after = [t for t in doc[f.end : y.start]]
            if not (len(before) <= 2 and ("atau" in before or "(" in before)):
                continue
            if not after or (
                after[0].lower_ != "dari"
                and not (after[0].text == ")" and len(after) > 1 and after[1].lower_ == "dari")
            ):
                continue
            if len(after) > 5 or x.kind == "pct" or y.kind == "pct" or x.kind == "pred" or y.kind == "pred":
                continue
            mk.ratio(f, x, y, ind, link)
            done.add(f.start)
        for f in figs:
            if f.kind == "pct" and f.start not in done:
                self._part_of(doc, f, mk, ind, link)

    def _part_of(self, doc: Any, f: _Fig, mk: _Maker, ind: Indicator | None, link: str | None) -> None:
        """ "15 dari 27 kabupaten/kota ... atau 59,26%": P should be X / Y (the words after Y name what is
        counted; no other number between Y and P)."""
        lo = max(f.start - 14, mk.sent.start)
        toks = list(doc[lo : f.start])
        if (
            not toks
            or not any(t.lower_ == "atau" for t in toks[-3:])
            or any(t.text in {".", ";"} for t in toks)
        ):
            return
        for k in range(len(toks) - 2, 1, -1):
            y, dari, x = toks[k], toks[k - 1], toks[k - 2]
            if not (_NUMERIC.match(y.text) and dari.lower_ == "dari" and _NUMERIC.match(x.text)):
                continue
            if any(_NUMERIC.match(t.text) for t in toks[k + 1 :]) or y._.year or x._.year:
                return
            if k - 3 >= 0 and toks[k - 3].text in {"-", "–", "/", ",", "."}:
                return
            fx, fy = parse_figure(x.text), parse_figure(y.text)
            if fx.value is None or fy.value is None or not fy.value or fx.value > fy.value:
                return
            mk.ratio(f, _Fig(x.i, x.i + 1, x.i, fx, "num"), _Fig(y.i, y.i + 1, y.i, fy, "num"), ind, link)
            return

    def _number_words(self, doc: Any, sent: Any, mk: _Maker) -> None:
        for e in doc.ents:
            if e.label_ != "NUMWORDS" or e.start < sent.start or e.end > sent.end:
                continue
            toks = list(e)
            num = next(t for t in toks if _NUMERIC.match(t.text))
            inner = [
                t for t in toks if t.text not in {"(", ")"} and t.i != num.i and not _NUMERIC.match(t.text)
            ]
            words = " ".join(t.text for t in inner if t.lower_ not in {"rp", "rp.", ".", ",", ",-", "-", "%"})
            got = words_value(words)
            if got is None:
                continue
            value, tail = got
            pct = any(t.text == "%" for t in toks) or tail == "persen"
            money = any(t.lower_ in {"rp", "rp."} for t in toks) or tail == "rupiah"
            raw = num.text + ("%" if pct else "")
            fig = parse_figure(("Rp " if money else "") + raw, column_hint="%" if pct else None)
            if fig.value is None:
                continue
            order = "digits_first" if toks[0].i == num.i or toks[0].lower_ in {"rp", "rp."} else "words_first"
            mk.number_words(e, fig, value, words, order, pct, money)

    def _dates(self, doc: Any, sent: Any, mk: _Maker) -> None:
        for e in doc.ents:
            if e.label_ not in {"DATE", "MONTH_YEAR"} or e.start < sent.start or e.end > sent.end:
                continue
            day = int(e[0].text) if e.label_ == "DATE" else None
            month = next((MONTHS[t.lower_] for t in e if t.lower_ in MONTHS), None)
            year = next((t._.year for t in e if t._.year), None)
            if month and year:
                mk.date(e, day, month, year)

    def _years(
        self, doc: Any, sent: Any, cues: list, mk: _Maker, ind: Indicator | None, link: str | None
    ) -> None:
        """The years the sentence gives realisasi for ("Perbandingan Realisasi Tahun 2023 dan 2024")."""
        role_cues = [c for c in cues if c[0] in _ROLE_CUES]
        groups: list[list[Any]] = []
        cur: list[Any] = []
        for t in sent:
            if t.ent_type_ == "YEAR" and t._.year:
                cur.append(t)
            elif cur and (t.lower_ in _YEAR_JOIN):
                continue
            elif cur:
                groups.append(cur)
                cur = []
        if cur:
            groups.append(cur)
        years: list[int] = []
        first = None
        for g in groups:
            cue = next((c for c in reversed(role_cues) if c[2] <= g[0].i), None)
            if cue is None or cue[0] not in ("REAL", "CAPAIAN"):
                continue
            if any(t.lower_ in {"target", "targetnya"} for t in doc[cue[1] : cue[2]]):
                continue  # "pencapaian target tahun 2017 dan 2018": targets, not realisasi
            between = [t.lower_ for t in doc[cue[2] : g[0].i]]
            if not between or between[-1] not in {"tahun", "th", "th.", "ta", "t.a."}:
                continue  # "Realisasi Tahun 2023", not a table header "Target Realisasi % 2024"
            if any(
                w not in {"tahun", "th", "th.", "ta", "kinerja", "capaian", "pada", "di", "sampai", "dengan"}
                for w in between
            ):
                continue
            years += [t._.year for t in g]
            first = first or g[0]
        if years and first is not None:
            mk.years(first, sorted(set(years)), ind, link, "perbandingan" in sent.text.lower())

    def _facts(self, doc: Any, sent: Any, cues: list, figs: list[_Fig], mk: _Maker) -> None:
        labels = [c for c in cues if c[0].startswith("CTX_")]
        # founding month: "dibentuk pada bulan April 2022", "Bulan Maret Tahun 2022, ... baru berdiri"
        for label, s, _e in labels:
            if label != "CTX_FOUNDED":
                continue
            dates = [
                e for e in doc.ents if e.label_ in {"DATE", "MONTH_YEAR"} and sent.start <= e.start < sent.end
            ]
            near = [e for e in dates if 0 <= e.start - s <= 8 or 0 <= s - e.end <= 10]
            if len(near) == 1:
                e = near[0]
                month = next((MONTHS[t.lower_] for t in e if t.lower_ in MONTHS), None)
                year = next((t._.year for t in e if t._.year), None)
                if month and year:
                    mk.fact(e, "founded", {"month": month, "year": year, "subject": _subject_words(sent)})
                break
        staff = [c for c in labels if c[0] == "CTX_STAFF"]
        part = [c for c in labels if c[0] == "CTX_STAFF_PART"]
        if staff and not part:
            self._staff(doc, sent, staff, mk)
        if any(c[0] == "CTX_REGION" for c in labels):
            self._regencies(doc, sent, mk)

    def _staff(self, doc: Any, sent: Any, staff: list, mk: _Maker) -> None:
        """The agency's total staff: "jumlah SDM sebanyak 48 (empat puluh delapan) orang", "seluruh pegawai
        berjumlah 48 orang". The staff word must follow "jumlah" / "total" / "seluruh" (a number of people
        trained, served or paid is not the staff), and the number must be counted in people."""
        for _label, s, e in staff:
            if s - 1 < sent.start or doc[s - 1].lower_ not in {"jumlah", "total", "seluruh", "keseluruhan"}:
                continue
            for k in range(e, min(e + 5, sent.end)):
                if not _NUMERIC.match(doc[k].text):
                    continue
                j = k + 1
                if j < sent.end and doc[j].text == "(":
                    while j < sent.end and doc[j].text != ")":
                        j += 1
                    j += 1
                if j < sent.end and doc[j].lower_ in {"orang", "pegawai", "personil", "personel", "asn"}:
                    fig = parse_figure(doc[k].text)
                    if fig.value is not None and fig.value == int(fig.value):
                        year = next((t._.year for t in sent if t._.year and t.ent_type_ == "YEAR"), None)
                        mk.fact(doc[k : k + 1], "staff", {"value": int(fig.value), "year": year}, fig)
                        return
                break

    def _regencies(self, doc: Any, sent: Any, mk: _Maker) -> None:
        text = sent.text
        m = re.search(
            r"(\d{1,3})\s*(?:\([a-z ]+\)\s*)?kabupaten"
            r"(?:\s*/\s*kota|\s+dan\s+(\d{1,3})\s*(?:\([a-z ]+\)\s*)?kota)",
            text,
            re.IGNORECASE,
        )
        if m is None:
            return
        value = int(m.group(1)) + (int(m.group(2)) if m.group(2) else 0)
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None:
            mk.fact(span, "regencies", {"value": value})


def _operand(doc: Any, sent: Any, i: int) -> bool:
    """Token ``i`` is an operand of a formula: a number or ")" on the other side of an operator next to it."""

    def number_like(k: int) -> bool:
        return sent.start <= k < sent.end and (bool(_NUMERIC.match(doc[k].text)) or doc[k].text in {"(", ")"})

    if i - 1 >= sent.start and doc[i - 1].text in _OPERATORS and number_like(i - 2):
        return True
    j = i + 1
    if j < sent.end and doc[j].text == "%":
        j += 1
    return j < sent.end and doc[j].text in _OPERATORS and number_like(j + 1)


def _noun_after_words(doc: Any, sent: Any, k: int) -> str | None:
    """The word after "(number words)" at token ``k``: "(sepuluh) dokumen" -> "dokumen"."""
    j = k + 1
    while j < sent.end and doc[j].text != ")" and doc[j].is_alpha:
        j += 1
    if j + 1 < sent.end and doc[j].text == ")" and j > k + 1 and doc[j + 1].is_alpha:
        return doc[j + 1].lower_
    return None


def _in_name(doc: Any, sent: Any, cue: tuple[str, int, int]) -> bool:
    """A change word that is part of a capitalised name ("sasaran Peningkatan Ketersediaan Pangan")."""
    label, s, e = cue
    if not label.startswith("CHANGE") or s == sent.start or not doc[s].text[:1].isupper():
        return False
    return e < sent.end and doc[e].text[:1].isupper() and doc[e].is_alpha


def _after_dari_target(doc: Any, before: list[_Fig], f: _Fig) -> bool:
    """ "R% dari target T% atau tercapai Z%": the figure before is the target, introduced by "dari target"
    right after another percentage (the realisasi), and "atau" / "sehingga" / "dengan" joins it to ``f``."""
    if len(before) < 2:
        return False
    t, r = before[-1], before[-2]
    if t.role != ClaimKind.TARGET or r.kind != "pct" or t.kind != "pct":
        return False
    between = {x.lower_ for x in doc[r.end : t.start]}
    after = {x.lower_ for x in doc[t.end : f.start]}
    return "dari" in between and bool(after & {"atau", "sehingga", "dengan", "maka"})


def _has(figs: list[_Fig], *roles: ClaimKind) -> bool:
    """Every one of ``roles`` is the role of one of ``figs``."""
    have = {f.role for f in figs}
    return all(r in have for r in roles)


def _percent_indicator(ind: Indicator | None) -> bool:
    """The indicator is measured in percent: its unit, or its name ("Persentase ...", "Proporsi ...")."""
    if ind is None:
        return False
    return (ind.unit or "").strip().lower() in {"%", "persen"} or bool(_PCT_NAME.match(ind.name))


def _subject_words(sent: Any) -> list[str]:
    """Acronyms and capitalised words of the sentence (who the sentence is about), months left out."""
    return sorted(
        {
            t.text
            for t in sent
            if t.text[:1].isupper() and t.is_alpha and t.lower_ not in MONTHS and len(t) > 1
        }
    )


def _is_grade_indicator(ind: Indicator | None) -> bool:
    return ind is not None and bool(re.search(r"predikat|sakip|opini|akuntabilitas", ind.name, re.I))


class _Maker:
    """Turns what a sentence states into Claim objects with provenance."""

    def __init__(self, reader: _Reader, block: Block, sent: Any, clean: str, base: dict) -> None:
        self.r = reader
        self.block = block
        self.sent = sent
        self.clean = clean
        self.base = base

    def _prov(self, span: Any, raw: str) -> Provenance:
        page, box = self.block.where(span.start_char, span.end_char)
        return Provenance(page=page, bbox=box, raw=raw, sentence=self.clean)

    def _add(
        self,
        kind: ClaimKind,
        span: Any,
        fig: Figure,
        extra: dict,
        ind: Indicator | None = None,
        link: str | None = None,
        year: int | None = None,
        words: int | None = None,
    ) -> Claim:
        prov = self._prov(span, fig.raw)
        claim = Claim(
            kind,
            fig,
            self.clean,
            prov,
            _section_kind(self.r.layout, prov.page),
            words,
            {**self.base, **extra},
            ind.key if ind is not None else None,
            year,
            link if ind is not None else None,
        )
        self.r.claims.append(claim)
        return claim

    def mention(self, m: Mention, sec: IndicatorSection | None, has_figures: bool, subject: bool) -> None:
        if m.how == "code":
            lo, hi = self.sent.start_char + m.start, self.sent.start_char + m.end
        else:
            lo, hi = self.sent.start_char + m.start, self.sent.start_char + m.end
        span = self.sent.doc.char_span(lo, hi, alignment_mode="expand")
        if span is None:
            return
        fig = Figure(raw=span.text, kind=FigureKind.TEXT)
        self._add(
            ClaimKind.MENTION,
            span,
            fig,
            {"score": round(m.score, 1), "how": m.how, "has_figures": has_figures, "subject": subject},
            m.indicator,
            m.how,
        )

    def figure(self, f: _Fig, ind: Indicator | None, link: str | None) -> None:
        span = self.sent.doc[f.start : f.end]
        kind = f.role
        if kind is None:
            if f.kind != "pred":
                return
            kind = ClaimKind.PREDICATE
        budget = kind in (ClaimKind.PAGU, ClaimKind.REALISASI_ANGGARAN, ClaimKind.DAYA_SERAP)
        extra = dict(f.extra)
        if budget:
            # An amount that is not (surely) a named line's or indicator's own is kept "unlinked": no table
            # value is compared with it, but the sentence's own arithmetic (pagu, realisasi, %) still holds.
            found = self._budget_line()
            if found is not None:
                line, line_at = found
                if span.start_char < line_at:
                    extra["unlinked"] = True  # "Total anggaran Rp X ... <the line's name>": not the line's
                else:
                    extra["budget_line"] = [line.table_id, line.row]
            elif link not in ("code", "name"):
                extra["unlinked"] = True  # of the whole report or of a part the sentence does not name
            elif span.start_char < self.base.get("_name_at", -1):
                extra["unlinked"] = True  # before the indicator's name: not (surely) the indicator's own
            if extra.get("unlinked"):
                ind, link = None, None
        self._add(kind, span, f.figure, extra, ind, link, f.year)

    def _budget_line(self) -> tuple[BudgetLine, int] | None:
        """The budget line whose label the sentence gives (fuzzily), and where the label starts (a char
        offset in the document)."""
        if not self.r.labels:
            return None
        norm = normalise(self.clean)
        best = process.extractOne(norm, self.r.labels, scorer=fuzz.partial_ratio, score_cutoff=92)
        if best is None:
            return None
        text, where = norm_map(self.sent.text)
        al = fuzz.partial_ratio_alignment(self.r.labels[best[2]], text) if text else None
        at = where[min(al.dest_start, len(where) - 1)] if al is not None else 0
        return self.r.lines[best[2]], self.sent.start_char + at

    def ratio(self, f: _Fig, x: _Fig, y: _Fig, ind: Indicator | None, link: str | None) -> None:
        span = self.sent.doc[f.start : f.end]
        extra = {
            "num": x.figure.raw,
            "den": y.figure.raw,
            "num_role": str(x.role) if x.role else None,
            "den_role": str(y.role) if y.role else None,
        }
        self._add(ClaimKind.RATIO, span, f.figure, extra, ind, link, f.year)

    def number_words(
        self, e: Any, fig: Figure, value: Any, words: str, order: str, pct: bool, money: bool
    ) -> None:
        extra = {"words": words, "words_value": str(value), "order": order, "percent": pct, "money": money}
        whole = int(value) if value == int(value) else None
        self._add(ClaimKind.NUMBER_WORDS, e, fig, extra, words=whole)

    def date(self, e: Any, day: int | None, month: int, year: int) -> None:
        fig = Figure(raw=e.text, kind=FigureKind.TEXT)
        self._add(ClaimKind.DATE, e, fig, {"day": day, "month": month}, year=year)

    def years(
        self, tok: Any, years: list[int], ind: Indicator | None, link: str | None, comparison: bool
    ) -> None:
        span = self.sent.doc[tok.i : tok.i + 1]
        fig = parse_figure(str(max(years)))
        extra = {"years": years, "context": "realisasi", "comparison": comparison}
        self._add(ClaimKind.YEARS, span, fig, extra, ind, link, max(years))

    def fact(self, span: Any, name: str, data: dict, fig: Figure | None = None) -> None:
        figure = fig or Figure(raw=span.text, kind=FigureKind.TEXT)
        self._add(ClaimKind.FACT, span, figure, {"fact": name, **data})


def read_claims(
    doc: Document,
    layout: list[Section],
    table_boxes: dict,
    indicators: list[Indicator],
    budget: list[BudgetLine],
    year: int | None,
) -> list[Claim]:
    """Every narrative claim of the document's prose (see the module doc)."""
    pipe = pipeline()
    blocks = read_blocks(doc, table_boxes)
    sections = find_sections(blocks, indicators, layout)
    reader = _Reader(pipe, blocks, sections, layout, indicators, budget, year)
    for k, block in enumerate(blocks):
        reader.block(k, block)
    return reader.claims


def claims_of_text(
    text: str,
    indicators: list[Indicator] | None = None,
    *,
    year: int | None = None,
    section: Indicator | None = None,
    page: int = 1,
) -> list[Claim]:
    """The claims of a paragraph given as plain text (one printed line per ``\\n``), read as if it sat in
    ``section`` (the part of the report about that indicator). For tests and for trying sentences out."""
    from lakipcheck.ingest.types import Line, Word
    from lakipcheck.provenance import BBox

    block = Block(heading=False)
    for n, line_text in enumerate(t for t in text.split("\n") if t.strip()):
        words, x = [], 72.0
        for w in line_text.split():
            words.append(Word(w, BBox(x, 100.0 + 14 * n, x + 6 * len(w), 110.0 + 14 * n), 11.0))
            x += 6 * len(w) + 3
        block.add_line(Line(words, BBox.enclosing([w.bbox for w in words]) or words[0].bbox), page)
    inds = list(indicators or [])
    sections = [IndicatorSection(section, section.code, 0, 1, section.name)] if section is not None else []
    reader = _Reader(pipeline(), [block], sections, [], inds, [], year)
    reader.block(0, block)
    return reader.claims
