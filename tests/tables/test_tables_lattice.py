"""Lattice geometry on pages built the way Word writes them: drawn borders (thin filled rectangles), shading
boxes (which reach the ingest as four zero-thickness edges), tables without outer side borders."""

from __future__ import annotations

from itertools import pairwise

from lakipcheck.ingest.lines import group_lines
from lakipcheck.ingest.types import Document, Page, Rule, Word
from lakipcheck.provenance import BBox
from lakipcheck.tables.columns import split_merged
from lakipcheck.tables.extract import extract_tables
from lakipcheck.tables.grid import drop_empty, from_lattice
from lakipcheck.tables.lattice import find_lattices
from lakipcheck.tables.types import Engine

W = 0.75  # Word's border width


def hline(x0: float, x1: float, y: float) -> Rule:
    return Rule(x0, y - W / 2, x1, y + W / 2)


def vline(x: float, top: float, bottom: float) -> Rule:
    return Rule(x - W / 2, top, x + W / 2, bottom)


def box(x0: float, top: float, x1: float, bottom: float) -> list[Rule]:
    """A filled box as the ingest keeps it: its four outline edges, zero thick."""
    return [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom), Rule(x0, top, x0, bottom),
            Rule(x1, top, x1, bottom)]


def grid(xs: list[float], ys: list[float]) -> list[Rule]:
    return [hline(xs[0], xs[-1], y) for y in ys] + [vline(x, ys[0], ys[-1]) for x in xs]


def word(text: str, x0: float, top: float, width: float | None = None, height: float = 10.0) -> Word:
    return Word(text, BBox(x0, top, x0 + (width or 5.5 * len(text)), top + height), size=9.0)


def page(rules: list[Rule], words: list[Word]) -> Page:
    return Page(number=1, width=600, height=800, words=words, lines=group_lines(words), rules=rules,
                n_chars=sum(len(w.text) for w in words))


def texts(p: Page) -> list[list[str]]:
    (lat,) = find_lattices(p)
    return drop_empty(from_lattice(p, split_merged(lat, p))).texts()


XS = [50.0, 150.0, 250.0, 350.0]
YS = [100.0, 140.0, 160.0]
WORDS = [word("Indikator", 60, 105), word("Kinerja", 60, 117), word("Target", 160, 112),
         word("Realisasi", 260, 112), word("Jumlah", 60, 145), word("12", 230, 145, 10),
         word("14", 330, 145, 10)]


def test_plain_drawn_grid():
    assert texts(page(grid(XS, YS), WORDS)) == [["Indikator Kinerja", "Target", "Realisasi"],
                                                ["Jumlah", "12", "14"]]


def test_shading_mosaic_in_a_drawn_header_cell_is_not_a_border():
    # Padding stripes along the cell's borders and one box per text line, tiling the shaded cell.
    pad, x0, x1 = 5.2, XS[0], XS[1]
    mosaic = (box(x0, 100, x1, 104) + box(x0, 104, x0 + pad, 136) + box(x1 - pad, 104, x1, 136)
              + box(x0 + pad, 104, x1 - pad, 116) + box(x0 + pad, 116, x1 - pad, 128)
              + box(x0 + pad, 128, x1 - pad, 136) + box(x0, 136, x1, 140))
    # A vertically centred text leaves a tall top stripe spanning the whole cell.
    mosaic += (box(XS[1], 100, XS[2], 111) + box(XS[1] + pad, 111, XS[2] - pad, 123)
               + box(XS[1], 123, XS[2], 140))
    assert texts(page(grid(XS, YS) + mosaic, WORDS)) == [["Indikator Kinerja", "Target", "Realisasi"],
                                                         ["Jumlah", "12", "14"]]


def test_text_line_boxes_laid_on_a_cell_background_are_not_borders():
    # A tall header cell, its two text lines centred, each with a box a few points inside the cell's sides.
    ys = [100.0, 160.0, 180.0]
    shading = box(XS[0], 100, XS[1], 160) + box(55, 118, 145, 130) + box(55, 130, 145, 142)
    words = [word("Indikator", 60, 119), word("Kinerja", 60, 131), word("Target", 160, 125),
             word("Realisasi", 260, 125), word("Jumlah", 60, 165), word("12", 230, 165, 10),
             word("14", 330, 165, 10)]
    assert texts(page(grid(XS, ys) + shading, words)) == [["Indikator Kinerja", "Target", "Realisasi"],
                                                          ["Jumlah", "12", "14"]]


def test_a_shaded_row_stays_a_row_of_its_own():
    # Two body rows with no rule between them: the second is shaded, which is all that sets it apart.
    ys = [100.0, 140.0, 180.0]
    shading = [r for x0, x1 in pairwise(XS) for r in box(x0, 160, x1, 180)]
    words = [*WORDS, word("Luas", 60, 165), word("3", 235, 165, 5), word("4", 335, 165, 5)]
    assert texts(page(grid(XS, ys) + shading, words))[1:] == [["Jumlah", "12", "14"], ["Luas", "3", "4"]]


def test_table_without_outer_side_borders_keeps_its_outer_columns():
    rules = [hline(20, 380, y) for y in YS] + [vline(x, YS[0], YS[-1]) for x in XS]
    words = [*WORDS, word("No", 25, 112, 10), word("1", 25, 145, 5), word("Ket", 355, 112, 15),
             word("B", 360, 145, 5)]
    assert texts(page(rules, words)) == [["No", "Indikator Kinerja", "Target", "Realisasi", "Ket"],
                                         ["1", "Jumlah", "12", "14", "B"]]


def test_wide_cell_is_split_where_its_words_stand_apart_but_a_heading_is_not():
    # The body row has a rule only after its first column; its values still stand in the header's columns.
    ys = [100.0, 140.0, 160.0, 180.0]
    rules = ([hline(XS[0], XS[-1], y) for y in ys] + [vline(XS[0], 100, 180), vline(XS[-1], 100, 180)]
             + [vline(x, 100, 140) for x in XS[1:-1]] + [vline(XS[1], 160, 180)])
    words = [*WORDS[:4], word("Sasaran", 60, 145), word("1:", 100, 145, 8), word("Meningkatnya", 110, 145),
             word("mutu", 180, 145), word("layanan", 210, 145), word("publik", 255, 145),
             word("Jumlah", 60, 165), word("12", 230, 165, 10), word("14", 330, 165, 10)]
    rows = texts(page(rules, words))
    assert rows[0] == ["Indikator Kinerja", "Target", "Realisasi"]
    heading = "Sasaran 1: Meningkatnya mutu layanan publik"
    assert rows[1] == [heading] * 3
    assert rows[2] == ["Jumlah", "12", "14"]


def test_table_part_without_top_border_keeps_its_first_row():
    # A continuation part: the column rules start together at the top, but no rule is drawn there.
    ys = [100.0, 120.0, 140.0]
    rules = [hline(XS[0], XS[-1], y) for y in ys[1:]] + [vline(x, ys[0], ys[-1]) for x in XS]
    words = [word("Jumlah", 60, 105), word("12", 230, 105, 10), word("14", 330, 105, 10),
             word("Luas", 60, 125), word("3", 235, 125, 5), word("4", 335, 125, 5)]
    assert texts(page(rules, words)) == [["Jumlah", "12", "14"], ["Luas", "3", "4"]]


def test_column_rules_ending_with_no_row_rule_below_them_add_no_border():
    # Rules hanging from a frame with nothing drawn across them lower down (a chart's ticks): no table.
    rules = [hline(XS[0], XS[-1], 100.0)] + [vline(x, 100.0, 140.0) for x in XS]
    assert find_lattices(page(rules, WORDS)) == []


def test_records_stacked_in_one_ruled_row_split_on_their_numbers():
    # One ruled body row, no rule between its records: the No column numbers them, each value sits level
    # with its number, and a name wraps over two lines.
    xs = [50.0, 80.0, 250.0, 350.0]
    ys = [100.0, 120.0, 200.0]
    words = [word("No", 55, 105, 12), word("Indikator", 90, 105), word("Target", 260, 105),
             word("1", 55, 125, 5), word("Rasio", 90, 125), word("volume", 125, 125), word("sampah", 90, 137),
             word("1.733", 260, 125, 25),
             word("2", 55, 155, 5), word("Rasio", 90, 155), word("cakupan", 125, 155),
             word("13", 260, 155, 10),
             word("3", 55, 180, 5), word("Rasio", 90, 180), word("pemakaman", 125, 180),
             word("15", 260, 180, 10)]
    assert texts(page(grid(xs, ys), words)) == [["No", "Indikator", "Target"],
                                                ["1", "Rasio volume sampah", "1.733"],
                                                ["2", "Rasio cakupan", "13"],
                                                ["3", "Rasio pemakaman", "15"]]


def _doc(*pages: Page) -> Document:
    return Document(None, b"", "", list(pages))


def test_one_ruled_row_at_the_top_of_a_page_is_kept_only_as_a_continuation():
    xs = [50.0, 150.0, 250.0, 350.0, 450.0]
    head = [word("Indikator", 60, 705), word("Target", 160, 705), word("Realisasi", 260, 705),
            word("Capaian", 360, 705), word("Jumlah", 60, 725), word("12", 230, 725, 10),
            word("14", 330, 725, 10), word("116,67", 420, 725, 25)]
    before = page(grid(xs, [700.0, 720.0, 745.0]), head)
    last = [word("Luas", 60, 55), word("panen", 90, 55), word("padi", 125, 55), word("sawah", 60, 65),
            word("3", 235, 55, 5), word("4", 335, 55, 5), word("133,33", 420, 55, 25)]
    after = page(grid(xs, [50.0, 80.0]), last)
    after.number = 2
    (t,) = extract_tables(_doc(before, after), borderless=False)
    assert t.pages == [1, 2] and [c.text for c in t.rows[-1]] == ["Luas panen padi sawah", "3", "4", "133,33"]
    # On its own (no table ends the page before) the single row is no ruled table: it is left to the
    # builders that read tables ruled only across.
    assert all(t.engine == Engine.TEXT for t in extract_tables(_doc(after), borderless=False))
