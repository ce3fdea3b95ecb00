"""The typed report: indicators with every value the report states for them, budget lines, with provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from lakipcheck.layout.types import DocumentInfo, Section
from lakipcheck.model.claims import Claim
from lakipcheck.numbers.types import Figure
from lakipcheck.provenance import Provenance
from lakipcheck.tables.types import Table, TableKind

SCHEMA_VERSION = "1.0"


class Role(StrEnum):
    """What a stated value means for its indicator."""

    PK_TARGET = "pk_target"  # PK whose awal/akhir status is not stated
    PK_AWAL_TARGET = "pk_awal_target"
    PK_AKHIR_TARGET = "pk_akhir_target"
    RENSTRA_TARGET = "renstra_target"  # a Renstra target for ``year``
    TARGET = "target"  # capaian table
    REALISASI = "realisasi"  # capaian table
    CAPAIAN = "capaian"  # capaian table, % capaian
    PREV_REALISASI = "prev_realisasi"  # realisasi of an earlier ``year``
    RENSTRA_END_TARGET = "renstra_end_target"
    RENSTRA_END_CAPAIAN = "renstra_end_capaian"  # % of the Renstra end target
    PENGUKURAN_TARGET = "pengukuran_target"
    PENGUKURAN_REALISASI = "pengukuran_realisasi"
    PENGUKURAN_CAPAIAN = "pengukuran_capaian"
    RENAKSI_TARGET = "renaksi_target"  # rencana aksi: annual target
    RENAKSI_TW = "renaksi_tw"  # rencana aksi: target for ``quarter``
    BUDGET_PAGU = "budget_pagu"
    BUDGET_REALISASI = "budget_realisasi"
    BUDGET_PERCENT = "budget_percent"


class Polarity(StrEnum):
    POSITIVE = "positive"  # higher is better
    NEGATIVE = "negative"  # lower is better
    UNKNOWN = "unknown"


@dataclass(slots=True)
class StatedValue:
    """One value the report states for an indicator or a budget line, and where."""

    role: Role
    figure: Figure
    provenance: Provenance
    table_kind: TableKind | None = None
    year: int | None = None
    quarter: int | None = None
    link_score: float = 100.0  # how surely the row was linked to its indicator (rapidfuzz score, 0-100)

    def to_dict(self) -> dict:
        out = {"role": str(self.role), **self.figure.to_dict(), "source": self.provenance.to_dict()}
        if self.table_kind is not None:
            out["table_kind"] = str(self.table_kind)
        if self.year is not None:
            out["year"] = self.year
        if self.quarter is not None:
            out["quarter"] = self.quarter
        out["link_score"] = round(self.link_score, 1)
        return out


@dataclass(slots=True)
class Indicator:
    """A performance indicator (IKU / IKK / IKP / IKSS) with all the values stated for it."""

    key: str  # stable id inside the report: the code when there is one, else "ind-N"
    name: str
    code: str | None = None  # "IKK 1.1", "IKU 2"
    unit: str | None = None
    sasaran: str | None = None
    polarity: Polarity = Polarity.UNKNOWN
    values: list[StatedValue] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other spellings seen in other tables

    def first(self, role: Role, year: int | None = None) -> StatedValue | None:
        for v in self.values:
            if v.role == role and (year is None or v.year == year):
                return v
        return None

    def all(self, role: Role) -> list[StatedValue]:
        return [v for v in self.values if v.role == role]


@dataclass(slots=True)
class BudgetLine:
    """A row of a budget table: a kegiatan, an output, an indicator's allocation, a subtotal or the total."""

    table_id: str
    row: int
    label: str
    code: str | None = None
    level: int = 0  # 0 = top, 1 = under a heading row, ...
    is_total: bool = False
    is_subtotal: bool = False
    values: list[StatedValue] = field(default_factory=list)
    indicator_key: str | None = None
    provenance: Provenance | None = None


@dataclass(slots=True)
class Report:
    """Everything extracted from one PDF. The single source every output format and every rule reads."""

    file: str
    sha256: str
    n_pages: int
    info: DocumentInfo
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    scanned_pages: list[int] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # figures stated in the prose
    notes: list[str] = field(default_factory=list)  # things the extractor wants the reviewer to know
    capaian_cap: Decimal | None = None  # the highest % capaian the report says it prints (e.g. 120)
    schema: str = SCHEMA_VERSION
