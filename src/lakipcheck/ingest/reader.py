"""Open a PDF with PDFium and read every page's words, lines, ruling lines and image coverage."""

from __future__ import annotations

import ctypes
import hashlib
import math
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lakipcheck.ingest.errors import InputError
from lakipcheck.ingest.lines import group_lines
from lakipcheck.ingest.types import Document, Page, Rule, Word
from lakipcheck.provenance import BBox

_MAX_PATH_OBJECTS = 4000  # a chart or a vector logo can hold tens of thousands; rules beyond are not needed
_RULE_THICKNESS = 3.0  # points: a path or rectangle thinner than this is a ruling line
# Many embedded fonts say bold only in their name ("Arial,Bold", "ABCDEF+Calibri-Bold",
# "TimesNewRomanPS-BoldMT") while their weight reads as regular; ForceBold is bit 19 of the descriptor flags.
_BOLD_NAME = re.compile(r"(?i)bold|black|heavy|demi(?!-?light)")
_FORCE_BOLD = 1 << 18

# Leading bytes of formats people save with a .pdf name by mistake.
_NOT_PDF_SIGNATURES = {
    b"PK\x03\x04": "a ZIP/Office file (DOCX/XLSX?)",
    b"\xd0\xcf\x11\xe0": "an old Office file (DOC/XLS?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"<!DO": "an HTML page",
    b"<htm": "an HTML page",
    b"{\\rt": "an RTF document",
}


def read_input(source: str | Path | bytes) -> tuple[Path | None, bytes]:
    """Read the raw bytes of a path (or pass bytes through), with one-line errors for the usual faults."""
    if isinstance(source, bytes | bytearray | memoryview):
        return None, bytes(source)
    path = Path(source)
    if not path.exists():
        raise InputError("missing", f"{path}: file not found")
    if path.is_dir():
        raise InputError("not-a-file", f"{path}: is a directory, not a PDF file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("unreadable", f"{path}: cannot be read ({exc.strerror or exc})") from None
    return path, data


def _check_signature(name: str, data: bytes) -> None:
    if not data:
        raise InputError("empty", f"{name}: the file is empty (0 bytes)")
    head = data[:1024]
    if b"%PDF-" not in head:
        for sig, what in _NOT_PDF_SIGNATURES.items():
            if data.startswith(sig):
                raise InputError("not-pdf", f"{name}: not a PDF file; it looks like {what}")
        raise InputError("not-pdf", f"{name}: not a PDF file (no %PDF header)")


def open_document(source: str | Path | bytes, *, password: str | None = None) -> Document:
    """Open a PDF (path or bytes) and ingest all its pages.

    Raises :class:`InputError` with a one-line message for a missing, empty, non-PDF, corrupt, encrypted or
    page-less file.
    """
    path, data = read_input(source)
    name = str(path) if path else "<bytes>"
    _check_signature(name, data)
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if not re.search(rb"/Type\s*/Page(?!s)", data) and re.search(rb"/Type\s*/Pages", data):
            raise InputError("no-pages", f"{name}: the PDF has no pages") from None
        if "password" in text:
            raise InputError(
                "encrypted", f"{name}: the PDF is encrypted with a password; remove it first"
            ) from None
        if "format" in text or "not found" in text or "corrupt" in text or "file" in text:
            raise InputError(
                "corrupt", f"{name}: the PDF is corrupt or truncated and cannot be read"
            ) from None
        raise InputError("corrupt", f"{name}: the PDF cannot be opened ({exc})") from None
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise InputError("no-pages", f"{name}: the PDF has no pages")
        metadata = {k: str(v) for k, v in (pdf.get_metadata_dict() or {}).items() if v}
        pages = [_read_page(pdf, i) for i in range(n_pages)]
    finally:
        pdf.close()
    return Document(
        path=path, data=data, sha256=hashlib.sha256(data).hexdigest(), pages=pages, metadata=metadata
    )


class _Transform:
    """Maps PDF user space (bottom-left origin, unrotated) to the reader's view (top-left origin, rotated)."""

    def __init__(self, page: pdfium.PdfPage, extra: int = 0) -> None:
        left, bottom, right, top = page.get_bbox()
        self.left, self.bottom = left, bottom
        self.wu, self.hu = right - left, top - bottom
        self.rotation = (page.get_rotation() + extra) % 360
        if self.rotation in (90, 270):
            self.width, self.height = self.hu, self.wu
        else:
            self.width, self.height = self.wu, self.hu

    def box(self, x0: float, y0: float, x1: float, y1: float) -> BBox:
        """(left, bottom, right, top) in user space -> BBox in view space."""
        x0, x1 = x0 - self.left, x1 - self.left
        y0, y1 = y0 - self.bottom, y1 - self.bottom
        r = self.rotation
        if r == 0:
            return BBox(x0, self.hu - y1, x1, self.hu - y0)
        if r == 90:
            return BBox(y0, x0, y1, x1)
        if r == 180:
            return BBox(self.wu - x1, y0, self.wu - x0, y1)
        return BBox(self.hu - y1, self.wu - x1, self.hu - y0, self.wu - x0)


_SAMPLE_CHARS = 400


def _text_turn(textpage: pdfium.PdfTextPage) -> int:
    """Clockwise turn of user space that makes the page's dominant text read left to right.

    A landscape table is often laid sideways on a portrait page with no /Rotate; its characters then carry a
    90 or 270 degree angle. If most sampled characters share such an angle, the whole page is read turned."""
    n = textpage.count_chars()
    if n < 20:
        return 0
    raw = textpage.raw
    step = max(1, n // _SAMPLE_CHARS)
    votes: dict[int, int] = {}
    for i in range(0, n, step):
        angle = pdfium_c.FPDFText_GetCharAngle(raw, i)
        if angle < 0:  # -1: no angle (generated character)
            continue
        quarter = round(math.degrees(angle) / 90) % 4
        votes[quarter] = votes.get(quarter, 0) + 1
    total = sum(votes.values())
    quarter, count = max(votes.items(), key=lambda kv: kv[1], default=(0, 0))
    if quarter == 0 or count < 0.5 * total:
        return 0
    return {1: 270, 2: 180, 3: 90}[quarter]


def _read_page(pdf: pdfium.PdfDocument, index: int) -> Page:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        # Character angles are in user space; /Rotate may already turn the text upright.
        turn = (_text_turn(textpage) - page.get_rotation()) % 360
        tf = _Transform(page, turn)
        try:
            words, n_chars = _read_words(textpage, tf)
        finally:
            textpage.close()
        rules, image_area = _read_objects(page, tf)
    finally:
        page.close()
    area = max(tf.width * tf.height, 1.0)
    return Page(
        number=index + 1,
        width=tf.width,
        height=tf.height,
        rotation=tf.rotation,
        text_turn=turn,
        words=words,
        lines=group_lines(words),
        rules=rules,
        n_chars=n_chars,
        image_coverage=min(image_area / area, 1.0),
    )


def _read_words(textpage: pdfium.PdfTextPage, tf: _Transform) -> tuple[list[Word], int]:
    n = textpage.count_chars()
    if n <= 0:
        return [], 0
    raw = textpage.raw
    text = textpage.get_text_range(0, n)
    per_char = len(text) != n
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    words: list[Word] = []
    cur: list[str] = []
    box: list[float] = []  # x0, top, x1, bottom of the word so far, in view space
    size = 0.0
    bold = False
    visible = 0
    name_buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    bold_by_name: dict[bytes, bool] = {}
    word_named_bold = False
    last = (0.0, 0.0)  # x0, x1 of the previous character

    def named_bold(i: int) -> bool:
        """Whether char ``i``'s font says bold in its name or flags (asked once per word, cached per font)."""
        got = pdfium_c.FPDFText_GetFontInfo(raw, i, name_buf, len(name_buf), ctypes.byref(flags))
        key = name_buf.value if 0 < got <= len(name_buf) else b""
        key += bytes([flags.value & _FORCE_BOLD and 1])
        if key not in bold_by_name:
            bold_by_name[key] = bool(flags.value & _FORCE_BOLD) or bool(
                _BOLD_NAME.search(key[:-1].decode("latin-1"))
            )
        return bold_by_name[key]

    def flush() -> None:
        if cur:
            words.append(Word("".join(cur), BBox(box[0], box[1], box[2], box[3]), size, bold))
            cur.clear()

    for i in range(n):
        ch = chr(pdfium_c.FPDFText_GetUnicode(raw, i)) if per_char else text[i]
        if not ch or ch.isspace() or ch in "\x00\ufffe\uffff":
            flush()
            continue
        # Loose boxes span the font's full height, so a comma or a superscript stays on its word's line.
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect_ref):
            continue
        b = tf.box(rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top))
        if b.width <= 0 and b.height <= 0:
            continue
        visible += 1
        csize = pdfium_c.FPDFText_GetFontSize(raw, i)
        cbold = 600 <= pdfium_c.FPDFText_GetFontWeight(raw, i) <= 1000  # larger: a broken descriptor
        if cur:
            height = max(box[3] - box[1], b.height, 1.0)
            gap = b.x0 - box[2]
            # a comma whose box is only its glyph's (not the font's height) hangs from the word's line
            hangs = box[1] <= b.top <= box[3] and -0.5 <= gap <= 0.25 * max(csize, size, 4.0)
            same_line = hangs or abs(b.center_y - (box[1] + box[3]) / 2) < 0.5 * height
            # the characters of a ligature ("ti", "fi") share one glyph's box: they go on the word
            ligature = abs(b.x0 - last[0]) < 0.5 and abs(b.x1 - last[1]) < 0.5
            if not same_line or gap > 0.25 * max(csize, size, 4.0) or (gap < -0.5 * height and not ligature):
                flush()
        if cur:
            box[0], box[1], box[2], box[3] = (
                min(box[0], b.x0),
                min(box[1], b.top),
                max(box[2], b.x1),
                max(box[3], b.bottom),
            )
            bold = bold and (cbold or word_named_bold)
        else:
            box[:] = [b.x0, b.top, b.x1, b.bottom]
            word_named_bold = not cbold and named_bold(i)
            size, bold = csize, cbold or word_named_bold
        cur.append(ch)
        last = (b.x0, b.x1)
    flush()
    return words, visible


def _read_objects(page: pdfium.PdfPage, tf: _Transform) -> tuple[list[Rule], float]:
    """Ruling lines from path objects (thin paths, thin rectangles, rectangle edges) and image area."""
    rules: list[Rule] = []
    image_area = 0.0
    count = 0
    kinds = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
    for obj in page.get_objects(filter=kinds, max_depth=2):
        count += 1
        if count > _MAX_PATH_OBJECTS:
            break
        b = tf.box(*obj.get_bounds())
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            clipped = BBox(max(b.x0, 0), max(b.top, 0), min(b.x1, tf.width), min(b.bottom, tf.height))
            if clipped.width > 0 and clipped.height > 0:
                image_area += clipped.width * clipped.height
            continue
        w, h = b.width, b.height
        if w < _RULE_THICKNESS and h < _RULE_THICKNESS:
            continue
        if h < _RULE_THICKNESS or w < _RULE_THICKNESS:
            rules.append(Rule(b.x0, b.top, b.x1, b.bottom))
        elif w < tf.width * 0.98 or h < tf.height * 0.98:  # a cell or box outline: keep its four edges
            rules.extend(
                (
                    Rule(b.x0, b.top, b.x1, b.top),
                    Rule(b.x0, b.bottom, b.x1, b.bottom),
                    Rule(b.x0, b.top, b.x0, b.bottom),
                    Rule(b.x1, b.top, b.x1, b.bottom),
                )
            )
    return rules, image_area
