"""Recall on the multi-producer test bed: per injected kind, producer, table style and producer x style; false
error/warning findings on its clean reports; the BGP NTT 2023 sample as each producer draws it.

    python benchmarks/testbed_recall.py [--set held|tuning|PATH/manifest.json] [--producers docx,lohtml]
                                        [--styles zebra,shaded] [--limit N] [--jobs 2] [--no-bgp] [--json OUT]

The set defaults to the held-back one (benchmarks/testbed, seeds no test uses); the BGP renderings live in the
tuning set (tests/data/testbed/bgp) and are reported with either. Each committed PDF is extracted and checked
with the bundled rule pack. An injection counts as found when a non-info finding of one of the rules meant for
its kind (``synth_recall.EXPECTED``) points at one of the injection's pages; a report carries several kinds,
so findings and injections are paired one to one (a finding found for one injection is not counted for
another). A file the pipeline refuses counts as a miss of every injection in it, with the reason. For each
report the tables are compared with the truth too: a table of a known kind counts as read when a table of
that kind is extracted on its first page, and an indicator row when the model has an indicator with the row's
target and realisasi from the capaian table.

The BGP sample has 9 table defects and 4 narrative defects (``samples/build_testbed.py`` BGP_DEFECTS, pages
per rendering in each truth file's "defects"); an error finding matching none of them is a false error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from lakipcheck.pipeline import extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Severity
from lakipcheck.synth.locate import squash
from synth_recall import EXPECTED

ROOT = Path(__file__).resolve().parents[1]
SETS = {"held": ROOT / "benchmarks" / "testbed", "tuning": ROOT / "tests" / "data" / "testbed"}
# the narrative kinds share EXPECTED's "LK4": the rule of each, to pair them with their own findings first
NARROW = {
    "wrong_year": ("LK405",),
    "wrong_indicator_name": ("LK404",),
    "narrative_number_changed": ("LK401", "LK402"),
    "wrong_number_word": ("LK303", "LK403"),
}
KNOWN_KINDS = {
    "renstra",
    "pk_indicators",
    "pk_budget",
    "capaian",
    "yoy",
    "renstra_end",
    "budget_realisation",
    "rencana_aksi",
    "pengukuran",
    "rincian_output",
}


def pair(wants: list[list[int]]) -> list[int | None]:
    """A largest one-to-one pairing: ``wants[i]`` lists the findings injection ``i`` may take; the finding
    each injection gets (or None)."""
    owner: dict[int, int] = {}

    def grab(i: int, seen: set[int]) -> bool:
        for f in wants[i]:
            if f not in seen:
                seen.add(f)
                if f not in owner or grab(owner[f], seen):
                    owner[f] = i
                    return True
        return False

    for i in range(len(wants)):
        grab(i, set())
    got: list[int | None] = [None] * len(wants)
    for f, i in owner.items():
        got[i] = f
    return got


def attribute(injections: list[dict], findings: list) -> list[int | None]:
    """The finding credited to each injection: of a rule meant for its kind (``EXPECTED``), on one of its
    pages, one finding per injection. The rule that names the kind exactly (``NARROW``) is paired first, so
    that, of two narrative kinds on one page, each is credited with its own finding."""

    def wants(codes_of) -> list[list[int]]:
        out = []
        for inj in injections:
            pages = {loc["page"] for loc in inj["locations"] if loc["page"]}
            codes = codes_of(inj["kind"])
            out.append(
                [
                    k
                    for k, f in enumerate(findings)
                    if f.rule.startswith(codes) and (not pages or set(f.pages) & pages)
                ]
            )
        return out

    got = pair(wants(lambda k: NARROW.get(k, EXPECTED.get(k, ()))))
    used = {g for g in got if g is not None}
    broad = wants(lambda k: EXPECTED.get(k, ()))
    rest = pair([[] if got[i] is not None else [f for f in w if f not in used] for i, w in enumerate(broad)])
    return [g if g is not None else r for g, r in zip(got, rest, strict=True)]


def _findings(pdf: Path):
    report = extract(pdf)
    return report, [f for f in run_rules(report, load_pack()) if f.severity != Severity.INFO]


def _tables(report, truth: dict) -> dict:
    """How the known-kind tables and the capaian rows of ``truth`` came out of ``report``."""
    got = defaultdict(list)
    for t in report.tables:
        for p in t.pages or [t.page]:
            got[p].append(t)
    tables = []
    for t in truth["tables"]:
        if t["kind"] not in KNOWN_KINDS or not t["pages"]:
            continue
        here = [x for x in got.get(t["pages"][0], [])]
        same = [x for x in here if str(x.kind) == t["kind"]]
        rows = sum(x.n_rows for x in same)
        tables.append(
            {
                "id": t["id"],
                "kind": t["kind"],
                "style": t.get("style"),
                "found": bool(same),
                "rows": rows,
                "truth_rows": t["n_body_rows"],
                "extracted_as": sorted({str(x.kind) for x in here}),
            }
        )
    pairs = set()
    for ind in report.indicators:
        vals = {(str(v.role), squash(v.figure.raw)) for v in ind.values if str(v.table_kind) == "capaian"}
        pairs |= {
            (t, r) for role_t, t in vals if role_t == "target" for role_r, r in vals if role_r == "realisasi"
        }
    rows = []
    for ind in truth["indicators"]:
        cap = {v["role"]: squash(v["printed"]) for v in ind["stated"] if v["table"] == "capaian"}
        if "target" in cap and "realisasi" in cap:
            rows.append((cap["target"], cap["realisasi"]) in pairs)
    return {"tables": tables, "rows": rows}


def evaluate(entry: dict, folder: Path) -> dict:
    """Extract and check one report of a manifest; what was found of its injections or defects."""
    truth = json.loads((folder / entry["truth"]).read_text(encoding="utf-8"))
    out = {**{k: entry[k] for k in ("file", "kind", "producer", "style", "injected")}, "refused": None}
    try:
        report, findings = _findings(folder / entry["file"])
    except Exception as e:  # a refused file is a miss of everything in it, with the reason
        out["refused"] = f"{type(e).__name__}: {e}"[:300]
        out["hits"] = []
        out["misses"] = [{"kind": i["kind"], "why": "refused"} for i in truth.get("injections", [])]
        out["defects"] = [
            {"id": d["id"], "kind": d["kind"], "found": False} for d in truth.get("defects", [])
        ]
        out["false"] = []
        return out
    brief = [
        {"rule": f.rule, "severity": str(f.severity), "pages": f.pages, "message": f.message[:160]}
        for f in findings
    ]
    if entry["kind"] == "bgp":
        defects = truth["defects"]
        wants = [
            [
                k
                for k, f in enumerate(findings)
                if f.rule.startswith(tuple(d["rules"])) and set(f.pages) & set(d["pages"])
            ]
            for d in defects
        ]
        got = pair(wants)
        used = {g for g in got if g is not None}
        matched_any = {k for w in wants for k in w}
        out["defects"] = [
            {"id": d["id"], "kind": d["kind"], "found": g is not None}
            for d, g in zip(defects, got, strict=True)
        ]
        out["false"] = [
            b for k, b in enumerate(brief) if b["severity"] == "error" and k not in used | matched_any
        ]
        return out
    injections = truth["injections"]
    got = attribute(injections, findings)
    out["hits"] = [inj["kind"] for inj, g in zip(injections, got, strict=True) if g is not None]
    out["misses"] = []
    for inj, g in zip(injections, got, strict=True):
        if g is None:
            pages = sorted({loc["page"] for loc in inj["locations"] if loc["page"]})
            near = sorted({b["rule"] for b in brief if set(b["pages"]) & set(pages)})
            tables = sorted(
                {f"{t.kind}:{t.n_rows}r" for t in report.tables if set(t.pages or [t.page]) & set(pages)}
            )
            out["misses"].append(
                {
                    "kind": inj["kind"],
                    "pages": pages,
                    "what": inj["description"][:140],
                    "rules_there": near,
                    "tables_there": tables,
                }
            )
    out["false"] = brief if not injections else []
    out |= _tables(report, truth)
    return out


def _rate(a: int, b: int) -> str:
    return f"{a:>3}/{b:<3} {100 * a / b:5.1f}%" if b else "    -        "


def summarise(results: list[dict]) -> dict:
    synth = [r for r in results if r["kind"] == "synth"]
    tally: dict[str, dict[str, list[int]]] = {
        k: defaultdict(lambda: [0, 0]) for k in ("kind", "producer", "style", "cell")
    }
    for r in synth:
        hits = list(r["hits"])
        for kind in r["injected"]:
            found = kind in hits
            if found:
                hits.remove(kind)
            for axis, key in (
                ("kind", kind),
                ("producer", r["producer"]),
                ("style", r["style"]),
                ("cell", f"{r['producer']} x {r['style']}"),
            ):
                tally[axis][key][0] += found
                tally[axis][key][1] += 1
    clean = [r for r in synth if not r["injected"]]
    false = [{"file": r["file"], **f} for r in clean for f in r["false"]]
    tables = defaultdict(lambda: [0, 0, 0])  # found, complete, total
    rows = defaultdict(lambda: [0, 0])
    for r in synth:
        for t in r.get("tables", []):
            key = f"{r['producer']} x {r['style']}"
            tables[key][0] += t["found"]
            tables[key][1] += t["found"] and t["rows"] >= t["truth_rows"]
            tables[key][2] += 1
        rows[f"{r['producer']} x {r['style']}"][0] += sum(r.get("rows", []))
        rows[f"{r['producer']} x {r['style']}"][1] += len(r.get("rows", []))
    return {
        "recall": {
            axis: {k: {"found": v[0], "tried": v[1]} for k, v in sorted(t.items())}
            for axis, t in tally.items()
        },
        "clean_reports": len(clean),
        "false_findings": false,
        "tables": {k: {"found": v[0], "complete": v[1], "total": v[2]} for k, v in sorted(tables.items())},
        "indicator_rows": {k: {"found": v[0], "total": v[1]} for k, v in sorted(rows.items())},
        "refused": [{"file": r["file"], "why": r["refused"]} for r in results if r["refused"]],
        "misses": [
            {"file": r["file"], "producer": r["producer"], "style": r["style"], **m}
            for r in synth
            for m in r["misses"]
        ],
        "bgp": [
            {
                "producer": r["producer"],
                "style": r["style"],
                "table": [d["id"] for d in r["defects"] if d["kind"] == "table" and d["found"]],
                "narrative": [d["id"] for d in r["defects"] if d["kind"] == "narrative" and d["found"]],
                "missed": [d["id"] for d in r["defects"] if not d["found"]],
                "false_errors": r["false"],
                "refused": r["refused"],
            }
            for r in results
            if r["kind"] == "bgp"
        ],
    }


def show(s: dict) -> None:
    for axis, title in (
        ("kind", "per kind"),
        ("producer", "per producer"),
        ("style", "per table style"),
        ("cell", "per producer x style"),
    ):
        print(f"\nrecall {title}")
        for k, v in s["recall"][axis].items():
            print(f"  {k:<28} {_rate(v['found'], v['tried'])}")
    n = s["clean_reports"]
    nf = len(s["false_findings"])
    print(f"\nfalse error/warning findings on {n} clean reports: {nf} ({nf / max(n, 1):.2f} per report)")
    for f in s["false_findings"]:
        print(f"  {f['file']} {f['rule']} ({f['severity']}) p{f['pages']}: {f['message'][:130]}")
    print(
        "\ntables of a known kind read on their first page (complete: with every body row); "
        "capaian rows with target and realisasi"
    )
    for k, v in s["tables"].items():
        r = s["indicator_rows"].get(k, {"found": 0, "total": 0})
        found, complete = _rate(v["found"], v["total"]), _rate(v["complete"], v["total"])
        print(f"  {k:<28} tables {found}  complete {complete}  rows {_rate(r['found'], r['total'])}")
    if s["refused"]:
        print("\nrefused files")
        for r in s["refused"]:
            print(f"  {r['file']}: {r['why']}")
    if s["bgp"]:
        print("\nBGP NTT 2023 by producer (9 table defects, 4 narrative defects)")
        for b in s["bgp"]:
            print(
                f"  {b['producer'] + ' / ' + b['style']:<24} table {len(b['table'])}/9  "
                f"narrative {len(b['narrative'])}/4  "
                f"false errors {len(b['false_errors'])}  missed: {', '.join(b['missed']) or '-'}"
            )
            for f in b["false_errors"]:
                print(f"      false {f['rule']} p{f['pages']}: {f['message'][:120]}")
            if b["refused"]:
                print(f"      refused: {b['refused']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="held", help="held, tuning or the path of a manifest.json")
    ap.add_argument("--producers")
    ap.add_argument("--styles")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--jobs", type=int, default=1, help="processes (keep to the cores you may use)")
    ap.add_argument("--no-bgp", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    manifest = Path(args.set) if args.set not in SETS else SETS[args.set] / "manifest.json"
    folder = manifest.parent
    entries = [e for e in json.loads(manifest.read_text(encoding="utf-8"))["reports"] if e["kind"] == "synth"]
    if args.producers:
        entries = [e for e in entries if e["producer"] in args.producers.split(",")]
    if args.styles:
        entries = [e for e in entries if e["style"] in args.styles.split(",")]
    entries = entries[: args.limit] if args.limit else entries
    jobs = [(e, folder) for e in entries]
    if not args.no_bgp:
        tuning = SETS["tuning"] / "manifest.json"
        if tuning.is_file():
            bgp = [e for e in json.loads(tuning.read_text(encoding="utf-8"))["reports"] if e["kind"] == "bgp"]
            jobs += [(e, tuning.parent) for e in bgp if not args.producers or e["producer"] in args.producers]
    t0 = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(evaluate, *zip(*jobs, strict=True)))
    else:
        results = []
        for k, (e, f) in enumerate(jobs, start=1):
            results.append(evaluate(e, f))
            print(f"\r{k}/{len(jobs)} {e['file'][:60]:<60}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    summary = summarise(results)
    print(
        f"{manifest.relative_to(ROOT) if manifest.is_relative_to(ROOT) else manifest}: {len(entries)} reports"
    )
    show(summary)
    print(f"\n{time.perf_counter() - t0:.0f} s")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"summary": summary, "reports": results}, indent=1, ensure_ascii=False), "utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
