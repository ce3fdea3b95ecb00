"""LK205: a "Rata-rata" row of a table must be the mean of the rows it stands for, column by column."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lakipcheck.model.types import Report
from lakipcheck.numbers import Figure, FigureKind, parse_figure
from lakipcheck.provenance import Provenance
from lakipcheck.rules.arith import Span, input_span, printed_span, sum_span
from lakipcheck.rules.checks.common import show, table_name
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location
from lakipcheck.tables.types import Table, TableKind

_AVERAGE_ROW = re.compile(r"^\s*(?:rata\s*-?\s*rata|rerata|average)\b", re.IGNORECASE)
_WEIGHTED = re.compile(r"tertimbang|weighted|\bbobot\b", re.IGNORECASE)
# a bare "Jumlah" / "Total" row ("Jumlah regulasi ..." is an indicator)
_TOTAL_ROW = re.compile(
    r"^\s*(?:sub\s*-?\s*|grand\s+)?(?:total|jumlah)(?:\s+(?:total|seluruhnya|keseluruhan))?\s*[:.]?\s*$",
    re.IGNORECASE,
)
_VALUE_KINDS = (FigureKind.NUMBER, FigureKind.PERCENT)
_BUDGET_KINDS = (TableKind.BUDGET_REALISATION, TableKind.PK_BUDGET, TableKind.RINCIAN_OUTPUT)
# columns whose values can be averaged across indicators: a % capaian, a score, an index, a rate
_AVERAGED_HEADER = re.compile(
    r"capaian|%|persen|prosen|nilai|skor|indeks|index|rata|kinerja|tingkat|efisiensi|rasio|serapan",
    re.IGNORECASE,
)
_NUMBER_HEADER = re.compile(r"^\s*(no\.?|nomor|kode)\s*$", re.IGNORECASE)


def _label(row: list) -> str:
    """The row's first non-numeric text (its label)."""
    for cell in row:
        t = cell.text.strip()
        if t and not _value(t):
            return t
    return ""


def _value(text: str, hint: str | None = None) -> Figure | None:
    fig = parse_figure(text, column_hint=hint)
    if fig.kind in _VALUE_KINDS and fig.value is not None and fig.qualifier is None:
        return fig
    return None


def _groups(table: Table, at: int) -> list[list[int]]:
    """The runs of data rows an average row at ``at`` may stand for: the rows since the last heading row
    (no values) and all rows since the previous average row. Total rows are left out."""
    rows: list[int] = []
    since_heading: list[int] | None = None
    for r in range(at - 1, -1, -1):
        row = table.rows[r]
        label = _label(row)
        if _AVERAGE_ROW.match(label):
            break
        if _TOTAL_ROW.match(label):
            continue
        if not any(_value(c.text) for c in row):
            if since_heading is None:
                since_heading = list(rows)
            continue
        rows.append(r)
    out = [sorted(rows)]
    if since_heading is not None and since_heading and since_heading != rows:
        out.append(sorted(since_heading))
    return out


def _mean(figs: list[Figure]) -> Span:
    total = sum_span([input_span(f) for f in figs])
    n = Decimal(len(figs))
    return Span(total.lo / n, total.hi / n)


def _averageable(hint: str | None, figs: list[Figure]) -> bool:
    """A column an average row averages: its header names a %, a score or an index, or every value is a
    percent. A target or realisasi column of several indicators mixes units (people, Rupiah, %) and a "No"
    column counts rows: neither is averaged, whatever sits in the average row under it."""
    if hint and _NUMBER_HEADER.match(hint.split(" / ")[-1]):
        return False
    if hint and _AVERAGED_HEADER.search(hint):
        return True
    return bool(figs) and all(f.kind == FigureKind.PERCENT for f in figs)


def _header_of(table: Table, c: int, at: int) -> str | None:
    """The column's header; where the table's header was read as its first body row, that row's text."""
    if c < len(table.columns) and table.columns[c].strip():
        return table.columns[c]
    for row in table.rows[:at]:
        text = row[c].text.strip() if c < len(row) else ""
        if text and _value(text) is None:
            return text
        if text:
            return None
    return None


def _column_hit(table: Table, at: int, c: int, printed: Figure, groups: list[list[int]]) -> Hit | None:
    hint = _header_of(table, c, at)
    means: list[tuple[list[int], Span]] = []
    for rows in groups:
        figs = [_value(table.rows[r][c].text, hint) for r in rows]
        if len(figs) < 2 or any(f is None for f in figs):
            return None  # a blank or text cell: which rows the average covers is not sure
        if not _averageable(hint, [f for f in figs if f is not None]):
            return None
        means.append((rows, _mean([f for f in figs if f is not None])))
    shown = printed_span(printed)
    if not means or any(m.overlaps(shown) for _, m in means):
        return None
    rows, mean = means[0]
    cell = table.rows[at][c]
    where = f"{table_name(table.kind)} hlm. {cell.page or table.page}"
    prov = Provenance(
        page=cell.page or table.page, bbox=cell.bbox, raw=printed.raw, table_id=table.id, row=at, col=c
    )
    decimals = max(printed.decimals or 0, 2)
    return Hit(
        facts={
            "table": (table.caption or where)[:80],
            "page": cell.page or table.page,
            "column": (hint or f"kolom {c + 1}").strip(),
            "n_rows": len(rows),
            "rows": " + ".join(table.rows[r][c].text.strip() for r in rows),
        },
        locations=[
            Location(prov, f"{where}, baris rata-rata", f"{table_name(table.kind, 'en')}, average row")
        ],
        expected=show(mean.mid(), decimals),
        found=printed.raw.strip(),
        evidence={
            "table_id": table.id,
            "row": at,
            "column": c,
            "mean_interval": [str(mean.lo), str(mean.hi)],
            "rows": rows,
        },
        key=("average", table.id, at, c),
    )


@primitive("table_averages")
def table_averages(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Each value of a "Rata-rata" row must be the mean of its column over the rows above it: all rows since
    the previous average row, or those since the last heading row; a value either mean explains (rounded or
    truncated at its printed decimals, inputs as intervals) is right. Only columns an average can stand for
    are checked (a %, a score, an index, a rate by their header, or all values in %): a target or realisasi
    column of several indicators mixes units, and a "No" column counts rows. A weighted average, a budget
    table (its "%" under a total or average row is the ratio of the column sums, which LK202 checks), a
    column with a blank or text cell among its rows, or fewer than two rows is not checked."""
    for table in report.tables:
        if table.kind in _BUDGET_KINDS:
            continue  # a budget table's "%" under its average or total row is Σ realisasi / Σ pagu (LK202)
        for at, row in enumerate(table.rows):
            label = _label(row)
            if not _AVERAGE_ROW.match(label) or _WEIGHTED.search(label):
                continue
            groups = _groups(table, at)
            seen: set[str] = set()
            for c, cell in enumerate(row):
                printed = _value(cell.text, table.columns[c] if c < len(table.columns) else None)
                if printed is None or cell.spanned or (cell.text in seen):
                    continue
                seen.add(cell.text)
                hit = _column_hit(table, at, c, printed, groups)
                if hit is not None:
                    yield hit
