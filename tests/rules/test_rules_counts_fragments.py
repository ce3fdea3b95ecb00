"""Counts are not compared with a table whose body was read as a separate headerless table below it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lakipcheck.pipeline import extract
from lakipcheck.provenance import BBox
from lakipcheck.rules.checks.counts import _split_off
from lakipcheck.tables.types import TableKind

TESTBED = Path(__file__).resolve().parents[1] / "data" / "testbed"


def _split(report) -> list[str]:
    return [t.id for t in report.tables if t.kind.value != "other" and _split_off(t, report.tables)]


def test_a_header_whose_rows_were_read_as_a_headerless_table_below_is_seen():
    """A producer that fills each cell separately may get a shaded header read as a table of its own and its
    rows as a headerless 'other' table below it: made here by cutting a whole capaian table in two."""
    report = extract(TESTBED / "tune_reportlab_grid_0_clean.pdf")
    whole = next(t for t in report.tables if t.kind == TableKind.CAPAIAN)
    box = whole.bbox
    assert box is not None
    head = replace(whole, rows=[], bbox=BBox(box.x0, box.top, box.x1, box.top + 20))
    body = replace(
        whole,
        id=whole.id + "-body",
        kind=TableKind.OTHER,
        columns=[""] * len(whole.columns),
        header=[],
        bbox=BBox(box.x0, box.top + 20, box.x1, box.bottom),
    )
    cut = replace(report, tables=[t for t in report.tables if t is not whole] + [head, body])
    assert _split(cut) == [whole.id]


def test_tables_read_whole_are_not_fragments():
    for name in ("tune_reportlab_zebra_0_clean.pdf", "tune_reportlab_grid_0_clean.pdf"):
        assert _split(extract(TESTBED / name)) == [], name
