"""parse_figure on strings copied from real reports.

Sources: "seed" = /work/shared/seeds/lakip_bgp_ntt_2023.md (LAKIP BGP NTT 2023; its tables are tab-separated
lines); the others are corpus PDFs (file stem, page), cells as pdfplumber extracted them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakipcheck.numbers import FigureKind as K
from lakipcheck.numbers import NumberStyle as S
from lakipcheck.numbers import parse_figure

D = Decimal

# (source, raw, column header or None, style or None, expected kind, expected value, decimals, extra fields)
CASES = [
    # --- seed: indicator tables -------------------------------------------------------------------------
    ("seed", "2568", "Target", None, K.NUMBER, D(2568), 0, {"style": S.PLAIN}),
    ("seed", "101,75", "% Capaian", None, K.PERCENT, D("101.75"), 2, {"style": S.ID}),
    ("seed", "87,5", "% Capaian", None, K.PERCENT, D("87.5"), 1, {}),
    ("seed", "93,34", "Realisasi", None, K.NUMBER, D("93.34"), 2, {}),
    ("seed", "1991 orang", None, None, K.NUMBER, D(1991), 0, {"unit": "orang"}),
    ("seed", "2.568 orang", None, S.ID, K.NUMBER, D(2568), 0, {"unit": "orang", "style": S.ID}),
    ("seed", "2.613 orang", None, None, K.NUMBER, D(2613), 0, {"unit": "orang", "style": S.AMBIGUOUS}),
    ("seed", "28.602 orang", None, S.ID, K.NUMBER, D(28602), 0, {"unit": "orang"}),
    ("seed", "101,75 %", None, None, K.PERCENT, D("101.75"), 2, {}),
    ("seed", "47,80 %", None, None, K.PERCENT, D("47.80"), 2, {}),
    ("seed", "71,26%", None, None, K.PERCENT, D("71.26"), 2, {}),
    ("seed", "BB", "Target PK 2023", None, K.PREDICATE, None, None, {"predicate": "BB"}),
    ("seed", "B", "Realisasi", None, K.PREDICATE, None, None, {"predicate": "B"}),
    ("seed", "-", "Target PK 2022", None, K.MISSING, None, None, {}),
    ("seed", "0,249", "TW 1", None, K.NUMBER, D("0.249"), 3, {"style": S.ID}),
    ("seed", "0,747", "TW 3", None, K.NUMBER, D("0.747"), 3, {"style": S.ID}),
    ("seed", "> 90 - 100", "Nilai", None, K.RANGE, None, 0, {"low": D(90), "high": D(100), "qualifier": ">"}),
    ("seed", "<b>357</b>", "Total", None, K.NUMBER, D(357), 0, {}),
    ("seed", "[IKK 2.1] Predikat SAKIP BGP Provinsi Nusa Tenggara Timur", None, None, K.TEXT, None, None, {}),
    ("seed", "TW 1", None, None, K.TEXT, None, None, {}),
    ("seed", "Jml SP Angk. 2", None, None, K.TEXT, None, None, {}),
    # --- seed: budget tables (ID, EN and mixed in one report) ---------------------------------------------
    ("seed", "62.801.028.000", "Anggaran", None, K.RUPIAH, D(62801028000), 0, {"style": S.ID}),
    ("seed", "<b>67.742.150.000</b>", "Anggaran", None, K.RUPIAH, D(67742150000), 0, {}),
    ("seed", "49.048.417.602", "REALISASI (Rp)", None, K.RUPIAH, D(49048417602), 0, {}),
    ("seed", "99.85", "%", None, K.PERCENT, D("99.85"), 2, {"style": S.EN}),
    ("seed", "<b>99.82</b>", "%", None, K.PERCENT, D("99.82"), 2, {}),
    ("seed", "Rp. 62.801.028.000", "Alokasi", None, K.RUPIAH, D(62801028000), 0, {}),
    ("seed", "<b>Rp. 67.742.150.000</b>", None, None, K.RUPIAH, D(67742150000), 0, {}),
    ("seed", "Rp. 211.200.000", None, None, K.RUPIAH, D(211200000), 0, {"style": S.ID}),
    ("seed", "<b>13,040,047,000</b>", "Anggaran", None, K.RUPIAH, D(13040047000), 0, {"style": S.EN}),
    ("seed", "223,342,000", "Anggaran", None, K.RUPIAH, D(223342000), 0, {"style": S.EN}),
    ("seed", "<b>200.000.000</b>", "Anggaran", None, K.RUPIAH, D(200000000), 0, {"style": S.ID}),
    # --- seed: prose phrases --------------------------------------------------------------------------------
    ("seed", "Rp54.166.493.000", None, None, K.RUPIAH, D(54166493000), 0, {}),
    ("seed", "Rp 9.923.301.517", None, None, K.RUPIAH, D(9923301517), 0, {}),
    ("seed", "99.82%.", None, None, K.PERCENT, D("99.82"), 2, {}),
    ("seed", "47,80%.", None, None, K.PERCENT, D("47.80"), 2, {}),
    ("seed", "18.32%", None, None, K.PERCENT, D("18.32"), 2, {}),
    ("seed", "93,34.", None, None, K.NUMBER, D("93.34"), 2, {}),
    ("seed", "54.166.493.000.", None, None, K.NUMBER, D(54166493000), 0, {}),
    ("seed", "1-2", None, None, K.RANGE, None, 0, {"low": D(1), "high": D(2)}),
    ("seed", "48 (empat puluh delapan) orang", None, None, K.NUMBER, D(48), 0, {"unit": "orang"}),
    ("seed", "21 (dua puluh satu)", None, None, K.NUMBER, D(21), 0, {}),
    ("seed", "No.4831/2023", None, None, K.TEXT, None, None, {}),
    # --- corpus PDFs ---------------------------------------------------------------------------------------
    ("lkip_jabar_dispenda_2016_bab3 p28", "557,134,410,00", None, None, K.NUMBER, D("557134410.00"), 2, {}),
    ("lkip_jabar_inspektorat_2016_bab3 p17", "2.519.080,00", None, None, K.NUMBER, D("2519080.00"), 2, {}),
    (
        "lkip_jabar_diskanlaut_2016_lampiran3 p3",
        "2,165,770,000.00",
        "Anggaran (Rp)",
        None,
        K.RUPIAH,
        D("2165770000.00"),
        2,
        {"style": S.EN},
    ),
    ("lkip_jabar_inspektorat_2016_bab3 p4", "22,30%", None, None, K.PERCENT, D("22.30"), 2, {}),
    ("lkip_jabar_inspektorat_2016_bab3 p15", "99,2%", "99,7 %", None, K.PERCENT, D("99.2"), 1, {}),
    ("lkip_jabar_dispenda_2016_bab3 p15", "294 hari", None, None, K.NUMBER, D(294), 0, {"unit": "hari"}),
    ("lkip_jabar_dispenda_2016_bab3 p17", "15 lokasi", None, None, K.NUMBER, D(15), 0, {"unit": "lokasi"}),
    ("lkip_jabar_dispenda_2016_bab3 p17", "4,704 jam", None, S.EN, K.NUMBER, D(4704), 0, {"unit": "jam"}),
    (
        "lkip_jabar_diskanlaut_2016_lampiran3 p1",
        "149 kasus",
        None,
        None,
        K.NUMBER,
        D(149),
        0,
        {"unit": "kasus"},
    ),
    ("lkip_jabar_disperindag_2016 p24", "1500\nOrg", None, None, K.NUMBER, D(1500), 0, {"unit": "orang"}),
    ("lkip_jabar_disnak_2016 p28", "-20,44", "%\nPening\nkatan", None, K.PERCENT, D("-20.44"), 2, {}),
    ("lkip_jabar_disperindag_2016 p35", "(104.66)", None, None, K.NUMBER, D("-104.66"), 2, {}),
    (
        "lkip_jabar_dispenda_2016_bab3 p7",
        "(28.78)",
        "Kenaikan\nPendapatan\nDaerah (%)",
        None,
        K.PERCENT,
        D("-28.78"),
        2,
        {},
    ),
    (
        "lkip_jabar_disperindag_2016 p23",
        "207.31\nTriliun\nRupiah",
        None,
        None,
        K.RUPIAH,
        D("207310000000000"),
        2,
        {"scale": 10**12},
    ),
    # "Pajak Bahan Bakar Rupiah 1.834 T 2.119 T 115.54": 2.119 / 1.834 = 115.54 %, so 1.834 trillion.
    (
        "lkip_jabar_dispenda_2016_bab3 p3",
        "1.834 T",
        None,
        None,
        K.RUPIAH,
        D("1834000000000"),
        3,
        {"scale": 10**12, "style": S.AMBIGUOUS},
    ),
    ("lkip_jabar_dispenda_2016_bab3 p10", "1 .471.455", "REALISASI", None, K.NUMBER, D(1471455), 0, {}),
    ("lkip_jabar_dispenda_2016_bab3 p10", "4 3.243", None, None, K.TEXT, None, None, {}),
    ("lakip_provsu_2020 p26", "50 – 59,9", None, None, K.RANGE, None, 0, {"low": D(50), "high": D("59.9")}),
    ("lakip_provsu_2020 p26", "0 – 49,9", None, None, K.RANGE, None, 0, {"low": D(0), "high": D("49.9")}),
    ("lakip_provsu_2020 p36", "0,02", "Persentase", None, K.PERCENT, D("0.02"), 2, {}),
    ("lakip_provsu_2020 p23", "6.", None, None, K.NUMBER, D(6), 0, {}),
    ("lakip_provsu_2020 p37", "111004,,4345", None, None, K.TEXT, None, None, {}),
    ("lkip_jabar_disnak_2016 p19", "352,390*", "Realisasi", S.ID, K.NUMBER, D("352.390"), 3, {}),
    ("lkip_jabar_disnak_2016 p19", "84,11 (B)", None, None, K.PREDICATE, D("84.11"), 2, {"predicate": "B"}),
    ("lkip_jabar_inspektorat_2016_bab3 p12", "CC", None, None, K.PREDICATE, None, None, {"predicate": "CC"}),
    ("lkip_jabar_inspektorat_2016_bab3 p16", "A.", None, None, K.TEXT, None, None, {}),
    ("lkip_jabar_dispenda_2016_bab3 p7", "1.1.2.", "NO.", None, K.TEXT, None, None, {}),
    ("lkip_jabar_dispenda_2016_bab3 p4", "1:284", None, None, K.TEXT, None, None, {}),
    ("lkip_jabar_disperindag_2016 p32", "III - 2", None, None, K.TEXT, None, None, {}),
    ("lkip_jabar_disperindag_2016 p28", "0rang", None, None, K.TEXT, None, None, {}),
    ("lkip_jabar_inspektorat_2016_bab3 text", "NA", None, None, K.MISSING, None, None, {}),
]


@pytest.mark.parametrize(
    ("source", "raw", "hint", "style", "kind", "value", "decimals", "extra"),
    CASES,
    ids=[f"{c[0]}:{c[1]!r}" for c in CASES],
)
def test_real_cell(source, raw, hint, style, kind, value, decimals, extra):
    fig = parse_figure(raw, style=style, column_hint=hint)
    assert fig.raw == raw
    assert fig.kind == kind, fig
    assert fig.value == value, fig
    assert fig.decimals == decimals, fig
    for key, want in extra.items():
        assert getattr(fig, key) == want, (key, fig)


def _sum(cells: list[str], hint: str) -> Decimal:
    return sum((parse_figure(c, column_hint=hint).value for c in cells), Decimal(0))


def test_seed_budget_table_adds_up_in_indonesian_format():
    """Seed, 'Kode / Nama Kegiatan / Anggaran': 49.119.478.000 + 5.047.015.000 = 54.166.493.000."""
    assert (
        _sum(["49.119.478.000", "5.047.015.000"], "Anggaran") == parse_figure("<b>54.166.493.000</b>").value
    )


def test_seed_mixed_format_budget_table_adds_up():
    """Seed, 'RO / Komponen ... Anggaran': English groups plus one Indonesian '200.000.000' in one column."""
    cells = [
        "13,040,047,000",
        "34,733,045,000",
        "1,346,386,000",
        "147,312,000",
        "4,699,703,000",
        "200.000.000",
    ]
    assert _sum(cells, "Anggaran") == parse_figure("54,166,493,000").value == Decimal(54166493000)


def test_seed_capaian_is_realisasi_over_target():
    """Seed IKK 1.1: 2.613 / 2.568 = 101,75 % (to two decimals), read from the printed strings."""
    target = parse_figure("2.568 orang", style=S.ID).value
    real = parse_figure("2.613 orang", style=S.ID).value
    capaian = parse_figure("101,75 %")
    assert round(real / target * 100, capaian.decimals) == capaian.value
