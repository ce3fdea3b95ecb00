"""Tables that print each indicator's performance and its programme's budget side by side.

"Realisasi Kinerja dan Anggaran" tables run: No | Sasaran | Indikator | Target | Realisasi | Capaian |
Program | Pagu | Realisasi (Rp) | %. Read as one table, its two "Realisasi" columns clash (an amount would be
taken for the indicator's realisasi, or the indicator values for budget figures). It is handed on as two
tables over the same rows: the performance part (label and performance columns) and the budget part (label,
programme and money columns), each keeping the printed header names and the cells' own boxes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lakipcheck.tables.types import Cell, Table

_MONEY = re.compile(r"anggaran|pagu|alokasi|\(rp|\brp\b|rupiah|\bdana\b|biaya|keuangan", re.IGNORECASE)
_PROGRAMME = re.compile(r"progr?am|kegiatan", re.IGNORECASE)  # "Nama Progam" occurs
_TARGET = re.compile(r"target|rencana", re.IGNORECASE)
_REALISASI = re.compile(r"realisasi", re.IGNORECASE)
_LABEL = re.compile(r"sasaran|indikator", re.IGNORECASE)
_VALUE = re.compile(r"target|rencana|realisasi|capaian|%|persen", re.IGNORECASE)


def split_combined(table: Table) -> list[Table]:
    """[performance part, budget part] for a combined table; [table] for any other."""
    names = table.columns
    money = [j for j, n in enumerate(names) if _MONEY.search(n)]
    if not money or not any("indikator" in n.lower() for n in names):
        return [table]
    values = [j for j, n in enumerate(names) if _VALUE.search(n) and j not in money]
    if not values:
        return [table]
    budget = [j for j, n in enumerate(names) if j > values[0] and (j in money or _programme(n))]
    if not budget:
        return [table]
    start = budget[0]
    performance = [j for j in values if j < start]
    if not any(_TARGET.search(names[j]) for j in performance) or not any(
        _REALISASI.search(names[j]) for j in performance
    ):
        return [table]
    if not any(_REALISASI.search(names[j]) or "%" in names[j] for j in range(start, len(names))):
        return [table]
    labels = [j for j in range(start) if j not in performance]
    first = _part(table, sorted(labels + performance), table.id)
    second = _part(table, labels + list(range(start, len(names))), f"{table.id}b")
    return [first, second]


def _programme(name: str) -> bool:
    """A programme / kegiatan column (not "Sasaran Program", not a value column)."""
    return bool(_PROGRAMME.search(name)) and not _VALUE.search(name) and not _LABEL.search(name)


def _part(table: Table, cols: list[int], table_id: str) -> Table:
    rows: list[list[Cell]] = []
    for row in table.rows:
        part = [row[j] for j in cols]
        if not any(c.text.strip() for c in part):
            continue
        # A row repeated only because the other part has several rows against one merged cell here.
        copy = all(c.spanned or not c.text for c in part)
        if rows and copy and [c.text for c in part] == [c.text for c in rows[-1]]:
            continue
        rows.append(part)
    return replace(
        table,
        id=table_id,
        columns=[table.columns[j] for j in cols],
        header=[[h[j] for j in cols] for h in table.header],
        rows=rows,
        pages=list(table.pages),
    )
