"""``python -m lakipcheck.synth OUTDIR --n 20 --seed 1 [--inject KIND ...]``: write synthetic LAKIPs."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lakipcheck.synth.generate import INJECTION_KINDS, describe, generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lakipcheck.synth", description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--n", type=int, default=20, help="number of reports (default 20)")
    ap.add_argument(
        "--seed", type=int, default=1, help="seed of the first report; the others follow (default 1)"
    )
    ap.add_argument(
        "--inject",
        nargs="+",
        default=[],
        metavar="KIND",
        choices=INJECTION_KINDS,
        help=f"discrepancies to plant in every report: {', '.join(INJECTION_KINDS)}",
    )
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    for seed in range(args.seed, args.seed + args.n):
        rep = generate(seed, inject=args.inject)
        pdf, _js = rep.write(args.outdir)
        if not args.quiet:
            t = rep.truth
            print(f"{pdf.name}: {t.agency}, {t.year}, {len(t.indicators)} indikator, {t.n_pages} pages")
            for inj in t.injections:
                print(f"  {describe(inj)}")
    if not args.quiet:
        print(f"{args.n} reports in {time.perf_counter() - t0:.1f} s -> {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
