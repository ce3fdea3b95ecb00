"""Layout over the corpus: detected kind, year, agency and sections per PDF, checked against MANIFEST.tsv.

Prints a TSV on stdout and a summary on stderr:
    python benchmarks/corpus_layout.py [CORPUS_DIR] > layout.tsv
The corpus is CORPUS_DIR, else $LAKIPCHECK_CORPUS, else <repo>/../shared/corpus.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from pathlib import Path

from lakipcheck.ingest import open_document
from lakipcheck.layout import analyse, find_sections, identify

# MANIFEST doc_type -> the kinds that count as right
EXPECTED = {
    "LKIP-full": {"lakip"},
    "LKjIP-full": {"lakip"},
    "LKIP-chapter": {"lakip_part"},
    "LKIP-lampiran": {"lakip_part"},
    "PK": {"perjanjian_kinerja"},
    "PK-scan": {"scanned"},
    "PK-support": {"other", "perjanjian_kinerja"},
    "Renstra": {"renstra"},
    "LRA": {"lra"},
    "EvalRenja-Realisasi": {"evaluasi_renja"},
    "Monev-RencanaAksi": {"rencana_aksi"},
    "RencanaAksi": {"rencana_aksi"},
    "LKj-triwulan": {"lakip_triwulan"},
}
BABS = ("bab_i_pendahuluan", "bab_ii_perencanaan_kinerja", "bab_iii_akuntabilitas_kinerja", "bab_iv_penutup")


def _doc_type(row: dict[str, str]) -> str:
    """MANIFEST's doc_type; its 'other' quarterly Laporan Kinerja (triwulan) is a kind of its own here."""
    quarterly = row["doc_type"] == "other" and "triwulan" in row["description"].lower()
    return "LKj-triwulan" if quarterly else row["doc_type"]


def corpus_dir(argv: list[str]) -> Path:
    if len(argv) > 1:
        return Path(argv[1])
    env = os.environ.get("LAKIPCHECK_CORPUS")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    corpus = corpus_dir(argv)
    manifest_path = corpus / "MANIFEST.tsv"
    if not manifest_path.exists():
        print(f"corpus not found at {corpus}", file=sys.stderr)
        return 2
    with manifest_path.open(encoding="utf-8") as fh:
        manifest = {row["filename"]: _doc_type(row) for row in csv.DictReader(fh, delimiter="\t")}
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["file", "doc_type", "kind", "ok", "year", "agency", "babs", "sections", "ms_per_page"])
    right = total = full = full_all = 0
    layout_seconds = 0.0
    n_pages = 0
    misses: list[str] = []
    for pdf in sorted(corpus.glob("*.pdf")):
        doc_type = manifest.get(pdf.name, "?")
        doc = open_document(pdf)
        start = time.perf_counter()
        layout = analyse(doc)
        sections = find_sections(doc, layout)
        info = identify(doc, sections, layout)
        elapsed = time.perf_counter() - start
        layout_seconds += elapsed
        n_pages += len(doc.pages)
        ok = str(info.kind) in EXPECTED.get(doc_type, set())
        total += 1
        right += ok
        if not ok:
            misses.append(f"{pdf.name}: {doc_type} -> {info.kind}")
        babs = [next((s.page_start for s in sections if s.kind == k), None) for k in BABS]
        if doc_type.endswith("-full"):
            full += 1
            full_all += all(b is not None for b in babs)
        out.writerow(
            [
                pdf.name,
                doc_type,
                str(info.kind),
                "ok" if ok else "MISS",
                info.year or "",
                info.agency or "",
                " ".join("-" if b is None else str(b) for b in babs),
                " ".join(f"{s.kind}:{s.page_start}" for s in sections),
                f"{1000 * elapsed / len(doc.pages):.2f}",
            ]
        )
    print(f"kinds right: {right}/{total}", file=sys.stderr)
    print(f"full reports with BAB I-IV all found: {full_all}/{full}", file=sys.stderr)
    per_page = 1000 * layout_seconds / max(n_pages, 1)
    print(f"layout time: {per_page:.2f} ms/page over {n_pages} pages", file=sys.stderr)
    for miss in misses:
        print(f"  miss: {miss}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
