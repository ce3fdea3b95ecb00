"""The report model as JSON-ready dicts (schema "lakipcheck/extract", versioned; see docs/schema.md)."""

from __future__ import annotations

from lakipcheck.model.types import BudgetLine, Indicator, Report, Role
from lakipcheck.tables.types import Table

# Roles shown as the indicator's headline fields (from the capaian table, else the best other source).
_HEADLINE = {"target": Role.TARGET, "realisasi": Role.REALISASI, "capaian": Role.CAPAIAN}
_FALLBACK = {
    Role.TARGET: (Role.PENGUKURAN_TARGET, Role.PK_AKHIR_TARGET, Role.PK_TARGET, Role.PK_AWAL_TARGET),
    Role.REALISASI: (Role.PENGUKURAN_REALISASI,),
    Role.CAPAIAN: (Role.PENGUKURAN_CAPAIAN,),
}


def _headline(ind: Indicator, role: Role) -> dict | None:
    for r in (role, *_FALLBACK.get(role, ())):
        v = ind.first(r)
        if v is not None:
            return {
                "raw": v.figure.raw,
                "value": str(v.figure.value) if v.figure.value is not None else None,
                "kind": str(v.figure.kind),
                "page": v.provenance.page,
                "role": str(v.role),
            }
    return None


def indicator_dict(ind: Indicator) -> dict:
    first = next((v for v in ind.values if v.table_kind and v.table_kind.value == "capaian"), None)
    page = first.provenance.page if first else (ind.values[0].provenance.page if ind.values else None)
    out: dict = {
        "key": ind.key,
        "code": ind.code,
        "name": ind.name,
        "unit": ind.unit,
        "sasaran": ind.sasaran,
        "polarity": str(ind.polarity),
        "page": page,
    }
    for field, role in _HEADLINE.items():
        out[field] = _headline(ind, role)
    out["aliases"] = ind.aliases
    out["values"] = [v.to_dict() for v in ind.values]
    return out


def budget_dict(line: BudgetLine) -> dict:
    return {
        "table_id": line.table_id,
        "row": line.row,
        "code": line.code,
        "label": line.label,
        "level": line.level,
        "is_total": line.is_total,
        "indicator_key": line.indicator_key,
        "source": line.provenance.to_dict() if line.provenance else None,
        "values": [v.to_dict() for v in line.values],
    }


def table_dict(t: Table, *, cells: bool = True) -> dict:
    out: dict = {
        "id": t.id,
        "kind": str(t.kind),
        "kind_score": t.kind_score,
        "engine": str(t.engine),
        "page": t.page,
        "pages": t.pages,
        "bbox": list(t.bbox.rounded()),
        "caption": t.caption,
        "section": t.section,
        "columns": t.columns,
        "header": t.header,
        "n_rows": t.n_rows,
    }
    if cells:
        out["rows"] = [[c.text for c in row] for row in t.rows]
    return out


def report_dict(report: Report, *, cells: bool = True) -> dict:
    return {
        "schema": f"lakipcheck/extract@{report.schema}",
        "file": report.file,
        "sha256": report.sha256,
        "pages": report.n_pages,
        "document": report.info.to_dict(),
        "scanned_pages": report.scanned_pages,
        "sections": [s.to_dict() for s in report.sections],
        "tables": [table_dict(t, cells=cells) for t in report.tables],
        "indicators": [indicator_dict(i) for i in report.indicators],
        "budget_lines": [budget_dict(b) for b in report.budget_lines],
        "claims": [c.to_dict() for c in report.claims],
        "notes": report.notes,
    }
