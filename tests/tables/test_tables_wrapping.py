"""Labels set with no white between them, cut into the rows whose figures stand beside them: the committed
LibreOffice-HTML booktabs rendering of BGP NTT 2023 (its Rincian Output lampiran) and a table whose sasaran
cell wraps over two indicator rows (not cut)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lakipcheck.ingest.reader import open_document
from lakipcheck.ingest.types import Line, Word
from lakipcheck.provenance import BBox
from lakipcheck.tables.extract import extract_tables
from lakipcheck.tables.types import Table
from lakipcheck.tables.wrapping import closes_label, labels_by_rows

BED = Path(__file__).resolve().parents[1] / "data" / "testbed"


@cache
def _tables(name: str) -> tuple[Table, ...]:
    return tuple(extract_tables(open_document(BED / name)))


def _line(text: str, x0: float, top: float, char: float = 5.0, h: float = 8.0) -> Line:
    words, x = [], x0
    for w in text.split():
        words.append(Word(w, BBox(x, top, x + char * len(w), top + h), h, False))
        x += char * (len(w) + 1)
    return Line(words, BBox(x0, top, words[-1].bbox.x1, top + h))


def test_a_line_closes_its_label_when_the_next_word_would_have_fitted():
    short, full = _line("pembelajaran", 100, 0), _line("Pendampingan Pembelajaran Guru", 100, 0)
    nxt = _line("[052] Koordinasi", 100, 10)
    assert closes_label(short, nxt, right=250, h=8)
    assert not closes_label(full, nxt, right=250, h=8)


def test_labels_cut_only_where_the_text_allows():
    """Two labels of two lines each beside two rows' figures are cut between them; a wrapped sasaran whose
    second line starts in lower case is never cut, whatever the rows."""
    lines = [
        _line("Guru dan tenaga kependidikan", 100, 0),
        _line("pembelajaran", 100, 9),
        _line("[052] Koordinasi dan Sosialisasi", 100, 18),
        _line("Pendampingan", 100, 27),
    ]
    parts = labels_by_rows(lines, [(4, 13), (22, 31)], h=8)
    assert parts is not None and [[ln.text for ln in p] for p in parts] == [
        ["Guru dan tenaga kependidikan", "pembelajaran"],
        ["[052] Koordinasi dan Sosialisasi", "Pendampingan"],
    ]
    wrapped = [_line("Meningkatnya kualitas pengawasan", 100, 0), _line("internal", 100, 9)]
    assert labels_by_rows(wrapped, [(0, 8), (9, 17)], h=8) is None


def test_rincian_output_labels_without_white_between_them_are_one_a_row():
    ro = next(t for t in _tables("bgp/bgp_ntt_2023.lohtml.booktabs.pdf") if t.page == 38)
    labels = [r[1].text for r in ro.rows]
    assert labels[:3] == [
        "Guru dan tenaga kependidikan yang mendapat pendampingan pembelajaran",
        "[052] Koordinasi dan Sosialisasi Pendampingan Pembelajaran",
        "[053] Pelaksanaan Pendampingan Pembelajaran",
    ]
    assert (
        labels[7]
        == "Guru dan Tenaga Kependidikan yang mengikuti inovasi pembelajaran dalam peningkatan kompetensi"
    )
    assert len(set(labels)) == len(labels)
