"""Build the typed report from the classified tables: indicators with every stated value, and budget lines."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from statistics import median

from lakipcheck.ingest.types import Document
from lakipcheck.layout.types import DocumentInfo, Section, SectionKind
from lakipcheck.model.claims import extract_claims, narrative_claims
from lakipcheck.model.columns import ColumnRole, map_columns
from lakipcheck.model.context import preceding_line, stated_cap, text_above
from lakipcheck.model.link import Registry, split_code
from lakipcheck.model.types import BudgetLine, Indicator, Polarity, Report, Role, StatedValue
from lakipcheck.numbers import infer_style, parse_figure
from lakipcheck.numbers.types import NumberStyle
from lakipcheck.provenance import BBox, Provenance
from lakipcheck.tables.header import is_group_row
from lakipcheck.tables.types import Cell, Table, TableKind

INDICATOR_KINDS = {
    TableKind.RENSTRA,
    TableKind.PK_INDICATORS,
    TableKind.CAPAIAN,
    TableKind.YOY,
    TableKind.RENSTRA_END,
    TableKind.RENCANA_AKSI,
    TableKind.PENGUKURAN,
}
# Tables whose rows define indicators; the others only add values to indicators already known.
CREATING_KINDS = {
    TableKind.RENSTRA,
    TableKind.PK_INDICATORS,
    TableKind.CAPAIAN,
    TableKind.PENGUKURAN,
    TableKind.RENCANA_AKSI,
}
BUDGET_KINDS = {TableKind.BUDGET_REALISATION, TableKind.PK_BUDGET, TableKind.RINCIAN_OUTPUT}

# "Total", "Sub Total Program", "Jumlah Anggaran", "Rata-rata Capaian"; not "Total Fertility Rate (TFR)"
_TOTAL = re.compile(
    r"^\s*((sub|grand)?\s*-?\s*total\s*($|[:(]|(total|seluruh\w*|keseluruhan|belanja|anggaran|pagu|dana|biaya|"
    r"capaian|nilai|program|kegiatan|jumlah|rata|[ivx]{1,4}|[a-h])\b)"
    r"|jumlah\s*$|jumlah\s+(total|seluruh\w*|keseluruhan|belanja|anggaran|pagu|dana|biaya)\b"
    r"|rata[- ]?rata\s*$|rata[- ]?rata capaian)",
    re.IGNORECASE,
)
# a one-word row label that names no indicator
_LABEL_WORDS = {
    *("jumlah", "total", "keterangan", "catatan", "program", "kegiatan", "sasaran", "misi", "tujuan"),
    *("urusan", "indikator", "satuan", "target", "realisasi", "capaian", "uraian", "nihil"),
}
_YEAR = re.compile(r"\b(20[0-4]\d|19[89]\d)\b")
_BUDGET_CODE = re.compile(r"^\s*\[?(\d{3,4}(?:\.\d+)*|[A-Z]{2,3}\.\d+(?:\.\d+)*)\]?\s+(?=\S)")
_LETTER_NO = re.compile(r"^\s*([A-Z]|[IVX]{1,4})\.?\s*$")


_NEGATIVE = re.compile(
    r"\b(negatif|negative|minimi[sz]e|semakin (kecil|rendah|sedikit) semakin baik|lower is better)\b"
    r"|\(-\)\s*$",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"\b(positif|positive|maksimi[sz]e|maximi[sz]e|semakin (besar|tinggi|banyak) semakin baik)\b|\(\+\)\s*$",
    re.IGNORECASE,
)


def polarity_of(text: str) -> Polarity:
    """Polarity only when the report states it (a polaritas column, or words written with the name)."""
    if _NEGATIVE.search(text):
        return Polarity.NEGATIVE
    if _POSITIVE.search(text):
        return Polarity.POSITIVE
    return Polarity.UNKNOWN


def _repeats_header(row: list[Cell], value_cols: list[ColumnRole]) -> bool:
    """Every value cell of the row holds its column's own header word ("Target", "Capaian")."""
    texts = [(row[c.index].text.strip().lower(), c.name.lower()) for c in value_cols]
    filled = [(t, n) for t, n in texts if t]
    return bool(filled) and all(t == n.split(" / ")[-1].strip() for t, n in filled)


def _name_beside_code(table: Table, row: list[Cell], name_col: int) -> str:
    """The name in the next column when the name column holds only a code ("IKS 1.1") and one header cell
    stands over both ("Sasaran Strategis 1" over the codes and the names)."""
    nxt = name_col + 1
    if nxt < len(row) and nxt < len(table.columns) and table.columns[nxt] == table.columns[name_col]:
        _, name = split_code(row[nxt].text)
        return name
    return ""


def _looks_like_indicator(name: str) -> bool:
    """Two words or more ("Indeks Gini"), or one name-like word ("Inflasi", "PDRB"); never a total row."""
    words = re.findall(r"[A-Za-z]{2,}", name)
    if _TOTAL.match(name):
        return False
    if len(words) == 1:
        return len(words[0]) >= 4 and words[0].lower() not in _LABEL_WORDS and name.strip() == words[0]
    return len(words) >= 2


def _report_year(info: DocumentInfo, tables: list[Table]) -> int | None:
    if info.year:
        return info.year
    years = Counter(int(y) for t in tables for c in t.columns for y in _YEAR.findall(c))
    return years.most_common(1)[0][0] if years else None


_PK_HEADING = re.compile(
    r"(perjanjian|penetapan)\s+kinerja\s+(awal|akhir|perubahan|revisi)|(revisi|perubahan)\s+(perjanjian|penetapan)"
    r"\s+kinerja|\bpk\s+(awal|akhir)\b",
    re.IGNORECASE,
)
_CHAPTER = re.compile(r"^\s*(bab\s+[ivx\d]+|lampiran)\b", re.IGNORECASE)


def _pk_role(heading: str | None, page: int, sections: list[Section]) -> Role:
    c = (heading or "").lower()
    if re.search(r"\b(akhir|revisi|perubahan)\b", c):
        return Role.PK_AKHIR_TARGET
    if re.search(r"\bawal\b", c):
        return Role.PK_AWAL_TARGET
    for s in sorted(sections, key=lambda s: -s.level):
        if s.page_start <= page <= s.page_end:
            if s.kind == SectionKind.PK_AKHIR:
                return Role.PK_AKHIR_TARGET
            if s.kind == SectionKind.PK_AWAL:
                return Role.PK_AWAL_TARGET
    return Role.PK_TARGET


def _column_styles(
    table: Table, cols: list[ColumnRole], doc_style: NumberStyle | None
) -> dict[int, NumberStyle | None]:
    out: dict[int, NumberStyle | None] = {}
    for c in cols:
        if c.role is not None:
            out[c.index] = infer_style(table.column_text(c.index)) or doc_style
    return out


def _provenance(table: Table, r: int, col: ColumnRole, cell: Cell) -> Provenance:
    return Provenance(
        page=cell.page or table.page,
        bbox=cell.bbox,
        raw=cell.text,
        table_id=table.id,
        row=r,
        col=col.index,
        column_name=col.name,
    )


class _Builder:
    def __init__(
        self, doc: Document, info: DocumentInfo, sections: list[Section], tables: list[Table]
    ) -> None:
        self.doc = doc
        self.sections = sections
        self.tables = tables
        self.year = _report_year(info, tables)
        self.registry = Registry()
        self.budget: list[BudgetLine] = []
        samples = [c.text for t in tables for row in t.rows for c in row if c.text]
        self.doc_style = infer_style(samples)

    def run(self) -> None:
        for table in self.tables:
            if table.kind in INDICATOR_KINDS:
                self._indicator_table(table)
        for table in self.tables:
            if table.kind in BUDGET_KINDS:
                self._budget_table(table)

    def _context(self, table: Table) -> str:
        lines = text_above(self.doc, table.page, table.bbox)
        return " ".join([*lines, table.caption or ""])

    def _indicator_table(self, table: Table) -> None:
        cols = map_columns(table.columns, table.kind, self.year)
        _infer_capaian_column(table, cols)
        value_cols = [c for c in cols if c.role is not None]
        if not value_cols:
            return
        labels = {c.label: c.index for c in reversed(cols) if c.label}
        name_col = labels.get("indicator", labels.get("sasaran") if "indicator" not in labels else None)
        if name_col is None and table.kind in CREATING_KINDS:
            name_col = labels.get("kegiatan")
        styles = _column_styles(table, cols, self.doc_style)
        context = self._context(table)
        pk_role = None
        if table.kind == TableKind.PK_INDICATORS:
            heading = preceding_line(self.doc, table.page, table.bbox, _PK_HEADING, stop=_CHAPTER)
            pk_role = _pk_role(heading, table.page, self.sections)
        merged = merged_homes(table)
        prev: Indicator | None = None
        prev_name = ""
        for r, row in enumerate(table.rows):
            if not any(row[c.index].text.strip() for c in value_cols) or is_group_row([c.text for c in row]):
                continue
            name_text = row[name_col].text if name_col is not None else ""
            filled = [row[c.index].text for c in value_cols if row[c.index].text.strip()]
            if name_text.strip() and all(t == name_text for t in filled):
                continue  # a heading ("II | Misi 2 : ...") merged over the name and value columns
            if _repeats_header(row, value_cols):
                continue  # the header printed again over each group of rows ("Sasaran 2 | Target | ...")
            code, name = split_code(name_text)
            if code and not name and name_col is not None:
                name = _name_beside_code(table, row, name_col)
            if "code" in labels and not code:
                code, _ = split_code(row[labels["code"]].text)
            if _TOTAL.match(name) or (name_col is not None and not name.strip() and not code):
                continue
            if (
                prev is not None
                and name
                and all(row[c.index].spanned for c in value_cols if row[c.index].text)
            ):
                # The name wraps into a row of its own while the values are merged over both rows.
                if prev.name == prev_name:
                    prev.name = prev_name = f"{prev.name} {name}"
                continue
            stated = polarity_of(name)  # "(negatif)", "semakin kecil semakin baik" written with the name
            if name_col is None or not name:
                ind, score = self.registry.best_in_text(context)
            else:
                create = table.kind in CREATING_KINDS and _looks_like_indicator(name)
                ind, score = self.registry.resolve(name, code, create=create)
            if ind is None:
                continue
            prev, prev_name = ind, ind.name
            if stated != Polarity.UNKNOWN and ind.polarity == Polarity.UNKNOWN:
                ind.polarity = stated
            self._fill_labels(ind, row, labels)
            repeat = (
                name_col is not None and row[name_col].spanned
            )  # same record continued: copies say nothing new
            for col in value_cols:
                cell = row[col.index]
                origin, home = merged.get((r, col.index), (col.index, col.index))
                if home != col.index:
                    continue  # a cell merged over several columns belongs to the one it mostly covers
                first = row[origin]
                if not cell.text.strip() or (repeat and first.spanned):
                    continue
                fig = parse_figure(cell.text, style=styles.get(col.index), column_hint=col.name)
                role = pk_role if col.role == Role.PK_TARGET and pk_role else col.role
                assert role is not None
                year = col.year
                if role == Role.PREV_REALISASI and year is None and self.year:
                    year = self.year - 1
                prov = _provenance(table, r, col, first)
                if origin != col.index:
                    prov = replace(prov, col=origin)  # the merged cell's own position, not a copy of it
                ind.values.append(StatedValue(role, fig, prov, table.kind, year, col.quarter, score))
                if fig.unit and not ind.unit and fig.unit != "%":
                    ind.unit = fig.unit

    @staticmethod
    def _fill_labels(ind: Indicator, row: list[Cell], labels: dict[str, int]) -> None:
        if "polarity" in labels and ind.polarity == Polarity.UNKNOWN:
            ind.polarity = polarity_of(row[labels["polarity"]].text)
        if "unit" in labels and not ind.unit:
            unit = row[labels["unit"]].text.strip()
            if unit and len(unit) <= 30:
                ind.unit = unit.lower()
        if "sasaran" in labels and labels.get("indicator") is not None and not ind.sasaran:
            _, sasaran = split_code(row[labels["sasaran"]].text)
            if sasaran and re.search(r"[A-Za-z]{3}", sasaran):  # a bare "1.1" is a code, not the sasaran
                ind.sasaran = sasaran

    def _budget_table(self, table: Table) -> None:
        cols = map_columns(table.columns, table.kind, self.year)
        value_cols = [
            c for c in cols if c.role in (Role.BUDGET_PAGU, Role.BUDGET_REALISASI, Role.BUDGET_PERCENT)
        ]
        if not value_cols:
            return
        styles = _column_styles(table, cols, self.doc_style)
        _infer_budget_percent(table, cols, styles)
        value_cols = [
            c for c in cols if c.role in (Role.BUDGET_PAGU, Role.BUDGET_REALISASI, Role.BUDGET_PERCENT)
        ]
        order = {"kegiatan": 0, "indicator": 1, "sasaran": 2}
        label_cols = [
            c.index for c in sorted(cols, key=lambda c: order.get(c.label or "", 9)) if c.label in order
        ]
        no_col = next((c.index for c in cols if c.label == "no"), None)
        code_col = next((c.index for c in cols if c.label == "code"), None)
        for r, row in enumerate(table.rows):
            if not any(row[c.index].text.strip() for c in value_cols):
                continue
            label = next((row[i].text for i in label_cols if row[i].text.strip()), "")
            if not label:  # e.g. a total row whose label sits in a merged No/Kode cell
                texts = [c.text for c in row if c.text and not _is_value(c, value_cols, row)]
                label = " ".join(dict.fromkeys(texts))
            no_text = row[no_col].text if no_col is not None else ""
            code = row[code_col].text.strip() if code_col is not None else None
            m = _BUDGET_CODE.match(label)
            if not code and m:
                code = m.group(1)
                label = label[m.end() :]
            is_total = bool(_TOTAL.match(label) or _TOTAL.match(no_text))
            level = 0 if _LETTER_NO.match(no_text) or is_total else 1
            line = BudgetLine(
                table_id=table.id,
                row=r,
                label=" ".join(label.split()),
                code=code or None,
                level=level,
                is_total=is_total,
            )
            for col in value_cols:
                cell = row[col.index]
                if not cell.text.strip():
                    continue
                fig = parse_figure(cell.text, style=styles.get(col.index), column_hint=col.name)
                assert col.role is not None
                line.values.append(StatedValue(col.role, fig, _provenance(table, r, col, cell), table.kind))
            if not line.values:
                continue
            line.provenance = Provenance(
                page=row[0].page or table.page, bbox=_row_box(row), raw=line.label, table_id=table.id, row=r
            )
            if not is_total:
                ind, score = self.registry.find(line.label, None)
                if ind is not None:
                    line.indicator_key = ind.key
                # Only a realisasi-anggaran table states amounts *for an indicator*; an output (RO) or
                # kegiatan line keeps its link on the budget line for the cross-table checks.
                if ind is not None and table.kind == TableKind.BUDGET_REALISATION:
                    for v in line.values:
                        ind.values.append(
                            StatedValue(v.role, v.figure, v.provenance, v.table_kind, link_score=score)
                        )
            self.budget.append(line)


def _infer_capaian_column(table: Table, cols: list[ColumnRole]) -> None:
    """A capaian table whose % column has no usable header (blank, or cut off above the table): take the first
    unnamed-role column right of the realisasi whose cells are mostly numbers."""
    if table.kind not in (TableKind.CAPAIAN, TableKind.RENSTRA_END) or any(
        c.role == Role.CAPAIAN for c in cols
    ):
        return
    real = next((c.index for c in cols if c.role == Role.REALISASI), None)
    if real is None or not any(c.role == Role.TARGET for c in cols):
        return
    for c in cols[real + 1 :]:
        if c.role is not None or c.label is not None:
            continue
        texts = [t for t in table.column_text(c.index) if t.strip()]
        numeric = sum(1 for t in texts if parse_figure(t, column_hint="%").is_numeric)
        if texts and numeric >= 0.6 * len(texts):
            c.role = Role.CAPAIAN
        return


_PCT_HEADER = re.compile(r"capaian|%|persen")


def _infer_budget_percent(
    table: Table, cols: list[ColumnRole], styles: dict[int, NumberStyle | None]
) -> None:
    """A budget table's "Capaian" column right of the realisasi may be the daya serap or the physical capaian
    of the kegiatan: its header does not say. It is the daya serap when realisasi / pagu explains it (within
    one point) on at least 70 % of at least three rows; the rows it does not explain are then LK202's."""
    if any(c.role == Role.BUDGET_PERCENT for c in cols):
        return
    pagu = next((c.index for c in cols if c.role == Role.BUDGET_PAGU), None)
    real = next((c.index for c in cols if c.role == Role.BUDGET_REALISASI), None)
    if pagu is None or real is None:
        return
    cand = next(
        (
            c
            for c in cols[real + 1 :]
            if c.role is None and c.label is None and _PCT_HEADER.search(c.name.lower())
        ),
        None,
    )
    if cand is None:
        return
    seen = agree = 0
    for row in table.rows:
        p, r, x = (
            parse_figure(row[i].text, style=styles.get(i), column_hint=h)
            for i, h in ((pagu, "pagu"), (real, "realisasi"), (cand.index, "%"))
        )
        if not (p.value and r.value is not None and x.value is not None):
            continue
        seen += 1
        agree += abs(r.value * 100 / p.value - x.value) <= 1
    if seen >= 3 and agree >= 0.7 * seen:
        cand.role = Role.BUDGET_PERCENT


def _spread(row: list[Cell], c: int) -> bool:
    """The cell at ``c`` is a copy of the one to its left: one merged cell spread over both columns."""
    cell, left = row[c], row[c - 1] if c > 0 else None
    return (
        left is not None
        and cell.spanned
        and cell.bbox is not None
        and cell.bbox == left.bbox
        and cell.text == left.text
    )


def _column_edges(table: Table) -> list[tuple[float, float] | None]:
    """Each column's left and right edge, from the cells that start or end there (median over rows)."""
    n = table.n_cols
    lefts: list[list[float]] = [[] for _ in range(n)]
    rights: list[list[float]] = [[] for _ in range(n)]
    for row in table.rows:
        for c, cell in enumerate(row[:n]):
            if cell.bbox is None:
                continue
            if not _spread(row, c):
                lefts[c].append(cell.bbox.x0)
            if c + 1 >= len(row) or not _spread(row, c + 1):
                rights[c].append(cell.bbox.x1)
    out: list[tuple[float, float] | None] = []
    for ls, rs in zip(lefts, rights, strict=True):
        out.append((median(ls), median(rs)) if ls and rs and median(ls) < median(rs) else None)
    return out


def merged_homes(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """Cells merged over several columns (the text copied into each position): for every position they cover,
    (column of the merged cell's origin, column it belongs to). A misaligned rule in a body row can make a
    value's cell reach into the next column ("9,97" over Target and a sliver of Realisasi); the value
    belongs to the column its box overlaps most. Positions of cells not merged across columns are left
    out."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    edges: list[tuple[float, float] | None] | None = None
    for r, row in enumerate(table.rows):
        c = 1
        while c < len(row):
            if not _spread(row, c):
                c += 1
                continue
            start, end = c - 1, c
            while end + 1 < len(row) and _spread(row, end + 1):
                end += 1
            if edges is None:
                edges = _column_edges(table)
            box = row[start].bbox
            assert box is not None
            overlap = {
                j: min(box.x1, e[1]) - max(box.x0, e[0])
                for j in range(start, end + 1)
                if j < len(edges) and (e := edges[j]) is not None
            }
            home = max(overlap, key=lambda j: overlap[j]) if overlap else start
            for j in range(start, end + 1):
                out[(r, j)] = (start, home)
            c = end + 1
    return out


def _is_value(cell: Cell, value_cols: list[ColumnRole], row: list[Cell]) -> bool:
    return any(row[c.index] is cell for c in value_cols)


def _row_box(row: list[Cell]) -> BBox | None:
    return BBox.enclosing([c.bbox for c in row if c.bbox is not None])


def build_report(doc: Document, info: DocumentInfo, sections: list[Section], tables: list[Table]) -> Report:
    """Assemble the report model. Values keep their provenance; indicators are linked across tables."""
    b = _Builder(doc, info, sections, tables)
    if info.kind.is_lakip or info.kind.value in ("perjanjian_kinerja", "rencana_aksi", "evaluasi_renja"):
        b.run()
    if info.year is None and b.year is not None:
        info.year = b.year
    claims = extract_claims(doc, sections, _table_boxes(tables)) if info.kind.is_lakip else []
    if info.kind.is_lakip:
        claims += narrative_claims(
            doc, sections, _table_boxes(tables), b.registry.indicators, b.budget, info.year
        )
    return Report(
        file=doc.name,
        sha256=doc.sha256,
        n_pages=len(doc.pages),
        info=info,
        sections=sections,
        tables=tables,
        indicators=b.registry.indicators,
        budget_lines=b.budget,
        scanned_pages=doc.scanned_pages,
        claims=claims,
        capaian_cap=Decimal(cap) if (cap := stated_cap(doc)) is not None else None,
    )


def _table_boxes(tables: list[Table]) -> dict[int, list[BBox]]:
    """Per page, the region each table covers there (its cells), so prose claims skip table text."""
    out: dict[int, list[BBox]] = {}
    for t in tables:
        by_page: dict[int, list[BBox]] = {}
        for row in t.rows:
            for c in row:
                if c.bbox is not None:
                    by_page.setdefault(c.page or t.page, []).append(c.bbox)
        by_page.setdefault(t.page, []).append(t.bbox)
        for page, boxes in by_page.items():
            box = BBox.enclosing(boxes)
            if box is not None:
                out.setdefault(page, []).append(box)
    return out
