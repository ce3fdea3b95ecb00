"""LK304 required parts and LK305 duplicated column titles: sample, synthetic reports and the real corpus."""

from __future__ import annotations

import copy
import csv
from pathlib import Path

import pytest
import yaml

from lakipcheck.layout.types import DocKind, SectionKind
from lakipcheck.model.types import Report
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.examples import report_from_example
from lakipcheck.rules.pack import load_pack

PACK = {r.code: r for r in load_pack()}
FACTS = Path(__file__).resolve().parents[1] / "data" / "corpus_facts.yaml"


def findings(report: Report, *codes: str):
    return run_rules(report, [PACK[c] for c in codes])


# ------------------------------------------------------------------------------------------------ sample


def test_sample_duplicate_header_found_once(sample_report, sample_truth):
    assert any(d["kind"] == "duplicate_header" for d in sample_truth["known_discrepancies"])
    fs = findings(sample_report, "LK305")
    assert len(fs) == 1, [f.message for f in fs]
    f = fs[0]
    assert f.severity == "error"
    assert f.found == "Jml SP Angk. 2" and f.expected == "Jml SP Angk. 3"  # Angk. 1, 2, 2: the third is 3
    assert [loc.provenance.col for loc in f.locations] == [3, 4]
    assert f.locations[0].provenance.page == 16


def test_sample_is_complete(sample_report):
    assert findings(sample_report, "LK304") == []


def test_sample_without_its_review_statement_gets_one_warning(sample_report):
    rep = copy.deepcopy(sample_report)
    rep.sections = [s for s in rep.sections if s.kind != SectionKind.PERNYATAAN_REVIU]
    fs = findings(rep, "LK304")
    assert [(f.severity, f.evidence["part"]) for f in fs] == [("warning", "reviu")]


def test_a_chapter_on_its_own_gets_information_at_most(sample_report):
    rep = copy.deepcopy(sample_report)
    rep.info.kind = DocKind.LAKIP_PART
    rep.sections = [s for s in rep.sections if s.kind == SectionKind.BAB_III]
    rep.tables = [t for t in rep.tables if t.kind != "budget_realisation"]
    rep.budget_lines, rep.claims = [], []
    fs = findings(rep, "LK304")
    assert fs and all(f.severity == "info" for f in fs)
    assert {f.evidence["part"] for f in fs} == {"budget"}  # only what BAB III itself should hold


def test_repeated_subtitles_and_merged_titles_are_not_duplicates():
    example = {
        "year": 2023,
        "tables": [
            {
                "kind": "capaian",
                "columns": [
                    "Indikator",
                    "Tahun 2023 / Target",
                    "Tahun 2023 / Target",
                    "Tahun 2023 / Realisasi",
                ],
                "rows": [["Guru", "90", "orang", "95"]],
            },
            {
                "kind": "yoy",
                "columns": [
                    "Indikator",
                    "2022 / Target",
                    "2022 / Realisasi",
                    "2023 / Target",
                    "2023 / Realisasi",
                ],
                "rows": [["Guru", "80", "82", "90", "95"]],
            },
            {  # one table printed as two halves side by side
                "kind": "other",
                "columns": ["No", "Uraian", "Tahun 2016", "No", "Uraian", "Tahun 2016"],
                "rows": [["1", "Sapi", "120", "5", "Ayam", "300"]],
            },
        ],
    }
    assert findings(report_from_example(example), "LK305") == []


# ------------------------------------------------------------------------------------------------- synth


@pytest.mark.parametrize("seed", [1, 8])
def test_synth_duplicate_header_is_found(synth_report, seed):
    report, truth = synth_report(seed, "duplicate_header")
    inj = truth.injections[0]
    fs = findings(report, "LK305")
    assert len(fs) == 1, [f.message for f in fs]
    assert fs[0].expected == inj.correct and fs[0].found == inj.printed
    assert fs[0].locations[0].provenance.page == inj.locations[0].page


@pytest.mark.parametrize(("seed", "part"), [(1, "reviu"), (2, "ikhtisar"), (6, "lampiran_pk")])
def test_synth_missing_part_is_found(synth_report, seed, part):
    report, _ = synth_report(seed, "missing_part")
    fs = [f for f in findings(report, "LK304") if f.severity == "warning"]
    assert [f.evidence["part"] for f in fs] == [part]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_synth_clean_reports_give_no_error_or_warning(synth_report, seed):
    """Seed 4 draws its body tables with horizontal rules only (booktabs)."""
    report, _ = synth_report(seed)
    fs = findings(report, "LK304", "LK305")
    assert all(f.severity == "info" for f in fs), [f.message for f in fs]


# ------------------------------------------------------------------------------------------------ corpus


def _lakip_files(corpus: Path) -> list[tuple[str, str]]:
    """The full reports of up to 54 pages and the chapter / lampiran files of up to 25 pages (the test stays
    under a minute; the longer files were checked by hand when the rule was written)."""
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        (r["filename"], r["doc_type"])
        for r in rows
        if int(r["pages"]) <= (54 if r["doc_type"].endswith("-full") else 25) and "LK" in r["doc_type"]
    ]


def test_corpus_structure(corpus_dir, corpus_report):
    """Full reports and chapters of the corpus: no duplicated-title finding (none of them prints one), and
    a missing part is a warning only when the hand-checked facts agree it is missing: the Ikhtisar
    Eksekutif of the reports whose facts give it no page; the Pernyataan Telah Direviu, which no file of the
    corpus holds; the capaian table of the report whose capaian pages are blank."""
    facts = {d["file"]: d for d in yaml.safe_load(FACTS.read_text(encoding="utf-8"))["documents"]}
    warned: dict[str, set[str]] = {}
    on_images = 0  # reports told the statement may be on one of their image pages (info, not a warning)
    for name, doc_type in _lakip_files(corpus_dir):
        report = corpus_report(name, strict=False)
        fs = findings(report, "LK304", "LK305")
        assert not [f for f in fs if f.rule == "LK305"], name
        parts = {f.evidence["part"] for f in fs if f.severity != "info"}
        warned[name] = parts
        on_images += any(
            f.evidence["part"] == "reviu" and f.severity == "info" and report.scanned_pages for f in fs
        )
        fact = facts.get(name)
        if fact is None:
            continue  # added to the corpus after the facts were written: tests/data/truth covers those
        if "full" not in doc_type:
            assert not parts, (name, parts)
        if "ikhtisar" in parts:
            assert fact["sections"]["ikhtisar_eksekutif"] is None, name
        if "capaian" in parts:
            assert fact["capaian_tables"] == [], name
        assert parts <= {"ikhtisar", "reviu", "capaian"}, (name, parts)
    # the review statement is missing from every full report: a warning where every page has text, else
    # information that it may be on an image page
    assert len(warned) >= 15
    assert sum("reviu" in p for p in warned.values()) >= 7
    assert sum("reviu" in p for p in warned.values()) + on_images >= 10
