"""LK402 on budget sentences of a real report: "alokasi Rp X terealisasi Rp Y atau P%" (P = Y/X)."""

from __future__ import annotations

from functools import cache

import pytest

from lakipcheck.model.claims import ClaimKind
from lakipcheck.model.types import Report
from lakipcheck.pipeline import extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack


@cache
def _bp3akb(path: str) -> Report:
    return extract(path)


@pytest.mark.corpus
def test_corpus_budget_sentence_percent_is_recomputed(corpus_dir):
    """Ikhtisar p3: Belanja Langsung Rp.45,381,466,800.00 terealisasi Rp.41,865,825,758.00 'atau 92.08%' (the
    ratio is 92,25); p36: program Rp.15,826,297,300.00 / Rp.15,615,158,380 'atau 98.34%' (98,67). Neither
    sentence names a budget line or an indicator: the amounts are kept unlinked, never compared with a
    table."""
    path = corpus_dir / "lkip_jabar_bp3akb_2016.pdf"
    if not path.exists():
        pytest.skip("file not in corpus")
    report = _bp3akb(str(path))
    unlinked = [c for c in report.claims if c.extra.get("unlinked")]
    assert unlinked and all(c.indicator is None for c in unlinked)
    assert any(c.kind == ClaimKind.DAYA_SERAP and c.figure.raw == "92.08%" for c in unlinked)
    found = run_rules(report, [r for r in load_pack() if r.code == "LK402"])
    got = {(f.pages[0], f.found) for f in found}
    assert (3, "92.08%") in got
    assert (36, "98.34%") in got
    # an unlinked amount is never restated against a table (LK401)
    lk401 = run_rules(report, [r for r in load_pack() if r.code == "LK401"])
    assert not any(f.found in ("Rp.45,381,466,800.00", "92.08%") for f in lk401)
