"""Clean synthetic reports: deterministic, varied, and internally consistent under their own conventions."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from lakipcheck.synth import generate
from lakipcheck.synth.numfmt import quantize, terbilang
from lakipcheck.synth.plan import make_plan
from lakipcheck.synth.render import page_texts
from lakipcheck.synth.vocab import SAKIP_SCALE

from .conftest import on_page, read_number

SEEDS = [0, 3, 7, 11, 19, 23]
NUMBER_WORDS = (
    "nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|seratus|"
    "ratus|seribu|ribu"
)


@pytest.fixture(scope="module", params=SEEDS)
def report(request, synth_generated):
    rep = synth_generated(request.param)
    return rep, page_texts(rep.pdf)


def test_same_seed_same_bytes_and_truth():
    a, b = generate(5), generate(5)
    assert a.pdf == b.pdf
    assert a.truth.to_json() == b.truth.to_json()
    assert generate(6).pdf != a.pdf


def test_table_style_can_be_chosen_and_changes_only_the_rules(synth_generated):
    """The same report drawn with every body table boxed: same text, same truth values, more rules."""
    own, boxed = synth_generated(7), synth_generated(7, table_style="grid")
    assert own.truth.conventions.table_style == "none" and boxed.truth.conventions.table_style == "grid"
    assert page_texts(own.pdf) == page_texts(boxed.pdf)
    styles = {t["id"]: t["style"] for t in boxed.truth.tables}
    assert styles["capaian"] == "grid" and {t["style"] for t in own.truth.tables} == {"none", "grid"}


def test_plans_vary_over_seeds():
    plans = [make_plan(s) for s in range(40)]
    assert len({p.agency_type for p in plans}) >= 6
    years = {p.year for p in plans}
    assert min(years) >= 2016 and max(years) <= 2025 and len(years) >= 6
    counts = [len(p.indicators) for p in plans]
    assert min(counts) >= 3 and max(counts) <= 9 and len(set(counts)) >= 4
    inds = [i for p in plans for i in p.indicators]
    assert {i.polarity for i in inds} == {"positive", "negative"}
    assert {i.kind for i in inds} == {"count", "percent", "index", "score", "predicate"}
    assert {p.conventions.percent_mode for p in plans} == {"round", "truncate"}
    assert {"id", "en", "mixed"} <= {f for p in plans for f in p.conventions.table_formats.values()}
    assert {p.conventions.table_style for p in plans} == {"grid", "booktabs", "none"}
    assert {p.conventions.negative_formula for p in plans} == {"2T-R", "T/R"}


def _capaian(target: Decimal, realisasi: Decimal, polarity: str, formula: str) -> Decimal:
    if polarity == "positive":
        return realisasi / target * 100
    return target / realisasi * 100 if formula == "T/R" else (2 * target - realisasi) / target * 100


def _expected(ind, entry, conv):
    """The true value behind a stated cell, as the report's conventions print it."""
    role, year = entry["role"], entry.get("year")

    def pct(x):
        return quantize(x, conv.percent_decimals, conv.percent_mode)

    table = {
        "renstra_target": lambda: ind.renstra[year],
        "pk_target": lambda: ind.target,
        "target": lambda: ind.target,
        "renaksi_target": lambda: ind.target,
        "pengukuran_target": lambda: ind.target,
        "renaksi_tw": lambda: ind.renaksi_tw[entry["quarter"] - 1],
        "realisasi": lambda: ind.realisasi,
        "pengukuran_realisasi": lambda: ind.realisasi,
        "prev_realisasi": lambda: ind.history[year],
        "capaian": lambda: ind.capaian_printed if ind.kind == "predicate" else pct(ind.capaian),
        "pengukuran_capaian": lambda: ind.capaian_printed if ind.kind == "predicate" else pct(ind.capaian),
        "renstra_end_target": lambda: ind.renstra_end_target,
        "renstra_end_capaian": lambda: pct(ind.renstra_end_capaian),
        "budget_pagu": lambda: Decimal(ind.budget_pagu),
        "budget_realisasi": lambda: Decimal(ind.budget_realisasi),
        "budget_percent": lambda: pct(ind.budget_percent),
        "score": lambda: ind.score,
        "prev_score": lambda: ind.prev_score,
    }
    return table[role]()


def _style(truth, table_id: str, row: int) -> str:
    t = next(t for t in truth.tables if t["id"] == table_id)
    fmt = t["number_format"]
    if fmt == "mixed":
        return "id" if row in t["rows_in_other_format"] else "en"
    return fmt


def test_every_stated_value_is_the_true_value_in_the_table_format(report):
    rep, _texts = report
    truth = rep.truth
    n = 0
    for ind in truth.indicators:
        assert ind.stated, ind.key
        for e in ind.stated:
            want = _expected(ind, e, truth.conventions)
            if isinstance(want, str):
                assert e["printed"] == want, (ind.key, e)
            else:
                assert read_number(e["printed"], _style(truth, e["table"], e["row"])) == want, (ind.key, e)
            n += 1
    assert n >= 10 * len(truth.indicators)


def test_capaian_and_end_of_renstra_are_recomputed_from_the_values(report):
    truth = report[0].truth
    conv = truth.conventions
    for ind in truth.indicators:
        if ind.kind == "predicate":
            ranks = [p for _lo, _hi, p, _m in SAKIP_SCALE]
            assert ind.achieved == (ranks.index(ind.realisasi) <= ranks.index(ind.target))
            lo = next(lo for lo, _hi, p, _m in SAKIP_SCALE if p == ind.realisasi)
            assert ind.score > lo
            continue
        cap = _capaian(ind.target, ind.realisasi, ind.polarity, conv.negative_formula)
        assert abs(cap - ind.capaian) < Decimal("1e-12")
        assert ind.achieved == (quantize(cap, conv.percent_decimals, conv.percent_mode) >= 100)
        assert ind.renstra[truth.year] == ind.target
        assert ind.renaksi_tw[3] == ind.target
        y0 = truth.renstra_period[0]
        if ind.renstra_end_basis == "cumulative":
            assert ind.renstra_end_target == sum(ind.renstra.values())
            done = sum(v for y, v in ind.history.items() if y0 <= y <= truth.year)
            assert abs(done / ind.renstra_end_target * 100 - ind.renstra_end_capaian) < Decimal("1e-12")
        else:
            assert ind.renstra_end_target == ind.renstra[truth.renstra_period[1]]


def test_budget_tables_add_up(report):
    truth = report[0].truth
    lines = truth.budget_lines
    pct = truth.conventions
    by_table: dict[str, list] = {}
    for b in lines:
        by_table.setdefault(b.table, []).append(b)
        style = _style(truth, b.table, b.row)
        assert read_number(b.printed["pagu"], style) == b.pagu, b
        if b.realisasi is not None:
            assert read_number(b.printed["realisasi"], style) == b.realisasi
            assert read_number(b.printed["percent"], style) == quantize(
                Decimal(b.realisasi) / Decimal(b.pagu) * 100, pct.percent_decimals, pct.percent_mode
            )
    ang = by_table["anggaran"]
    total = next(b for b in ang if b.is_total)
    leaves = [b for b in ang if b.indicator]
    assert total.pagu == sum(b.pagu for b in leaves) == truth.total_pagu
    assert total.realisasi == sum(b.realisasi for b in leaves) == truth.total_realisasi
    current = None
    for b in ang:  # every subtotal is the sum of the indicator rows under it
        if b.is_subtotal:
            current = [b, 0, 0]
        elif b.indicator:
            current[1] += b.pagu
            current[2] += b.realisasi
            assert current[0].pagu >= current[1]
    for sub in (b for b in ang if b.is_subtotal):
        inds = [
            i
            for i in truth.indicators
            if truth.sasaran[[s.name for s in truth.sasaran].index(sub.label)].key == i.sasaran
        ]
        assert sub.pagu == sum(i.budget_pagu for i in inds)
    ro = by_table["ro"]
    assert next(b for b in ro if b.is_total).pagu == sum(b.pagu for b in ro if b.level == 1)
    for b in (b for b in ro if b.level == 1):
        assert b.pagu == sum(c.pagu for c in ro if c.level == 2 and c.indicator == b.indicator)
        assert b.pagu == truth.indicator(b.indicator).budget_pagu
    pk = by_table["pk_budget"]
    assert next(b for b in pk if b.is_total).pagu == sum(b.pagu for b in pk if not b.is_total)
    if "sebaran" in by_table:
        seb = by_table["sebaran"]
        assert next(b for b in seb if b.is_total).pagu == sum(b.pagu for b in seb if not b.is_total)


def test_prose_counts_and_number_words_are_right(report):
    rep, texts = report
    truth = rep.truth
    text = " ".join(texts)
    m = re.search(r"(\d+) \(([a-z ]+)\) sasaran dengan (\d+) \(([a-z ]+)\) indikator", text)
    assert m, "no count claim"
    assert int(m[1]) == len(truth.sasaran) and int(m[3]) == len(truth.indicators)
    pairs = re.findall(rf"(\d+) \(((?:{NUMBER_WORDS})(?: (?:{NUMBER_WORDS}))*)\)", text)
    assert len(pairs) >= 3
    assert all(terbilang(int(n)) == w for n, w in pairs), pairs
    assert f"Rp {truth.total_realisasi:,}".replace(",", ".") in text


def test_every_stated_value_is_printed_on_its_page(report):
    rep, texts = report
    truth = rep.truth
    assert truth.n_pages == len(texts)
    for ind in truth.indicators:
        for e in ind.stated:
            assert on_page(texts, e["page"], e["printed"]), (ind.key, e)
    for t in truth.tables:
        assert t["pages"], t["id"]
        first = next(c for c in t["header"][0] if c)
        assert on_page(texts, t["pages"][0], first.split()[0]), t


def test_layout_variety_over_rendered_seeds(synth_generated):
    shapes = set()
    for seed in (2, 4, 8, 13):
        truth = synth_generated(seed).truth
        shapes |= {("split", len(t["pages"]) > 1) for t in truth.tables}
        shapes |= {("orientation", t["orientation"]) for t in truth.tables}
        shapes |= {("headers", len(t["header"])) for t in truth.tables}
        shapes |= {("roman", "ii" in truth.page_labels)}
    assert {("split", True), ("orientation", "landscape"), ("headers", 2), ("roman", True)} <= shapes
