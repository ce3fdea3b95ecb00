"""The report's structure: the parts a LAKIP must hold, and column titles printed twice in one table.

Required parts follow PermenPANRB 53/2014 (format of the Laporan Kinerja; reviu): the Ikhtisar Eksekutif, the
Perjanjian Kinerja, the comparison of target and realisasi, the comparison with last year and with the Renstra
end target, the realisasi anggaran, and the Pernyataan Telah Direviu.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from lakipcheck.layout.types import DocKind, SectionKind
from lakipcheck.model.claims import ClaimKind
from lakipcheck.model.types import Report, Role
from lakipcheck.numbers import FigureKind, parse_figure
from lakipcheck.provenance import Provenance
from lakipcheck.rules.checks.common import table_name
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import Table, TableKind

# ------------------------------------------------------------------------------------------- required parts

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_LAST_YEAR = re.compile(r"tahun\s+(lalu|sebelum(nya)?)|\bth\.?\s*lalu\b", re.IGNORECASE)
_COMPARE = re.compile(r"perbandingan|dibandingkan|membandingkan", re.IGNORECASE)
_END_TARGET = re.compile(
    r"target\s+akhir|akhir\s+(periode\s+)?(renstra|rpjmd)|jangka\s+menengah|target\s+(renstra|rpjmd)|"
    r"target\s+(s\.?\s*d\.?|sampai\s+dengan)\s+(tahun\s+)?(19|20)\d{2}",
    re.IGNORECASE,
)
_BUDGET_TEXT = re.compile(
    r"realisasi\s+(anggaran|keuangan)|penyerapan\s+anggaran|daya\s+serap(\s+anggaran)?", re.IGNORECASE
)
_REAL_WORD = re.compile(r"realisasi|capaian|pencapaian", re.IGNORECASE)
_TARGET_WORD = re.compile(r"target", re.IGNORECASE)
_CHAPTERS = (SectionKind.BAB_I, SectionKind.BAB_II, SectionKind.BAB_III, SectionKind.BAB_IV)
_PK_SECTIONS = (SectionKind.PK, SectionKind.PK_AWAL, SectionKind.PK_AKHIR)


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    name: tuple[str, str]  # id, en
    home: tuple[SectionKind, ...]  # chapters the part belongs in (empty: the report as a whole)
    why: str


PARTS = {
    "ikhtisar": Part(
        "ikhtisar",
        ("Ikhtisar Eksekutif", "executive summary (Ikhtisar Eksekutif)"),
        (),
        "PermenPANRB 53/2014 puts an Ikhtisar Eksekutif before BAB I",
    ),
    "pk": Part(
        "pk",
        (
            "Perjanjian Kinerja (tabel sasaran, indikator dan target)",
            "Perjanjian Kinerja (performance agreement)",
        ),
        (SectionKind.BAB_II, SectionKind.LAMPIRAN),
        "BAB II presents the Perjanjian Kinerja and the lampiran attaches it",
    ),
    "capaian": Part(
        "capaian",
        ("tabel perbandingan target dan realisasi kinerja", "table comparing target and realisasi"),
        (SectionKind.BAB_III,),
        "BAB III compares this year's target and realisasi of every indicator",
    ),
    "yoy": Part(
        "yoy",
        ("perbandingan realisasi kinerja dengan tahun lalu", "comparison with last year's realisasi"),
        (SectionKind.BAB_III,),
        "BAB III compares this year's realisasi with last year's and earlier years'",
    ),
    "renstra_end": Part(
        "renstra_end",
        ("perbandingan realisasi dengan target akhir Renstra", "comparison with the Renstra end target"),
        (SectionKind.BAB_III,),
        "BAB III compares the realisasi up to this year with the medium-term (Renstra) target",
    ),
    "budget": Part(
        "budget",
        ("realisasi anggaran", "budget realisation"),
        (SectionKind.BAB_III,),
        "BAB III reports the realisasi anggaran used to reach the performance",
    ),
    "lampiran_pk": Part(
        "lampiran_pk",
        ("lampiran Perjanjian Kinerja", "Perjanjian Kinerja attached as a lampiran"),
        (SectionKind.LAMPIRAN,),
        "PermenPANRB 53/2014 attaches the signed Perjanjian Kinerja to the report",
    ),
    "kata_pengantar": Part(
        "kata_pengantar",
        ("Kata Pengantar", "foreword (Kata Pengantar)"),
        (),
        "customary, not required by PermenPANRB 53/2014 (off by default)",
    ),
    "reviu": Part(
        "reviu",
        ("Pernyataan Telah Direviu", "review statement (Pernyataan Telah Direviu)"),
        (),
        "the Laporan Kinerja is reviewed by APIP, whose Pernyataan Telah Direviu is attached",
    ),
}


def _kinds(report: Report) -> set[SectionKind]:
    return {s.kind for s in report.sections}


def _tables(report: Report, *kinds: TableKind) -> list[Table]:
    return [t for t in report.tables if t.kind in kinds]


def _roles(report: Report) -> set[Role]:
    return {v.role for ind in report.indicators for v in ind.values}


def _texts(t: Table) -> str:
    return " | ".join([t.caption or "", t.section or "", *t.columns])


def _has_pk(report: Report) -> str | None:
    if _kinds(report) & set(_PK_SECTIONS):
        return "a Perjanjian Kinerja section"
    if t := _tables(report, TableKind.PK_INDICATORS, TableKind.PK_BUDGET):
        return f"a Perjanjian Kinerja table (p. {t[0].page})"
    if _roles(report) & {Role.PK_TARGET, Role.PK_AWAL_TARGET, Role.PK_AKHIR_TARGET}:
        return "Perjanjian Kinerja targets"
    return None


def _has_capaian(report: Report) -> str | None:
    if t := _tables(report, TableKind.CAPAIAN, TableKind.PENGUKURAN):
        return f"a capaian table (p. {t[0].page})"
    roles = _roles(report)
    if {Role.TARGET, Role.REALISASI} <= roles:
        return "target and realisasi values"
    return None


def _has_budget(report: Report) -> str | None:
    if t := _tables(report, TableKind.BUDGET_REALISATION):
        return f"a budget realisation table (p. {t[0].page})"
    if SectionKind.REALISASI_ANGGARAN in _kinds(report):
        return "a Realisasi Anggaran section"
    if any(c.kind == ClaimKind.BUDGET_REALISASI_TOTAL for c in report.claims):
        return "realisasi anggaran stated in the text"
    if c := next((c for c in report.claims if _BUDGET_TEXT.search(c.sentence)), None):
        return f"realisasi anggaran stated in the text (p. {c.provenance.page})"
    return None


def _years(text: str) -> set[int]:
    return {int(m.group(0)) for m in _YEAR.finditer(text)}


def _has_yoy(report: Report) -> str | None:
    if Role.PREV_REALISASI in _roles(report):
        return "last year's realisasi values"
    if t := _tables(report, TableKind.YOY):
        return f"a year-on-year table (p. {t[0].page})"
    year = report.info.year
    for t in report.tables:
        text = _texts(t)
        if _LAST_YEAR.search(text) or (_COMPARE.search(text) and len(_years(text)) >= 2):
            return f"table on p. {t.page} ({(t.caption or t.columns[0])[:60]})"
        cols = " ".join(t.columns)
        years = _years(cols)
        if year and year in years and any(y < year for y in years) and _REAL_WORD.search(cols):
            return f"table on p. {t.page} with realisasi of {year} and earlier years"
    for c in report.claims:
        if _LAST_YEAR.search(c.sentence) and _COMPARE.search(c.sentence):
            return f"text on p. {c.provenance.page}"
    return None


def _has_renstra_end(report: Report) -> str | None:
    if _roles(report) & {Role.RENSTRA_END_TARGET, Role.RENSTRA_END_CAPAIAN}:
        return "values against the Renstra end target"
    if t := _tables(report, TableKind.RENSTRA_END):
        return f"a Renstra end-target table (p. {t[0].page})"
    year = report.info.year
    for t in report.tables:
        cols = " ".join(t.columns)
        if not _REAL_WORD.search(cols):
            continue
        if _END_TARGET.search(_texts(t)):
            return f"table on p. {t.page} ({(t.caption or '')[:60]})"
        later = [y for y in _years(cols) if year and y > year]
        if later and _TARGET_WORD.search(cols):
            return f"table on p. {t.page} with the target of {max(later)}"
    for c in report.claims:
        if _END_TARGET.search(c.sentence) and _REAL_WORD.search(c.sentence):
            return f"text on p. {c.provenance.page}"
    return None


def _has_reviu(report: Report) -> str | None:
    if SectionKind.PERNYATAAN_REVIU in _kinds(report):
        return "a Pernyataan Telah Direviu"
    return None


def _has_lampiran_pk(report: Report) -> str | None:
    if _kinds(report) & set(_PK_SECTIONS):
        return "a Perjanjian Kinerja section"
    lamp = [s for s in report.sections if s.kind == SectionKind.LAMPIRAN]
    for t in _tables(report, TableKind.PK_INDICATORS):
        if any(s.page_start <= t.page <= s.page_end for s in lamp):
            return f"a Perjanjian Kinerja table in the lampiran (p. {t.page})"
    return None


def _has_kata_pengantar(report: Report) -> str | None:
    return "a Kata Pengantar" if SectionKind.KATA_PENGANTAR in _kinds(report) else None


def _has_ikhtisar(report: Report) -> str | None:
    if SectionKind.IKHTISAR in _kinds(report):
        return "an Ikhtisar Eksekutif"
    return None


FINDERS: dict[str, Callable[[Report], str | None]] = {
    "ikhtisar": _has_ikhtisar,
    "pk": _has_pk,
    "capaian": _has_capaian,
    "yoy": _has_yoy,
    "renstra_end": _has_renstra_end,
    "budget": _has_budget,
    "lampiran_pk": _has_lampiran_pk,
    "kata_pengantar": _has_kata_pengantar,
    "reviu": _has_reviu,
}


def _where(report: Report) -> Provenance:
    """Where a finding about the whole report points: its first page."""
    first = min(
        (s for s in report.sections if s.kind == SectionKind.COVER), key=lambda s: s.page_start, default=None
    )
    return Provenance(page=first.page_start if first else 1, raw=report.info.title or report.file)


@primitive(
    "required_parts",
    parts=["ikhtisar", "pk", "capaian", "yoy", "renstra_end", "budget", "lampiran_pk", "reviu"],
    text_parts=["pk", "yoy", "renstra_end"],
)
def required_parts(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A full report (not a chapter or a lampiran on its own) must hold each part in ``parts``: ikhtisar
    (Ikhtisar Eksekutif), pk (Perjanjian Kinerja section or table), capaian (target vs realisasi table), yoy
    (comparison with last year: last year's realisasi, a year-on-year table or a "Perbandingan ... Tahun ..."
    table), renstra_end (comparison with the Renstra end target), budget (realisasi anggaran), lampiran_pk
    (the PK attached in the lampiran), reviu (Pernyataan Telah Direviu); kata_pengantar may be added. One
    finding per missing part. When the file lacks the chapter a part belongs
    in (a report split over several files), or has pages that are images without text (the part may be one of
    them), the finding is only information; a chapter file on its own gets information only for the parts its
    chapters should hold. ``text_parts`` are parts a report may state in its prose alone (a list, a paragraph
    comparing with last year); this version finds them in headings, tables and the sentences that restate
    figures only, so their absence is information."""
    kind = report.info.kind
    if kind not in (DocKind.LAKIP, DocKind.LAKIP_PART, DocKind.LAKIP_TRIWULAN):
        return
    quarterly = kind == DocKind.LAKIP_TRIWULAN
    if quarterly:
        kind = DocKind.LAKIP  # a quarterly report has the chapters of a whole one
    present = _kinds(report)
    whole = kind == DocKind.LAKIP and all(c in present for c in _CHAPTERS)
    images = [p for p in report.scanned_pages if p != 1]  # a picture cover hides nothing
    for key in params["parts"]:
        part = PARTS.get(key)
        if part is None or FINDERS[key](report) is not None:
            continue
        text_parts = params.get("text_parts") or []
        if (
            key == "lampiran_pk"
            and _has_pk(report) is None
            and "pk" in params["parts"]
            and "pk" not in text_parts
        ):
            continue  # no Perjanjian Kinerja at all: one finding says it
        homes_here = not part.home or any(h in present for h in part.home)
        if kind == DocKind.LAKIP_PART and (not part.home or not homes_here):
            continue  # a chapter on its own is not expected to hold the other chapters' parts
        notes_id, notes_en = [], []
        severity = None
        if kind == DocKind.LAKIP_PART or not whole or not homes_here:
            severity = Severity.INFO
            missing = [c.value for c in _CHAPTERS if c not in present]
            if not homes_here:
                missing += [h.value for h in part.home if h.value not in missing]
            notes_id.append(
                "berkas ini tampaknya hanya memuat sebagian laporan"
                + (f" (tidak ditemukan: {', '.join(_chapter_name(m) for m in missing)})" if missing else "")
            )
            notes_en.append(
                "this file seems to hold only part of the report"
                + (f" (not found: {', '.join(_chapter_name(m) for m in missing)})" if missing else "")
            )
        if key in text_parts:
            severity = Severity.INFO
            notes_id.append("dicari pada judul bagian dan tabel; periksa apakah uraian teks memuatnya")
            notes_en.append("looked for in the headings and tables; check whether the text states it")
        if SectionKind.BAB_III in part.home and not _bab3_tables_read(report):
            severity = Severity.INFO
            notes_id.append(
                "tidak satu pun tabel kinerja atau anggaran di BAB III terbaca; "
                "bagian ini mungkin ada di tabel itu"
            )
            notes_en.append("no performance or budget table of BAB III could be read; the part may be in one")
        if quarterly:
            severity = Severity.INFO
            notes_id.append("laporan triwulan: bagian ini mungkin baru dimuat di laporan tahunan")
            notes_en.append("a quarterly report: the part may be due only in the annual report")
        if images:
            severity = Severity.INFO
            pages = ", ".join(str(p) for p in images[:8]) + ("…" if len(images) > 8 else "")
            notes_id.append(f"halaman {pages} berupa gambar tanpa teks; bagian ini mungkin ada di sana")
            notes_en.append(f"pages {pages} are images without text; the part may be there")
        yield Hit(
            facts={
                "part": part.name[0][:1].upper() + part.name[0][1:],
                "part_en": part.name[1],
                "note": ("; " + "; ".join(notes_id)) if notes_id else "",
                "note_en": ("; " + "; ".join(notes_en)) if notes_en else "",
            },
            locations=[Location(_where(report), "laporan")],
            expected=part.name[0],
            found=None,
            evidence={"part": key, "why_required": part.why, "looked_for": _looked_for(key)},
            key=("part", key),
            severity=severity,
        )


_BAB3_KINDS = (
    TableKind.CAPAIAN,
    TableKind.YOY,
    TableKind.RENSTRA_END,
    TableKind.BUDGET_REALISATION,
    TableKind.PENGUKURAN,
)


def _bab3_tables_read(report: Report) -> bool:
    """At least one performance or budget table inside BAB III was read: its tables are not all beyond the
    extractor (borderless layouts, images)."""
    bab3 = [s for s in report.sections if s.kind in (SectionKind.BAB_III, SectionKind.CAPAIAN_KINERJA)]
    return any(
        t.kind in _BAB3_KINDS and any(s.page_start <= t.page <= s.page_end for s in bab3)
        for t in report.tables
    )


def _chapter_name(kind: str) -> str:
    return {
        "bab_i_pendahuluan": "BAB I",
        "bab_ii_perencanaan_kinerja": "BAB II",
        "bab_iii_akuntabilitas_kinerja": "BAB III",
        "bab_iv_penutup": "BAB IV",
        "lampiran": "LAMPIRAN",
    }.get(kind, kind)


def _looked_for(key: str) -> str:
    return {
        "ikhtisar": "a heading Ikhtisar Eksekutif / Ringkasan Eksekutif",
        "pk": "a Perjanjian Kinerja heading, a PK table (sasaran, indikator, target) or PK targets",
        "capaian": "a table with target, realisasi and capaian of the indicators",
        "yoy": "last year's realisasi, a year-on-year table, a table or sentence comparing with last year",
        "renstra_end": "a Renstra end-target column, a table or sentence naming the target akhir / jangka "
        "menengah or a later year's target next to the realisasi",
        "budget": "a budget realisation table, a Realisasi Anggaran section or a realisasi anggaran sentence",
        "reviu": "a Pernyataan Telah Direviu heading",
        "lampiran_pk": "a Perjanjian Kinerja heading or table inside the LAMPIRAN",
        "kata_pengantar": "a Kata Pengantar heading",
    }[key]


# ------------------------------------------------------------------------------------------ duplicate titles

_NUM = re.compile(r"(?<![\d.,])(\d{1,4})(?![\d.,]*\d)")
_END_GROUP = re.compile(r"akhir|renstra|rpjmd|jangka|s\.?\s*d", re.IGNORECASE)
_REAL_GROUP = re.compile(r"realisasi|capaian", re.IGNORECASE)


@dataclass(slots=True)
class _Col:
    index: int
    title: str
    top: str  # the part before the first " / "
    child: str  # the rest ("" for a one-row header)


def _cols(t: Table) -> list[_Col]:
    out = []
    for i, name in enumerate(t.columns):
        title = " ".join(name.split())
        top, _, child = title.partition(" / ")
        out.append(_Col(i, title, top, child))
    return out


def _numeric_column(t: Table, col: int) -> bool:
    """The column holds plain values (numbers, amounts, predicates; a stray label such as the total row's may
    sit in it): a field of its own, not the unit or % half of a merged title."""
    filled = [c.strip() for c in t.column_text(col) if c.strip() and c.strip() not in ("-", "–")]
    kinds = (FigureKind.NUMBER, FigureKind.RUPIAH, FigureKind.PREDICATE)
    values = [c for c in filled if parse_figure(c).kind in kinds]
    return bool(values) and len(values) >= 0.75 * len(filled) and not any("%" in c for c in filled)


def _differ(t: Table, a: int, b: int) -> bool:
    ca, cb = t.column_text(a), t.column_text(b)
    return (
        any(x.strip() != y.strip() for x, y in zip(ca, cb, strict=False))
        and any(x.strip() for x in ca)
        and any(y.strip() for y in cb)
    )


def _copied(t: Table, col: int) -> bool:
    """The column's filled cells are copies of a merged cell reaching into it from the left."""
    cells = [row[col] for row in t.rows if col < len(row) and row[col].text.strip()]
    return bool(cells) and all(c.spanned for c in cells)


def _groups(t: Table, cols: list[_Col]) -> list[list[_Col]]:
    """Column groups as printed: consecutive columns under one top title. A run whose sub-titles repeat a
    block ("Target, Realisasi, Target, Realisasi") is two groups; two adjacent one-row columns with the same
    title are two groups only when both hold plain values that are not copies of one merged cell (otherwise
    they are one merged title)."""
    runs: list[list[_Col]] = []
    for c in cols:
        if runs and runs[-1][-1].top == c.top and c.top:
            runs[-1].append(c)
        else:
            runs.append([c])
    out: list[list[_Col]] = []
    for run in runs:
        children = [c.child for c in run]
        n = len(run)
        split = None
        for size in range(2, n // 2 + 1):
            if (
                n % size == 0
                and all(children[i] == children[i % size] for i in range(n))
                and all(children[:size])
            ):
                split = size
                break
        if split:
            out += [run[i : i + split] for i in range(0, n, split)]
        elif (
            n == 2
            and not any(children)
            and _numeric_column(t, run[0].index)
            and _numeric_column(t, run[1].index)
            and not _copied(t, run[1].index)
        ):
            out += [[run[0]], [run[1]]]
        else:
            out.append(run)
    return out


def _tokens(title: str) -> list[re.Match]:
    return list(_NUM.finditer(title))


def _with(title: str, m: re.Match, value: int) -> str:
    return title[: m.start(1)] + str(value) + title[m.end(1) :]


@dataclass(slots=True)
class _Dup:
    first: _Col
    second: _Col
    wrong: _Col  # the column whose title is wrong
    expected: str | None
    reason: str


def _sequence_dups(t: Table, groups: list[list[_Col]]) -> Iterator[_Dup]:
    """Titles numbered in a sequence (Angk. 1, Angk. 2, Angk. 2): the one breaking the step-1 run is wrong."""
    heads = [g[0] for g in groups]
    by_template: dict[tuple[str, int], list[tuple[_Col, int, re.Match]]] = {}
    for c in heads:
        for k, m in enumerate(_tokens(c.title)):
            template = c.title[: m.start(1)] + "#" + c.title[m.end(1) :]
            by_template.setdefault((template, k), []).append((c, int(m.group(1)), m))
    for (_template, _k), members in by_template.items():
        if len(members) < 3:
            continue
        values = [v for _, v, _ in members]
        candidates = set()
        for i, v in enumerate(values):
            fits = [values[j] == v - i + j for j in range(len(values))]
            if fits.count(False) == 1:
                candidates.add((v - i, fits.index(False)))
        if len(candidates) != 1:
            continue
        best = candidates.pop()
        start, pos = best
        wrong, value, m = members[pos]
        twins = [c for c, v, _ in members if v == value and c is not wrong]
        if not twins:
            continue
        twin = twins[0]
        if not (_numeric_column(t, wrong.index) and _numeric_column(t, twin.index)):
            continue
        if not _differ(t, wrong.index, twin.index) and _copied(t, max(wrong.index, twin.index)):
            continue  # one merged cell over both columns, its text copied: not two titles
        first, second = sorted((wrong, twin), key=lambda c: c.index)
        seq = ", ".join(str(start + j) for j in range(len(values)))
        yield _Dup(first, second, wrong, _with(wrong.title, m, start + pos), f"numbered {seq}")


def _year_of(group: list[_Col]) -> int | None:
    head = group[0]
    years = [int(m.group(0)) for m in _YEAR.finditer(head.top)] or [
        int(m.group(0)) for c in group for m in _YEAR.finditer(c.child)
    ][:1]
    return years[0] if len(set(years)) == 1 else None


def _year_dups(t: Table, groups: list[list[_Col]], report_year: int | None) -> Iterator[_Dup]:
    """Two groups of one table under the same title with the same year, holding different data: one of them
    must be another year. The year that keeps the groups' years increasing (the last realisasi not after the
    report year) is the expected one."""
    years = [_year_of(g) for g in groups]
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            gi, gj = groups[i], groups[j]
            if years[i] is None or years[i] != years[j] or _END_GROUP.search(gi[0].top):
                continue
            if [c.title for c in gi] != [c.title for c in gj]:
                continue
            if not any(_differ(t, a.index, b.index) for a, b in zip(gi, gj, strict=True)):
                continue
            a, b = gi[0].index - 1, gj[0].index - 1
            if a >= 0 and b != gi[-1].index and t.columns[a] == t.columns[b]:
                continue  # the whole table printed twice side by side (two halves), not one title repeated
            y = years[i]
            assert y is not None
            fixes = []
            for target, new in ((i, y - 1), (j, y + 1)):
                seq = [new if k == target else yr for k, yr in enumerate(years)]
                inner = [
                    (yr, g)
                    for yr, g in zip(seq, groups, strict=True)
                    if yr is not None and not _END_GROUP.search(g[0].top)
                ]
                increasing = all(a[0] < b[0] for a, b in pairwise(inner))
                future = report_year is not None and any(
                    yr > report_year and any(_REAL_GROUP.search(c.title) for c in g) for yr, g in inner
                )
                if increasing and not future:
                    fixes.append((target, new))
            head_i, head_j = gi[0], gj[0]
            if len(fixes) == 1:
                target, new = fixes[0]
                wrong = groups[target][0]
                m = next(x for x in _YEAR.finditer(wrong.top or wrong.title))
                yield _Dup(
                    head_i, head_j, wrong, wrong.top[: m.start()] + str(new) + wrong.top[m.end() :], "years"
                )
            elif fixes and len(gi) >= 2:  # the same block of sub-titles twice: surely two different years
                yield _Dup(head_i, head_j, head_i, None, "years")


def _col_loc(t: Table, c: _Col) -> Location:
    cell = next(
        (row[c.index] for row in t.rows if c.index < len(row) and row[c.index].bbox is not None), None
    )
    prov = Provenance(
        page=cell.page if cell and cell.page else t.page,
        bbox=cell.bbox if cell else t.bbox,
        raw=c.title,
        table_id=t.id,
        col=c.index,
        column_name=c.title,
    )
    return Location(prov, f"{_table_label(t)}: judul kolom ke-{c.index + 1}")


def _table_label(t: Table) -> str:
    cap = (t.caption or "").strip()
    return f'"{cap[:70]}"' if re.match(r"tabel\b", cap, re.IGNORECASE) else table_name(t.kind)


@primitive("duplicate_header")
def duplicate_header(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A column title printed twice in one table over different data. Reported when the table itself shows
    which title is wrong: titles numbered in a sequence (Angk. 1, Angk. 2, Angk. 2: the third should be
    Angk. 3), or two column groups under the same year where keeping the years increasing (and no realisasi
    after the report year) leaves one answer. Repeated sub-titles under different parents ("2022 / Target",
    "2023 / Target"), copies of one merged title over several columns, and titles repeated over the same data
    are not reported. Two groups with the same year and no single answer give a warning."""
    for t in report.tables:
        cols = _cols(t)
        if len(cols) < 2:
            continue
        groups = _groups(t, cols)
        seen: set[int] = set()
        for dup in [*_sequence_dups(t, groups), *_year_dups(t, groups, report.info.year)]:
            if dup.wrong.index in seen:
                continue
            seen.add(dup.wrong.index)
            if dup.expected:
                fix_id = (
                    f'menurut urutannya, judul kolom ke-{dup.wrong.index + 1} seharusnya "{dup.expected}"'
                )
                fix_en = f'by its sequence, column {dup.wrong.index + 1} should be titled "{dup.expected}"'
            else:
                fix_id = "salah satunya seharusnya tahun lain"
                fix_en = "one of them must be another year"
            title = dup.first.top if dup.reason == "years" else dup.first.title
            yield Hit(
                facts={
                    "table": _table_label(t),
                    "page": t.page,
                    "title": title,
                    "col1": dup.first.index + 1,
                    "col2": dup.second.index + 1,
                    "fix": fix_id,
                    "fix_en": fix_en,
                },
                locations=[_col_loc(t, dup.first), _col_loc(t, dup.second)],
                expected=dup.expected,
                found=title,
                evidence={
                    "table_id": t.id,
                    "columns": t.columns,
                    "why": dup.reason,
                    "wrong_column": dup.wrong.index + 1,
                },
                key=("dup", t.id, dup.wrong.index),
                severity=None if dup.expected else Severity.WARNING,
            )
