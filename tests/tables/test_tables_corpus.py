"""Tables of real corpus pages, one test per way a table used to be missed or mis-built.

Every expected value was read off the rendered page. Only the pages a test needs are run through the tables
stage (a table continuing on the next page needs both)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lakipcheck.ingest import open_document
from lakipcheck.ingest.types import Document
from lakipcheck.tables.extract import extract_tables
from lakipcheck.tables.types import Table, TableKind


@cache
def _doc(path: Path) -> Document:
    return open_document(path)


def tables_on(corpus: Path, name: str, pages: list[int]) -> list[Table]:
    """The tables the stage finds when given only ``pages`` of the corpus file ``name``."""
    path = corpus / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    doc = _doc(path)
    part = Document(doc.path, doc.data, doc.sha256, [p for p in doc.pages if p.number in pages])
    return extract_tables(part, borderless=False)


def table_with(tables: list[Table], column: str) -> Table:
    """The first table that has a column named ``column``."""
    for t in tables:
        if column in t.columns:
            return t
    raise AssertionError(f"no table with a column {column!r}: {[t.columns for t in tables]}")


def row_of(table: Table, name_col: int, starts: str) -> list[str]:
    for row in table.rows:
        if row[name_col].text.startswith(starts):
            return [c.text for c in row]
    raise AssertionError(f"no row starting {starts!r} in {[r[name_col].text[:30] for r in table.rows]}")


def test_shaded_header_mosaic_does_not_split_rows(corpus_dir):
    # Word shades a cell with a mosaic of boxes (padding stripes, one box per text line); their edges used to
    # cut the shaded header and the coloured capaian cells into one row per text line.
    tables = tables_on(corpus_dir, "lkip_jabar_dishub_2016_bab3.pdf", [2, 3])
    t = table_with(tables, "Indikator Kinerja")
    assert t.columns == ["No", "Sasaran", "Indikator Kinerja", "Target 2016 (%)", "Realisasi (%)",
                         "Capaian (%)"]
    assert t.pages == [2, 3]
    assert row_of(t, 2, "Prosentase keikutsertaan")[3:] == ["55,56", "59,26", "106,66"]
    assert row_of(t, 2, "Prosentase kepemilikan armada")[3:] == ["50,12", "75,00", "149,64"]
    assert row_of(t, 2, "Prosentase kendaraan umum laik")[3:] == ["100,00", "72,59", "72,59"]
    assert sum(1 for r in t.rows if r[3].text and not r[3].spanned) == 9  # nine indicators
    assert t.kind == TableKind.CAPAIAN


def test_scale_rows_are_not_taken_for_a_header(corpus_dir):
    tables = tables_on(corpus_dir, "lkip_jabar_dishub_2016_bab3.pdf", [2])
    t = table_with(tables, "Rentang Capaian")
    assert t.columns == ["Skor", "Rentang Capaian", "Kategori Capaian"]
    assert [r[1].text for r in t.rows] == ["Lebih dari 100 %", "75 % sampai 100 %", "55 % sampai 75 %",
                                           "Kurang dari 55 %"]


def test_two_level_shaded_header(corpus_dir):
    tables = tables_on(corpus_dir, "lkip_jabar_diskanlaut_2016_bab3.pdf", [3])
    t = table_with(tables, "Tahun 2015 / Target")
    assert t.columns[:3] == ["No.", "Indikator Kinerja", "Satuan"]
    assert t.columns[3:9] == ["Tahun 2015 / Target", "Tahun 2015 / Realisasi", "Tahun 2015 / Capaian (%)",
                              "Tahun 2016 / Target", "Tahun 2016 / Realisasi", "Tahun 2016 / Capaian (%)"]
    assert row_of(t, 1, "Produksi Perikanan Budidaya")[2:] == [
        "%", "105", "105.39", "100.37", "105", "101.12", "96.30", "105,00"]
    assert row_of(t, 1, "Produksi Garam")[3:9] == ["78,75", "100,18", "127,21", "105", "0,15", "0,14"]


def test_text_line_boxes_on_a_cell_background_are_not_borders(corpus_dir):
    # Here the shading is one box per cell with a box per text line laid over it; the table goes on to p13
    # without repeating its header.
    tables = tables_on(corpus_dir, "lkip_jabar_birohpu_2016.pdf", [12, 13])
    t = table_with(tables, "INDIKATOR KINERJA")
    assert t.columns == ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET", "REALISASI",
                         "CAPAIAN"]
    assert t.pages == [12, 13]
    row = row_of(t, 2, "Terselenggaranya Pesta Rakyat")
    assert row[0] == "5" and row[3:] == ["Persen", "100%", "100%", "100%"]


def test_table_without_outer_side_borders(corpus_dir):
    # Row rules run past the first and last column rules; the No column and the category column have no
    # closed cells of their own.
    tables = tables_on(corpus_dir, "lkip_jabar_inspektorat_2016_bab3.pdf", [2, 3])
    t = table_with(tables, "Indikator Sasaran")
    assert t.n_cols == 7 and t.columns[0] == "No."
    assert t.pages == [2, 3]
    assert row_of(t, 2, "Opini BPK-RI")[3:] == ["WTP", "WTP", "100%", "B"]
    assert row_of(t, 2, "Level kapabilitas")[3:] == ["III", "III", "100%", "B"]
    assert [r[0].text for r in t.rows if not r[0].spanned] == ["1", "2", "3", "4", "5", "6", "7"]


def test_columns_marked_by_shading_only_and_open_table_sides(corpus_dir):
    # Only the No column has a rule; the shaded rows show the other columns, the white rows show none.
    tables = tables_on(corpus_dir, "lkip_jabar_bplhd_2016.pdf", [16])
    t = table_with(tables, "REALISASI")
    assert t.columns == ["NO", "INDIKATOR KINERJA UTAMA", "TARGET RENSTRA TAHUN 2016", "REALISASI",
                         "PENCAPAIAN", "KET"]
    assert row_of(t, 1, "Pencapaian Status Mutu")[2:] == ["42,5 %", "56,12 %", "132,05 %", "IKU GUBERNUR"]
    assert row_of(t, 1, "Indeks Kualitas Udara")[2:] == ["60", "66,24", "110,40 %", ""]
    assert row_of(t, 1, "Tingkat penurunan emisi")[2:] == ["5-6%", "11,45%", "190,83%", "IKU GUBERNUR"]
    assert t.kind == TableKind.CAPAIAN


def test_numbering_column_under_the_indicator_header_is_folded_in(corpus_dir):
    tables = tables_on(corpus_dir, "lkip_jabar_dinkes_2016.pdf", [33, 34])
    capaian = [t for t in tables if "Indikator Kinerja" in t.columns]
    assert capaian
    assert all(t.columns[1:3] == ["Sasaran Strategis", "Indikator Kinerja"] for t in capaian)
    assert all(t.n_cols == 6 for t in capaian)
    first = capaian[0]
    assert first.pages == [33, 34]  # the continuation on p34 (no header) still joins once folded
    assert row_of(first, 2, "1 Persentase Rumah Tangga")[3:] == ["55%", "56,03%", "101.87%"]
    second = table_with(tables[tables.index(first) + 1 :], "Indikator Kinerja")
    assert row_of(second, 2, "1 Ratio Kematian Ibu")[3:] == ["89/100.000 KH", "86,97/ 100.000 KH", "102.33%"]
    assert row_of(second, 2, "3 Prevalensi gizi buruk")[3:] == ["0,58", "0.6", "96,67%"]
    skala = table_with(tables, "SKALA NILAI")
    assert skala.n_rows == 4 and skala.rows[0][0].text == "≥ 100 %"


def test_title_row_above_the_header_becomes_the_caption(corpus_dir):
    tables = tables_on(corpus_dir, "lkip_jabar_disparbud_2016_bab3.pdf", [3])
    t = table_with(tables, "Indikator")
    assert t.columns[2:] == ["Sasaran", "Indikator", "Target", "Realisasi", "% Capaian Kinerja"]
    assert t.caption is not None and t.caption.startswith("CAPAIAN KINERJA TAHUN 2016")
    assert row_of(t, 3, "Peningkatan kunjungan wisatawan mancanegara")[4:] == ["1.100.000 Orang",
                                                                               "4.428.094 Orang", "402,55"]
    assert t.kind == TableKind.CAPAIAN


def test_performance_and_budget_table_is_handed_on_as_two(corpus_dir):
    tables = tables_on(corpus_dir, "lkip_jabar_dishub_2016_bab3.pdf", [28, 29])
    perf = table_with(tables, "2016 / Target %")
    budget = table_with(tables, "Keuangan / Besar Anggaran DPPA (Rp.)")
    assert perf.columns == ["No", "Sasaran Program", "Indikator Kinerja", "2016 / Target %",
                            "2016 / Realisasi %", "2016 / Capaian %"]
    assert perf.kind == TableKind.CAPAIAN and budget.kind == TableKind.BUDGET_REALISATION
    assert budget.columns[:4] == ["No", "Sasaran Program", "Indikator Kinerja", "Program"]
    assert not any("Target" in c for c in budget.columns)
    assert row_of(perf, 2, "Prosentase keikutsertaan")[3:] == ["55,56", "59,26", "106,66"]
    assert row_of(budget, 2, "Prosentase keikutsertaan")[4:] == ["452,750,000.00", "434,143,683.00", "95.89"]
    assert perf.pages == budget.pages == [28, 29]


def test_indicator_recap_with_only_capaian_is_a_capaian_table(corpus_dir):
    tables = tables_on(corpus_dir, "lkip_jabar_dkumkm_2016_bab3.pdf", [8])
    t = table_with(tables, "Capaian Kinerja")
    assert t.columns == ["No", "Sasaran Strategis", "Indikator Sasaran", "Capaian Kinerja", "Kategori"]
    assert t.kind == TableKind.CAPAIAN
    assert row_of(t, 2, "Jumlah Koperasi Aktif")[3:] == ["100,9", "Sangat Baik"]
    assert row_of(t, 2, "Jumlah Wirausaha Baru")[3:] == ["115,15", "Baik"]


def test_row_rules_only_with_shaded_cells_on_a_sideways_page(corpus_dir):
    # Only the frame and the row rules are drawn; the shaded rows carry a box per cell and per text line.
    tables = tables_on(corpus_dir, "lkip_jabar_diskimrum_2016_part1.pdf", [40])
    t = table_with(tables, "Indikator Kinerja")
    assert t.columns[:4] == ["No", "Sasaran", "Indikator Kinerja", "Satuan"] and t.n_cols == 7
    assert row_of(t, 2, "Jumlah Ketersediaan Kajian Perda RTR KSP")[3:] == ["Dokumen", "1", "1", "100,00%"]
    assert row_of(t, 2, "Jumlah Ketersediaan Kajian Perda RDTR")[3:] == ["Dokumen", "3", "2", "66,67%"]
    assert row_of(t, 2, "Cakupan Pelayanan Air Minum")[3:] == ["%", "70", "71,14", "101,63%"]
    group = [r for r in t.rows if r[0].text.startswith("Misi 1")]
    assert len(group) == 1 and all(c.text == group[0][0].text for c in group[0])


def test_formula_in_a_header_cell_keeps_it_a_header(corpus_dir):
    tables = tables_on(corpus_dir, "lkip_jabar_disbun_2016.pdf", [43])
    t = table_with(tables, "Indikator Kinerja")
    assert t.columns[0] == "No Misi" and t.columns[-1].endswith("(4/5)*100%")
    assert row_of(t, 2, "6) Prosentasi Peningkatan Indeks")[3:] == ["0,985", "1,00", "98,50"]
    assert row_of(t, 2, "7) Prosentase Penurunan")[3:] == ["-1,02", "-1,00", "102,03"]


@pytest.mark.corpus
def test_continuation_without_top_border_and_with_its_empty_column_dropped(corpus_dir):
    # Word leaves out the top border of the part on p43, and the No column there is empty (its "2" sits in
    # the group row on p42): the first row used to fall off the grid and the part was never joined.
    tables = tables_on(corpus_dir, "lakip_padangpariaman_dpupr_2019.pdf", [42, 43])
    t = table_with(tables, "Indikator")
    assert t.pages == [42, 43] and t.n_cols == 8
    assert t.columns[:3] == ["No", "Program/Kegiatan", "Indikator"]
    rows = [[c.text for c in r] for r in t.rows if r[3].text and not r[3].spanned]
    assert [r[3:] for r in rows] == [
        ["13", "Orang", "6", "Orang", "46,15"], ["3", "Dok", "3", "Dok", "100,00"],
        ["660", "SR", "662", "SR", "100,30"], ["120", "SR", "120", "SR", "100,00"],
        ["1000", "SR", "1.050", "SR", "105,00"], ["650", "SR", "1.670", "SR", "256,92"]]
    assert rows[2][1].startswith("3 Pembangunan Jaringan Perpipaan")


@pytest.mark.corpus
def test_last_row_alone_on_the_next_page_joins_its_table(corpus_dir):
    # p36 holds one ruled row (no top border) left over from the table on p35.
    tables = tables_on(corpus_dir, "lakip_padangpariaman_dpupr_2019.pdf", [35, 36])
    t = table_with(tables, "Indikator")
    assert t.pages == [35, 36]
    assert row_of(t, 2, "Jumlah Sistem Irigasi")[3:] == ["3", "Di", "3", "Di", "100,00"]
    assert not [x for x in tables if x.page == 36]  # nothing of p36 is left on its own


@pytest.mark.corpus
def test_numbered_group_row_under_the_header_is_body(corpus_dir):
    # "2 | Program Perencanaan Tata Ruang" under the header is the program the rows belong to; read as a
    # header row it put "Perencanaan" into every column name.
    tables = tables_on(corpus_dir, "lakip_padangpariaman_dpupr_2019.pdf", [48])
    t = table_with(tables, "Indikator")
    assert t.columns == ["No", "Program/Kegiatan", "Indikator", "Realisasi Kinerja / Target 2019 / Volume",
                         "Realisasi Kinerja / Target 2019 / Satuan",
                         "Realisasi Kinerja / Realisasi 2019 / Volume",
                         "Realisasi Kinerja / Realisasi 2019 / Satuan", "Realisasi Kinerja / %"]
    assert t.rows[0][0].text == "2" and t.rows[0][1].text == "Program Perencanaan Tata Ruang"
    assert row_of(t, 2, "Jumlah dokumen revisi")[3:] == ["1", "Dok", "1", "Dok", "100,00"]


@pytest.mark.corpus
def test_records_stacked_in_one_ruled_row_numbered_in_the_no_column(corpus_dir):
    # One ruled body row holds four records; the No column numbers them 1-4 and the values stand level with
    # their numbers. A cell's second line ("/263.136") stays with its record.
    tables = tables_on(corpus_dir, "lakip_cianjur_dkp_2015.pdf", [48])
    t = table_with(tables, "Pelayanan DKP")
    assert [[c.text for c in r][3:] for r in t.rows] == [
        ["1.733.980 m3", "79.912 m3", "5 %"], ["13", "11", "84.61 %"], ["340 M3", "338.5 M3", "99%"],
        ["15 TPU /263.136", "11 TPU /219.280", "73.3 %"]]
    assert [r[0].text for r in t.rows] == ["1", "2", "3", "4"]
    assert t.rows[3][1].text == "Rasio pelayanan pemakaman terhadap permintaan"


@pytest.mark.corpus
def test_letter_spaced_header_word(corpus_dir):
    # "T a r g e t th 2015": read letter by letter the column was no target and the table no capaian table.
    tables = tables_on(corpus_dir, "lakip_cianjur_dkp_2015.pdf", [46])
    t = table_with(tables, "Target th 2015")
    assert t.kind == TableKind.CAPAIAN
    assert [r[3].text for r in t.rows] == ["Rp. 549.481.005.00,-", "Rp. 52.809.142.50,-",
                                           "Rp. 48.000.000.00,-", "Rp. 650.290.147.50,-"]
    assert t.rows[-1][0].text == "Jumlah"


@pytest.mark.corpus
def test_title_row_with_a_figure_of_its_own_above_the_header(corpus_dir):
    # "Capaian Output Program ... | 100%" spans the table above its header; the figure kept it from being
    # seen as a title, and then the header as well.
    tables = tables_on(corpus_dir, "lkip_dki_kesbangpol_2024.pdf", [32])
    t = table_with(tables, "Target IOP")
    assert t.columns[1:7] == ["Program", "Output Program (OP)", "Indikator Output Program (IOP)",
                              "Target IOP", "Realisasi IOP", "Realisasi IOP (%)"]
    assert t.kind == TableKind.CAPAIAN and t.n_rows == 6
    assert t.caption == "Capaian Output Program"


@pytest.mark.corpus
def test_part_ending_high_with_nothing_below_continues_on_the_next_page(corpus_dir):
    # The landscape table on p58 ends two thirds down the page (the next row was too tall to fit); p59 goes
    # on without a header.
    tables = tables_on(corpus_dir, "lkip_sumut_dp3akb_2024.pdf", [58, 59])
    t = table_with(tables, "Indikator")
    assert t.pages == [58, 59]
    assert row_of(t, 2, "Rasio Kekerasan Terhadap Anak")[3:6] == ["2,8", "2,66", "105,2%"]
    assert row_of(t, 2, "TFR/Total Fertility Rate")[3:6] == ["2,42", "2,36", "102,54%"]


@pytest.mark.corpus
def test_header_cells_whose_bottom_rule_is_lost_do_not_run_into_the_body(corpus_dir):
    # On p41 the repeated header's left cells (NO ... Trw IV) have no rule under them, so the grid merges
    # them with the empty body cells below; the header used to be dropped and its words copied into every row.
    tables = tables_on(corpus_dir, "lkip_jabar_bplhd_2016.pdf", [41])
    t = table_with(tables, "TARGET KEGIATAN")
    assert t.columns[:4] == ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA SASARAN",
                             "Target Kinerja sasaran / Trw I"]
    assert all(not c.text for r in t.rows for c in r[:7])
    assert [r[9].text for r in t.rows[:3]] == ["75 Industri", "4 program", "40 orang"]
