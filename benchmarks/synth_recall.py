"""Recall per injected discrepancy kind on generated LAKIPs, and false findings on clean ones.

    python benchmarks/synth_recall.py [--n 20] [--seed 1] [--kinds capaian_wrong,total_wrong] [--json OUT]

For each kind, ``--n`` reports are generated with that one discrepancy injected (lakipcheck.synth), extracted
and checked with the bundled rule pack. An injection counts as found when a finding of one of the rules meant
for that kind points at one of the injection's recorded pages. Clean reports (no injection) must give zero
error findings; every error finding on them is listed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from lakipcheck.pipeline import extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack
from lakipcheck.rules.types import Severity
from lakipcheck.synth import INJECTION_KINDS, InjectionError, generate

# Which rules are meant to catch each kind (a finding of another rule on the same page does not count).
EXPECTED: dict[str, tuple[str, ...]] = {
    "capaian_wrong": ("LK101",),
    "total_wrong": ("LK201",),
    "daya_serap_wrong": ("LK202",),
    "target_mismatch": ("LK103", "LK105", "LK106"),
    "budget_row_swap": ("LK203",),
    "column_swap": ("LK102",),
    "predicate_mismatch": ("LK105", "LK106"),
    "restated_total_wrong": ("LK301",),
    "count_claim_wrong": ("LK302",),
    "missing_part": ("LK304",),
    "duplicate_header": ("LK305",),
    "wrong_number_word": ("LK303", "LK4"),
    "narrative_number_changed": ("LK4",),
    "wrong_indicator_name": ("LK4",),
    "wrong_year": ("LK4",),
}


def _pages(inj) -> set[int]:
    return {loc.page for loc in inj.locations if loc.page}


def run(kinds: list[str], n: int, seed0: int) -> dict:
    pack = load_pack()
    rows = {}
    for kind in kinds:
        found = tried = 0
        misses = []
        for seed in range(seed0, seed0 + n):
            try:
                synth = generate(seed, inject=[kind])
            except InjectionError:
                continue
            inj = synth.truth.injections[0]
            tried += 1
            findings = run_rules(extract(synth.pdf), pack)
            codes = EXPECTED.get(kind, ())
            pages = _pages(inj)
            hit = any(
                f.rule.startswith(codes) and (not pages or set(f.pages) & pages)
                for f in findings
                if f.severity != Severity.INFO
            )
            found += hit
            if not hit:
                misses.append({"seed": seed, "pages": sorted(pages), "what": inj.description[:120]})
        rows[kind] = {
            "tried": tried,
            "found": found,
            "recall": found / tried if tried else None,
            "misses": misses,
        }
        print(f"{kind:<26} {found:>3}/{tried:<3} {100 * found / max(tried, 1):5.1f}%", flush=True)
    clean_errors: list[dict] = []
    per_report = []
    for seed in range(seed0, seed0 + n):
        synth = generate(seed)
        findings = run_rules(extract(synth.pdf), pack)
        errors = [f for f in findings if f.severity == Severity.ERROR]
        warnings = [f for f in findings if f.severity == Severity.WARNING]
        per_report.append({"seed": seed, "errors": len(errors), "warnings": len(warnings)})
        clean_errors += [
            {"seed": seed, "rule": f.rule, "pages": f.pages, "message": f.message[:200]} for f in errors
        ]
    by_rule = Counter(e["rule"] for e in clean_errors)
    print(
        f"\nclean reports: {n}, error findings: {len(clean_errors)} {dict(by_rule)}, "
        f"warnings: {sum(r['warnings'] for r in per_report)}"
    )
    for e in clean_errors[:20]:
        print(f"  seed {e['seed']} {e['rule']} p{e['pages']}: {e['message']}")
    return {"kinds": rows, "clean": per_report, "clean_errors": clean_errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(INJECTION_KINDS))
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    result = run([k for k in args.kinds.split(",") if k], args.n, args.seed)
    print(f"\n{time.perf_counter() - t0:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
