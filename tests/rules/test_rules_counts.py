"""LK302 counts stated in the prose vs the tables; LK303 a number and its words in parentheses."""

from __future__ import annotations

import copy

import pytest

from lakipcheck.model.claims import ClaimKind
from lakipcheck.model.types import Report
from lakipcheck.numbers import words_to_int
from lakipcheck.rules.checks.counts import number_word_pairs
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack

PACK = {r.code: r for r in load_pack()}


def findings(report: Report, *codes: str):
    return run_rules(report, [PACK[c] for c in codes])


def test_sample_counts_and_number_words_are_right(sample_report):
    """The sample states 2 sasaran / 5 indikator / 1 IKK not achieved: all true, so nothing is reported."""
    counted = [
        c for c in sample_report.claims if c.kind in (ClaimKind.COUNT_INDIKATOR, ClaimKind.COUNT_NOT_ACHIEVED)
    ]
    assert counted
    assert findings(sample_report, "LK302", "LK303") == []


def test_sample_with_a_wrong_count_or_word_is_caught(sample_report):
    """The sample's own sentences, changed: "2 (dua) sasaran dengan 6 (enam) indikator", "hanya 2 IKK yang
    belum dicapai", "5 (empat)"."""
    rep = copy.deepcopy(sample_report)
    for c in rep.claims:
        c.sentence = (
            c.sentence.replace("dengan 5 (lima) indikator", "dengan 6 (enam) indikator")
            .replace("hanya 1 IKK", "hanya 2 IKK")
            .replace("2 (dua) kali revisi", "2 (tiga) kali revisi")
        )
        if c.kind == ClaimKind.COUNT_NOT_ACHIEVED:
            c.figure = type(c.figure)(raw="2", kind=c.figure.kind, value=c.figure.value + 1, decimals=0)
    fs = findings(rep, "LK302", "LK303")
    by_rule = {(f.rule, f.found) for f in fs}
    assert ("LK302", "6") in by_rule  # indicators
    assert ("LK302", "2") in by_rule  # not achieved
    assert ("LK303", "2 (tiga)") in by_rule
    count = next(f for f in fs if f.rule == "LK302" and f.found == "6")
    assert count.expected == "5" and len(count.locations) >= 3  # the sentence and the tables that say 5


@pytest.mark.parametrize("seed", [1, 2, 5])
def test_synth_count_claim_wrong_is_found(synth_report, seed):
    report, truth = synth_report(seed, "count_claim_wrong")
    inj = truth.injections[0]
    fs = findings(report, "LK302")
    stated = inj.printed.split()[0]
    correct = inj.correct.split()[0]
    assert any(f.found == stated and f.expected == correct for f in fs), [f.message for f in fs]
    assert all(f.found == stated for f in fs)


@pytest.mark.parametrize("seed", [1, 3, 4])
def test_synth_wrong_number_word_is_found(synth_report, seed):
    report, truth = synth_report(seed, "wrong_number_word")
    inj = truth.injections[0]
    fs = findings(report, "LK303")
    assert len(fs) == 1 and fs[0].found in inj.printed, [f.message for f in fs]
    digits, words = inj.printed.split(" (", 1)
    assert fs[0].evidence == {"digits": int(digits), "words": words_to_int(words.split(")")[0])}


@pytest.mark.parametrize("seed", [1, 2, 3, 8])
def test_synth_clean_reports_give_no_finding(synth_report, seed):
    """Seed 8's linker joins two similar indicator names into one: the row names keep the count right."""
    report, _ = synth_report(seed)
    assert findings(report, "LK302", "LK303") == []


def test_number_word_pairs_both_orders():
    text = (
        "melaksanakan sembilan (9) program, tujuh (7) sasaran dan 11 (sebelas) indikator; 2 (satu) kegiatan"
    )
    pairs = {(d, w) for d, w, _, _ in number_word_pairs(text)}
    assert pairs == {(9, 9), (7, 7), (11, 11), (2, 1)}
    assert list(number_word_pairs("Tabel (2) tahun (2016) ke-3 (ketiga)")) == []


def test_corpus_number_words_that_disagree(corpus_report):
    """Two Jabar 2016 reports print a number with other words ("23 (delapan belas) sasaran", "2 (satu)
    indikator"); the counts they state elsewhere are not contradicted by their tables."""
    for name in ("lkip_jabar_dispenda_2016_bab3.pdf", "lkip_jabar_disperindag_2016.pdf"):
        report = corpus_report(name)
        fs = findings(report, "LK302", "LK303")
        assert [f.rule for f in fs] == ["LK303"], [f.message for f in fs]
        f = fs[0]
        digits, spelled = f.evidence["digits"], f.evidence["words"]
        assert digits != spelled and f"{digits} (" in f.found
        assert words_to_int(f.found.split("(", 1)[1].rstrip(")")) == spelled
