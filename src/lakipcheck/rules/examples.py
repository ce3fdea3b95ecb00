"""Build small report models from a rule's examples (the ``examples: pass/fail`` lists of its YAML file), so
every rule is tested on its own documented cases.

An example is a mapping. Recognised keys (all optional):

- indicator facts: ``name``, ``code``, ``unit``, ``polarity`` and any value role of
  :class:`lakipcheck.model.types.Role` written as a key with the printed text (``target: "2568"``); they go
  into one row of a table of ``table_kind`` (default ``capaian``). Several rows/tables: ``rows: [{table_kind,
  page, <role>: printed, ...}, ...]``. Several indicators: ``indicators: [{name, ..., rows: [...]}, ...]``.
- budget: ``budget: [{table_kind, label, code, level, total, pagu, realisasi, percent, indicator}, ...]``
- tables: ``tables: [{kind, page, columns: [...], rows: [[...], ...]}, ...]``
- sections: ``sections: [kind, ...]`` (SectionKind values); ``claims``: see :mod:`lakipcheck.model.claims`.
"""

from __future__ import annotations

from typing import Any

from lakipcheck.layout.types import DocKind, DocumentInfo, Section, SectionKind
from lakipcheck.model.types import BudgetLine, Indicator, Polarity, Report, Role, StatedValue
from lakipcheck.numbers import parse_figure
from lakipcheck.provenance import BBox, Provenance
from lakipcheck.tables.types import Cell, Engine, Table, TableKind

_ROLES = {r.value: r for r in Role}
_BOX = BBox(0, 0, 10, 10)


def _values(ind: Indicator, row: dict[str, Any], table_id: str, r: int) -> None:
    kind = TableKind(row.get("table_kind", "capaian"))
    page = int(row.get("page", 1))
    for c, (key, printed) in enumerate(row.items()):
        role_key, _, suffix = key.partition("@")  # "renaksi_tw@4" / "prev_realisasi@2022"
        role = _ROLES.get(role_key)
        if role is None:
            continue
        number = int(suffix) if suffix else None
        quarter = number if role == Role.RENAKSI_TW else None
        year = number if role != Role.RENAKSI_TW else None
        fig = parse_figure(str(printed), column_hint=role_key)
        prov = Provenance(
            page=page, bbox=_BOX, raw=str(printed), table_id=table_id, row=r, col=c, column_name=role_key
        )
        ind.values.append(StatedValue(role, fig, prov, kind, year, quarter))


def _indicator(data: dict[str, Any], n: int) -> Indicator:
    ind = Indicator(
        key=data.get("code") or f"ind-{n}",
        name=data.get("name", f"Jumlah peserta kegiatan {n}"),
        code=data.get("code"),
        unit=data.get("unit"),
        polarity=Polarity(data.get("polarity", "unknown")),
    )
    rows = data.get("rows") or [data]
    for r, row in enumerate(rows):
        _values(ind, row, row.get("table", f"t{r}"), n)
    return ind


def _budget(items: list[dict[str, Any]]) -> list[BudgetLine]:
    out = []
    for r, item in enumerate(items):
        kind = TableKind(item.get("table_kind", "budget_realisation"))
        table_id = item.get("table", "b1")
        line = BudgetLine(
            table_id=table_id,
            row=r,
            label=item.get("label", f"baris {r + 1}"),
            code=item.get("code"),
            level=int(item.get("level", 1)),
            is_total=bool(item.get("total", False)),
            indicator_key=item.get("indicator"),
        )
        for c, (key, role) in enumerate(
            (
                ("pagu", Role.BUDGET_PAGU),
                ("realisasi", Role.BUDGET_REALISASI),
                ("percent", Role.BUDGET_PERCENT),
            )
        ):
            if key in item:
                raw = str(item[key])
                prov = Provenance(
                    page=int(item.get("page", 1)),
                    bbox=_BOX,
                    raw=raw,
                    table_id=table_id,
                    row=r,
                    col=c + 2,
                    column_name=key,
                )
                line.values.append(StatedValue(role, parse_figure(raw, column_hint=key), prov, kind))
        line.provenance = Provenance(
            page=int(item.get("page", 1)), bbox=_BOX, raw=line.label, table_id=table_id, row=r
        )
        out.append(line)
    return out


def _tables(items: list[dict[str, Any]]) -> list[Table]:
    out = []
    for n, item in enumerate(items):
        page = int(item.get("page", 1))
        rows = [[Cell(str(t), _BOX, page) for t in row] for row in item.get("rows", [])]
        out.append(
            Table(
                id=item.get("id", f"p{page}-t{n + 1}"),
                page=page,
                bbox=_BOX,
                engine=Engine.PDFPLUMBER,
                columns=list(item.get("columns", [])),
                rows=rows,
                header=[list(item.get("columns", []))],
                pages=[page],
                kind=TableKind(item.get("kind", "other")),
                caption=item.get("caption"),
            )
        )
    return out


def report_from_example(example: dict[str, Any]) -> Report:
    """A minimal :class:`Report` holding exactly what the example states."""
    info = DocumentInfo(kind=DocKind.LAKIP, agency="Contoh", year=int(example.get("year", 2023)))
    if "indicators" in example:
        indicators = [_indicator(d, n) for n, d in enumerate(example["indicators"], start=1)]
    elif any(k in _ROLES or k.partition("@")[0] in _ROLES for k in example) or "rows" in example:
        indicators = [_indicator(example, 1)]
    else:
        indicators = []
    sections = [Section(SectionKind(k), k, 1, 1) for k in example.get("sections", [])]
    report = Report(
        file="example.pdf",
        sha256="0" * 64,
        n_pages=1,
        info=info,
        sections=sections,
        tables=_tables(example.get("tables", [])),
        indicators=indicators,
        budget_lines=_budget(example.get("budget", [])),
    )
    if "claims" in example:
        from lakipcheck.model.claims import claims_from_example

        report.claims = claims_from_example(example["claims"])
    return report
