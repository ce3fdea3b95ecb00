"""Bold read from the font's name or flags when its weight says regular (or is out of range)."""

from __future__ import annotations

import pytest

from lakipcheck.ingest import open_document


@pytest.mark.corpus
def test_bold_only_in_font_name(corpus_dir):
    """PROVSU 2020 sets its headings in 'Tahoma-Bold,Bold' whose weight PDFium reads as 0."""
    doc = open_document(corpus_dir / "lakip_provsu_2020.pdf")
    bold = {ln.text for ln in doc.pages[28].lines if ln.bold}
    assert "3.3 Capaian Kinerja Tahun 2020" in bold
    body = [ln for ln in doc.pages[28].lines if len(ln.text) > 60]
    assert body and not any(ln.bold for ln in body)  # the running text in plain Tahoma stays regular


@pytest.mark.corpus
def test_out_of_range_weight_is_not_bold(corpus_dir):
    """A CID font whose descriptor gives weight 4044 for every glyph: that says nothing about bold."""
    doc = open_document(corpus_dir / "pk_bps_dompu_2022_dasarhitung.pdf")
    words = [w for p in doc.pages for w in p.words]
    assert words and sum(w.bold for w in words) < 0.2 * len(words)
