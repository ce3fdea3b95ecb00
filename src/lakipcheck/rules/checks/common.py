"""Helpers shared by the check primitives: reading values, naming places, formatting."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from lakipcheck.model.claims import Claim
from lakipcheck.model.types import Indicator, Role, StatedValue
from lakipcheck.numbers import FigureKind
from lakipcheck.rules.arith import fmt
from lakipcheck.rules.types import Location
from lakipcheck.tables.types import TableKind

TABLE_NAMES = {
    TableKind.RENSTRA: ("tabel Renstra", "Renstra table"),
    TableKind.PK_INDICATORS: ("tabel Perjanjian Kinerja", "Perjanjian Kinerja table"),
    TableKind.PK_BUDGET: ("tabel anggaran PK", "PK budget table"),
    TableKind.CAPAIAN: ("tabel capaian kinerja", "performance table"),
    TableKind.YOY: ("tabel perbandingan antartahun", "year-on-year table"),
    TableKind.RENSTRA_END: ("tabel perbandingan dengan target akhir Renstra", "Renstra end-target table"),
    TableKind.BUDGET_REALISATION: ("tabel realisasi anggaran", "budget realisation table"),
    TableKind.RENCANA_AKSI: ("tabel rencana aksi", "action plan table"),
    TableKind.PENGUKURAN: ("tabel pengukuran kinerja (lampiran)", "performance measurement annex"),
    TableKind.RINCIAN_OUTPUT: ("tabel rincian output", "output detail table"),
    TableKind.OTHER: ("tabel", "table"),
}

_COUNT_UNITS = {
    "orang",
    "dokumen",
    "unit",
    "sekolah",
    "kegiatan",
    "laporan",
    "paket",
    "lembaga",
    "desa",
    "kali",
    "buah",
    "kelompok",
    "peserta",
    "guru",
    "kab/kota",
    "opd",
    "rekomendasi",
    "layanan",
    "judul",
    "naskah",
    "satker",
}
_SCORE_UNITS = {"nilai", "indeks", "%", "persen", "predikat", "poin", "point", "skor", "rasio", "opini"}
_COUNT_NAME = re.compile(r"^\s*(jumlah|banyaknya)\b", re.IGNORECASE)
_SCORE_NAME = re.compile(
    r"^\s*(nilai|indeks|persentase|prosentase|presentase|predikat|skor|rasio|tingkat|"
    r"rata-rata|angka|opini|level)\b",
    re.IGNORECASE,
)

# How findings name the part of the report a sentence stands in.
SECTION_NAMES = {
    "ikhtisar_eksekutif": ("Ikhtisar Eksekutif", "Executive Summary"),
    "kata_pengantar": ("Kata Pengantar", "Foreword"),
    "bab_i_pendahuluan": ("BAB I Pendahuluan", "Chapter I"),
    "bab_ii_perencanaan_kinerja": ("BAB II Perencanaan Kinerja", "Chapter II"),
    "bab_iii_akuntabilitas_kinerja": ("BAB III Akuntabilitas Kinerja", "Chapter III"),
    "capaian_kinerja": ("BAB III Capaian Kinerja", "Chapter III, performance"),
    "realisasi_anggaran": ("BAB III Realisasi Anggaran", "Chapter III, budget"),
    "bab_iv_penutup": ("BAB IV Penutup", "Chapter IV (closing)"),
    "lampiran": ("Lampiran", "Annex"),
}


def section_name(claim: Claim, lang: str = "id") -> str:
    """The report part a prose claim stands in, as findings name it."""
    pair = SECTION_NAMES.get(claim.section or "")
    if pair:
        return pair[0] if lang == "id" else pair[1]
    return "teks" if lang == "id" else "text"


def table_name(kind: TableKind | None, lang: str = "id") -> str:
    pair = TABLE_NAMES.get(kind or TableKind.OTHER, TABLE_NAMES[TableKind.OTHER])
    return pair[0] if lang == "id" else pair[1]


def label(ind: Indicator) -> str:
    """How a finding names an indicator: its code and a short name."""
    name = ind.name if len(ind.name) <= 80 else ind.name[:77].rstrip() + "..."
    return f"{ind.code} {name}" if ind.code else name


def loc(v: StatedValue, what: str = "", what_en: str = "") -> Location:
    """The place a value was printed: its table and column, or ``what`` (and ``what_en``) when given."""
    column = v.provenance.column_name or v.role.value
    if what:
        return Location(v.provenance, what, what_en)
    kind = v.table_kind
    return Location(v.provenance, f"{table_name(kind)}, {column}", f"{table_name(kind, 'en')}, {column}")


def numeric(v: StatedValue | None) -> bool:
    return (
        v is not None
        and v.figure.value is not None
        and v.figure.kind in (FigureKind.NUMBER, FigureKind.PERCENT, FigureKind.RUPIAH)
        and v.figure.qualifier is None
    )


def rows(ind: Indicator) -> dict[tuple[str, int], dict[Role, StatedValue]]:
    """The indicator's values grouped by the table row they were printed in."""
    out: dict[tuple[str, int], dict[Role, StatedValue]] = defaultdict(dict)
    for v in ind.values:
        p = v.provenance
        if p.table_id is not None and p.row is not None:
            out[(p.table_id, p.row)].setdefault(v.role, v)
    return out


def is_count(ind: Indicator) -> bool | None:
    """True for a count (its yearly values may be added up), False for a score/index/percentage/predicate,
    None when the report does not say."""
    unit = (ind.unit or "").strip().lower()
    if unit in _COUNT_UNITS:
        return True
    if unit in _SCORE_UNITS:
        return False
    if _COUNT_NAME.match(ind.name):
        return True
    if _SCORE_NAME.match(ind.name):
        return False
    return None


def show(value: Decimal, decimals: int) -> str:
    return fmt(value, decimals, "id")
