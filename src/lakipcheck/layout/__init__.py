"""Layout: the report's sections (Ikhtisar, BAB I-IV, Lampiran parts) and its identity (kind, agency, year)."""

from lakipcheck.layout.types import DocKind, DocumentInfo, Section, SectionKind

__all__ = ["DocKind", "DocumentInfo", "Section", "SectionKind"]
