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
