"""Findings as JSON (schema "lakipcheck/check", versioned; see docs/findings-schema.md)."""

from __future__ import annotations

from lakipcheck.model.coverage import coverage
from lakipcheck.model.types import Report
from lakipcheck.rules.types import Finding, Severity

FINDINGS_SCHEMA = "lakipcheck/check@1.0"


def findings_dict(report: Report, findings: list[Finding], *, rules_dir: str, lang: str) -> dict:
    counts = {str(s): sum(1 for f in findings if f.severity == s) for s in Severity}
    return {
        "schema": FINDINGS_SCHEMA,
        "file": report.file,
        "sha256": report.sha256,
        "document": {**report.info.to_dict(), "pages": report.n_pages},
        "rules": rules_dir,
        "lang": lang,
        "summary": {**counts, "total": len(findings)},
        "coverage": coverage(report).to_dict(),
        "findings": [f.to_dict() for f in findings],
    }
