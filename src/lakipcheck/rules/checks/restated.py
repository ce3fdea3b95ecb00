"""Totals the prose restates (realisasi anggaran, pagu, % daya serap) against the total row of the budget
realisation table.

A sentence is compared with the total only when it plainly speaks of it: another figure of the same sentence
ties it there (the pagu it names is the total pagu, the realisasi it names is the total realisasi, or its
"atau 99,82%" is the total's % daya serap). Program and kegiatan amounts, which the prose restates by the
dozen, are never compared with the total. When no budget realisation table was read, the sentence that
states both the report's total pagu (the total of its PK or rincian output budget) and a realisasi stands in
for the table.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lakipcheck.model.claims import Claim, ClaimKind
from lakipcheck.model.types import BudgetLine, Report, Role, StatedValue
from lakipcheck.numbers import Figure
from lakipcheck.rules.arith import Span, fmt, input_span, printed_span, ratio_span
from lakipcheck.rules.checks.common import section_name
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location, Severity
from lakipcheck.tables.types import TableKind

# A pagu called so is the one before revision: not the final pagu, never compared.
_AWAL = re.compile(
    r"\b(awal|murni|semula|sebelum\s+(?:refocusing|revisi|perubahan|rasionalisasi)|dpa\b(?!\s*-?\s*p))",
    re.IGNORECASE,
)
_FINAL = re.compile(
    r"\b(dipa|dppa|dpa\s*-?\s*p|anggaran\s+akhir|pagu\s+akhir|setelah\s+(?:refocusing|revisi|perubahan))\b",
    re.IGNORECASE,
)
_AMOUNT_KINDS = (ClaimKind.BUDGET_REALISASI_TOTAL, ClaimKind.BUDGET_PAGU_TOTAL)
_MONEY_MIN = Decimal(1000)  # a pagu/realisasi below Rp 1.000 in a total row is a misread cell, not an amount
_ATTACH = 90  # characters after an amount within which "atau 99,82%" still belongs to it


@dataclass(slots=True)
class _Total:
    """The report's total: the total row of a budget realisation table, or (no such table) the sentence that
    states the total pagu with its realisasi."""

    pagu: StatedValue | None
    real: StatedValue | None
    pct: StatedValue | None
    pagus: list[StatedValue] = field(default_factory=list)  # every pagu column of the row (murni/perubahan)
    line: BudgetLine | None = None
    source: Claim | None = None

    def ref(self, value: StatedValue, lang: str) -> str:
        """The place that states the right figure, for the message."""
        page = value.provenance.page
        if self.source is not None:
            sec = section_name(self.source, lang)
            return f"kalimat {sec} hlm. {page}" if lang == "id" else f"the sentence in {sec} on p. {page}"
        label = (self.line.label.strip() if self.line else "") or "total"
        if lang == "id":
            return f"baris {label} tabel realisasi anggaran hlm. {page}"
        return f"the {label} row of the budget realisation table on p. {page}"

    def key(self) -> tuple:
        if self.line is not None:
            return (self.line.table_id, self.line.row)
        assert self.source is not None
        return ("prose", self.source.provenance.page, self.source.figure.raw)


@dataclass(slots=True)
class _Token:
    claim: Claim
    start: int
    end: int


def _money(values: list[StatedValue], role: Role) -> list[StatedValue]:
    return [
        v for v in values if v.role == role and v.figure.value is not None and v.figure.value >= _MONEY_MIN
    ]


def _kind(report: Report, line: BudgetLine) -> TableKind | None:
    """The kind of table a budget line was read from."""
    for v in line.values:
        if v.table_kind is not None:
            return v.table_kind
    return next((t.kind for t in report.tables if t.id == line.table_id), None)


def _table_totals(report: Report) -> list[_Total]:
    out: list[_Total] = []
    seen: set[tuple] = set()
    for line in report.budget_lines:
        if not line.is_total or _kind(report, line) != TableKind.BUDGET_REALISATION:
            continue
        pagus = _money(line.values, Role.BUDGET_PAGU)
        reals = _money(line.values, Role.BUDGET_REALISASI)
        pcts = [v for v in line.values if v.role == Role.BUDGET_PERCENT and v.figure.value is not None]
        if not reals:
            continue
        sig = (tuple(v.figure.value for v in pagus), reals[0].figure.value)
        if sig in seen:
            continue
        seen.add(sig)
        out.append(_Total(pagus[0] if pagus else None, reals[0], pcts[0] if pcts else None, pagus, line))
    return out


def _as_value(c: Claim, role: Role) -> StatedValue:
    return StatedValue(role, c.figure, c.provenance)


def _prose_totals(report: Report, groups: dict[tuple, list[Claim]]) -> list[_Total]:
    """Sentences stating the report's total pagu (the total row of another budget table) with one realisasi
    whose % (if given) agrees with them. When they disagree, the one in BAB III Realisasi Anggaran wins."""
    budget_totals = [
        v for line in report.budget_lines if line.is_total for v in _money(line.values, Role.BUDGET_PAGU)
    ]
    out: list[_Total] = []
    for claims in groups.values():
        tokens = _tokens(claims)
        pagus = [t.claim for t in tokens if t.claim.kind == ClaimKind.BUDGET_PAGU_TOTAL]
        reals = [t for t in tokens if t.claim.kind == ClaimKind.BUDGET_REALISASI_TOTAL]
        if len(pagus) != 1 or len(reals) != 1 or _AWAL.search(pagus[0].sentence):
            continue
        if not any(same_amount(pagus[0].figure, v.figure) for v in budget_totals):
            continue
        real, pagu = reals[0].claim, pagus[0]
        pct = _attached_pct(reals[0], tokens)
        if pct is not None:
            own = ratio_span(input_span(real.figure), input_span(pagu.figure))
            if own is None or not printed_span(pct.figure).overlaps(own):
                continue
        p = _as_value(pagu, Role.BUDGET_PAGU)
        out.append(
            _Total(
                p,
                _as_value(real, Role.BUDGET_REALISASI),
                _as_value(pct, Role.BUDGET_PERCENT) if pct else None,
                [p],
                source=real,
            )
        )
    values = {(t.pagu.figure.value, t.real.figure.value) for t in out if t.pagu and t.real}
    if len(values) > 1:
        out = [t for t in out if t.source is not None and t.source.section == "realisasi_anggaran"]
        values = {(t.pagu.figure.value, t.real.figure.value) for t in out if t.pagu and t.real}
        if len(values) != 1:
            return []
    out.sort(key=lambda t: t.source is None or t.source.section != "realisasi_anggaran")
    return out[:1]


def _other_pagus(report: Report, totals: list[_Total]) -> list[StatedValue]:
    """Pagu amounts of every other total and subtotal row (PK anggaran awal/akhir, rincian output, ...)."""
    main = {t.pagu.figure.value for t in totals if t.pagu is not None}
    out = []
    for line in report.budget_lines:
        if line.is_total or line.is_subtotal:
            out += [v for v in _money(line.values, Role.BUDGET_PAGU) if v.figure.value not in main]
    for t in totals:
        out += [v for v in t.pagus if v is not t.pagu]
    return out


def same_amount(a: Figure, b: Figure) -> bool:
    """Two printed amounts name the same value: equal, or one is the other cut/rounded at its own precision
    ("12.671.827.494.757" for "12.671.827.494.757,60"; "54,07 miliar" for "54.068.042.813")."""
    if a.value is None or b.value is None:
        return False
    return printed_span(a).contains(b.value) or printed_span(b).contains(a.value)


def _pct_spans(t: _Total) -> list[Span]:
    """What the total's % daya serap may be: realisasi/pagu, and the % printed with it."""
    out = []
    if t.pagu is not None and t.real is not None:
        s = ratio_span(input_span(t.real.figure), input_span(t.pagu.figure))
        if s:
            out.append(s)
    if t.pct is not None and t.pct.figure.value is not None and t.pct.figure.value <= 200:
        out.append(printed_span(t.pct.figure))
    return out


def _pct_fits(y: Figure, spans: list[Span]) -> bool:
    ps = printed_span(y)
    return any(ps.overlaps(s) for s in spans)


def _tokens(claims: list[Claim]) -> list[_Token]:
    """Where each claim's figure sits in its sentence."""
    out: list[_Token] = []
    used: set[int] = set()
    for c in claims:
        raw = c.figure.raw.strip()
        i = c.sentence.find(raw)
        while i >= 0 and i in used:
            i = c.sentence.find(raw, i + 1)
        if i < 0:
            continue
        used.add(i)
        out.append(_Token(c, i, i + len(raw)))
    return sorted(out, key=lambda t: t.start)


def _attached_pct(tok: _Token, tokens: list[_Token]) -> Claim | None:
    """The % that follows an amount ("... 54.068.042.813 atau 99,82%") before any other amount."""
    for t in tokens:
        if t.start <= tok.start:
            continue
        if t.start - tok.end > _ATTACH or t.claim.kind in _AMOUNT_KINDS:
            return None
        if t.claim.kind == ClaimKind.BUDGET_PERCENT_TOTAL:
            return t.claim
    return None


def _quote(sentence: str, raw: str, width: int = 110) -> str:
    i = max(sentence.find(raw), 0)
    lo, hi = max(0, i - width), min(len(sentence), i + len(raw) + width // 2)
    return ("…" if lo else "") + sentence[lo:hi].strip() + ("…" if hi < len(sentence) else "")


def _agreeing(report: Report, kind: ClaimKind, value: StatedValue, skip: Claim) -> list[Claim]:
    """Other sentences that state the right value (named in the finding as places that agree)."""
    out, seen = (
        [],
        {(skip.provenance.page, skip.sentence), (value.provenance.page, value.provenance.sentence)},
    )
    for c in report.claims:
        if c.kind == kind and same_amount(c.figure, value.figure):
            k = (c.provenance.page, c.sentence)
            if k not in seen:
                seen.add(k)
                out.append(c)
    return out


def _hit(
    report: Report,
    claim: Claim,
    what: tuple[str, str],
    total: _Total,
    value: StatedValue,
    evidence: dict[str, Any],
    severity: Severity | None = None,
) -> Hit:
    agree = _agreeing(report, claim.kind, value, claim)
    raw = claim.figure.raw.strip()
    ref_label = (
        "tabel realisasi anggaran, baris total"
        if total.source is None
        else f"{section_name(total.source)}: kalimat"
    )
    return Hit(
        facts={
            "what": what[0],
            "what_en": what[1],
            "section": section_name(claim),
            "section_en": section_name(claim, "en"),
            "page": claim.provenance.page,
            "quote": _quote(claim.sentence, raw),
            "ref": total.ref(value, "id"),
            "ref_en": total.ref(value, "en"),
            "others": "".join(f", juga {section_name(c)} hlm. {c.provenance.page}" for c in agree),
            "others_en": "".join(f", also {section_name(c, 'en')} p. {c.provenance.page}" for c in agree),
        },
        locations=[
            Location(claim.provenance, f"{section_name(claim)}: kalimat"),
            Location(value.provenance, f"{ref_label}: {what[0]}"),
            *[Location(c.provenance, f"{section_name(c)}: kalimat dengan angka yang sama") for c in agree],
        ],
        expected=value.figure.raw.strip(),
        found=raw,
        evidence={"reference": "table total row" if total.source is None else "sentence", **evidence},
        key=(claim.kind.value, claim.provenance.page, raw, *total.key()),
        severity=severity,
    )


def _by_sentence(report: Report, sections: list[str] | None) -> dict[tuple, list[Claim]]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    kinds = (*_AMOUNT_KINDS, ClaimKind.BUDGET_PERCENT_TOTAL)
    for c in report.claims:
        if c.kind in kinds and c.figure.value is not None and (not sections or c.section in sections):
            groups[(c.provenance.page, c.sentence)].append(c)
    return groups


def _row_amount(report: Report, fig: Figure, role: Role, totals_too: bool) -> bool:
    """``fig`` is the amount of some row of a budget table (a program, a kegiatan, a subtotal)."""
    return any(
        same_amount(fig, v.figure)
        for line in report.budget_lines
        if totals_too or not line.is_total
        for v in _money(line.values, role)
    )


def _realisasi_checks(
    report: Report, totals: list[_Total], tokens: list[_Token], near: Decimal
) -> Iterator[Hit]:
    pagu_claims = [t.claim for t in tokens if t.claim.kind == ClaimKind.BUDGET_PAGU_TOTAL]
    for tok in tokens:
        c = tok.claim
        if c.kind != ClaimKind.BUDGET_REALISASI_TOTAL or any(t.source is c for t in totals):
            continue
        pct = _attached_pct(tok, tokens)
        matched = [t for t in totals if t.real is not None and same_amount(c.figure, t.real.figure)]
        if matched:
            yield from _percent_check(report, matched[0], c, pct)
            continue
        assert c.figure.value is not None
        anchored: list[tuple[_Total, str]] = []
        for t in totals:
            if t.pagu is None or t.real is None or t.real.figure.value is None:
                continue
            named = next((p for p in pagu_claims if same_amount(p.figure, t.pagu.figure)), None)
            if named is not None:
                anchored.append((t, f"the sentence names the total pagu {named.figure.raw.strip()}"))
            elif pct is not None and _pct_fits(pct.figure, _pct_spans(t)):
                own = ratio_span(input_span(c.figure), input_span(t.pagu.figure))
                close = abs(c.figure.value - t.real.figure.value) <= near * t.real.figure.value
                if close or (own is not None and printed_span(pct.figure).overlaps(own)):
                    anchored.append((t, f"its {pct.figure.raw.strip()} is the total's % daya serap"))
        if len({t.real.figure.value for t, _ in anchored if t.real is not None}) != 1:
            continue
        if _row_amount(report, c.figure, Role.BUDGET_REALISASI, totals_too=True):
            continue  # the realisasi of another row of the report (e.g. "Jumlah Belanja Langsung")
        total, why = anchored[0]
        assert total.real is not None and total.real.figure.value is not None
        yield _hit(
            report,
            c,
            ("total realisasi anggaran", "total budget realisation"),
            total,
            total.real,
            {
                "stated": str(c.figure.value),
                "reference_value": str(total.real.figure.value),
                "difference": str(c.figure.value - total.real.figure.value),
                "why_compared": why,
                "convention": "integer Rupiah amounts compared exactly; an amount printed with fewer digits "
                "may be rounded or cut at its own precision",
            },
        )


def _percent_check(report: Report, total: _Total, amount: Claim, pct: Claim | None) -> Iterator[Hit]:
    """The % that follows a restated total realisasi must be the total's % daya serap."""
    if pct is None or total.pagu is None or total.real is None or total.source is amount:
        return
    spans = _pct_spans(total)
    if not spans or _pct_fits(pct.figure, spans):
        return
    exact = spans[0].mid()
    shown = fmt(exact, max(pct.figure.decimals or 0, 2), "id")
    value = total.pct or total.real
    printed = printed_span(pct.figure)
    hit = _hit(
        report,
        pct,
        ("% daya serap anggaran", "% budget absorption"),
        total,
        value,
        {
            "stated": str(pct.figure.value),
            "computed": str(exact.quantize(Decimal("0.0001"))),
            "formula": f"{total.real.figure.raw.strip()} / {total.pagu.figure.raw.strip()} × 100",
            "convention": "rounding or truncation at the printed decimals",
            "printed_interval": [str(printed.lo), str(printed.hi)],
        },
    )
    hit.expected = f"{shown}%" if total.pct is None else f"{total.pct.figure.raw.strip()} ({shown}%)"
    yield hit


_PCT_OF = re.compile(
    r"^\s*(?:dari|terhadap)\s+(?:(?:total|jumlah|keseluruhan|seluruh)\s+)?(?:anggaran|pagu)\b"
)
_REALISED = re.compile(r"realisasi|terealisasi|penyerapan|terserap|daya serap", re.IGNORECASE)


def _percent_of_pagu_checks(report: Report, totals: list[_Total], tokens: list[_Token]) -> Iterator[Hit]:
    """"realisasi anggaran ... sebesar 87,14% dari total anggaran Rp 5.118.378.700": a % printed just
    before the words "dari (total) anggaran" and the total pagu of a budget table, in a sentence about the
    realisasi, is that total's % daya serap (a % attached after a total realisasi is checked with it)."""
    for k, tok in enumerate(tokens[1:], start=1):
        c, before = tok.claim, tokens[k - 1]
        if c.kind != ClaimKind.BUDGET_PAGU_TOTAL or before.claim.kind != ClaimKind.BUDGET_PERCENT_TOTAL:
            continue
        between = c.sentence[before.end : tok.start].lower()
        if len(between) > 40 or not _PCT_OF.search(between):
            continue
        if not _REALISED.search(c.sentence[: before.start]) or any(
            t.claim.kind == ClaimKind.BUDGET_REALISASI_TOTAL for t in tokens[:k]
        ):
            continue  # no realisasi named, or a realisasi amount the % already follows
        total = next(
            (t for t in totals if t.pagu is not None and same_amount(c.figure, t.pagu.figure)), None
        )
        if total is not None:
            yield from _percent_check(report, total, c, before.claim)


def _pagu_checks(
    report: Report, totals: list[_Total], others: list[StatedValue], tokens: list[_Token]
) -> Iterator[Hit]:
    real_claims = [t.claim for t in tokens if t.claim.kind == ClaimKind.BUDGET_REALISASI_TOTAL]
    final_pagus = {t.pagu.figure.value for t in totals if t.pagu is not None}
    for tok in tokens:
        c = tok.claim
        if c.kind != ClaimKind.BUDGET_PAGU_TOTAL or any(
            same_amount(c.figure, p.figure) for t in totals for p in t.pagus
        ):
            continue
        if _AWAL.search(c.sentence) or _row_amount(report, c.figure, Role.BUDGET_PAGU, totals_too=False):
            continue  # the original allocation, or the pagu of one program / kegiatan
        anchored = [
            t
            for t in totals
            if t.pagu is not None
            and t.real is not None
            and any(same_amount(r.figure, t.real.figure) for r in real_claims)
        ]
        plain_final = bool(_FINAL.search(c.sentence)) and len(final_pagus) == 1
        other = next((o for o in others if same_amount(c.figure, o.figure)), None)
        if not anchored and (not plain_final or other is not None):
            continue
        total = anchored[0] if anchored else next(t for t in totals if t.pagu is not None)
        assert total.pagu is not None and c.figure.value is not None and total.pagu.figure.value is not None
        yield _hit(
            report,
            c,
            ("pagu anggaran", "budget ceiling (pagu)"),
            total,
            total.pagu,
            {
                "stated": str(c.figure.value),
                "reference_value": str(total.pagu.figure.value),
                "difference": str(c.figure.value - total.pagu.figure.value),
                "why_compared": "the sentence names the total realisasi"
                if anchored
                else "the sentence names the final (DIPA / revised) pagu",
                "matches_other_total": other.figure.raw.strip() if other is not None else None,
                "other_total_page": other.provenance.page if other is not None else None,
            },
            Severity.WARNING if other is not None or not anchored else None,
        )


@primitive("restated_total", sections=None, near=0.01)
def restated_total(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Every total realisasi anggaran, pagu and % daya serap the prose restates must be the total row of the
    budget realisation table (of several, the one whose pagu or realisasi the sentence names). Integer Rupiah
    amounts are compared exactly; an amount printed with fewer digits ("54,07 miliar") may be rounded or cut;
    a % may be rounded or truncated at its printed decimals. A pagu called "awal", "murni" or "sebelum
    refocusing", or equal to another budget total of the report (PK awal), is not the final pagu: it is only
    compared when the sentence pairs it with the total realisasi (then a warning). A sentence tied to the
    total only by its % restates the total when its amount is within ``near`` (a fraction) of the total
    realisasi or gives that % of the total pagu. ``sections``: section kinds whose sentences are checked
    (default all). With no budget realisation table, the sentence stating the report's total pagu (the total
    of another budget table) and its realisasi is the reference."""
    near = Decimal(str(params["near"]))
    groups = _by_sentence(report, None)
    totals = _table_totals(report) or _prose_totals(report, groups)
    if not totals:
        return
    others = _other_pagus(report, totals)
    sections = params.get("sections")
    for claims in groups.values():
        if sections and claims[0].section not in sections:
            continue
        tokens = _tokens(claims)
        yield from _realisasi_checks(report, totals, tokens, near)
        yield from _pagu_checks(report, totals, others, tokens)
        yield from _percent_of_pagu_checks(report, totals, tokens)
