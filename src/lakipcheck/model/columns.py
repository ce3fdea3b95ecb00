"""What each column of a classified table holds: a label (indicator, sasaran, code, unit) or a value role."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from lakipcheck.model.types import Role
from lakipcheck.tables.classify import capaian_as_realisasi
from lakipcheck.tables.types import TableKind

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_TW = re.compile(r"\b(?:tw|triwulan|trw)\s*[-./]?\s*(iv|i{1,3}|[1-4])\b", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROLE_WORD = re.compile(r"target|rencana|realisasi|capaian|capkin|%|persen|serapan")
_BUDGET_KINDS = (TableKind.BUDGET_REALISATION, TableKind.PK_BUDGET, TableKind.RINCIAN_OUTPUT)
_BUDGET_WORDS = re.compile(r"anggaran|\bpagu\b|serapan|keuangan|\bdana\b")
_SASARAN_PCT = re.compile(r"capaian\s+(kinerja\s+)?sasaran")


@dataclass(slots=True)
class ColumnRole:
    """A text column gets a ``label`` (indicator/sasaran/code/unit/no/kegiatan/other/polarity); a value
    column gets a ``role``."""

    index: int
    name: str
    label: str | None = None
    role: Role | None = None
    year: int | None = None
    quarter: int | None = None


def _year(name: str) -> int | None:
    years = [int(y) for y in _YEAR.findall(name)]
    return years[-1] if years else None


def _quarter(name: str) -> int | None:
    m = _TW.search(name)
    if not m:
        return None
    q = m.group(1).lower()
    return _ROMAN.get(q) or int(q)


# Columns that compare with another yardstick, not the year's own target: the national standard or target
# ("Standar Nasional", "Target Nasional", "Capaian Nasional").
_OTHER_YARDSTICK = re.compile(r"\b(standar|standard|nasional)\b")


def _label(n: str) -> str | None:
    if _OTHER_YARDSTICK.search(n) and not re.search(r"\b(target|realisasi|capaian) (kinerja|tahun)\b", n):
        return "other"  # "Standar Nasinal" beside "% Capaian" is the national standard, not the capaian
    if re.search(
        r"\b(analisis|keterangan|ket\.|interpretasi|formula|rumus|sumber data|penjelasan|kriteria)|"
        r"(?<!kategori )(?<!katagori )\bpenilaian",
        n,
    ):
        return "other"  # "Kategori Penilaian" may print the % capaian with its category: "63,36 % (Sedang)"
    if re.search(r"tingkat kemajuan|kemajuan capaian", n):
        return "other"  # "Tingkat Kemajuan": realisasi as a share of the Renstra end target, not the capaian
    if "terhadap" in n or "capaian" in n:
        return None  # "Capaian ... terhadap Indikator Kinerja": a value column that names the indicator
    if re.fullmatch(r"(no\.?|nomor|#)", n):
        return "no"
    if "indikator" in n or re.search(r"\b(ikk|iku|ikp|ikss)\b", n):
        return "indicator"
    if "sasaran" in n or "tujuan" in n:
        return "sasaran"
    if "kode" in n:
        return "code"
    if re.search(r"polaritas|polarity|sifat indikator|arah", n):
        return "polarity"
    if "satuan" in n:
        return "unit"
    if re.search(r"\b(program|kegiatan|uraian|ro\b|komponen|output|nama)", n):
        return "kegiatan"
    return None


_ANNUAL_ROLES = (Role.TARGET, Role.REALISASI, Role.CAPAIAN, Role.PK_TARGET)
_CUMULATIVE = re.compile(r"\b(s\.?\s?d\.?|sampai( dengan)?|kumulatif)\b")


def _drop_second_entity(cols: list[ColumnRole]) -> None:
    """A second indicator column to the right of the value columns ("Indikator Sasaran | Target | Program |
    Indikator Program | Target") names another indicator: the values after it are that one's, not the
    row's."""
    seen_value = False
    for c in cols:
        if c.role is not None:
            seen_value = True
        elif seen_value and c.label == "indicator":
            for later in cols[c.index + 1 :]:
                if later.role is not None:
                    later.role, later.label = None, "other"
            return


def _drop_quarters(cols: list[ColumnRole]) -> None:
    """"Target Triwulan I" … beside "Target Tahunan": a quarter's figure, not the year's. When the table also
    has annual value columns too, the quarterly ones get no role: a quarter's realisasi ("Capaian Triwulan
    III") is neither the year's realisasi nor its % capaian. A cumulative "s.d. TW IV" column keeps its
    role."""
    if not any(c.role in _ANNUAL_ROLES and not c.quarter for c in cols):
        return
    for c in cols:
        if c.quarter and c.role in _ANNUAL_ROLES and not _CUMULATIVE.search(c.name.lower()):
            c.role = None


def _percent_beside_realisasi(out: list[ColumnRole]) -> None:
    """"Tahun 2016 / Realisasi | Tahun 2016 / Realisasi %": the "%" twin right after a realisasi column
    holds that realisasi as a % of the target, the % capaian (alone, "Realisasi (%)" is a value in %)."""
    if any(c.role == Role.CAPAIAN for c in out):
        return
    for prev, cur in pairwise(out):
        if prev.role != Role.REALISASI or cur.role != Role.REALISASI or prev.year != cur.year:
            continue
        base = prev.name.lower().strip()
        twin = cur.name.lower().replace("(%)", "%").strip()
        if twin.endswith("%") and twin[:-1].strip() == base:
            cur.role = Role.CAPAIAN
            return


def map_columns(columns: list[str], kind: TableKind, report_year: int | None) -> list[ColumnRole]:
    """Give every column a label or a role. Unrecognised columns get neither (ignored by the model)."""
    out: list[ColumnRole] = []
    for i, raw in enumerate(columns):
        n = " ".join(raw.lower().split())
        cr = ColumnRole(i, raw, year=_year(n), quarter=_quarter(n))
        if cr.year is None and report_year and re.search(r"\b(tahun|thn|th)\.? (lalu|sebelumnya)\b", n):
            cr.year = report_year - 1  # "Capaian Thn Lalu": last year's figure
        lab = _label(n)
        # Narrow columns break long words ("T riwulanan"): also look for the key words with spaces removed.
        compact = n.replace(" ", "")
        if (
            "triwulan" in compact
            and not cr.quarter
            and re.search(r"capaiantriwulan|realisasitriwulan", compact)
        ):
            n = n + " capaian triwulan"
        elif "triwulan" in compact and "renaksi" in compact:
            n = n + " renaksi triwulan"
        money = bool(re.search(r"anggaran|pagu|alokasi|\(rp|rp\.|rupiah|\bdana\b|biaya", n))
        # The lowest header part that names a role decides it: "Capaian 2016 (%) / Target" is a target.
        focus = next((p for p in reversed(n.split(" / ")) if _ROLE_WORD.search(p)), n)
        # "Capaian Target", "Capaian terhadap Target": the % of the target, not a target
        is_target = ("target" in focus or "rencana" in focus) and not re.match(r"capaian\b", focus)
        is_real = "realisasi" in focus or "capaian triwulan" in n
        # "Realisasi (%)" / "Target (%)" are values in percent, not the % capaian; "% Realisasi" (the sign
        # first) is the % capaian of the realisasi.
        pct_first = focus.lstrip("( ").startswith("%") or focus.startswith("persentase realisasi")
        if pct_first:
            is_real = False
        pct = (
            "capaian" in focus
            or "capkin" in focus
            or "serapan" in focus
            or pct_first
            or (("%" in focus or "persen" in focus) and not (is_target or is_real))
        )
        if re.search(r"\b(sisa|efisiensi|selisih|deviasi)\b", n):
            pass  # derived amounts: not a stated pagu/realisasi
        elif kind not in _BUDGET_KINDS and not lab and _BUDGET_WORDS.search(n):
            cr.label = "other"  # "% Penyerapan Anggaran", "Keuangan / Realisasi" beside an indicator: money
        elif not lab and _SASARAN_PCT.search(focus):
            cr.label = "other"  # "Capaian Sasaran": the sasaran's % (the mean of its indicators'), not one's
        elif kind in _BUDGET_KINDS and not lab:
            last = n.split(" / ")[-1]
            if "%" in last or "persen" in last or "serapan" in n:
                cr.role = Role.BUDGET_PERCENT
            elif "realisasi" in n:
                cr.role = Role.BUDGET_REALISASI
            elif money:
                cr.role = Role.BUDGET_PAGU
        elif lab in ("other", "no") or (
            lab and not (is_target or is_real or (pct and lab not in ("indicator", "sasaran")))
        ):
            cr.label = lab
        elif kind == TableKind.RENCANA_AKSI:
            if cr.quarter:
                cr.role = Role.RENAKSI_TW
            elif is_target:
                cr.role = Role.RENAKSI_TARGET
        elif kind == TableKind.PENGUKURAN:
            if ("renaksi" in n or "rencana aksi" in n) and ("triwulan" in n or cr.quarter):
                cr.role = Role.RENAKSI_TW  # the renaksi target for the quarter measured
            elif "renaksi" in n or "rencana aksi" in n:
                cr.role = Role.RENAKSI_TARGET
            elif is_real or "capaian triwulan" in n:
                cr.role = Role.PENGUKURAN_REALISASI
            elif is_target:
                cr.role = Role.PENGUKURAN_TARGET
            elif pct:
                cr.role = Role.PENGUKURAN_CAPAIAN
        elif kind == TableKind.RENSTRA:
            if is_target or cr.year:
                cr.role = Role.RENSTRA_TARGET
        elif kind == TableKind.PK_INDICATORS:
            if is_target:
                cr.role = Role.PK_TARGET
        else:  # capaian, yoy, renstra_end, other
            # "Target RPJMD 2018", "Target RPJMD / 2018" in a 2016 report: the medium-term plan's end target
            end = bool(re.search(r"akhir (renstra|rpjmd|periode)|target akhir", n)) or bool(
                re.search(r"(renstra|rpjmd)\W{0,3}20\d\d", n)
                and cr.year
                and report_year
                and cr.year > report_year
            )
            if end and pct and ("terhadap" in n or "capaian" in n):
                cr.role = Role.RENSTRA_END_CAPAIAN
            elif end:
                cr.role = Role.RENSTRA_END_TARGET
            elif is_real and report_year and cr.year and cr.year < report_year:
                cr.role = Role.PREV_REALISASI
            elif is_real and not pct:
                cr.role = Role.REALISASI
            elif report_year and cr.year and cr.year < report_year:
                if not (is_target or pct or lab):
                    # a bare "2022" column in a comparison holds that year's realisasi
                    cr.role = Role.PREV_REALISASI
                # else: an earlier year's target or capaian, not stated for the year reported on
            elif is_target:
                cr.role = Role.TARGET
            elif pct:
                cr.role = Role.CAPAIAN
        out.append(cr)
    as_real = capaian_as_realisasi(columns) if kind not in _BUDGET_KINDS else None
    if as_real is not None and out[as_real].role == Role.CAPAIAN:
        out[as_real].role = (
            Role.PREV_REALISASI
            if report_year and out[as_real].year and out[as_real].year < report_year
            else Role.REALISASI
        )
    if kind not in _BUDGET_KINDS:
        _drop_second_entity(out)
        _drop_quarters(out)
        _percent_beside_realisasi(out)
    if kind in (TableKind.CAPAIAN, TableKind.RENSTRA_END) and not any(c.role == Role.CAPAIAN for c in out):
        # Some reports print the % capaian inside a "Kategori (Penilaian)" column: "63,36 % (Sedang)".
        for c in out:
            if (
                c.role is None
                and c.label is None
                and re.search(r"kategori|nilai capaian|tingkat capaian", c.name.lower())
            ):
                c.role = Role.CAPAIAN
                break
    return out
