"""Fixtures for the layout tests: corpus documents opened once per session, with their layout results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lakipcheck.ingest import Document, open_document
from lakipcheck.layout import DocumentInfo, Section, analyse, find_sections, identify


@dataclass
class Laid:
    doc: Document
    sections: list[Section]
    info: DocumentInfo

    def start(self, kind: str) -> int | None:
        """First page of the first section of this kind (None when not found)."""
        return next((s.page_start for s in self.sections if s.kind == kind), None)

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


@pytest.fixture(scope="session")
def laid_out(corpus_dir: Path) -> Callable[[str], Laid]:
    """laid_out('file.pdf') -> the document with its sections and identity (cached for the session)."""
    cache: dict[str, Laid] = {}

    def get(name: str) -> Laid:
        if name not in cache:
            doc = open_document(corpus_dir / name)
            layout = analyse(doc)
            sections = find_sections(doc, layout)
            cache[name] = Laid(doc, sections, identify(doc, sections, layout))
        return cache[name]

    return get
