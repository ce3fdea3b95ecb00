"""Regenerate the frozen multi-producer test bed (issue 7): synthetic LAKIPs and the BGP NTT 2023 sample,
each drawn by reportlab, by LibreOffice from a python-docx Word file, by WeasyPrint and by LibreOffice's HTML
import, in every table style (grid, booktabs, zebra, shaded, none), with their ground truth.

    python samples/build_testbed.py [--sets tuning,held] [--producers docx,weasyprint] [--no-bgp]
                                    [--work DIR] [--limit N]

Writes
  tests/data/testbed/   the tuning set, which tests may read: 2 reports per producer x style (a clean one
                        and one with an injection group) = 40, and bgp/: the BGP NTT 2023 sample by each
                        producer, ruled as laid out and in one other style (BGP_RESTYLED);
  benchmarks/testbed/   the held-back set, from seeds no test uses: 4 reports per producer x style (a clean
                        one and one per injection group, covering every kind) = 80;
each with manifest.json (file, producer, style, seed, injected kinds, truth file, features). Every value the
truth records was found on its page in the PDF read back (``lakipcheck.synth.testbed.check_truth``).

Needed for regeneration only (the test suite reads the committed PDFs and needs none of it):
  apt-get install -y libreoffice-writer-nogui fonts-dejavu fonts-liberation fonts-crosextra-carlito
  pip install -e ".[testbed]"          # WeasyPrint, python-docx, fontTools
The same seeds give the same documents, and with the same LibreOffice, WeasyPrint and fonts the same bytes
(time stamps are fixed: ``producers.EPOCH``, SOURCE_DATE_EPOCH). Tested with LibreOffice 7.4, WeasyPrint 70,
python-docx 1.2 (Debian 12). About 10 minutes on 2 cores (LibreOffice converts one batch at a time).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from lakipcheck.synth.blocks import Heading, ListBlock, Look, Para
from lakipcheck.synth.layout import plain
from lakipcheck.synth.locate import find_pages, on_page
from lakipcheck.synth.producers import PRODUCERS, Job, Producers, missing, read_back
from lakipcheck.synth.render import page_texts, render
from lakipcheck.synth.testbed import build, plan_cases, write_case

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SETS = {
    # name: (folder, case-name prefix, first seed, reports per producer x style, feature draw)
    "tuning": (ROOT / "tests" / "data" / "testbed", "tune", 80001, 2, "testbed-tuning"),
    "held": (ROOT / "benchmarks" / "testbed", "held", 90001, 4, "testbed-held"),
}
BGP_RESTYLED = {"reportlab": "none", "docx": "shaded", "weasyprint": "zebra", "lohtml": "booktabs"}
BGP_LOOKS = {
    "reportlab": Look(),
    "docx": Look(font="Carlito"),
    "weasyprint": Look(font="DejaVu Sans"),
    "lohtml": Look(font="Liberation Sans"),
}
# The real defects of the BGP NTT 2023 report (samples/lakip_bgp_ntt_2023.truth.json "known_discrepancies"
# and tests/rules/test_rules_narrative.py): the rules meant to report each, and where it is printed, as a
# table id or a phrase of the paragraph or heading that holds it.
BGP_DEFECTS = [
    ("restated_total", "table", ("LK301",), {"claim": "54.068.042.681"}),
    ("budget_row_swap", "table", ("LK203",), {"tables": ("realisasi_anggaran", "pengukuran_ro")}),
    ("column_swap_ikk13", "table", ("LK102",), {"tables": ("renstra_end_13",)}),
    ("column_swap_ikk22", "table", ("LK102",), {"tables": ("renstra_end_22",)}),
    ("renstra_end_capaian_ikk22", "table", ("LK107", "LK101"), {"tables": ("renstra_end_22",)}),
    ("renstra_end_target_ikk21", "table", ("LK105", "LK103", "LK108"), {"tables": ("renstra_end_21",)}),
    ("renaksi_target_ikk21", "table", ("LK105", "LK103"), {"cell": ("renaksi_pk", 3, 3)}),
    ("pengukuran_realisasi_ikk13", "table", ("LK103",), {"cell": ("pengukuran_ikk", 2, 6)}),
    ("duplicate_header_psp", "table", ("LK305",), {"tables": ("peserta_psp",)}),
    ("copied_name_ikk12", "narrative", ("LK404",), {"text": ("berjumlah 28.602 orang, realisasi capaian",)}),
    ("copied_name_ikk13", "narrative", ("LK404",), {"text": ("berjumlah 2.228 orang, realisasi capaian",)}),
    ("heading_years", "narrative", ("LK405",), {"text": ("Perbandingan Realisasi Tahun 2023 dan 2024",)}),
    (
        "founding_month",
        "narrative",
        ("LK406",),
        {"text": ("pertama kali dibentuk pada bulan April 2022", "baru berdiri bulan Maret 2022")},
    ),
]


def _bgp_module():
    spec = importlib.util.spec_from_file_location("build_bgp_ntt", HERE / "build_bgp_ntt.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _text_pages(content, res, texts: list[str], phrase: str) -> list[int]:
    """Pages of the paragraph, list item or heading holding ``phrase``, narrowed to those printing it."""
    keys = []
    for i, b in enumerate(content.blocks):
        if isinstance(b, Para | Heading) and phrase in plain(b.text):
            keys.append(b.id or (f"h{i}" if isinstance(b, Heading) else f"p{i}"))
        elif isinstance(b, ListBlock):
            keys += [f"{b.id or f'l{i}'}.{j}" for j, it in enumerate(b.items) if phrase in plain(it.text)]
    if len(keys) != 1:
        raise AssertionError(f"BGP defect phrase {phrase!r} is in {len(keys)} blocks")
    pages = res.block_pages[keys[0]]
    return [p for p in pages if on_page(texts, p, phrase)] or pages


def bgp_defects(content, res, texts: list[str], data: dict) -> list[dict]:
    tables = {t["id"]: t["pages"] for t in data["tables"]}
    out = []
    for name, kind, rules, where in BGP_DEFECTS:
        if "claim" in where:
            pages = [c["page"] for c in data["claims"] if c["printed"] == where["claim"]]
        elif "cell" in where:
            tid, row, col = where["cell"]
            pages = sorted(
                {
                    v["page"]
                    for ind in data["indicators"]
                    for v in ind["values"]
                    if (v["table"], v["row"], v["col"]) == (tid, row, col)
                }
            )
        elif "tables" in where:
            pages = sorted({p for t in where["tables"] for p in tables[t]})
        else:
            pages = sorted({p for phrase in where["text"] for p in _text_pages(content, res, texts, phrase)})
        if not pages:
            raise AssertionError(f"BGP defect {name}: not located")
        out.append({"id": name, "kind": kind, "rules": list(rules), "pages": pages})
    return out


def build_bgp(producers: Producers | None, names: list[str], folder: Path) -> list[dict]:
    """The BGP NTT 2023 sample drawn by each producer, as laid out (ruled) and in ``BGP_RESTYLED``'s style
    with headers not repeated, each with truth (``build_bgp_ntt.truth``) and the pages of its defects."""
    bgp = _bgp_module()
    page_finder = bgp.find_pages
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for producer in names:
        for style in ("grid", BGP_RESTYLED[producer]):
            res, content = bgp.build()
            if style != "grid":
                for spec in content.tables.values():
                    spec.style, spec.repeat_header = style, False
            if producer == "reportlab":
                if style != "grid":
                    res = render(content.blocks, bgp.META)
                texts = page_texts(res.pdf)
                pdf = res.pdf
            else:
                job = Job(f"bgp_{producer}_{style}", producer, content.blocks, bgp.META, BGP_LOOKS[producer])
                pdf = producers.draw([job])[0]
                texts = page_texts(pdf)
                res = read_back(producer, content.blocks, texts, header=bgp.HEADER).result
            # other engines break lines at "/" and "-" too: compare without any white space
            bgp.find_pages = find_pages if producer != "reportlab" else page_finder
            data = bgp.truth(res, content, texts)
            stem = f"bgp_ntt_2023.{producer}" + ("" if style == "grid" else f".{style}")
            data.update(file=f"{stem}.pdf", producer=producer, style=style)
            data["defects"] = bgp_defects(content, res, texts, data)
            (folder / f"{stem}.pdf").write_bytes(pdf)
            (folder / f"{stem}.truth.json").write_text(json.dumps(data, ensure_ascii=False) + "\n", "utf-8")
            entries.append(
                {
                    "file": f"bgp/{stem}.pdf",
                    "truth": f"bgp/{stem}.truth.json",
                    "kind": "bgp",
                    "producer": producer,
                    "style": style,
                    "seed": None,
                    "injected": [],
                    "n_pages": len(texts),
                }
            )
            print(f"  BGP NTT 2023 by {producer} ({style}): {len(texts)} pages")
    bgp.find_pages = page_finder
    return entries


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="tuning,held")
    ap.add_argument("--producers", default=",".join(PRODUCERS))
    ap.add_argument("--no-bgp", action="store_true", help="leave the BGP renderings of the tuning set alone")
    ap.add_argument("--work", type=Path, help="work folder (default: a temporary one)")
    ap.add_argument("--limit", type=int, help="only the first N reports of each set (for a trial)")
    args = ap.parse_args(argv)
    names = [p for p in args.producers.split(",") if p]
    absent = {p: missing(p) for p in names if missing(p)}
    if absent:
        for p, why in absent.items():
            print(f"{p}: {why}", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="testbed_"))
    producers = Producers(work) if set(names) - {"reportlab"} else None
    t0 = time.perf_counter()
    for set_name in [s for s in args.sets.split(",") if s]:
        folder, prefix, seed0, per_cell, draw = SETS[set_name]
        cases = [c for c in plan_cases(prefix, seed0, per_cell, draw) if c.variant.producer in names]
        cases = cases[: args.limit] if args.limit else cases
        kept = []
        if (folder / "manifest.json").is_file() and args.no_bgp:
            old_manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            kept = [e for e in old_manifest["reports"] if e["kind"] == "bgp"]
        if folder.exists():
            for old in [*folder.glob("*.pdf"), *folder.glob("*.truth.json")]:
                old.unlink()
        print(f"{set_name}: {len(cases)} reports -> {folder.relative_to(ROOT)}")
        entries = []
        for k in range(0, len(cases), 20):  # batches keep the work folder and memory small
            for d, data in build(cases[k : k + 20], producers):
                entries.append(write_case(d, data, folder))
            print(f"  {len(entries)}/{len(cases)} ({time.perf_counter() - t0:.0f} s)")
        if set_name == "tuning" and not args.no_bgp:
            if (folder / "bgp").exists():
                shutil.rmtree(folder / "bgp")
            entries += build_bgp(producers, names, folder / "bgp")
        entries += kept
        manifest = {"set": set_name, "reports": entries}
        (folder / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print(f"done in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
