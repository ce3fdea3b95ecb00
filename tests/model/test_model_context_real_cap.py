"""The capaian cap a report states in its prose (or by naming the Capaian Output Program method)."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace

import pytest

from lakipcheck.model.context import stated_cap
from lakipcheck.model.types import Report
from lakipcheck.pipeline import extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack


def _doc(*texts: str):
    pages = [SimpleNamespace(lines=[SimpleNamespace(text=t)]) for t in texts]
    return SimpleNamespace(pages=pages)


def test_cap_written_in_prose():
    assert stated_cap(_doc("Pendahuluan", "Capaian kinerja dibatasi paling tinggi 120%.")) == 120
    assert stated_cap(_doc("nilai capaian maksimal 110 persen untuk setiap indikator")) == 110


def test_cop_method_named():
    text = "berdasarkan rumus penghitungan dalam Surat Edaran Menteri Keuangan Nomor SE-8/MK.1/2020"
    assert stated_cap(_doc(text)) == 120


def test_no_cap_stated():
    assert stated_cap(_doc("realisasi 120% dari target", "anggaran maksimal Rp 100 juta")) is None


@cache
def _dki(path: str) -> Report:
    return extract(path)


@pytest.mark.corpus
def test_corpus_cop_table_capped_at_120_is_not_an_error_but_100_is(corpus_dir):
    """p31 names SE-8/MK.1/2020; the Capaian Output Program table p32 prints 120,00% for R/T = 121,57. BAB III
    p23 prints 100 for R/T = 113,52 with no cap of 100 stated: still an error."""
    path = corpus_dir / "lkip_dki_kesbangpol_2024.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    found = run_rules(_dki(str(path)), [r for r in load_pack() if r.code == "LK101"])
    pages = {p for f in found for p in f.pages}
    assert 32 not in pages
    assert 23 in pages
