"""Compare extraction with the hand-checked samples in tests/data/corpus_facts.yaml.

For every capaian sample row (indicator, target, realisasi, capaian as printed, with page), look for an
extracted indicator whose name matches (rapidfuzz) and whose values on that page print the same strings.
Prints per document: samples found / total, and the misses.

    python benchmarks/corpus_facts_check.py [--corpus DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from lakipcheck.ingest import InputError
from lakipcheck.model.link import normalise
from lakipcheck.model.types import Report, Role
from lakipcheck.pipeline import NotALakip, extract

REPO = Path(__file__).resolve().parents[1]
FACTS = REPO / "tests" / "data" / "corpus_facts.yaml"
FIELDS = {
    "target": (Role.TARGET, Role.PENGUKURAN_TARGET),
    "realisasi": (Role.REALISASI, Role.PENGUKURAN_REALISASI),
    "capaian": (Role.CAPAIAN, Role.PENGUKURAN_CAPAIAN),
}


def _squash(s: str) -> str:
    return "".join(str(s).split())


def match_sample(report: Report, sample: dict) -> tuple[bool, str]:
    """(all printed fields found, explanation)."""
    want = normalise(sample["indicator"])
    best, best_score = None, 0.0
    for ind in report.indicators:
        names = [ind.name, *ind.aliases]
        score = max(
            fuzz.partial_ratio(want, normalise(n))
            if len(normalise(n)) >= len(want)
            else fuzz.ratio(want, normalise(n))
            for n in names
        )
        on_page = any(v.provenance.page == sample["page"] for v in ind.values)
        if on_page and score > best_score:
            best, best_score = ind, score
    if best is None or best_score < 80:
        return False, f"indicator not found (best {best_score:.0f})"
    missing = []
    for field, roles in FIELDS.items():
        printed = sample.get(field)
        if printed in (None, ""):
            continue
        got = [v for v in best.values if v.role in roles and v.provenance.page == sample["page"]]
        if not any(_squash(v.figure.raw) == _squash(printed) for v in got):
            missing.append(f"{field}={printed!r} got {[v.figure.raw for v in got][:3]}")
    return not missing, "; ".join(missing) or "ok"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    folder = Path(args.corpus or os.environ.get("LAKIPCHECK_CORPUS") or REPO.parent / "shared" / "corpus")
    facts = yaml.safe_load(FACTS.read_text(encoding="utf-8"))["documents"]
    total = found = 0
    for doc in facts:
        samples = [s for t in doc.get("capaian_tables") or [] for s in t.get("samples") or []]
        if not samples:
            continue
        try:
            report = extract(folder / doc["file"])
        except NotALakip as exc:
            report = exc.report
        except InputError as exc:
            print(f"{doc['file']}: {exc.message}")
            continue
        results = [(s, *match_sample(report, s)) for s in samples]
        ok = sum(1 for _, hit, _ in results if hit)
        total += len(results)
        found += ok
        print(f"{doc['file']:<45} {ok}/{len(results)}")
        if args.verbose:
            for s, hit, why in results:
                if not hit:
                    print(f"    p{s['page']} {s['indicator'][:50]!r}: {why}")
    print(f"\nsamples fully found: {found}/{total} ({100 * found / max(total, 1):.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
