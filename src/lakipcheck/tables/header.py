"""Header rows: find them, drop column-number rows, flatten multi-row headers to "2023 / Target"."""

from __future__ import annotations

import re

from lakipcheck.tables.grid import RawTable

MAX_HEADER_ROWS = 5

_KEYWORDS = (
    "no",
    "nomor",
    "uraian",
    "sasaran",
    "indikator",
    "kinerja",
    "target",
    "realisasi",
    "capaian",
    "satuan",
    "program",
    "kegiatan",
    "anggaran",
    "pagu",
    "alokasi",
    "serapan",
    "daya serap",
    "persentase",
    "keterangan",
    "tw",
    "triwulan",
    "tahun",
    "renstra",
    "kode",
    "volume",
    "output",
    "komponen",
    "ikk",
    "iku",
    "ikp",
    "tujuan",
    "strategis",
    "formula",
    "rumus",
    "sumber",
    "data",
    "predikat",
    "nilai",
    "kondisi",
    "awal",
    "akhir",
    "rencana",
    "aksi",
    "jumlah",
    "total",
    "kab",
    "kota",
    "interpretasi",
    "unsur",
    "wilayah",
    "nama",
    "analisis",
    "%",
    "rp",
    "(rp)",
    "sisa",
    "efisiensi",
    "tingkat",
    "pk",
    "perjanjian",
)
_KEYWORD_RE = re.compile(r"(?<![a-z])(" + "|".join(re.escape(k) for k in _KEYWORDS) + r")(?![a-z])")
_NUMERIC = re.compile(r"^[\(\-–]?\s*(rp\.?\s*)?[\d][\d.,\s]*\s*%?\)?$", re.IGNORECASE)
_YEAR = re.compile(r"^(19|20)\d{2}$")
_GRADE = re.compile(r"^(AA|A|BB|B|CC|C|D)$")
# "≥ 100 %", "Lebih dari 100 %": a value or a scale step, not a header ("Target (%)" has no figure; a
# formula's "x 100%" does not count).
_COMPARISON = re.compile(r"[<>≥≤]\s*\d|(?<![\d.,*x×])(?<![*x×] )\d{2,}(?:[.,]\d+)?\s*%")
_COLNUM = re.compile(r"^\(?\d{1,2}\)?$|^\(?\d{1,2}\s*=\s*[\d\s/x:+-]+\)?$")


def is_numeric_text(text: str) -> bool:
    t = text.strip()
    return bool(t) and bool(_NUMERIC.match(t)) and not _YEAR.match(t)


def _is_numbering_row(texts: list[str]) -> bool:
    vals = [t.strip() for t in texts if t.strip()]
    if len(vals) < 2 or not all(_COLNUM.match(v) for v in vals):
        return False
    nums = [int(re.match(r"\(?(\d+)", v).group(1)) for v in vals]  # type: ignore[union-attr]
    return nums == sorted(nums) and nums[0] <= 2


def _is_header_row(texts: list[str]) -> bool:
    vals = [t.strip() for t in texts if t.strip()]
    if not vals:
        return False
    numeric = [v for v in vals if is_numeric_text(v)]
    # A header may carry one small integer (a "No" cell printed as "1"), never a data figure.
    if len(numeric) > 1 or any(not re.fullmatch(r"\d{1,2}\.?", v) for v in numeric):
        return False
    if any(len(v) > 90 or _COMPARISON.search(v) for v in vals):
        return False
    # Predicates as values ("BB | BB | A"): a data row of an indicator measured by a SAKIP grade.
    if sum(1 for v in vals if _GRADE.match(v)) >= 2:
        return False
    hits = sum(
        1
        for v in vals
        if _KEYWORD_RE.search(v.lower()) or _YEAR.match(v) or re.search(r"\b(19|20)\d{2}\b", v)
    )
    return hits >= max(1, len(vals) // 3)


def is_numbering_row(texts: list[str]) -> bool:
    """Column numbers under a header: "(1) (2) (3)", "1 2 3"."""
    return _is_numbering_row(texts)


def is_header_row(texts: list[str]) -> bool:
    """The cell texts read as a header row: header words or years, no data figures."""
    return _is_header_row(texts)


def is_group_row(texts: list[str]) -> bool:
    """A heading row inside the body: one text (a merged cell) across most of the row ("Sasaran 1: ...")."""
    vals = [t.strip() for t in texts if t.strip()]
    return len(texts) >= 3 and len(set(vals)) == 1 and len(vals) >= 0.6 * len(texts)


def split_header(raw: RawTable) -> tuple[list[str], list[list[str]], list[int]]:
    """Return (title rows, header rows as text, indices of body rows). Column-number rows ("(1) (2) (3)") are
    dropped. A title is a row spanning the whole width above the header ("CAPAIAN KINERJA TAHUN 2016")."""
    texts = raw.texts()
    if raw.n_header is not None:  # the layout says where the header ends
        n = raw.n_header
        header = [row for row in texts[:n] if not _is_numbering_row(row)]
        return [], header, [k for k in range(n, len(texts)) if not _is_numbering_row(texts[k])]
    titles: list[str] = []
    i = 0
    while (
        i < min(len(texts) - 1, 2)
        and is_group_row(texts[i])
        and _is_header_row(texts[i + 1])
        and len({t for t in texts[i] if t.strip()}) == 1
        and all(t.strip() for t in texts[i])
    ):
        titles.append(" ".join(texts[i][0].split()))
        i += 1
    header: list[list[str]] = []
    start = i
    while i < len(texts) and i - start < MAX_HEADER_ROWS:
        row = texts[i]
        if _is_numbering_row(row):
            i += 1
            break
        if is_group_row(row) or not _is_header_row(row):
            break
        header.append(row)
        i += 1
    # A merged cell running from the header into the body (a row label spanning every row) means those rows
    # were not a header.
    cells = raw.cells
    while (
        header
        and start + len(header) < len(cells)
        and any(
            a.bbox is not None and a.bbox is b.bbox
            for a, b in zip(cells[start + len(header) - 1], cells[start + len(header)], strict=False)
        )
    ):
        header.pop()
        i = start + len(header)
    if not header:
        titles, i = [], 0
    body = [k for k in range(i, len(texts)) if not _is_numbering_row(texts[k])]
    return titles, header, body


def flatten(header: list[list[str]], n_cols: int) -> list[str]:
    """One name per column: the distinct header texts top-down joined with " / "."""
    names: list[str] = []
    for j in range(n_cols):
        parts: list[str] = []
        for row in header:
            t = " ".join(row[j].split()) if j < len(row) else ""
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        names.append(" / ".join(parts))
    return names
