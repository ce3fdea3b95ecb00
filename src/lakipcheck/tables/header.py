"""Header rows: find them, drop column-number rows, flatten multi-row headers to "2023 / Target"."""

from __future__ import annotations

import re

from lakipcheck.tables.grid import RawTable
from lakipcheck.tables.types import Cell

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
    digits = [re.match(r"\(?(\d+)", v).group(1) for v in vals]  # type: ignore[union-attr]
    if any(d.startswith("0") for d in digits):
        return False  # "00 | 6": the last lines of amounts broken in narrow cells, not column numbers
    nums = [int(d) for d in digits]
    return nums == sorted(nums) and nums[0] <= 2


_ROW_CODE = re.compile(r"^\[?\s*(IKK|IKU|IKP|IKSS|IKS|SK|SS)\s*[-.]?\s*\d+(\.\d+)*\s*\]", re.IGNORECASE)


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
    if any(_ROW_CODE.match(v) for v in vals):
        return False  # "[IKK 2.1] Predikat SAKIP ...": an indicator's own row
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


_GROUP_NO = re.compile(r"^\(?(\d{1,2}(\.\d{1,2})*|[IVX]{1,4}|[A-Za-z])[.)]?$")


def is_group_row(texts: list[str]) -> bool:
    """A heading row inside the body: one text (a merged cell) across most of the row ("Sasaran 1: ..."),
    possibly after its number in the first column ("2 | Program Perencanaan Tata Ruang")."""
    if len(texts) < 3:
        return False
    vals = [t.strip() for t in texts if t.strip()]
    if len(set(vals)) == 1 and len(vals) >= 0.6 * len(texts):
        return True
    first = next((k for k, t in enumerate(texts) if t.strip()), 0)
    rest = [t.strip() for t in texts[first + 1 :]]
    return (
        first <= 1
        and bool(_GROUP_NO.match(texts[first].strip()))
        and len(set(rest)) == 1
        and len(rest) >= 2
        and len(re.findall(r"[A-Za-z]", rest[0])) >= 6
    )


def _spilled(texts: list[str]) -> bool:
    """A row under the header holding only the ends of a few cells whose record began on the page before
    ("menghasilkan lokasi", "Kab/Kota masyarakat pelaku usaha"): text going on in lower case, no header."""
    vals = [t.strip() for t in texts if t.strip()]
    return len(vals) <= len(texts) / 3 and bool(re.match(r"[a-z]{4,}", vals[0] if vals else ""))


def _title(texts: list[str]) -> str | None:
    """A title row above the header: one text merged across the whole width ("CAPAIAN KINERJA TAHUN 2016"),
    or across all but an end cell that holds a figure of its own ("Capaian Output Program | 100%"); not a
    group header over all columns but the first ("Indikator | Tahun 2020 | Tahun 2020")."""
    vals = [" ".join(t.split()) for t in texts]
    counts = {v: vals.count(v) for v in set(vals)}
    main = max(counts, key=lambda v: counts[v])
    others = [v for v in vals if v != main]
    if len(texts) < 3 or not re.search(r"[A-Za-z]{3}", main):
        return None
    odd = [j for j, v in enumerate(vals) if v != main]
    if not others or (
        len(others) == 1 and odd[0] in (0, len(vals) - 1) and is_numeric_text(others[0]) and len(vals) >= 4
    ):
        return main
    return None


_SHORT_HEAD = 15  # a header cell this short ("Trw I", "Ket.") need not hold a header word


def _header_runs_on(row: list[Cell], running: list[int]) -> bool:
    """The header row's cells that run on into the body are header words (or short labels), and a third of
    its cells or more (with text) close at the header's bottom."""
    closed = [c for j, c in enumerate(row) if j not in running and c.text.strip()]
    texts = [row[j].text.strip() for j in running if row[j].text.strip()]
    return len(closed) >= max(2, len(row) // 3) and all(_header_words(t) for t in texts)


def _header_words(text: str) -> bool:
    """Only header vocabulary ("SASARAN STRATEGIS", "Indikator Kinerja Sasaran"), or a short label ("Trw I"):
    not a row label that names something ("Meningkatnya kinerja pelayanan")."""
    if len(text) <= _SHORT_HEAD:
        return not is_numeric_text(text)
    words = re.findall(r"[a-z]{3,}", text.lower())
    return bool(words) and all(w in _KEYWORDS for w in words)


def _clear_copies(cells: list[list[Cell]], first: int, running: list[int], row: list[Cell]) -> None:
    """Empty the copies, in the body from row ``first`` on, of the header cells in columns ``running``."""
    for body_row in cells[first:]:
        for j in running:
            c = body_row[j]
            if c.bbox is not None and c.bbox is row[j].bbox:
                body_row[j] = Cell("", None, c.page)


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
    while i < min(len(texts) - 1, 2) and (title := _title(texts[i])) and _is_header_row(texts[i + 1]):
        titles.append(title)
        i += 1
    header: list[list[str]] = []
    start = i
    while i < len(texts) and i - start < MAX_HEADER_ROWS:
        row = texts[i]
        if _is_numbering_row(row):
            i += 1
            break
        if is_group_row(row) or not _is_header_row(row) or (header and _spilled(row)):
            break
        header.append(row)
        i += 1
    # A merged cell running from the header into the body (a row label spanning every row) means those rows
    # were not a header, unless the cells that run on are header words beside header cells that do close
    # (the rule under those cells is lost): their copies in the body are then no body text.
    cells = raw.cells
    while header and start + len(header) < len(cells):
        last, first = cells[start + len(header) - 1], cells[start + len(header)]
        running = [
            j
            for j, (a, b) in enumerate(zip(last, first, strict=False))
            if a.bbox is not None and a.bbox is b.bbox
        ]
        if not running:
            break
        if _header_runs_on(last, running):
            _clear_copies(cells, start + len(header), running, last)
            break
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
