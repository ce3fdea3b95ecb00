"""``generate(seed, inject=[...])``: a synthetic LAKIP PDF with its ground truth."""

from __future__ import annotations

import random
from collections.abc import Sequence

from lakipcheck.synth.compose import Composer, Doc
from lakipcheck.synth.inject import INJECTIONS, Ctx, InjectionError
from lakipcheck.synth.model import Injection, Location, SynthReport, SynthTruth
from lakipcheck.synth.plan import make_plan
from lakipcheck.synth.render import DocMeta, RenderResult, Toc, find_pages, page_texts, render

INJECTION_KINDS = tuple(INJECTIONS)


def compose(
    seed: int, inject: Sequence[str] = (), *, table_style: str | None = None, ro_names: str = "indicator"
) -> tuple[SynthTruth, Doc]:
    """The plan and composed (not yet rendered, not yet injected) report for ``seed``.

    The kinds to inject only shape the plan (e.g. a predicate indicator for ``predicate_mismatch``), so
    ``compose(seed, kinds)`` is the clean twin of ``generate(seed, inject=kinds)``. ``table_style`` ("grid",
    "booktabs" or "none") draws the body tables in that style instead of the seed's own; ``ro_names``
    "output" names the Rincian Output rows after outputs instead of indicators.
    """
    unknown = [k for k in inject if k not in INJECTIONS]
    if unknown:
        raise ValueError(f"unknown injection kind(s) {unknown}; known: {', '.join(INJECTION_KINDS)}")
    truth = make_plan(
        seed, need_predicate="predicate_mismatch" in inject, need_pair_in_sasaran="budget_row_swap" in inject
    )
    if table_style is not None:
        truth.conventions.table_style = table_style
    return truth, Composer(truth, random.Random(f"compose:{seed}"), ro_names=ro_names).compose()


def apply_injections(truth: SynthTruth, doc: Doc, inject: Sequence[str]) -> Ctx:
    """Plant ``inject`` into ``doc``, recording each in ``truth.injections`` (in the order applied)."""
    ctx = Ctx(doc, truth, random.Random(f"inject:{truth.seed}:{','.join(inject)}"))
    # swaps first (they need two untouched cells), missing_part last (it avoids parts already changed)
    order = sorted(inject, key=lambda k: (k != "budget_row_swap" and k != "column_swap", k == "missing_part"))
    for kind in order:
        try:
            truth.injections.append(INJECTIONS[kind](ctx))
        except (InjectionError, IndexError) as e:  # IndexError: random choice from nothing
            raise InjectionError(f"seed {truth.seed}: cannot inject {kind}: {e}") from e
    return ctx


def generate(
    seed: int, *, inject: Sequence[str] | None = None, table_style: str | None = None
) -> SynthReport:
    """Generate report ``seed``; ``inject`` lists discrepancy kinds (see ``INJECTION_KINDS``) to plant;
    ``table_style`` overrides how the body tables are drawn (see ``compose``)."""
    kinds = list(inject or [])
    truth, doc = compose(seed, kinds, table_style=table_style)
    ctx = apply_injections(truth, doc, kinds)
    blocks = [b for b in doc.blocks if id(b) not in ctx.removed]
    meta = DocMeta(
        header=f"Laporan Kinerja {truth.agency_short} Tahun {truth.year}",
        title=f"Laporan Kinerja {truth.agency} Tahun {truth.year}",
        author=truth.agency,
        subject=f"synthetic LAKIP, seed {seed}",
    )
    res = render(blocks, meta)
    fill_toc(doc.toc, doc, res)
    res = render(blocks, meta)  # same layout, now with the page numbers in the table of contents
    texts = page_texts(res.pdf)
    resolve(truth, doc, res, texts)
    return SynthReport(res.pdf, truth)


def fill_toc(toc: Toc, doc: Doc, res: RenderResult) -> None:
    """Put the printed page label of each entry's heading into the table of contents."""
    for k, hid in enumerate(doc.toc_ids):
        pages = res.block_pages.get(hid)
        label = res.page_labels[pages[0] - 1] if pages else ""
        text, _old, level = toc.entries[k]
        toc.entries[k] = (text, label, level)


def _page(res: RenderResult, texts: list[str], loc: Location, doc: Doc) -> int | None:
    if loc.table is not None:
        spec = doc.tables[loc.table]
        grid_row = loc.row if loc.header else spec.n_header + loc.row
        pages = res.cell_pages.get((loc.table, grid_row, loc.col), [])
    elif loc.block is not None:
        pages = res.block_pages.get(loc.block, [])
    else:
        return None
    found = find_pages(texts, loc.printed, pages) if loc.printed else pages
    return found[0] if found else (pages[0] if pages else None)


def resolve(truth: SynthTruth, doc: Doc, res: RenderResult, texts: list[str]) -> None:
    """Put pages on every stated value, budget line, table and injection."""
    truth.n_pages = res.n_pages
    truth.page_labels = res.page_labels
    for c in doc.cells:
        spec = doc.tables[c.table]
        printed = spec.rows[c.row][c.col].replace("**", "")
        loc = Location(None, printed, printed, c.table, c.row, c.col)
        entry = {
            "role": c.role,
            "printed": printed,
            "page": _page(res, texts, loc, doc),
            "table": c.table,
            "table_kind": spec.kind,
            "row": c.row,
            "col": c.col,
        }
        if c.year is not None:
            entry["year"] = c.year
        if c.quarter is not None:
            entry["quarter"] = c.quarter
        if c.indicator:
            truth.indicator(c.indicator).stated.append(entry)
    for b in doc.budget_lines:
        spec = doc.tables[b.table]
        b.printed = {
            k: spec.rows[b.row][col].replace("**", "")
            for k, col in _budget_cols(b.table).items()
            if col < len(spec.rows[b.row])
        }
        pages = res.cell_pages.get((b.table, spec.n_header + b.row, 1), [])
        b.page = pages[0] if pages else None
    truth.budget_lines = doc.budget_lines
    for inj in truth.injections:
        for loc in inj.locations:
            loc.page = _page(res, texts, loc, doc)
            if loc.block is not None:
                loc.context = _context(doc, loc)
    truth.tables = [
        {
            "id": tid,
            "kind": spec.kind,
            "pages": res.table_pages.get(tid, []),
            "header": [[c.replace("**", "") for c in r] for r in spec.header],
            "n_body_rows": len(spec.rows),
            "n_cols": spec.n_cols,
            "number_format": doc.table_formats.get(tid, "id"),
            "rows_in_other_format": doc.other_format_rows.get(tid, []),
            "style": spec.style,
            "orientation": "landscape" if tid in ("renaksi", "pengukuran", "ro") else "portrait",
        }
        for tid, spec in doc.tables.items()
        if tid in res.table_pages
    ]


def _budget_cols(tid: str) -> dict[str, int]:
    return {
        "anggaran": {"pagu": 2, "realisasi": 3, "percent": 4},
        "pk_budget": {"pagu": 3},
        "ro": {"pagu": 4},
        "sebaran": {"pagu": 2},
    }.get(tid, {})


def _context(doc: Doc, loc: Location) -> str:
    block = doc.paras.get(loc.block) or doc.headings.get(loc.block)
    text = block.text.replace("**", "")
    i = text.find(loc.printed)
    return text[max(0, i - 40) : i + len(loc.printed) + 40] if i >= 0 else text[:120]


def describe(inj: Injection) -> str:
    where = ", ".join(
        f"p.{loc.page}" + (f" {loc.table} r{loc.row} c{loc.col}" if loc.table else "")
        for loc in inj.locations
    )
    return f"{inj.kind}: {inj.description} [{where}]"
