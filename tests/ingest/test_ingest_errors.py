"""Unusable input: one clear error per case, never a traceback."""

from __future__ import annotations

import io
import zipfile

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from lakipcheck.ingest import InputError, open_document


def _pdf(**kwargs) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **kwargs)
    c.drawString(72, 720, "Laporan Kinerja 2023")
    c.showPage()
    c.save()
    return buf.getvalue()


def _code(source) -> str:
    with pytest.raises(InputError) as err:
        open_document(source)
    assert "\n" not in err.value.message
    return err.value.code


def test_missing_file(tmp_path):
    assert _code(tmp_path / "nope.pdf") == "missing"


def test_directory(tmp_path):
    assert _code(tmp_path) == "not-a-file"


def test_empty_file(tmp_path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    assert _code(p) == "empty"


def test_docx_renamed_to_pdf(tmp_path):
    p = tmp_path / "report.pdf"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(InputError) as err:
        open_document(p)
    assert err.value.code == "not-pdf" and "DOCX" in err.value.message


def test_text_file(tmp_path):
    p = tmp_path / "notes.pdf"
    p.write_text("hello", encoding="utf-8")
    assert _code(p) == "not-pdf"


def test_truncated_pdf(sample_pdf, tmp_path):
    p = tmp_path / "cut.pdf"
    p.write_bytes(sample_pdf.read_bytes()[:3000])
    assert _code(p) == "corrupt"


def test_garbage_after_header(tmp_path):
    p = tmp_path / "garbage.pdf"
    p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert _code(p) == "corrupt"


def test_encrypted_pdf():
    data = _pdf(encrypt=pdfencrypt.StandardEncryption("rahasia", canPrint=0))
    assert _code(data) == "encrypted"


def test_pdf_without_pages():
    head = b"%PDF-1.4\n"
    obj1 = b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    obj2 = b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    body = head + obj1 + obj2
    xref = b"xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n" % (len(head), len(head + obj1))
    trailer = b"trailer<</Size 3/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % len(body)
    assert _code(body + xref + trailer) == "no-pages"


def test_good_pdf_from_bytes():
    doc = open_document(_pdf())
    assert len(doc.pages) == 1 and doc.path is None
    assert "Laporan Kinerja 2023" in doc.pages[0].text
