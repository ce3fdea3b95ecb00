"""LK301: "realisasi anggaran ... sebesar P% dari total anggaran Rp X" restates the total's % daya serap."""

from __future__ import annotations

import pytest

from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack

LK301 = [r for r in load_pack() if r.code == "LK301"]


@pytest.mark.corpus
def test_corpus_penutup_percent_of_the_total_pagu(corpus_report):
    """Penutup p36: 'sebesar 87,14% dari total anggaran Rp.5.118.378.700,00'; Tabel 14 p34 Jumlah prints
    87,41 (4.473.721.275 / 5.118.378.700)."""
    found = run_rules(corpus_report("lkip_jabar_biroorganisasi_2016.pdf", strict=False), LK301)
    hits = [f for f in found if 36 in f.pages and f.found and "87,14" in f.found]
    assert len(hits) == 1 and 34 in hits[0].pages
