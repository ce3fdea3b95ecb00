"""Layout: the report's sections (Ikhtisar, BAB I-IV, Lampiran parts) and its identity (kind, agency, year).

``find_sections(doc)`` and ``identify(doc, sections)`` only read the ingested lines (a few ms per page).
"""

from lakipcheck.layout.identify import identify
from lakipcheck.layout.pages import DocLayout, analyse
from lakipcheck.layout.sections import find_sections
from lakipcheck.layout.types import DocKind, DocumentInfo, Section, SectionKind

__all__ = [
    "DocKind",
    "DocLayout",
    "DocumentInfo",
    "Section",
    "SectionKind",
    "analyse",
    "find_sections",
    "identify",
]
