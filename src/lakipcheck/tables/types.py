"""Typed output of the tables stage: tables with flattened headers, body cells, kind and engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lakipcheck.provenance import BBox


class TableKind(StrEnum):
    RENSTRA = "renstra"  # Renstra targets per year
    PK_INDICATORS = "pk_indicators"  # Perjanjian Kinerja: sasaran, indikator, target
    PK_BUDGET = "pk_budget"  # Perjanjian Kinerja: kegiatan / program and anggaran
    CAPAIAN = "capaian"  # target, realisasi, % capaian
    YOY = "yoy"  # realisasi this year vs last year(s)
    RENSTRA_END = "renstra_end"  # realisasi vs the Renstra end target
    BUDGET_REALISATION = "budget_realisation"  # pagu/alokasi, realisasi, % daya serap
    RENCANA_AKSI = "rencana_aksi"  # quarterly (TW) targets
    PENGUKURAN = "pengukuran"  # lampiran Pengukuran Kinerja
    RINCIAN_OUTPUT = "rincian_output"  # RO / komponen, volume, anggaran
    OTHER = "other"


class Engine(StrEnum):
    PDFPLUMBER = "pdfplumber"
    CAMELOT_LATTICE = "camelot-lattice"
    CAMELOT_STREAM = "camelot-stream"
    TEXT = "text"  # rebuilt from word positions (borderless)


@dataclass(slots=True)
class Cell:
    """One body cell. ``spanned`` is True when the text was copied from a merged (row/col-spanning) cell."""

    text: str
    bbox: BBox | None = None
    page: int = 0
    spanned: bool = False


@dataclass(slots=True)
class Table:
    """A table, joined across pages when it continues.

    ``columns`` are the flattened header names, one per column ("2023 / Target"); ``header`` the raw header
    rows; ``rows`` the body rows, each as long as ``columns``. ``pages`` lists every page the table spans;
    each cell knows its own page.
    """

    id: str
    page: int
    bbox: BBox
    engine: Engine
    columns: list[str]
    rows: list[list[Cell]]
    header: list[list[str]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    kind: TableKind = TableKind.OTHER
    kind_score: float = 0.0
    section: str | None = None  # title of the section the table sits in
    caption: str | None = None  # text line just above the table, if it reads as a title
    continued: bool = False  # joined with a continuation on a later page

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.columns)

    def column_text(self, col: int) -> list[str]:
        return [row[col].text if col < len(row) else "" for row in self.rows]
