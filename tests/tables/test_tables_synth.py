"""Tables drawn without a grid: a generated report with its body tables ruled only across (booktabs) or not
ruled at all must read exactly as the same report with every cell boxed."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from lakipcheck.ingest import open_document
from lakipcheck.tables.extract import extract_tables
from lakipcheck.tables.types import Engine, Table


@pytest.fixture(scope="module")
def tables(synth_generated) -> Callable[[int, str], list[Table]]:
    """tables(seed, style) -> the tables read from report ``seed`` drawn in ``style`` (cached)."""

    @cache
    def get(seed: int, style: str) -> list[Table]:
        return extract_tables(open_document(synth_generated(seed, table_style=style).pdf))

    return get


def _read(t: Table) -> tuple:
    return t.pages, t.kind, t.columns, [[c.text for c in row] for row in t.rows]


# seed 4: wrapped sasaran beside single indicators, a predicate indicator, a budget table over two pages;
# seed 15: merged sasaran and item number centred on an even number of rows, renstra-end headers over two
# header rows; seed 31: the PK table's figures stand on lines of their own between wrapped labels
@pytest.mark.parametrize("seed", [4, 15, 31])
@pytest.mark.parametrize("style", ["booktabs", "none"])
def test_tables_read_the_same_whatever_their_rules(tables, seed, style):
    grid = tables(seed, "grid")
    drawn = tables(seed, style)
    assert [_read(t) for t in drawn] == [_read(t) for t in grid]
    body = [t for t in drawn if t.engine == Engine.TEXT]
    assert len(body) >= 10  # every body table was read from word positions (the lampiran stay gridded)


def test_merged_cells_of_an_unruled_table_are_repeated_like_ruled_ones(tables):
    pk = next(t for t in tables(15, "none") if t.kind == "pk_indicators")
    assert [r[0].text for r in pk.rows] == ["1"] * 4
    assert [c.spanned for c in (r[0] for r in pk.rows)] == [False, True, True, True]
    assert len({r[1].text for r in pk.rows}) == 1 and pk.rows[0][1].text.startswith("Meningkatnya")
    assert pk.rows[1][1].bbox is pk.rows[0][1].bbox  # the copies point at the merged cell's own box
    assert not any(r[2].spanned or r[3].spanned for r in pk.rows)


def test_capaian_values_of_an_unruled_table_sit_in_their_cells(synth_generated):
    report = synth_generated(7)  # the seed's own style: no rules
    truth = report.truth
    capaian = next(t for t in extract_tables(open_document(report.pdf)) if t.kind == "capaian")
    assert capaian.engine == Engine.TEXT
    stated = [s for ind in truth.indicators for s in ind.stated if s["table"] == "capaian"]
    assert len(stated) >= 9
    for s in stated:
        cell = capaian.rows[s["row"]][s["col"]]
        assert (cell.text, cell.page) == (s["printed"], s["page"])
