"""The tables of the committed sample (BGP NTT 2023) against its truth file."""

from __future__ import annotations

from collections import defaultdict

import pytest

from lakipcheck.tables.types import Engine, Table, TableKind

SIGNATURE = "sign_pk_akhir"  # the signature block is laid out as a table but is not one


def _norm(text: str) -> str:
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def matched(sample_report, sample_truth) -> dict[str, Table]:
    """Truth table id -> extracted table: same pages, in reading order on those pages."""
    extracted: dict[tuple[int, ...], list[Table]] = defaultdict(list)
    for t in sample_report.tables:
        extracted[tuple(t.pages)].append(t)
    truth: dict[tuple[int, ...], list[str]] = defaultdict(list)
    for tb in sample_truth["tables"]:
        truth[tuple(tb["pages"])].append(tb["id"])
    out: dict[str, Table] = {}
    for pages, ids in truth.items():
        found = [t for t in extracted.get(pages, []) if t.n_rows]
        for tid, table in zip([i for i in ids if i != SIGNATURE], found, strict=False):
            out[tid] = table
    return out


def _truth_tables(sample_truth) -> list[dict]:
    return [tb for tb in sample_truth["tables"] if tb["id"] != SIGNATURE]


def test_every_table_is_found_with_its_kind_and_shape(matched, sample_truth):
    tables = _truth_tables(sample_truth)
    assert len(tables) == 25
    for tb in tables:
        table = matched.get(tb["id"])
        assert table is not None, f"{tb['id']} on pages {tb['pages']} not found"
        assert table.kind == TableKind(tb["kind"]), tb["id"]
        assert table.n_cols == tb["n_cols"], tb["id"]
        assert table.n_rows == tb["n_body_rows"], tb["id"]
        assert len(table.header) == tb["n_header_rows"], tb["id"]
        assert table.engine == Engine.PDFPLUMBER


def test_flattened_headers_end_with_the_lowest_header_row(matched, sample_truth):
    for tb in _truth_tables(sample_truth):
        if not tb["header"]:
            continue
        table = matched[tb["id"]]
        for name, lowest in zip(table.columns, tb["header"][-1], strict=True):
            if _norm(lowest):
                assert _norm(name).endswith(_norm(lowest)), (tb["id"], name, lowest)


def _cell_refs(node, out: list[dict]) -> list[dict]:
    if isinstance(node, dict):
        if {"printed", "table", "row", "col"} <= node.keys():
            out.append(node)
        for value in node.values():
            _cell_refs(value, out)
    elif isinstance(node, list):
        for value in node:
            _cell_refs(value, out)
    return out


def test_every_printed_value_of_the_truth_sits_in_its_cell(matched, sample_truth):
    refs = _cell_refs(sample_truth, [])
    assert len(refs) > 300
    wrong = []
    for ref in refs:
        table = matched[ref["table"]]
        cell = table.rows[ref["row"]][ref["col"]]
        if _norm(cell.text) != _norm(ref["printed"]) or cell.page != ref["page"]:
            wrong.append((ref["table"], ref["row"], ref["col"], ref["printed"], cell.text))
    assert not wrong


def test_psp_table_is_joined_over_two_pages(matched):
    table = matched["peserta_psp"]
    assert table.pages == [16, 17] and table.continued
    numbered = [r for r in table.rows if r[0].text.strip().isdigit()]
    assert [int(r[0].text) for r in numbered] == list(range(1, 23))
    assert {r[0].page for r in numbered} == {16, 17}
    assert numbered[-1][1].text == "Kab. Manggarai Barat" and numbered[-1][0].page == 17


def test_two_row_header_is_flattened(matched):
    table = matched["renstra_end_11"]
    assert table.columns[:4] == ["2022 / Realisasi", "2023 / Target", "2023 / Realisasi", "2023 / %"]
    assert table.columns[4] == "Target Akhir Renstra 2024"


def test_merged_sasaran_cell_is_copied_into_each_indicator_row(matched):
    table = matched["capaian"]
    assert table.columns[0] == "Sasaran Kegiatan"
    first = [r[0] for r in table.rows[:3]]
    assert len({c.text for c in first}) == 1 and first[0].text.startswith("Meningkatnya kompetensi")
    assert [c.spanned for c in first] == [False, True, True]
    assert first[1].bbox is first[0].bbox  # the copies point at the merged cell's own box
    assert [r[2].text for r in table.rows[:3]] == ["2568", "9534", "796"]
    assert not any(r[2].spanned for r in table.rows)


def test_english_format_table_keeps_its_figures(matched):
    table = matched["pengukuran_ro"]
    assert table.columns[-1] == "Anggaran"
    assert table.rows[0][-1].text == "13,040,047,000"
    assert table.rows[0][6].text == "2000"


def test_row_label_spanning_every_row_is_not_a_header(matched):
    table = matched["isu_strategis"]
    assert table.header == [] and table.n_rows == 7
    assert all(r[0].text == "Isu Strategis BGP Provinsi NTT" for r in table.rows)
    assert [r[0].spanned for r in table.rows] == [False] + [True] * 6


def test_prose_with_figures_is_no_table(sample_report):
    """Every table of the sample is ruled; justified paragraphs full of amounts (p.30) are not tables."""
    assert {t.engine for t in sample_report.tables} == {Engine.PDFPLUMBER}
