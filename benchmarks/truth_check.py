"""lakipcheck against real ground truth: indicator rows, discrepancies found, error findings true.

    python benchmarks/truth_check.py [--set tune|holdout|all] [--json OUT] [--verbose]

Reads the hand-written truth files (tests/data/truth/*.yaml: the tuning set; benchmarks/holdout/*.yaml: the
held-back set, read only here) and runs extract + the bundled rule pack on each report's PDF in the corpus.
Per report and per set it prints:
- rows: capaian-table indicator rows whose target, realisasi and % came out as printed, on the right page, in
  one table row linked to one indicator;
- recall: certain discrepancies that a finding of one of their rules points at (a page in common);
- precision: error findings that the truth's judged findings call true (matched by rule, pages and printed
  value); findings no judgement covers are counted as unjudged and listed with --verbose;
- refused reports and reports whose check was incomplete (core parts not read).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

from lakipcheck.ingest import InputError
from lakipcheck.model.coverage import coverage
from lakipcheck.model.types import Report, Role
from lakipcheck.numbers.parse import parse_figure
from lakipcheck.pipeline import NotALakip, extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Finding, Severity

REPO = Path(__file__).resolve().parents[1]
SETS = {"tune": REPO / "tests" / "data" / "truth", "holdout": REPO / "benchmarks" / "holdout"}

_TARGET = {Role.TARGET, Role.PENGUKURAN_TARGET}
_REAL = {Role.REALISASI, Role.PENGUKURAN_REALISASI}
_CAP = {Role.CAPAIAN, Role.PENGUKURAN_CAPAIAN}
_EMPTY = {"", "-", "–", "—"}


def corpus_dir() -> Path:
    import os

    env = os.environ.get("LAKIPCHECK_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus"


def norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "").lower()


def _row_groups(report: Report) -> dict[int, list[dict[str, str]]]:
    """Per page, the (target, realisasi, capaian) printed in one table row for one indicator."""
    groups: dict[tuple[str, int, int, str], dict[str, str]] = {}
    for ind in report.indicators:
        for v in ind.values:
            src = v.provenance
            if src.table_id is None or src.row is None:
                continue
            slot = (
                "target"
                if v.role in _TARGET
                else "realisasi"
                if v.role in _REAL
                else "capaian"
                if v.role in _CAP
                else None
            )
            if slot is None:
                continue
            g = groups.setdefault((ind.key, src.page, src.row, src.table_id), {})
            g.setdefault(slot, src.raw or v.figure.raw)
    by_page: dict[int, list[dict[str, str]]] = defaultdict(list)
    for (_key, page, _row, _tid), g in groups.items():
        by_page[page].append(g)
    return by_page


def _same(printed: str | None, truth: str) -> bool:
    """The tool's value is the printed one: the same text, or the same number at the same precision (a unit
    or a category the cell adds, "63,36 % (Sedang)" for "63,36 %", does not matter)."""
    a, b = norm(printed), norm(truth)
    if a == b or (b in _EMPTY and a in _EMPTY):
        return True
    if not a or not b:
        return False
    fa, fb = parse_figure(printed or ""), parse_figure(truth)
    return fa.value is not None and fa.value == fb.value and fa.decimals == fb.decimals


def _row_ok(truth_row: dict, groups: list[dict[str, str]]) -> bool:
    want = {k: str(truth_row.get(k, "") or "") for k in ("target", "realisasi", "capaian")}
    return any(all(_same(g.get(k), w) for k, w in want.items()) for g in groups)


def _judged_match(f: Finding, items: list[dict]) -> dict | None:
    pages = set(f.pages)
    best = None
    for it in items:
        if it.get("rule") != f.rule or not pages & set(it.get("pages") or []):
            continue
        want, got = norm(str(it.get("found") or "")), norm(f.found or "")
        if want == got or (want in _EMPTY and got in _EMPTY):
            return it
        best = best or (it if set(it.get("pages") or []) == pages and not it.get("found") else None)
    return best


def check_one(truth: dict, pack, corpus: Path) -> dict:
    pdf = corpus / truth["file"]
    out: dict = {"file": truth["file"]}
    t0 = time.perf_counter()
    try:
        report = extract(pdf)
    except (InputError, NotALakip) as exc:
        out.update(refused=str(exc), seconds=round(time.perf_counter() - t0, 1))
        rows = [r for t in truth.get("capaian_tables") or [] for r in t.get("rows") or []]
        certain = [d for d in truth.get("discrepancies") or [] if d.get("certainty") == "certain"]
        out.update(rows=(0, len(rows)), certain=(0, len(certain)), errors={"true": 0, "false": 0})
        return out
    findings = run_rules(report, pack)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    cov = coverage(report)
    out["complete"] = cov.complete
    out["missing"] = cov.missing
    # rows
    by_page = _row_groups(report)
    rows = [r for t in truth.get("capaian_tables") or [] for r in t.get("rows") or []]
    ok = [r for r in rows if _row_ok(r, by_page.get(int(r.get("page", 0)), []))]
    out["rows"] = (len(ok), len(rows))
    out["rows_missed"] = [
        f"p{r.get('page')} {str(r.get('indicator', ''))[:50]} T={r.get('target')} R={r.get('realisasi')} "
        f"C={r.get('capaian')}"
        for r in rows
        if r not in ok
    ]
    # recall
    certain = [d for d in truth.get("discrepancies") or [] if d.get("certainty") == "certain"]
    found, missed = [], []
    for d in certain:
        rules = set(d.get("rules") or [])
        pages = set(d.get("pages") or [])
        # a missing part has no page: its rule alone must fire
        hit = any(
            (not rules or f.rule in rules) and (pages & set(f.pages) if pages else bool(rules))
            for f in findings
        )
        (found if hit else missed).append(d)
    out["certain"] = (len(found), len(certain))
    out["certain_ruled"] = (
        sum(1 for d in found if d.get("rules")),
        sum(1 for d in certain if d.get("rules")),
    )
    out["missed"] = [
        f"{d.get('id')} {d.get('kind')} p{d.get('pages')}: {d.get('explain', '')[:90]}" for d in missed
    ]
    # precision
    items = (truth.get("findings_judged") or {}).get("items") or []
    tally = {sev: {"true": 0, "false": 0, "unjudged": 0} for sev in ("error", "warning")}
    unjudged, false = [], []
    for f in findings:
        if f.severity not in (Severity.ERROR, Severity.WARNING):
            continue
        sev = str(f.severity)
        it = _judged_match(f, items)
        if it is None:
            tally[sev]["unjudged"] += 1
            unjudged.append(f"{f.rule} {sev} p{f.pages} found={f.found!r}: {f.message[:100]}")
        elif it.get("verdict") is True:
            tally[sev]["true"] += 1
        else:
            tally[sev]["false"] += 1
            false.append(f"{f.rule} p{f.pages} found={f.found!r}: {it.get('why', '')[:100]}")
    out["errors"] = tally["error"]
    out["warnings"] = tally["warning"]
    out["unjudged"] = unjudged
    out["false"] = false
    return out


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def summarise(name: str, results: list[dict]) -> dict:
    rows = [sum(r["rows"][i] for r in results) for i in (0, 1)]
    cert = [sum(r["certain"][i] for r in results) for i in (0, 1)]
    e_true = sum(r["errors"]["true"] for r in results)
    e_false = sum(r["errors"]["false"] for r in results)
    e_un = sum(r["errors"].get("unjudged", 0) for r in results)
    refused = [r["file"] for r in results if "refused" in r]
    incomplete = [r["file"] for r in results if r.get("complete") is False]
    print(f"\n== {name}: {len(results)} reports")
    print(f"{'report':44} {'rows':>11} {'certain found':>15} {'errors T/F/?':>14}  note")
    for r in results:
        note = r.get("refused", "") or ("incomplete: " + ",".join(r["missing"]) if r.get("missing") else "")
        e = r["errors"]
        print(
            f"{r['file'][:44]:44} {r['rows'][0]:4}/{r['rows'][1]:<4}{_pct(*r['rows']):>7}"
            f" {r['certain'][0]:3}/{r['certain'][1]:<3}{_pct(*r['certain']):>7}"
            f" {e['true']:4}/{e['false']}/{e.get('unjudged', 0):<4}  {note[:60]}"
        )
    print(
        f"TOTAL rows {rows[0]}/{rows[1]} {_pct(*rows)}; certain discrepancies found {cert[0]}/{cert[1]} "
        f"{_pct(*cert)}; error findings true {e_true}/{e_true + e_false} {_pct(e_true, e_true + e_false)} "
        f"(+{e_un} unjudged); refused {len(refused)}; incomplete {len(incomplete)}"
    )
    return {
        "reports": len(results),
        "rows": rows,
        "certain": cert,
        "errors_true": e_true,
        "errors_false": e_false,
        "errors_unjudged": e_un,
        "refused": refused,
        "incomplete": incomplete,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=["tune", "holdout", "all"], default="all")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true", help="list missed rows, discrepancies, findings")
    ap.add_argument("--only", help="substring of the report file names to run")
    args = ap.parse_args(argv)
    corpus = corpus_dir()
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}", file=sys.stderr)
        return 2
    pack = load_pack()
    names = ["tune", "holdout"] if args.set == "all" else [args.set]
    summary: dict = {}
    for name in names:
        results = []
        for path in sorted(SETS[name].glob("*.yaml")):
            truth = yaml.safe_load(path.read_text(encoding="utf-8"))
            if args.only and args.only not in truth["file"]:
                continue
            r = check_one(truth, pack, corpus)
            results.append(r)
            if args.verbose:
                print(f"\n-- {r['file']}")
                for key in ("rows_missed", "missed", "false", "unjudged"):
                    for line in r.get(key, []):
                        print(f"   {key}: {line}")
        summary[name] = {"summary": summarise(name, results), "reports": results}
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
