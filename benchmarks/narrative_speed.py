"""What the narrative layer costs: the spaCy pipeline's build time, claim extraction per page, and `check`
with and without the narrative claims.

    python benchmarks/narrative_speed.py [--corpus DIR] [--limit N] [--json OUT]

1. In a fresh interpreter: the time to import spaCy and the Indonesian language data, and to build the
   pipeline (tokenizer, sentence component, EntityRuler, Matcher), as `lakipcheck.narrative.pipeline()`
   measures them; then a second call (the shared pipeline, no rebuild).
2. Per document (samples/lakip_bgp_ntt_2023.pdf and the corpus full reports, MANIFEST doc_type
   `LKIP-full` / `LKjIP-full` with a text layer), in one process after the pipeline is built: `check`
   (extract + the rule pack) end to end with the narrative claims, the same with the narrative reader switched
   off (the pattern claims stay), and the narrative reader alone (`narrative_claims` on the built model),
   in ms/page. The goal "claim extraction must not double the time of check" is checked on the totals.
Timings are wall-clock: other load on the machine inflates them (the load average is printed).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import lakipcheck.model.build as build
from lakipcheck.ingest import open_document
from lakipcheck.model.claims import narrative_claims
from lakipcheck.pipeline import extract
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import load_pack

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "lakip_bgp_ntt_2023.pdf"
FULL_TYPES = {"LKIP-full", "LKjIP-full"}

CHILD = """
import json, time
t0 = time.perf_counter()
from lakipcheck.narrative import pipeline
p = pipeline()
t1 = time.perf_counter()
q = pipeline()
t2 = time.perf_counter()
doc = p("Realisasi tahun 2023 sebesar 2.613 orang atau 101,75%.")
t3 = time.perf_counter()
print(json.dumps({"import_s": p.import_s, "build_s": p.build_s, "first_call_s": t1 - t0,
                  "second_call_ms": (t2 - t1) * 1000, "same_object": p is q,
                  "first_doc_ms": (t3 - t2) * 1000}))
"""


def corpus_dir(arg: str | None) -> Path | None:
    path = Path(arg) if arg else Path(os.environ.get("LAKIPCHECK_CORPUS", REPO.parent / "shared" / "corpus"))
    return path if path.is_dir() else None


def full_reports(corpus: Path | None) -> list[Path]:
    if corpus is None or not (corpus / "MANIFEST.tsv").exists():
        return []
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [corpus / r["filename"] for r in rows if r["doc_type"] in FULL_TYPES and r["text_layer"] == "yes"]


def build_time() -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def check_time(path: Path, pack: list, narrative: bool) -> tuple[float, int]:
    """Seconds for extract + rules, and the number of claims."""
    original = build.narrative_claims
    if not narrative:
        build.narrative_claims = lambda *a, **k: []  # type: ignore[assignment]
    try:
        t0 = time.perf_counter()
        report = extract(path)
        run_rules(report, pack)
        return time.perf_counter() - t0, len(report.claims)
    finally:
        build.narrative_claims = original


def reader_time(path: Path) -> float:
    """Seconds for the narrative reader alone on a built model (the document opened again, not timed)."""
    report = extract(path)
    doc = open_document(path)
    boxes = build._table_boxes(report.tables)
    budget = report.budget_lines
    t0 = time.perf_counter()
    narrative_claims(doc, report.sections, boxes, report.indicators, budget, report.info.year)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus")
    ap.add_argument("--limit", type=int, default=0, help="only the first N corpus full reports")
    ap.add_argument("--json")
    args = ap.parse_args(argv)

    bt = build_time()
    print(
        f"spaCy pipeline: import {bt['import_s']:.2f} s, build {bt['build_s']:.2f} s "
        f"(first call {bt['first_call_s']:.2f} s); second call {bt['second_call_ms']:.3f} ms "
        f"(same object: {bt['same_object']}); first sentence {bt['first_doc_ms']:.1f} ms"
    )
    from lakipcheck.narrative import pipeline

    pipeline()  # built once here, so no document below pays for it
    pack = load_pack()
    files = [SAMPLE, *full_reports(corpus_dir(args.corpus))]
    if args.limit:
        files = files[: args.limit + 1]
    rows = []
    head = f"{'document':<34} {'pages':>5} {'check ms/p':>10} {'no-narr ms/p':>12} {'reader ms/p':>11}"
    print(f"\n{head} {'claims':>6}")
    for path in files:
        n_pages = len(open_document(path).pages)
        with_s, n_claims = check_time(path, pack, True)
        without_s, _ = check_time(path, pack, False)
        reader_s = reader_time(path)
        rows.append(
            {"file": path.name, "pages": n_pages, "check_s": with_s, "check_without_narrative_s": without_s,
             "reader_s": reader_s, "claims": n_claims}
        )  # fmt: skip
        print(
            f"{path.stem[:34]:<34} {n_pages:>5} {1000 * with_s / n_pages:>10.1f} "
            f"{1000 * without_s / n_pages:>12.1f} {1000 * reader_s / n_pages:>11.1f} {n_claims:>6}"
        )
    pages = sum(r["pages"] for r in rows)
    with_t = sum(r["check_s"] for r in rows)
    without_t = sum(r["check_without_narrative_s"] for r in rows)
    reader_t = sum(r["reader_s"] for r in rows)
    ratio = with_t / without_t if without_t else float("nan")
    print(
        f"\ntotal {len(rows)} documents, {pages} pages: check {with_t:.1f} s with narrative claims, "
        f"{without_t:.1f} s without (x{ratio:.2f}); narrative reader {reader_t:.1f} s = "
        f"{1000 * reader_t / pages:.1f} ms/page"
    )
    print(f"goal: claim extraction does not double check time: {'PASS' if ratio < 2 else 'FAIL'}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        result = {
            "build": bt,
            "documents": rows,
            "ratio": ratio,
            "reader_ms_per_page": 1000 * reader_t / pages,
        }
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
