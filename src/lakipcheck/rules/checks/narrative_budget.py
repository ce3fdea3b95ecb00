"""LK402 on budget sentences: "alokasi Rp X … terealisasi Rp Y atau P%" must give P = Y / X × 100."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lakipcheck.model.claims import Claim, ClaimKind
from lakipcheck.model.types import Polarity, Report
from lakipcheck.numbers import FigureKind
from lakipcheck.rules.checks.narrative import _arith_hit, _capaian_spans, _fits, _num
from lakipcheck.rules.types import Hit


def _amount(c: Claim) -> bool:
    return _num(c.figure) and c.figure.kind == FigureKind.RUPIAH and bool(c.figure.value)


def _inputs(sentence: list[Claim], pct: Claim) -> tuple[Claim, Claim] | None:
    """The realisasi the % is "of" (the amount printed just before it) and the pagu printed before that
    realisasi, after the previous % of the sentence: the pair the % is the ratio of."""
    at = sentence.index(pct)
    start = max((i + 1 for i, c in enumerate(sentence[:at]) if c.kind == ClaimKind.DAYA_SERAP), default=0)
    real = next(
        (
            i
            for i in range(at - 1, start - 1, -1)
            if sentence[i].kind == ClaimKind.REALISASI_ANGGARAN and sentence[i].figure.raw == pct.extra["of"]
        ),
        None,
    )
    if real is None:
        return None
    pagus = [c for c in sentence[start:real] if c.kind == ClaimKind.PAGU]
    if len(pagus) != 1 or not (_amount(pagus[0]) and _amount(sentence[real])):
        return None  # no pagu, or two (murni / perubahan): which one the % is of is not sure
    return pagus[0], sentence[real]


def budget_percent_checks(
    report: Report, sentences: dict[Any, list[Claim]], flagged: set[int]
) -> Iterator[Hit]:
    """Each "atau P%" printed right after a realisasi amount, with one pagu amount before it in the same
    sentence: P must follow from realisasi / pagu (rounded or truncated at its printed decimals)."""
    for sent in sentences.values():
        if any(id(o) in flagged for o in sent):
            continue  # an input differs from the tables: the restated-figure rule reports the sentence
        for c in sent:
            if c.kind != ClaimKind.DAYA_SERAP or not _num(c.figure) or not c.extra.get("of"):
                continue
            found = _inputs(sent, c)
            if found is None:
                continue
            pagu, real = found
            spans = _capaian_spans(real.figure, pagu.figure, Polarity.POSITIVE)
            if not spans or _fits(c.figure, [s for _, s in spans]):
                continue
            yield _arith_hit(
                c,
                ("% daya serap", "% absorption"),
                f"{real.figure.raw.strip()} / {pagu.figure.raw.strip()} × 100",
                [c, pagu, real],
                spans[0][1].mid(),
                {"pagu": pagu.figure.raw, "realisasi": real.figure.raw},
                "ratio",
            )
