"""A row counting things ("Jumlah kegiatan ... yang dilaksanakan") is an indicator, not a total."""

from __future__ import annotations

import pytest

from lakipcheck.pipeline import extract
from lakipcheck.rules.checks.sums import _is_total_label
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack


def test_total_labels():
    assert _is_total_label("Jumlah")
    assert _is_total_label("Jumlah Kegiatan")
    assert _is_total_label("Total Anggaran Program")
    assert not _is_total_label("Jumlah kegiatan seremonial yang dilaksanakan")
    assert not _is_total_label("Jumlah program yang sesuai dengan dokumen perencanaan")
    assert not _is_total_label("TOTAL ANGGARAN (WAJIB + PILIHAN)")  # the sum of two named subtotals


@pytest.mark.corpus
def test_indicator_named_jumlah_is_not_summed(corpus_dir):
    """BPLHD 2016's Rencana Aksi table (p39-46) has an indicator 'Jumlah kegiatan seremonial yang
    dilaksanakan'; its row is not the sum of the rows above it and no total check runs on it."""
    report = extract(corpus_dir / "lkip_jabar_bplhd_2016.pdf")
    fs = [f for f in run_rules(report, load_pack()) if f.rule == "LK201"]
    assert not [f for f in fs if "seremonial" in f.message.lower()]
