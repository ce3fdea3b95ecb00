"""LK302 on a sentence that gives only the number of sasaran ("memiliki 6 sasaran strategis")."""

from __future__ import annotations

from functools import cache

import pytest

from lakipcheck.model.types import Report
from lakipcheck.pipeline import extract
from lakipcheck.rules.checks.counts import _HAS_COUNT
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Severity


def test_possession_counts_only():
    assert _HAS_COUNT.search("Dinas ini memiliki 6 sasaran strategis yang secara umum tercapai.")
    assert _HAS_COUNT.search("Perjanjian Kinerja terdiri atas 4 (empat) sasaran strategis.")
    assert not _HAS_COUNT.search("terdapat 2 sasaran yang belum tercapai")
    assert not _HAS_COUNT.search("Dinas memiliki 2 sasaran yang tidak tercapai")


@cache
def _sumut(path: str) -> Report:
    return extract(path)


@pytest.mark.corpus
def test_corpus_penutup_sasaran_count_no_table_has(corpus_dir):
    """Penutup p101: 'memiliki 6 sasaran strategis'; the PK and capaian tables hold 3 to 5 (as read), not
    6."""
    path = corpus_dir / "lkip_sumut_dp3akb_2024.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    found = [
        f
        for f in run_rules(_sumut(str(path)), [r for r in load_pack() if r.code == "LK302"])
        if 101 in f.pages
    ]
    assert len(found) == 1
    assert found[0].found == "6" and found[0].severity == Severity.WARNING
