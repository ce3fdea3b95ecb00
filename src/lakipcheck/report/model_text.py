"""The report model as plain text for a terminal: sections, tables, indicators with sources, budget lines."""

from __future__ import annotations

from lakipcheck.model.types import Report


def _pages(pages: list[int]) -> str:
    return f"p.{pages[0]}" if len(pages) == 1 else f"p.{pages[0]}-{pages[-1]}"


def render_text(report: Report) -> str:
    info = report.info
    out: list[str] = [
        f"{report.file}  ({report.n_pages} pages, sha256 {report.sha256[:12]})",
        f"  kind: {info.kind.value}   agency: {info.agency or '?'}   year: {info.year or '?'}",
    ]
    if report.scanned_pages:
        out.append(f"  scanned pages (no text layer): {', '.join(map(str, report.scanned_pages))}")
    out.append("")
    out.append(f"SECTIONS ({len(report.sections)})")
    for s in report.sections:
        indent = "  " * s.level
        out.append(f"{indent}{s.title}  [{s.kind.value}]  p.{s.page_start}-{s.page_end}")
    out.append("")
    out.append(f"TABLES ({len(report.tables)})")
    for t in report.tables:
        cols = " | ".join(c or "·" for c in t.columns)
        out.append(
            f"  {t.id:<9} {t.kind.value:<19} {t.engine.value:<16} {_pages(t.pages):<9} "
            f"{t.n_rows}x{t.n_cols}  {t.caption or ''}"[:160]
        )
        if cols.strip("· |"):
            out.append(f"            columns: {cols}"[:200])
    out.append("")
    out.append(f"INDICATORS ({len(report.indicators)})")
    for ind in report.indicators:
        head = f"  [{ind.code or ind.key}] {ind.name}"
        if ind.unit:
            head += f"  ({ind.unit})"
        out.append(head)
        for v in ind.values:
            when = f" {v.year}" if v.year else ""
            when += f" TW{v.quarter}" if v.quarter else ""
            p = v.provenance
            out.append(
                f"      {v.role.value + when:<28} {v.figure.raw:<18} p.{p.page} {p.table_id} "
                f"r{p.row} c{p.col} ({p.column_name or ''})"[:170]
            )
    out.append("")
    out.append(f"BUDGET LINES ({len(report.budget_lines)})")
    for b in report.budget_lines:
        vals = "  ".join(f"{v.role.value.removeprefix('budget_')}={v.figure.raw}" for v in b.values)
        tag = " TOTAL" if b.is_total else ""
        link = f" -> {b.indicator_key}" if b.indicator_key else ""
        page = b.provenance.page if b.provenance else "?"
        out.append(f"  p.{page} {b.table_id} r{b.row}{tag} {b.code or ''} {b.label[:60]}  {vals}{link}"[:200])
    if report.notes:
        out.append("")
        out.append("NOTES")
        out.extend(f"  - {n}" for n in report.notes)
    return "\n".join(out) + "\n"
