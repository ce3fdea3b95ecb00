"""Patterns of the narrative pipeline, kept as data: value entities (EntityRuler) and cue phrases (Matcher).

Cue labels say what the figure that follows a phrase is (``TARGET``, ``REAL``, ``CAPAIAN``, ``CHANGE_UP``
...); labels starting with ``CTX_`` only mark the sentence (future tense, cumulative, "tabel di atas", ...).
All phrase matching is on lower-case text.
"""

from __future__ import annotations

from typing import Any

MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agt": 8, "agu": 8, "ags": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "des": 12,
}  # fmt: skip
NUMBER_WORDS = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
    "sebelas", "belas", "puluh", "ratus", "seratus", "ribu", "seribu", "juta", "sejuta", "miliar", "milyar",
    "triliun", "trilyun", "koma", "persen", "rupiah", "setengah",
]  # fmt: skip
GRADES = ["AA", "A", "BB", "B", "CC", "C", "D"]
SCALE_WORDS = ["ribu", "rb", "juta", "jt", "miliar", "milyar", "m", "triliun", "trilyun", "t", "m.", "jt."]

_NUM = {"TEXT": {"REGEX": r"^\d[\d.,]*$"}}
_YEAR = {"TEXT": {"REGEX": r"^(?:19[89]\d|20[0-4]\d)$"}}
_DAY = {"TEXT": {"REGEX": r"^(?:0?[1-9]|[12]\d|3[01])$"}}
_MONTH = {"LOWER": {"IN": sorted(MONTHS)}}
_WORD = {"LOWER": {"IN": NUMBER_WORDS}}


def _ent(label: str, *patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"label": label, "pattern": p} for p in patterns]


ENTITY_PATTERNS: list[dict[str, Any]] = [
    *_ent(
        "MONEY",
        [
            {"LOWER": {"IN": ["rp", "rp."]}},
            {"TEXT": ".", "OP": "?"},
            _NUM,
            {"LOWER": {"IN": SCALE_WORDS}, "OP": "?"},
        ],
        [_NUM, {"LOWER": {"IN": ["juta", "miliar", "milyar", "triliun", "trilyun"]}}, {"LOWER": "rupiah"}],
    ),
    *_ent("PERCENT", [_NUM, {"TEXT": "%"}], [_NUM, {"LOWER": "persen"}]),
    *_ent("DATE", [_DAY, _MONTH, _YEAR]),
    *_ent("MONTH_YEAR", [{"LOWER": "bulan", "OP": "?"}, _MONTH, {"LOWER": "tahun", "OP": "?"}, _YEAR]),
    *_ent(
        "YEAR_RANGE",
        [_YEAR, {"TEXT": {"IN": ["-", "–", "—", "/", "s.d.", "s.d", "s/d", "sampai", "hingga"]}}, _YEAR],
        [_YEAR, {"TEXT": "s"}, {"TEXT": "."}, {"TEXT": "d"}, {"TEXT": ".", "OP": "?"}, _YEAR],
    ),
    *_ent("YEAR", [_YEAR]),
    *_ent(
        "IND_CODE",
        [{"TEXT": "(", "OP": "?"}, {"LOWER": {"IN": ["ikk", "iku", "ikp", "ikss", "iksk", "iksp", "ikd"]}},
         {"TEXT": ")", "OP": "?"}, {"TEXT": {"REGEX": r"^\d+(?:\.\d+)*$"}}],
    ),
    *_ent(
        "NUMWORDS",
        [_NUM, {"TEXT": "%", "OP": "?"}, {"TEXT": "("}, _WORD, {"LOWER": {"IN": NUMBER_WORDS}, "OP": "*"},
         {"TEXT": ")"}],
        [{"LOWER": {"IN": ["rp", "rp."]}}, {"TEXT": ".", "OP": "?"}, _NUM, {"TEXT": {"IN": [",", ",-", "-"]},
         "OP": "*"}, {"TEXT": "("}, _WORD, {"LOWER": {"IN": NUMBER_WORDS}, "OP": "*"}, {"TEXT": ")"}],
        [_WORD, {"LOWER": {"IN": NUMBER_WORDS}, "OP": "*"}, {"TEXT": "("}, _NUM, {"TEXT": ")"}],
    ),
]  # fmt: skip


def _seq(*words: str) -> list[dict[str, Any]]:
    """A pattern from space-separated lower-case words; "a|b" is a choice, "x?" optional."""
    out: list[dict[str, Any]] = []
    for w in words:
        opt = w.endswith("?")
        w = w.rstrip("?")
        spec: dict[str, Any] = {"LOWER": {"IN": w.split("|")}} if "|" in w else {"LOWER": w}
        if opt:
            spec["OP"] = "?"
        out.append(spec)
    return out


_RENSTRA = "renstra|rpjmd|rpjm|rencana"
CUE_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "RENSTRA_END": [
        _seq("target|sasaran", "capaian|kinerja?", "akhir", "periode?", _RENSTRA),
        _seq("target|sasaran", "akhir", "periode?", _RENSTRA),
        _seq("target", "kinerja|capaian?", "akhir", "tahun?"),
        _seq("target", _RENSTRA, "tahun?", "akhir"),
        _seq("akhir", "periode?", _RENSTRA),
    ],
    "TARGET": [
        _seq("target|ditargetkan|targetnya"),
        _seq("target", "kinerja"),
        _seq("target", "capaian|pencapaian"),
        _seq("target", "yang", "ditetapkan"),
        _seq("dari", "target"),
    ],
    "REAL": [
        _seq("realisasi|terealisasi|direalisasikan|realisasinya|tercapai|dicapai|terealisir"),
        _seq("realisasi", "capaian|capaiannya", "kinerja?"),
        _seq("realisasi", "target", "capaian?"),
        _seq("realisasi", "kinerja"),
        _seq("capaian", "kinerja", "adalah"),
        _seq("hasil", "capaian"),
    ],
    "REACH": [_seq("mencapai|sebanyak|berjumlah")],
    "CAPAIAN": [
        _seq("capaian|pencapaian|persentase|prosentase|presentase"),
        _seq("capaian", "kinerja"),
        _seq("persentase|prosentase|presentase|tingkat", "capaian|pencapaian", "kinerja?"),
        _seq("dengan", "persentase|prosentase|capaian"),
        _seq("capaian|pencapaian", "target|targetnya"),
        _seq("capaiannya|pencapaiannya"),
        _seq("realisasi|capaian", "terhadap", "target|targetnya"),
    ],
    # A figure of something other than the indicator: its sasaran, or a national / other benchmark.
    "OTHER": [
        _seq("capaian|pencapaian|ketercapaian|ketercapaiannya|target", "sasaran", "strategis|stratejik?"),
        _seq("capaian|pencapaian|rata-rata|angka|target|tingkat", "nasional|internasional|dunia|global"),
    ],
    "CHANGE_UP": [
        _seq("meningkat|peningkatan|kenaikan|naik|bertambah|penambahan|lebih|surplus"),
        _seq("mengalami", "peningkatan|kenaikan"),
    ],
    "CHANGE_DOWN": [
        _seq("menurun|penurunan|turun|berkurang|pengurangan|kurang|defisit"),
        _seq("mengalami", "penurunan"),
    ],
    "CHANGE": [_seq("selisih|perubahan|pertumbuhan")],
    "COMPARE": [
        _seq("dibandingkan|dibanding|daripada|dibandingkan", "dengan?"),
        _seq("jika|bila|apabila", "dibandingkan|dibanding", "dengan?"),
    ],
    "PAGU": [
        _seq("pagu", "anggaran?"),
        _seq("alokasi", "anggaran?"),
        _seq("dipa|dpa|anggarannya"),
        _seq("total|jumlah", "anggaran"),
        _seq("anggaran", "sebesar"),
        _seq("dianggarkan|dialokasikan"),
    ],
    "REAL_ANGGARAN": [
        _seq("realisasi", "anggaran|keuangan|belanja"),
        _seq("penyerapan|terserap|serapan|menyerap|diserap"),
        _seq("penggunaan", "anggaran"),
        _seq("realisasi", "penyerapan", "anggaran?"),
    ],
    "DAYA_SERAP": [_seq("daya", "serap"), _seq("persentase|tingkat", "penyerapan|serapan")],
    "SCORE": [_seq("nilai|skor|score|indeks")],
    "PREDICATE": [_seq("predikat|kategori|kriteria|grade")],
    "CTX_FUTURE": [
        _seq("akan|diharapkan|direncanakan|rencana|proyeksi|diproyeksikan|prediksi|perkiraan|diperkirakan"),
    ],
    "CTX_CUMUL": [_seq("kumulatif|akumulasi|akumulatif|total|keseluruhan|rata-rata|rerata|rataan")],
    "CTX_RATA": [_seq("rata", "-", "rata"), _seq("rata-rata|rerata|rataan")],
    "CTX_PART": [
        _seq("angkatan|tahap|gelombang|triwulan|semester|tw|bulan|periode|kabupaten|kecamatan|kelurahan|"
             "desa|jenjang|kelas|sekolah|wilayah|lokasi|per|masing-masing|sebagian|sub|kegiatan|program|"
             "sampai|s.d.|s.d|s/d|hingga|sebelumnya|semula|awal|perubahan|revisi"),
    ],
    "CTX_TABLE_REF": [
        _seq("tabel|grafik|gambar|diagram", "di|diatas|tersebut|berikut"),
        _seq("tabel|grafik|gambar|diagram", "di", "atas"),
    ],
    "CTX_ACHIEVED": [
        _seq("telah|sudah|berhasil?", "melebihi|melampaui|mencapai|memenuhi", "target"),
        _seq("melebihi|melampaui", "target"),
        _seq("target", "tercapai|terlampaui"),
    ],
    "CTX_NOT_ACHIEVED": [
        _seq("belum|tidak", "dapat?", "mencapai|memenuhi|tercapai|terpenuhi|dicapai", "target?"),
        _seq("target", "belum|tidak", "tercapai|terpenuhi|dicapai"),
    ],
    "CTX_FOUNDED": [
        _seq("dibentuk|didirikan|berdiri|terbentuk|diresmikan|beroperasi|berdirinya|pembentukan"),
    ],
    "CTX_STAFF": [_seq("pegawai|sdm|asn|personil|personel|karyawan"), _seq("sumber", "daya", "manusia")],
    "CTX_STAFF_PART": [
        _seq("pns|ppnpn|pppk|honorer|fungsional|struktural|pelaksana|widyaprada|widyaiswara|laki-laki|"
             "perempuan|pria|wanita|s1|s2|s3|d3|sma|slta|golongan|mutasi|pensiun|pindah|baru|eselon|kontrak|"
             "non|outsourcing|cleaning|satpam|pengamanan|administrasi|pengemudi"),
    ],
    "CTX_REGION": [_seq("wilayah|melingkupi|meliputi|mencakup|cakupan")],
}  # fmt: skip
