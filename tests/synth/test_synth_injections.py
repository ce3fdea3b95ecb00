"""Each injection changes exactly what its truth record says, and the PDF prints the wrong value there."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from lakipcheck.synth import INJECTION_KINDS, InjectionError, generate
from lakipcheck.synth.compose import occurrences
from lakipcheck.synth.generate import apply_injections, compose
from lakipcheck.synth.inject import PART_TITLES, REQUIRED_PARTS
from lakipcheck.synth.numfmt import quantize, terbilang
from lakipcheck.synth.plan import predicate_of
from lakipcheck.synth.render import norm_space, page_texts

from .conftest import on_page, read_number

DIFF_SEEDS = (1, 9, 17)


def _snapshot(doc, removed=frozenset()) -> dict:
    snap = {}
    for tid, spec in doc.tables.items():
        for r, row in enumerate(spec.header):
            for c, text in enumerate(row):
                snap[(tid, "h", r, c)] = text
        for r, row in enumerate(spec.rows):
            for c, text in enumerate(row):
                snap[(tid, "b", r, c)] = text.replace("**", "")
    for bid, p in doc.paras.items():
        snap[bid] = p.text
    for bid, h in doc.headings.items():
        snap[bid] = h.text
    snap["blocks"] = tuple(i for i, b in enumerate(doc.blocks) if id(b) not in removed)
    return snap


def _key(loc):
    if loc.table is not None:
        return (loc.table, "h" if loc.header else "b", loc.row, loc.col)
    return loc.block


def _style(truth_tables_formats: dict, tid: str, row: int, others: dict) -> str:
    fmt = truth_tables_formats.get(tid, "id")
    if fmt == "mixed":
        return "id" if row in others.get(tid, []) else "en"
    return fmt


@pytest.mark.parametrize("kind", INJECTION_KINDS)
@pytest.mark.parametrize("seed", DIFF_SEEDS)
def test_injection_changes_exactly_the_recorded_places(kind, seed):
    truth0, doc0 = compose(seed, [kind])
    clean = _snapshot(doc0)
    truth, doc = compose(seed, [kind])
    ctx = apply_injections(truth, doc, [kind])
    dirty = _snapshot(doc, ctx.removed)
    changed = {k for k in clean if k != "blocks" and clean[k] != dirty[k]}
    [inj] = truth.injections
    assert inj.kind == kind
    if kind == "missing_part":
        assert changed <= {k for k in clean if isinstance(k, str)}  # only the table of contents may move
        gone = set(clean["blocks"]) - set(dirty["blocks"])
        part = next(p for p, t in PART_TITLES.items() if t == inj.locations[0].correct)
        assert gone == {i for i, b in enumerate(doc.blocks) if id(b) in set(doc.parts[part])}
        assert part not in truth.parts and part in truth0.parts
        return
    assert changed == {_key(loc) for loc in inj.locations}
    for loc in inj.locations:
        before, after = clean[_key(loc)], dirty[_key(loc)]
        if loc.table is not None:
            assert (before, after) == (loc.correct, loc.printed)
        else:
            [at] = occurrences(before, loc.correct)  # the one standalone occurrence was replaced
            assert before[:at] + loc.printed + before[at + len(loc.correct) :] == after
    _check_meaning(kind, inj, truth, doc)


def _check_meaning(kind, inj, truth, doc):
    """The planted value is really wrong by the rule a reviewer would apply."""
    loc = inj.locations[0]
    fmts, others = doc.table_formats, doc.other_format_rows
    conv = truth.conventions
    if kind in ("capaian_wrong", "daya_serap_wrong"):
        style = _style(fmts, loc.table, loc.row, others)
        printed = read_number(loc.printed, style)
        if kind == "capaian_wrong":
            exact = truth.indicator(inj.indicator).capaian
        else:
            b = next(b for b in doc.budget_lines if b.table == "anggaran" and b.row == loc.row)
            exact = Decimal(b.realisasi) / Decimal(b.pagu) * 100
        for mode in ("round", "truncate"):  # not explainable by either way of cutting decimals
            assert abs(printed - quantize(exact, conv.percent_decimals, mode)) >= Decimal("0.5")
    elif kind == "total_wrong":
        spec = doc.tables[loc.table]
        rows = [b for b in doc.budget_lines if b.table == loc.table and not b.is_total]
        col_key = "realisasi" if (loc.table, loc.col) == ("anggaran", 3) else "pagu"
        if rows and loc.table != "ro":
            leaves = [b for b in rows if b.indicator or loc.table in ("pk_budget", "sebaran")]
            want = sum(getattr(b, col_key) for b in leaves)
        elif rows:
            want = sum(b.pagu for b in rows if b.level == 1)
        else:  # the staff table
            want = sum(int(r[2]) for r in spec.rows[:-1])
        style = _style(fmts, loc.table, loc.row, others)
        assert read_number(loc.printed, style) != want == read_number(loc.correct, style)
    elif kind == "target_mismatch":
        ind = truth.indicator(inj.indicator)
        assert loc.printed != loc.correct
        if ind.kind != "predicate":
            assert read_number(loc.printed, "id") != ind.target == read_number(loc.correct, "id")
    elif kind == "budget_row_swap":
        pairs = {(lc.row, lc.col): (lc.printed, lc.correct) for lc in inj.locations}
        for (row, col), (printed, correct) in pairs.items():
            partner = next(v for (r, c), v in pairs.items() if c == col and r != row)
            assert printed == partner[1] and correct == partner[0]
    elif kind == "column_swap":
        a, b = inj.locations
        assert (a.printed, a.correct) == (b.correct, b.printed)
    elif kind == "predicate_mismatch":
        ind = truth.indicator(inj.indicator)
        assert loc.printed != predicate_of(ind.score) == loc.correct
    elif kind == "restated_total_wrong":
        assert read_number(loc.printed, "id") != truth.total_realisasi == read_number(loc.correct, "id")
    elif kind == "count_claim_wrong":
        n = int(re.match(r"\d+", loc.printed)[0])
        real = len(truth.sasaran) if "sasaran" in loc.printed else len(truth.indicators)
        assert n != real and int(re.match(r"\d+", loc.correct)[0]) == real
        assert f"({terbilang(n)})" in loc.printed  # the words follow the wrong number
    elif kind == "duplicate_header":
        row = doc.tables[loc.table].header[loc.row]
        assert row.count(loc.printed) == 2 and loc.correct not in row
    elif kind == "narrative_number_changed":
        assert read_number(loc.printed, "id") != read_number(loc.correct, "id")
    elif kind == "wrong_indicator_name":
        names = {i.name for i in truth.indicators}
        assert loc.printed in names and loc.correct in names and loc.printed != loc.correct
    elif kind == "wrong_number_word":
        m = re.match(r"(\d+) \(([a-z ]+)\)", loc.printed)
        assert terbilang(int(m[1])) != m[2]
    elif kind == "wrong_year":
        assert re.findall(r"\d{4}", loc.printed) != re.findall(r"\d{4}", loc.correct)


@pytest.mark.parametrize("kind", INJECTION_KINDS)
def test_injected_value_is_printed_on_the_recorded_page(synth_generated, kind):
    seed = 4 + INJECTION_KINDS.index(kind)
    rep = synth_generated(seed, kind)
    texts = page_texts(rep.pdf)
    [inj] = rep.truth.injections
    if kind == "missing_part":
        title = inj.locations[0].correct.upper()
        # no heading of it anywhere, and the table of contents no longer lists it (BAB I's "Sistematika
        # Laporan" may still name it in a sentence, as a report that dropped the part would)
        lines = [ln.strip().upper() for t in texts for ln in t.splitlines()]
        assert not any(ln.startswith(title) for ln in lines)
        assert all(title not in t.upper() for t in texts[:3])
        return
    for loc in inj.locations:
        assert on_page(texts, loc.page, loc.printed), (loc, loc.page)
        if loc.block is not None:  # the words around it too, so the page is the sentence's page
            ctx = norm_space(loc.context)
            i = ctx.find(norm_space(loc.printed))
            before = " ".join(ctx[:i].split()[-2:])
            after = " ".join(ctx[i + len(norm_space(loc.printed)) :].split()[:2])
            page = texts[loc.page - 1]
            assert (
                norm_space(f"{before} {loc.printed}") in page or norm_space(f"{loc.printed} {after}") in page
            )


@pytest.mark.parametrize("seed", [2, 21])
def test_all_kinds_at_once_do_not_collide(synth_generated, seed):
    rep = synth_generated(seed, *INJECTION_KINDS)
    texts = page_texts(rep.pdf)
    assert sorted(i.kind for i in rep.truth.injections) == sorted(INJECTION_KINDS)
    keys = [_key(loc) for i in rep.truth.injections for loc in i.locations if i.kind != "missing_part"]
    assert len(keys) == len(set(keys))
    for inj in rep.truth.injections:
        for loc in inj.locations:
            if inj.kind != "missing_part":
                assert on_page(texts, loc.page, loc.printed), (inj.kind, loc)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown injection"):
        generate(1, inject=["no_such_kind"])
    assert issubclass(InjectionError, ValueError)


def test_missing_part_removes_only_a_part_a_reviewer_requires():
    """A Kata Pengantar is customary, not required: leaving it out is no discrepancy to inject."""
    removed = set()
    for seed in range(1, 21):
        truth, doc = compose(seed, ["missing_part"])
        apply_injections(truth, doc, ["missing_part"])
        removed.add(truth.injections[0].locations[0].correct)
    assert removed == {PART_TITLES[p] for p in REQUIRED_PARTS}
    assert PART_TITLES["kata_pengantar"] not in removed
