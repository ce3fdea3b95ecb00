"""Findings as text for a terminal: grouped by severity, each with pages, values and what they should be."""

from __future__ import annotations

import textwrap

from lakipcheck.model.coverage import coverage
from lakipcheck.model.types import Report
from lakipcheck.rules.types import Finding, Severity

_HEAD = {
    "id": {Severity.ERROR: "KESALAHAN", Severity.WARNING: "PERINGATAN", Severity.INFO: "INFORMASI"},
    "en": {Severity.ERROR: "ERRORS", Severity.WARNING: "WARNINGS", Severity.INFO: "INFORMATION"},
}
_WORDS = {
    "id": {
        "page": "hlm.",
        "found": "tercetak",
        "expected": "seharusnya",
        "none": "Tidak ada temuan.",
        "checked": "Diperiksa: {what}",
        "incomplete": "PEMERIKSAAN TIDAK LENGKAP: {what}. Tidak adanya temuan bukan berarti laporan bersih.",
        "summary": "{e} kesalahan, {w} peringatan, {i} informasi",
    },
    "en": {
        "page": "p.",
        "found": "printed",
        "expected": "expected",
        "none": "No findings.",
        "checked": "Checked: {what}",
        "incomplete": "CHECK INCOMPLETE: {what}. No findings here does not mean the report is clean.",
        "summary": "{e} errors, {w} warnings, {i} information",
    },
}


def render_findings(report: Report, findings: list[Finding], lang: str = "id") -> str:
    w = _WORDS[lang]
    info = report.info
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    out = [
        f"{report.file}  ({report.n_pages} pages)  {info.agency or '?'}  {info.year or '?'}",
        "  "
        + w["summary"].format(e=counts[Severity.ERROR], w=counts[Severity.WARNING], i=counts[Severity.INFO]),
    ]
    cov = coverage(report)
    what = cov.describe(lang)
    out += ["  " + (w["checked"] if cov.complete else w["incomplete"]).format(what=what), ""]
    if not findings:
        out.append(w["none"])
    for sev in Severity:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        out.append(f"{_HEAD[lang][sev]} ({len(group)})")
        for f in group:
            pages = ", ".join(map(str, f.pages))
            out.append(f"  [{f.rule}] {w['page']} {pages}  {f.title}")
            out.extend(
                textwrap.wrap(f.message, width=108, initial_indent="      ", subsequent_indent="      ")
            )
            if f.found is not None or f.expected is not None:
                out.append(f"      {w['found']}: {f.found or '-'}   {w['expected']}: {f.expected or '-'}")
            for loc in f.locations:
                p = loc.provenance
                where = f"{w['page']} {p.page}"
                if p.table_id:
                    where += f" {p.table_id}" + "".join(
                        f" {k}{n}" for k, n in (("r", p.row), ("c", p.col)) if n is not None
                    )
                out.append(f"        · {loc.label}: {p.raw!r} ({where})"[:160])
        out.append("")
    return "\n".join(out).rstrip() + "\n"
