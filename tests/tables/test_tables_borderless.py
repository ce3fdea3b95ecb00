"""Tables with no rules at all, next to the heading, paragraph and caption above them (the committed tuning
test bed's WeasyPrint rendering of unruled tables): the region holds the table and nothing of the text
around it, whatever size that text is set in."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from lakipcheck.ingest.reader import open_document
from lakipcheck.ingest.types import Document
from lakipcheck.tables.extract import extract_tables
from lakipcheck.tables.types import Table

BED = Path(__file__).resolve().parents[1] / "data" / "testbed"
CASE = "tune_weasyprint_none_1_g2"


@cache
def _tables() -> list[Table]:
    return extract_tables(open_document(BED / f"{CASE}.pdf"))


def _spec(kind: str) -> dict:
    truth = json.loads((BED / f"{CASE}.truth.json").read_text(encoding="utf-8"))
    return next(t for t in truth["tables"] if t["kind"] == kind)


def test_heading_and_paragraph_above_an_unruled_table_are_not_its_rows():
    spec = _spec("capaian")
    table = next(t for t in _tables() if t.page == spec["pages"][0] and t.kind == "capaian")
    assert [c.split(" / ")[-1] for c in table.columns] == [h for h in spec["header"][-1] if h]
    assert len(table.rows) == spec["n_body_rows"]
    assert not any("Pengukuran kinerja" in c.text or "Tabel 3.1" in c.text for row in table.rows for c in row)


def test_a_chart_caption_and_title_above_a_small_table_are_not_its_header():
    spec = _spec("yoy")
    table = next(t for t in _tables() if t.page == spec["pages"][0] and t.kind == "yoy")
    assert table.columns[0] == "Indikator"
    assert not any("rafik" in c or "Perbandingan" in c for c in table.columns)
    assert len(table.rows) == spec["n_body_rows"]


def test_rows_of_an_unruled_table_printed_close_together_stay_rows(corpus_dir):
    """lkip_jabar_disnak_2016 p. 17 (Tabel 4, two lists side by side, no rules): each label's line has its
    own figure on its baseline, so the lines are rows, not one cell repeated down the table."""
    path = corpus_dir / "lkip_jabar_disnak_2016.pdf"
    if not path.exists():
        pytest.skip("lkip_jabar_disnak_2016.pdf not in the corpus")
    doc = open_document(path)
    part = Document(doc.path, doc.data, doc.sha256, [p for p in doc.pages if p.number == 17])
    table = next(t for t in extract_tables(part) if "Uraian" in t.columns)
    rows = {r[1].text: r[3].text for r in table.rows}
    assert rows["Sapi Potong"] == "466.272"
    assert rows["Sapi Perah"] == "143.774"
    assert rows["Kerbau"] == "143.594"
    assert rows["Kuda"] == "15.621"


def test_a_label_of_several_lines_with_its_figures_at_its_middle_is_one_row():
    """Word cells centred vertically, no rules (LibreOffice from a DOCX): a two-line indicator name with its
    target, realisation and % on a baseline between its lines is one row, not two with copied figures."""
    case = "tune_docx_none_1_g2"
    truth = json.loads((BED / f"{case}.truth.json").read_text(encoding="utf-8"))
    spec = next(t for t in truth["tables"] if t["kind"] == "capaian")
    tables = extract_tables(open_document(BED / f"{case}.pdf"))
    table = next(t for t in tables if t.page == spec["pages"][0] and t.kind == "capaian")
    assert len(table.rows) == spec["n_body_rows"]
    names = [ind["name"] for ind in truth["indicators"]]
    assert sorted(r[2].text for r in table.rows) == sorted(names)


@cache
def _bed_tables(name: str) -> list[Table]:
    return extract_tables(open_document(BED / f"{name}.pdf"))


def _on(name: str, page: int, kind: str) -> Table:
    return next(t for t in _bed_tables(name) if t.page == page and t.kind == kind)


def test_amounts_broken_over_narrow_cells_are_whole_in_their_row():
    """Word via LibreOffice, unruled: "Rp / 22.826.138.0 / 00" and "13.606.671 / .419" are printed over two or
    three lines beside a one-line label, and "197.773.0 / 00" with "172.380.01 / 6" leave a line "00 6" that
    is not a row of column numbers."""
    pk = _on("tune_docx_none_0_clean", 6, "pk_budget")
    assert [r[-1].text for r in pk.rows] == [
        "Rp 22.826.138.000",
        "Rp 5.254.898.000",
        "Rp 130.759.000",
        "Rp 28.211.795.000",
    ]
    br = _on("tune_docx_none_0_clean", 11, "budget_realisation")
    by_label = {r[1].text: (r[2].text, r[3].text) for r in br.rows}
    assert by_label["Level kapabilitas APIP"] == ("13.896.877.000", "13.606.671.419")
    assert by_label["Jumlah temuan berulang hasil pemeriksaan"] == ("197.773.000", "172.380.016")
    assert by_label["JUMLAH"] == ("28.211.795.000", "26.750.120.908")


def test_header_columns_over_a_page_that_fills_only_the_last_are_kept():
    """The Rincian Output continues on a page whose rows print only "Anggaran": the repeated header's
    "Volume" and "Satuan" stand alone between wide gaps and stay columns, so the parts are one table."""
    ro = _on("tune_reportlab_none_0_clean", 17, "rincian_output")
    assert ro.pages == [17, 18] and ro.columns == [
        "No",
        "Rincian Output / Komponen",
        "Volume",
        "Satuan",
        "Anggaran",
    ]
    assert ro.rows[-1][1].text == "TOTAL" and ro.rows[-1][4].text == "7,994,457,000"


def test_a_continuation_without_header_joins_by_the_right_edges_of_its_figures():
    """A realisasi-anggaran table whose body runs onto the next page without its header: the amounts are
    set flush right, so their left edges move with their width while their right edges line up."""
    br = _on("tune_docx_none_1_g2", 9, "budget_realisation")
    assert br.pages == [9, 10]
    assert [r[1].text for r in br.rows][-2:] == [
        "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti",
        "JUMLAH",
    ]


def test_rows_set_with_cell_padding_stay_one_table():
    """Word via LibreOffice, unruled: the Rincian Output's rows stand a little more than a line's white apart
    (cell padding), and its amounts wrap; the blocks between them share the amounts' right edges, so they
    are one table of 4 outputs, 13 components and the total."""
    ro = _on("tune_docx_none_1_g2", 15, "rincian_output")
    assert len(ro.rows) == 17 and sum(1 for r in ro.rows if r[0].text.strip()) == 4
    assert ro.rows[-1][1].text == "TOTAL" and ro.rows[-1][4].text == "6.835.785.000"
    assert not [t for t in _bed_tables("tune_docx_none_1_g2") if t.page == 15 and t is not ro]


def test_figures_printed_with_their_unit_make_a_table():
    """BGP NTT 2023 with unruled tables, p. 23: the one-row comparison "939 orang | 796 orang | 950 orang |
    2.228 orang | 84,78 %" between a heading and a paragraph is a table (its figures carry their unit)."""
    name = "bgp/bgp_ntt_2023.reportlab.none"
    end = _on(name, 23, "renstra_end")
    assert [c.text for c in end.rows[0]] == ["939 orang", "796 orang", "950 orang", "2.228 orang", "84,78 %"]
