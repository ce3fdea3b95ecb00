"""Typed rules and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from lakipcheck.provenance import Provenance


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Location:
    """One place a finding points at, with what is printed there."""

    provenance: Provenance
    label: str = ""  # what this place is, in Indonesian, e.g. "tabel capaian kinerja, % Capaian"
    label_en: str = ""  # the same in English; empty when the label is language-neutral

    def localised(self, lang: str) -> Location:
        """This place with its label in ``lang`` (the Indonesian one when no English label was given)."""
        if lang == "en":
            from lakipcheck.rules.labels import english  # the vocabulary lives with the checks

            return Location(self.provenance, self.label_en or english(self.label))
        return Location(self.provenance, self.label)

    def to_dict(self) -> dict:
        return {"label": self.label, **self.provenance.to_dict()}


@dataclass(slots=True)
class RuleSpec:
    """A rule as the pack states it (see rules/README.md for the file format)."""

    code: str
    name: str
    check: str  # the primitive it runs
    severity: Severity
    title: dict[str, str]
    message: dict[str, str]
    rationale: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source: str = ""  # file it was read from


@dataclass(slots=True)
class Hit:
    """What a primitive reports: the facts of one discrepancy, before the rule's wording is applied.

    ``facts`` fill the message templates; ``key`` identifies the discrepancy so that the same one found from
    two sides is reported once."""

    facts: dict[str, Any]
    locations: list[Location]
    expected: str | None = None
    found: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    key: tuple = ()
    severity: Severity | None = None  # a primitive may lower a rule's severity for a weaker case


@dataclass(slots=True)
class Finding:
    """A discrepancy as the reviewer reads it."""

    rule: str
    name: str
    severity: Severity
    title: str
    message: str
    locations: list[Location]
    expected: str | None = None
    found: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def pages(self) -> list[int]:
        return sorted({loc.provenance.page for loc in self.locations})

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "title": self.title,
            "message": self.message,
            "pages": self.pages,
            "locations": [loc.to_dict() for loc in self.locations],
            "expected": self.expected,
            "found": self.found,
            "evidence": self.evidence,
        }
