"""LK203: two indicators' budget amounts swapped between the realisasi-anggaran table and a Rincian Output
or PK budget table of the same budget."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lakipcheck.model.types import BudgetLine, Report, StatedValue
from lakipcheck.rules.checks.budget_tables import (
    BudgetTable,
    budget_tables,
    money,
    per_indicator,
    same_amount,
    shorten,
)
from lakipcheck.rules.checks.sums import table_title
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location
from lakipcheck.tables.types import TableKind


@dataclass(slots=True)
class Swap:
    br: BudgetTable
    x: str
    y: str
    names: dict[str, str]
    br_x: tuple[BudgetLine, StatedValue]
    br_y: tuple[BudgetLine, StatedValue]
    others: list[tuple[BudgetTable, tuple[BudgetLine, StatedValue], tuple[BudgetLine, StatedValue]]]


def find_swaps(report: Report) -> list[Swap]:
    """Two indicators whose amounts in the realisasi-anggaran table are each other's in another table."""
    tables = budget_tables(report)
    inds = report.indicators
    names: dict[str, str] = {}
    links = {id(bt): per_indicator(bt, inds, names) for bt in tables}
    swaps: dict[tuple[str, str, str], Swap] = {}
    for br in tables:
        if br.table.kind != TableKind.BUDGET_REALISATION:
            continue
        b = links[id(br)]
        for other in tables:
            if other is br or other.table.kind == TableKind.BUDGET_REALISATION:
                continue
            o = links[id(other)]
            common = sorted(set(b) & set(o))
            for i, x in enumerate(common):
                for y in common[i + 1 :]:
                    bx, by_, ox, oy = b[x][1], b[y][1], o[x][1], o[y][1]
                    if same_amount(bx, by_) or not (same_amount(bx, oy) and same_amount(by_, ox)):
                        continue
                    key = (br.table.id, x, y)
                    sw = swaps.setdefault(key, Swap(br, x, y, names, b[x], b[y], []))
                    sw.others.append((other, o[x], o[y]))
    return list(swaps.values())


@primitive("budget_row_swap")
def budget_row_swap(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Two indicators' budget amounts swapped between tables: the realisasi-anggaran table gives indicator X
    amount a and Y amount b, while a Rincian Output or PK budget table gives X b and Y a. One finding names
    both tables and both rows."""
    for sw in find_swaps(report):
        (lx, vx), (ly, vy) = sw.br_x, sw.br_y
        other, (olx, ovx), (oly, ovy) = sw.others[0]
        locs = [
            Location(vx.provenance, f"{table_title(sw.br.table)}: {sw.names[sw.x]}"),
            Location(vy.provenance, f"{table_title(sw.br.table)}: {sw.names[sw.y]}"),
        ]
        for ot, (a_line, ox), (b_line, oy) in sw.others:
            locs += [
                Location(ox.provenance, f"{table_title(ot.table)}: {shorten(a_line.label, 80)}"),
                Location(oy.provenance, f"{table_title(ot.table)}: {shorten(b_line.label, 80)}"),
            ]
        yield Hit(
            facts={
                "indicator_x": sw.names[sw.x],
                "indicator_y": sw.names[sw.y],
                "table": table_title(sw.br.table),
                "table_en": table_title(sw.br.table, "en"),
                "page": vx.provenance.page,
                "amount_x": money(vx),
                "amount_y": money(vy),
                "other_table": table_title(other.table),
                "other_table_en": table_title(other.table, "en"),
                "other_page": ovx.provenance.page,
                "other_x": money(ovx),
                "other_y": money(ovy),
                "other_row_x": shorten(olx.label, 80),
                "other_row_y": shorten(oly.label, 80),
            },
            locations=locs,
            expected=f"{money(ovx)} / {money(ovy)}",
            found=f"{money(vx)} / {money(vy)}",
            evidence={
                "indicators": [sw.x, sw.y],
                "tables": [sw.br.table.id, *[ot.table.id for ot, _, _ in sw.others]],
                "linked_rows": {
                    sw.br.table.id: [lx.label, ly.label],
                    **{ot.table.id: [a[0].label, b[0].label] for ot, a, b in sw.others},
                },
            },
            key=(sw.br.table.id, sw.x, sw.y),
        )
