"""Header rows, group rows and title rows told apart by their texts; letter-spaced words closed up."""

from __future__ import annotations

from lakipcheck.provenance import BBox
from lakipcheck.tables.grid import RawTable, unspaced
from lakipcheck.tables.header import is_group_row, split_header
from lakipcheck.tables.types import Cell, Engine


def test_letter_spaced_words_are_closed_up():
    assert unspaced("T a r g e t th 2015") == "Target th 2015"
    assert unspaced("J u m l a h") == "Jumlah"
    assert unspaced("(R e a l i s a s i)") == "(Realisasi)"


def test_spaced_capitals_and_short_runs_stay_as_printed():
    assert unspaced("Kategori A B C D") == "Kategori A B C D"  # items, not a spaced word
    assert unspaced("a b c") == "a b c"
    assert unspaced("Rp 1 2 3") == "Rp 1 2 3"


def test_group_row_may_start_with_its_number():
    name = "Program Perencanaan Tata Ruang"
    assert is_group_row(["2", name, name, name, name])
    assert is_group_row(["", "II.", name, name, name])
    assert is_group_row([name] * 5)


def test_a_record_is_not_a_group_row():
    assert not is_group_row(["2", "Program Perencanaan Tata Ruang", "Jumlah dokumen", "1", "Dok"])
    assert not is_group_row(["1", "12", "12", "12"])  # the same figure, no heading text
    assert not is_group_row(["2", "Ya", "Ya", "Ya"])  # too short to be a heading
    assert not is_group_row(["No", "Program Kerja", "Program Kerja"])  # a header: "No" is no item number


def test_spilled_row_under_a_repeated_header_is_body():
    header = ["No", "Indikator Kegiatan", "Target Kegiatan", "Rencana Aksi", "Anggaran (Rp.)",
              "Penanggung Jawab"]
    spill = ["", "menghasilkan lokasi", "", "Kab/Kota masyarakat pelaku usaha", "", ""]
    body = ["1", "Pemantauan kualitas udara", "8 Kab/Kota", "Jumlah Kab/Kota yang", "490.650.500", "BPLHD"]
    _, head, rows = split_header(_raw(header, spill, body))
    assert head == [header] and rows == [1, 2]


def _raw(*rows: list[str]) -> RawTable:
    return RawTable(1, BBox(0, 0, 100, 100), Engine.PDFPLUMBER, [[Cell(t) for t in row] for row in rows], [])


def test_title_row_may_carry_a_figure_in_its_last_cell():
    title = ["Capaian Output Program"] * 4 + ["100%"]
    header = ["Program", "Target IOP", "Realisasi IOP", "Realisasi IOP (%)", "Keterangan"]
    titles, head, rows = split_header(_raw(title, header, ["Program A", "51", "62", "120,00%", ""]))
    assert titles == ["Capaian Output Program"] and head == [header] and rows == [2]


def test_group_header_over_all_but_the_first_column_is_no_title():
    top = ["Indikator", "Tahun 2020", "Tahun 2020", "Tahun 2020", "Tahun 2020"]
    sub = ["Indikator", "Target", "Realisasi", "Target", "Realisasi"]
    titles, head, rows = split_header(_raw(top, sub, ["Persentase lembaga", "-", "64,05", "64,90", "62,90"]))
    assert titles == [] and head == [top, sub] and rows == [2]


def _merged_down(col: int, rows: list[list[str]], top: int) -> RawTable:
    """``rows`` with the cell of column ``col`` in row ``top`` merged down over every later row."""
    raw = _raw(*rows)
    box = BBox(0, 0, 10, 10)
    for k, row in enumerate(raw.cells[top:]):
        row[col] = Cell(rows[top][col], box, 1, spanned=k > 0)
    for row in raw.cells:
        for j, c in enumerate(row):
            if j != col and c.bbox is None:
                row[j] = Cell(c.text, BBox(0, 0, 1, 1), 1)
    return raw


def test_header_word_cell_without_its_bottom_rule_keeps_the_header():
    header = ["SASARAN STRATEGIS", "Program", "Indikator Kegiatan", "Target Kegiatan", "Anggaran (Rp.)"]
    body = ["", "Pengendalian B3", "Jumlah industri", "75 Industri", "245.000.000"]
    raw = _merged_down(0, [header, body], 0)
    _, head, rows = split_header(raw)
    assert head == [header] and rows == [1]
    assert raw.cells[1][0].text == ""  # the header's words are not copied into the body


def test_row_label_merged_down_from_a_header_like_row_is_body():
    label = "Meningkatnya kinerja program pelayanan"  # header words in it, but it names something
    first = [label, "Indikator Kinerja", "Target Kegiatan", "Satuan", "Sumber Data"]
    raw = _merged_down(0, [first, [label, "Jumlah industri", "75,50", "Industri", "BPS"]], 0)
    _, head, rows = split_header(raw)
    assert head == [] and rows == [0, 1]
    assert raw.cells[1][0].text == label
