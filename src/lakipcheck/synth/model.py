"""Ground truth of a synthetic LAKIP: the true values, the printing conventions, and what was injected."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

Value = Decimal | str  # a number, or a predicate ("BB") / "-"


@dataclass(slots=True)
class Conventions:
    """How this report prints numbers and tables (chosen per report)."""

    percent_mode: str = "round"  # round | truncate: how printed percentages are cut to ``percent_decimals``
    percent_decimals: int = 2
    percent_sign_in_tables: bool = False  # "101,75 %" vs "101,75" in the capaian column
    group_counts_in_tables: bool = False  # "2.568" vs "2568" in capaian/PK tables
    money_prefix: str = ""  # "", "Rp", "Rp."
    table_formats: dict[str, str] = field(default_factory=dict)  # table id -> id | en | mixed
    table_style: str = "grid"  # grid | booktabs | none, for the body tables (lampiran are always grid)
    repeat_header: bool = True
    two_row_capaian_header: bool = False
    negative_formula: str = "2T-R"  # capaian of a lower-is-better indicator: (2T-R)/T or T/R


@dataclass(slots=True)
class Sasaran:
    key: str  # "SK 1"
    name: str
    kegiatan: str
    kegiatan_code: str


@dataclass(slots=True)
class SynthIndicator:
    """One indicator with its true values (numbers as Decimal, predicates as str)."""

    key: str
    code: str
    name: str
    unit: str
    kind: str  # count | percent | index | score | predicate
    polarity: str  # positive | negative
    sasaran: str
    decimals: int
    target: Value
    realisasi: Value
    capaian: Decimal | None  # exact ratio in percent (None for predicates)
    capaian_printed: str  # as the clean capaian table prints it ("101,75", "99.8 %", "Tercapai")
    achieved: bool
    history: dict[int, Value]  # realisasi per year (includes the report year and the year before)
    renstra: dict[int, Value]  # Renstra target per year of the period
    renstra_end_target: Value
    renstra_end_basis: str  # cumulative | final
    renstra_end_capaian: Decimal | None
    renaksi_tw: list[Value]
    budget_pagu: int
    budget_realisasi: int
    budget_percent: Decimal
    score: Decimal | None = None  # predicate indicators: the score behind the predicate
    prev_score: Decimal | None = None
    stated: list[dict] = field(default_factory=list)  # every printed value with its location


@dataclass(slots=True)
class BudgetLine:
    id: str
    table: str
    row: int
    label: str
    level: int  # 0 total / sasaran, 1 indicator / RO, 2 component
    pagu: int
    realisasi: int | None = None
    percent: Decimal | None = None
    indicator: str | None = None
    is_total: bool = False
    is_subtotal: bool = False
    printed: dict[str, str] = field(default_factory=dict)
    page: int | None = None


@dataclass(slots=True)
class Location:
    """Where a printed value sits. ``row``/``col`` index body rows (or header rows when ``header``)."""

    page: int | None
    printed: str
    correct: str
    table: str | None = None
    row: int | None = None
    col: int | None = None
    header: bool = False
    block: str | None = None  # id of the paragraph / heading for narrative values
    context: str | None = None  # a snippet of the sentence as printed


@dataclass(slots=True)
class Injection:
    kind: str
    description: str
    locations: list[Location]
    indicator: str | None = None

    @property
    def printed(self) -> str:
        return self.locations[0].printed if self.locations else ""

    @property
    def correct(self) -> str:
        return self.locations[0].correct if self.locations else ""


@dataclass(slots=True)
class SynthTruth:
    seed: int
    agency_type: str
    agency: str
    agency_short: str
    province: str
    kabupaten: str | None
    city: str
    year: int
    renstra_period: tuple[int, int]
    conventions: Conventions
    sasaran: list[Sasaran]
    indicators: list[SynthIndicator]
    budget_lines: list[BudgetLine] = field(default_factory=list)
    total_pagu: int = 0
    total_realisasi: int = 0
    injections: list[Injection] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # parts present, in order
    tables: list[dict] = field(default_factory=list)  # id, kind, pages, header, number format
    n_pages: int = 0
    page_labels: list[str] = field(default_factory=list)

    def indicator(self, key: str) -> SynthIndicator:
        return next(i for i in self.indicators if i.key == key)

    def to_dict(self) -> dict:
        return _plain(asdict(self))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)


def _plain(obj):
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return obj


@dataclass(slots=True)
class SynthReport:
    """A generated report: the PDF bytes and its ground truth."""

    pdf: bytes
    truth: SynthTruth

    def write(self, outdir: str | Path, stem: str | None = None) -> tuple[Path, Path]:
        out = Path(outdir)
        out.mkdir(parents=True, exist_ok=True)
        stem = stem or f"synth_{self.truth.seed:05d}"
        pdf, js = out / f"{stem}.pdf", out / f"{stem}.truth.json"
        pdf.write_bytes(self.pdf)
        js.write_text(self.truth.to_json() + "\n", encoding="utf-8")
        return pdf, js
