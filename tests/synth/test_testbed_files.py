"""The committed multi-producer test bed is consistent: manifests, PDFs and truth agree, page by page.

Nothing here extracts the held-back set (benchmarks/testbed) or generates from its seeds: it is only read
back as text, to see that every value its truth records is printed on the page recorded for it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from lakipcheck.synth.blocks import TABLE_STYLES
from lakipcheck.synth.locate import on_page
from lakipcheck.synth.producers import PRODUCERS
from lakipcheck.synth.render import page_texts
from lakipcheck.synth.testbed import GROUPS, check_truth

ROOT = Path(__file__).resolve().parents[2]
SETS = {"tuning": ROOT / "tests" / "data" / "testbed", "held": ROOT / "benchmarks" / "testbed"}
MAX_BYTES = 30 * 1024 * 1024


@cache
def manifest(name: str) -> dict:
    return json.loads((SETS[name] / "manifest.json").read_text(encoding="utf-8"))


@cache
def texts(name: str, file: str) -> list[str]:
    return page_texts(SETS[name] / file)


def entries(name: str, kind: str = "synth") -> list[dict]:
    return [e for e in manifest(name)["reports"] if e["kind"] == kind]


def truth(name: str, e: dict) -> dict:
    return json.loads((SETS[name] / e["truth"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SETS)
def test_manifest_lists_existing_files_spread_over_producers_and_styles(name):
    synth = entries(name)
    for e in manifest(name)["reports"]:
        assert (SETS[name] / e["file"]).is_file() and (SETS[name] / e["truth"]).is_file(), e["file"]
        assert set(e) >= {"file", "truth", "producer", "style", "seed", "injected", "n_pages"}
    cells = {(e["producer"], e["style"]) for e in synth}
    assert cells == {(p, s) for p in PRODUCERS for s in TABLE_STYLES}
    per_cell = {c: sum((e["producer"], e["style"]) == c for e in synth) for c in cells}
    assert len(set(per_cell.values())) == 1  # evenly spread
    for c in cells:  # a clean report in every producer x style
        assert any(not e["injected"] for e in synth if (e["producer"], e["style"]) == c)
    assert {tuple(e["injected"]) for e in synth if e["injected"]} <= set(GROUPS)


def test_held_back_set_is_large_covers_every_kind_and_shares_no_seed():
    held, tuning = entries("held"), entries("tuning")
    assert len(held) >= 40
    kinds = {k for g in GROUPS for k in g}
    for producer in PRODUCERS:  # every kind in every producer
        assert {k for e in held if e["producer"] == producer for k in e["injected"]} == kinds
    assert not {e["seed"] for e in held} & {e["seed"] for e in tuning}
    assert min(e["seed"] for e in held) >= 90000  # far from the seeds the tests generate (0-99)


@pytest.mark.parametrize("name", SETS)
def test_features_vary_within_each_set(name):
    feats = [e["features"] for e in entries(name)]
    for key in ("running", "toc", "bold_face", "narrow", "landscape", "charts", "repeat_header"):
        assert {f[key] for f in feats} == {True, False}, key
    assert {f["ro_names"] for f in feats} == {"indicator", "output"}
    assert len({f["font"] for f in feats}) >= 2


def test_committed_size_is_bounded():
    total = sum(p.stat().st_size for d in SETS.values() for p in d.rglob("*") if p.is_file())
    assert total <= MAX_BYTES, f"{total / 1e6:.1f} MB"


@pytest.mark.parametrize("name", SETS)
def test_every_truth_location_is_on_its_page(name):
    """Pages within the document, page count and labels as the truth says, and every stated value, budget
    amount and injected (wrong) value printed on the page recorded for it."""
    bad = {}
    for e in entries(name):
        t, pages = truth(name, e), texts(name, e["file"])
        assert len(pages) == e["n_pages"] == t["n_pages"], e["file"]
        assert t["testbed"]["producer"] == e["producer"] and t["testbed"]["style"] == e["style"]
        assert sorted(i["kind"] for i in t["injections"]) == sorted(e["injected"]), e["file"]
        problems = check_truth(t, pages)
        if problems:
            bad[e["file"]] = problems[:3]
    assert not bad, bad


@pytest.mark.parametrize("name", SETS)
def test_tables_are_drawn_in_the_style_the_manifest_says(name):
    for e in entries(name):
        t = truth(name, e)
        assert {x["style"] for x in t["tables"]} == {e["style"]}, e["file"]
        landscape = {x["orientation"] for x in t["tables"] if x["id"] in ("renaksi", "pengukuran", "ro")}
        lo_or_portrait = e["producer"] == "lohtml" or not e["features"]["landscape"]
        assert landscape == ({"portrait"} if lo_or_portrait else {"landscape"}), e["file"]


def test_bgp_sample_by_every_producer_with_its_defects_located():
    bgp = entries("tuning", "bgp")
    assert {e["producer"] for e in bgp} == set(PRODUCERS)
    assert {e["style"] for e in bgp} > {"grid"}  # each producer also draws it in another style
    for e in bgp:
        t, pages = truth("tuning", e), texts("tuning", e["file"])
        assert len(pages) == t["n_pages"] == e["n_pages"]
        for ind in t["indicators"]:
            for v in ind["values"]:
                assert on_page(pages, v["page"], v["printed"]), (e["file"], ind["code"], v)
        for c in t["claims"]:
            assert on_page(pages, c["page"], c["printed"]), (e["file"], c)
        defects = t["defects"]
        assert [d["kind"] for d in defects].count("table") == 9 and len(defects) == 13
        assert all(d["pages"] and all(1 <= p <= len(pages) for p in d["pages"]) for d in defects)


def test_the_reportlab_rendering_of_the_bgp_sample_is_the_bundled_sample():
    e = next(x for x in entries("tuning", "bgp") if x["producer"] == "reportlab" and x["style"] == "grid")
    assert (SETS["tuning"] / e["file"]).read_bytes() == (
        ROOT / "samples" / "lakip_bgp_ntt_2023.pdf"
    ).read_bytes()
