"""ms/page of `extract` and of `check` (extract + the rule pack) on the corpus's born-digital full reports.

    python benchmarks/check_speed.py [--repeat 2] [--json OUT]

In one process: the rule pack and the NLP pipeline are loaded once first (a batch's start-up is not what
this measures), then each report is extracted and checked ``--repeat`` times and the fastest run is kept.
To compare two versions of the code, run it with each on the same machine, interleaved (the before/after
figures in a closing note come from such a pair of runs).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path

from lakipcheck.pipeline import extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    env = os.environ.get("LAKIPCHECK_CORPUS")
    corpus = Path(env) if env else REPO.parent / "shared" / "corpus"
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t")]
    files = [r["filename"] for r in rows if r["doc_type"].endswith("-full") and r["text_layer"] == "yes"]
    pack = load_pack()
    run_rules(extract(REPO / "samples" / "lakip_bgp_ntt_2023.pdf"), pack)  # warm: NLP pipeline, caches
    per_doc = []
    for name in files:
        best_x = best_c = float("inf")
        pages = 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            report = extract(corpus / name)
            t1 = time.perf_counter()
            run_rules(report, pack)
            t2 = time.perf_counter()
            best_x, best_c, pages = min(best_x, t1 - t0), min(best_c, t2 - t0), report.n_pages
        per_doc.append(
            {
                "file": name,
                "pages": pages,
                "extract_ms_page": 1000 * best_x / pages,
                "check_ms_page": 1000 * best_c / pages,
            }
        )
        print(
            f"{name[:44]:44} {pages:4} p  extract {per_doc[-1]['extract_ms_page']:6.1f}  "
            f"check {per_doc[-1]['check_ms_page']:6.1f} ms/page",
            flush=True,
        )
    ex = statistics.median(d["extract_ms_page"] for d in per_doc)
    ch = statistics.median(d["check_ms_page"] for d in per_doc)
    total_pages = sum(d["pages"] for d in per_doc)
    print(
        f"median over {len(per_doc)} reports ({total_pages} pages): extract {ex:.1f} ms/page, "
        f"check {ch:.1f} ms/page"
    )
    if args.json:
        args.json.write_text(json.dumps({"extract": ex, "check": ch, "docs": per_doc}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
