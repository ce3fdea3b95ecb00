"""What a check could read of a report: the core parts found, the indicators checked, the pages not read.

"No findings" is an all-clear only when the report's core parts were found and read: a capaian table with
indicators (target and realisasi), and for a whole report the Perjanjian Kinerja targets. ``Coverage`` says
which of them were, so every writer can say "checked and clean" or exactly what was not checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lakipcheck.layout.types import DocKind, SectionKind
from lakipcheck.model.types import Report, Role
from lakipcheck.tables.types import TableKind

_TARGETS = (Role.TARGET, Role.PENGUKURAN_TARGET)
_REALISED = (Role.REALISASI, Role.PENGUKURAN_REALISASI)
_PK = (Role.PK_TARGET, Role.PK_AWAL_TARGET, Role.PK_AKHIR_TARGET)
_CAPAIAN_KINDS = (TableKind.CAPAIAN, TableKind.PENGUKURAN)
_PK_HOMES = (SectionKind.BAB_II, SectionKind.PK, SectionKind.PK_AWAL, SectionKind.PK_AKHIR)

# Core parts, with how a finding list names their absence (id, en).
CORE_PARTS: dict[str, tuple[str, str]] = {
    "capaian": ("tabel capaian tidak ditemukan", "no capaian table found"),
    "pk": ("tabel target Perjanjian Kinerja tidak ditemukan", "no Perjanjian Kinerja target table found"),
}


@dataclass(slots=True)
class Coverage:
    """Counts of what was read, and the core parts that were not."""

    capaian_tables: int = 0  # capaian / pengukuran tables that gave an indicator its target or realisasi
    indicators: int = 0  # indicators with both a target and a realisasi from such a table
    pk_targets: int = 0  # indicators with a Perjanjian Kinerja target
    budget_lines: int = 0
    unread_pages: list[int] = field(default_factory=list)  # pages without a text layer
    missing: list[str] = field(default_factory=list)  # keys of CORE_PARTS not read

    @property
    def complete(self) -> bool:
        return not self.missing

    def describe(self, lang: str = "id") -> str:
        """One line: what was checked, what was not, which pages could not be read."""
        i = 0 if lang == "id" else 1
        if lang == "id":
            parts = [
                f"{self.capaian_tables} tabel capaian",
                f"{self.indicators} indikator diperiksa",
                f"{self.pk_targets} target PK",
                f"{self.budget_lines} baris anggaran",
            ]
        else:
            parts = [
                f"{self.capaian_tables} capaian tables",
                f"{self.indicators} indicators checked",
                f"{self.pk_targets} PK targets",
                f"{self.budget_lines} budget lines",
            ]
        missing = [CORE_PARTS[m][i] for m in self.missing]
        if self.unread_pages:
            pages = _page_list(self.unread_pages)
            where = f"mungkin di halaman tanpa teks {pages}" if lang == "id" else f"may be on pages {pages}"
            missing = [f"{m} ({where})" for m in missing]
            parts.append(f"halaman tanpa teks: {pages}" if lang == "id" else f"pages without text: {pages}")
        parts = missing + parts
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {
            "complete": self.complete,
            "missing": list(self.missing),
            "capaian_tables": self.capaian_tables,
            "indicators": self.indicators,
            "pk_targets": self.pk_targets,
            "budget_lines": self.budget_lines,
            "unread_pages": list(self.unread_pages),
        }


def _page_list(pages: list[int]) -> str:
    """'1, 29-31' from [1, 29, 30, 31]."""
    runs: list[list[int]] = []
    for p in sorted(pages):
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def coverage(report: Report) -> Coverage:
    """What of ``report`` was read, and which core parts are missing for its kind."""
    tables: set[str] = set()
    n_checked = n_pk = 0
    for ind in report.indicators:
        from_capaian = [v for v in ind.values if v.table_kind in _CAPAIAN_KINDS]
        tables.update(v.provenance.table_id for v in from_capaian if v.provenance.table_id)
        roles = {v.role for v in from_capaian}
        if roles & set(_TARGETS) and roles & set(_REALISED):
            n_checked += 1
        if any(v.role in _PK for v in ind.values):
            n_pk += 1
    cov = Coverage(
        capaian_tables=len(tables),
        indicators=n_checked,
        pk_targets=n_pk,
        budget_lines=len(report.budget_lines),
        unread_pages=list(report.scanned_pages),
    )
    if n_checked == 0:
        cov.missing.append("capaian")
    if n_pk == 0 and _pk_expected(report):
        cov.missing.append("pk")
    return cov


def _pk_expected(report: Report) -> bool:
    """A whole report states its PK targets; a chapter or lampiran on its own only when it is their home."""
    kind = report.info.kind
    if kind in (DocKind.LAKIP, DocKind.LAKIP_TRIWULAN):
        return True
    return kind == DocKind.LAKIP_PART and any(s.kind in _PK_HOMES for s in report.sections)
