"""SAKIP predicates (AA ... D) against scores and against each other, under the predicate scale the report
prints (a "Nilai | Predikat | Interpretasi" table) or, when it prints none, the pack's configured scale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any

from lakipcheck.model.types import Indicator, Report, Role
from lakipcheck.numbers import Figure, FigureKind, parse_figure
from lakipcheck.provenance import Provenance
from lakipcheck.rules.checks.common import label
from lakipcheck.rules.checks.swaps import (
    Place,
    Quantity,
    copied_cells,
    place_name,
    places,
    quantity_name,
    rank,
    swapped_rows,
)
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import Table

GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")
_INF = Decimal("Infinity")


@dataclass(frozen=True, slots=True)
class Band:
    """One grade of a scale: the scores from ``lo`` to ``hi`` (each end open or closed)."""

    grade: str
    lo: Decimal
    hi: Decimal
    lo_closed: bool = False
    hi_closed: bool = True
    words: str = ""  # the interpretation printed with it ("Sangat Baik")

    def holds(self, x: Decimal) -> bool:
        above = x >= self.lo if self.lo_closed else x > self.lo
        below = x <= self.hi if self.hi_closed else x < self.hi
        return above and below

    def touches(self, x: Decimal) -> bool:
        """``x`` is in the band or on one of its ends (a boundary value)."""
        return self.lo <= x <= self.hi

    def text(self) -> str:
        """As reports print it: "BB: > 70 - 80" (the high end closed unless "< ")."""
        lo = ("≥ " if self.lo_closed else "> ") + _num(self.lo) if self.lo != -_INF else ""
        hi = ("" if self.hi_closed else "< ") + _num(self.hi) if self.hi != _INF else ""
        return f"{self.grade}: {' - '.join(x for x in (lo, hi) if x)}"


@dataclass(slots=True)
class Scale:
    bands: list[Band]
    source: str  # where the scale comes from, for the finding
    provenance: Provenance | None = None  # the printed scale table, when the report prints one

    def grade(self, x: Decimal) -> str | None:
        return next((b.grade for b in self.bands if b.holds(x)), None)

    def near(self, x: Decimal) -> set[str]:
        """Grades whose band holds ``x`` or ends at it."""
        return {b.grade for b in self.bands if b.touches(x)}

    def band(self, grade: str) -> Band | None:
        return next((b for b in self.bands if b.grade == grade), None)


def _num(x: Decimal) -> str:
    return f"{x.normalize():f}".replace(".", ",")


def scale_from_params(items: list[dict[str, Any]], interpretations: dict[str, str] | None = None) -> Scale:
    """The configured scale: ``[{grade, min, max, min_inclusive, max_inclusive}]`` (min exclusive and max
    inclusive unless said otherwise)."""
    words = interpretations or {}
    bands = [
        Band(
            str(it["grade"]).upper(),
            Decimal(str(it["min"])),
            Decimal(str(it["max"])),
            bool(it.get("min_inclusive", False)),
            bool(it.get("max_inclusive", True)),
            words.get(str(it["grade"]).upper(), ""),
        )
        for it in items
    ]
    return Scale(bands, "skala predikat yang dikonfigurasi (PermenPANRB 88/2021)")


def _grade_cell(text: str) -> str | None:
    fig = parse_figure(text, column_hint="predikat")
    return fig.predicate if fig.kind == FigureKind.PREDICATE and fig.value is None else None


def _band_of(grade: str, text: str, words: str) -> Band | None:
    fig = parse_figure(text)
    if fig.kind == FigureKind.RANGE and fig.low is not None and fig.high is not None:
        # "> 90 - 100": the low end is open; "90,01 - 100" / "0 - 30": closed
        return Band(grade, fig.low, fig.high, fig.qualifier not in (">",), True, words)
    if fig.kind == FigureKind.NUMBER and fig.value is not None and fig.qualifier:
        if fig.qualifier in (">", ">="):
            return Band(grade, fig.value, _INF, fig.qualifier == ">=", False, words)
        if fig.qualifier in ("<", "<="):
            return Band(grade, -_INF, fig.value, False, fig.qualifier == "<=", words)
    return None


def scale_from_table(table: Table) -> Scale | None:
    """A printed scale: four or more rows, each a distinct grade next to a score range (and perhaps words)."""
    bands: list[Band] = []
    for row in table.rows:
        texts = [c.text.strip() for c in row]
        grades = [(i, g) for i, t in enumerate(texts) if (g := _grade_cell(t))]
        if len(grades) != 1:
            continue
        gi, grade = grades[0]
        band = None
        words = next(
            (
                t
                for i, t in enumerate(texts)
                if i != gi and t and re.search(r"[A-Za-z]{3}", t) and not _grade_cell(t)
            ),
            "",
        )
        for i, t in enumerate(texts):
            if i != gi and (band := _band_of(grade, t, words)) is not None:
                break
        if band is not None and all(b.grade != grade for b in bands):
            bands.append(band)
    if len(bands) < 4:
        return None
    ordered = sorted(bands, key=lambda b: GRADES.index(b.grade))
    if any(a.lo < b.lo for a, b in pairwise(ordered)):
        return None  # not ordered like a scale
    return Scale(
        ordered, f"skala yang dicetak laporan (hlm. {table.page})", Provenance(table.page, table.bbox)
    )


def report_scale(report: Report) -> Scale | None:
    for t in report.tables:
        s = scale_from_table(t)
        if s is not None:
            s.provenance = Provenance(t.page, t.bbox, raw="", table_id=t.id)
            return s
    return None


def scale_for(report: Report, params: dict[str, Any]) -> Scale:
    """The report's own printed scale when ``prefer_report_scale`` and it prints one, else the configured."""
    if params.get("prefer_report_scale", True):
        s = report_scale(report)
        if s is not None:
            return s
    return scale_from_params(params["predicate_scale"], params.get("interpretations"))


# ------------------------------------------------------------------------------------------ verdicts


@dataclass(slots=True)
class Verdict:
    ok: bool
    boundary: bool  # wrong only because the value sits on a band's end the scale gives to the next grade
    expected: str | None  # the grade the scale gives


def judge(scale: Scale, value: Decimal, grade: str) -> Verdict:
    expected = scale.grade(value)
    if expected == grade:
        return Verdict(True, False, expected)
    return Verdict(False, grade in scale.near(value), expected)


def _severity(v: Verdict, boundary: str) -> Severity | bool | None:
    """None: the rule's severity; a Severity: lowered; False: not reported."""
    if not v.boundary:
        return None
    if boundary == "strict":
        return None
    if boundary == "warn":
        return Severity.WARNING
    return False


def _score(fig: Figure) -> Decimal | None:
    """A plain score 0-100 (not a range, not "≥ 80")."""
    if fig.kind not in (FigureKind.NUMBER, FigureKind.PERCENT, FigureKind.PREDICATE) or fig.value is None:
        return None
    if fig.qualifier or not (0 <= fig.value <= 100):
        return None
    return fig.value


# ------------------------------------------------------------------------------------------ places


_PREDICATE_NAME = re.compile(r"\bpredikat\b|\bsakip\b|\bakip\b|\blkip\b|\bnilai evaluasi\b", re.IGNORECASE)
# Quantities a grade can be stated for; the % capaian is not one.
_GRADED = ("target", "realisasi", "renstra_end")


def _graded_places(report: Report, ind: Indicator) -> dict[Quantity, list[Place]]:
    year = report.info.year
    skip = swapped_rows(report)
    copied = copied_cells(report)
    out: dict[Quantity, list[Place]] = {}
    ends = {v.year for v in ind.values if v.role == Role.RENSTRA_END_TARGET and v.year is not None}
    for p in places(ind, year, copied):
        if p.quantity[0] in _GRADED and p.row not in skip:
            out.setdefault(p.quantity, []).append(p)
    # The Renstra table's target for the Renstra's last year is the end target.
    for v in ind.values:
        if v.role == Role.RENSTRA_TARGET and v.year in ends:
            out.setdefault(("renstra_end", v.year), []).append(Place(v, ("renstra_end", v.year)))
    return out


def _is_grade(p: Place) -> bool:
    return p.figure.kind == FigureKind.PREDICATE and p.figure.predicate is not None


def _majority(ps: list[Place]) -> tuple[str, list[Place]]:
    by: dict[str, list[Place]] = {}
    for p in sorted(ps, key=rank):
        by.setdefault(p.figure.predicate or "", []).append(p)
    grade, refs = min(by.items(), key=lambda kv: (-len({p.row[0] for p in kv[1]}), rank(kv[1][0])))
    return grade, refs


def _loc(p: Place, what: str) -> Location:
    return Location(p.value.provenance, f"{what}: {place_name(p)}")


# ------------------------------------------------------------------------------------------ the rule

# PermenPANRB 88/2021 (the pack's settings.predicate_scale normally overrides this copy).
_SCALE_88_2021 = [
    {"grade": "AA", "min": 90, "max": 100},
    {"grade": "A", "min": 80, "max": 90},
    {"grade": "BB", "min": 70, "max": 80},
    {"grade": "B", "min": 60, "max": 70},
    {"grade": "CC", "min": 50, "max": 60},
    {"grade": "C", "min": 30, "max": 50},
    {"grade": "D", "min": 0, "max": 30, "min_inclusive": True},
]
_WORDS_88_2021 = {
    "AA": "Sangat Memuaskan",
    "A": "Memuaskan",
    "BB": "Sangat Baik",
    "B": "Baik",
    "CC": "Cukup (Memadai)",
    "C": "Kurang",
    "D": "Sangat Kurang",
}
_PREDICATE_PARAMS = {
    "predicate_scale": _SCALE_88_2021,
    "boundary": "warn",
    "prefer_report_scale": True,
    "interpretations": _WORDS_88_2021,
}


@primitive("predicate_score", **_PREDICATE_PARAMS)
def predicate_score(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Grades (AA ... D) must agree with the scores and with each other:
    (1) a numeric value stated for an indicator's target / realisasi / Renstra end target where other places
    state a grade must fall in that grade's band ("88" in the rencana aksi where the PK says BB);
    (2) a figure with both ("70 (BB)"), or a row of a SAKIP table with a score column next to a grade
    column, must have a score inside its grade's band;
    (3) the same target / realisasi / Renstra end target stated as different grades in different tables
    (the Renstra table's target for the last year is the end target).
    The scale is the one the report prints (a Nilai / Predikat table), else ``predicate_scale``. A value that
    sits exactly on a band's end that the scale gives to the neighbouring grade (80 printed as A when A is
    > 80) follows ``boundary``: "warn" (warning), "strict" (error) or "ignore"."""
    scale = scale_for(report, params)
    yield from _cells_and_rows(report, scale, params)
    for ind in report.indicators:
        groups = _graded_places(report, ind)
        for q, ps in groups.items():
            grades = [p for p in ps if _is_grade(p)]
            if not grades:
                continue
            if q[0] == "target" and any(p.value.role == Role.PK_AKHIR_TARGET for p in grades):
                grades = [p for p in grades if p.value.role != Role.PK_AWAL_TARGET]
                ps = [p for p in ps if p.value.role != Role.PK_AWAL_TARGET]
            ref_grade, refs = _majority(grades)
            yield from _grade_vs_grade(report, ind, q, grades, ref_grade, refs)
            yield from _score_vs_grade(report, ind, q, ps, ref_grade, refs, scale, params)


def _grade_vs_grade(
    report: Report, ind: Indicator, q: Quantity, grades: list[Place], ref_grade: str, refs: list[Place]
) -> Iterator[Hit]:
    year = report.info.year
    what, what_en = quantity_name(q, year), quantity_name(q, year, "en")
    odd_by: dict[str, list[Place]] = {}
    for p in grades:
        if p.figure.predicate != ref_grade:
            odd_by.setdefault(p.figure.predicate or "", []).append(p)
    for grade, odd in odd_by.items():
        yield Hit(
            facts={
                "indicator": label(ind),
                "what": f"{what} tercetak dengan predikat {grade} di {_names(odd)}, padahal {_names(refs)} "
                f"mencetak {ref_grade}",
                "what_en": f"the {what_en} is printed as {grade} in the {_names(odd, 'en')}, but the "
                f"{_names(refs, 'en')} prints {ref_grade}",
                "page": odd[0].value.provenance.page,
            },
            locations=[_loc(p, what) for p in odd] + [_loc(p, what) for p in refs],
            expected=ref_grade,
            found=grade,
            evidence={"quantity": list(q), "kind": "grade vs grade"},
            key=(ind.key, *q, "grades", grade),
        )


def _score_vs_grade(
    report: Report,
    ind: Indicator,
    q: Quantity,
    ps: list[Place],
    ref_grade: str,
    refs: list[Place],
    scale: Scale,
    params: dict[str, Any],
) -> Iterator[Hit]:
    year = report.info.year
    what, what_en = quantity_name(q, year), quantity_name(q, year, "en")
    for p in ps:
        if _is_grade(p):
            continue
        x = _score(p.figure)
        if x is None:
            continue
        v = judge(scale, x, ref_grade)
        sev = _severity(v, params["boundary"])
        if v.ok or sev is False:
            continue
        band = scale.band(ref_grade)
        yield Hit(
            facts={
                "indicator": label(ind),
                "what": f"{what} tercetak {p.figure.raw} di {place_name(p)}, padahal {_names(refs)} "
                f"menyatakan predikat {ref_grade}; menurut {scale.source}, nilai {p.figure.raw} adalah "
                f"{v.expected or '?'}" + (f" ({band.text()})" if band else ""),
                "what_en": f"the {what_en} is printed {p.figure.raw} in the {place_name(p, 'en')}, but the "
                f"{_names(refs, 'en')} states grade {ref_grade}; under the {_source_en(scale)} a score of "
                f"{p.figure.raw} is {v.expected or '?'}",
                "page": p.value.provenance.page,
            },
            locations=[_loc(p, what)] + [_loc(r, what) for r in refs[:2]],
            expected=f"{ref_grade} ({band.text()})" if band else ref_grade,
            found=f"{p.figure.raw} = {v.expected or '?'}",
            evidence=_scale_evidence(scale, v, "score vs grade"),
            key=(ind.key, p.row[0], p.row[1]),
            severity=sev or None,
        )


def _cells_and_rows(report: Report, scale: Scale, params: dict[str, Any]) -> Iterator[Hit]:
    """A score and a grade printed together: in one cell ("70 (BB)") of a predicate indicator, or in one row
    of a SAKIP table (a "Nilai" column next to a "Predikat" column)."""
    seen: set[tuple] = set()
    for ind in report.indicators:
        if not _grades_indicator(ind):
            continue
        for v in ind.values:
            f = v.figure
            if v.role in (Role.CAPAIAN, Role.PENGUKURAN_CAPAIAN, Role.RENSTRA_END_CAPAIAN):
                continue
            if f.kind != FigureKind.PREDICATE or f.predicate is None or (x := _score(f)) is None:
                continue
            pv = v.provenance
            key = (pv.table_id, pv.row, pv.col)
            seen.add(key)
            locs = [Location(pv, f"{place_name(Place(v, ('', None)))}")]
            yield from _pair_hit(scale, params, x, f.predicate, f.raw, locs, key, label(ind))
    for t in report.tables:
        if scale.provenance is not None and t.id == scale.provenance.table_id:
            continue
        for r, (si, gi) in _score_grade_cells(t):
            row = t.rows[r]
            key = (t.id, r, gi)
            if key in seen:
                continue
            fig = parse_figure(row[si].text)
            grade = _grade_cell(row[gi].text)
            x = _score(fig) if fig.kind in (FigureKind.NUMBER, FigureKind.PERCENT) else None
            if x is None or grade is None:
                continue
            locs = [
                Location(_cell_prov(t, r, si), f"{t.columns[si]}"),
                Location(_cell_prov(t, r, gi), f"{t.columns[gi]}"),
            ]
            raw = f"{row[si].text.strip()} / {row[gi].text.strip()}"
            name = " ".join(c.text.strip() for c in row[: min(si, gi)] if c.text.strip()) or (t.caption or "")
            yield from _pair_hit(scale, params, x, grade, raw, locs, key, name or t.id)


def _pair_hit(
    scale: Scale,
    params: dict[str, Any],
    x: Decimal,
    grade: str,
    raw: str,
    locs: list[Location],
    key: tuple,
    name: str,
) -> Iterator[Hit]:
    v = judge(scale, x, grade)
    sev = _severity(v, params["boundary"])
    if v.ok or sev is False:
        return
    band = scale.band(grade)
    page = locs[0].provenance.page
    yield Hit(
        facts={
            "indicator": name,
            "what": f"hlm. {page} mencetak {raw}: nilai {_num(x)} menurut {scale.source} adalah "
            f"{v.expected or '?'}, bukan {grade}" + (f" ({band.text()})" if band else ""),
            "what_en": f"p. {page} prints {raw}: under the {_source_en(scale)} a score of {_num(x)} is "
            f"{v.expected or '?'}, not {grade}",
            "page": page,
        },
        locations=locs,
        expected=v.expected,
        found=grade,
        evidence=_scale_evidence(scale, v, "score and grade printed together"),
        key=("pair", *key),
        severity=sev or None,
    )


_SCORE_HEADER = re.compile(r"\bnilai\b|\bskor\b|\bscore\b|\bangka\b", re.IGNORECASE)
_NOT_SCORE = re.compile(r"capaian|target|realisasi|bobot|%|anggaran|pagu", re.IGNORECASE)
_GRADE_HEADER = re.compile(r"predikat", re.IGNORECASE)
_SAKIP_TABLE = re.compile(r"\bsakip\b|\bakip\b|\blkip\b|predikat", re.IGNORECASE)


def _score_grade_cells(t: Table) -> Iterator[tuple[int, tuple[int, int]]]:
    """(row, (score column, grade column)) of a SAKIP table: a grade column headed "Predikat" with a
    "Nilai"/"Skor" column; or, in a table whose header names SAKIP / LKIP, a score cell right before a grade
    cell."""
    header = " ".join(t.columns)
    if not _SAKIP_TABLE.search(header + " " + (t.caption or "")):
        return
    grade_cols = [i for i, c in enumerate(t.columns) if _GRADE_HEADER.search(c)]
    score_cols = [i for i, c in enumerate(t.columns) if _SCORE_HEADER.search(c) and not _NOT_SCORE.search(c)]
    for r, row in enumerate(t.rows):
        if grade_cols and score_cols:
            gi = grade_cols[0]
            si = min(score_cols, key=lambda i: abs(i - gi))
            yield r, (si, gi)
            continue
        if not re.search(r"\bsakip\b|\bakip\b|\blkip\b", header, re.IGNORECASE):
            continue
        for gi in range(1, len(row)):
            if _grade_cell(row[gi].text) and parse_figure(row[gi - 1].text).kind == FigureKind.NUMBER:
                yield r, (gi - 1, gi)
                break


def _cell_prov(t: Table, r: int, c: int) -> Provenance:
    cell = t.rows[r][c]
    return Provenance(
        page=cell.page or t.page,
        bbox=cell.bbox,
        raw=cell.text,
        table_id=t.id,
        row=r,
        col=c,
        column_name=t.columns[c],
    )


def _grades_indicator(ind: Indicator) -> bool:
    """An indicator stated as a grade somewhere, or named / measured as one."""
    if (ind.unit or "").strip().lower() == "predikat" or _PREDICATE_NAME.search(ind.name):
        return True
    return any(v.figure.kind == FigureKind.PREDICATE and v.figure.value is None for v in ind.values)


def _names(ps: list[Place], lang: str = "id") -> str:
    names = list(dict.fromkeys(place_name(p, lang) for p in ps))
    if len(names) <= 2:
        return (" dan " if lang == "id" else " and ").join(names)
    more = len(names) - 2
    return ", ".join(names[:2]) + (f" dan {more} tempat lain" if lang == "id" else f" and {more} more")


def _source_en(scale: Scale) -> str:
    if scale.provenance is not None:
        return f"scale the report prints (p. {scale.provenance.page})"
    return "configured predicate scale (PermenPANRB 88/2021)"


def _scale_evidence(scale: Scale, v: Verdict, kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "scale": scale.source,
        "bands": [b.text() for b in scale.bands],
        "grade_of_score": v.expected,
        "on_boundary": v.boundary,
    }


# ------------------------------------------------------------------------------------------ wording


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", text.lower()).split())


def _variants(words: str) -> set[str]:
    """ "Cukup (memadai)" may be printed "Cukup", "Memadai" or "Cukup Memadai"."""
    full = _norm(words)
    out = {full} if full else set()
    m = re.match(r"^(.*?)\((.*)\)\s*$", words)
    if m:
        out |= {_norm(m.group(1)), _norm(m.group(2))}
    return {w for w in out if w}


@primitive("predicate_wording", **_PREDICATE_PARAMS)
def predicate_wording(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """The interpretation printed with a grade ("BB (Sangat Baik)", or an Interpretasi column next to a
    Predikat column) must be the one the scale gives that grade: the report's printed scale when it prints
    words with it, else ``interpretations``. Words that no grade of the scale uses are not judged."""
    scale = scale_for(report, params)
    words = {b.grade: b.words for b in scale.bands if b.words} or {
        k.upper(): v for k, v in (params.get("interpretations") or {}).items()
    }
    if not words:
        return
    owner: dict[str, str] = {}
    for grade, w in words.items():
        for v in _variants(w):
            owner.setdefault(v, grade)
    for t in report.tables:
        if scale.provenance is not None and t.id == scale.provenance.table_id:
            continue
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                found = _grade_and_words(cell.text)
                if found is not None:
                    grade, said = found
                    locs = [Location(_cell_prov(t, r, c), t.columns[c])]
                elif (grade := _grade_cell(cell.text)) and _GRADE_HEADER.search(t.columns[c]):
                    other = next(
                        (
                            (k, row[k].text.strip())
                            for k in range(len(row))
                            if k != c and _norm(row[k].text) in owner
                        ),
                        None,
                    )
                    if other is None:
                        continue
                    said = other[1]
                    locs = [
                        Location(_cell_prov(t, r, c), t.columns[c]),
                        Location(_cell_prov(t, r, other[0]), t.columns[other[0]]),
                    ]
                else:
                    continue
                meant = owner.get(_norm(said))
                if meant is None or meant == grade:
                    continue
                yield Hit(
                    facts={
                        "grade": grade,
                        "said": said,
                        "right": words.get(grade, "?"),
                        "said_grade": meant,
                        "page": locs[0].provenance.page,
                        "scale": scale.source,
                        "scale_en": _source_en(scale),
                    },
                    locations=locs,
                    expected=f"{grade} ({words.get(grade, '?')})",
                    found=f"{grade} ({said})",
                    evidence={"scale": scale.source, "interpretations": words},
                    key=(t.id, r, c),
                )


_GRADE_WORDS_CELL = re.compile(r"^\s*(AA|A|BB|B|CC|C|D)\s*[(\-–:]\s*([A-Za-z][A-Za-z ()]*?)\)?\s*$")


def _grade_and_words(text: str) -> tuple[str, str] | None:
    m = _GRADE_WORDS_CELL.match(text)
    return (m.group(1), m.group(2).strip()) if m else None
