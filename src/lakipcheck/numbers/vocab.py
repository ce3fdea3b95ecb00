"""Words the figure parser knows: units, scale words, qualifiers, missing markers, grades, column-header cues.

Everything the parser recognises by name lives here, so extending it is a one-line change. Keys are
lower-case.
"""

from __future__ import annotations

from types import MappingProxyType

# Units printed after a number, mapped to their normal form. Collected from the words that follow numbers
# in the corpus reports (orang, unit, laporan, dokumen, kali, km, kasus, poin, buah, ekor, lokasi, jam ...).
_UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "orang": ("orang", "org", "org.", "0rang"),
    "orang/hari": ("orang/hari", "oh"),
    "jiwa": ("jiwa",),
    "kk": ("kk", "keluarga", "kepala keluarga", "rumah tangga", "rtm"),
    "peserta": ("peserta",),
    "pegawai": ("pegawai", "asn", "pns"),
    "guru": ("guru",),
    "siswa": ("siswa", "murid"),
    "nilai": ("nilai",),
    "skor": ("skor", "score"),
    "poin": ("poin", "point", "pt", "pts"),
    "indeks": ("indeks", "index"),
    "level": ("level",),
    "dokumen": ("dokumen", "dok", "dok."),
    "laporan": ("laporan", "lap", "lap."),
    "rekomendasi": ("rekomendasi",),
    "kegiatan": ("kegiatan", "keg", "keg."),
    "kali": ("kali", "x"),
    "unit": ("unit",),
    "buah": ("buah", "bh", "bh."),
    "paket": ("paket", "pkt"),
    "layanan": ("layanan",),
    "lembaga": ("lembaga",),
    "sekolah": ("sekolah",),
    "desa": ("desa", "desa/kelurahan", "desa/kel", "kelurahan"),
    "kecamatan": ("kecamatan", "kec", "kec."),
    "kab/kota": ("kab/kota", "kabupaten/kota", "kab./kota", "kota/kab", "kota/kabupaten"),
    "kabupaten": ("kabupaten", "kab", "kab."),
    "kota": ("kota",),
    "provinsi": ("provinsi", "prov", "prov."),
    "opd": ("opd", "skpd", "perangkat daerah"),
    "puskesmas": ("puskesmas",),
    "rumah sakit": ("rumah sakit", "rs"),
    "perusahaan": ("perusahaan",),
    "koperasi": ("koperasi",),
    "umkm": ("umkm", "ukm", "ikm"),
    "wub": ("wub",),
    "unit usaha": ("unit usaha", "usaha"),
    "kelompok": ("kelompok", "klp"),
    "lokasi": ("lokasi", "titik"),
    "kawasan": ("kawasan",),
    "sentra": ("sentra",),
    "pasar": ("pasar",),
    "rumah": ("rumah", "unit rumah"),
    "wajib pajak": ("wajib pajak", "wp"),
    "wajib retribusi": ("wajib retribusi", "wr"),
    "ruas": ("ruas",),
    "kasus": ("kasus",),
    "sampel": ("sampel", "sample"),
    "produk": ("produk",),
    "inovasi": ("inovasi",),
    "sertifikat": ("sertifikat",),
    "izin": ("izin", "ijin"),
    "judul": ("judul",),
    "naskah": ("naskah",),
    "lembar": ("lembar", "eksemplar", "eks", "eks."),
    "set": ("set",),
    "ekor": ("ekor",),
    "hari": ("hari", "hr"),
    "bulan": ("bulan", "bln"),
    "tahun": ("tahun", "thn", "th"),
    "jam": ("jam",),
    "menit": ("menit",),
    "ha": ("ha", "hektar", "hektare"),
    "km": ("km", "kilometer"),
    "km2": ("km2", "km²"),
    "m": ("m", "meter"),
    "m2": ("m2", "m²"),
    "m3": ("m3", "m³"),
    "ton": ("ton",),
    "kg": ("kg",),
    "liter": ("liter", "ltr"),
    "kwh": ("kwh",),
    "mw": ("mw",),
    "kkal/kapita/hari": ("kkal/kapita/hari",),
    "predikat": ("predikat",),
}

UNITS: MappingProxyType[str, str] = MappingProxyType(
    {alias: norm for norm, aliases in _UNIT_FORMS.items() for alias in aliases}
)

# Words that mark a percentage when printed after the number.
PERCENT_WORDS = frozenset({"%", "persen", "prosen", "pct"})

# Words that mark money when printed after the number ("207,31 Triliun Rupiah").
RUPIAH_WORDS = frozenset({"rupiah", "rp", "rp.", "idr"})

# Scale words after the number. Single capitals "M"/"T" are only scale words in capitals (or after "Rp"):
# a lower-case "m" after a number is metres.
SCALE_WORDS: MappingProxyType[str, int] = MappingProxyType(
    {
        "ribu": 10**3,
        "rb": 10**3,
        "rb.": 10**3,
        "juta": 10**6,
        "jt": 10**6,
        "jt.": 10**6,
        "miliar": 10**9,
        "milyar": 10**9,
        "mlyr": 10**9,
        "triliun": 10**12,
        "trilyun": 10**12,
        "tn": 10**12,
    }
)
SCALE_LETTERS: MappingProxyType[str, int] = MappingProxyType({"M": 10**9, "T": 10**12})

# Comparison words printed before a number, mapped to the qualifier symbol stored on the Figure.
QUALIFIERS: MappingProxyType[str, str] = MappingProxyType(
    {
        ">": ">",
        "<": "<",
        ">=": ">=",
        "=>": ">=",
        "≥": ">=",
        "<=": "<=",
        "=<": "<=",
        "≤": "<=",
        "±": "±",
        "+/-": "±",
        "+-": "±",
        "min": ">=",
        "min.": ">=",
        "minimal": ">=",
        "minimum": ">=",
        "paling sedikit": ">=",
        "sekurang-kurangnya": ">=",
        "sekurangnya": ">=",
        "setidaknya": ">=",
        "maks": "<=",
        "maks.": "<=",
        "max": "<=",
        "max.": "<=",
        "maksimal": "<=",
        "maksimum": "<=",
        "paling banyak": "<=",
        "setinggi-tingginya": "<=",
        "lebih dari": ">",
        "di atas": ">",
        "diatas": ">",
        "kurang dari": "<",
        "di bawah": "<",
        "dibawah": "<",
    }
)

# Whole-cell strings that mean "no value" (compared lower-cased, whitespace collapsed, trailing '.' kept).
MISSING_MARKERS = frozenset(
    {
        "",
        "na",
        "n/a",
        "n.a",
        "n.a.",
        "#n/a",
        "belum ada",
        "belum ada data",
        "tidak ada data",
        "data tidak tersedia",
        "data belum tersedia",
        "belum tersedia",
        "belum diukur",
        "tidak diukur",
        "belum dilakukan pengukuran",
        "tidak tersedia",
    }
)

# SAKIP grades (PermenPAN-RB 88/2021): AA > A > BB > B > CC > C > D.
GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")

# Interpretations printed next to a grade ("BB (Sangat Baik)").
GRADE_WORDS = frozenset(
    {
        "sangat memuaskan",
        "memuaskan",
        "sangat baik",
        "baik",
        "cukup",
        "cukup (memadai)",
        "memadai",
        "kurang",
        "sangat kurang",
    }
)

# Column-header cues (matched against the lower-cased header; keywords of four letters or more are also
# matched with spaces removed, so a header broken as "Cap aian" still counts).
HINT_PERCENT_STRONG = ("%", "persen", "prosen", "daya serap", "dayaserap")
HINT_PERCENT_WEAK = ("capaian", "capkin")
# A "Capaian Triwulanan" column holds counts, not percentages (seen in the BGP NTT 2023 report).
HINT_PERCENT_WEAK_EXCEPT = ("triwulan", "semester", "jumlah", "volume")
HINT_RUPIAH = ("anggaran", "pagu", "alokasi", "biaya", "belanja", "dana", "rupiah")
# "Tahun Anggaran 2023" holds years and "Nilai Kinerja Anggaran" holds scores, not money.
HINT_RUPIAH_EXCEPT = ("tahun anggaran", "kinerja anggaran", "kode", "sumber dana")
HINT_PREDICATE = ("predikat", "sakip", "grade", "nilai akip")
HINT_NUMBERING = frozenset({"no", "no.", "no,", "#", "nomor", "kode", "urut", "no urut"})
