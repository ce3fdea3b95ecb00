"""Typed output of the layout stage: the report's sections and what the document is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lakipcheck.provenance import BBox


class SectionKind(StrEnum):
    COVER = "cover"
    KATA_PENGANTAR = "kata_pengantar"
    DAFTAR_ISI = "daftar_isi"
    IKHTISAR = "ikhtisar_eksekutif"
    BAB_I = "bab_i_pendahuluan"
    BAB_II = "bab_ii_perencanaan_kinerja"
    BAB_III = "bab_iii_akuntabilitas_kinerja"
    BAB_IV = "bab_iv_penutup"
    LAMPIRAN = "lampiran"
    PK_AWAL = "pk_awal"
    PK_AKHIR = "pk_akhir"
    PK = "perjanjian_kinerja"  # a PK whose awal/akhir status is not stated
    RENCANA_AKSI = "rencana_aksi"
    PENGUKURAN = "pengukuran_kinerja"
    PERNYATAAN_REVIU = "pernyataan_telah_direviu"
    REALISASI_ANGGARAN = "realisasi_anggaran"  # sub-section of BAB III
    CAPAIAN_KINERJA = "capaian_kinerja"  # sub-section of BAB III


class DocKind(StrEnum):
    LAKIP = "lakip"  # full report (LAKIP / LKIP / LKjIP / Laporan Kinerja)
    LAKIP_PART = "lakip_part"  # a chapter or lampiran of one
    LAKIP_TRIWULAN = "lakip_triwulan"  # a quarterly (triwulan) Laporan Kinerja
    PK = "perjanjian_kinerja"
    RENCANA_AKSI = "rencana_aksi"
    RENSTRA = "renstra"
    LRA = "lra"  # laporan realisasi anggaran (financial statement)
    EVALUASI_RENJA = "evaluasi_renja"
    NEWS = "news"
    OTHER = "other"
    SCANNED = "scanned"  # no usable text layer

    @property
    def is_lakip(self) -> bool:
        return self in (DocKind.LAKIP, DocKind.LAKIP_PART, DocKind.LAKIP_TRIWULAN)


@dataclass(slots=True)
class Section:
    """A heading and the pages it covers (``page_end`` inclusive)."""

    kind: SectionKind
    title: str
    page_start: int
    page_end: int
    bbox: BBox | None = None
    level: int = 1  # 1 = BAB / top-level part, 2 = sub-part (PK Awal inside Lampiran, ...)

    def to_dict(self) -> dict:
        out = {
            "kind": str(self.kind),
            "title": self.title,
            "page_start": self.page_start,
            "page_end": self.page_end,
            "level": self.level,
        }
        if self.bbox is not None:
            out["bbox"] = list(self.bbox.rounded())
        return out


@dataclass(slots=True)
class DocumentInfo:
    """What the document is, whose and for which year; ``reasons`` says why (for the reviewer)."""

    kind: DocKind
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    confidence: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "kind": str(self.kind),
            "agency": self.agency,
            "year": self.year,
            "title": self.title,
            "confidence": round(self.confidence, 2),
            "reasons": self.reasons,
        }
