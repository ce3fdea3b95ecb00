"""Run a rule pack over a report: traverse, render messages, merge duplicates, order the findings."""

from __future__ import annotations

import logging
import string
from typing import Any

from lakipcheck.model.types import Report
from lakipcheck.rules import registry
from lakipcheck.rules.types import Finding, RuleSpec

log = logging.getLogger(__name__)


class _Facts(dict):
    """Template values; a placeholder with no value prints as "?" instead of failing."""

    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, facts: dict[str, Any]) -> str:
    """Fill ``{name}`` placeholders (validated as plain names) from ``facts``; nothing is evaluated."""
    return string.Formatter().vformat(template, (), _Facts({k: _text(v) for k, v in facts.items()}))


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    return str(value)


def run_rules(report: Report, rules: list[RuleSpec], *, lang: str = "id") -> list[Finding]:
    """All findings of the enabled rules, errors first, then by page."""
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for spec in rules:
        if not spec.enabled:
            continue
        prim = registry.get(spec.check)
        for hit in prim.func(report, spec.params):
            key = (spec.check, *hit.key) if hit.key else None
            if key is not None:
                if key in seen:
                    continue
                seen.add(key)
            facts = {**hit.facts, "expected": hit.expected or "", "found": hit.found or ""}
            findings.append(
                Finding(
                    rule=spec.code,
                    name=spec.name,
                    severity=hit.severity or spec.severity,
                    title=render(spec.title[lang], facts),
                    message=render(spec.message[lang], facts),
                    locations=[loc.localised(lang) for loc in hit.locations],
                    expected=hit.expected,
                    found=hit.found,
                    evidence=hit.evidence,
                )
            )
    findings.sort(key=lambda f: (-f.severity.rank, f.pages[0] if f.pages else 0, f.rule))
    return findings
