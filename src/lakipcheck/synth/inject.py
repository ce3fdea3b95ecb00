"""Discrepancy injections: each changes printed text of a composed report and says exactly what it changed.

An injection receives the composed ``Doc`` and the truth, edits table cells or sentences in place, and returns
an ``Injection`` whose locations carry table/row/col (or the paragraph id), the printed (wrong) text and the
correct text. Pages are filled in after rendering.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from lakipcheck.synth.compose import Claim, Doc, occurrences
from lakipcheck.synth.model import Injection, Location, SynthTruth
from lakipcheck.synth.numfmt import EN, ID, dec, group, terbilang, with_words
from lakipcheck.synth.plan import predicate_of
from lakipcheck.synth.render import Heading
from lakipcheck.synth.vocab import PREDICATE_RANK

D = Decimal
PART_TITLES = {
    "kata_pengantar": "Kata Pengantar",
    "ikhtisar": "Ikhtisar Eksekutif",
    "lampiran_pk": "Lampiran Perjanjian Kinerja",
    "pernyataan": "Pernyataan Telah Direviu",
}
# The parts whose absence is a discrepancy: PermenPANRB 53/2014 asks for an Ikhtisar Eksekutif, the signed
# Perjanjian Kinerja as a lampiran and the Pernyataan Telah Direviu; a Kata Pengantar is customary, not
# required, so leaving it out is no error a reviewer would raise.
REQUIRED_PARTS = ("ikhtisar", "lampiran_pk", "pernyataan")


class InjectionError(ValueError):
    """The report has nothing this injection can act on."""


@dataclass
class Ctx:
    doc: Doc
    truth: SynthTruth
    rng: random.Random
    touched: set = field(default_factory=set)
    removed: set[int] = field(default_factory=set)  # id() of blocks dropped by missing_part
    dead: set[str] = field(default_factory=set)  # ids of the paragraphs, headings and tables dropped


def _ids_of(ctx: Ctx, part: str) -> set[str]:
    """Paragraph, heading and table ids inside a part."""
    keep = set(ctx.doc.parts.get(part, []))
    out = set()
    for b in ctx.doc.blocks:
        if id(b) in keep:
            spec = getattr(b, "spec", None)
            out.add(spec.id if spec is not None else getattr(b, "id", None))
    return out - {None}


# ----------------------------------------------------------------------------------------------- helpers


def _cell(ctx: Ctx, tid: str, row: int, col: int) -> str:
    return ctx.doc.tables[tid].rows[row][col]


def _set(ctx: Ctx, tid: str, row: int, col: int, text: str) -> tuple[str, str]:
    """Replace a body cell, keeping its bold markup; returns (old, new) without markup."""
    spec = ctx.doc.tables[tid]
    old = spec.rows[row][col]
    bold = old.startswith("**") and old.endswith("**")
    spec.rows[row][col] = f"**{text}**" if bold else text
    ctx.touched.add((tid, row, col))
    return old.replace("**", ""), text


@dataclass(frozen=True, slots=True)
class Num:
    """A printed number taken apart so a changed value can be printed the same way."""

    value: Decimal
    style: str
    decimals: int
    grouped: bool
    prefix: str
    suffix: str

    def show(self, v: Decimal) -> str:
        if self.decimals:
            body = dec(v, self.decimals, self.style, grouping=self.grouped)
        else:
            body = group(int(v), self.style) if self.grouped else str(int(v))
        return f"{self.prefix}{body}{self.suffix}"


_NUM = re.compile(r"^(?P<pre>[^\d-]*)(?P<num>-?\d[\d.,]*)(?P<suf>.*)$")


def parse_num(text: str, style: str = ID) -> Num:
    """Read "Rp 1.234.567", "101,75 %", "2,568" given the table's style (id/en)."""
    m = _NUM.match(text)
    if not m:
        raise InjectionError(f"not a number: {text!r}")
    raw = m["num"]
    dsep, gsep = (",", ".") if style == ID else (".", ",")
    whole, _, frac = raw.partition(dsep)
    if frac and not frac.isdigit():
        raise InjectionError(f"cannot read {text!r}")
    grouped = gsep in whole
    value = D(whole.replace(gsep, "") + ("." + frac if frac else ""))
    return Num(value, style, len(frac), grouped, m["pre"], m["suf"])


def _style(ctx: Ctx, tid: str, row: int | None = None) -> str:
    fmt = ctx.doc.table_formats.get(tid, ID)
    if fmt == "mixed":
        return ID if row in ctx.doc.other_format_rows.get(tid, []) else EN
    return fmt


def _bump(rng: random.Random, value: Decimal, decimals: int, *, min_delta: Decimal) -> Decimal:
    """A different, plausible value at least ``min_delta`` away (never negative)."""
    for _ in range(50):
        factor = D(str(rng.choice([-1, 1]) * rng.uniform(0.03, 0.25)))
        delta = max(abs(value * factor), min_delta)
        new = value + delta if factor > 0 or value - delta <= 0 else value - delta
        new = new.quantize(D(1).scaleb(-decimals)) if decimals else D(int(new))
        if abs(new - value) >= min_delta and new > 0:
            return new
    return value + min_delta * 3


def _rows_with(ctx: Ctx, tid: str, col: int, role: str | None = None) -> list[tuple[int, str | None]]:
    out = []
    for c in ctx.doc.cells:
        if (
            c.table == tid
            and c.col == col
            and (role is None or c.role == role)
            and (tid, c.row, col) not in ctx.touched
            and tid not in ctx.dead
        ):
            out.append((c.row, c.indicator))
    return out


def _claims(ctx: Ctx, roles: tuple[str, ...], numeric: bool = True) -> list[Claim]:
    return [
        c
        for c in ctx.doc.claims
        if c.role in roles
        and c.block not in ctx.touched
        and c.block not in ctx.dead
        and (not numeric or c.number is not None)
    ]


def _edit_para(ctx: Ctx, block: str, old: str, new: str) -> None:
    p = ctx.doc.paras.get(block)
    if p is None:
        raise InjectionError(block)
    at = occurrences(p.text, old)
    if len(at) != 1:
        raise InjectionError(f"{old!r} is not unique in {block}")
    p.text = p.text[: at[0]] + new + p.text[at[0] + len(old) :]
    ctx.touched.add(block)


# ----------------------------------------------------------------------------------------------- kinds


def capaian_wrong(ctx: Ctx) -> Injection:
    rows = [
        (r, k)
        for r, k in _rows_with(ctx, "capaian", 6, "capaian")
        if ctx.truth.indicator(k).kind != "predicate"
    ]
    if not rows:
        raise InjectionError("no numeric capaian cell")
    r, key = ctx.rng.choice(rows)
    num = parse_num(_cell(ctx, "capaian", r, 6).replace("**", ""), _style(ctx, "capaian", r))
    new = _bump(ctx.rng, num.value, num.decimals, min_delta=D(1))
    old, printed = _set(ctx, "capaian", r, 6, num.show(new))
    ind = ctx.truth.indicator(key)
    return Injection(
        "capaian_wrong",
        f"% capaian of {ind.code} printed {printed}; realisasi/target gives {old}",
        [Location(None, printed, old, "capaian", r, 6)],
        key,
    )


def total_wrong(ctx: Ctx) -> Injection:
    cands = []
    for tid, col in (
        ("anggaran", 2),
        ("anggaran", 3),
        ("pk_budget", 3),
        ("ro", 4),
        ("sebaran", 2),
        ("pegawai", 2),
    ):
        spec = ctx.doc.tables.get(tid)
        if spec is None:
            continue
        r = len(spec.rows) - 1
        if (tid, r, col) not in ctx.touched and spec.rows[r][col].strip():
            cands.append((tid, r, col))
    tid, r, col = ctx.rng.choice(cands)
    num = parse_num(_cell(ctx, tid, r, col).replace("**", ""), _style(ctx, tid, r))
    step = D(10) ** ctx.rng.randint(0, max(0, len(str(int(num.value))) - 2))
    new = num.value + step * ctx.rng.choice([-3, -2, -1, 1, 2, 5, 9])
    if new <= 0:
        new = num.value + step
    old, printed = _set(ctx, tid, r, col, num.show(new))
    return Injection(
        "total_wrong",
        f"total of table {tid} column {col} printed {printed}; the rows sum to {old}",
        [Location(None, printed, old, tid, r, col)],
    )


def daya_serap_wrong(ctx: Ctx) -> Injection:
    spec = ctx.doc.tables["anggaran"]
    rows = [r for r in range(len(spec.rows)) if ("anggaran", r, 4) not in ctx.touched]
    r = ctx.rng.choice(rows)
    num = parse_num(_cell(ctx, "anggaran", r, 4).replace("**", ""), _style(ctx, "anggaran", r))
    new = _bump(ctx.rng, num.value, num.decimals, min_delta=D(1))
    if new > 100:
        new = num.value - D(ctx.rng.randint(2, 9))
    old, printed = _set(ctx, "anggaran", r, 4, num.show(new))
    role = ctx.doc.table_role("anggaran", r, 4)
    return Injection(
        "daya_serap_wrong",
        f"daya serap of budget row {r} printed {printed}; realisasi/pagu gives {old}",
        [Location(None, printed, old, "anggaran", r, 4)],
        role.indicator if role else None,
    )


def target_mismatch(ctx: Ctx) -> Injection:
    rows = _rows_with(ctx, "pk", 3, "pk_target")
    r, key = ctx.rng.choice(rows)
    ind = ctx.truth.indicator(key)
    text = _cell(ctx, "pk", r, 3)
    if ind.kind == "predicate":
        new = ctx.rng.choice([p for p in ("A", "BB", "B", "AA") if p != text])
    else:
        num = parse_num(text, _style(ctx, "pk", r))
        step = D(1).scaleb(-num.decimals)
        new = num.show(_bump(ctx.rng, num.value, num.decimals, min_delta=step * 5))
    old, printed = _set(ctx, "pk", r, 3, new)
    return Injection(
        "target_mismatch",
        f"PK target of {ind.code} printed {printed}; the capaian table and the Renstra say {old}",
        [Location(None, printed, old, "pk", r, 3)],
        key,
    )


def budget_row_swap(ctx: Ctx) -> Injection:
    rows = [
        (r, k)
        for r, k in _rows_with(ctx, "anggaran", 2, "budget_pagu")
        if not any(("anggaran", r, c) in ctx.touched for c in (3, 4))
    ]
    by_sk: dict[str, list[tuple[int, str]]] = {}
    for r, k in rows:
        by_sk.setdefault(ctx.truth.indicator(k).sasaran, []).append((r, k))
    pairs = [v for v in by_sk.values() if len(v) >= 2]
    if not pairs:
        raise InjectionError("no two indicators under one sasaran")
    (r1, k1), (r2, k2) = ctx.rng.sample(ctx.rng.choice(pairs), 2)
    locs = []
    spec = ctx.doc.tables["anggaran"]
    for col in (2, 3, 4):
        a, b = spec.rows[r1][col], spec.rows[r2][col]
        if a == b:  # the same printed text: swapping changes nothing here
            continue
        _set(ctx, "anggaran", r1, col, b)
        _set(ctx, "anggaran", r2, col, a)
        locs += [Location(None, b, a, "anggaran", r1, col), Location(None, a, b, "anggaran", r2, col)]
    i1, i2 = ctx.truth.indicator(k1), ctx.truth.indicator(k2)
    return Injection(
        "budget_row_swap",
        f"budget amounts of {i1.code} and {i2.code} swapped in the realisasi "
        f"anggaran table (the Rincian Output lampiran keeps them right)",
        locs,
        k1,
    )


def column_swap(ctx: Ctx) -> Injection:
    rows = [
        (r, k)
        for r, k in _rows_with(ctx, "capaian", 4, "target")
        if ("capaian", r, 5) not in ctx.touched and _cell(ctx, "capaian", r, 4) != _cell(ctx, "capaian", r, 5)
    ]
    r, key = ctx.rng.choice(rows)
    spec = ctx.doc.tables["capaian"]
    a, b = spec.rows[r][4], spec.rows[r][5]
    _set(ctx, "capaian", r, 4, b)
    _set(ctx, "capaian", r, 5, a)
    ind = ctx.truth.indicator(key)
    return Injection(
        "column_swap",
        f"target and realisasi of {ind.code} swapped in the capaian table",
        [Location(None, b, a, "capaian", r, 4), Location(None, a, b, "capaian", r, 5)],
        key,
    )


def predicate_mismatch(ctx: Ctx) -> Injection:
    inds = [i for i in ctx.truth.indicators if i.kind == "predicate" and f"skor_{i.key}" in ctx.doc.tables]
    if not inds:
        raise InjectionError("no predicate indicator")
    ind = ctx.rng.choice(inds)
    tid = f"skor_{ind.key}"
    right = predicate_of(ind.score)
    rank = PREDICATE_RANK[right]
    near = [p for p, k in PREDICATE_RANK.items() if abs(k - rank) == 1]
    new = ctx.rng.choice(near)
    old, printed = _set(ctx, tid, 1, 2, new)
    return Injection(
        "predicate_mismatch",
        f"{ind.code}: score {dec(ind.score, 2)} printed with predicate {printed}; the scale gives {old}",
        [Location(None, printed, old, tid, 1, 2)],
        ind.key,
    )


def restated_total_wrong(ctx: Ctx) -> Injection:
    claims = _claims(ctx, ("budget_realisasi_total",))
    if not claims:
        raise InjectionError("no restated total")
    c = claims[-1]  # the one in BAB IV Penutup
    num = parse_num(c.printed)
    new = num.value + D(ctx.rng.choice([-1, 1]) * ctx.rng.randint(100, 999_999))
    printed = num.show(new)
    _edit_para(ctx, c.block, c.printed, printed)
    return Injection(
        "restated_total_wrong",
        f"Penutup restates total realisasi anggaran as {printed}; the table says {c.printed}",
        [Location(None, printed, c.printed, block=c.block)],
    )


def count_claim_wrong(ctx: Ctx) -> Injection:
    claims = _claims(ctx, ("count_indikator", "count_sasaran"))
    c = ctx.rng.choice(claims)
    n = int(c.number)
    new_n = n + ctx.rng.choice([-1, 1]) if n > 1 else n + 1
    old_head = with_words(n)
    printed = c.printed.replace(old_head, with_words(new_n), 1)
    _edit_para(ctx, c.block, c.printed, printed)
    what = "indikator" if c.role == "count_indikator" else "sasaran"
    return Injection(
        "count_claim_wrong",
        f"the report claims {new_n} {what}; it has {n}",
        [Location(None, printed, c.printed, block=c.block)],
    )


def missing_part(ctx: Ctx) -> Injection:
    touched = {t if isinstance(t, str) else t[0] for t in ctx.touched}
    parts = [
        p
        for p in REQUIRED_PARTS
        if p in ctx.doc.parts and p not in ctx.touched and not _ids_of(ctx, p) & touched
    ]
    part = ctx.rng.choice(parts)
    ctx.removed |= set(ctx.doc.parts[part])
    ctx.dead |= _ids_of(ctx, part)
    ctx.touched.add(part)
    for hid, p in list(ctx.doc.toc_parts.items()):
        if p == part and hid in ctx.doc.toc_ids:
            k = ctx.doc.toc_ids.index(hid)
            del ctx.doc.toc_ids[k]
            del ctx.doc.toc.entries[k]
    ctx.truth.parts = [p for p in ctx.truth.parts if p != part]
    return Injection(
        "missing_part", f"the report has no {PART_TITLES[part]}", [Location(None, "", PART_TITLES[part])]
    )


def duplicate_header(ctx: Ctx) -> Injection:
    cands = [
        c
        for c in ctx.doc.dup_header_cells
        if (c[0], "h", c[1], c[2]) not in ctx.touched and c[0] not in ctx.dead
    ]
    tid, hrow, col, other = ctx.rng.choice(cands)
    spec = ctx.doc.tables[tid]
    old, new = spec.header[hrow][col], spec.header[hrow][other]
    spec.header[hrow][col] = new
    ctx.touched.add((tid, "h", hrow, col))
    return Injection(
        "duplicate_header",
        f"table {tid}: column title {new!r} twice; the first should be {old!r}",
        [Location(None, new, old, tid, hrow, col, header=True)],
    )


NARRATIVE_ROLES = (
    "target",
    "realisasi",
    "capaian",
    "prev_realisasi",
    "yoy_change",
    "yoy_change_percent",
    "renstra_end_target",
    "renstra_end_capaian",
    "score",
)


def narrative_number_changed(ctx: Ctx) -> Injection:
    claims = _claims(ctx, NARRATIVE_ROLES)
    c = ctx.rng.choice(claims)
    text = c.printed.removeprefix("nilai ")
    num = parse_num(text)
    new = _bump(ctx.rng, num.value, num.decimals, min_delta=D(1) if num.decimals == 0 else D("0.5"))
    printed = c.printed.replace(text, num.show(new))
    _edit_para(ctx, c.block, c.printed, printed)
    ind = ctx.truth.indicator(c.indicator)
    return Injection(
        "narrative_number_changed",
        f"{ind.code}: the sentence restating {c.role} says {printed}; the table says {c.printed}",
        [Location(None, printed, c.printed, block=c.block)],
        c.indicator,
    )


def wrong_indicator_name(ctx: Ctx) -> Injection:
    claims = _claims(ctx, ("indicator_name",), numeric=False)
    if len(ctx.truth.indicators) < 2 or not claims:
        raise InjectionError("needs two indicators")
    c = ctx.rng.choice(claims)
    other = ctx.rng.choice([i for i in ctx.truth.indicators if i.key != c.indicator])
    _edit_para(ctx, c.block, c.printed, other.name)
    ind = ctx.truth.indicator(c.indicator)
    return Injection(
        "wrong_indicator_name",
        f"a sentence in the section of {ind.code} names {other.code}",
        [Location(None, other.name, c.printed, block=c.block)],
        c.indicator,
    )


def wrong_number_word(ctx: Ctx) -> Injection:
    claims = [c for c in ctx.doc.number_words if c.block not in ctx.touched and c.block not in ctx.dead]
    c = ctx.rng.choice(claims)
    n = int(c.number)
    word = terbilang(n)
    wrong = terbilang(n + ctx.rng.choice([-1, 1]) if n > 1 else n + 1)
    printed = c.printed.replace(f"({word})", f"({wrong})", 1)
    _edit_para(ctx, c.block, c.printed, printed)
    return Injection(
        "wrong_number_word",
        f"{n} is written out as '{wrong}'",
        [Location(None, printed, c.printed, block=c.block)],
    )


_YEARS = re.compile(r"Tahun (\d{4}) dan Tahun (\d{4})")


def wrong_year(ctx: Ctx) -> Injection:
    hids = [h for h in ctx.doc.year_headings if h not in ctx.touched and h not in ctx.dead]
    hid = ctx.rng.choice(hids)
    h: Heading = ctx.doc.headings[hid]
    m = _YEARS.search(h.text)
    a, b = int(m[1]), int(m[2])
    old = m[0]
    new = f"Tahun {a + 1} dan Tahun {b + 1}"
    h.text = h.text.replace(old, new)
    ctx.touched.add(hid)
    return Injection(
        "wrong_year", f"heading says {new} over data of {a} and {b}", [Location(None, new, old, block=hid)]
    )


INJECTIONS: dict[str, Callable[[Ctx], Injection]] = {
    f.__name__: f
    for f in (
        capaian_wrong,
        total_wrong,
        daya_serap_wrong,
        target_mismatch,
        budget_row_swap,
        column_swap,
        predicate_mismatch,
        restated_total_wrong,
        count_claim_wrong,
        missing_part,
        duplicate_header,
        narrative_number_changed,
        wrong_indicator_name,
        wrong_number_word,
        wrong_year,
    )
}
NARRATIVE_KINDS = (
    "restated_total_wrong",
    "count_claim_wrong",
    "narrative_number_changed",
    "wrong_indicator_name",
    "wrong_number_word",
    "wrong_year",
)
