"""The same indicator's target, realisasi and % capaian must be printed the same wherever they appear:
Perjanjian Kinerja, capaian table, lampiran pengukuran, rencana aksi, comparison tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lakipcheck.model.types import Indicator, Report, Role
from lakipcheck.numbers import FigureKind
from lakipcheck.rules.arith import Span, input_span, sum_span
from lakipcheck.rules.checks.common import is_count, label, show
from lakipcheck.rules.checks.swaps import (
    Place,
    Quantity,
    agree,
    comparable,
    copied_cells,
    place_name,
    places,
    quantity_name,
    rank,
    spans,
    swapped_rows,
)
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity


def _interval(place: Place) -> list[str]:
    s = spans(place.figure)[0]
    return [str(s.lo), str(s.hi)]


def _names(ps: list[Place], lang: str) -> str:
    """One place as "tabel X hlm. 30 (Target)"; of more, the first two and a count."""
    names = [place_name(p, lang) for p in ps]
    if len(names) <= 2:
        return (" dan " if lang == "id" else " and ").join(names)
    more = len(names) - 2
    return ", ".join(names[:2]) + (f" dan {more} tempat lain" if lang == "id" else f" and {more} more")


def _hit(
    ind: Indicator,
    q: Quantity,
    odd: list[Place],
    ref: list[Place],
    year: int | None,
    severity: Severity | None = None,
    note: str = "",
) -> Hit:
    what, what_en = quantity_name(q, year), quantity_name(q, year, "en")
    return Hit(
        facts={
            "indicator": label(ind),
            "quantity": what,
            "quantity_en": what_en,
            "place": _names(odd, "id"),
            "place_en": _names(odd, "en"),
            "value": odd[0].figure.raw,
            "ref_place": _names(ref, "id"),
            "ref_place_en": _names(ref, "en"),
            "ref_value": ref[0].figure.raw,
            "page": odd[0].value.provenance.page,
            "ref_page": ref[0].value.provenance.page,
            "n_odd": len(odd),
            "n_ref": len(ref),
        },
        locations=[Location(p.value.provenance, f"{what}: {place_name(p)}") for p in odd]
        + [Location(p.value.provenance, f"{what}: {place_name(p)}") for p in ref],
        expected=ref[0].figure.raw,
        found=odd[0].figure.raw,
        evidence={
            "quantity": list(q),
            "printed_interval": _interval(odd[0]),
            "reference_interval": _interval(ref[0]),
            "convention": "values agree when their printed intervals (rounding or truncation) overlap",
            "places_printing_found": len(odd),
            "places_printing_expected": len(ref),
            "link_scores": sorted({round(p.value.link_score, 1) for p in odd + ref}),
            **({"note": note} if note else {}),
        },
        key=(ind.key, *q, *sorted(_pkey(p) for p in odd)),
        severity=severity,
    )


def _pkey(p: Place) -> tuple:
    v = p.value.provenance
    return (v.table_id or "", v.row if v.row is not None else -1, v.col if v.col is not None else -1, v.page)


def clusters(ps: list[Place]) -> list[list[Place]]:
    """Places grouped by value: each place joins the first group whose first (best-ranked) place it agrees
    with. Groups come largest first, ties going to the better table (PK akhir for a target, the capaian
    table for a realisasi)."""
    groups: list[list[Place]] = []
    for p in sorted(ps, key=rank):
        for g in groups:
            if agree(g[0].figure, p.figure):
                g.append(p)
                break
        else:
            groups.append([p])
    # Support counts tables, not rows: an indicator repeated in one table is one source.
    return sorted(groups, key=lambda g: (-len({p.row[0] for p in g}), rank(g[0])))


def _groups(report: Report) -> Iterator[tuple[Indicator, dict[Quantity, list[Place]]]]:
    skip = swapped_rows(report)
    copied = copied_cells(report)
    year = report.info.year
    for ind in report.indicators:
        groups: dict[Quantity, list[Place]] = {}
        for p in places(ind, year, copied):
            if p.row in skip or not comparable(p.figure):
                continue
            groups.setdefault(p.quantity, []).append(p)
        yield ind, groups


def _other_values(groups: dict[Quantity, list[Place]], q: Quantity) -> list[Place]:
    """The target and realisasi places of the same year as ``q``."""
    return [p for k, ps in groups.items() if k[1] == q[1] and k[0] in ("target", "realisasi") for p in ps]


def _other_unit(a: Place, b: Place) -> bool:
    ua, ub = (a.figure.unit or "").lower(), (b.figure.unit or "").lower()
    return bool(ua and ub and ua != ub and "%" not in (ua, ub))


_PERCENT_UNITS = {"%", "persen", "prosentase", "persentase"}


def _in_percent(p: Place) -> bool:
    col = (p.value.provenance.column_name or "").split(" / ")[-1].lower()
    return "%" in col or "persen" in col or p.figure.kind == FigureKind.PERCENT or p.figure.unit == "%"


def _percent_mix(ind: Indicator, a: Place, b: Place) -> bool:
    """A target/realisasi printed "in %" in one table and as a count in another ("Realisasi (%)" = 88,13
    vs 410.934 ekor): two expressions, not one value printed twice."""
    if a.quantity[0] == "capaian" or (ind.unit or "").strip().lower() in _PERCENT_UNITS:
        return False
    return _in_percent(a) != _in_percent(b)


def _weak_link(ps: list[Place], min_link: float) -> bool:
    return min(p.value.link_score for p in ps) < min_link


@dataclass(slots=True)
class Disagreement:
    indicator: Indicator
    quantity: Quantity
    odd: list[Place]
    ref: list[Place]
    weak: bool
    other_measure: bool = False  # two units or a % next to a count: counted for LK109, never reported alone


def disagreements(report: Report, params: dict[str, Any]) -> list[Disagreement]:
    """Every group of places printing a value that disagrees with the best-supported one (see
    :func:`value_agreement`), before the table-level summary."""
    out: list[Disagreement] = []
    for ind, groups in _groups(report):
        for q, ps in groups.items():
            if q[0] == "capaian" and not params["check_capaian"]:
                continue
            if q[0] == "renstra_end":
                continue  # see renstra_end_agreement
            # PK awal is compared with PK akhir only (a revised PK is LK104's business).
            if q[0] == "target" and any(p.value.role == Role.PK_AKHIR_TARGET for p in ps):
                ps = [p for p in ps if p.value.role != Role.PK_AWAL_TARGET]
            found = clusters(ps)
            others = _other_values(groups, q)
            for odd in found[1:]:
                ref = found[0]
                if q[0] == "capaian" and any(agree(odd[0].figure, o.figure) for o in others):
                    continue  # a "capaian" column holding the realisasi or the target: a header's wording
                # "38 desa/kel" vs "10 kab/kota": two measures, not one value printed twice
                other = _other_unit(odd[0], ref[0]) or _percent_mix(ind, odd[0], ref[0])
                weak = _weak_link(odd + ref[:1], params["min_link_score"])
                out.append(Disagreement(ind, q, odd, ref, weak, other))
    return out


TableKey = tuple[str, str]  # (quantity kind, table printing the odd values)


def _tables_of(ps: list[Place]) -> set[str]:
    return {p.row[0] for p in ps}


def systematic(report: Report, found: list[Disagreement], params: dict[str, Any]) -> dict[TableKey, int]:
    """Tables whose values for one quantity disagree with the other places for most of the indicators they
    print (at least ``systematic_min`` indicators and more than ``systematic_share`` of those that can be
    compared): the table states something else than the others (a PK in % of achievement next to a Rencana
    Kinerja in units, another year's targets) or was misread. Maps each to its comparable indicators."""
    odd: dict[TableKey, set[str]] = {}
    for d in found:
        for t in _tables_of(d.odd):
            odd.setdefault((d.quantity[0], t), set()).add(d.indicator.key)
    if not odd:
        return {}
    shared: dict[TableKey, int] = {}
    for _ind, groups in _groups(report):
        for q, ps in groups.items():
            tables = _tables_of(ps)
            if len(tables) < 2:
                continue
            for t in tables:
                if (q[0], t) in odd:
                    shared[(q[0], t)] = shared.get((q[0], t), 0) + 1
    return {
        key: shared.get(key, len(inds))
        for key, inds in odd.items()
        if len(inds) >= params["systematic_min"]
        and len(inds) > params["systematic_share"] * shared.get(key, 0)
    }


def _table_of(d: Disagreement, tables: dict[TableKey, int]) -> TableKey | None:
    for t in sorted(_tables_of(d.odd)):
        if (d.quantity[0], t) in tables:
            return (d.quantity[0], t)
    return None


_AGREEMENT_PARAMS = {
    "min_link_score": 90.0,
    "weak_link_severity": "warning",
    "check_capaian": True,
    "systematic_min": 3,
    "systematic_share": 0.5,
}


@primitive("value_agreement", **_AGREEMENT_PARAMS)
def value_agreement(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Every place that prints an indicator's target for the report year (PK akhir, else PK; capaian
    table; lampiran pengukuran; rencana aksi annual target; comparison tables), its realisasi of a year
    (capaian table, comparison tables, lampiran) and, when ``check_capaian``, its % capaian must agree.
    Values agree when their printed intervals overlap (rounding or truncation at the printed decimals; a range
    or "≥ 90" holds the values inside it); NA/"-"/empty cells and grades (see LK105) are not compared. Rows
    found exchanged (LK102) are skipped. Places are grouped by value; each group that disagrees with the
    largest one gives one finding naming both groups' places. PK awal vs PK akhir is LK104; two tables that
    disagree on most of their indicators are summarised once by ``table_agreement`` (LK109). A place linked to
    its indicator only by a fuzzy name match (score below ``min_link_score``) gives ``weak_link_severity``."""
    year = report.info.year
    found = disagreements(report, params)
    tables = systematic(report, found, params)
    for d in found:
        if _table_of(d, tables) is None and not d.other_measure:
            sev = Severity(params["weak_link_severity"]) if d.weak else None
            yield _hit(d.indicator, d.quantity, d.odd, d.ref, year, sev)


@primitive("table_agreement", **_AGREEMENT_PARAMS)
def table_agreement(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A table whose target (or realisasi, or % capaian) differs from the other places for most of the
    indicators it prints: one finding for the table, listing the indicators, instead of one per indicator.
    Such a table usually states something else (a PK in % of achievement next to a Rencana Kinerja in units,
    another year's targets printed as this year's) or a whole column is wrong; the reviewer must read it."""
    year = report.info.year
    found = disagreements(report, params)
    tables = systematic(report, found, params)
    by_table: dict[TableKey, list[Disagreement]] = {}
    for d in found:
        key = _table_of(d, tables)
        if key is not None:
            by_table.setdefault(key, []).append(d)
    for key, ds in by_table.items():
        here = [p for d in ds for p in d.odd if p.row[0] == key[1]]
        refs = [d.ref[0] for d in ds]
        listing = "; ".join(
            f"{label(d.indicator)}: {_value_in(d.odd, key[1])} / {d.ref[0].figure.raw}" for d in ds[:8]
        ) + ("; ..." if len(ds) > 8 else "")
        q = ds[0].quantity
        what, what_en = quantity_name(q, year), quantity_name(q, year, "en")
        yield Hit(
            facts={
                "quantity": what,
                "quantity_en": what_en,
                "table": place_name(here[0]).split(" (")[0],
                "table_en": place_name(here[0], "en").split(" (")[0],
                "n": len(ds),
                "n_shared": tables[key],
                "pairs": listing,
            },
            locations=[Location(p.value.provenance, f"{what}: {place_name(p)}") for p in here + refs],
            expected=", ".join(p.figure.raw for p in refs),
            found=", ".join(p.figure.raw for p in here),
            evidence={
                "quantity": list(q),
                "indicators": [label(d.indicator) for d in ds],
                "indicators_comparable": tables[key],
                "references": [place_name(p, "en") for p in refs],
                "convention": "values agree when their printed intervals (rounding or truncation) overlap",
            },
            key=key,
        )


def _value_in(ps: list[Place], table: str) -> str:
    return next((p.figure.raw for p in ps if p.row[0] == table), ps[0].figure.raw)


@primitive("pk_revision")
def pk_revision(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """A target that differs between the PK awal and the PK akhir (a revised Perjanjian Kinerja): not an
    error, but the reviewer checks the revision is documented and the capaian uses the PK akhir."""
    year = report.info.year
    for ind, groups in _groups(report):
        ps = groups.get(("target", year), [])
        awal = [p for p in ps if p.value.role == Role.PK_AWAL_TARGET]
        akhir = [p for p in ps if p.value.role == Role.PK_AKHIR_TARGET]
        if not awal or not akhir:
            continue
        ref = min(akhir, key=rank)
        odd = [p for p in awal if not agree(p.figure, ref.figure)]
        if odd:
            yield _hit(ind, ("target", year), odd, [ref], year)


def _end_year_sum(ind: Indicator, end_year: int) -> tuple[Span, list[str]] | None:
    """The sum of the Renstra table's yearly targets up to ``end_year`` (a cumulative end target)."""
    by_year: dict[int, Place] = {}
    for v in ind.values:
        ok = v.role == Role.RENSTRA_TARGET and v.year is not None and v.year <= end_year
        if ok and comparable(v.figure) and v.figure.value is not None and v.year not in by_year:
            by_year[v.year] = Place(v, ("renstra", v.year))
    if len(by_year) < 2:
        return None
    years = sorted(by_year)
    if years != list(range(years[0], years[-1] + 1)):
        return None
    return sum_span([input_span(by_year[y].figure) for y in years]), [by_year[y].figure.raw for y in years]


_PLAN = re.compile(r"\b(rpjmd|rpjmn|renstra)\b", re.IGNORECASE)
_REGIONAL = ("rpjmd", "rpjmn")


def _plan(p: Place) -> str | None:
    """Which medium-term plan a column names: the agency's Renstra or the region's (nation's) RPJMD/N."""
    m = _PLAN.search(p.value.provenance.column_name or "")
    return m.group(1).lower() if m else None


def _by_plan(ps: list[Place]) -> list[list[Place]]:
    """End targets to compare with each other: those of one plan (an RPJMD target and the agency's Renstra
    target for the same year are two documents' targets and may differ); places naming no plan go with
    each."""
    named: dict[str, list[Place]] = {}
    for p in ps:
        if (k := _plan(p)) is not None:
            named.setdefault(k, []).append(p)
    if len(named) < 2:
        return [ps]
    loose = [p for p in ps if _plan(p) is None]
    return [g + loose for g in named.values()]


@primitive("renstra_end_agreement", count_cumulative=True)
def renstra_end_agreement(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """The Renstra end target printed in the comparison tables must be the Renstra table's target for the end
    year, or, for a count (or an indicator whose kind is not stated) when ``count_cumulative``, the sum of the
    Renstra yearly targets up to it. Places printing the end target of one plan in several tables must agree;
    a column naming the RPJMD/RPJMN (the region's plan) is compared neither with one naming the agency's
    Renstra nor with the Renstra table."""
    year = report.info.year
    for ind, groups in _groups(report):
        for q, ps in groups.items():
            if q[0] != "renstra_end":
                continue
            for same_plan in _by_plan(ps):
                found = clusters(same_plan)
                yield from (_hit(ind, q, odd, found[0], year) for odd in found[1:])
            ps = [p for p in ps if _plan(p) not in _REGIONAL]  # the Renstra table is the agency's plan
            end_year = q[1]
            if end_year is None:
                continue
            plan = [
                v
                for v in ind.values
                if v.role == Role.RENSTRA_TARGET and v.year == end_year and comparable(v.figure)
            ]
            if not plan:
                continue
            ref = Place(plan[0], q)
            cum = (
                _end_year_sum(ind, end_year)
                if params["count_cumulative"] and is_count(ind) is not False
                else None
            )
            for p in ps:
                if agree(p.figure, ref.figure):
                    continue
                if cum is not None and any(s.overlaps(cum[0]) for s in spans(p.figure)):
                    continue
                note = ""
                if cum is not None:
                    total = cum[0].mid()
                    note = f"sum of the Renstra yearly targets {' + '.join(cum[1])} = {show(total, 2)}"
                yield _hit(ind, q, [p], [ref], year, note=note)
                break
