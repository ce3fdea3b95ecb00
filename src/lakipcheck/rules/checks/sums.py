"""Totals and subtotals: every printed total must be the sum of the rows it stands for.

Budget tables are read from ``report.budget_lines`` (pagu / realisasi amounts, levels, codes, total flags);
any other table with a total row ("Jumlah", "Total", "Sub Total") or a total column is read from its cells.
The sum structure is inferred from what the table prints: levels, the numbering column (A / 1 / a / 1.1),
codes ("[052]" components under an output, 4-digit kegiatan codes), the words that open a label ("Belanja",
"Program", "Kegiatan") and heading rows without amounts. Every structure these markers allow is tried; a
table is consistent when one of them makes every sum add up. Otherwise the failures of the most plausible
structure are reported, one finding per failing total.

Sums use interval arithmetic (XBRL Calculations 1.1): every printed addend and total stands for the
interval its printed precision allows (a Rupiah amount may be rounded from sen: ±0.5), and a total is wrong
only when the two intervals cannot meet.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lakipcheck.model.build import INDICATOR_KINDS
from lakipcheck.model.types import BudgetLine, Report, Role, StatedValue
from lakipcheck.numbers import Figure, FigureKind, infer_style, parse_figure
from lakipcheck.numbers.types import NumberStyle
from lakipcheck.provenance import BBox, Provenance
from lakipcheck.rules.arith import Span, fmt, input_span, printed_span, readings, sum_span
from lakipcheck.rules.checks.common import table_name
from lakipcheck.rules.registry import primitive
from lakipcheck.rules.types import Hit, Location
from lakipcheck.tables.types import Engine, Table, TableKind

ZERO = Span(Decimal(0), Decimal(0))
BUDGET_ROLES = {
    Role.BUDGET_PAGU: ("pagu", "pagu/anggaran"),
    Role.BUDGET_REALISASI: ("realisasi", "realisasi"),
}

# A total row's label. "Jumlah <something>" is a total only for the words budget tables use; "Jumlah guru
# yang ..." is an indicator.
_TOTAL_LABEL = re.compile(
    r"^\s*(?:(?:sub|grand)\s*-?\s*(?:total|jumlah)|total|jumlah)\s*"
    r"(?:$|[:(]|(?:total|seluruh\w*|keseluruhan|belanja|anggaran|pagu|dana|biaya|pendapatan|akhir|"
    r"umum|semua|program|kegiatan|[ivx]{1,4}|[a-h])\b)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\b(?:yang|terhadap|melalui|sesuai|dalam rangka)\b", re.IGNORECASE)
_TOTAL_WORD = re.compile(r"^\s*(?:sub\s*-?\s*|grand\s+)?total\b", re.IGNORECASE)  # "Total Sekolah Penggerak"
_BARE_TOTAL = re.compile(
    r"^\s*(?:sub\s*-?\s*|grand\s+)?(?:total|jumlah)(?:\s+(?:total|seluruhnya|keseluruhan))?\s*:?\s*$",
    re.IGNORECASE,
)
_SCORE_ROW = re.compile(
    r"^\s*(nilai|indeks|index|persentase|prosentase|presentase|predikat|skor|rasio|tingkat|rata-rata|angka|"
    r"laju|pertumbuhan|total fertility|ipm|ikm|opini)\b",
    re.IGNORECASE,
)
_GRAND = re.compile(r"^\s*(belanja|pendapatan|anggaran|pembiayaan)\s*$", re.IGNORECASE)
_SHARE = re.compile(r"%|\(\s*persen\s*\)", re.IGNORECASE)
_AVERAGE = re.compile(r"rata|average|mean|median", re.IGNORECASE)
_NOT_SUMMABLE = re.compile(
    r"%|persen|prosen|capaian|rata|indeks|index|nilai|skor|predikat|rasio|tingkat|\bno\b|nomor|kode|"
    r"tahun\s*$|harga\s+satuan",
    re.IGNORECASE,
)
_TOTAL_COLUMN = re.compile(r"^\s*(?:total|jumlah|jml)\b\.?\s*(?:\(.*\))?\s*$", re.IGNORECASE)
_NO_HEADER = re.compile(r"^\s*(no|no\.|nomor|#|no\s*urut)\b", re.IGNORECASE)
_MARKER_PREFIX = re.compile(
    r"^\s*(?P<m>[IVX]{1,4}|[A-Za-z]|\d{1,2}(?:\.\d{1,2}){0,4}|[-•▪*–])(?:[.)]\s*|\s+)(?=\S)"
)
_BRACKET_CODE = re.compile(r"^\s*\[\s*([0-9A-Z]{2,4}(?:\.[0-9A-Z]{1,4})*)\s*\]")
_LENIENT = re.compile(r"^(?:rp\.?\s*)?(\d{1,4})((?:[.,]\d{3})+)(?:[.,](\d{2}))?\s*(?:,-|\.-)?\s*$", re.I)
_KEYWORDS = (
    (re.compile(r"^\s*(belanja\s+(tidak\s+|tdk\.?\s+)?langsung|pendapatan|pembiayaan)\b", re.I), 0),
    (re.compile(r"^\s*belanja\b", re.I), 1),
    (re.compile(r"^\s*program\b", re.I), 2),
    (re.compile(r"^\s*sub\s*-?\s*kegiatan\b", re.I), 4),
    (re.compile(r"^\s*kegiatan\b", re.I), 3),
)


# ----------------------------------------------------------------------------------------------- the grid


@dataclass(slots=True)
class Val:
    """One printed amount: its figure, where it is, and the intervals it may stand for (one per reading)."""

    printed: str
    prov: Provenance
    spans: list[Span]  # [primary, alternative reading]; [] when the cell cannot be read as a number
    total_spans: list[Span]  # the same figure read as a printed result (rounding or truncation)
    empty: bool = False
    lenient: bool = False
    decimals: int = 0
    style: str = "id"  # how the report printed it: "id" (1.234,5) or "en" (1,234.5)


@dataclass(slots=True)
class Row:
    index: int
    label: str
    marker: str
    code: str | None
    level: int | None
    total: str | None  # "total", "unlabeled" or None
    vals: dict[str, Val]
    prov: Provenance


@dataclass(slots=True)
class Panel:
    """The rows of one table (or one side of a side-by-side table) and the columns that may be summed."""

    table: Table
    rows: list[Row]
    columns: dict[str, str]  # key -> column name as printed
    budget: bool = False
    truncated_top: bool = False  # rows above the first one may be missing (an unjoined continuation)
    continues: bool = True  # rows below the last one may follow in another table (an unjoined continuation)


_PAGU_HEAD = re.compile(r"pagu|anggaran|alokasi|\bdpa\b", re.IGNORECASE)


def budget_role(v: StatedValue) -> Role:
    """The role of a budget amount, read again from the last part of its column header: a table title merged
    into the header ("Tabel 3.2 Realisasi Anggaran ... / Pagu (Rp)") makes the model read a pagu column as
    realisasi."""
    last = (v.provenance.column_name or "").split(" / ")[-1]
    if v.role == Role.BUDGET_REALISASI and _PAGU_HEAD.search(last) and "realisasi" not in last.lower():
        return Role.BUDGET_PAGU
    return v.role


def _spans(fig: Figure) -> tuple[list[Span], list[Span]]:
    """(as an addend, as a printed total) per reading. A whole count is exact both ways; a figure with
    decimals or a Rupiah amount as a total may be rounded or truncated (the truncation end is open)."""
    if fig.value is None:
        return [], []
    out, tot = [], []
    for v in readings(fig):
        s = input_span(fig, None if v == fig.value else v)
        out.append(s)
        if v != fig.value or s.lo == s.hi:
            tot.append(s)
            continue
        p = printed_span(fig)
        eps = Decimal(10) ** -((fig.decimals or 0) + 6) * fig.scale
        tot.append(Span(min(s.lo, p.lo), max(s.hi, p.hi - eps)))
    return out, tot


def style_of(fig: Figure) -> str:
    """ "en" when the figure was printed English-style (1,234.5), "plain" without separators, else "id"."""
    if fig.style == NumberStyle.EN:
        return "en"
    return "plain" if fig.style == NumberStyle.PLAIN and not fig.decimals else "id"


def show_like(value: Decimal, decimals: int, style: str) -> str:
    """``value`` printed the way the report printed the figure it is compared with."""
    if style == "plain":
        return f"{value.quantize(Decimal(1)):f}"
    return fmt(value, decimals, style)


def _lenient(text: str) -> Decimal | None:
    """A money amount with mixed or misplaced separators ("1,011.080.000", "1403.419.201")."""
    m = _LENIENT.match(re.sub(r"(?<=[\d.,])\s+(?=-)|(?<=,)\s+(?=-)", "", text.strip()))
    if not m:
        return None
    return Decimal(m.group(1) + re.sub(r"[.,]", "", m.group(2)))


def make_val(fig: Figure, prov: Provenance, money: bool) -> Val:
    """The intervals of a printed cell; an empty or "-" cell is zero, an unreadable one unknown."""
    raw = fig.raw.strip()
    if fig.kind == FigureKind.MISSING:
        empty = raw in ("", "-", "--", "—", "–", "0,-", "-,-")
        return Val(raw, prov, [ZERO] if empty else [], [ZERO] if empty else [], empty=True)
    if fig.value is not None and fig.kind in (FigureKind.NUMBER, FigureKind.RUPIAH) and not fig.qualifier:
        spans, tot = _spans(fig)
        return Val(raw, prov, spans, tot, decimals=fig.decimals or 0, style=style_of(fig))
    if money and fig.kind == FigureKind.TEXT:
        v = _lenient(raw)
        if v is not None:
            s = Span(v - Decimal("0.5"), v + Decimal("0.5"))
            return Val(raw, prov, [s], [Span(s.lo, v + Decimal("0.999999"))], lenient=True)
    return Val(raw, prov, [], [])


def _is_share(label: str, vals: dict[str, Val]) -> bool:
    """A row of percentages inside an amount table ("Jumlah terhadap Dinas (%)", "Persentase Kondisi (%)")."""
    return bool(_SHARE.search(label)) and all(not v.spans or v.spans[0].hi <= 100 for v in vals.values())


def _marker_from_label(label: str) -> tuple[str, str]:
    m = _MARKER_PREFIX.match(label)
    if m and not re.fullmatch(r"\d{3,}", m.group("m")):
        return m.group("m"), label[m.end() :]
    return "", label


def _code_of(code: str | None, label: str) -> str | None:
    if code:
        return code.strip("[] ")
    m = _BRACKET_CODE.match(label)
    return m.group(1) if m else None


def _is_total_label(label: str, marker: str = "") -> bool:
    """Whether a row label names a total. A numbered row ("5. Total Fertility Rate") is a data row unless its
    label is a bare "Jumlah"/"Total"."""
    text = " ".join(label.split())
    if not text or _AVERAGE.search(text):
        return False
    if marker.strip() and not _BARE_TOTAL.match(text):
        return False
    if "+" in text or "−" in text:
        return False  # "TOTAL ANGGARAN (WAJIB + PILIHAN)": a sum of named rows, not of the rows above it
    if _CLAUSE.search(text):
        return False  # "Jumlah kegiatan seremonial yang dilaksanakan": an indicator counting, not a sum
    if _TOTAL_LABEL.match(text):
        return True
    return bool(_TOTAL_WORD.match(text)) and len(text.split()) <= 5


def _numbering_gap(parent: Row, rows: list[Row]) -> bool:
    """Whether the children's codes, which extend the parent's ("1.20.05.53" over "...53.01", "...53.02",
    "...53.06"), skip numbers: the parent may include items the table does not list (e.g. dropped in the
    budget revision)."""
    if not parent.code:
        return False
    nums = []
    for r in rows:
        if not r.code or not r.code.startswith(parent.code + "."):
            return False
        last = re.split(r"[.\s]", r.code)[-1]
        if not last.isdigit():
            return False
        nums.append(int(last))
    return len(nums) >= 2 and sorted(nums) != list(range(min(nums), min(nums) + len(nums)))


def _code_columns(table: Table) -> list[int]:
    """Columns holding a budget code, possibly split over several columns ("Kode Rekening" x 5)."""
    half = table.columns[: max(1, table.n_cols // 2)]
    return [i for i, name in enumerate(half) if re.search(r"\bkode\b", name.split(" / ")[0], re.IGNORECASE)]


def _split_code(table: Table, r: int, cols: list[int]) -> str | None:
    parts = [p for p in (_cell_text(table, r, c) for c in cols) if p]
    if not parts or not all(re.fullmatch(r"[0-9A-Z]{1,6}(?:[.\s][0-9A-Z]{1,6})*", p) for p in parts):
        return None
    return ".".join(re.sub(r"\s+", ".", p) for p in parts)


def _no_column(table: Table) -> int | None:
    for i, name in enumerate(table.columns[:3]):
        if _NO_HEADER.match(name.split(" / ")[0]):
            return i
    return None


def _marker_cell(table: Table, r: int, c: int | None) -> str:
    """The numbering printed in the No column ("A", "1", "2.2.3", "a.", "IV"); anything else (a total label
    spread over the row) is not a number."""
    text = _cell_text(table, r, c)
    core = text.rstrip(".)").strip()
    if re.fullmatch(r"[IVXivx]{1,4}|[A-Za-z]|\d{1,3}(?:\.\d{1,3})*|[-•▪*–]", core):
        return text
    return ""


def _cell_text(table: Table, r: int, c: int | None) -> str:
    if c is None or r >= len(table.rows) or c >= len(table.rows[r]):
        return ""
    return table.rows[r][c].text.strip()


def _mark_grand_total(rows: list[Row]) -> None:
    """A last row labelled only "Belanja" / "Pendapatan" / "Anggaran" after the parts is their grand total."""
    if len(rows) >= 3 and not rows[-1].total and _GRAND.match(rows[-1].label) and any(r.total for r in rows):
        rows[-1].total = "total"


def _mark_unlabeled_total(rows: list[Row], whole_only: bool = False) -> None:
    """A last row with amounts but no label under rows that all have labels: a total whose label was not
    printed (or sits in a merged cell the extractor could not place). Taken as a total only when each of
    its amounts is at least every amount above it."""
    if len(rows) < 3 or rows[-1].total or rows[-1].label or rows[-1].marker:
        return
    last, body = rows[-1], rows[:-1]
    if any(not r.label and not r.marker for r in body if r.vals):
        return
    keys = [k for k, v in last.vals.items() if v.spans and not v.empty]
    if not keys or (whole_only and any(v.decimals for r in rows for v in r.vals.values())):
        return
    for k in keys:
        above = [
            r.vals[k].spans[0].hi for r in body if k in r.vals and r.vals[k].spans and not r.vals[k].empty
        ]
        if len(above) < 2 or last.vals[k].spans[0].hi < max(above):
            return
    last.total = "unlabeled"


def budget_panels(report: Report) -> list[Panel]:
    """One panel per budget table, from the model's budget lines."""
    tables = {t.id: t for t in report.tables}
    by_table: dict[str, list[BudgetLine]] = {}
    for line in report.budget_lines:
        by_table.setdefault(line.table_id, []).append(line)
    panels = []
    for tid, lines in by_table.items():
        table = tables.get(tid) or stand_in(tid, lines)
        no_col = _no_column(table)
        code_cols = _code_columns(table)
        rows: list[Row] = []
        columns: dict[str, str] = {}
        for line in sorted(lines, key=lambda b: b.row):
            vals: dict[str, Val] = {}
            for v in line.values:
                role = budget_role(v)
                if role in BUDGET_ROLES and role.value not in vals:
                    key = role.value
                    vals[key] = make_val(v.figure, v.provenance, money=True)
                    columns.setdefault(key, v.provenance.column_name or BUDGET_ROLES[role][1])
            marker = _marker_cell(table, line.row, no_col)
            label = line.label
            if not marker:
                marker, label = _marker_from_label(label)
            prov = line.provenance or Provenance(page=table.page, table_id=tid, row=line.row)
            if (line.is_total and _AVERAGE.search(line.label)) or _is_share(line.label, vals):
                continue  # an average or a share ("Jumlah terhadap Dinas (%)"): not a sum
            if all(v.spans and v.spans[0].hi < 100 and not v.decimals for v in vals.values()) and not any(
                c.isalpha() for c in line.label
            ):
                continue  # a column-numbering row ("3 4 5")
            numbered = marker if _marker_kind(marker, False) not in ("", "-") else ""
            total = "total" if line.is_total and _is_total_label(label or line.label, numbered) else None
            if not total and not label.strip() and _is_total_label(marker):
                total = "total"
            rows.append(
                Row(
                    line.row,
                    label,
                    marker,
                    _split_code(table, line.row, code_cols) or _code_of(line.code, label),
                    line.level,
                    total,
                    vals,
                    prov,
                )
            )
        numeric_labels = sum(1 for r in rows if re.fullmatch(r"[\d\s.,]+", f"{r.marker} {r.label}"))
        if numeric_labels * 3 > len(rows):
            continue  # the labels are amounts: the table's columns were not read right
        if rows and columns:
            _mark_unlabeled_total(rows)
            _mark_grand_total(rows)
            _exact_thousands(rows, columns)
            panels.append(Panel(table, rows, columns, budget=True))
    return panels


def stand_in(tid: str, lines: list[BudgetLine]) -> Table:
    """A placeholder for a budget table whose lines the model holds without its cells (a built example)."""
    first = lines[0]
    kind = next((v.table_kind for v in first.values if v.table_kind), None) or TableKind.OTHER
    page = first.provenance.page if first.provenance else 1
    return Table(
        id=tid,
        page=page,
        bbox=BBox(0, 0, 0, 0),
        engine=Engine.TEXT,
        columns=[],
        rows=[],
        pages=[page],
        kind=kind,
    )


def _exact_thousands(rows: list[Row], columns: dict[str, str]) -> None:
    """A money column whose every row amount is a whole thousand was not rounded from sen: its amounts (and
    so its totals) are exact."""
    for key in columns:
        vals = [r.vals[key] for r in rows if key in r.vals and not r.vals[key].empty]
        body = [v for r in rows if not r.total and (v := r.vals.get(key)) and not v.empty]
        if len(body) < 2 or any(
            v.lenient or len(v.spans) != 1 or v.decimals or (v.spans[0].mid() % 1000) != 0 for v in body
        ):
            continue
        for v in vals:
            if len(v.spans) == 1 and not v.decimals and not v.lenient:
                m = v.spans[0].mid()
                v.spans = [Span(m, m)]
                v.total_spans = [Span(m, m)]


def _numeric_columns(table: Table, styles: dict[int, NumberStyle | None]) -> dict[int, list[Figure]]:
    out = {}
    for c, name in enumerate(table.columns):
        head = name.split(" / ")[-1].strip()
        if _NOT_SUMMABLE.search(name) or not re.search(r"[A-Za-z]{2}", head) or len(head) > 60:
            continue  # no usable header: the table was probably not read whole
        figs = [parse_figure(t, style=styles.get(c), column_hint=name) for t in table.column_text(c)]
        nums = [f for f in figs if f.value is not None and f.kind in (FigureKind.NUMBER, FigureKind.RUPIAH)]
        if any(f.kind == FigureKind.PERCENT for f in figs) or len(nums) < 2:
            continue
        missing = sum(1 for f in figs if f.is_missing and f.raw.strip())
        texts = [t for t in table.column_text(c) if t.strip()]
        if len(nums) + missing < 0.6 * len(texts):
            continue
        out[c] = figs
    return out


def table_panels(table: Table) -> list[Panel]:
    """Panels of a table read from its cells: each run of numeric columns with the text column to its left
    (a side-by-side table "Unsur | PNS | Unsur | PPNPN" gives two panels)."""
    if not table.rows or table.n_cols < 2:
        return []
    styles = {c: infer_style(table.column_text(c)) for c in range(table.n_cols)}
    numeric = _numeric_columns(table, styles)
    if not numeric:
        return []
    no_col = _no_column(table)
    panels = []
    c = 0
    while c < table.n_cols:
        label_cols = []
        while c < table.n_cols and c not in numeric:
            if c != no_col:
                label_cols.append(c)
            c += 1
        cols = []
        while c < table.n_cols and c in numeric:
            cols.append(c)
            c += 1
        if not cols or not label_cols:
            continue
        marker_col = no_col if no_col is not None and no_col < label_cols[0] else None
        panel = _panel(table, label_cols, marker_col, cols, numeric)
        if panel is not None:
            panels.append(panel)
    return panels


def _panel(
    table: Table, label_cols: list[int], no_col: int | None, cols: list[int], numeric: dict[int, list[Figure]]
) -> Panel | None:
    money_cols = {c for c in cols if any(f.kind == FigureKind.RUPIAH for f in numeric[c])}
    code_cols = [c for c in _code_columns(table) if c < cols[0]]
    label_cols = [c for c in label_cols if c not in code_cols] or label_cols
    rows: list[Row] = []
    for r, cells in enumerate(table.rows):
        texts = [cells[c].text.strip() for c in label_cols if c < len(cells)]
        label = next((t for t in texts if t), "")
        label_col = next((c for c in label_cols if c < len(cells) and cells[c].text.strip()), label_cols[0])
        marker = _marker_cell(table, r, no_col)
        total_text = next((t for t in reversed(texts) if _is_total_label(t, marker)), None)
        if total_text:
            label = total_text
        if label and len({cells[c].text.strip() for c in cols if c < len(cells)} | set(texts) - {""}) == 1:
            continue  # a heading merged over the whole row
        vals = {}
        for c in cols:
            cell = cells[c]
            fig = numeric[c][r]
            prov = Provenance(
                page=cell.page or table.page,
                bbox=cell.bbox,
                raw=cell.text,
                table_id=table.id,
                row=r,
                col=c,
                column_name=table.columns[c],
            )
            if (
                cell.text.strip()
                and (fig.value is None and not fig.is_missing)
                and _is_total_label(cell.text)
            ):
                continue  # the total label spread over value cells
            vals[str(c)] = make_val(fig, prov, money=c in money_cols)
        if not label and not marker and all(v.empty for v in vals.values()):
            continue
        if not marker:
            marker, label = _marker_from_label(label)
        total = (
            "total" if (_is_total_label(label, marker) or (not label and _is_total_label(marker))) else None
        )
        if label and (_AVERAGE.match(label) or _is_share(label, vals)):
            continue
        prov = Provenance(
            page=cells[label_col].page or table.page,
            bbox=cells[label_col].bbox,
            raw=label,
            table_id=table.id,
            row=r,
        )
        code = _split_code(table, r, code_cols) or _code_of(None, label)
        rows.append(Row(r, label, marker, code, None, total, vals, prov))
    body = [r for r in rows if not r.total and r.label]
    if not body or sum(1 for r in body if _SCORE_ROW.match(r.label)) > len(body) / 2:
        return None  # indicator rows (indices, percentages, rates): their values do not add up
    if table.kind not in INDICATOR_KINDS:
        _mark_unlabeled_total(rows, whole_only=True)
    _mark_grand_total(rows)
    if not any(r.total for r in rows):
        return None
    columns = {str(c): table.columns[c] for c in cols}
    if money_cols:
        _exact_thousands(rows, {str(c): "" for c in money_cols})
    return Panel(table, rows, columns)


# ----------------------------------------------------------------------------------------------- structure


def _marker_kind(m: str, roman: bool) -> str:
    m = m.strip().rstrip(".)").strip()
    if not m:
        return ""
    if re.fullmatch(r"[IVX]{2,4}", m) or (roman and m in ("I", "V", "X")):
        return "R"
    if re.fullmatch(r"[A-Z]", m):
        return "A"
    if re.fullmatch(r"[a-z]", m):
        return "a"
    if re.fullmatch(r"\d+(\.\d+)+", m):
        return f"d{m.count('.') + 1}"
    if re.fullmatch(r"\d+", m):
        return "1"
    return "-"


def _code_kind(code: str | None) -> str:
    if not code:
        return ""
    if re.fullmatch(r"\d{3}", code):
        return "c3"
    if re.fullmatch(r"\d{4,}", code):
        return "c4"
    if re.fullmatch(r"[\d.]+", code):
        return f"cd{code.count('.') + 1}"
    return "cx"


def _keyword(label: str) -> int:
    for pattern, rank in _KEYWORDS:
        if pattern.match(label):
            return rank
    return 5


def _first_seen(kinds: list[str]) -> list[int]:
    order: dict[str, int] = {}
    for k in kinds:
        order.setdefault(k, len(order))
    out = []
    for k in kinds:
        # Dotted numbers nest by their number of parts whatever came first.
        if k.startswith("d") or k.startswith("cd"):
            out.append(100 + int(k.lstrip("cd")))
        else:
            out.append(order[k])
    return out


def candidate_depths(rows: list[Row]) -> list[tuple[str, list[int]]]:
    """Depth vectors (for the non-total rows) that the table's markers allow, most plausible first."""
    body = [r for r in rows if not r.total]
    roman = any(re.fullmatch(r"[IVX]{2,4}\.?", r.marker.strip()) for r in body)
    markers = _first_seen([_marker_kind(r.marker, roman) for r in body])
    # An unnumbered row under numbered ones is a sub-row (a component) of the row above.
    codes = _first_seen([_code_kind(r.code) for r in body])
    keywords = [_keyword(r.label) for r in body]
    named = {k for k in keywords if k < 5}
    if named:  # a label without a keyword sits under the deepest named level, or on the kegiatan level
        plain = 3 if 3 in named else max(named) + 1
        keywords = [plain if k == 5 else k for k in keywords]
    levels = [r.level if r.level is not None else 1 for r in body]
    singles = [("level", levels), ("marker", markers), ("code", codes), ("keyword", keywords)]
    varied = [(n, d) for n, d in singles if len(set(d)) > 1]
    cands: list[tuple[str, list[int]]] = []
    for i, (n1, d1) in enumerate(varied):
        cands.append((n1, d1))
        for n2, d2 in varied[i + 1 :]:
            cands.append((f"{n1}+{n2}", [a * 1000 + b for a, b in zip(d1, d2, strict=True)]))
            cands.append((f"{n2}+{n1}", [b * 1000 + a for a, b in zip(d1, d2, strict=True)]))
    if len(varied) > 2:
        cands.append(
            (
                "all",
                [
                    sum(d[k] * 1000 ** (len(varied) - j) for j, (_, d) in enumerate(varied))
                    for k in range(len(body))
                ],
            )
        )
    cands.append(("flat", [0] * len(body)))
    seen, out = set(), []
    for name, d in cands:
        # Only the order of depths matters.
        ranks = {v: k for k, v in enumerate(sorted(set(d)))}
        norm = tuple(ranks[v] for v in d)
        if norm not in seen:
            seen.add(norm)
            out.append((name, list(norm)))
    return out


@dataclass(slots=True)
class Node:
    row: Row
    children: list[Node] = field(default_factory=list)
    closed: bool = True  # a following row or a total shows the group is complete on this table
    trivial: bool = False  # the only child of the row above, printing the same amounts


@dataclass(slots=True)
class Check:
    """One claimed sum: ``row`` prints the total of ``parts`` (nodes or earlier total rows)."""

    row: Row
    parts: list[Node]
    kind: str  # "subtotal" | "total"
    alternatives: list[list[Node]] = field(default_factory=list)
    open_parts: bool = False  # rows summed may be missing (above the table as read, or a numbering gap)


def _same_values(a: Row, b: Row) -> bool:
    keys = [k for k, v in a.vals.items() if v.spans and not v.empty]
    return (
        bool(keys)
        and all(k in b.vals and b.vals[k].spans and b.vals[k].spans[0] == a.vals[k].spans[0] for k in keys)
        and len(keys) == sum(1 for v in b.vals.values() if v.spans and not v.empty)
    )


def build_checks(
    rows: list[Row],
    depths: list[int],
    truncated_top: bool = False,
    chain: bool = False,
    continues: bool = True,
) -> list[Check]:
    """The sums a structure claims: each parent = its children; each total row = the top-level rows since
    the previous total (or all rows before it, or the earlier totals). With ``chain``, a row printing the
    same amounts as the row just above is that row's only child ("Pendapatan Asli Daerah" over "Lain-lain
    PAD yang sah" over "Pendapatan BLUD")."""
    checks: list[Check] = []
    depth_of = {id(r): d for r, d in zip([r for r in rows if not r.total], depths, strict=True)}
    top_all: list[Node] = []
    top_seg: list[Node] = []
    totals: list[Node] = []
    stack: list[tuple[float, Node]] = []
    last_body = max((k for k, r in enumerate(rows) if not r.total), default=-1)
    has_total_after = [any(r.total for r in rows[k + 1 :]) for k in range(len(rows))]
    for k, row in enumerate(rows):
        if row.total:
            seg, before, subtotals = list(top_seg), list(top_all), list(totals)
            alts = [before, subtotals, subtotals + seg]
            if not seg:
                alts.append([Node(Row(-1, "", "", None, None, None, {}, row.prov))])  # nothing: zero
                if totals:
                    alts.append([totals[-1]])  # the total above printed again
            first_total = not totals
            checks.append(
                Check(
                    row,
                    seg or subtotals,
                    "total",
                    [a for a in alts if a],
                    open_parts=truncated_top and first_total,
                )
            )
            node = Node(row)
            totals.append(node)
            top_seg = []
            stack = []
            continue
        d: float = depth_of[id(row)]
        node = Node(row)
        above = stack[-1][1].row if stack else None
        if (
            chain
            and above is rows[k - 1]
            and depth_of[id(row)] >= depth_of[id(above)]
            and _same_values(above, row)
            and (_marker_kind(above.marker, False) != _marker_kind(row.marker, False) or not row.marker)
        ):
            d = stack[-1][0] + 0.001
            node.trivial = True
        while stack and stack[-1][0] >= d:
            stack.pop()
        if stack:
            stack[-1][1].children.append(node)
        else:
            top_seg.append(node)
            top_all.append(node)
        stack.append((d, node))
        if k == last_body and not has_total_after[k] and continues:
            for _, n in stack:
                n.closed = False  # the group may go on in a table the extractor did not join
    for node in _walk(top_all):
        if node.children and node.closed:
            gap = _numbering_gap(node.row, [c.row for c in node.children])
            checks.append(Check(node.row, node.children, "subtotal", open_parts=gap))
    if rows and rows[0].total:
        # Totals printed above their parts ("TOTAL APBD" first, then its items): which rows each one
        # covers is not shown by position; only the parent rows are checked.
        checks = [c for c in checks if c.kind != "total"]
    return checks


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for n in nodes:
        yield n
        yield from _walk(n.children)


# ----------------------------------------------------------------------------------------------- arithmetic


def _effective(node: Node, key: str, reading: int, deep: bool = False) -> Span | None:
    """The amount a node contributes to its parent: its printed value, else the sum of its children. With
    ``deep`` a node with children contributes their sum even when it prints its own (so a wrong subtotal is
    reported once, not again in every total above it)."""
    v = node.row.vals.get(key)
    if v is not None and not (v.empty and node.children) and not (deep and node.children):
        if not v.spans:
            return None
        return v.spans[min(reading, len(v.spans) - 1)]
    if node.children:
        parts = [_effective(c, key, reading, deep) for c in node.children]
        if any(p is None for p in parts):
            return None
        return sum_span([p for p in parts if p is not None])
    return ZERO


@dataclass(slots=True)
class Outcome:
    check: Check
    key: str
    ok: bool
    parts: list[Node]
    total: Val
    sum: Span | None


def evaluate(check: Check, key: str) -> Outcome | None:
    """Whether the printed total of ``check`` in column ``key`` meets the sum of its parts under some reading
    and some of the alternatives; None when the column cannot be checked there."""
    total = check.row.vals.get(key)
    if total is None or total.empty or not total.total_spans:
        return None
    options = [check.parts, *check.alternatives]
    first: Span | None = None
    checked = False
    for parts in options:
        if not any(
            (key in p.row.vals and not p.row.vals[key].empty) or p.children or p.row.index < 0 for p in parts
        ):
            continue
        for reading, deep in ((0, False), (1, False), (0, True)):
            spans = [_effective(p, key, reading, deep) for p in parts]
            if any(s is None for s in spans):
                break
            s = sum_span([x for x in spans if x is not None])
            checked = True
            if first is None:
                first = s
            if deep and not any(p.children for p in parts):
                continue
            tot = total.total_spans[min(reading, len(total.total_spans) - 1)]
            if s.overlaps(tot) or any(s.overlaps(t) for t in total.total_spans):
                return Outcome(check, key, True, parts, total, s)
            if check.open_parts and s.hi < tot.lo:
                return None  # the missing rows above may make up the difference
    if not checked:
        return None
    return Outcome(check, key, False, check.parts, total, first)


def _prefix_parts(check: Check, keys: dict[str, str]) -> list[Outcome] | None:
    """A parent whose children do not add up in any column, but whose first children do in some: the later
    ones belong under a row the table as read lacks (a program row lost in extraction). Re-evaluate every
    column against that shorter run of children."""
    for n in range(len(check.parts) - 1, 0, -1):
        trial = Check(check.row, check.parts[:n], check.kind)
        results = [o for key in keys if (o := evaluate(trial, key)) is not None]
        if any(o.ok for o in results):
            return results
    return None


@dataclass(slots=True)
class Verdict:
    name: str
    outcomes: list[Outcome]

    @property
    def failed_rows(self) -> set[int]:
        return {o.check.row.index for o in self.outcomes if not o.ok}

    @property
    def ok_rows(self) -> set[int]:
        """Rows whose sum holds (a parent over its one identical child proves nothing and is not counted)."""
        ok = {
            o.check.row.index
            for o in self.outcomes
            if o.ok and not (len(o.parts) == 1 and o.parts[0].trivial)
        }
        return ok - self.failed_rows


def judge(panel: Panel) -> Verdict | None:
    """The structure to report against, or None when some plausible structure makes everything add up."""
    verdicts = []
    for (name, depths), chain in itertools.product(candidate_depths(panel.rows), (False, True)):
        outcomes = []
        for check in build_checks(panel.rows, depths, panel.truncated_top, chain, panel.continues):
            results = [o for key in panel.columns if (o := evaluate(check, key)) is not None]
            if check.kind == "subtotal" and len(check.parts) > 1 and not any(o.ok for o in results):
                results = _prefix_parts(check, panel.columns) or results
            outcomes += results
        verdicts.append(Verdict(name + ("+chain" if chain else ""), outcomes))
    if not any(v.outcomes for v in verdicts):
        return None
    if any(v.ok_rows and not v.failed_rows for v in verdicts):
        return None
    best = max(verdicts, key=lambda v: (len(v.ok_rows) - len(v.failed_rows), len(v.ok_rows)))
    fails, oks = len(best.failed_rows), len(best.ok_rows)
    if not fails or fails > max(1, oks):
        return None  # no sum at all, or a structure that explains less than it contradicts
    return best


# ----------------------------------------------------------------------------------------------- findings


def table_title(table: Table, lang: str = "id") -> str:
    """How a finding names a table: its printed title ("Tabel 3.2 ...") when it has one, else its kind."""
    cap = (table.caption or "").strip()
    if re.match(r"^(tabel|table)\b", cap, re.IGNORECASE):
        return cap if len(cap) <= 70 else cap[:67].rstrip() + "..."
    return table_name(table.kind, lang)


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3].rstrip() + "..."


def _row_name(row: Row) -> str:
    name = row.label or row.marker or f"baris {row.index + 1}"
    marked = row.marker and row.label and not row.label.startswith(row.marker.strip())
    return _short(f"{row.marker} {name}" if marked else name, 45)


def _rows_text(nodes: list[Node], limit: int) -> str:
    names = [_row_name(n.row) for n in nodes]
    if len(names) > limit:
        names = [*names[: limit - 1], f"... {len(names) - limit + 1} baris lain"]
    return "; ".join(names)


def _fmt_sum(s: Span, decimals: int, lenient: bool, style: str) -> str:
    return show_like(s.mid(), decimals if not lenient else 0, style)


def _truncated_top(panel: Panel, tables: list[Table]) -> bool:
    """Whether rows may be missing above the first row read: numbering that does not start at 1 / A / I, or
    a table of as many columns ending on the page before (a continuation the extractor did not join)."""
    body = [r for r in panel.rows if not r.total]
    if body:
        first = body[0].marker.strip().rstrip(".)")
        if (first.isdigit() and first not in ("0", "1")) or (
            len(first) == 1 and first.isalpha() and first not in "AaIi"
        ):
            return True
    t = panel.table
    k = next((i for i, x in enumerate(tables) if x.id == t.id), None)
    if k:
        prev = tables[k - 1]
        ends = max(prev.pages or [prev.page])
        return (
            ends == t.page - 1
            and prev.n_cols == t.n_cols
            and not any(_is_total_label(" ".join(c.text for c in row[:3])) for row in prev.rows[-2:])
        )
    return False


def _continues(panel: Panel, tables: list[Table]) -> bool:
    """Whether the table may go on in the next table read (same number of columns, starting on the page
    after its last one or the same page)."""
    t = panel.table
    k = next((i for i, x in enumerate(tables) if x.id == t.id), None)
    if k is None:
        return True
    if k + 1 >= len(tables):
        return False
    nxt = tables[k + 1]
    return nxt.page <= max(t.pages or [t.page]) + 1 and nxt.n_cols == t.n_cols


def sum_findings(report: Report) -> list[tuple[Panel, Verdict]]:
    """Every panel of the report whose sums do not add up, with the structure reported against."""
    out = []
    budget = budget_panels(report)
    done = {p.table.id for p in budget}
    panels = budget + [p for t in report.tables if t.id not in done for p in table_panels(t)]
    for panel in panels:
        panel.truncated_top = _truncated_top(panel, report.tables)
        panel.continues = _continues(panel, report.tables)
        verdict = judge(panel)
        if verdict is not None:
            out.append((panel, verdict))
    return out


def _explained(o: Outcome, explained: set[tuple[str | None, int | None, Decimal]]) -> bool:
    """Whether a column total's difference is exactly that of a row whose own total cell is wrong (one wrong
    cell in a "Total" column makes that column's total fail too: the row is the finding)."""
    if o.sum is None or not o.total.spans:
        return False
    diff = o.sum.mid() - o.total.spans[0].mid()
    return (o.total.prov.table_id, o.total.prov.col, diff) in explained


def _vertical_hits(
    report: Report, limit: int, explained: set[tuple[str | None, int | None, Decimal]]
) -> Iterator[Hit]:
    for panel, verdict in sum_findings(report):
        failed: dict[int, list[Outcome]] = {}
        for o in verdict.outcomes:
            if not o.ok and not _explained(o, explained):
                failed.setdefault(o.check.row.index, []).append(o)
        title = table_title(panel.table)
        for _, outs in sorted(failed.items()):
            row = outs[0].check.row
            parts = outs[0].parts
            found, expected, cols, locs = [], [], [], []
            for o in outs:
                col = panel.columns[o.key]
                cols.append(_short(col, 30))
                found.append(o.total.printed)
                lenient = any(p.row.vals.get(o.key) and p.row.vals[o.key].lenient for p in o.parts)
                expected.append(_fmt_sum(o.sum, o.total.decimals, lenient, o.total.style) if o.sum else "?")
                locs.append(Location(o.total.prov, f"{title}: {row.label or 'total'} ({col})"))
                for p in o.parts:
                    v = p.row.vals.get(o.key)
                    if v is not None and not v.empty:
                        locs.append(Location(v.prov, f"{_row_name(p.row)} ({col})"))
            kind = outs[0].check.kind
            unlabeled = row.total == "unlabeled"
            yield Hit(
                facts={
                    "table": title,
                    "table_en": table_title(panel.table, "en"),
                    "page": row.prov.page,
                    "row": _row_name(row) if not unlabeled else "baris terakhir (tanpa label)",
                    "column": ", ".join(cols),
                    "rows": _rows_text(parts, limit),
                    "n_rows": len(parts),
                    "what": "subtotal" if kind == "subtotal" else "total",
                },
                locations=locs[:40],
                expected=" / ".join(expected),
                found=" / ".join(found),
                evidence={
                    "structure": verdict.name,
                    "rows_summed": [p.row.index for p in parts],
                    "sum_interval": [[str(o.sum.lo), str(o.sum.hi)] if o.sum else None for o in outs],
                    "convention": "each printed figure stands for its rounding interval "
                    "(± half its last digit); the total may be rounded or truncated",
                    "unlabeled_total_row": unlabeled,
                    "total_cells": [
                        [o.total.prov.table_id, o.total.prov.row, o.total.prov.col] for o in outs
                    ],
                },
                key=("v", panel.table.id, row.index),
            )


# ----------------------------------------------------------------------------------------------- columns


def _homogeneous(names: list[str]) -> bool:
    """Addend columns of one kind: "TW I".."TW IV", "Angk. 1".."Angk. 3", "L"/"P", one group header."""
    norm = []
    for n in names:
        last = n.split(" / ")[-1].lower()
        last = re.sub(r"\b(?:[ivx]{1,4})\b|\d+|[^a-z]+", " ", last)
        norm.append(" ".join(last.split()))
    if len(set(norm)) == 1:
        return True
    if {x[:1] for x in norm} == {"l", "p"} and len(norm) == 2:
        return True
    groups = {n.split(" / ")[0] for n in names}
    return len(groups) == 1 and all(" / " in n for n in names)


def _horizontal_hits(report: Report) -> Iterator[Hit]:
    for table in report.tables:
        if table.kind in (TableKind.BUDGET_REALISATION, TableKind.PK_BUDGET, TableKind.RINCIAN_OUTPUT):
            continue
        yield from _total_columns(table)


def _total_columns(table: Table) -> Iterator[Hit]:
    styles = {c: infer_style(table.column_text(c)) for c in range(table.n_cols)}
    for tc, name in enumerate(table.columns):
        last = name.split(" / ")[-1]
        if not _TOTAL_COLUMN.match(last) or tc < 2:
            continue
        addends = []
        c = tc - 1
        while c >= 0 and not _TOTAL_COLUMN.match(table.columns[c].split(" / ")[-1]):
            figs = [parse_figure(t, style=styles[c]) for t in table.column_text(c)]
            if _NOT_SUMMABLE.search(table.columns[c]) or not any(
                f.value is not None and f.kind == FigureKind.NUMBER for f in figs
            ):
                break
            addends.insert(0, c)
            c -= 1
        if len(addends) < 2 or not _homogeneous([table.columns[a] for a in addends]):
            continue
        results = []
        for r, cells in enumerate(table.rows):
            tot = parse_figure(cells[tc].text, style=styles[tc])
            if tot.value is None or tot.kind != FigureKind.NUMBER:
                continue
            vals = []
            for a in addends:
                f = parse_figure(cells[a].text, style=styles[a])
                if f.value is not None and f.kind == FigureKind.NUMBER:
                    vals.append((a, f, input_span(f)))
                elif f.is_missing:
                    vals.append((a, f, ZERO))
                else:
                    vals = []
                    break
            if not vals or all(s is ZERO for _, _, s in vals):
                continue
            total_span = _spans(tot)[1][0]
            s = sum_span([x for _, _, x in vals])
            nonzero = [x for _, _, x in vals if x is not ZERO]
            ok = s.overlaps(total_span) or nonzero[-1].overlaps(total_span)  # a running (cumulative) figure
            results.append((r, ok, tot, vals, s))
        good = sum(1 for x in results if x[1])
        bad = [x for x in results if not x[1]]
        if not bad or len(bad) > max(1, good // 3):
            continue  # the column is not the sum of these columns
        title = table_title(table)
        for r, _, tot, vals, s in bad:
            cells = table.rows[r]
            label = next(
                (
                    c.text
                    for c in cells[: addends[0]]
                    if c.text.strip() and not re.fullmatch(r"\d{1,3}\.?", c.text.strip())
                ),
                f"baris {r + 1}",
            )

            def prov(c: int, r: int = r, cells: list = cells) -> Provenance:
                return Provenance(
                    page=cells[c].page or table.page,
                    bbox=cells[c].bbox,
                    raw=cells[c].text,
                    table_id=table.id,
                    row=r,
                    col=c,
                    column_name=table.columns[c],
                )

            yield Hit(
                facts={
                    "table": title,
                    "table_en": table_title(table, "en"),
                    "page": cells[tc].page or table.page,
                    "row": _short(label, 45),
                    "column": _short(name, 30),
                    "rows": "; ".join(_short(table.columns[a], 25) for a in addends),
                    "n_rows": len(addends),
                    "what": "total",
                },
                locations=[Location(prov(tc), f"{title}: {name}")]
                + [Location(prov(a), table.columns[a]) for a, _, _ in vals],
                expected=show_like(s.mid(), tot.decimals or 0, style_of(tot)),
                found=tot.raw,
                evidence={
                    "structure": "total column = sum of the columns before it",
                    "columns_summed": [table.columns[a] for a in addends],
                    "sum_interval": [str(s.lo), str(s.hi)],
                    "rows_consistent": good,
                    "difference": str(tot.value - s.mid()) if tot.value is not None else "0",
                },
                key=("h", table.id, r, tc),
            )


@primitive("table_totals", max_listed_rows=8)
def table_totals(report: Report, params: dict[str, Any]) -> Iterator[Hit]:
    """Every total and subtotal row (budget tables and count tables) must equal the sum of the rows it
    stands for, and a "Total"/"Jumlah" column the sum of the like columns before it (quarters, cohorts,
    L/P). The sum structure is inferred from levels, numbering, codes and heading rows; when any plausible
    structure makes every sum add up the table is consistent. Amounts are intervals from their printed
    precision (Rupiah ±0.5); a total is wrong only when the intervals cannot meet."""
    limit = int(params.get("max_listed_rows") or 8)
    horizontal = list(_horizontal_hits(report))
    explained = {
        (h.locations[0].provenance.table_id, h.locations[0].provenance.col, Decimal(h.evidence["difference"]))
        for h in horizontal
    }
    cells = set()
    for hit in _vertical_hits(report, limit, explained):
        cells |= {tuple(c) for c in hit.evidence["total_cells"]}
        yield hit
    for hit in horizontal:
        p = hit.locations[0].provenance
        if (p.table_id, p.row, p.col) not in cells:  # the same printed total, already reported
            yield hit
