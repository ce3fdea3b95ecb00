"""Run `extract` on every corpus PDF and report, per document: kind detected, sections found, indicators with
target / realisasi / capaian from a capaian table. Prints a TSV table and a summary.

    python benchmarks/corpus_extract.py [--corpus DIR] [--json OUT]

Full LKIP/LKjIP reports (MANIFEST doc_type LKIP-full) should give a capaian table with indicators.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

from lakipcheck.ingest import InputError
from lakipcheck.model.types import Role
from lakipcheck.pipeline import NotALakip, extract
from lakipcheck.tables.types import TableKind

REPO = Path(__file__).resolve().parents[1]
SECTION_ABBR = {
    "ikhtisar_eksekutif": "IE",
    "bab_i_pendahuluan": "I",
    "bab_ii_perencanaan_kinerja": "II",
    "bab_iii_akuntabilitas_kinerja": "III",
    "bab_iv_penutup": "IV",
    "lampiran": "L",
}


def corpus_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("LAKIPCHECK_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus"


def manifest(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "MANIFEST.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


def summarise(path: Path) -> dict:
    t0 = time.perf_counter()
    try:
        report = extract(path)
        error = None
    except NotALakip as exc:
        report, error = exc.report, "not-lakip"
    except InputError as exc:
        return {"file": path.name, "error": exc.code, "message": exc.message}
    secs = time.perf_counter() - t0
    capaian_tables = [t for t in report.tables if t.kind == TableKind.CAPAIAN]
    with_capaian = [
        i
        for i in report.indicators
        if i.first(Role.TARGET) and (i.first(Role.REALISASI) or i.first(Role.CAPAIAN))
    ]
    complete = [i for i in with_capaian if i.first(Role.REALISASI) and i.first(Role.CAPAIAN)]
    sample = with_capaian[0] if with_capaian else None
    return {
        "file": path.name,
        "error": error,
        "pages": report.n_pages,
        "kind": report.info.kind.value,
        "year": report.info.year,
        "agency": report.info.agency,
        "sections": " ".join(
            f"{SECTION_ABBR[s.kind.value]}:{s.page_start}"
            for s in report.sections
            if s.kind.value in SECTION_ABBR
        ),
        "tables": len(report.tables),
        "capaian_tables": [f"p{t.page}" for t in capaian_tables],
        "indicators": len(report.indicators),
        "with_target_realisasi": len(with_capaian),
        "with_target_realisasi_capaian": len(complete),
        "example": None
        if sample is None
        else " | ".join(
            f"{r.value}={v.figure.raw}"
            for r in (Role.TARGET, Role.REALISASI, Role.CAPAIAN)
            if (v := sample.first(r))
        )
        + f" ({sample.name[:50]})",
        "seconds": round(secs, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus")
    ap.add_argument("--json", help="write the rows as JSON here")
    args = ap.parse_args(argv)
    folder = corpus_dir(args.corpus)
    if not folder.is_dir():
        print(f"corpus not found: {folder}", file=sys.stderr)
        return 2
    meta = manifest(folder)
    rows = []
    cols = [
        "file",
        "doc_type",
        "kind",
        "year",
        "pages",
        "sections",
        "tables",
        "capaian_tables",
        "indicators",
        "with_target_realisasi",
        "with_target_realisasi_capaian",
        "example",
    ]
    print("\t".join(cols))
    for pdf in sorted(folder.glob("*.pdf")):
        row = summarise(pdf)
        row["doc_type"] = meta.get(pdf.name, {}).get("doc_type", "?")
        rows.append(row)
        print(
            "\t".join(
                str(row.get(c, "")) if not isinstance(row.get(c), list) else ",".join(row[c]) for c in cols
            ),
            flush=True,
        )
    full = [r for r in rows if r["doc_type"] in ("LKIP-full", "LKjIP-full")]
    ok = [r for r in full if r.get("capaian_tables") and r.get("with_target_realisasi", 0) > 0]
    crashed = [r for r in rows if r.get("error") not in (None, "not-lakip")]
    print(
        f"\nfull reports with a capaian table and indicators: {len(ok)}/{len(full)} "
        f"({100 * len(ok) / max(len(full), 1):.0f}%)"
    )
    print(f"documents that could not be read: {len(crashed)} {[r['file'] for r in crashed]}")
    print(
        f"total time: {sum(r.get('seconds', 0) for r in rows):.1f} s "
        f"for {sum(r.get('pages', 0) for r in rows)} pages"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
