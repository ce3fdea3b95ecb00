"""Render the LAKIP of Balai Guru Penggerak Provinsi NTT 2023 as a PDF, with ground truth for extraction.

The report text (prose, lists and every table's cells) lives in ``lakip_bgp_ntt_2023.content.md``, a faithful
copy of the real report including its errors; this script holds only the layout (table headers, merged cells,
column widths, orientation) and the map from table cells to indicator values. After rendering it reads the PDF
back with PDFium and confirms every recorded location before writing the truth file.

    python samples/build_bgp_ntt.py            # writes lakip_bgp_ntt_2023.pdf and .truth.json next to it
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lakipcheck.synth.render import (
    Block,
    Break,
    Chart,
    DocMeta,
    Figure,
    Gap,
    Heading,
    Item,
    ListBlock,
    Numbering,
    Para,
    RenderResult,
    TableBlock,
    TableSpec,
    Toc,
    find_pages,
    norm_space,
    page_texts,
    render,
)

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "lakip_bgp_ntt_2023.content.md"
PDF = HERE / "lakip_bgp_ntt_2023.pdf"
TRUTH = HERE / "lakip_bgp_ntt_2023.truth.json"
CHART_CAPTION = "Grafik (gambar pada laporan asli, tidak direproduksi)"
HEADER = "Laporan Kinerja BGP Provinsi NTT | 2023"


# ----------------------------------------------------------------------------------------------- layout


@dataclass(frozen=True, slots=True)
class Layout:
    kind: str
    n_header: int = 1
    spans: tuple[tuple[int, int, int, int], ...] = ()
    widths: tuple[float, ...] | None = None
    align: str | None = None
    style: str = "grid"
    font_size: float = 8.0
    split_in_row: bool = False
    title: str = ""
    soft: bool = False  # spans drawn as merged-looking cells that may break across pages


_SK_SPANS = ((0, 1, 0, 3), (0, 4, 0, 5))
_NO_SK_SPANS = ((0, 1, 0, 3), (1, 1, 1, 3), (0, 4, 0, 5), (1, 4, 1, 5))
_RO_W = (0.4, 4.2, 0.8, 0.8, 0.6, 0.6, 0.6, 0.6, 1.9)

LAYOUT: dict[str, Layout] = {
    "unsur_pegawai": Layout("other", widths=(3, 1, 3, 1), align="LCLC", title="Unsur Pegawai"),
    "wilayah": Layout("other", widths=(0.6, 4, 3), align="CLL", title="Wilayah kerja"),
    "isu_strategis": Layout(
        "other", n_header=0, spans=((0, 0, 0, 6),), widths=(1.3, 4), title="Isu Strategis"
    ),
    "renstra": Layout("renstra", widths=(1, 5, 1.2, 1.2, 1.2), align="CLCCC", title="Tabel Renstra"),
    "pk_awal": Layout(
        "pk_indicators",
        spans=_SK_SPANS,
        widths=(2.5, 5, 1.3),
        align="LLC",
        title="Perjanjian Kinerja Awal (BAB II)",
    ),
    "pk_awal_budget": Layout("pk_budget", widths=(1, 5, 2), align="CLR", title="PK Awal: anggaran"),
    "pk_akhir": Layout(
        "pk_indicators",
        spans=_SK_SPANS,
        widths=(2.5, 5, 1.3),
        align="LLC",
        title="Perjanjian Kinerja Akhir (BAB II)",
    ),
    "pk_akhir_budget": Layout("pk_budget", widths=(1, 5, 2), align="CLR", title="PK Akhir: anggaran"),
    "capaian": Layout(
        "capaian", spans=_SK_SPANS, widths=(2.2, 4.5, 1, 1, 1.1), align="LLCCC", title="Capaian kinerja 2023"
    ),
    "renstra_end_11": Layout(
        "renstra_end",
        n_header=2,
        spans=((1, 0, 3, 0), (4, 0, 4, 1), (5, 0, 5, 1)),
        align="CCCCCC",
        title="IKK 1.1 vs Target Akhir Renstra",
    ),
    "peserta_psp": Layout(
        "other",
        spans=((0, 23, 4, 23),),
        widths=(0.5, 3, 1, 1, 1, 1),
        align="CLCCCC",
        title="Tabel Jumlah Peserta PSP",
    ),
    "renstra_end_12": Layout(
        "renstra_end",
        n_header=2,
        spans=((0, 0, 0, 1), (1, 0, 3, 0), (4, 0, 4, 1), (5, 0, 5, 1)),
        align="CCCCCC",
        title="IKK 1.2 vs Target Akhir Renstra",
    ),
    "renstra_end_13": Layout(
        "renstra_end",
        n_header=2,
        spans=((0, 0, 0, 1), (1, 0, 2, 0), (3, 0, 3, 1), (4, 0, 4, 1)),
        align="CCCCC",
        title="IKK 1.3 vs Target Akhir Renstra",
    ),
    "skala_sakip": Layout("other", widths=(1, 1, 2), align="CCL", title="Skala nilai/predikat SAKIP"),
    "renstra_end_21": Layout(
        "renstra_end",
        n_header=2,
        spans=((1, 0, 2, 0), (3, 0, 3, 1)),
        align="CCCC",
        title="IKK 2.1 vs Target Akhir Renstra",
    ),
    "renstra_end_22": Layout(
        "renstra_end",
        n_header=2,
        spans=((0, 0, 0, 1), (1, 0, 2, 0), (3, 0, 3, 1), (4, 0, 4, 1)),
        align="CCCCC",
        title="IKK 2.2 vs Target Akhir Renstra",
    ),
    "realisasi_anggaran": Layout(
        "budget_realisation", widths=(0.6, 5, 2, 2, 1), align="CLRRR", title="Realisasi anggaran per SK/IKK"
    ),
    "lamp_pk_awal": Layout(
        "pk_indicators",
        spans=_NO_SK_SPANS,
        widths=(0.4, 2.5, 5, 1.5),
        align="CLLC",
        title="Lampiran PK Awal: target kinerja",
    ),
    "lamp_pk_awal_budget": Layout(
        "pk_budget", widths=(0.6, 1, 5, 2.2), align="CCLR", title="Lampiran PK Awal: alokasi"
    ),
    "sign_pk_akhir": Layout("other", n_header=0, widths=(1, 1), align="CC", title="Tanda tangan PK Akhir"),
    "lamp_pk_akhir": Layout(
        "pk_indicators",
        spans=_NO_SK_SPANS,
        widths=(0.4, 2.5, 5, 1.5),
        align="CLLC",
        title="Lampiran PK Akhir: target kinerja",
    ),
    "lamp_pk_akhir_budget": Layout(
        "pk_budget", widths=(0.6, 1, 5, 2.2), align="CCLR", title="Lampiran PK Akhir: alokasi"
    ),
    "renaksi_pk": Layout(
        "rencana_aksi",
        n_header=2,
        spans=(
            (0, 0, 0, 1),
            (1, 0, 1, 1),
            (2, 0, 2, 1),
            (3, 0, 3, 1),
            (4, 0, 7, 0),
            (0, 2, 0, 4),
            (1, 2, 1, 4),
            (0, 5, 0, 6),
            (1, 5, 1, 6),
        ),
        widths=(0.4, 2.5, 4, 1.3, 0.7, 0.7, 0.7, 0.7),
        align="CLLCCCCC",
        title="Rencana Aksi Perjanjian Kinerja",
    ),
    "renaksi_ro": Layout(
        "rincian_output",
        n_header=2,
        spans=(
            (0, 0, 0, 1),
            (1, 0, 1, 1),
            (2, 0, 2, 1),
            (3, 0, 3, 1),
            (4, 0, 7, 0),
            (8, 0, 8, 1),
            (0, 18, 7, 18),
        ),
        widths=_RO_W,
        align="CLCCCCCCR",
        title="Rencana Aksi Rincian Output",
    ),
    "pengukuran_ikk": Layout(
        "pengukuran",
        spans=_NO_SK_SPANS,
        soft=True,
        widths=(0.45, 1.15, 1.6, 0.75, 0.7, 1.0, 1.0, 8),
        align="CLLCCCCL",
        font_size=7,
        title="Pengukuran Indikator Kinerja Kegiatan",
    ),
    "pengukuran_ro": Layout(
        "rincian_output", widths=_RO_W, align="CLCCCCCCR", title="Pengukuran Kinerja Rincian Output"
    ),
}


# ----------------------------------------------------------------------------------------------- content

_LIST = re.compile(r"^(?P<indent>\s*)(?P<marker>-|▪|\d+\.)(?:\s+(?P<text>.*))?$")


@dataclass
class Content:
    blocks: list[Block] = field(default_factory=list)
    tables: dict[str, TableSpec] = field(default_factory=dict)


def parse_content(text: str) -> Content:
    """Turn the content file into render blocks (see the file's directives: @table, @chart, @break ...)."""
    lines = text.splitlines()
    cells: dict[str, str] = {}
    body: list[str] = []
    i = 0
    while i < len(lines):  # pull out the long @cell texts first
        if lines[i].startswith("@cell "):
            key, j = lines[i].split()[1], i + 1
            while lines[j] != "@endcell":
                j += 1
            cells[key] = "\n".join(lines[i + 1 : j])
            i = j + 1
            continue
        body.append(lines[i])
        i += 1

    out = Content()
    run: list[Item] = []
    numbered = False

    def flush() -> None:
        nonlocal run, numbered
        if run:
            out.blocks.append(ListBlock(run))
        run, numbered = [], False

    i = 0
    while i < len(body):
        line = body[i].rstrip()
        i += 1
        if not line.strip():
            continue
        m = _LIST.match(line)
        if m and not line.startswith("@"):
            level = len(m["indent"]) // 2
            marker = m["marker"]
            if marker[0].isdigit():
                numbered = True
            elif level == 0 and numbered:
                level = 1  # a bullet under a numbered item whose indent was lost at a page break
            run.append(Item(m["text"] or "", {"-": "•"}.get(marker, marker), level))
            continue
        flush()
        if line.startswith("#"):
            hashes, _, title = line.partition(" ")
            out.blocks.append(Heading(title, len(hashes) - 1))
        elif line.startswith(("@table ", "@toc")):
            rows = []
            while body[i] != "@end":
                rows.append(
                    [
                        cells.get(c[6:], c) if c.startswith("@cell ") else c.replace("\\n", "\n")
                        for c in body[i].split("\t")
                    ]
                )
                i += 1
            i += 1
            if line == "@toc":
                out.blocks.append(Toc([_toc_entry(r) for r in rows]))
            else:
                spec = _table(line.split()[1], rows)
                out.tables[spec.id] = spec
                out.blocks.append(TableBlock(spec))
        else:
            out.blocks.append(_directive(line))
    flush()
    return out


def _toc_entry(row: list[str]) -> tuple[str, str, int]:
    text = row[0].rstrip(" .")
    level = 1 if re.match(r"^[A-D]\. |^Dokumen |^Lembar ", text) else 0
    return text, row[1] if len(row) > 1 else "", level


def _table(tid: str, rows: list[list[str]]) -> TableSpec:
    lay = LAYOUT[tid]
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    return TableSpec(
        id=tid,
        header=rows[: lay.n_header],
        rows=rows[lay.n_header :],
        kind=lay.kind,
        spans=[] if lay.soft else list(lay.spans),
        soft_spans=list(lay.spans) if lay.soft else [],
        widths=list(lay.widths) if lay.widths else None,
        align=lay.align,
        style=lay.style,
        font_size=lay.font_size,
        split_in_row=lay.split_in_row,
    )


def _directive(line: str) -> Block:
    cmd, _, arg = line.partition(" ")
    if cmd == "@chart":
        return Chart(arg or CHART_CAPTION)
    if cmd == "@figure":
        return Figure(arg or None)
    if cmd == "@break":
        return Break(arg or None)
    if cmd == "@gap":
        return Gap(float(arg))
    if cmd == "@numbering":
        return Numbering(arg)
    if cmd == "@caption":
        return Para(f"**{arg}**", style="table_title")
    styles = {
        "@cover": "cover",
        "@cover_big": "cover_big",
        "@center": "center",
        "@right": "right",
        "@para": "body",
    }
    if cmd in styles:
        return Para(arg, style=styles[cmd])
    if cmd.startswith("@"):
        raise ValueError(f"unknown directive {line!r}")
    return Para(line)


# ----------------------------------------------------------------------------------------------- truth map

INDICATORS = [
    (
        "IKK 1.1",
        "Jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma baru",
        "orang",
        "SK 1",
        "renstra_end_11",
        1,
    ),
    (
        "IKK 1.2",
        "Jumlah guru dan tenaga kependidikan yang mengikuti inovasi pembelajaran dalam peningkatan "
        "kompetensinya",
        "orang",
        "SK 1",
        "renstra_end_12",
        2,
    ),
    (
        "IKK 1.3",
        "Jumlah guru yang mengikuti program pendidikan kepemimpinan sekolah model baru",
        "orang",
        "SK 1",
        "renstra_end_13",
        3,
    ),
    ("IKK 2.1", "Predikat SAKIP BGP Provinsi Nusa Tenggara Timur", "predikat", "SK 2", "renstra_end_21", 5),
    (
        "IKK 2.2",
        "Nilai kinerja anggaran atas pelaksanaan RKA-K/L BGP Provinsi Nusa Tenggara Timur",
        "nilai",
        "SK 2",
        "renstra_end_22",
        6,
    ),
]
SASARAN = {
    "SK 1": "Meningkatnya kompetensi guru dan tenaga kependidikan",
    "SK 2": "Meningkatnya tata kelola BGP Provinsi Nusa Tenggara Timur",
}

# role of each column of the per-indicator "Target Akhir Renstra" tables, read from their printed headers
RENSTRA_END_ROLES = {
    "renstra_end_11": [
        "prev_realisasi",
        "target",
        "realisasi",
        "capaian",
        "renstra_end_target",
        "renstra_end_capaian",
    ],
    "renstra_end_12": [
        "prev_realisasi",
        "target",
        "realisasi",
        "capaian",
        "renstra_end_target",
        "renstra_end_capaian",
    ],
    "renstra_end_13": ["prev_realisasi", "realisasi", "target", "renstra_end_target", "renstra_end_capaian"],
    "renstra_end_21": ["prev_realisasi", "target", "realisasi", "renstra_end_target"],
    "renstra_end_22": ["prev_realisasi", "realisasi", "target", "renstra_end_target", "renstra_end_capaian"],
}
SWAPPED_HEADER_NOTE = (
    "the printed header says this column is {role}, but the value is the PK "
    "{other} (the report swapped the 'Realisasi' and 'Target' headers)"
)

# sentences in the prose that restate table values: (indicator or None, role, printed, context to find it)
CLAIMS = [
    (
        None,
        "count_claim",
        "2 (dua) sasaran dengan 5 (lima) indikator kinerja",
        "menyajikan tingkat pencapaian 2 (dua) sasaran dengan 5 (lima) indikator kinerja",
    ),
    (
        None,
        "count_claim",
        "2 (dua) sasaran dengan 5 (lima) indikator kinerja",
        "menetapkan 2 (dua) sasaran dengan 5 (lima) indikator kinerja, dengan tingkat ketercapaian",
    ),
    (None, "budget_pagu_total", "Rp. 54.166.493.000", "dalam DIPA tahun 2023 sebesar Rp. 54.166.493.000"),
    (None, "budget_realisasi_total", "54.068.042.813", "berhasil direalisasikan sebesar 54.068.042.813"),
    (None, "budget_percent_total", "99.82%", "persentase daya serap sebesar 99.82%"),
    (None, "budget_realisasi_total", "54.068.042.681", "penggunaan anggaran sebesar 54.068.042.681"),
    (None, "budget_percent_total", "99,82%", "54.068.042.681 atau 99,82%"),
    (None, "budget_pagu_total", "Rp54.166.493.000", "dari total pagu anggaran Rp54.166.493.000"),
    (None, "efisiensi", "Rp 9.923.301.517", "efisiensi anggaran sebesar Rp 9.923.301.517"),
    (None, "efisiensi_percent", "18.32%", "atau 18.32% dari pagu anggaran"),
    (None, "pk_awal_budget_total", "Rp 67.742.150.000", "Alokasi anggaran awal Rp 67.742.150.000"),
    (None, "pk_akhir_budget_total", "Rp 54.166.493.000", "setelah refocusing sebesar Rp 54.166.493.000"),
    ("IKK 1.1", "target", "2.568 orang", "target guru dan tenaga kependidikan 2.568 orang"),
    ("IKK 1.1", "realisasi", "2.613 orang", "realisasi 2.613 orang atau 101,75%"),
    ("IKK 1.1", "capaian", "101,75%", "realisasi 2.613 orang atau 101,75%"),
    ("IKK 1.1", "prev_realisasi", "1.991 orang", "untuk tahun 2022 realisasi 1.991 orang"),
    ("IKK 1.1", "yoy_change", "622 orang", "mengalami peningkatan 622 orang atau 31,24%"),
    ("IKK 1.1", "yoy_change_percent", "31,24%", "mengalami peningkatan 622 orang atau 31,24%"),
    ("IKK 1.1", "renstra_end_target", "9.630 orang", "yang berjumlah 9.630 orang"),
    ("IKK 1.1", "renstra_end_capaian", "47,80%", "paradigma baru masih 47,80%"),
    ("IKK 1.2", "target", "9.534 orang", "mempunyai target 9.534 orang"),
    ("IKK 1.2", "realisasi", "9.784 orang", "adalah 9.784 orang dengan persentase 102,62 %"),
    ("IKK 1.2", "capaian", "102,62 %", "adalah 9.784 orang dengan persentase 102,62 %"),
    ("IKK 1.2", "prev_realisasi", "9.600 orang", "untuk tahun 2022 realisasi 9.600 orang"),
    ("IKK 1.2", "yoy_change", "184 orang", "mengalami peningkatan 184 orang atau 1,91%"),
    ("IKK 1.2", "yoy_change_percent", "1,91%", "mengalami peningkatan 184 orang atau 1,91%"),
    ("IKK 1.2", "renstra_end_target", "28.602 orang", "yang berjumlah 28.602 orang"),
    ("IKK 1.2", "renstra_end_capaian", "67,77 %", "paradigma baru masih 67,77 %"),
    ("IKK 1.3", "target", "796 orang", "mempunyai target 796 orang"),
    ("IKK 1.3", "realisasi", "950 orang", "adalah 950 orang dengan persentase 119,34 %"),
    ("IKK 1.3", "capaian", "119,34 %", "adalah 950 orang dengan persentase 119,34 %"),
    ("IKK 1.3", "prev_realisasi", "939 orang", "untuk tahun 2022 realisasi 939 orang"),
    ("IKK 1.3", "yoy_change", "11 orang", "mengalami peningkatan 11 orang atau 1,17%"),
    ("IKK 1.3", "yoy_change_percent", "1,17%", "mengalami peningkatan 11 orang atau 1,17%"),
    ("IKK 1.3", "renstra_end_target", "2.228 orang", "yang berjumlah 2.228 orang"),
    ("IKK 1.3", "renstra_end_capaian", "84,78 %", "paradigma baru mencapai 84,78 %"),
    ("IKK 2.1", "target", "BB", "Provinsi NTT mempunyai target BB"),
    ("IKK 2.1", "realisasi", "B", "Capaian kinerja BGP Provinsi NTT adalah B."),
    ("IKK 2.1", "renstra_end_target", "A", "target capaian akhir Renstra Tahun 2024 dengan kategori A"),
    ("IKK 2.2", "realisasi", "93,34", "RKA-K/L BGP Provinsi NTT adalah 93,34 atau 103,71% dari target 90"),
    ("IKK 2.2", "capaian", "103,71%", "adalah 93,34 atau 103,71% dari target 90"),
    ("IKK 2.2", "target", "90", "atau 103,71% dari target 90"),
    ("IKK 2.2", "prev_realisasi", "91,96", "untuk tahun 2022 realisasi 91,96"),
    ("IKK 2.2", "yoy_change", "1,38", "mengalami peningkatan 1,38 atau 1,5%"),
    ("IKK 2.2", "yoy_change_percent", "1,5%", "mengalami peningkatan 1,38 atau 1,5%"),
    ("IKK 2.2", "renstra_end_capaian", "71,26 %", "RKA-K/L BGP Provinsi NTT mencapai 71,26 %"),
]

# errors and inconsistencies of the real report that a reviewer would flag (kept on purpose)
KNOWN_DISCREPANCIES = [
    {
        "kind": "restated_total_wrong",
        "what": "BAB IV restates total realisasi anggaran as 54.068.042.681; the "
        "table and BAB III B say 54.068.042.813",
        "printed": "54.068.042.681",
        "expected": "54.068.042.813",
    },
    {
        "kind": "budget_row_swap",
        "what": "Realisasi anggaran table: the pagu of IKK 1.2 (34.733.045.000) and "
        "IKK 1.3 (1.346.386.000) are the Rincian Output amounts of the PGP RO (IKK 1.3) and the inovasi RO "
        "(IKK 1.2): swapped between tables",
        "tables": ["realisasi_anggaran", "pengukuran_ro"],
    },
    {
        "kind": "column_swap",
        "what": "IKK 1.3 Target Akhir Renstra table: header 'Realisasi' over 796 "
        "(the PK target) and 'Target' over 950 (the realisasi)",
        "table": "renstra_end_13",
    },
    {
        "kind": "column_swap",
        "what": "IKK 2.2 Target Akhir Renstra table: header 'Realisasi' over 90 "
        "(the PK target) and 'Target' over 93,34 (the realisasi)",
        "table": "renstra_end_22",
    },
    {
        "kind": "capaian_wrong",
        "what": "IKK 2.2: % capaian terhadap target akhir Renstra printed 71,26%; 93,34 / 90 = 103,71%",
        "printed": "71,26%",
        "table": "renstra_end_22",
    },
    {
        "kind": "target_mismatch",
        "what": "IKK 2.1 Target Akhir Renstra 2024: 'A' in the Renstra table and "
        "the prose, 'AA' in the per-indicator table",
        "printed": "AA",
        "expected": "A",
    },
    {
        "kind": "target_mismatch",
        "what": "IKK 2.1 Rencana Aksi target printed 88 where the PK target is BB",
        "printed": "88",
        "expected": "BB",
        "table": "renaksi_pk",
    },
    {
        "kind": "narrative_number_changed",
        "what": "Pengukuran IKK: IKK 1.3 'Capaian Triwulanan' 796 where "
        "the capaian table and the Rincian Output TW 4 say 950",
        "printed": "796",
        "expected": "950",
        "table": "pengukuran_ikk",
    },
    {
        "kind": "wrong_indicator_name",
        "what": "IKK 1.2 and IKK 1.3 sections close with 'realisasi capaian "
        "kinerja jumlah guru dan tenaga kependidikan yang mengikuti pelatihan pembelajaran paradigma baru' "
        "(the name of IKK 1.1)",
    },
    {
        "kind": "wrong_year",
        "what": "IKK 1.2 heading 5 says 'Perbandingan Realisasi Tahun 2023 dan 2024' over 2022/2023 data",
        "printed": "Tahun 2023 dan 2024",
    },
    {
        "kind": "duplicate_header",
        "what": "Tabel Jumlah Peserta PSP: 'Jml SP Angk. 2' twice; the second is Angkatan 3",
        "table": "peserta_psp",
    },
    {
        "kind": "capaian_rounding",
        "what": "Percentages mix truncation (101,75 is not affected; 119,34 = "
        "950/796 = 119,347 truncated; realisasi anggaran row 1: 99.85 = 99,859 truncated) and rounding "
        "(total 99.82 = 99,818 rounded)",
    },
]


# ----------------------------------------------------------------------------------------------- build


META = DocMeta(
    header=HEADER,
    title="Laporan Kinerja BGP Provinsi Nusa Tenggara Timur Tahun 2023",
    author="BGP Provinsi Nusa Tenggara Timur",
    subject="LAKIP 2023 (rendered sample)",
)


def build(content_path: Path = CONTENT) -> tuple[RenderResult, Content]:
    content = parse_content(content_path.read_text(encoding="utf-8"))
    return render(content.blocks, META), content


class TruthError(AssertionError):
    pass


def _cell(content: Content, res: RenderResult, texts: list[str], tid: str, row: int, col: int) -> dict:
    """A located cell: its printed text and the page, confirmed by finding the text on that page."""
    spec = content.tables[tid]
    printed = spec.rows[row][col].replace("**", "")
    pages = res.cell_pages.get((tid, spec.n_header + row, col), [])
    if not pages:
        raise TruthError(f"{tid} r{row} c{col} was not drawn")
    found = find_pages(texts, printed, pages) if printed else pages
    if not found:
        raise TruthError(f"{tid} r{row} c{col}: {printed!r} not found on page(s) {pages}")
    return {"printed": printed, "page": found[0], "table": tid, "row": row, "col": col}


def truth(res: RenderResult, content: Content, texts: list[str]) -> dict:
    """Ground truth for the extraction stage, every location confirmed against the PDF text."""
    tables = []
    for tid, spec in content.tables.items():
        pages = res.table_pages[tid]
        header_cells = [c.replace("**", "") for c in (spec.header[0] if spec.header else spec.rows[0]) if c]
        probe = norm_space(header_cells[0].split("\n")[0])[:40]
        if not find_pages(texts, probe, pages[:1]):
            raise TruthError(f"table {tid}: {probe!r} not on page {pages[0]}")
        tables.append(
            {
                "id": tid,
                "kind": spec.kind,
                "title": LAYOUT[tid].title,
                "pages": pages,
                "n_header_rows": spec.n_header,
                "n_body_rows": len(spec.rows),
                "n_cols": spec.n_cols,
                "header": [[c.replace("**", "") for c in r] for r in spec.header],
                "first_header_cells": header_cells,
                "orientation": "landscape"
                if tid in {"renaksi_pk", "renaksi_ro", "pengukuran_ikk", "pengukuran_ro"}
                else "portrait",
            }
        )

    def cell(tid: str, row: int, col: int, role: str, **extra) -> dict:
        return {"role": role, **_cell(content, res, texts, tid, row, col), **extra}

    indicators = []
    for i, (code, name, unit, sk, end_tid, budget_row) in enumerate(INDICATORS):
        vals = [cell("renstra", i, 2 + k, "renstra_target", year=2022 + k) for k in range(3)]
        vals += [
            cell("pk_awal", i, 2, "pk_awal_target"),
            cell("lamp_pk_awal", i, 3, "pk_awal_target"),
            cell("pk_akhir", i, 2, "pk_akhir_target"),
            cell("lamp_pk_akhir", i, 3, "pk_akhir_target"),
            cell("capaian", i, 2, "target", year=2023),
            cell("capaian", i, 3, "realisasi", year=2023),
            cell("capaian", i, 4, "capaian", year=2023),
        ]
        for col, role in enumerate(RENSTRA_END_ROLES[end_tid]):
            extra: dict = {"year": 2022} if role == "prev_realisasi" else {}
            if role in ("target", "realisasi", "capaian"):
                extra["year"] = 2023
            if role in ("renstra_end_target", "renstra_end_capaian"):
                extra["year"] = 2024
            if end_tid in ("renstra_end_13", "renstra_end_22") and role in ("target", "realisasi"):
                other = "realisasi" if role == "target" else "target"
                extra["note"] = SWAPPED_HEADER_NOTE.format(role=role, other=other)
            vals.append(cell(end_tid, 0, col, role, **extra))
        vals.append(cell("renaksi_pk", i, 3, "renaksi_target"))
        vals += [cell("renaksi_pk", i, 4 + q, "renaksi_tw", quarter=q + 1) for q in range(4)]
        vals += [
            cell("pengukuran_ikk", i, 4, "pengukuran_target"),
            cell(
                "pengukuran_ikk",
                i,
                5,
                "renaksi_tw",
                quarter=4,
                note="column 'Target Renaksi Triwulanan' of the Pengukuran table",
            ),
            cell(
                "pengukuran_ikk",
                i,
                6,
                "pengukuran_realisasi",
                note="column 'Capaian Triwulanan' of the Pengukuran table",
            ),
        ]
        brow = content.tables["realisasi_anggaran"].rows[budget_row]
        if brow[2].strip():
            vals += [
                cell("realisasi_anggaran", budget_row, 2, "budget_pagu"),
                cell("realisasi_anggaran", budget_row, 3, "budget_realisasi"),
                cell("realisasi_anggaran", budget_row, 4, "budget_percent"),
            ]
        indicators.append(
            {
                "code": code,
                "name": name,
                "unit": unit,
                "sasaran": sk,
                "sasaran_name": SASARAN[sk],
                "polarity": "positive",
                "values": vals,
                "notes": []
                if brow[2].strip()
                else ["its row in the realisasi anggaran table has no amounts"],
            }
        )

    claims = []
    for code, role, printed, context in CLAIMS:
        claims.append(
            {
                "indicator": code,
                "role": role,
                "printed": printed,
                "context": context,
                "page": _claim_page(res, content, texts, printed, context),
            }
        )

    return {
        "file": PDF.name,
        "n_pages": res.n_pages,
        "page_labels": res.page_labels,
        "agency": "BGP Provinsi Nusa Tenggara Timur",
        "year": 2023,
        "number_format": "id (thousands '.', decimal ','), except pengukuran_ro (en, with one id row) and "
        "realisasi_anggaran percentages (decimal '.')",
        "sections": _sections(res, content, texts),
        "tables": tables,
        "indicators": indicators,
        "budget_lines": _budget_lines(content, res, texts),
        "claims": claims,
        "known_discrepancies": KNOWN_DISCREPANCIES,
    }


def _claim_page(res: RenderResult, content: Content, texts: list[str], printed: str, context: str) -> int:
    """The page of ``printed`` inside the one paragraph that contains ``context``."""
    owners = []
    for i, b in enumerate(content.blocks):
        if isinstance(b, Para) and context in b.text:
            owners.append(res.block_pages.get(f"p{i}", []))
        elif isinstance(b, ListBlock):
            owners += [
                res.block_pages.get(f"l{i}.{j}", []) for j, it in enumerate(b.items) if context in it.text
            ]
    if len(owners) != 1 or printed not in context:
        raise TruthError(f"claim {context!r}: {len(owners)} paragraphs")
    pages = owners[0]
    head, _, tail = context.partition(printed)
    for probe in (context, head + printed, printed + tail, printed):
        found = find_pages(texts, probe, pages)
        if found:
            return found[0]
    raise TruthError(f"claim {context!r} not on pages {pages}")


def _sections(res: RenderResult, content: Content, texts: list[str]) -> list[dict]:
    out = []
    for i, b in enumerate(content.blocks):
        if isinstance(b, Heading) and b.level <= 1:
            pages = res.block_pages.get(f"h{i}", [])
            probe = norm_space(b.text.replace("**", ""))[:60]
            found = find_pages(texts, probe, pages)
            if not found:
                raise TruthError(f"heading {b.text!r} not on {pages}")
            out.append({"heading": b.text, "level": b.level, "page": found[0]})
    return out


def _money_cols(tid: str) -> dict[str, int]:
    return {
        "pk_awal_budget": {"pagu": 2},
        "pk_akhir_budget": {"pagu": 2},
        "lamp_pk_awal_budget": {"pagu": 3},
        "lamp_pk_akhir_budget": {"pagu": 3},
        "realisasi_anggaran": {"pagu": 2, "realisasi": 3, "percent": 4},
        "renaksi_ro": {"pagu": 8},
        "pengukuran_ro": {"pagu": 8},
    }[tid]


def _budget_lines(content: Content, res: RenderResult, texts: list[str]) -> list[dict]:
    out = []
    for tid in (
        "pk_awal_budget",
        "pk_akhir_budget",
        "lamp_pk_awal_budget",
        "lamp_pk_akhir_budget",
        "realisasi_anggaran",
        "renaksi_ro",
        "pengukuran_ro",
    ):
        spec = content.tables[tid]
        label_col = {
            "pk_awal_budget": 1,
            "pk_akhir_budget": 1,
            "lamp_pk_awal_budget": 2,
            "lamp_pk_akhir_budget": 2,
        }.get(tid, 1)
        for r, row in enumerate(spec.rows):
            label = (row[label_col] or row[0]).replace("**", "")
            code = None
            if tid in ("pk_awal_budget", "pk_akhir_budget"):
                code = row[0].replace("**", "") if row[0].replace("**", "").isdigit() else None
            elif tid.startswith("lamp_"):
                code = row[1] or None
            elif tid == "realisasi_anggaran":
                code = row[0].replace("**", "") or None
            m = re.match(r"\[(\d{3})\]", label)
            if m:
                code = m[1]
            is_total = "total" in label.lower()
            level = 0
            if tid == "realisasi_anggaran" and code and code.isdigit():
                level = 1
            if tid in ("renaksi_ro", "pengukuran_ro") and m:
                level = 1
            line = {
                "table": tid,
                "row": r,
                "label": label,
                "code": code,
                "level": level,
                "is_total": is_total,
                "is_subtotal": tid == "realisasi_anggaran" and bool(code) and code.isalpha(),
            }
            for key, col in _money_cols(tid).items():
                if row[col].strip():
                    line[key] = _cell(content, res, texts, tid, r, col)
            if tid in ("renaksi_ro", "pengukuran_ro"):  # volume, satuan and the quarterly (TW) figures
                if row[2].strip():
                    line["volume"] = _cell(content, res, texts, tid, r, 2)
                    line["satuan"] = row[3].replace("**", "")
                line["tw"] = [
                    _cell(content, res, texts, tid, r, 4 + q) for q in range(4) if row[4 + q].strip()
                ]
            out.append(line)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="directory for the PDF and truth JSON")
    args = ap.parse_args(argv)
    res, content = build()
    texts = page_texts(res.pdf)
    data = truth(res, content, texts)
    split = [t["id"] for t in data["tables"] if len(t["pages"]) > 1]
    if "peserta_psp" not in split:
        raise TruthError("the Tabel Jumlah Peserta PSP no longer breaks across pages; adjust the layout")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / PDF.name).write_bytes(res.pdf)
    (args.out / TRUTH.name).write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{res.n_pages} pages, {len(data['tables'])} tables ({', '.join(split)} split across pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
