"""LK203: two indicators' budget amounts swapped between the realisasi-anggaran table and a Rincian Output
or PK budget table of the same budget."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lakipcheck.model.types import BudgetLine, Indicator, Report, StatedValue
from lakipcheck.rules.checks.budget_tables import (
    BudgetTable,
    amount_lines,
    budget_tables,
    link_line,
    money,
    per_indicator,
    same_amount,
    shorten,
)
from lakipcheck.rules.checks.sums import table_title
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
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
    in_order: int | None = None  # by position: how many shared amounts stand in the same order


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
            _by_position(br, other, inds, names, swaps)
    return list(swaps.values())


# amounts the two tables share, for their order to say which rows belong together: from 3 (one in its place)
# a warning, from 4 (two or more in their places) the rule's severity
MIN_IN_ORDER = 3
SURE_IN_ORDER = 4


def _by_position(
    br: BudgetTable,
    other: BudgetTable,
    inds: list[Indicator],
    names: dict[str, str],
    swaps: dict[tuple[str, str, str], Swap],
) -> None:
    """Rows named so differently that no name links them (outputs "Layanan ..." against indicators "Nilai
    ..."): the two tables list the same amounts in the same order except two transposed ones. At least
    :data:`MIN_IN_ORDER` amounts each printed once in each table are compared (fewer than
    :data:`SURE_IN_ORDER`: a warning), and the two rows are left
    alone when their names link them to the indicators the amounts say (two rows listed in another order)."""
    a, b = amount_lines(br), amount_lines(other)
    counts = Counter(v.figure.value for _, v in a) + Counter(v.figure.value for _, v in b)
    once_a = {v.figure.value for _, v in a} & {v.figure.value for _, v in b}
    shared = {x for x in once_a if counts[x] == 2}
    seq_a = [(ln, v) for ln, v in a if v.figure.value in shared]
    seq_b = [(ln, v) for ln, v in b if v.figure.value in shared]
    if len(seq_a) < MIN_IN_ORDER:
        return
    moved = [k for k in range(len(seq_a)) if seq_a[k][1].figure.value != seq_b[k][1].figure.value]
    if len(moved) != 2:
        return
    i, j = moved
    (ln_x, vx), (ln_y, vy) = seq_a[i], seq_a[j]
    (on_x, ovx), (on_y, ovy) = seq_b[i], seq_b[j]  # the other table's rows at those places
    links = [link_line(ln, inds) for ln in (ln_x, ln_y, on_x, on_y)]
    if (links[2] is not None and links[2] == links[1]) or (links[3] is not None and links[3] == links[0]):
        return  # the names say the other table lists the same two rows in another order
    keys = []
    for ln, link in ((ln_x, links[0]), (ln_y, links[1])):
        key = link[0] if link else f"row{ln.row}"
        names.setdefault(key, link[1] if link else shorten(ln.label, 90))
        keys.append(key)
    x, y = keys
    if any(sw.br.table.id == br.table.id and {sw.x, sw.y} == {x, y} for sw in swaps.values()):
        return
    sw = swaps.setdefault(
        (br.table.id, x, y), Swap(br, x, y, names, (ln_x, vx), (ln_y, vy), [], len(seq_a))
    )
    sw.others.append((other, (on_x, ovx), (on_y, ovy)))


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
                "linked_by": "name" if sw.in_order is None else f"position ({sw.in_order} amounts)",
            },
            key=(sw.br.table.id, sw.x, sw.y),
            severity=Severity.WARNING if sw.in_order is not None and sw.in_order < SURE_IN_ORDER else None,
        )
