"""Ingest: open a PDF and turn every page into words, text lines and ruling lines with coordinates.

Built on pypdfium2 (PDFium), which reads a text layer an order of magnitude faster than pdfminer; table
extraction (pdfplumber geometry, word positions) happens later, and only on the pages that need it.
"""

from lakipcheck.ingest.errors import InputError
from lakipcheck.ingest.reader import open_document
from lakipcheck.ingest.types import Document, Line, Page, Rule, Word

__all__ = ["Document", "InputError", "Line", "Page", "Rule", "Word", "open_document"]
