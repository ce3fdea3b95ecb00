"""Speed and memory of `extract` on the corpus, next to raw pypdfium2 text extraction and camelot lattice.

    python benchmarks/speed.py [--corpus DIR] [--limit N] [--camelot-pages N] [--no-camelot]
                               [--camelot-vector] [--json OUT]

Per document (the corpus PDFs plus samples/lakip_bgp_ntt_2023.pdf), in one process:
  * `extract` end to end (wall time / pages), then the same stages run one by one the way pipeline.py runs
    them (open_document, layout = analyse + find_sections + identify, tables, model) for a per-stage split;
    the time spent rebuilding unruled tables from word positions inside the tables stage is shown
    separately ("stream");
  * pypdfium2 text layer only: open + get_textpage + get_text_range on every page;
  * camelot lattice, default engine ("combined"), on the first --camelot-pages pages of each born-digital full
    report (and the sample) only, because it is slow; optionally engine="vector" on the same pages.
Peak memory (VmHWM) of `extract` on the largest corpus file by pages and by bytes is measured in a fresh
subprocess each, so nothing else run here inflates it.
The corpus is --corpus, else $LAKIPCHECK_CORPUS, else <repo>/../shared/corpus.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

import lakipcheck.tables.extract as tables_extract
from lakipcheck.ingest import InputError, open_document
from lakipcheck.layout import DocKind
from lakipcheck.layout.identify import identify
from lakipcheck.layout.pages import analyse
from lakipcheck.layout.sections import find_sections
from lakipcheck.model.build import build_report
from lakipcheck.pipeline import NotALakip, extract
from lakipcheck.tables.extract import extract_tables

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "lakip_bgp_ntt_2023.pdf"
FULL_TYPES = {"LKIP-full", "LKjIP-full"}
GOAL_MS_PER_PAGE = 60.0
GOAL_PEAK_MB = 500.0

# Run in a fresh interpreter: extract one file, print the high-water mark of its own RSS.
CHILD = """
import json, resource, sys, time
from lakipcheck.ingest import InputError
from lakipcheck.pipeline import NotALakip, extract

def hwm_kb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

base = hwm_kb()
t0 = time.perf_counter()
status = "ok"
try:
    extract(sys.argv[1])
except NotALakip:
    status = "not-lakip"
except InputError as exc:
    status = exc.code
print(json.dumps({"status": status, "seconds": time.perf_counter() - t0, "import_hwm_kb": base,
                  "vm_hwm_kb": hwm_kb(), "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


@dataclass
class Row:
    """Raw numbers for one document; times in seconds."""

    file: str
    doc_type: str
    size_bytes: int
    manifest_text_layer: str | None = None
    pages: int = 0
    text_pages: int = 0
    status: str = "ok"
    extract_s: float | None = None
    stages_s: dict[str, float] = field(default_factory=dict)
    stream_s: float = 0.0
    stream_calls: int = 0
    pdfium_s: float | None = None
    camelot_pages: int = 0
    camelot_s: float | None = None
    camelot_tables: int | None = None
    camelot_error: str | None = None
    vector_s: float | None = None
    vector_tables: int | None = None

    @property
    def text_layer(self) -> str:
        """MANIFEST text_layer when known, else measured: yes / no / text pages of pages."""
        if self.manifest_text_layer:
            return self.manifest_text_layer
        if self.pages and self.text_pages == self.pages:
            return "yes"
        return "no" if self.text_pages == 0 else f"{self.text_pages}/{self.pages}"

    @property
    def is_full_born_digital(self) -> bool:
        return self.doc_type in FULL_TYPES and self.manifest_text_layer == "yes"

    def ms_per_page(self, seconds: float | None, pages: int | None = None) -> float | None:
        n = self.pages if pages is None else pages
        return None if seconds is None or not n else 1000 * seconds / n


def corpus_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("LAKIPCHECK_CORPUS")
    if env:
        return Path(env)
    shared = Path("/work/shared/corpus")
    return shared if shared.is_dir() else REPO.parent / "shared" / "corpus"


def manifest(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "MANIFEST.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


@contextmanager
def counting_stream_calls(row: Row) -> Iterator[None]:
    """Time the borderless table builds of the tables stage (tables drawn without a grid, rebuilt from word
    positions; camelot stream before): wraps the name in tables.extract, restores it."""
    original: Callable[..., Any] = tables_extract.text_table

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            row.stream_s += time.perf_counter() - t0
            row.stream_calls += 1

    tables_extract.text_table = timed
    try:
        yield
    finally:
        tables_extract.text_table = original


def time_extract(path: Path, row: Row) -> None:
    t0 = time.perf_counter()
    try:
        report = extract(path)
    except NotALakip as exc:
        report, row.status = exc.report, "not-lakip"
    except InputError as exc:
        row.status = exc.code
        return
    row.extract_s = time.perf_counter() - t0
    row.pages = report.n_pages


def time_stages(path: Path, row: Row) -> None:
    """The stages of pipeline.extract, one at a time (mirrors pipeline.py; no max_pages / strict handling)."""
    t0 = time.perf_counter()
    doc = open_document(path)
    t1 = time.perf_counter()
    layout = analyse(doc)
    sections = find_sections(doc, layout)
    info = identify(doc, sections, layout)
    t2 = time.perf_counter()

    def section_of(page: int) -> str | None:
        inner = [s for s in sections if s.page_start <= page <= s.page_end]
        return max(inner, key=lambda s: (s.level, s.page_start)).title if inner else None

    with counting_stream_calls(row):
        tables = extract_tables(doc, section_of) if info.kind != DocKind.SCANNED else []
    t3 = time.perf_counter()
    build_report(doc, info, sections, tables)
    t4 = time.perf_counter()
    row.stages_s = {"open": t1 - t0, "layout": t2 - t1, "tables": t3 - t2, "model": t4 - t3}
    row.pages = len(doc.pages)
    row.text_pages = len(doc.text_pages)


def time_pdfium(path: Path, row: Row) -> None:
    t0 = time.perf_counter()
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()
    row.pdfium_s = time.perf_counter() - t0


def time_camelot(path: Path, row: Row, n_pages: int, vector: bool) -> None:
    import camelot

    row.camelot_pages = min(n_pages, row.pages)
    spec = f"1-{row.camelot_pages}"
    for engine in ("combined", "vector") if vector else ("combined",):
        t0 = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = camelot.read_pdf(str(path), pages=spec, flavor="lattice", engine=engine,
                                         suppress_stdout=True)
            n_tables: int | None = len(found)
        except Exception as exc:  # a benchmark reports a failure, it does not stop on it
            row.camelot_error = f"{engine}: {type(exc).__name__}: {exc}"[:200]
            n_tables = None
        secs = time.perf_counter() - t0
        if engine == "combined":
            row.camelot_s, row.camelot_tables = secs, n_tables
        else:
            row.vector_s, row.vector_tables = secs, n_tables


def peak_memory(path: Path) -> dict[str, Any]:
    """Run extract on ``path`` in a fresh interpreter; the child reports its own RSS high-water mark."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)],
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:]
        return {"file": path.name, "error": last[0] if last else f"rc {proc.returncode}"}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out.update(file=path.name, size_bytes=path.stat().st_size, wall_s=wall,
               peak_mb=out["vm_hwm_kb"] / 1024, import_mb=out["import_hwm_kb"] / 1024)
    return out


def fmt(value: float | None, width: int = 7, digits: int = 1) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.{digits}f}"


def p90(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def print_row(row: Row) -> None:
    stages = {k: row.ms_per_page(v) for k, v in row.stages_s.items()}
    cam = row.ms_per_page(row.camelot_s, row.camelot_pages)
    vec = row.ms_per_page(row.vector_s, row.camelot_pages)
    name = row.file if len(row.file) <= 40 else row.file[:37] + "..."
    print(f"{name:<40} {row.doc_type[:13]:<13} {row.pages:>5} {row.text_layer:>6} "
          f"{fmt(row.ms_per_page(row.extract_s))} | {fmt(stages.get('open'))} {fmt(stages.get('layout'))} "
          f"{fmt(stages.get('tables'))} {fmt(row.ms_per_page(row.stream_s))} {fmt(stages.get('model'))} | "
          f"{fmt(row.ms_per_page(row.pdfium_s), 6, 2)} | {fmt(cam, 7, 0)} {fmt(vec, 6, 0)} "
          f"{row.camelot_pages or '':>3}" + ("" if row.status == "ok" else f"  [{row.status}]"), flush=True)


HEADER = (f"{'file':<40} {'doc_type':<13} {'pages':>5} {'text':>6} {'extract':>7} | "
          f"{'open':>7} {'layout':>7} {'tables':>7} {'stream':>7} {'model':>7} | "
          f"{'pdfium':>6} | {'camelot':>7} {'vector':>6} {'pp':>3}")


def dominant(row: Row) -> str:
    if not row.stages_s:
        return "-"
    stage, secs = max(row.stages_s.items(), key=lambda kv: kv[1])
    share = secs / max(sum(row.stages_s.values()), 1e-9)
    extra = ""
    if stage == "tables" and row.stream_s:
        extra = (f"; camelot stream {100 * row.stream_s / max(secs, 1e-9):.0f}% of it, "
                 f"{row.stream_calls} calls")
    return f"{stage} {100 * share:.0f}%{extra}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="folder of PDFs (default: $LAKIPCHECK_CORPUS or ../shared/corpus)")
    ap.add_argument("--limit", type=int, help="only the first N corpus documents (sorted by name)")
    ap.add_argument("--camelot-pages", type=int, default=10,
                    help="camelot lattice on the first N pages of each born-digital full report (default 10)")
    ap.add_argument("--no-camelot", action="store_true", help="skip camelot lattice")
    ap.add_argument("--camelot-vector", action="store_true", help="also camelot lattice engine='vector'")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocess runs")
    ap.add_argument("--json", help="write the raw numbers here")
    args = ap.parse_args(argv)

    folder = corpus_dir(args.corpus)
    pdfs = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not pdfs:
        print(f"warning: no corpus PDFs in {folder}; measuring the sample only", file=sys.stderr)
    if args.limit is not None:
        pdfs = pdfs[: args.limit]
    meta = manifest(folder)
    docs: list[tuple[Path, str, str | None]] = [
        (p, meta.get(p.name, {}).get("doc_type", "?"), meta.get(p.name, {}).get("text_layer")) for p in pdfs]
    if SAMPLE.exists():
        docs.append((SAMPLE, "sample", None))

    # warm-up: imports (camelot is imported lazily by the tables stage), caches; not measured
    if not args.no_camelot:
        import camelot  # noqa: F401
    warm = min((p for p, _, _ in docs), key=lambda p: p.stat().st_size, default=None)
    if warm is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with suppress(NotALakip, InputError):
                extract(warm)

    print(f"lakipcheck speed: {len(docs)} documents from {folder}" + (" + sample" if SAMPLE.exists() else ""))
    print("ms/page; extract = pipeline.extract end to end; open/layout/tables/model = the same stages timed "
          "one by one in a second pass (stream = camelot stream calls inside tables);")
    print("pdfium = pypdfium2 open + get_textpage + get_text_range on every page; "
          + ("camelot/vector = camelot lattice engine 'combined' (default) / 'vector' on the first "
             f"{args.camelot_pages} pages (pp) of born-digital full reports and the sample only"
             if not args.no_camelot else "camelot skipped (--no-camelot)"))
    print()
    print(HEADER)
    print("-" * len(HEADER))
    rows: list[Row] = []
    t_start = time.perf_counter()
    for path, doc_type, text_layer in docs:
        row = Row(file=path.name, doc_type=doc_type, size_bytes=path.stat().st_size,
                  manifest_text_layer=text_layer)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gc.collect()
            time_extract(path, row)
            if row.status in ("ok", "not-lakip"):
                gc.collect()
                time_stages(path, row)
            time_pdfium(path, row)
            if not args.no_camelot and row.status in ("ok", "not-lakip") and (
                    row.is_full_born_digital or doc_type == "sample"):
                time_camelot(path, row, args.camelot_pages, args.camelot_vector)
        rows.append(row)
        print_row(row)
    total_s = time.perf_counter() - t_start
    load = os.getloadavg()

    full = [r for r in rows if r.is_full_born_digital and r.extract_s is not None]
    full_ms = sorted(r.ms_per_page(r.extract_s) or 0.0 for r in full)
    all_ms = [r.ms_per_page(r.extract_s) or 0.0 for r in rows
              if r.extract_s is not None and r.doc_type != "sample"]
    summary: dict[str, Any] = {"n_documents": len(rows), "n_full_born_digital": len(full),
                               "benchmark_seconds": total_s, "load_average_1_5_15": load}
    print()
    print(f"benchmark wall time: {total_s:.0f} s; load average at the end {load[0]:.2f} / {load[1]:.2f} / "
          f"{load[2]:.2f} on {os.cpu_count()} CPUs (a load above 1 means other work shared the CPU: noisier)")
    if full_ms:
        median, high = statistics.median(full_ms), p90(full_ms)
        full_pages = sum(r.pages for r in full)
        pooled = 1000 * sum(r.extract_s or 0.0 for r in full) / max(full_pages, 1)
        stage_tot = {k: sum(r.stages_s.get(k, 0.0) for r in full)
                     for k in ("open", "layout", "tables", "model")}
        stream_tot = sum(r.stream_s for r in full)
        pdfium_ms = 1000 * sum(r.pdfium_s or 0.0 for r in full) / max(full_pages, 1)
        summary.update(median_ms_per_page=median, p90_ms_per_page=high, pooled_ms_per_page=pooled,
                       pdfium_pooled_ms_per_page=pdfium_ms, full_pages=full_pages,
                       stage_pooled_ms_per_page={k: 1000 * v / full_pages for k, v in stage_tot.items()},
                       stream_pooled_ms_per_page=1000 * stream_tot / full_pages,
                       goal_median_ok=median <= GOAL_MS_PER_PAGE)
        print(f"born-digital full reports (doc_type {'/'.join(sorted(FULL_TYPES))}, text layer yes): "
              f"{len(full)} documents, {full_pages} pages")
        print(f"  extract ms/page: median {median:.1f}, p90 {high:.1f}, min {full_ms[0]:.1f}, "
              f"max {full_ms[-1]:.1f}, pooled (all pages / all time) {pooled:.1f}")
        print("  stage split, pooled ms/page: " + ", ".join(
            f"{k} {1000 * v / full_pages:.1f}" for k, v in stage_tot.items())
              + f" (tables rebuilt from word positions, inside tables: {1000 * stream_tot / full_pages:.1f})")
        print(f"  pypdfium2 raw text, pooled ms/page: {pdfium_ms:.2f}")
        cam = [r for r in full if r.camelot_s is not None and r.camelot_pages]
        if cam:
            cam_pages = sum(r.camelot_pages for r in cam)
            cam_ms = 1000 * sum(r.camelot_s or 0.0 for r in cam) / cam_pages
            summary.update(camelot_pages=cam_pages, camelot_pooled_ms_per_page=cam_ms)
            line = (f"  camelot lattice 'combined', pooled ms/page on {cam_pages} pages "
                    f"(first {args.camelot_pages} of each): {cam_ms:.0f}")
            vec = [r for r in cam if r.vector_s is not None]
            if vec:
                vec_ms = 1000 * sum(r.vector_s or 0.0 for r in vec) / sum(r.camelot_pages for r in vec)
                summary["camelot_vector_pooled_ms_per_page"] = vec_ms
                line += f"; 'vector': {vec_ms:.0f}"
            print(line)
        print(f"  GOAL median extract <= {GOAL_MS_PER_PAGE:.0f} ms/page: "
              f"{'PASS' if median <= GOAL_MS_PER_PAGE else 'FAIL'} ({median:.1f})")
    if all_ms:
        summary["median_ms_per_page_all_corpus"] = statistics.median(all_ms)
        print(f"all corpus documents: median extract {statistics.median(all_ms):.1f} ms/page "
              f"over {len(all_ms)}")
    slow = sorted((r for r in rows if r.extract_s is not None),
                  key=lambda r: -(r.ms_per_page(r.extract_s) or 0))
    print("slowest documents (extract ms/page; dominant stage):")
    for r in slow[:5]:
        print(f"  {r.file:<42} {r.ms_per_page(r.extract_s):7.1f}  {r.pages:>4} pages  {dominant(r)}")
    failed = [r for r in rows if r.status not in ("ok", "not-lakip")]
    if failed:
        print(f"not readable: {[(r.file, r.status) for r in failed]}")

    memory: list[dict[str, Any]] = []
    corpus_rows = [r for r in rows if r.doc_type != "sample" and r.pages]
    if corpus_rows and not args.no_memory:
        by_pages = max(corpus_rows, key=lambda r: r.pages)
        by_bytes = max(corpus_rows, key=lambda r: r.size_bytes)
        targets = {by_pages.file: "most pages"}
        targets[by_bytes.file] = ("most pages and bytes" if by_bytes.file in targets else "most bytes")
        print("peak memory of extract in a fresh subprocess (VmHWM of the child):")
        for name, why in targets.items():
            result = peak_memory(folder / name)
            result["why"] = why
            memory.append(result)
            if "error" in result:
                print(f"  {name} ({why}): child failed: {result['error']}")
                continue
            pages = next(r.pages for r in corpus_rows if r.file == name)
            print(f"  {name} ({why}: {pages} pages, {result['size_bytes'] / 1e6:.1f} MB): peak "
                  f"{result['peak_mb']:.0f} MB (after imports {result['import_mb']:.0f} MB), "
                  f"extract {result['seconds']:.1f} s")
        peaks = [m["peak_mb"] for m in memory if "peak_mb" in m]
        if peaks:
            ok = max(peaks) < GOAL_PEAK_MB and len(peaks) == len(memory)
            summary.update(peak_mb=max(peaks), goal_memory_ok=ok)
            print(f"  GOAL peak memory < {GOAL_PEAK_MB:.0f} MB on the largest file: "
                  f"{'PASS' if ok else 'FAIL'} ({max(peaks):.0f} MB)")

    if args.json:
        out = {
            "environment": {"python": platform.python_version(), "machine": platform.machine(),
                            "cpus": os.cpu_count(), "pypdfium2": getattr(pdfium, "V_PYPDFIUM2", None)
                            or str(getattr(getattr(pdfium, "version", None), "PYPDFIUM_INFO", "?")),
                            "corpus": str(folder), "camelot_pages": None if args.no_camelot
                            else args.camelot_pages, "date": time.strftime("%Y-%m-%dT%H:%M:%S")},
            "summary": summary,
            "memory": memory,
            "documents": [asdict(r) | {
                "text_layer": r.text_layer,
                "extract_ms_per_page": r.ms_per_page(r.extract_s),
                "pdfium_ms_per_page": r.ms_per_page(r.pdfium_s),
                "camelot_ms_per_page": r.ms_per_page(r.camelot_s, r.camelot_pages),
                "camelot_vector_ms_per_page": r.ms_per_page(r.vector_s, r.camelot_pages),
            } for r in rows],
        }
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"raw numbers written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
