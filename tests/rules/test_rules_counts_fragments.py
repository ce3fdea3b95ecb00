"""Counts are not compared with a table whose body was read as a separate headerless table below it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakipcheck.pipeline import extract
from lakipcheck.rules.checks.counts import _split_off

TESTBED = Path(__file__).resolve().parents[1] / "data" / "testbed"


def _split(name: str) -> list[str]:
    report = extract(TESTBED / name)
    return [t.id for t in report.tables if t.kind.value != "other" and _split_off(t, report.tables)]


@pytest.mark.parametrize("producer", ["lohtml", "weasyprint"])
def test_zebra_table_split_from_its_header_is_seen(producer):
    """LibreOffice's HTML import and WeasyPrint fill each zebra cell: the header is read as a table of its
    own and its rows as a headerless 'other' table below it."""
    assert _split(f"tune_{producer}_zebra_0_clean.pdf")


def test_tables_read_whole_are_not_fragments():
    assert _split("tune_reportlab_zebra_0_clean.pdf") == []
    assert _split("tune_reportlab_grid_0_clean.pdf") == []
