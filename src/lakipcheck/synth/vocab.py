"""Vocabulary for synthetic LAKIPs: places, agency types, sasaran and indicator templates, kegiatan names."""

from __future__ import annotations

from dataclasses import dataclass

# province -> (capital, kabupaten/kota; names without "Kota" are kabupaten)
PROVINCES: dict[str, tuple[str, list[str]]] = {
    "Nusa Tenggara Timur": (
        "Kupang",
        [
            "Sumba Barat Daya",
            "Sumba Barat",
            "Sumba Tengah",
            "Sumba Timur",
            "Sabu Raijua",
            "Rote Ndao",
            "Kota Kupang",
            "Kupang",
            "Timor Tengah Selatan",
            "Malaka",
            "Timor Tengah Utara",
            "Belu",
            "Alor",
            "Lembata",
            "Flores Timur",
            "Sikka",
            "Ende",
            "Nagekeo",
            "Ngada",
            "Manggarai Timur",
            "Manggarai",
            "Manggarai Barat",
        ],
    ),
    "Nusa Tenggara Barat": (
        "Mataram",
        [
            "Kota Mataram",
            "Kota Bima",
            "Lombok Barat",
            "Lombok Tengah",
            "Lombok Timur",
            "Lombok Utara",
            "Sumbawa Barat",
            "Sumbawa",
            "Dompu",
            "Bima",
        ],
    ),
    "Bali": (
        "Denpasar",
        [
            "Kota Denpasar",
            "Badung",
            "Bangli",
            "Buleleng",
            "Gianyar",
            "Jembrana",
            "Karangasem",
            "Klungkung",
            "Tabanan",
        ],
    ),
    "Jawa Tengah": (
        "Semarang",
        [
            "Cilacap",
            "Banyumas",
            "Purbalingga",
            "Banjarnegara",
            "Kebumen",
            "Purworejo",
            "Wonosobo",
            "Magelang",
            "Boyolali",
            "Klaten",
            "Sukoharjo",
            "Wonogiri",
            "Karanganyar",
            "Sragen",
            "Grobogan",
            "Blora",
            "Rembang",
            "Pati",
            "Kudus",
            "Jepara",
            "Demak",
            "Semarang",
            "Temanggung",
            "Kendal",
            "Batang",
            "Pekalongan",
            "Pemalang",
            "Tegal",
            "Brebes",
            "Kota Magelang",
            "Kota Surakarta",
            "Kota Salatiga",
            "Kota Semarang",
            "Kota Pekalongan",
            "Kota Tegal",
        ],
    ),
    "Jawa Timur": (
        "Surabaya",
        [
            "Pacitan",
            "Ponorogo",
            "Trenggalek",
            "Tulungagung",
            "Blitar",
            "Kediri",
            "Malang",
            "Lumajang",
            "Jember",
            "Banyuwangi",
            "Bondowoso",
            "Situbondo",
            "Probolinggo",
            "Pasuruan",
            "Sidoarjo",
            "Mojokerto",
            "Jombang",
            "Nganjuk",
            "Madiun",
            "Magetan",
            "Ngawi",
            "Bojonegoro",
            "Tuban",
            "Lamongan",
            "Gresik",
            "Bangkalan",
            "Sampang",
            "Pamekasan",
            "Sumenep",
            "Kota Kediri",
            "Kota Blitar",
            "Kota Malang",
            "Kota Probolinggo",
            "Kota Pasuruan",
            "Kota Mojokerto",
            "Kota Madiun",
            "Kota Surabaya",
            "Kota Batu",
        ],
    ),
    "Sulawesi Selatan": (
        "Makassar",
        [
            "Kepulauan Selayar",
            "Bulukumba",
            "Bantaeng",
            "Jeneponto",
            "Takalar",
            "Gowa",
            "Sinjai",
            "Maros",
            "Pangkajene dan Kepulauan",
            "Barru",
            "Bone",
            "Soppeng",
            "Wajo",
            "Sidenreng Rappang",
            "Pinrang",
            "Enrekang",
            "Luwu",
            "Tana Toraja",
            "Luwu Utara",
            "Luwu Timur",
            "Toraja Utara",
            "Kota Makassar",
            "Kota Parepare",
            "Kota Palopo",
        ],
    ),
    "Kalimantan Barat": (
        "Pontianak",
        [
            "Sambas",
            "Bengkayang",
            "Landak",
            "Mempawah",
            "Sanggau",
            "Ketapang",
            "Sintang",
            "Kapuas Hulu",
            "Sekadau",
            "Melawi",
            "Kayong Utara",
            "Kubu Raya",
            "Kota Pontianak",
            "Kota Singkawang",
        ],
    ),
    "Aceh": (
        "Banda Aceh",
        [
            "Simeulue",
            "Aceh Singkil",
            "Aceh Selatan",
            "Aceh Tenggara",
            "Aceh Timur",
            "Aceh Tengah",
            "Aceh Barat",
            "Aceh Besar",
            "Pidie",
            "Bireuen",
            "Aceh Utara",
            "Aceh Barat Daya",
            "Gayo Lues",
            "Aceh Tamiang",
            "Nagan Raya",
            "Aceh Jaya",
            "Bener Meriah",
            "Pidie Jaya",
            "Kota Banda Aceh",
            "Kota Sabang",
            "Kota Langsa",
            "Kota Lhokseumawe",
            "Kota Subulussalam",
        ],
    ),
    "Maluku": (
        "Ambon",
        [
            "Kepulauan Tanimbar",
            "Maluku Tenggara",
            "Maluku Tengah",
            "Buru",
            "Kepulauan Aru",
            "Seram Bagian Barat",
            "Seram Bagian Timur",
            "Maluku Barat Daya",
            "Buru Selatan",
            "Kota Ambon",
            "Kota Tual",
        ],
    ),
}

KECAMATAN_STEMS = [
    "Sukamaju",
    "Mekarsari",
    "Tanjung Harapan",
    "Karang Anyar",
    "Sumber Rejo",
    "Banjarsari",
    "Sidomulyo",
    "Margahayu",
    "Kota Baru",
    "Air Putih",
    "Batu Ampar",
    "Sungai Raya",
    "Talang Kelapa",
    "Pulau Besar",
    "Bukit Tinggi",
    "Lubuk Raya",
    "Padang Sari",
    "Sei Rampah",
    "Teluk Dalam",
    "Rantau Panjang",
    "Tanah Merah",
    "Muara Baru",
    "Wonorejo",
    "Sumbersari",
    "Ngemplak",
    "Kebonagung",
    "Gunung Sari",
    "Labuhan",
    "Oebobo",
    "Maulafa",
    "Alak",
    "Kelapa Lima",
    "Waingapu Kota",
    "Lewa",
    "Kambera",
    "Pandawai",
    "Haharu",
    "Umalulu",
    "Rindi",
    "Pahunga Lodu",
    "Wulla Waijelu",
    "Karera",
    "Tabundung",
    "Pinupahar",
]

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

FIRST_NAMES = [
    "Yohanes",
    "Maria",
    "Siti",
    "Ahmad",
    "Agustinus",
    "Fransiska",
    "Made",
    "Nyoman",
    "Ketut",
    "Andi",
    "Muhammad",
    "Dewi",
    "Rahmat",
    "Yuliana",
    "Petrus",
    "Hendrik",
    "Nurul",
    "Stefanus",
    "Wayan",
    "Dian",
    "Bambang",
    "Sri",
    "Imelda",
    "Rudolf",
]
LAST_NAMES = [
    "Lado",
    "Bria",
    "Hidayat",
    "Saputra",
    "Ndolu",
    "Manafe",
    "Wijaya",
    "Suryani",
    "Kase",
    "Tefa",
    "Lestari",
    "Pandie",
    "Rahman",
    "Nugroho",
    "Sinaga",
    "Pasaribu",
    "Siregar",
    "Mamoh",
    "Kolo",
    "Nahak",
    "Daeng",
    "Tanjung",
    "Pratama",
    "Setiawan",
]
DEGREES = [
    "S.Pd., M.Si.",
    "S.E., M.M.",
    "S.H., M.H.",
    "S.Sos., M.AP.",
    "S.T., M.T.",
    "dr., M.Kes.",
    "S.Kom., M.Kom.",
    "S.Pd.",
    "S.E.",
    "Dr., S.Pd., M.Pd.",
]


@dataclass(frozen=True, slots=True)
class IndicatorTemplate:
    """An indicator name pattern. ``kind``: count | percent | index | score | predicate."""

    name: str
    kind: str
    unit: str
    polarity: str = "positive"
    lo: float = 0.0  # range of plausible targets
    hi: float = 100.0
    decimals: int = 0


@dataclass(frozen=True, slots=True)
class SasaranTemplate:
    name: str
    indicators: tuple[IndicatorTemplate, ...]
    kegiatan: str  # the kegiatan (budget line) that funds it


@dataclass(frozen=True, slots=True)
class AgencyType:
    key: str
    long: str  # "Balai Guru Penggerak Provinsi {prov}"
    short: str  # "BGP Provinsi {prov}"
    level: str  # "provinsi" | "kabupaten"
    head: str  # title of the head of the agency
    parent: str  # who signs the PK with the head
    ministry: str  # top line of the cover
    sasaran: tuple[SasaranTemplate, ...]
    code_prefix: str = "IKK"


T = IndicatorTemplate
S = SasaranTemplate

GOVERNANCE = S(
    "Meningkatnya tata kelola {short} yang akuntabel",
    (
        T("Predikat SAKIP {short}", "predicate", "predikat"),
        T("Nilai kinerja anggaran atas pelaksanaan RKA {short}", "score", "nilai", lo=80, hi=95, decimals=2),
        T("Indeks kepuasan masyarakat terhadap layanan {short}", "index", "indeks", lo=76, hi=90, decimals=2),
        T("Persentase realisasi anggaran {short}", "percent", "%", lo=90, hi=98, decimals=2),
        T("Jumlah temuan pemeriksaan yang belum ditindaklanjuti", "count", "temuan", "negative", lo=3, hi=25),
        T("Nilai reformasi birokrasi {short}", "score", "nilai", lo=60, hi=85, decimals=2),
    ),
    "Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya",
)

AGENCIES: tuple[AgencyType, ...] = (
    AgencyType(
        "bgp",
        "Balai Guru Penggerak Provinsi {prov}",
        "BGP Provinsi {prov}",
        "provinsi",
        "Kepala BGP Provinsi {prov}",
        "Direktur Jenderal Guru dan Tenaga Kependidikan",
        "KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI",
        (
            S(
                "Meningkatnya kompetensi guru dan tenaga kependidikan",
                (
                    T(
                        "Jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma "
                        "baru",
                        "count",
                        "orang",
                        lo=800,
                        hi=6000,
                    ),
                    T(
                        "Jumlah guru dan tenaga kependidikan yang mengikuti inovasi pembelajaran dalam "
                        "peningkatan kompetensinya",
                        "count",
                        "orang",
                        lo=2000,
                        hi=15000,
                    ),
                    T(
                        "Jumlah guru yang mengikuti program pendidikan kepemimpinan sekolah model baru",
                        "count",
                        "orang",
                        lo=300,
                        hi=2500,
                    ),
                    T(
                        "Persentase guru penggerak yang lulus pendidikan guru penggerak",
                        "percent",
                        "%",
                        lo=80,
                        hi=97,
                        decimals=2,
                    ),
                ),
                "Pendidikan dan Pelatihan Pendidik dan Tenaga Kependidikan",
            ),
            GOVERNANCE,
        ),
    ),
    AgencyType(
        "bpmp",
        "Balai Penjaminan Mutu Pendidikan Provinsi {prov}",
        "BPMP Provinsi {prov}",
        "provinsi",
        "Kepala BPMP Provinsi {prov}",
        "Sekretaris Jenderal",
        "KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI",
        (
            S(
                "Meningkatnya mutu layanan satuan pendidikan",
                (
                    T(
                        "Persentase satuan pendidikan yang menerapkan pembelajaran berbasis data rapor "
                        "pendidikan",
                        "percent",
                        "%",
                        lo=55,
                        hi=90,
                        decimals=2,
                    ),
                    T(
                        "Jumlah satuan pendidikan yang difasilitasi dalam implementasi kurikulum merdeka",
                        "count",
                        "sekolah",
                        lo=150,
                        hi=3000,
                    ),
                    T(
                        "Persentase satuan pendidikan dengan angka putus sekolah di atas batas toleransi",
                        "percent",
                        "%",
                        "negative",
                        lo=2,
                        hi=9,
                        decimals=2,
                    ),
                ),
                "Penjaminan Mutu Pendidikan",
            ),
            S(
                "Meningkatnya kapasitas pemerintah daerah dalam tata kelola pendidikan",
                (
                    T(
                        "Jumlah pemerintah daerah yang difasilitasi dalam perencanaan berbasis data",
                        "count",
                        "pemda",
                        lo=5,
                        hi=38,
                    ),
                    T(
                        "Indeks kapasitas pemerintah daerah dalam penjaminan mutu pendidikan",
                        "index",
                        "indeks",
                        lo=2,
                        hi=4,
                        decimals=2,
                    ),
                ),
                "Fasilitasi Peningkatan Mutu Pendidikan Daerah",
            ),
            GOVERNANCE,
        ),
    ),
    AgencyType(
        "balai",
        "Balai Bahasa Provinsi {prov}",
        "Balai Bahasa Provinsi {prov}",
        "provinsi",
        "Kepala Balai Bahasa Provinsi {prov}",
        "Kepala Badan Pengembangan dan Pembinaan Bahasa",
        "KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI",
        (
            S(
                "Meningkatnya pemartabatan bahasa dan sastra",
                (
                    T(
                        "Jumlah penutur muda bahasa daerah yang mengikuti revitalisasi bahasa daerah",
                        "count",
                        "orang",
                        lo=500,
                        hi=8000,
                    ),
                    T(
                        "Persentase lembaga yang mengutamakan bahasa negara di ruang publik",
                        "percent",
                        "%",
                        lo=40,
                        hi=85,
                        decimals=2,
                    ),
                    T(
                        "Jumlah produk kebahasaan dan kesastraan yang dihasilkan",
                        "count",
                        "produk",
                        lo=10,
                        hi=120,
                    ),
                    T("Indeks literasi masyarakat", "index", "indeks", lo=50, hi=75, decimals=2),
                ),
                "Pengembangan, Pembinaan, dan Pelindungan Bahasa dan Sastra",
            ),
            GOVERNANCE,
        ),
    ),
    AgencyType(
        "dinas",
        "Dinas Kesehatan Kabupaten {kab}",
        "Dinas Kesehatan Kabupaten {kab}",
        "kabupaten",
        "Kepala Dinas Kesehatan Kabupaten {kab}",
        "Bupati {kab}",
        "PEMERINTAH KABUPATEN {KAB}",
        (
            S(
                "Meningkatnya derajat kesehatan masyarakat",
                (
                    T(
                        "Angka kematian ibu per 100.000 kelahiran hidup",
                        "score",
                        "per 100.000 KH",
                        "negative",
                        lo=80,
                        hi=250,
                        decimals=0,
                    ),
                    T(
                        "Angka kematian bayi per 1.000 kelahiran hidup",
                        "score",
                        "per 1.000 KH",
                        "negative",
                        lo=8,
                        hi=25,
                        decimals=1,
                    ),
                    T("Persentase balita stunting", "percent", "%", "negative", lo=10, hi=35, decimals=2),
                    T(
                        "Persentase persalinan di fasilitas pelayanan kesehatan",
                        "percent",
                        "%",
                        lo=75,
                        hi=98,
                        decimals=2,
                    ),
                ),
                "Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
            ),
            S(
                "Meningkatnya mutu pelayanan kesehatan dasar",
                (
                    T("Jumlah puskesmas terakreditasi paripurna", "count", "puskesmas", lo=2, hi=25),
                    T("Persentase desa yang melaksanakan STBM", "percent", "%", lo=40, hi=95, decimals=2),
                    T("Jumlah kasus gizi buruk", "count", "kasus", "negative", lo=15, hi=300),
                ),
                "Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
            ),
            GOVERNANCE,
        ),
    ),
    AgencyType(
        "badan",
        "Badan Perencanaan Pembangunan Daerah Kabupaten {kab}",
        "Bappeda Kabupaten {kab}",
        "kabupaten",
        "Kepala Bappeda Kabupaten {kab}",
        "Bupati {kab}",
        "PEMERINTAH KABUPATEN {KAB}",
        (
            S(
                "Meningkatnya kualitas perencanaan pembangunan daerah",
                (
                    T(
                        "Persentase keselarasan program RPJMD dalam RKPD",
                        "percent",
                        "%",
                        lo=85,
                        hi=100,
                        decimals=2,
                    ),
                    T(
                        "Jumlah dokumen perencanaan yang ditetapkan tepat waktu",
                        "count",
                        "dokumen",
                        lo=3,
                        hi=12,
                    ),
                    T(
                        "Persentase usulan musrenbang yang diakomodasi dalam APBD",
                        "percent",
                        "%",
                        lo=30,
                        hi=70,
                        decimals=2,
                    ),
                ),
                "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            ),
            S(
                "Meningkatnya kualitas data dan evaluasi pembangunan",
                (
                    T(
                        "Persentase perangkat daerah dengan nilai evaluasi renja kategori tinggi",
                        "percent",
                        "%",
                        lo=50,
                        hi=90,
                        decimals=2,
                    ),
                    T(
                        "Jumlah kajian penelitian dan pengembangan yang dimanfaatkan",
                        "count",
                        "kajian",
                        lo=2,
                        hi=15,
                    ),
                ),
                "Penelitian dan Pengembangan Daerah",
            ),
            GOVERNANCE,
        ),
    ),
    AgencyType(
        "biro",
        "Biro Organisasi Sekretariat Daerah Provinsi {prov}",
        "Biro Organisasi Setda Provinsi {prov}",
        "provinsi",
        "Kepala Biro Organisasi",
        "Sekretaris Daerah Provinsi {prov}",
        "PEMERINTAH PROVINSI {PROV}",
        (
            S(
                "Meningkatnya efektivitas kelembagaan dan tata laksana perangkat daerah",
                (
                    T(
                        "Persentase perangkat daerah dengan predikat SAKIP minimal BB",
                        "percent",
                        "%",
                        lo=40,
                        hi=90,
                        decimals=2,
                    ),
                    T("Indeks kelembagaan perangkat daerah", "index", "indeks", lo=60, hi=85, decimals=2),
                    T("Jumlah standar operasional prosedur yang ditetapkan", "count", "SOP", lo=20, hi=200),
                    T(
                        "Persentase unit pelayanan publik dengan predikat zona hijau",
                        "percent",
                        "%",
                        lo=50,
                        hi=95,
                        decimals=2,
                    ),
                ),
                "Administrasi Organisasi dan Tata Laksana",
            ),
            GOVERNANCE,
        ),
    ),
    AgencyType(
        "inspektorat",
        "Inspektorat Daerah Kabupaten {kab}",
        "Inspektorat Kabupaten {kab}",
        "kabupaten",
        "Inspektur Kabupaten {kab}",
        "Bupati {kab}",
        "PEMERINTAH KABUPATEN {KAB}",
        (
            S(
                "Meningkatnya kualitas pengawasan internal",
                (
                    T(
                        "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti",
                        "percent",
                        "%",
                        lo=70,
                        hi=95,
                        decimals=2,
                    ),
                    T("Level kapabilitas APIP", "index", "level", lo=2, hi=4, decimals=0),
                    T("Nilai maturitas SPIP", "score", "nilai", lo=2.5, hi=4, decimals=2),
                    T("Jumlah temuan berulang hasil pemeriksaan", "count", "temuan", "negative", lo=5, hi=60),
                ),
                "Penyelenggaraan Pengawasan Internal",
            ),
            S(
                "Meningkatnya akuntabilitas keuangan dan kinerja perangkat daerah",
                (
                    T(
                        "Jumlah perangkat daerah yang direviu laporan keuangannya",
                        "count",
                        "perangkat daerah",
                        lo=15,
                        hi=45,
                    ),
                    T("Persentase kerugian daerah yang dipulihkan", "percent", "%", lo=40, hi=90, decimals=2),
                ),
                "Pengawasan Keuangan dan Kinerja Perangkat Daerah",
            ),
            GOVERNANCE,
        ),
        code_prefix="IKU",
    ),
    AgencyType(
        "rsud",
        "Rumah Sakit Umum Daerah Kabupaten {kab}",
        "RSUD Kabupaten {kab}",
        "kabupaten",
        "Direktur RSUD Kabupaten {kab}",
        "Bupati {kab}",
        "PEMERINTAH KABUPATEN {KAB}",
        (
            S(
                "Meningkatnya mutu pelayanan rumah sakit",
                (
                    T(
                        "Persentase tingkat hunian tempat tidur (BOR)",
                        "percent",
                        "%",
                        lo=60,
                        hi=85,
                        decimals=2,
                    ),
                    T(
                        "Angka kematian pasien lebih dari 48 jam (NDR) per 1.000 pasien keluar",
                        "score",
                        "per 1.000",
                        "negative",
                        lo=15,
                        hi=40,
                        decimals=2,
                    ),
                    T(
                        "Rata-rata waktu tunggu pelayanan rawat jalan",
                        "score",
                        "menit",
                        "negative",
                        lo=30,
                        hi=90,
                        decimals=0,
                    ),
                    T(
                        "Persentase kepatuhan kebersihan tangan petugas",
                        "percent",
                        "%",
                        lo=80,
                        hi=98,
                        decimals=2,
                    ),
                    T("Jumlah kunjungan pasien rawat jalan", "count", "kunjungan", lo=20000, hi=90000),
                ),
                "Pelayanan Kesehatan Rujukan",
            ),
            S(
                "Meningkatnya kemandirian keuangan rumah sakit",
                (
                    T("Persentase cost recovery rate", "percent", "%", lo=70, hi=110, decimals=2),
                    T("Jumlah pendapatan BLUD (juta rupiah)", "count", "juta rupiah", lo=15000, hi=90000),
                ),
                "Pengelolaan Keuangan BLUD",
            ),
            GOVERNANCE,
        ),
        code_prefix="IKU",
    ),
)

# SAKIP scale of Permenpan RB 88/2021: (lower bound exclusive, upper bound inclusive, predicate, meaning)
SAKIP_SCALE = [
    (90, 100, "AA", "Sangat Memuaskan"),
    (80, 90, "A", "Memuaskan"),
    (70, 80, "BB", "Sangat Baik"),
    (60, 70, "B", "Baik"),
    (50, 60, "CC", "Cukup (memadai)"),
    (30, 50, "C", "Kurang"),
    (0, 30, "D", "Sangat Kurang"),
]
PREDICATE_RANK = {p: i for i, (_lo, _hi, p, _m) in enumerate(reversed(SAKIP_SCALE))}

COMPONENTS = [
    "Koordinasi dan Sinkronisasi",
    "Pelaksanaan Kegiatan",
    "Monitoring dan Evaluasi",
    "Penyusunan Pedoman dan Bahan",
    "Supervisi dan Pendampingan",
    "Pelaporan",
]

# Rincian Output names (DIPA outputs) for the support sasaran, and patterns for the technical ones
SUPPORT_OUTPUTS = [
    "Layanan Perkantoran",
    "Layanan Manajemen Kinerja Internal",
    "Layanan Umum",
    "Layanan Perencanaan dan Penganggaran",
    "Layanan Pemantauan dan Evaluasi",
    "Layanan Hubungan Masyarakat",
]
TECHNICAL_OUTPUTS = [
    "Layanan {k}",
    "Dokumen Rekomendasi Kebijakan {k}",
    "Sistem Informasi {k}",
    "Norma, Standar, Prosedur dan Kriteria {k}",
    "Pembinaan dan Pendampingan {k}",
]

LAWS = [
    "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah;",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
    "Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan "
    "Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;",
    "Peraturan Menteri PAN dan RB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi "
    "Pemerintah;",
]
