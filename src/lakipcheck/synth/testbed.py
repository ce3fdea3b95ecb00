"""The multi-producer test bed: generated reports drawn by every producer in every table style, with truth.

A ``Case`` is one report: a seed, the discrepancy kinds planted in it, and a ``Variant`` (producer, table
style and the other features a real report varies in: running header and footer, table of contents, headings
bold only by name, narrow columns that wrap words and amounts, landscape lampiran, Rincian Output named after
outputs, charts, repeated table headers, body font). ``build`` composes and draws the cases in batches (two
drawings each: the table of contents takes the page numbers of the first), locates every value in the PDF
read back, resolves the truth as ``generate`` does, and checks every recorded location against its page.

Several kinds go into one report, in ``GROUPS`` chosen so that their findings cannot be mistaken for one
another's: each group's kinds act on different tables and paragraphs and (``draft`` makes sure) different
indicators. ``check_truth`` is what the tests run on the committed files.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from lakipcheck.synth.blocks import TABLE_STYLES, Break, DocMeta, Heading, Look, RenderResult, TableSpec, Toc
from lakipcheck.synth.compose import LANDSCAPE_TABLES, Doc
from lakipcheck.synth.fonts import available_families
from lakipcheck.synth.generate import apply_injections, compose, fill_toc, resolve
from lakipcheck.synth.inject import InjectionError
from lakipcheck.synth.layout import TEXT_WIDTH, plain, text_width
from lakipcheck.synth.locate import on_page
from lakipcheck.synth.model import SynthTruth
from lakipcheck.synth.producers import PRODUCERS, Job, Producers, read_back
from lakipcheck.synth.render import page_texts, render

# three groups of five kinds: together they cover every kind once
GROUPS: tuple[tuple[str, ...], ...] = (
    ("capaian_wrong", "total_wrong", "target_mismatch", "wrong_number_word", "missing_part"),
    (
        "column_swap",
        "budget_row_swap",
        "restated_total_wrong",
        "narrative_number_changed",
        "duplicate_header",
    ),
    ("daya_serap_wrong", "predicate_mismatch", "count_claim_wrong", "wrong_indicator_name", "wrong_year"),
)
MONEY_COLS = {"anggaran": (2, 3), "pk_budget": (3,), "ro": (4,), "sebaran": (2,)}
NARROW_HEADER_COLS = {"capaian": (3, 4, 5, 6), "pengukuran": (3, 4, 5, 6, 7)}


@dataclass(frozen=True, slots=True)
class Variant:
    """How one report is drawn: by which producer, in which table style, with which features."""

    producer: str
    style: str
    running: bool = True
    toc: bool = True
    bold_face: bool = False
    narrow: bool = False
    landscape: bool = True
    ro_names: str = "indicator"
    charts: bool = True
    font: str = "DejaVu Sans"
    repeat_header: bool = True

    def look(self) -> Look:
        """What the producer needs of the variant (the rest shapes the blocks: ``shape``)."""
        return Look(running=self.running, bold_face=self.bold_face, charts=self.charts, font=self.font)


@dataclass(frozen=True, slots=True)
class Case:
    """One report of a set: its file name, seed (the first tried: see ``draft``), kinds and variant."""

    name: str
    seed: int
    kinds: tuple[str, ...]
    variant: Variant


def plan_cases(prefix: str, seed0: int, per_cell: int, rng_name: str) -> list[Case]:
    """``per_cell`` reports for every producer x style: a clean one, then the injection groups in turn
    (with fewer than four per cell the groups rotate over the styles). Features are drawn per report."""
    rng = random.Random(rng_name)
    fonts = available_families() or ["DejaVu Sans"]
    cases: list[Case] = []
    seed = seed0
    for producer in PRODUCERS:
        for s_i, style in enumerate(TABLE_STYLES):
            for k in range(per_cell):
                kinds = () if k == 0 else GROUPS[(k - 1 + (s_i if per_cell < 4 else 0)) % len(GROUPS)]
                variant = Variant(
                    producer,
                    style,
                    running=rng.random() < 0.7,
                    toc=rng.random() < 0.75,
                    bold_face=rng.random() < 0.5,
                    narrow=rng.random() < 0.4,
                    landscape=rng.random() < 0.8,
                    ro_names="output" if rng.random() < 0.5 else "indicator",
                    charts=rng.random() < 0.7,
                    font="DejaVu Sans" if producer == "reportlab" else rng.choice(fonts),
                    repeat_header=rng.random() < 0.6,
                )
                tag = "clean" if not kinds else f"g{GROUPS.index(kinds) + 1}"
                cases.append(Case(f"{prefix}_{producer}_{style}_{k}_{tag}", seed, kinds, variant))
                seed += 1
    return cases


# ----------------------------------------------------------------------------------------------- drafts


@dataclass
class Draft:
    """A case composed, injected and shaped by its variant: what every drawing of it starts from."""

    case: Case
    truth: SynthTruth
    doc: Doc
    blocks: list
    meta: DocMeta
    res: RenderResult | None = None
    pdf: bytes = b""
    texts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # blocks and cells the read-back did not find


def draft(case: Case, tries: int = 40) -> Draft:
    """Compose and inject ``case``; when its kinds cannot all be planted apart, move to the next seed."""
    for seed in range(case.seed, case.seed + tries):
        try:
            truth, doc = compose(seed, case.kinds, ro_names=case.variant.ro_names)
            ctx = apply_injections(truth, doc, case.kinds)
        except InjectionError:
            continue
        keys = [i.indicator for i in truth.injections if i.indicator]
        if len(keys) != len(set(keys)):
            continue  # two kinds on one indicator: a finding of one could be taken for the other
        blocks = [b for b in doc.blocks if id(b) not in ctx.removed]
        blocks = shape(doc, blocks, case.variant)
        meta = DocMeta(
            header=f"Laporan Kinerja {truth.agency_short} Tahun {truth.year}",
            title=f"Laporan Kinerja {truth.agency} Tahun {truth.year}",
            author=truth.agency,
            subject=f"synthetic LAKIP, seed {seed}, {case.variant.producer}",
        )
        return Draft(replace(case, seed=seed), truth, doc, blocks, meta)
    raise InjectionError(f"{case.name}: no seed from {case.seed} takes {case.kinds}")


def shape(doc: Doc, blocks: list, v: Variant) -> list:
    """Apply the variant's table style, header repetition, narrow columns, orientation and contents."""
    for spec in doc.tables.values():
        spec.style = v.style
        spec.repeat_header = v.repeat_header
        if v.narrow:
            narrow(spec, "landscape" if spec.id in LANDSCAPE_TABLES and v.landscape else "portrait")
    out = []
    for b in blocks:
        if isinstance(b, Break) and not v.landscape:
            b.orientation = None
        out.append(b)
    if not v.toc:
        k = next(i for i, b in enumerate(out) if isinstance(b, Toc))
        drop = {k, k - 1} | ({k - 2} if isinstance(out[k - 2], Break) else set())
        assert isinstance(out[k - 1], Heading)
        out = [b for i, b in enumerate(out) if i not in drop]
    return out


def narrow(spec: TableSpec, orientation: str) -> None:
    """Money columns narrower than their longest amount (which then breaks inside); value columns of the
    capaian tables just as wide as their longest word, so that their titles wrap."""
    n = spec.n_cols
    rel = list(spec.widths or [1.0] * n)
    total_pt = TEXT_WIDTH[orientation] * spec.width_fraction
    per_unit = total_pt / sum(rel)
    grid = [*spec.header, *spec.rows]
    freed = 0.0
    for c in MONEY_COLS.get(spec.id, ()):
        longest = max(text_width(plain(r[c]), spec.font_size) for r in spec.rows if c < len(r))
        title = max(text_width(w, spec.font_size, True) for r in spec.header for w in plain(r[c]).split())
        new = max(longest * 0.7, title + 8) / per_unit
        if new < rel[c]:
            freed += rel[c] - new
            rel[c] = new
            spec.break_cols.add(c)
    for c in NARROW_HEADER_COLS.get(spec.id, ()):
        words = [w for r in grid if c < len(r) for w in plain(r[c]).split()]
        longest = max((text_width(w, spec.font_size, True) for w in words), default=0) + 9
        new = longest / per_unit
        if new < rel[c]:
            freed += rel[c] - new
            rel[c] = new
    if freed:
        widest = max(range(n), key=lambda c: rel[c])
        rel[widest] += freed
        spec.widths = rel


# ----------------------------------------------------------------------------------------------- drawing


def _draw_all(drafts: Sequence[Draft], producers: Producers | None) -> None:
    jobs = [
        Job(d.case.name, d.case.variant.producer, d.blocks, d.meta, d.case.variant.look())
        for d in drafts
        if d.case.variant.producer != "reportlab"
    ]
    pdfs = dict(zip([j.name for j in jobs], producers.draw(jobs) if jobs and producers else [], strict=True))
    for d in drafts:
        v = d.case.variant
        if v.producer == "reportlab":
            d.res = render(d.blocks, d.meta, look=v.look())
            d.pdf = d.res.pdf
            d.texts = page_texts(d.pdf)
            continue
        d.pdf = pdfs[d.case.name]
        d.texts = page_texts(d.pdf)
        found = read_back(v.producer, d.blocks, d.texts, header=d.meta.header, running=v.running)
        d.res = replace(found.result, pdf=d.pdf)
        d.missing = found.missing


def build(
    cases: Sequence[Case], producers: Producers | None, *, log: Callable[[str], object] = print
) -> list[tuple[Draft, dict]]:
    """Draw ``cases`` (the table of contents filled from a first drawing) and return each with its truth."""
    drafts = [draft(c) for c in cases]
    log(f"drawing {len(drafts)} reports (first pass)")
    _draw_all(drafts, producers)
    for _round in range(3):
        stale = [d for d in drafts if _toc_stale(d)]
        if not stale:
            break
        for d in stale:
            fill_toc(d.doc.toc, d.doc, d.res)
        log(f"drawing {len(stale)} reports with their contents' page numbers")
        _draw_all(stale, producers)
    else:
        raise AssertionError("tables of contents do not settle")
    out = []
    for d in drafts:
        resolve(d.truth, d.doc, d.res, d.texts)
        data = truth_dict(d)
        problems = check_truth(data, d.texts)
        if problems:
            raise AssertionError(f"{d.case.name}: {problems[:5]}")
        if d.missing:
            log(f"  {d.case.name}: not read back (no truth depends on them): {', '.join(d.missing[:8])}")
        out.append((d, data))
    return out


def _toc_stale(d: Draft) -> bool:
    if not any(isinstance(b, Toc) for b in d.blocks):
        return False
    for k, hid in enumerate(d.doc.toc_ids):
        pages = d.res.block_pages.get(hid)
        label = d.res.page_labels[pages[0] - 1] if pages else ""
        if d.doc.toc.entries[k][1] != label:
            return True
    return False


def truth_dict(d: Draft) -> dict:
    """The truth of a drawn report: ``SynthTruth`` plus the producer, features and page orientations."""
    data = d.truth.to_dict()
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(d.pdf)
    try:
        land = [pdf[i].get_width() > pdf[i].get_height() for i in range(len(pdf))]
    finally:
        pdf.close()
    for t in data["tables"]:
        t["orientation"] = "landscape" if t["pages"] and land[t["pages"][0] - 1] else "portrait"
    for b in data["budget_lines"]:  # a label cell under a span (a "Jumlah" row): the page of the row
        if b["page"] is None:
            spec = d.doc.tables[b["table"]]
            row = spec.n_header + b["row"]
            pages = sorted(
                {p for c in range(spec.n_cols) for p in d.res.cell_pages.get((b["table"], row, c), [])}
            )
            fits = [p for p in pages if all(on_page(d.texts, p, v) for v in b["printed"].values())]
            b["page"] = (fits or pages or [None])[0]
    data["testbed"] = {"case": d.case.name, "kinds": list(d.case.kinds), **asdict(d.case.variant)}
    return data


# ----------------------------------------------------------------------------------------------- checks


def check_truth(truth: dict, texts: Sequence[str]) -> list[str]:
    """Every recorded location of a truth file against the page texts: pages within the document, and each
    printed value (white space aside) on the page recorded for it."""
    n = len(texts)
    problems = []
    if truth.get("n_pages") != n or len(truth.get("page_labels", [])) != n:
        problems.append(f"{n} pages, truth says {truth.get('n_pages')}")

    def need(page, printed: str, what: str) -> None:
        if not isinstance(page, int) or not 1 <= page <= n:
            problems.append(f"{what}: page {page} outside 1-{n}")
        elif printed and not on_page(texts, page, printed):
            problems.append(f"{what}: {printed!r} not on p.{page}")

    drawn = {t["id"] for t in truth["tables"]}  # a table of a part left out (missing_part) has no page
    for ind in truth["indicators"]:
        for v in ind["stated"]:
            if v["table"] in drawn:
                need(
                    v["page"], v["printed"], f"{ind['code']} {v['role']} {v['table']} r{v['row']}c{v['col']}"
                )
    for inj in truth["injections"]:
        for loc in inj["locations"]:
            if loc["printed"]:
                need(loc["page"], loc["printed"], f"{inj['kind']} location")
    for b in truth["budget_lines"]:
        if b["table"] not in drawn:
            continue
        for key, printed in b["printed"].items():
            need(b["page"], printed, f"budget line {b['id']} {key}")
    for t in truth["tables"]:
        for p in t["pages"]:
            need(p, "", f"table {t['id']}")
    return problems


def write_case(d: Draft, data: dict, folder: Path) -> dict:
    """Write the PDF and its truth into ``folder``; the manifest entry."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{d.case.name}.pdf").write_bytes(d.pdf)
    (folder / f"{d.case.name}.truth.json").write_text(json.dumps(data, ensure_ascii=False) + "\n", "utf-8")
    v = d.case.variant
    return {
        "file": f"{d.case.name}.pdf",
        "truth": f"{d.case.name}.truth.json",
        "kind": "synth",
        "producer": v.producer,
        "style": v.style,
        "seed": d.case.seed,
        "injected": list(d.case.kinds),
        "n_pages": len(d.texts),
        "features": {k: val for k, val in asdict(v).items() if k not in ("producer", "style")},
    }
