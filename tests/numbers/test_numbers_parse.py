"""parse_figure: the behaviours the rest of the pipeline relies on, one group per kind of figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakipcheck.numbers import FigureKind as K
from lakipcheck.numbers import NumberStyle as S
from lakipcheck.numbers import parse_figure

D = Decimal


def _vd(raw: str, **kw) -> tuple[K, Decimal | None, int | None]:
    f = parse_figure(raw, **kw)
    return f.kind, f.value, f.decimals


# --- separators and styles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "decimals", "style"),
    [
        ("54.166.493.000", D(54166493000), 0, S.ID),
        ("1.234.567", D(1234567), 0, S.ID),
        ("1.234,5", D("1234.5"), 1, S.ID),
        ("12345,678", D("12345.678"), 3, S.ID),
        ("13,040,047,000", D(13040047000), 0, S.EN),
        ("1,234.5", D("1234.5"), 1, S.EN),
        ("99.82", D("99.82"), 2, S.EN),
        ("0.500", D("0.500"), 3, S.EN),
        ("2568", D(2568), 0, S.PLAIN),
        ("007", D(7), 0, S.PLAIN),
    ],
)
def test_unambiguous_forms_ignore_the_style_hint(raw, value, decimals, style):
    for hint in (None, S.ID, S.EN):
        f = parse_figure(raw, style=hint)
        assert (f.kind, f.value, f.decimals, f.style) == (K.NUMBER, value, decimals, style), (hint, f)


@pytest.mark.parametrize(
    ("raw", "hint", "value", "decimals", "style"),
    [
        ("1.500", None, D(1500), 0, S.AMBIGUOUS),  # policy: thousands without context
        ("1,500", None, D(1500), 0, S.AMBIGUOUS),
        ("1.500", S.ID, D(1500), 0, S.ID),
        ("1.500", S.EN, D("1.500"), 3, S.EN),
        ("1,500", S.ID, D("1.500"), 3, S.ID),
        ("1,500", S.EN, D(1500), 0, S.EN),
        ("999,999", S.ID, D("999.999"), 3, S.ID),
        ("1.500", S.PLAIN, D(1500), 0, S.AMBIGUOUS),  # only ID/EN decide
    ],
)
def test_ambiguous_lone_separator_follows_the_style(raw, hint, value, decimals, style):
    f = parse_figure(raw, style=hint)
    assert (f.value, f.decimals, f.style) == (value, decimals, style)


@pytest.mark.parametrize(
    "raw", ["1.2.3", "1,,5", "31.12.2016", "1.23.456", "1.234.5678", "1,234,5678", ".5", "5,"]
)
def test_malformed_separators_are_not_numbers(raw):
    f = parse_figure(raw)
    if raw == "5,":  # trailing punctuation is dropped: "5," at the end of a phrase is 5
        assert f.value == 5
    else:
        assert f.kind == K.TEXT and f.value is None, f


@pytest.mark.parametrize(
    ("raw", "value", "decimals"),
    [
        ("557,134,410,00", D("557134410.00"), 2),
        ("1.258.896.42", D("1258896.42"), 2),
        ("23.284.140.0", D("23284140.0"), 1),
    ],
)
def test_one_separator_for_groups_and_cents(raw, value, decimals):
    """Budget tables print "557,134,410,00" (dispenda 2016) and "1.258.896.42": the last group is cents."""
    assert _vd(raw) == (K.NUMBER, value, decimals)


def test_decimals_keep_trailing_zeros_exactly():
    f = parse_figure("47,80 %")
    assert f.value == D("47.8") and str(f.value) == "47.80" and f.decimals == 2


# --- percent, rupiah, column hints -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["101,75 %", "101,75%", "101,75\u00a0%", "101,75 persen", "101.75%", "+101,75 %"]
)
def test_percent_forms(raw):
    assert _vd(raw) == (K.PERCENT, D("101.75"), 2)


@pytest.mark.parametrize(
    ("hint", "kind"),
    [
        ("% Capaian", K.PERCENT),
        ("Capaian", K.PERCENT),
        ("Cap aian", K.PERCENT),
        ("Persentase", K.PERCENT),
        ("Daya Serap", K.PERCENT),
        ("Realisasi (%)", K.PERCENT),
        ("Target\n( %)", K.PERCENT),
        ("Capaian Triwulanan", K.NUMBER),  # seed: holds counts (2613), not percentages
        ("Tahun Anggaran", K.NUMBER),
        ("Nilai Kinerja Anggaran", K.NUMBER),
        ("Anggaran", K.RUPIAH),
        ("Pagu", K.RUPIAH),
        ("ALOKASI (Rp)", K.RUPIAH),
        ("REALISASI (Rp)", K.RUPIAH),
        ("Keu (Rp,)", K.RUPIAH),
        ("Realisasi", K.NUMBER),
        ("Target PK 2023", K.NUMBER),
        (None, K.NUMBER),
    ],
)
def test_column_hint_decides_a_bare_number(hint, kind):
    assert parse_figure("90", column_hint=hint).kind == kind
    assert parse_figure("93,34", column_hint=hint).kind == kind


def test_explicit_marks_beat_the_column_hint():
    assert parse_figure("99,82%", column_hint="Anggaran").kind == K.PERCENT
    assert parse_figure("Rp 5.000", column_hint="% Capaian").kind == K.RUPIAH
    f = parse_figure("2.568 orang", column_hint="% Capaian")
    assert (f.kind, f.unit) == (K.NUMBER, "orang")


@pytest.mark.parametrize(
    ("raw", "value", "decimals", "scale"),
    [
        ("Rp54.166.493.000", D(54166493000), 0, 1),
        ("Rp. 54.166.493.000", D(54166493000), 0, 1),
        ("Rp 54.166.493.000,-", D(54166493000), 0, 1),
        ("Rp 15.685.459.770,00", D("15685459770.00"), 2, 1),
        ("IDR 5.000", D(5000), 0, 1),
        ("Rp 1,2 M", D(1200000000), 1, 10**9),
        ("Rp 1,2 miliar", D(1200000000), 1, 10**9),
        ("Rp 1,2 Milyar", D(1200000000), 1, 10**9),
        ("12,5 juta", D(12500000), 1, 10**6),
        ("Rp 12,5 jt", D(12500000), 1, 10**6),
        ("1,5 T", D(1500000000000), 1, 10**12),
        ("1,5 triliun", D(1500000000000), 1, 10**12),
        ("750 ribu", D(750000), 0, 10**3),
        ("2.119 T", D(2119000000000), 3, 10**12),  # decimal reading after miliar/triliun
        ("1.500 juta", D(1500000000), 0, 10**6),  # thousands reading after ribu/juta
        ("185.80 Triliun Rupiah", D(185800000000000), 2, 10**12),
    ],
)
def test_rupiah_forms(raw, value, decimals, scale):
    f = parse_figure(raw)
    assert (f.kind, f.value, f.decimals, f.scale) == (K.RUPIAH, value, decimals, scale), f
    assert f.half_unit() == D(5) * D(10) ** -(decimals + 1) * scale


def test_scale_word_with_another_unit_is_a_scaled_count():
    f = parse_figure("1,2 juta jiwa")
    assert (f.kind, f.value, f.scale, f.unit) == (K.NUMBER, D(1200000), 10**6, "jiwa")


def test_lower_case_m_is_metres_not_miliar():
    f = parse_figure("150 m")
    assert (f.kind, f.value, f.scale, f.unit) == (K.NUMBER, D(150), 1, "m")


def test_column_header_scale_applies_to_money_cells():
    f = parse_figure("1.234,5", column_hint="Anggaran (Rp Juta)")
    assert (f.kind, f.value, f.decimals, f.scale) == (K.RUPIAH, D(1234500000), 1, 10**6)
    assert parse_figure("250", column_hint="Pagu (Rp. 000)").value == D(250000)
    assert parse_figure("250", column_hint="Pagu (Rp)").value == D(250)


# --- ranges, negatives, missing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "low", "high", "decimals"),
    [
        ("75,70–76,20", D("75.70"), D("76.20"), 2),
        ("75,70 - 76,20", D("75.70"), D("76.20"), 2),
        ("75,70 — 76,20", D("75.70"), D("76.20"), 2),
        ("75,70 s.d 76,20", D("75.70"), D("76.20"), 2),
        ("75,70 s.d. 76,20", D("75.70"), D("76.20"), 2),
        ("75,70 s/d 76,20", D("75.70"), D("76.20"), 2),
        ("75,70 sampai dengan 76,20", D("75.70"), D("76.20"), 2),
        ("2-3", D(2), D(3), 0),
        ("60 - 79,9", D(60), D("79.9"), 0),  # coarser end's precision
    ],
)
def test_ranges(raw, low, high, decimals):
    f = parse_figure(raw)
    assert (f.kind, f.low, f.high, f.decimals, f.value) == (K.RANGE, low, high, decimals, None), f


def test_percent_range_keeps_percent_as_unit():
    f = parse_figure("70% - 80%")
    assert (f.kind, f.low, f.high, f.unit) == (K.RANGE, D(70), D(80), "%")


@pytest.mark.parametrize("raw", ["-5", "- 5", "\u22125", "\u2013 5"])
def test_negative_number_is_not_a_range(raw):
    assert _vd(raw) == (K.NUMBER, D(-5), 0)


def test_decreasing_pair_is_not_a_range():
    assert parse_figure("10 - 5").kind == K.TEXT


@pytest.mark.parametrize("raw", ["(1.234)", "-1.234", "- 1.234", "(Rp 1.234)"])
def test_negative_forms(raw):
    assert parse_figure(raw, style=S.ID).value == D(-1234)


def test_parenthesised_range_stays_a_range():
    f = parse_figure("(2-3)")
    assert (f.kind, f.low, f.high) == (K.RANGE, D(2), D(3))


def test_parenthesised_number_with_unit_is_an_aside_not_a_negative():
    f = parse_figure("(2,000 Km)", style=S.ID)
    assert (f.value, f.unit, f.decimals) == (D("2.000"), "km", 3)


@pytest.mark.parametrize(
    "raw",
    [
        "-",
        "–",
        "—",
        "--",
        "NA",
        "N/A",
        "n/a",
        "na",
        "",
        "   ",
        "belum ada",
        "Belum Ada",
        "tidak ada data",
        "...",
        "…",
        "\u00a0",
        "N.A.",
    ],
)
def test_missing_markers(raw):
    f = parse_figure(raw)
    assert f.kind == K.MISSING and f.is_missing and f.value is None


# --- grades -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["AA", "A", "BB", "B", "CC", "C", "D", "bb", "Bb", "cc", "Predikat BB", "BB (Sangat Baik)"]
)
def test_grades(raw):
    f = parse_figure(raw)
    assert (
        f.kind == K.PREDICATE and f.predicate == raw.split()[-1 if raw.startswith("Predikat") else 0].upper()
    )


@pytest.mark.parametrize("raw", ["a", "b", "c", "d"])
def test_lone_lower_case_letter_is_a_grade_only_in_a_grade_column(raw):
    assert parse_figure(raw).kind == K.TEXT
    assert parse_figure(raw, column_hint="Predikat").predicate == raw.upper()


def test_a_letter_in_a_numbering_column_is_not_a_grade():
    assert parse_figure("A", column_hint="NO").kind == K.TEXT
    assert parse_figure("BB", column_hint="NO").kind == K.PREDICATE


@pytest.mark.parametrize(
    ("raw", "value", "decimals", "grade"),
    [
        ("70 (BB)", D(70), 0, "BB"),
        ("70,5 (BB)", D("70.5"), 1, "BB"),
        ("BB (70)", D(70), 0, "BB"),
        ("61,02 (b)", D("61.02"), 2, "B"),
    ],
)
def test_score_with_grade(raw, value, decimals, grade):
    f = parse_figure(raw)
    assert (f.kind, f.value, f.decimals, f.predicate) == (K.PREDICATE, value, decimals, grade)


@pytest.mark.parametrize("raw", ["AB", "E", "BBB", "70 (E)"])
def test_non_grades(raw):
    assert parse_figure(raw).kind == K.TEXT


# --- units, qualifiers, tolerance --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "unit"),
    [
        ("2.568 orang", "orang"),
        ("12 Org", "orang"),
        ("3 Dokumen", "dokumen"),
        ("5 point", "poin"),
        ("4 Laporan", "laporan"),
        ("2 kali", "kali"),
        ("22 Kab/Kota", "kab/kota"),
        ("27 OPD", "opd"),
        ("1.200 Ha", "ha"),
        ("33 km", "km"),
        ("12 bulan", "bulan"),
        ("1 Layanan", "layanan"),
        ("1 Paket", "paket"),
        ("5 rekomendasi", "rekomendasi"),
    ],
)
def test_units_are_normalised(raw, unit):
    f = parse_figure(raw, style=S.ID)
    assert f.kind == K.NUMBER and f.unit == unit and f.value is not None


def test_unknown_trailing_word_is_text():
    assert parse_figure("2 Meningkatnya").kind == K.TEXT
    assert parse_figure("2023 Target").kind == K.TEXT


@pytest.mark.parametrize(
    ("raw", "qualifier", "value", "kind"),
    [
        ("> 100", ">", D(100), K.NUMBER),
        (">100", ">", D(100), K.NUMBER),
        ("≥ 80", ">=", D(80), K.NUMBER),
        ("<= 5", "<=", D(5), K.NUMBER),
        ("≤5%", "<=", D(5), K.PERCENT),
        ("min. 80", ">=", D(80), K.NUMBER),
        ("Minimal 80 %", ">=", D(80), K.PERCENT),
        ("maks 5", "<=", D(5), K.NUMBER),
        ("± 2,5", "±", D("2.5"), K.NUMBER),
        ("kurang dari 10", "<", D(10), K.NUMBER),
    ],
)
def test_qualifiers(raw, qualifier, value, kind):
    f = parse_figure(raw)
    assert (f.kind, f.qualifier, f.value) == (kind, qualifier, value)


@pytest.mark.parametrize(
    "raw",
    [
        "54. 166.493.000",
        "54 .166.493.000",
        "54.\u00a0166.493.000",
        "\u00a054.166.493.000\u2009",
        "54.166.493.000*",
        "54.166.493.000*)",
        "54.166.493.000;",
        "54.166.493.000\u200b",
    ],
)
def test_pdf_noise_is_tolerated(raw):
    assert _vd(raw) == (K.NUMBER, D(54166493000), 0)


def test_single_stray_space_after_a_separator_is_not_joined():
    assert parse_figure("1, 2").kind == K.TEXT


def test_trailing_punctuation():
    assert parse_figure("2.613 orang,", style=S.ID).value == D(2613)
    assert _vd("99,82%.") == (K.PERCENT, D("99.82"), 2)


def test_prose_and_long_strings_are_text():
    assert parse_figure("Jumlah guru yang mengikuti program pendidikan").kind == K.TEXT
    assert parse_figure("1" * 500).kind == K.TEXT
    assert parse_figure("Kab. Sumba Barat Daya").kind == K.TEXT


def test_numeral_with_wrong_words_keeps_the_digits():
    # The mismatch is a rule's business (numeral_with_words); the figure is the printed digits.
    assert _vd("5 (enam)") == (K.NUMBER, D(5), 0)


def test_same_input_gives_equal_figures():
    assert parse_figure("101,75 %") == parse_figure("101,75 %")
    assert parse_figure("1.500", style=S.ID) != parse_figure("1.500", style=S.EN)
