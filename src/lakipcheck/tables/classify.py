"""Classify a table by its header words (fuzzy, so "Realiasi" still counts) and the section it sits in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from lakipcheck.tables.types import Table, TableKind

_NUMBER = re.compile(r"^\s*[<>≥≤]?\s*-?\d[\d.,]*\s*%?\s*$")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_TW = re.compile(r"\b(tw|triwulan|trw|tri wulan)\s*[-.]?\s*(i{1,3}|iv|[1-4])\b", re.IGNORECASE)


def _has(text: str, *terms: str, cutoff: float = 88.0) -> bool:
    """True when any term occurs in ``text`` exactly, or as a close fuzzy match of a same-length word run."""
    for term in terms:
        if term in text:
            return True
        if len(term) >= 6 and fuzz.partial_ratio(term, text) >= cutoff:
            return True
    return False


@dataclass(slots=True)
class _Signals:
    header: str
    section: str
    years: int
    tw: int
    first_col: str


def _signals(table: Table) -> _Signals:
    header = " | ".join(c.lower() for c in table.columns)
    if not header.strip(" |") and table.rows:  # no header found: read the first row as one
        header = " | ".join(c.text.lower() for c in table.rows[0])
    section = " ".join(filter(None, [table.section, table.caption])).lower()
    years = len({m.group(0) for m in _YEAR.finditer(" ".join(table.columns))})
    tw = len({m.group(2).lower() for m in _TW.finditer(header)})
    first_col = " ".join(r[0].text.lower() for r in table.rows[:30] if r)
    return _Signals(header, section, years, tw, first_col)


_BARE_CAPAIAN = re.compile(r"^capaian(\s+kinerja)?(\s+(tahun\s+|th\.?\s*)?(19|20)\d{2})?$")
_PCT_CAPAIAN = re.compile(
    r"capaian.*\b(target|terhadap)\b|capaian.*(%|persen)|%\s*capaian|persentase capaian"
)


def capaian_as_realisasi(columns: list[str]) -> int | None:
    """The column a table heads plain "Capaian" when it holds the realisasi: the table has a target column,
    no "Realisasi" column, and another column gives the % ("Target | Capaian | Capaian Target", "Capaian |
    Capaian (%)"). None otherwise (there "Capaian" is the % capaian)."""
    parts = [" ".join(c.lower().split()).split(" / ")[-1] for c in columns]
    if any("realisasi" in p for p in parts) or not any("target" in p and "capaian" not in p for p in parts):
        return None
    bare = [k for k, p in enumerate(parts) if _BARE_CAPAIAN.match(p)]
    pct = [k for k, p in enumerate(parts) if _PCT_CAPAIAN.search(p) and not _BARE_CAPAIAN.match(p)]
    return bare[0] if len(bare) == 1 and pct else None


def classify(table: Table) -> tuple[TableKind, float]:
    """Return the table's kind and a score in [0, 1] saying how clearly the header shows it."""
    s = _signals(table)
    h = s.header
    target = _has(h, "target", "rencana")
    realisasi = _has(h, "realisasi", "capaian triwulan") or capaian_as_realisasi(table.columns) is not None
    capaian = _has(h, "capaian", "%", "persentase", "persen")
    money = _has(h, "anggaran", "pagu", "alokasi", "(rp)", "rp.", "rupiah", "dana", "biaya")
    indicator = _has(h, "indikator", "ikk", "iku", "ikp", "ikss", "sasaran")
    kegiatan = _has(h, "kegiatan", "program", "sub kegiatan")
    renstra_end = _has(
        h, "akhir renstra", "target akhir", "akhir periode", "akhir rpjmd", "target renstra 20"
    )
    in_pk = _has(s.section, "perjanjian kinerja", "penetapan kinerja")
    # Only the lampiran form is a PENGUKURAN table; a BAB III table titled "Pengukuran Capaian ..." is the
    # capaian table itself.
    in_lampiran = "lampiran" in (table.section or "").lower()
    in_pengukuran = in_lampiran and _has(s.section, "pengukuran")
    in_renaksi = _has(s.section, "rencana aksi")

    if renstra_end and realisasi:
        # A full capaian table may carry the end target as one more column; the per-indicator comparison
        # tables of BAB III have a row or two and no indicator column.
        if target and capaian and indicator and table.n_rows >= 2:
            return TableKind.CAPAIAN, 0.85
        return TableKind.RENSTRA_END, 0.9
    if _has(h, "ro /", "rincian output", "komponen", "volume") and money:
        return TableKind.RINCIAN_OUTPUT, 0.85
    if s.tw >= 2 and realisasi and not _has(h, "rencana aksi"):
        return TableKind.PENGUKURAN, 0.75
    if s.tw >= 2 or _has(h, "rencana aksi") or (in_renaksi and target and not realisasi):
        return TableKind.RENCANA_AKSI, 0.8 if s.tw >= 2 else 0.6
    if money and realisasi:
        return TableKind.BUDGET_REALISATION, 0.9
    if in_pengukuran and target and realisasi:
        return TableKind.PENGUKURAN, 0.8
    if target and realisasi and (capaian or indicator):
        if s.years >= 2 and not capaian:
            return TableKind.YOY, 0.7
        return TableKind.CAPAIAN, 0.9 if capaian else 0.7
    if realisasi and s.years >= 2:
        return TableKind.YOY, 0.7
    if money and kegiatan and not realisasi and not (target and indicator):
        return TableKind.PK_BUDGET, 0.8 if in_pk else 0.6
    if target and s.years >= 3 and not realisasi:
        return TableKind.RENSTRA, 0.8
    if target and indicator and not realisasi:
        if _has(h, "renstra") or s.years >= 3:
            return TableKind.RENSTRA, 0.7
        return TableKind.PK_INDICATORS, 0.85 if in_pk or _has(h, "perjanjian kinerja", "target pk") else 0.65
    if indicator and capaian and not (target or realisasi) and _numeric_capaian(table):
        # A recapitulation that states only each indicator's % capaian (target and realisasi elsewhere); with
        # several years it compares them.
        return (TableKind.YOY, 0.5) if s.years >= 2 else (TableKind.CAPAIAN, 0.5)
    return TableKind.OTHER, 0.0


def _numeric_capaian(table: Table) -> bool:
    """Some column headed "capaian" holds mostly numbers."""
    for j, name in enumerate(table.columns):
        if "capaian" not in name.lower():
            continue
        texts = [t for t in table.column_text(j) if t.strip()]
        if texts and sum(1 for t in texts if _NUMBER.match(t)) >= 0.6 * len(texts):
            return True
    return False
