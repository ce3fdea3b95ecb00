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
    out.append("")
    out.extend(_claims(report))
    if report.notes:
        out.append("")
        out.append("NOTES")
        out.extend(f"  - {n}" for n in report.notes)
    return "\n".join(out) + "\n"


def _claims(report: Report) -> list[str]:
    """The prose claims, one line each (figure, what it is, indicator, year, sentence); indicator mentions
    are counted, not listed."""
    mentions = sum(1 for c in report.claims if c.kind.value == "mention")
    shown = sorted((c for c in report.claims if c.kind.value != "mention"), key=lambda c: c.provenance.page)
    out = [f"CLAIMS ({len(shown)}, and {mentions} indicator mentions)"]
    for c in shown:
        about = f"{c.indicator} ({c.link})" if c.indicator else "-"
        when = str(c.year) if c.year else ""
        words = f" ({c.extra.get('words') or c.words})" if c.words is not None or c.extra.get("words") else ""
        if c.extra.get("fact"):
            words = f" [{c.extra['fact']}]"
        sentence = c.sentence if len(c.sentence) <= 90 else c.sentence[:87] + "..."
        out.append(
            f"  p.{c.provenance.page:<3} {c.kind.value:<22} {c.figure.raw + words:<18} {about:<18} {when:<4} "
            f'"{sentence}"'
        )
    return out
