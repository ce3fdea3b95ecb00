"""LK202 budget_percent, LK203 budget_row_swap, LK204 budget_consistency: % daya serap, amounts swapped
between the realisasi-anggaran and rincian-output tables, and budget totals of the PK / rincian output
tables.
Measured on the BGP NTT sample (its real row swap p.30 vs p.48; its revised PK is information only), on
synthetic reports with injected errors, and on the corpus errors checked by hand."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from lakipcheck.model.types import Report, Role
from lakipcheck.numbers import parse_figure
from lakipcheck.pipeline import extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Finding, Severity

PACK = {r.code: r for r in load_pack()}
FACTS = Path(__file__).resolve().parents[1] / "data" / "corpus_facts.yaml"


def findings(report: Report, *codes: str) -> list[Finding]:
    return run_rules(report, [PACK[c] for c in codes])


def _set_budget(report: Report, table_id: str, row: int, role: Role, text: str) -> None:
    line = next(b for b in report.budget_lines if b.table_id == table_id and b.row == row)
    value = next(v for v in line.values if v.role == role)
    value.figure = parse_figure(text, column_hint=value.provenance.column_name)


def _realisation(report: Report):
    return next(t for t in report.tables if t.kind.value == "budget_realisation")


# ----------------------------------------------------------------------------------------------- sample


def test_sample_row_swap_is_one_finding_naming_both_tables(sample_report):
    found = findings(sample_report, "LK203")
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.ERROR and f.pages == [30, 48]
    assert "IKK 1.2" in f.message and "IKK 1.3" in f.message
    assert "34.733.045.000" in f.message and "1.346.386.000" in f.message
    assert "34,733,045,000" in f.message and "1,346,386,000" in f.message
    assert len(f.locations) == 4


def test_sample_percentages_all_consistent(sample_report):
    """99.85 (truncated 99,855), 99.82 (rounded 99,818) and the rest follow from realisasi / pagu."""
    assert findings(sample_report, "LK202") == []


def test_sample_revised_pk_is_information_only(sample_report):
    found = findings(sample_report, "LK204")
    assert found and all(f.severity == Severity.INFO for f in found)
    f = found[0]
    assert "67.742.150.000" in f.message and "54.166.493.000" in f.message and 30 in f.pages


def test_sample_changed_percent_is_caught(sample_report):
    report = copy.deepcopy(sample_report)
    table = _realisation(report)
    line = next(b for b in report.budget_lines if b.table_id == table.id and "pelatihan" in b.label.lower())
    _set_budget(report, table.id, line.row, Role.BUDGET_PERCENT, "98.85")
    found = findings(report, "LK202")
    assert [(f.severity, f.pages, f.found) for f in found] == [(Severity.ERROR, [30], "98.85")]
    assert found[0].expected == "99.86"  # 13.021.635.298 / 13.040.047.000 = 99,859 %, in the report's style


def test_sample_wrong_total_is_one_finding_not_two(sample_report):
    """The TOTAL realisasi misprinted: LK201 reports it; its % (right for the sum of the rows) is not reported
    again by LK202."""
    report = copy.deepcopy(sample_report)
    table = _realisation(report)
    total = next(b for b in report.budget_lines if b.table_id == table.id and b.is_total)
    _set_budget(report, table.id, total.row, Role.BUDGET_REALISASI, "53.068.042.813")
    found = findings(report, "LK201", "LK202")
    assert [(f.rule, f.found) for f in found] == [("LK201", "53.068.042.813")]


def test_sample_swap_undone_gives_no_swap(sample_report):
    report = copy.deepcopy(sample_report)
    table = _realisation(report)
    rows = {b.indicator_key: b.row for b in report.budget_lines if b.table_id == table.id and b.indicator_key}
    _set_budget(report, table.id, rows["IKK 1.2"], Role.BUDGET_PAGU, "1.346.386.000")
    _set_budget(report, table.id, rows["IKK 1.3"], Role.BUDGET_PAGU, "34.733.045.000")
    assert findings(report, "LK203") == []


# ----------------------------------------------------------------------------------------------- synthetic


def _in_tables(report: Report, page: int, printed: str) -> bool:
    key = printed.replace(" ", "")
    return any(
        key in c.text.replace(" ", "")
        for t in report.tables
        for r in t.rows
        for c in r
        if (c.page or t.page) == page
    )


def _budget_lines_on(report: Report, page: int) -> bool:
    return any(
        v.provenance.page == page and v.role == Role.BUDGET_PAGU
        for b in report.budget_lines
        for v in b.values
        if v.table_kind is not None and v.table_kind.value == "budget_realisation"
    )


def test_synth_daya_serap_wrong_found_at_its_page(synth_report):
    hit = evaluable = 0
    for seed in range(1, 11):
        report, truth = synth_report(seed, "daya_serap_wrong", strict=False)
        loc = truth.injections[0].locations[0]
        if not _in_tables(report, loc.page, loc.printed) or not _budget_lines_on(report, loc.page):
            continue  # the realisasi table was not extracted as one (a tables-stage miss)
        evaluable += 1
        got = [f for f in findings(report, "LK202") if loc.page in f.pages and f.found == loc.printed]
        assert got and got[0].severity == Severity.ERROR, f"seed {seed}: {truth.injections[0].description}"
        hit += 1
    assert evaluable >= 5 and hit == evaluable


def test_synth_budget_row_swap_found_naming_both_tables(synth_report):
    hit = evaluable = 0
    for seed in range(1, 11):
        report, truth = synth_report(seed, "budget_row_swap", strict=False)
        inj = truth.injections[0]
        pagu = [loc for loc in inj.locations if loc.col == 2]
        page = pagu[0].page
        if not all(_in_tables(report, page, loc.printed) for loc in pagu) or not _budget_lines_on(
            report, page
        ):
            continue  # the realisasi table was not extracted whole (a tables-stage miss)
        evaluable += 1
        got = [f for f in findings(report, "LK203") if page in f.pages]
        assert len(got) == 1, f"seed {seed}: {inj.description}"
        ro_page = next(t["pages"][0] for t in truth.tables if t["id"] == "ro")
        assert ro_page in got[0].pages and all(loc.printed in got[0].message for loc in pagu)
        hit += 1
    assert evaluable >= 4 and hit == evaluable


def test_synth_reports_with_other_injections_have_no_budget_swaps(synth_report):
    for seed in range(1, 11):
        report, _ = synth_report(seed, "daya_serap_wrong", strict=False)
        assert findings(report, "LK203") == []
        assert [f for f in findings(report, "LK204") if f.severity != Severity.INFO] == []


# ----------------------------------------------------------------------------------------------- corpus

# Known "% != realisasi/anggaran" errors confirmed against the PDFs, by (file, page).
VERIFIED = {
    ("lkip_jabar_biroadbang_2016.pdf", 29),
    ("lkip_jabar_bp3akb_2016.pdf", 65),
    ("lkip_jabar_bp3akb_2016.pdf", 66),
    ("lkip_jabar_diskanlaut_2016_bab3.pdf", 22),
    ("lkip_jabar_kesbangpol_2016_draft.pdf", 27),
    ("lkip_jabar_rsjiwa_2016.pdf", 28),
    ("lkip_jabar_rsudalihsan_2016.pdf", 28),
    ("lkip_jabar_dishub_2016_bab3.pdf", 29),
}
# Not asserted: inspektorat p16 (the extractor puts the amounts of two rows into one cell).
LEFT_OUT = {("lkip_jabar_inspektorat_2016_bab3.pdf", 16)}


def known_percent_errors() -> list[tuple[str, dict]]:
    docs = yaml.safe_load(FACTS.read_text(encoding="utf-8"))["documents"]
    return [
        (d["file"], e)
        for d in docs
        for e in d.get("known_errors") or []
        if "% != realisasi/anggaran" in e["kind"] and not e["kind"].startswith("narrative")
    ]


def test_corpus_known_percent_errors_inventory():
    assert {(f, e["page"]) for f, e in known_percent_errors()} == VERIFIED | LEFT_OUT


@pytest.mark.parametrize("file,page", sorted(VERIFIED))
def test_corpus_known_percent_errors_found(corpus_report, file, page):
    found = [f for f in findings(corpus_report(file, strict=False), "LK202") if f.severity == Severity.ERROR]
    for _, e in (x for x in known_percent_errors() if x[0] == file and x[1]["page"] == page):
        printed = re.findall(r"\d[\d.,]*\d", str(e["printed"]))[-1]  # the % (after any amounts)
        assert any(page in f.pages and f.found and printed in f.found for f in found), (file, e)


def test_sample_same_version_amount_difference_is_a_warning(sample_report):
    """With the swap undone, an output amount differing from its indicator's realisasi-table amount (both
    tables totalling 54.166.493.000) is one warning naming both places."""
    report = copy.deepcopy(sample_report)
    table = _realisation(report)
    rows = {b.indicator_key: b.row for b in report.budget_lines if b.table_id == table.id and b.indicator_key}
    _set_budget(report, table.id, rows["IKK 1.2"], Role.BUDGET_PAGU, "1.346.386.000")
    _set_budget(report, table.id, rows["IKK 1.3"], Role.BUDGET_PAGU, "34.733.045.000")
    ro = next(t for t in report.tables if t.kind.value == "rincian_output" and t.page == 48)
    line = next(b for b in report.budget_lines if b.table_id == ro.id and "kepemimpinan" in b.label.lower())
    _set_budget(report, ro.id, line.row, Role.BUDGET_PAGU, "34,700,045,000")
    found = [f for f in findings(report, "LK204") if f.severity != Severity.INFO]
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.WARNING and f.pages == [30, 48] and "IKK 1.3" in f.message


BED = Path(__file__).resolve().parents[1] / "data" / "testbed"


@pytest.mark.parametrize(
    "name,pages,severity,in_order",
    [
        # four outputs "Layanan / Temuan / Sistem Informasi / Norma ..." against four indicators
        ("tune_weasyprint_none_1_g2.pdf", {10, 15}, Severity.ERROR, 4),
        # three: one amount in its place only, so a warning
        ("tune_reportlab_booktabs_1_g2.pdf", {9, 14}, Severity.WARNING, 3),
    ],
)
def test_row_swap_found_by_position_when_no_name_links_the_rows(name, pages, severity, in_order):
    """Generated reports whose Rincian Output names outputs, not indicators: the realisasi-anggaran table
    lists the same amounts in the same order except the two swapped ones."""
    fs = findings(extract(BED / name), "LK203")
    assert [(set(f.pages), f.severity) for f in fs] == [(pages, severity)]
    assert fs[0].evidence["linked_by"] == f"position ({in_order} amounts)"
