"""Column swaps: a row that prints the same indicator's target under "Realisasi" and its realisasi under
"Target" (or any two of its value columns exchanged) relative to the other places the values appear.

Also the shared view the agreement, predicate and Renstra checks use: every value of an indicator as a
*place* (one table row) stating one *quantity* (the target of the report year, the realisasi of a year,
the % capaian of the report year, the Renstra end target).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lakipcheck.model.types import Indicator, Report, Role, StatedValue
from lakipcheck.numbers import Figure, FigureKind
from lakipcheck.rules.arith import Span, printed_span, readings
from lakipcheck.rules.checks.common import label, loc, table_name
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import TableKind

Quantity = tuple[str, int | None]  # ("target" | "realisasi" | "capaian" | "renstra_end", year)
RowId = tuple[str, int]  # (table_id, row)

TARGET_ROLES = {
    Role.PK_TARGET,
    Role.PK_AWAL_TARGET,
    Role.PK_AKHIR_TARGET,
    Role.TARGET,
    Role.PENGUKURAN_TARGET,
    Role.RENAKSI_TARGET,
}
REALISASI_ROLES = {Role.REALISASI, Role.PENGUKURAN_REALISASI}
CAPAIAN_ROLES = {Role.CAPAIAN, Role.PENGUKURAN_CAPAIAN}
# Quantities whose columns can be exchanged by mistake (a % capaian is not one of them).
SWAPPABLE = ("target", "realisasi", "renstra_end")

# Which place is the better reference when places disagree: the binding document for a target, the
# capaian table for a realisasi, then the lampiran, then the narrative comparison tables.
_KIND_RANK = {
    TableKind.PK_INDICATORS: 0,
    TableKind.CAPAIAN: 1,
    TableKind.PENGUKURAN: 2,
    TableKind.RENCANA_AKSI: 3,
    TableKind.RENSTRA: 4,
    TableKind.YOY: 5,
    TableKind.RENSTRA_END: 6,
    TableKind.OTHER: 7,
}
_ROLE_RANK = {Role.PK_AKHIR_TARGET: 0, Role.PK_TARGET: 1, Role.PK_AWAL_TARGET: 2}


@dataclass(frozen=True, slots=True)
class Place:
    """One value of an indicator, read as the quantity it states, in one table row."""

    value: StatedValue
    quantity: Quantity

    @property
    def row(self) -> RowId:
        p = self.value.provenance
        return (p.table_id or f"p{p.page}", p.row if p.row is not None else -1)

    @property
    def figure(self) -> Figure:
        return self.value.figure


# Column titles of derived figures the model may read as a target/realisasi/% capaian.
_DERIVED = re.compile(
    r"peningkatan|kenaikan|penurunan|pertumbuhan|perubahan|selisih|deviasi|rata[- ]?rata|\btren|"
    r"percepatan|perlambatan|gap\b|kesenjangan|"
    # money columns, a kegiatan's own target, medium-term (Renstra / RPJMD) targets: other quantities
    r"pagu|anggaran|keuangan|biaya|\bdana\b|\brp\b|kegiatan|program|\boutput|"
    r"renstra|rpjmd|rpjmn|jangka menengah|akhir periode|"
    # cumulative figures ("Realisasi s.d Tahun 2016 (2014+2015+2016)")
    r"\bs\.?\s?d\b|\bs/d\b|sampai dengan|kumulatif|akumulasi",
    re.IGNORECASE,
)
_RATIO = re.compile(r"(%|\bpersen\w*|\bprosen\w*)\s*(realisasi|target|capaian|pencapaian)", re.IGNORECASE)
_ACHIEVEMENT = re.compile(r"capaian|capai\b", re.IGNORECASE)
# A % capaian is read only from tables that compute it (a year-on-year table's "Capaian %" often holds
# the realisasi).
_CAPAIAN_KINDS = {TableKind.CAPAIAN, TableKind.PENGUKURAN, TableKind.RENSTRA_END}


def quantity_of(v: StatedValue, year: int | None) -> Quantity | None:
    """The quantity a stated value is about, or None (budget, quarterly, earlier-year targets, derived
    columns such as "Peningkatan (%)", ...)."""
    if v.role not in (Role.RENSTRA_END_TARGET, Role.RENSTRA_END_CAPAIAN) and _DERIVED.search(
        v.provenance.column_name or ""
    ):
        return None
    if v.role in CAPAIAN_ROLES and v.table_kind not in _CAPAIAN_KINDS:
        return None
    if v.role not in CAPAIAN_ROLES and _RATIO.search((v.provenance.column_name or "").split(" / ")[-1]):
        return None  # "% Realisasi": a ratio, not the realisasi
    if v.role in TARGET_ROLES and _ACHIEVEMENT.search(v.provenance.column_name or ""):
        return None  # "Target Pencapaian (%)", "Capaian 2016 (%) / Target": a target for the % achieved
    if v.role in TARGET_ROLES or v.role in REALISASI_ROLES or v.role in CAPAIAN_ROLES:
        if v.year is not None and year is not None and v.year != year:
            return None
        what = "target" if v.role in TARGET_ROLES else "realisasi" if v.role in REALISASI_ROLES else "capaian"
        return (what, year if year is not None else v.year)
    if v.role == Role.PREV_REALISASI and v.year is not None:
        return ("realisasi", v.year)
    if v.role == Role.RENSTRA_END_TARGET:
        return ("renstra_end", v.year)
    return None


def copied_cells(report: Report) -> set[tuple[str, int, int]]:
    """(table_id, row, col) of cells holding a copy of the cell to their left (text spread over a merged
    or misaligned header): the value is not reliably under its own column."""
    out: set[tuple[str, int, int]] = set()
    for t in report.tables:
        for r, row in enumerate(t.rows):
            for c in range(1, len(row)):
                if row[c].spanned and row[c].text.strip() and row[c].text == row[c - 1].text:
                    out.add((t.id, r, c))
    return out


_SUMMARY_ROW = re.compile(r"^\W*(rata[- ]?rata\s+(nilai\s+)?capaian|jumlah total|total)\b", re.IGNORECASE)


def places(ind: Indicator, year: int | None, skip: set[tuple[str, int, int]] | None = None) -> list[Place]:
    """The indicator's values as places, each row stating a quantity once (its first number; a row giving two
    different numbers for one quantity states none). Left out: cells in ``skip`` (see :func:`copied_cells`),
    a summary row read as an indicator ("RATA-RATA CAPAIAN SASARAN KE-1"), one table's several rows giving
    one quantity different values (sub-rows), and another indicator's row tied by a fuzzy name match."""
    if _SUMMARY_ROW.match(ind.name):
        return []
    cells: dict[tuple[RowId, Quantity], list[Place]] = {}
    for v in ind.values:
        q = quantity_of(v, year)
        if q is None:
            continue
        p = v.provenance
        if skip and (p.table_id, p.row, p.col) in skip:
            continue
        place = Place(v, q)
        cells.setdefault((place.row, q), []).append(place)
    # A row whose only target is another year's (e.g. the Renstra's last year) measures its % capaian
    # against that target, not against the report year's.
    other_year = {
        _row_of(v)
        for v in ind.values
        if v.role in TARGET_ROLES and v.year is not None and year is not None and v.year != year
    }
    own_year = {_row_of(v) for v in ind.values if quantity_of(v, year) == ("target", year)}
    out: list[Place] = []
    for (row, q), group in cells.items():
        if q[0] == "capaian" and row in other_year and row not in own_year:
            continue
        numbers = [p for p in group if comparable(p.figure)]
        # Two numbers of one row for one quantity ("Target TH I ... TH V" read as one year's target): unless
        # they are the same value, the row does not say which one is meant.
        if any(not agree(p.figure, numbers[0].figure) for p in numbers[1:]):
            continue
        out.append(numbers[0] if numbers else group[0])
    return _drop_mislinked(_drop_sub_rows(out))


def _grade(fig: Figure) -> str | None:
    return fig.predicate if fig.kind == FigureKind.PREDICATE and fig.value is None else None


def _same(a: Figure, b: Figure) -> bool | None:
    """Whether two printed values may be the same (numbers by interval, grades by letter), None when they
    cannot be compared (text, NA)."""
    if comparable(a) and comparable(b):
        return agree(a, b)
    ga, gb = _grade(a), _grade(b)
    if ga and gb:
        return ga == gb
    if (ga and comparable(b)) or (gb and comparable(a)):
        return False  # a number where the indicator is stated as a grade
    return None


def _drop_mislinked(ps: list[Place]) -> list[Place]:
    """A row tied to the indicator only by a fuzzy name match whose every value disagrees with the places
    tied by name or code (three values; two when the match scored below 90) is another indicator's row
    ("Angka kematian bayi" read as "... ibu")."""
    by_row: dict[RowId, list[Place]] = {}
    for p in ps:
        by_row.setdefault(p.row, []).append(p)
    bad: set[RowId] = set()
    for row, here in by_row.items():
        if min(p.value.link_score for p in here) >= 100:
            continue
        compared = agreeing = 0
        for p in here:
            verdicts = [
                v
                for o in ps
                if o.row != row and o.quantity == p.quantity and o.value.link_score >= 100
                if (v := _same(p.figure, o.figure)) is not None
            ]
            if verdicts:
                compared += 1
                agreeing += any(verdicts)
        # Three disagreeing values, or two when the name match itself is weak.
        needed = 2 if min(p.value.link_score for p in here) < 90 else 3
        if compared >= needed and agreeing == 0:
            bad.add(row)
    return [p for p in ps if p.row not in bad]


def _drop_sub_rows(ps: list[Place]) -> list[Place]:
    """One table giving one quantity of an indicator different values in several rows (components,
    commodities, regions linked to the same indicator): none of them is *the* value."""
    by_table: dict[tuple[str, Quantity], list[Place]] = {}
    for p in ps:
        if comparable(p.figure):
            by_table.setdefault((p.row[0], p.quantity), []).append(p)
    bad = {k for k, g in by_table.items() if any(not agree(a.figure, g[0].figure) for a in g[1:])}
    return [p for p in ps if (p.row[0], p.quantity) not in bad]


def _row_of(v: StatedValue) -> RowId:
    return Place(v, ("", None)).row


def rank(place: Place) -> tuple[int, int, int, int]:
    """Sort key: better references first (PK akhir, capaian table, lampiran, ...; then by page)."""
    v = place.value
    return (
        _KIND_RANK.get(v.table_kind or TableKind.OTHER, 7),
        _ROLE_RANK.get(v.role, 3),
        0 if v.link_score >= 100 else 1,
        v.provenance.page,
    )


def comparable(fig: Figure) -> bool:
    """A number (or a range of numbers) that can be compared with another; not a grade, NA or text."""
    if fig.kind == FigureKind.RANGE:
        return fig.low is not None and fig.high is not None
    return fig.kind in (FigureKind.NUMBER, FigureKind.PERCENT, FigureKind.RUPIAH) and fig.value is not None


def spans(fig: Figure) -> list[Span]:
    """The intervals a printed figure may stand for: rounding or truncation at its printed decimals, for
    every reading of an ambiguous separator ("1.500" = 1500 or 1,5)."""
    out = [printed_span(fig)]
    if fig.scale != 1 and fig.value is not None:
        # "185.80 Triliun Rupiah" and "185,80": the same number, one with its scale word
        bare = fig.value / fig.scale
        unit = Decimal(1).scaleb(-(fig.decimals or 0))
        out.append(Span(bare - unit / 2, bare + unit))
    if fig.kind != FigureKind.RANGE and fig.value is not None and fig.qualifier is None:
        for alt in readings(fig)[1:]:
            decimals = 0 if alt > fig.value else 3
            unit = Decimal(1).scaleb(-decimals)
            out.append(Span(alt - unit / 2, alt + unit))
    return out


def agree(a: Figure, b: Figure) -> bool:
    """Two printed numbers may be the same value: some reading of each gives overlapping intervals."""
    return any(x.overlaps(y) for x in spans(a) for y in spans(b))


def same_value(a: Figure, b: Figure) -> bool:
    """Two restatements of one value: at the same precision they print the same digits (for some reading of
    an ambiguous separator); at different precisions the coarser may be the finer one rounded or truncated
    (:func:`agree`). Two tables do not print one count as 20 and 21."""
    if a.decimals == b.decimals and a.scale == b.scale and a.kind != FigureKind.RANGE != b.kind:
        if a.value is None or b.value is None:
            return agree(a, b)
        return bool(set(readings(a)) & set(readings(b)))
    return agree(a, b)


def place_name(place: Place, lang: str = "id") -> str:
    v = place.value
    col = v.provenance.column_name or v.role.value
    page = "hlm." if lang == "id" else "p."
    return f"{table_name(v.table_kind, lang)} {page} {v.provenance.page} ({col})"


# ------------------------------------------------------------------------------------------------- swaps


@dataclass(slots=True)
class Swap:
    indicator: Indicator
    row: RowId
    first: Place  # the two exchanged cells of the row
    second: Place
    ref_first: Place  # where the value printed in ``first`` appears as ``second``'s quantity
    ref_second: Place
    # the reference row prints the same pair the other way round and is as well supported
    mutual: bool = False


def _support(value: Place, quantity: Quantity, others: list[Place]) -> list[Place]:
    return [p for p in others if p.quantity == quantity and same_value(p.figure, value.figure)]


def find_swaps(report: Report) -> list[Swap]:
    """Rows whose two value cells are exchanged: each cell disagrees with the other places that state its
    own quantity and agrees with places stating the other quantity, and more places back the exchanged
    reading than the printed one. Restated values are compared as copies (:func:`same_value`)."""
    year = report.info.year
    skip = copied_cells(report)
    found: list[Swap] = []
    for ind in report.indicators:
        ps = [p for p in places(ind, year, skip) if comparable(p.figure) and p.quantity[0] in SWAPPABLE]
        by_row: dict[RowId, list[Place]] = {}
        for p in ps:
            by_row.setdefault(p.row, []).append(p)
        for row, here in by_row.items():
            others = [p for p in ps if p.row != row]
            for i, a in enumerate(here):
                for b in here[i + 1 :]:
                    if a.quantity == b.quantity or same_value(a.figure, b.figure):
                        continue
                    a_as_b = _support(a, b.quantity, others)  # places stating b's quantity with a's value
                    b_as_a = _support(b, a.quantity, others)
                    if not a_as_b or not b_as_a:
                        continue
                    a_as_a = _support(a, a.quantity, others)
                    b_as_b = _support(b, b.quantity, others)
                    if len(a_as_b) <= len(a_as_a) or len(b_as_a) <= len(b_as_b):
                        continue
                    found.append(Swap(ind, row, a, b, min(a_as_b, key=rank), min(b_as_a, key=rank)))
    return _resolve_mutual(found)


def _resolve_mutual(swaps: list[Swap]) -> list[Swap]:
    """Two rows that each look swapped against the other (nothing else to tell them apart): keep the row of
    the weaker table (a comparison table rather than the capaian table) and mark the finding as mutual."""
    out: list[Swap] = []
    drop: set[int] = set()
    for i, s in enumerate(swaps):
        for j, t in enumerate(swaps):
            if j <= i or s.indicator is not t.indicator:
                continue
            s_refs, t_refs = {s.ref_first.row, s.ref_second.row}, {t.ref_first.row, t.ref_second.row}
            if s_refs == {t.row} and t_refs == {s.row}:
                worse, better = (s, t) if rank(s.first) > rank(t.first) else (t, s)
                worse.mutual = True
                drop.add(id(better))
    for s in swaps:
        if id(s) not in drop:
            out.append(s)
    return out


def swapped_rows(report: Report) -> set[RowId]:
    """(table_id, row) of every row found swapped: other checks skip these rows' values (they are reported
    once, as a swap)."""
    return {s.row for s in find_swaps(report)}


_Q_NAMES = {
    "target": ("target", "target"),
    "realisasi": ("realisasi", "realisasi"),
    "renstra_end": ("target akhir Renstra", "Renstra end target"),
}


def quantity_name(q: Quantity, year: int | None, lang: str = "id") -> str:
    name = _Q_NAMES.get(q[0], (q[0], q[0]))[0 if lang == "id" else 1]
    return f"{name} {q[1]}" if q[1] is not None and (q[1] != year or q[0] == "renstra_end") else name


@primitive("column_swap", whole_table_severity="warning")
def column_swap(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A row whose two value cells (target and realisasi, a year's realisasi and another's, a target and the
    Renstra end target) hold each other's values: each cell disagrees with the other places that state its
    own quantity (capaian table, PK, lampiran, comparison tables) and agrees with places that state the other
    one, and more places back the exchanged reading. Reported once per row, naming the row's two cells and
    the places that show the right values. When every row of a table is exchanged the same way, the table's
    header (or its reading) is in doubt: those rows get ``whole_table_severity``."""
    year = report.info.year
    swaps = find_swaps(report)
    per_table: dict[tuple[str, str, str], int] = {}
    for s in swaps:
        k = (s.row[0], s.first.quantity[0], s.second.quantity[0])
        per_table[k] = per_table.get(k, 0) + 1
    rows_in_table: dict[str, int] = {}
    for t in report.tables:
        rows_in_table[t.id] = t.n_rows
    for s in swaps:
        a, b = s.first, s.second
        k = (s.row[0], a.quantity[0], b.quantity[0])
        whole = per_table[k] >= 3
        qa, qb = quantity_name(a.quantity, year), quantity_name(b.quantity, year)
        qa_en, qb_en = quantity_name(a.quantity, year, "en"), quantity_name(b.quantity, year, "en")
        page = a.value.provenance.page
        yield Hit(
            facts={
                "indicator": label(s.indicator),
                "table": table_name(a.value.table_kind),
                "table_en": table_name(a.value.table_kind, "en"),
                "page": page,
                "col_a": a.value.provenance.column_name or qa,
                "col_b": b.value.provenance.column_name or qb,
                "value_a": a.figure.raw,
                "value_b": b.figure.raw,
                "quantity_a": qa,
                "quantity_b": qb,
                "quantity_a_en": qa_en,
                "quantity_b_en": qb_en,
                "ref_a": place_name(s.ref_first),
                "ref_b": place_name(s.ref_second),
                "ref_a_en": place_name(s.ref_first, "en"),
                "ref_b_en": place_name(s.ref_second, "en"),
            },
            locations=[
                loc(a.value, f"{table_name(a.value.table_kind)}: {a.value.provenance.column_name or qa}"),
                loc(b.value, f"{table_name(b.value.table_kind)}: {b.value.provenance.column_name or qb}"),
                Location(s.ref_first.value.provenance, f"{qb}: {place_name(s.ref_first)}"),
                Location(s.ref_second.value.provenance, f"{qa}: {place_name(s.ref_second)}"),
            ],
            expected=f"{qa} {s.ref_second.figure.raw}, {qb} {s.ref_first.figure.raw}",
            found=f"{qa} {a.figure.raw}, {qb} {b.figure.raw}",
            evidence={
                "row": list(s.row),
                "exchanged": [a.quantity[0], b.quantity[0]],
                "reference_for_first": place_name(s.ref_first, "en"),
                "reference_for_second": place_name(s.ref_second, "en"),
                "mutual": s.mutual,
                "rows_exchanged_in_table": per_table[k],
                "rows_in_table": rows_in_table.get(s.row[0]),
            },
            key=(s.indicator.key, *s.row),
            severity=Severity(params["whole_table_severity"]) if whole else None,
        )
