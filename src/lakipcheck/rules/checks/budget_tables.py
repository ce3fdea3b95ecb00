"""The budget tables of a report and their lines linked to indicators: the realisasi-anggaran table, the PK
budget and the Rincian Output, each with the budget version it holds (final: realisasi / PK Akhir /
pengukuran; plan: PK Awal / Rencana Aksi). Rows are linked to indicators by the model (code, then fuzzy name)
and, for output names that paraphrase an indicator ("Guru yang mengikuti ..." for "Jumlah guru yang mengikuti
..."), by a conservative fuzzy match here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from lakipcheck.layout.types import SectionKind
from lakipcheck.model.build import _pk_role
from lakipcheck.model.link import normalise
from lakipcheck.model.types import BudgetLine, Indicator, Report, Role, StatedValue
from lakipcheck.numbers import FigureKind
from lakipcheck.rules.checks.sums import budget_role, stand_in
from lakipcheck.tables.types import Table, TableKind


def first_of(line: BudgetLine, role: Role) -> StatedValue | None:
    return next((v for v in line.values if budget_role(v) == role), None)



def shorten(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3].rstrip() + "..."


# ----------------------------------------------------------------------------------------------- linking

_LEAD = re.compile(
    r"^(jumlah|persentase|prosentase|presentase|banyaknya|tingkat|angka|rasio|indeks|nilai|rata rata)\s+"
)
LINK_MIN = 88.0
LINK_MARGIN = 6.0


def _core(text: str) -> str:
    t = normalise(text)
    t = re.sub(r"^\d+\s+", "", t)
    return _LEAD.sub("", t)


def _variant(label: str, ind: Indicator) -> int:
    """Which of an indicator's spellings a label is: the model sometimes merges two indicators whose names
    differ in one word ("... kematian ibu ..." / "... kematian bayi ...") into one with an alias. Spellings
    that are near-identical to the name count as the name."""
    names = [ind.name, *ind.aliases]
    scores = [fuzz.ratio(label, _core(n)) for n in names]
    best = max(range(len(names)), key=lambda k: scores[k])
    if best and fuzz.ratio(_core(names[best]), _core(ind.name)) >= 92:
        return 0
    return best


def link_line(line: BudgetLine, indicators: list[Indicator]) -> tuple[str, str] | None:
    """(link key, indicator label) of the indicator a budget line is for: the model's link, else an output
    name that paraphrases one indicator's name clearly better than any other (an output "Guru yang mengikuti
    X" for the indicator "Jumlah guru yang mengikuti X")."""
    by_key = {i.key: i for i in indicators}
    label = _core(line.label)
    ind = by_key.get(line.indicator_key or "")
    if ind is None:
        if len(label.split()) < 3:
            return None
        scored = []
        for cand in indicators:
            names = [cand.name, *cand.aliases]
            best = max(
                max(fuzz.ratio(label, _core(n)), fuzz.token_sort_ratio(label, _core(n))) for n in names
            )
            scored.append((best, cand))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < LINK_MIN:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < LINK_MARGIN:
            return None
        ind = scored[0][1]
    v = _variant(label, ind)
    name = [ind.name, *ind.aliases][v]
    shown = shorten(name, 90)
    return f"{ind.key}#{v}", (f"{ind.code} {shown}" if ind.code and v == 0 else shown)


# ----------------------------------------------------------------------------------------------- tables


@dataclass(slots=True)
class BudgetTable:
    table: Table
    lines: list[BudgetLine]
    status: str  # "final" (realisasi / PK akhir / pengukuran), "plan" (PK awal / rencana aksi), "unknown"
    why: str

    @property
    def total(self) -> StatedValue | None:
        for line in self.lines:
            if line.is_total:
                v = first_of(line, Role.BUDGET_PAGU)
                if v is not None and v.figure.value is not None and v.figure.kind == FigureKind.RUPIAH:
                    return v
        return None


_AKHIR = re.compile(r"\b(akhir|revisi|perubahan|pengukuran|realisasi|capaian)\b", re.IGNORECASE)
_AWAL = re.compile(r"\b(awal|rencana aksi|renaksi|murni)\b", re.IGNORECASE)


def _section_kinds(report: Report, page: int) -> set[SectionKind]:
    return {s.kind for s in report.sections if s.page_start <= page <= s.page_end}


def _pk_status(report: Report, table: Table) -> tuple[str, str]:
    """PK Awal or Akhir for a PK budget table: the role the model gave the PK indicator table just before
    it, else the heading/section it sits under."""
    k = next((i for i, t in enumerate(report.tables) if t.id == table.id), 0)
    for prev in reversed(report.tables[:k]):
        if prev.kind != TableKind.PK_INDICATORS:
            continue
        if prev.page < table.page - 1:
            break
        roles = {
            v.role
            for ind in report.indicators
            for v in ind.values
            if v.provenance.table_id == prev.id and v.role in (Role.PK_AWAL_TARGET, Role.PK_AKHIR_TARGET)
        }
        if len(roles) == 1:
            role = roles.pop()
            return ("plan" if role == Role.PK_AWAL_TARGET else "final"), f"PK indicator table {prev.id}"
        break
    text = " ".join(x for x in (table.caption, table.section) if x)
    role = _pk_role(text, table.page, report.sections)
    if role == Role.PK_AWAL_TARGET:
        return "plan", "heading/section says awal"
    if role == Role.PK_AKHIR_TARGET:
        return "final", "heading/section says akhir"
    return "unknown", "PK without awal/akhir"


def _ro_status(report: Report, table: Table) -> tuple[str, str]:
    kinds = _section_kinds(report, table.page)
    text = " ".join(x for x in (table.caption, (table.section or "").split(" > ")[-1]) if x)
    if _AWAL.search(text) and not _AKHIR.search(text):
        return "plan", "rencana aksi"
    if _AKHIR.search(text):
        return "final", "pengukuran / realisasi"
    if SectionKind.RENCANA_AKSI in kinds and SectionKind.PENGUKURAN not in kinds:
        return "plan", "rencana aksi section"
    if SectionKind.PENGUKURAN in kinds:
        return "final", "pengukuran section"
    return "unknown", "rincian output"


def budget_tables(report: Report) -> list[BudgetTable]:
    by: dict[str, list[BudgetLine]] = {}
    for line in report.budget_lines:
        by.setdefault(line.table_id, []).append(line)
    out = []
    known = {t.id for t in report.tables}
    for t in [*report.tables, *(stand_in(tid, lines) for tid, lines in by.items() if tid not in known)]:
        if t.id not in by:
            continue
        if t.kind == TableKind.BUDGET_REALISATION:
            status, why = "final", "realisasi anggaran"
        elif t.kind == TableKind.PK_BUDGET:
            status, why = _pk_status(report, t)
        elif t.kind == TableKind.RINCIAN_OUTPUT:
            status, why = _ro_status(report, t)
        else:
            continue
        out.append(BudgetTable(t, sorted(by[t.id], key=lambda b: b.row), status, why))
    return out


def amount_lines(bt: BudgetTable) -> list[tuple[BudgetLine, StatedValue]]:
    """The table's lines other than totals with the amount (pagu) they print, in order."""
    out = []
    for line in bt.lines:
        v = first_of(line, Role.BUDGET_PAGU)
        if line.is_total or v is None or v.figure.value is None:
            continue
        if v.figure.kind in (FigureKind.RUPIAH, FigureKind.NUMBER):
            out.append((line, v))
    return out


def per_indicator(
    bt: BudgetTable, indicators: list[Indicator], names: dict[str, str]
) -> dict[str, tuple[BudgetLine, StatedValue]]:
    """link key -> (line, pagu) when exactly one line of the table is linked to the indicator; ``names``
    collects each key's indicator label."""
    seen: dict[str, list[tuple[BudgetLine, StatedValue]]] = {}
    for line, v in amount_lines(bt):
        link = link_line(line, indicators)
        if link is not None:
            seen.setdefault(link[0], []).append((line, v))
            names.setdefault(link[0], link[1])
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def same_amount(a: StatedValue, b: StatedValue) -> bool:
    return a.figure.value == b.figure.value


def money(v: StatedValue) -> str:
    return v.figure.raw
