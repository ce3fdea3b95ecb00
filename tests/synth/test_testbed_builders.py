"""The producers' pure parts draw the styles asked for; the read-back locator finds what reportlab tracked.

The DOCX tests need python-docx (the ``testbed`` extra) and the conversions need LibreOffice or WeasyPrint;
each skips with the reason when it is missing.
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
import shutil
import zipfile
from io import BytesIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from lakipcheck.synth.blocks import (
    GROUP_FILL,
    HEADER_FILL,
    STRIPE_FILL,
    Break,
    Chart,
    DocMeta,
    Heading,
    Look,
    Numbering,
    Para,
    TableBlock,
    TableSpec,
    Toc,
    table_paint,
)
from lakipcheck.synth.generate import compose, fill_toc
from lakipcheck.synth.html_build import build_html
from lakipcheck.synth.layout import plain, runs, segments
from lakipcheck.synth.locate import locate, on_page, squash
from lakipcheck.synth.render import fonts, page_texts, render
from lakipcheck.synth.testbed import Variant, narrow, shape

HAS_DOCX = importlib.util.find_spec("docx") is not None


def _spec(style: str, repeat: bool = True) -> TableSpec:
    rows = [[str(i + 1), f"Indikator nomor {i + 1}", f"{i * 1000 + 234.5:,.1f}"] for i in range(6)]
    return TableSpec(
        "t",
        [["No", "Indikator", "Jumlah"]],
        rows,
        style=style,
        bold_rows={2},
        widths=[1, 5, 2],
        repeat_header=repeat,
    )


def _blocks(style: str = "zebra", repeat: bool = True) -> list:
    return [
        Para("SAMPUL", style="cover"),
        Break(),
        Numbering("roman"),
        Heading("KATA PENGANTAR", 0, id="kp"),
        Toc([("KATA PENGANTAR", "i", 0), ("BAB I PENDAHULUAN", "1", 0)]),
        Break(),
        Numbering("arabic"),
        Heading("BAB I PENDAHULUAN", 0, id="bab1"),
        Para("Teks **tebal** dan *miring*.", id="p1"),
        TableBlock(_spec(style, repeat)),
        Chart("Grafik", bars=(("Target", 10.0), ("Realisasi", 12.0))),
        Break("landscape"),
        Heading("LAMPIRAN", 0, id="lamp"),
    ]


# ----------------------------------------------------------------------------------------------- paint


def test_paint_per_style():
    spec = _spec("grid")
    grid = table_paint(spec)
    assert all(p.top == p.bottom == p.left == p.right == 0.5 for p in grid.values())
    spec.style = "booktabs"
    book = table_paint(spec)
    assert book[0, 0].top == 1.0 and book[0, 0].bottom == 0.6 and book[0, 6].bottom == 1.0
    assert book[0, 3].top == book[0, 3].bottom == 0 and not any(p.left or p.right for p in book.values())
    spec.style = "zebra"
    zebra = table_paint(spec)
    assert [zebra[1, r].fill for r in range(1, 7)] == [None, STRIPE_FILL] * 3 and zebra[
        0, 0
    ].fill == HEADER_FILL
    assert not any(p.top or p.bottom or p.left or p.right for p in zebra.values())
    spec.style = "shaded"
    shaded = table_paint(spec)
    assert [r for r in range(1, 7) if shaded[0, r].fill] == [3] and shaded[0, 3].fill == GROUP_FILL
    spec.style = "none"
    assert not any(p.fill or p.top for p in table_paint(spec).values())


def test_soft_spans_leave_the_rules_inside_out():
    spec = _spec("grid")
    spec.soft_spans = [(0, 1, 0, 3)]
    paint = table_paint(spec)
    assert paint[0, 2].top == 0 and paint[0, 1].top == 0.5 and paint[1, 2].top == 0.5


# ----------------------------------------------------------------------------------------------- markup, runs


def test_inline_segments_and_plain_text():
    segs = segments("**Total** 5 < 6 & *x*\nG^{PPB}")
    assert [(s.text, s.bold, s.italic, s.sup, s.newline) for s in segs] == [
        ("Total", True, False, False, False),
        (" 5 < 6 & ", False, False, False, False),
        ("x", False, True, False, False),
        ("G", False, False, False, True),
        ("PPB", False, False, True, False),
    ]
    assert plain("a **b**\nc") == "a b c"


def test_runs_follow_breaks_orientation_and_numbering():
    rs = runs(_blocks())
    assert [(r.orientation, r.numbering, r.restart, r.new_section) for r in rs] == [
        ("portrait", "none", None, False),
        ("portrait", "roman", 1, True),
        ("portrait", "arabic", 1, True),
        ("landscape", "arabic", None, True),
    ]


# ----------------------------------------------------------------------------------------------- html


def _body_rows(html: str) -> list[str]:
    return re.findall(r"<tr[^>]*>(.*?)</tr>", html.split("<tbody>", 1)[1], re.S)


def test_html_zebra_rows_alternate_and_the_header_repeats():
    html, files = build_html(_blocks("zebra"), DocMeta(header="Laporan X"), Look(charts=True))
    rows = _body_rows(html)
    fills = [STRIPE_FILL in r for r in rows[:6]]
    assert fills == [False, True] * 3
    assert "<thead>" in html and HEADER_FILL in html.split("<thead>", 1)[1].split("</thead>")[0]
    assert '<div title="header">' in html and "<sdfield type=PAGE" in html  # LibreOffice's header, footer
    assert "@top-right" in html and "counter(page, lower-roman)" in html  # WeasyPrint's
    assert "A4 landscape" in html and ":nth(1 of g" in html and "counter-reset: page 1" in html
    assert any(n.startswith("chart") for n in files) and all(d[:4] == b"\x89PNG" for d in files.values())
    assert "<b>tebal</b>" in html and "<i>miring</i>" in html


def test_html_styles_booktabs_shaded_none_and_no_repeat():
    book, _ = build_html(_blocks("booktabs", repeat=False), DocMeta(), Look(running=False))
    assert "<thead>" not in book and '<div title="header">' not in book and "counter(page" not in book
    assert "border-top: 1pt solid" in book and "border-left: 0.5pt" not in book
    shaded, _ = build_html(_blocks("shaded"), DocMeta(), Look())
    assert [GROUP_FILL in r for r in _body_rows(shaded)[:6]] == [False, False, True, False, False, False]
    none, _ = build_html(_blocks("none"), DocMeta(), Look())
    assert HEADER_FILL not in none and "solid #000000" not in none.split("<table", 1)[1]


def test_html_bold_face_headings_and_portrait_only_widths():
    html, _ = build_html(_blocks(), DocMeta(), Look(bold_face=True, font="Carlito"))
    heading = re.search(r"<h1[^>]*>KATA PENGANTAR", html)[0]
    assert "Carlito Bold Face" in heading and "font-weight: normal" in heading
    wide, _ = build_html([Break("landscape"), TableBlock(_spec("grid"))], cover=False)
    tall, _ = build_html([Break("landscape"), TableBlock(_spec("grid"))], cover=False, portrait_only=True)

    def width(h: str) -> float:
        return float(re.search(r"width: ([\d.]+)pt; margin", h)[1])

    assert width(wide) > 600 > width(tall) > 400


# ----------------------------------------------------------------------------------------------- docx


@pytest.mark.skipif(not HAS_DOCX, reason="python-docx is not installed (pip install -e '.[testbed]')")
def test_docx_zebra_sections_header_and_repeated_rows():
    from lakipcheck.synth.docx_build import build_docx

    data = build_docx(_blocks("zebra"), DocMeta(header="Laporan X"), Look(bold_face=True, font="Carlito"))
    xml = zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode()
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S)
    assert len(rows) == 7 and "<w:tblHeader/>" in rows[0] and "<w:tblHeader/>" not in rows[1]
    fills = [f'w:fill="{STRIPE_FILL[1:].upper()}"' in r for r in rows[1:]]
    assert fills == [False, True] * 3
    assert all("<w:cantSplit/>" in r for r in rows)
    assert 'w:fmt="lowerRoman"' in xml and 'w:fmt="decimal"' in xml and 'w:orient="landscape"' in xml
    assert 'w:ascii="Carlito Bold Face"' in xml  # headings in the bold-by-name face
    headers = [n for n in zipfile.ZipFile(BytesIO(data)).namelist() if n.startswith("word/header")]
    assert any("Laporan X" in zipfile.ZipFile(BytesIO(data)).read(n).decode() for n in headers)


@pytest.mark.skipif(not HAS_DOCX, reason="python-docx is not installed (pip install -e '.[testbed]')")
def test_docx_booktabs_rules_and_no_running_header():
    from lakipcheck.synth.docx_build import build_docx

    data = build_docx(_blocks("booktabs", repeat=False), DocMeta(header="Laporan X"), Look(running=False))
    z = zipfile.ZipFile(BytesIO(data))
    xml = z.read("word/document.xml").decode()
    assert "<w:tblHeader/>" not in xml
    assert '<w:top w:val="single" w:sz="8"' in xml and '<w:left w:val="single"' not in xml
    assert not any("Laporan X" in z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))


# ----------------------------------------------------------------------------------------------- reportlab


def _fills(pdf: bytes) -> set[tuple[int, int, int]]:
    doc = pdfium.PdfDocument(pdf)
    out = set()
    for obj in doc[0].get_objects():
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            r, g, b, a = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
            pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
            out.add((r.value, g.value, b.value))
    return out


def test_reportlab_zebra_and_shaded_fills():
    stripe, group = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in (STRIPE_FILL, GROUP_FILL))
    zebra = render([TableBlock(_spec("zebra"))], cover=False).pdf
    shaded = render([TableBlock(_spec("shaded"))], cover=False).pdf
    assert stripe in _fills(zebra) and group not in _fills(zebra)
    assert group in _fills(shaded) and stripe not in _fills(shaded)


def _fonts_of(pdf: bytes) -> set[tuple[str, int]]:
    doc = pdfium.PdfDocument(pdf)
    tp = doc[0].get_textpage()
    out = set()
    for i in range(pdfium_c.FPDFText_CountChars(tp.raw)):
        buf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        if pdfium_c.FPDFText_GetFontInfo(tp.raw, i, buf, 128, ctypes.byref(flags)):
            out.add((buf.value.decode(), pdfium_c.FPDFText_GetFontWeight(tp.raw, i)))
    return out


def test_reportlab_bold_face_headings_say_bold_only_in_their_name():
    from lakipcheck.synth.fonts import font_file

    if not fonts().unicode or not (font_file("Carlito-Bold.ttf") or font_file("LiberationSans-Bold.ttf")):
        pytest.skip("needs DejaVu Sans and Carlito or Liberation Sans")
    pdf = render([Heading("BAB I PENDAHULUAN", 0)], cover=False, look=Look(bold_face=True)).pdf
    names = _fonts_of(pdf)
    assert any("Bold" in n and w < 600 for n, w in names), names
    plain_pdf = render([Heading("BAB I PENDAHULUAN", 0)], cover=False).pdf
    assert any("Bold" in n and w >= 600 for n, w in _fonts_of(plain_pdf))


def test_reportlab_without_running_header_or_footer():
    blocks = [Para("SAMPUL"), Break(), Numbering("arabic"), Para("isi", id="p")]
    with_ = page_texts(render(blocks, DocMeta(header="Laporan X")).pdf)[1]
    without = page_texts(render(blocks, DocMeta(header="Laporan X"), look=Look(running=False)).pdf)[1]
    assert "Laporan X" in with_ and with_.endswith("1") and without == "isi"


# ----------------------------------------------------------------------------------------------- shaping


def test_narrow_money_columns_break_and_titles_wrap():
    _truth, doc = compose(3)
    spec = doc.tables["anggaran"]
    before = list(spec.widths)
    narrow(spec, "portrait")
    assert spec.break_cols == {2, 3} and spec.widths[2] < before[2] and spec.widths[1] > before[1]
    texts = page_texts(render([TableBlock(spec)], cover=False).pdf)
    amount = spec.rows[1][2]
    assert amount not in texts[0] and squash(amount) in squash(texts[0])  # printed over two lines


def test_shape_sets_style_drops_contents_and_landscape():
    _truth, doc = compose(3, ro_names="output")
    v = Variant("docx", "zebra", toc=False, landscape=False, repeat_header=False)
    blocks = shape(doc, list(doc.blocks), v)
    assert not any(isinstance(b, Toc) for b in blocks)
    assert not any(isinstance(b, Heading) and b.text == "DAFTAR ISI" for b in blocks)
    assert not any(isinstance(b, Break) and b.orientation for b in blocks)
    assert {s.style for s in doc.tables.values()} == {"zebra"}
    assert not any(s.repeat_header for s in doc.tables.values())
    names = {i.name for i in _truth.indicators}
    ro_labels = [r[1] for r in doc.tables["ro"].rows if r[0]]
    assert ro_labels and not set(ro_labels) & names  # Rincian Output named by outputs


# ----------------------------------------------------------------------------------------------- locate


@pytest.mark.parametrize("seed", [4, 12])
def test_locate_finds_what_reportlab_tracked(seed):
    """Read back without the tracker, a reportlab rendering gives the pages the tracker recorded."""
    truth, doc = compose(seed)
    meta = DocMeta(header=f"Laporan Kinerja {truth.agency_short} Tahun {truth.year}")
    res = render(doc.blocks, meta)
    fill_toc(doc.toc, doc, res)
    res = render(doc.blocks, meta)
    texts = page_texts(res.pdf)
    found = locate(doc.blocks, texts, header=meta.header)
    assert not found.missing and not found.label_errors
    assert found.result.page_labels == res.page_labels
    for key, pages in res.block_pages.items():
        assert found.result.block_pages.get(key, [None])[0] == pages[0], key
    wrong = [
        k
        for k, pages in res.cell_pages.items()
        if k in found.result.cell_pages and found.result.cell_pages[k][0] not in pages
    ]
    assert not wrong, wrong[:5]
    assert found.result.table_pages == res.table_pages


def test_on_page_ignores_line_breaks_and_hyphens_at_line_ends():
    texts = ["Tabel 12.612. 223.000 masing masing Crosscutting/ Collaborative"]
    assert on_page(texts, 1, "12.612.223.000") and on_page(texts, 1, "masing-masing")
    assert on_page(texts, 1, "Crosscutting/Collaborative") and not on_page(texts, 2, "Tabel")


# ----------------------------------------------------------------------------------------------- engines


@pytest.mark.skipif(importlib.util.find_spec("weasyprint") is None, reason="WeasyPrint is not installed")
def test_weasyprint_draws_the_html_with_numbered_landscape_pages(tmp_path):
    from lakipcheck.synth.producers import Job, Producers

    pdf = Producers(tmp_path).draw([Job("w", "weasyprint", _blocks(), DocMeta(header="Laporan X"), Look())])[
        0
    ]
    doc = pdfium.PdfDocument(pdf)
    assert doc[3].get_width() > doc[3].get_height() and doc[1].get_width() < doc[1].get_height()
    texts = page_texts(pdf)
    assert texts[1].endswith("i") and texts[2].endswith("1") and "Laporan X" in texts[2]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not HAS_DOCX, reason="python-docx is not installed")
def test_libreoffice_converts_the_docx_and_the_html(tmp_path):
    from lakipcheck.synth.producers import Job, Producers

    jobs = [Job(p, p, _blocks(), DocMeta(header="Laporan X"), Look()) for p in ("docx", "lohtml")]
    docx, lohtml = Producers(tmp_path).draw(jobs)
    d = pdfium.PdfDocument(docx)
    assert len(d) == 4 and d[3].get_width() > d[3].get_height()
    assert page_texts(docx)[2].endswith("1")
    found = locate(_blocks(), page_texts(lohtml), header="Laporan X", numbering="physical", footer="odd")
    assert not found.missing and found.result.cell_pages[("t", 6, 1)]
