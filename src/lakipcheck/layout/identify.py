"""What a PDF is (LAKIP, a part of one, a PK, Renstra, LRA, ...), whose it is and which year it reports on.

Evidence comes from the cover (the first text page's top lines), the running headers/footers, the sections
found, and counts over the whole text. Nothing here keys on one document's names.
"""

from __future__ import annotations

import re
from collections import Counter

from lakipcheck.ingest import Document
from lakipcheck.layout.pages import DocLayout, PageInfo, analyse
from lakipcheck.layout.sections import find_sections
from lakipcheck.layout.text import clean, squash, upper_ratio
from lakipcheck.layout.types import DocKind, DocumentInfo, Section, SectionKind

_BABS = (SectionKind.BAB_I, SectionKind.BAB_II, SectionKind.BAB_III, SectionKind.BAB_IV)

_LAKIP_TITLES = ("LAPORANKINERJA", "LAPORANAKUNTABILITASKINERJA", "AKUNTABILITASKINERJAINSTANSIPEMERINTAH")
_LAKIP_ACRONYM = re.compile(r"(?<![A-Za-z])(LAKIP|LKIP|LKjIP|LKJIP|LKj|LKJ|LKiP|LKIp)(?![A-Za-z])")
_LAKIP_SQUASHED = ("LAKIP", "LKIP", "LKJIP")  # at the start of a squashed header: letter-spaced 'LKI P' too
_LRA_TITLES = ("LAPORANREALISASIANGGARAN",)
# "Triwulan II", "TW III", "Triwulan Ke-2" in the title of a quarterly performance report
_QUARTER = re.compile(
    r"TRIWULAN(?:KE)?-?(?:[IV]{1,3}|[1-4]|SATU|DUA|TIGA|EMPAT)|(?<![A-Z])TW(?:[IV]{1,3}|[1-4])(?![A-Z])"
)
# chapter titles only a performance report has (a Renstra or a Renja has other chapters)
_LAKIP_CHAPTERS = ("AKUNTABILITASKINERJA", "PERENCANAANKINERJA", "PERJANJIANKINERJA")
_RENJA_TITLES = (
    "EVALUASIRENJA",
    "EVALUASIHASILPELAKSANAANRENJA",
    "EVALUASIHASILRENJA",
    "EVALUASITERHADAPHASILRENJA",
    "EVALUASIRENCANAKERJA",
    "REALISASIKINERJAPADATRIWULAN",
)
_RENSTRA_TITLES = ("RENCANASTRATEGIS", "RENSTRA")
_PK_TITLES = ("PERJANJIANKINERJA", "PENETAPANKINERJA")
_RENAKSI_TITLES = ("RENCANAAKSI",)
_TITLE_WORDS = ("LAPORAN", "PERJANJIANKINERJA", "RENCANA", "PENETAPANKINERJA", "EVALUASI")
_NEWS_MARKERS = (
    re.compile(r"(?i)\b(penulis|reporter|editor|pewarta|sumber|foto)\s*:"),
    re.compile(r"(?i)\b[\w-]+\.(?:go\.id|co\.id|com|net|or\.id)\b"),
    re.compile(r"(?i)\b(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\b,?\s*(tanggal\s*)?\d{1,2}\b"),
    re.compile(r"(?i)\b(menggelar|digelar|berita|wartawan|dibuka secara resmi|acara ini)\b"),
)

_MONTHS = (
    r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november"
    r"|desember)"
)
_YEAR_SPACED = re.compile(
    r"(?i)\b(?:tahun|ta\.?|t\.a\.?)\s*(?:anggaran\s*)?((?:19|20)\d\s?\d)(?!\d)(?!\s*[-–]\s*(?:19|20)\d\d)"
    r"(?!\s*s\.?\s?/?d)"
)
_YEAR_SQUASHED = re.compile(r"(?:TAHUN|TA)(?:ANGGARAN)?((?:19|20)\d\d)")
_CITATION = re.compile(r"(?i)(nomor|nomer|no\.?|pasal|uu|perpres|pp)\s*[\w./-]*\s*$")
_DATE_BEFORE = re.compile(rf"(?i)\b{_MONTHS}\s*$")
_RANGE = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")

_AGENCY_HEADS = {
    "DINAS",
    "BADAN",
    "BIRO",
    "BALAI",
    "INSPEKTORAT",
    "SEKRETARIAT",
    "SATUAN",
    "KANTOR",
    "RUMAH",
    "RSUD",
    "RS",
    "PEMERINTAH",
    "BAPPEDA",
    "DIREKTORAT",
    "KEMENTERIAN",
    "LEMBAGA",
    "KECAMATAN",
    "KELURAHAN",
    "PERWAKILAN",
    "KEJAKSAAN",
    "PENGADILAN",
    "KEPOLISIAN",
    "UPT",
}
_REGION_WORDS = {"PROVINSI", "PROPINSI", "PROV", "PROV.", "KABUPATEN", "KAB", "KAB.", "KOTA"}
_CONNECTORS = {"dan", "&", "serta"}
_NAME_STOP = {
    "TAHUN",
    "NOMOR",
    "TENTANG",
    "TA",
    "T.A",
    "T.A.",
    "LAPORAN",
    "PERJANJIAN",
    "RENCANA",
    "JALAN",
    "JL.",
    "JLN.",
    "TELP",
    "TELP.",
    "DALAM",
    "SELAKU",
    "SELANJUTNYA",
    "DENGAN",
    "PADA",
    "BERDASARKAN",
}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9.'’&/-]*,?|&")
_PARENS = re.compile(r"\([^)]{0,40}\)")
_SMALL = {"dan", "di", "ke", "dari", "yang", "untuk", "serta"}


def identify(
    doc: Document, sections: list[Section] | None = None, layout: DocLayout | None = None
) -> DocumentInfo:
    """Classify the document and read its agency, report year and title."""
    layout = layout or analyse(doc)
    if sections is None:
        sections = find_sections(doc, layout)
    n_pages = len(doc.pages)
    scanned = len(doc.scanned_pages)
    text_pages = [p for p in layout.pages if p.has_text and p.lines]
    if not text_pages or scanned >= 0.5 * n_pages:
        share = scanned / n_pages if n_pages else 1.0
        return DocumentInfo(
            DocKind.SCANNED,
            confidence=0.9,
            reasons=[f"{scanned} of {n_pages} pages are images without a text layer ({share:.0%})"],
        )
    cover_lines = _cover_lines(text_pages[0])
    title = clean(" ".join(li.text for li in cover_lines))[:200] or None
    cover_sq = squash(title or "")
    furniture = _common_furniture(layout)
    furniture_sq = squash(" ".join(furniture))
    head_sq = squash(" ".join(li.text for p in text_pages[:2] for li in p.lines[:15]))
    body = [[li.text for li in p.lines] for p in text_pages]
    body_text = " ".join(" ".join(lines) for lines in body)

    kind, confidence, reasons = _classify(
        sections, cover_sq, head_sq, furniture_sq, body_text, title, furniture, n_pages
    )
    if furniture and not _has(cover_sq, _TITLE_WORDS) and not _LAKIP_ACRONYM.search(title or ""):
        title = furniture[0]  # the first page is a chapter or a table: the running header names the report
    agency = _agency(cover_lines, furniture, body)
    year = _year(kind, cover_lines, furniture, body)
    if agency:
        reasons.append(f"agency: {agency}")
    if year:
        reasons.append(f"report year: {year}")
    return DocumentInfo(kind, agency=agency, year=year, title=title, confidence=confidence, reasons=reasons)


def _cover_lines(page: PageInfo) -> list:
    """The title block: prominent or upper-case short lines at the top of the first text page."""
    out = []
    for li in page.lines[:20]:
        if li.toc:
            continue
        short = len(li.text) <= 110
        if short and (li.prominent or upper_ratio(li.text) >= 0.75 or li.centred):
            out.append(li)
        elif out and len(li.text) > 60:
            break
    return out[:10]


def _common_furniture(layout: DocLayout) -> list[str]:
    """Running header/footer texts seen on at least a quarter of the pages, most frequent first."""
    seen: Counter[str] = Counter()
    text_for: dict[str, str] = {}
    for page in layout.pages:
        for text, key in zip(page.furniture, page.furniture_keys, strict=True):
            if len(layout.furniture_pages.get(key, ())) >= max(2, 0.25 * layout.n_pages) and len(key) >= 8:
                seen[key] += 1
                text_for.setdefault(key, text)
    return [text_for[k] for k, _ in seen.most_common(6)]


def _has(text_sq: str, titles: tuple[str, ...]) -> bool:
    return any(t in text_sq for t in titles)


def _classify(
    sections: list[Section],
    cover_sq: str,
    head_sq: str,
    furniture_sq: str,
    body_text: str,
    title: str | None,
    furniture: list[str],
    n_pages: int,
) -> tuple[DocKind, float, list[str]]:
    kinds = {s.kind for s in sections}
    babs = [s for s in sections if s.kind in _BABS]
    n_bab = len({s.kind for s in babs})
    reasons: list[str] = []
    if babs:
        reasons.append(
            "chapters: " + ", ".join(f"{s.kind.name.replace('_', ' ')} p.{s.page_start}" for s in babs)
        )
    lakip_cover = _has(cover_sq, _LAKIP_TITLES) or bool(_LAKIP_ACRONYM.search(title or ""))
    lakip_cover = lakip_cover or _has(cover_sq[:12], _LAKIP_SQUASHED)
    lakip_header = _has(furniture_sq, _LAKIP_TITLES) or any(
        _has(squash(f)[:12], _LAKIP_SQUASHED) for f in furniture
    )
    lakip_mentions = len(_LAKIP_ACRONYM.findall(body_text)) + squash(body_text).count("LAPORANKINERJA")
    if lakip_cover:
        reasons.append(f"cover title names a performance report: {title!r}")
    if lakip_header:
        reasons.append("running header names a performance report")
    lakip_chapters = any(_has(squash(s.title), _LAKIP_CHAPTERS) for s in babs)
    if lakip_chapters and not (lakip_cover or lakip_header):
        reasons.append("chapter titles of a performance report")
    lakip_evidence = lakip_cover or lakip_header or lakip_mentions >= 3 or (lakip_chapters and n_bab >= 2)
    quarterly = bool(_QUARTER.search(cover_sq) or _QUARTER.search(head_sq[:400]))

    def is_title(titles: tuple[str, ...]) -> bool:
        return _has(cover_sq, titles) or (not cover_sq and _has(head_sq[:300], titles))

    if not babs and is_title(_LRA_TITLES):
        return DocKind.LRA, 0.9, [*reasons, "title: Laporan Realisasi Anggaran"]
    if not babs and (is_title(_RENJA_TITLES) or _has(head_sq[:600], _RENJA_TITLES)):
        return (
            DocKind.EVALUASI_RENJA,
            0.8,
            [*reasons, "title/header: evaluasi Renja / realisasi per triwulan"],
        )
    if is_title(_RENSTRA_TITLES) and not lakip_cover:
        return DocKind.RENSTRA, 0.85, [*reasons, "cover title: Rencana Strategis"]
    if n_bab >= 2 and lakip_evidence:
        conf = 0.7 + 0.05 * n_bab + (0.1 if lakip_cover or lakip_header else 0.0)
        if quarterly:
            return DocKind.LAKIP_TRIWULAN, min(conf, 0.95), [*reasons, "title names a quarter (triwulan)"]
        return DocKind.LAKIP, min(conf, 0.99), reasons
    if n_bab == 1 and (lakip_evidence or SectionKind.BAB_III in kinds):
        return DocKind.LAKIP_PART, 0.8, [*reasons, "only one chapter of the report"]
    if is_title(_RENAKSI_TITLES) or (kinds & {SectionKind.RENCANA_AKSI} and not babs and n_pages <= 20):
        return DocKind.RENCANA_AKSI, 0.85, [*reasons, "title: Rencana Aksi"]
    pk_sections = kinds & {SectionKind.PK, SectionKind.PK_AWAL, SectionKind.PK_AKHIR}
    if not babs and (is_title(_PK_TITLES) or pk_sections) and n_pages <= 15:
        return DocKind.PK, 0.85, [*reasons, "title: Perjanjian Kinerja, no report chapters"]
    hits = sum(1 for rx in _NEWS_MARKERS if rx.search(body_text))
    if not babs and hits >= 2 and n_pages <= 6:
        # before the lampiran test: a news page names "Laporan Kinerja" in its site menu or its story
        return (
            DocKind.NEWS,
            min(0.6 + 0.08 * hits, 0.9),
            [*reasons, f"news-article markers ({hits}): byline, date, site"],
        )
    if not babs and lakip_evidence and (SectionKind.LAMPIRAN in kinds or lakip_header or lakip_cover):
        return DocKind.LAKIP_PART, 0.7, [*reasons, "a lampiran of a performance report (no chapters)"]
    if n_bab >= 2:
        return DocKind.OTHER, 0.5, [*reasons, "chapters found but no performance-report title"]
    return DocKind.OTHER, 0.5, [*reasons, "no performance-report title or chapters"]


# ---------------------------------------------------------------- agency


def _display(name: str) -> str:
    name = clean(name).strip(" ,.&")
    name = re.sub(r"(?i)\bprov\.?(?=\s)", "Provinsi", name)
    name = re.sub(r"(?i)\bkab\.?(?=\s)", "Kabupaten", name)
    if upper_ratio(name) > 0.8:
        words = []
        for w in name.split():
            low = w.lower()
            letters = [c for c in low if c.isalpha()]
            vowels = sum(c in "aeiou" for c in letters)
            acronym = low not in _SMALL and (
                len(letters) <= 3 or vowels < 0.3 * len(letters) or any(c.isdigit() for c in w)
            )
            words.append(low if low in _SMALL else (w if acronym else w.capitalize()))
        name = " ".join(words)
    return name


def _agency_key(name: str) -> str:
    return squash(_display(name))


def _name_token(token: str) -> bool:
    word = token.rstrip(",")
    return word[:1].isupper() and word.upper() not in _NAME_STOP


def _agency_names(text: str) -> list[tuple[str, bool]]:
    """Agency names in a text, the region cut after 1, 2 and 3 words; the flag says a region was found."""
    tokens = _TOKEN.findall(_PARENS.sub(" ", text))
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        head = tokens[i].rstrip(",").upper()
        if head not in _AGENCY_HEADS or not tokens[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        region_at = None
        while j < len(tokens) and j - i <= 14:
            word = tokens[j].rstrip(",")
            if word.upper() in _REGION_WORDS:
                region_at = j
                break
            if not (_name_token(tokens[j]) or word.lower() in _CONNECTORS):
                break
            if word.upper() in _AGENCY_HEADS and j > i + 1:
                break  # "Direktorat Jenderal ... Balai Guru Penggerak ...": the next unit starts here
            if head == "PEMERINTAH":
                break  # "Pemerintah" names an agency only as "Pemerintah Provinsi/Kabupaten/Kota X"
            j += 1
        if region_at is not None:
            k = region_at + 1
            while k < len(tokens) and k - region_at <= 3 and _name_token(tokens[k]):
                out.append((" ".join(tokens[i : k + 1]), True))
                if tokens[k].endswith(","):
                    break
                k += 1
            i = max(k, i + 1)
        else:
            if j - i >= 2 and head != "PEMERINTAH":
                out.append((" ".join(tokens[i:j]), False))
            i = j if j > i else i + 1
    return out


def _agency(cover_lines: list, furniture: list[str], body: list[list[str]]) -> str | None:
    scores: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}

    def add(lines: list[str], weight: float, use_weak: bool = False) -> None:
        """Names line by line; a line naming an agency without its region is read on into the next lines."""
        skip_to = -1
        for i, line in enumerate(lines):
            if i <= skip_to:
                continue
            names = _agency_names(line)
            if names and not any(r for _, r in names):
                for extra in (1, 2):
                    nxt = lines[i + extra] if i + extra < len(lines) else ""
                    if _TOKEN.findall(nxt)[:1] and _TOKEN.findall(nxt)[0].upper() in _AGENCY_HEADS:
                        break  # the next line names another unit: do not run the two together
                    joined = [n for n in _agency_names(" ".join(lines[i : i + 1 + extra])) if n[1]]
                    if joined:
                        names, skip_to = joined, i + extra
                        break
            for name, has_region in names:
                key = _agency_key(name)
                if len(key) < 8 or (not has_region and not use_weak):
                    continue
                generic = key.startswith("PEMERINTAH")
                (scores if has_region else weak)[key] += weight * (0.4 if generic else 1.0)
                forms.setdefault(key, Counter())[_display(name)] += 1

    add([li.text for li in cover_lines], 6.0, use_weak=True)
    add(furniture, 4.0, use_weak=True)
    for i, page_lines in enumerate(body):
        add(page_lines, 0.5, use_weak=i == 0)
    if not scores:
        scores = weak
    if not scores:
        return None
    # a longer form of the same name (its full title before a shorter one) takes half the shorter one's votes
    for key in list(scores):
        for other in list(scores):
            if other != key and other.endswith(key) and not other.startswith(key):
                scores[other] += 0.8 * scores[key]
    best = max(scores, key=lambda k: (scores[k], -len(k)))
    # the region cut at 1, 2, 3 words: keep extending while the longer form is nearly as frequent
    while True:
        longer = [k for k in scores if k != best and k.startswith(best) and scores[k] >= 0.7 * scores[best]]
        if not longer:
            break
        best = min(longer, key=len)
    return forms[best].most_common(1)[0][0].rstrip(",")


# ---------------------------------------------------------------- year


def _years_in(text: str) -> list[int]:
    out = []
    for m in _YEAR_SPACED.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if _CITATION.search(before) or _DATE_BEFORE.search(before):
            continue
        out.append(int(m.group(1).replace(" ", "")))
    return out


def _year(kind: DocKind, cover_lines: list, furniture: list[str], body: list[list[str]]) -> int | None:
    votes: Counter[int] = Counter()
    cover_text = " ".join(li.text for li in cover_lines)
    if kind is DocKind.RENSTRA:
        m = _RANGE.search(cover_text)
        if m:
            return int(m.group(1))
    for y in _YEAR_SQUASHED.findall(squash(cover_text)):
        votes[int(y)] += 6
    for text in furniture:
        for y in _YEAR_SQUASHED.findall(squash(text)):
            votes[int(y)] += 4
    for page_lines in body:
        for y in _years_in(" ".join(page_lines)):
            votes[y] += 1
    votes = Counter({y: v for y, v in votes.items() if 1990 <= y <= 2100})
    if votes:
        return votes.most_common(1)[0][0]
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", cover_text)
    return int(m.group(1)) if m else None
