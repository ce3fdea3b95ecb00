"""Corpus checks: every token of every text-layer PDF parses, and document styles match what the PDFs show."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from lakipcheck.numbers import Figure, FigureKind, NumberStyle, infer_style, parse_figure

pytestmark = pytest.mark.corpus


@cache
def _read(pdf_path: Path) -> tuple[str, ...]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        out: list[str] = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            out += textpage.get_text_range().replace("\r", "").split("\n")
            textpage.close()
            page.close()
        return tuple(out)
    finally:
        pdf.close()


# Checked by reading the PDFs: which separator style each report mostly uses.
STYLES = {
    "lkip_jabar_disperindag_2016": NumberStyle.EN,  # "9,133 WUB", "101.47", "4,775,000,000"
    "lkip_jabar_diskanlaut_2016_lampiran3": NumberStyle.EN,  # "2,165,770,000.00"
    "lkip_jabar_disnak_2016": NumberStyle.ID,  # "116,79", "268.797"
    "lra_provsu_2022": NumberStyle.ID,  # "7.186.683.040,00"
    "evalrenja_tangsel_dinkes_2023": NumberStyle.ID,
}


@pytest.mark.parametrize(("stem", "style"), STYLES.items())
def test_document_style(corpus_dir, stem, style):
    assert infer_style(_read(corpus_dir / f"{stem}.pdf")) == style


def test_every_token_and_line_of_the_corpus_parses(corpus_dir):
    n = 0
    for pdf in sorted(corpus_dir.glob("*.pdf")):
        lines = _read(pdf)
        style = infer_style(lines)
        for line in lines:
            assert isinstance(parse_figure(line, style=style), Figure)
            for token in line.split():
                fig = parse_figure(token, style=style)
                n += 1
                if fig.kind == FigureKind.NUMBER:
                    assert fig.value is not None and fig.decimals is not None
    assert n > 100_000


def test_dispenda_fuel_tax_line_is_consistent(corpus_dir):
    """Dispenda 2016 p3: 'Pajak Bahan Bakar Rupiah 1.834 T 2.119 T 115.54' (target, realisasi, capaian %)."""
    lines = _read(corpus_dir / "lkip_jabar_dispenda_2016_bab3.pdf")
    line = next(x for x in lines if "Pajak Bahan Bakar" in x and " T " in x)
    parts = line.split()
    i = parts.index("T")
    target = parse_figure(f"{parts[i - 1]} T")
    real = parse_figure(f"{parts[i + 1]} T")
    capaian = parse_figure(parts[i + 3], column_hint="Capaian")
    assert target.kind == real.kind == FigureKind.RUPIAH
    assert target.value == Decimal("1.834E12") and real.value == Decimal("2.119E12")
    assert round(real.value / target.value * 100, capaian.decimals) == capaian.value
