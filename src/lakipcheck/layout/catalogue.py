"""The titles a LAKIP's parts are printed under, squashed (upper-case letters and digits only)."""

from __future__ import annotations

from lakipcheck.layout.types import SectionKind

CHAPTER_KINDS: dict[int, SectionKind] = {
    1: SectionKind.BAB_I,
    2: SectionKind.BAB_II,
    3: SectionKind.BAB_III,
    4: SectionKind.BAB_IV,
}

CHAPTER_TITLES: dict[int, tuple[str, ...]] = {
    1: ("PENDAHULUAN",),
    2: (
        "PERENCANAANKINERJA",
        "PERENCANAANDANPERJANJIANKINERJA",
        "PERENCANAANDANPENETAPANKINERJA",
        "RENCANASTRATEGIS",
        "RENCANASTRATEJIK",
        "PERENCANAANSTRATEGIS",
        "PERENCANAANSTRATEJIK",
        "RENCANASTRATEGISDANPERJANJIANKINERJA",
        "PERENCANAANSTRATEGISDANPERJANJIANKINERJA",
        "PERJANJIANKINERJA",
        "RENCANAKINERJA",
    ),
    3: ("AKUNTABILITASKINERJA", "AKUNTABILITASKINERJAORGANISASI", "AKUNTABILITASKINERJADANKEUANGAN"),
    4: ("PENUTUP", "KESIMPULAN", "SIMPULAN", "KESIMPULANDANSARAN", "SIMPULANDANSARAN"),
}

# Titles that make a heading on their own, without the word BAB (a PK or a Renstra cover carries the others).
ALONE_TITLES: dict[int, tuple[str, ...]] = {
    1: ("PENDAHULUAN",),
    2: ("PERENCANAANKINERJA", "PERENCANAANDANPERJANJIANKINERJA", "PERENCANAANDANPENETAPANKINERJA"),
    3: CHAPTER_TITLES[3],
    4: ("PENUTUP",),
}

FRONT_TITLES: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.KATA_PENGANTAR: ("KATAPENGANTAR",),
    SectionKind.DAFTAR_ISI: ("DAFTARISI",),
    SectionKind.IKHTISAR: ("IKHTISAREKSEKUTIF", "RINGKASANEKSEKUTIF", "EXECUTIVESUMMARY", "IKHTISAR"),
}

LAMPIRAN_TITLES: tuple[str, ...] = ("LAMPIRAN", "LAMPIRANLAMPIRAN", "BUKULAMPIRAN")

# Sub-parts of the lampiran. Order matters: the first kind whose title starts the line wins.
PART_TITLES: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    (SectionKind.PERNYATAAN_REVIU, ("PERNYATAANTELAHDIREVIU", "PERNYATAANTELAHDIREVIEW", "PERNYATAANREVIU")),
    (
        SectionKind.PK,
        (
            "PERJANJIANKINERJA",
            "PERNYATAANPERJANJIANKINERJA",
            "PENETAPANKINERJA",
            "REVISIPERJANJIANKINERJA",
            "PERUBAHANPERJANJIANKINERJA",
            "REVISIPENETAPANKINERJA",
        ),
    ),
    (SectionKind.RENCANA_AKSI, ("RENCANAAKSI", "RENCANAAKSIKINERJA", "LAPORANMONITORINGRENCANAAKSI")),
    (SectionKind.PENGUKURAN, ("PENGUKURANKINERJA", "FORMULIRPENGUKURANKINERJA", "PENGUKURANCAPAIANKINERJA")),
)

PK_AWAL_WORDS = ("AWAL", "MURNI", "SEBELUMPERUBAHAN")
PK_AKHIR_WORDS = ("AKHIR", "PERUBAHAN", "REVISI", "SETELAHPERUBAHAN")

# Sub-sections of BAB III.
BAB3_PARTS: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    (
        SectionKind.CAPAIAN_KINERJA,
        ("CAPAIANKINERJA", "CAPAIANKINERJAORGANISASI", "PENGUKURANCAPAIANKINERJA", "CAPAIANKINERJASASARAN"),
    ),
    (
        SectionKind.REALISASI_ANGGARAN,
        (
            "REALISASIANGGARAN",
            "AKUNTABILITASKEUANGAN",
            "REALISASIKEUANGAN",
            "AKUNTABILITASANGGARAN",
            "ANGGARANDANREALISASI",
            "ANGGARANDANREALISASIANGGARAN",
        ),
    ),
)
