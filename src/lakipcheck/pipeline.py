"""Run the stages in order for one file: ingest -> layout -> tables -> model."""

from __future__ import annotations

from pathlib import Path

from lakipcheck.ingest import InputError, open_document
from lakipcheck.layout import DocKind
from lakipcheck.layout.identify import identify
from lakipcheck.layout.pages import analyse
from lakipcheck.layout.sections import find_sections
from lakipcheck.layout.types import SectionKind
from lakipcheck.model.build import build_report
from lakipcheck.model.types import Report
from lakipcheck.tables.extract import extract_tables
from lakipcheck.tables.types import TableKind

DEFAULT_MAX_PAGES = 2000


class NotALakip(Exception):
    """The PDF was read, but it is not a performance report; ``report`` still says what it is."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.file)
        self.report = report

    def __str__(self) -> str:
        info = self.report.info
        why = f" ({info.reasons[0]})" if info.reasons else ""
        if info.kind == DocKind.SCANNED:
            return (
                f"{self.report.file}: no text layer on {len(self.report.scanned_pages)} of "
                f"{self.report.n_pages} pages (scanned); OCR is not available in this version{why}"
            )
        return f"{self.report.file}: not a LAKIP / Laporan Kinerja; it looks like: {info.kind.value}{why}"


def extract(source: str | Path | bytes, *, max_pages: int = DEFAULT_MAX_PAGES, strict: bool = True) -> Report:
    """Extract the report model of one PDF.

    Raises :class:`InputError` for unusable input and, when ``strict``, :class:`NotALakip` for a readable PDF
    that is not a LAKIP (the exception carries the identification so the caller can still show it).
    """
    doc = open_document(source)
    if len(doc.pages) > max_pages:
        raise InputError(
            "too-large",
            f"{doc.name}: {len(doc.pages)} pages is more than the limit of {max_pages} "
            "(raise it with --max-pages)",
        )
    layout = analyse(doc)
    sections = find_sections(doc, layout)
    info = identify(doc, sections, layout)

    def section_of(page: int) -> str | None:
        """The chain of sections holding ``page``, outermost first: "LAMPIRAN > 3. Pengukuran Kinerja"."""
        chain = sorted((s for s in sections if s.page_start <= page <= s.page_end), key=lambda s: s.level)
        return " > ".join(s.title for s in chain) or None

    tables = extract_tables(doc, section_of) if info.kind != DocKind.SCANNED else []
    report = build_report(doc, info, sections, tables)
    if info.kind == DocKind.LAKIP_PART and not _has_report_content(report):
        info.kind = DocKind.OTHER
        info.reasons.insert(
            0, "it names a performance report but has no report chapter and no performance or budget table"
        )
    if strict and not info.kind.is_lakip:
        raise NotALakip(report)
    return report


_CONTENT_TABLES = frozenset(TableKind) - {TableKind.OTHER}
_CHAPTERS = frozenset({SectionKind.BAB_I, SectionKind.BAB_II, SectionKind.BAB_III, SectionKind.BAB_IV})


def _has_report_content(report: Report) -> bool:
    """A part of a LAKIP holds a chapter, or a table of the report's kinds (capaian, PK, budget, ...)."""
    return any(s.kind in _CHAPTERS for s in report.sections) or any(
        t.kind in _CONTENT_TABLES for t in report.tables
    )
