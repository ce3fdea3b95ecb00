"""Lay the true content of a synthetic LAKIP out as render blocks, noting what each printed cell means."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from lakipcheck.synth.model import BudgetLine, SynthIndicator, SynthTruth, Value
from lakipcheck.synth.numfmt import EN, ID, dec, group, quantize, terbilang, with_words
from lakipcheck.synth.plan import predicate_of
from lakipcheck.synth.render import (
    Block,
    Break,
    Chart,
    Gap,
    Heading,
    Item,
    ListBlock,
    Numbering,
    Para,
    TableBlock,
    TableSpec,
    Toc,
)
from lakipcheck.synth.vocab import (
    AGENCIES,
    COMPONENTS,
    DEGREES,
    FIRST_NAMES,
    GOVERNANCE,
    KECAMATAN_STEMS,
    LAST_NAMES,
    LAWS,
    PROVINCES,
    SAKIP_SCALE,
    SUPPORT_OUTPUTS,
    TECHNICAL_OUTPUTS,
)

D = Decimal
LANDSCAPE_TABLES = ("renaksi", "pengukuran", "ro")


@dataclass(slots=True)
class CellRole:
    """What a printed table cell states: a role of an indicator (or of a budget line)."""

    table: str
    row: int  # body row
    col: int
    role: str
    indicator: str | None = None
    year: int | None = None
    quarter: int | None = None


@dataclass(slots=True)
class Claim:
    """A number restated in a sentence: ``printed`` occurs exactly once in paragraph ``block``."""

    block: str
    printed: str
    role: str
    indicator: str | None = None
    number: Decimal | int | None = None  # the value behind ``printed``


@dataclass
class Doc:
    """The composed report: blocks plus the maps the injections and the truth need."""

    blocks: list[Block] = field(default_factory=list)
    tables: dict[str, TableSpec] = field(default_factory=dict)
    cells: list[CellRole] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    paras: dict[str, Para] = field(default_factory=dict)
    headings: dict[str, Heading] = field(default_factory=dict)
    parts: dict[str, list[int]] = field(default_factory=dict)  # part -> ids (python id()) of its blocks
    toc: Toc = field(default_factory=lambda: Toc([]))
    toc_ids: list[str] = field(default_factory=list)  # heading id per toc entry
    toc_parts: dict[str, str] = field(default_factory=dict)  # heading id -> part
    year_headings: list[str] = field(default_factory=list)  # "Perbandingan ... Tahun y-1 dan y" headings
    dup_header_cells: list[tuple[str, int, int, int]] = field(default_factory=list)  # table, hrow, col, other
    table_formats: dict[str, str] = field(default_factory=dict)
    other_format_rows: dict[str, list[int]] = field(default_factory=dict)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    number_words: list[Claim] = field(default_factory=list)  # "N (kata)" claims

    def table_role(self, tid: str, row: int, col: int) -> CellRole | None:
        return next((c for c in self.cells if (c.table, c.row, c.col) == (tid, row, col)), None)


class Composer:
    def __init__(self, truth: SynthTruth, rng: random.Random, *, ro_names: str = "indicator") -> None:
        """``ro_names``: "indicator" names the Rincian Output rows after their indicators, "output" after
        the outputs that serve them ("Guru yang mendapat fasilitasi", "Layanan Perkantoran")."""
        self.t = truth
        self.c = truth.conventions
        self.rng = rng
        self.ro_names = ro_names
        self._outputs: set[str] = set()
        self.doc = Doc()
        self._part: str | None = None
        self._n = 0

    # ------------------------------------------------------------------ primitives
    def _id(self, prefix: str) -> str:
        self._n += 1
        return f"{prefix}{self._n}"

    def add(self, block: Block) -> Block:
        self.doc.blocks.append(block)
        if self._part:
            self.doc.parts.setdefault(self._part, []).append(id(block))
        return block

    def para(self, text: str, style: str = "body") -> Para:
        p = Para(text, self._id("p"), style)
        self.doc.paras[p.id] = p
        self.add(p)
        return p

    def heading(self, text: str, level: int, toc: bool = False) -> Heading:
        h = Heading(text, level, self._id("h"))
        self.doc.headings[h.id] = h
        self.add(h)
        if toc:
            self.doc.toc.entries.append((text, "", 0 if level == 0 else 1))
            self.doc.toc_ids.append(h.id)
            if self._part:
                self.doc.toc_parts[h.id] = self._part
        return h

    def claim(
        self,
        p: Para,
        printed: str,
        role: str,
        indicator: str | None = None,
        number: Decimal | int | None = None,
    ) -> None:
        if len(occurrences(p.text, printed)) == 1:
            self.doc.claims.append(Claim(p.id, printed, role, indicator, number))

    def table(self, spec: TableSpec, kind: str, fmt: str = ID) -> TableSpec:
        spec.kind = kind
        if spec.id not in LANDSCAPE_TABLES and spec.style == "grid":
            spec.style = self.c.table_style
        spec.repeat_header = self.c.repeat_header
        self.doc.tables[spec.id] = spec
        self.doc.table_formats[spec.id] = fmt
        self.add(TableBlock(spec))
        return spec

    def role(
        self,
        tid: str,
        row: int,
        col: int,
        role: str,
        ind: SynthIndicator | None = None,
        year: int | None = None,
        quarter: int | None = None,
    ) -> None:
        self.doc.cells.append(CellRole(tid, row, col, role, ind.key if ind else None, year, quarter))

    def fmt(self, tid: str) -> str:
        return self.c.table_formats.get(tid, ID)

    # ------------------------------------------------------------------ number printing
    def val(self, ind: SynthIndicator, v: Value, style: str = ID, grouped: bool | None = None) -> str:
        if isinstance(v, str):
            return v
        if ind.kind == "count":
            g = self.c.group_counts_in_tables if grouped is None else grouped
            return group(int(v), style) if g else str(int(v))
        return dec(v, ind.decimals, style)

    def pct(self, x: Decimal, style: str = ID, sign: bool = False) -> str:
        s = dec(quantize(x, self.c.percent_decimals, self.c.percent_mode), self.c.percent_decimals, style)
        return s + (" %" if sign else "")

    def money(self, n: int, style: str = ID, prefix: bool = True) -> str:
        p = self.c.money_prefix
        return (f"{p} " if p and prefix else "") + group(n, style)

    def unit(self, ind: SynthIndicator) -> str:
        return "" if ind.unit in ("%", "nilai", "indeks", "predikat", "level") else f" {ind.unit}"

    def say(self, ind: SynthIndicator, v: Value) -> str:
        """A value as written in prose (Indonesian grouping, with the unit)."""
        if isinstance(v, str):
            return v
        if ind.kind == "count":
            return group(int(v)) + self.unit(ind)
        return dec(v, ind.decimals) + ("%" if ind.unit == "%" else self.unit(ind))

    # ------------------------------------------------------------------ the report
    def compose(self) -> Doc:
        t = self.t
        self.cover()
        self.add(Break())
        self.add(Numbering("roman"))
        self._part = "kata_pengantar"
        self.heading("KATA PENGANTAR", 0, toc=True)
        self.kata_pengantar()
        self._part = None
        self.add(Break())
        self.heading("DAFTAR ISI", 0)
        self.add(self.doc.toc)
        self._part = "ikhtisar"
        self.add(Break())
        self.heading("IKHTISAR EKSEKUTIF", 0, toc=True)
        self.ikhtisar()
        self._part = None
        self.add(Break())
        self.add(Numbering("arabic"))
        self.heading("BAB I PENDAHULUAN", 0, toc=True)
        self.pendahuluan()
        self.add(Break())
        self.heading("BAB II PERENCANAAN KINERJA", 0, toc=True)
        self.perencanaan()
        self.add(Break())
        self.heading("BAB III AKUNTABILITAS KINERJA", 0, toc=True)
        self.akuntabilitas()
        self.add(Break())
        self.heading("BAB IV PENUTUP", 0, toc=True)
        self.penutup()
        self.add(Break())
        self.heading("LAMPIRAN", 0, toc=True)
        self._part = "lampiran_pk"
        self.lampiran_pk()
        self._part = None
        self.add(Break("landscape"))
        self.lampiran_pengukuran()
        self._part = "pernyataan"
        self.add(Break("portrait"))
        self.pernyataan()
        self._part = None
        t.parts = ["kata_pengantar", "ikhtisar", "lampiran_pk", "pernyataan"]
        return self.doc

    def cover(self) -> None:
        t = self.t
        agency = next(a for a in AGENCIES if a.key == t.agency_type)
        ministry = agency.ministry.format(PROV=t.province.upper(), KAB=(t.kabupaten or "").upper())
        self.add(Gap(40))
        self.para(ministry, "cover")
        self.add(Gap(60))
        self.para(
            self.rng.choice(
                [
                    "LAPORAN KINERJA",
                    "LAPORAN KINERJA INSTANSI PEMERINTAH",
                    "LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH",
                ]
            ),
            "cover_big",
        )
        self.para(f"(LKjIP) TAHUN {t.year}" if self.rng.random() < 0.5 else f"TAHUN {t.year}", "cover")
        self.add(Gap(80))
        self.para(t.agency.upper(), "cover")
        self.para(f"{t.city.upper()}, {t.year + 1}", "cover")

    def kata_pengantar(self) -> None:
        t = self.t
        self.para(
            f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya Laporan "
            f"Kinerja {t.agency} Tahun {t.year} dapat diselesaikan. Laporan ini disusun sebagai wujud "
            f"pertanggungjawaban atas pelaksanaan tugas dan fungsi serta penggunaan anggaran dalam "
            f"mencapai sasaran yang ditetapkan dalam Perjanjian Kinerja Tahun {t.year}."
        )
        self.para(
            "Laporan kinerja ini diharapkan dapat menjadi bahan evaluasi dan umpan balik bagi perbaikan "
            "perencanaan, pelaksanaan program dan kegiatan, serta peningkatan kinerja pada tahun "
            "berikutnya."
        )
        self.para(f"{t.city}, {self.rng.randint(10, 28)} Januari {t.year + 1}", "right")
        self.para(self.head_title(), "right")
        self.add(Gap(30))
        self.para(f"**{self.head_name()}**", "right")

    def head_title(self) -> str:
        agency = next(a for a in AGENCIES if a.key == self.t.agency_type)
        return agency.head.format(prov=self.t.province, kab=self.t.kabupaten or "")

    def head_name(self) -> str:
        r = random.Random(self.t.seed * 7 + 1)
        return f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}, {r.choice(DEGREES)}"

    def ikhtisar(self) -> None:
        t = self.t
        n_s, n_i = len(t.sasaran), len(t.indicators)
        p = self.para(
            f"Laporan Kinerja {t.agency_short} Tahun {t.year} menyajikan tingkat pencapaian "
            f"{with_words(n_s)} sasaran dengan {with_words(n_i)} indikator kinerja sebagaimana "
            f"ditetapkan dalam Perjanjian Kinerja Tahun {t.year}."
        )
        self.claim(p, f"{with_words(n_s)} sasaran", "count_sasaran", number=n_s)
        self.claim(p, f"{with_words(n_i)} indikator", "count_indikator", number=n_i)
        self.doc.number_words += [c for c in self.doc.claims if c.block == p.id]
        k = sum(1 for i in t.indicators if i.achieved)
        p = self.para(
            f"Dari {with_words(n_i)} indikator kinerja tersebut, sebanyak {with_words(k)} indikator "
            f"telah mencapai atau melampaui target yang ditetapkan."
        )
        self.claim(p, f"sebanyak {with_words(k)} indikator", "count_achieved", number=k)
        self.add(
            ListBlock(
                [
                    Item(f"{i.name}: capaian {self.cap_text(i)}", f"{j}.")
                    for j, i in enumerate(t.indicators, start=1)
                ]
            )
        )
        pct = self.pct(D(t.total_realisasi) / D(t.total_pagu) * 100)
        p = self.para(
            f"Dari sisi anggaran, realisasi anggaran tahun {t.year} sebesar Rp "
            f"{group(t.total_realisasi)} dari pagu Rp {group(t.total_pagu)} atau {pct}%."
        )
        self.claim(p, group(t.total_realisasi), "budget_realisasi_total", number=t.total_realisasi)
        self.claim(p, group(t.total_pagu), "budget_pagu_total", number=t.total_pagu)
        self.claim(p, f"{pct}%", "budget_percent_total")

    def cap_text(self, ind: SynthIndicator) -> str:
        if ind.kind == "predicate":
            return f"predikat {ind.realisasi} dari target {ind.target}"
        return f"{self.pct(ind.capaian)}%"

    def pendahuluan(self) -> None:
        t = self.t
        self.heading("A. Latar Belakang", 1, toc=True)
        self.para(
            f"{t.agency} merupakan instansi pemerintah yang wajib menyusun laporan kinerja sebagai "
            f"bentuk akuntabilitas atas pelaksanaan tugas dan fungsinya. Laporan kinerja tahun {t.year} "
            f"disusun berdasarkan Perjanjian Kinerja tahun {t.year} dan Rencana Strategis periode "
            f"{t.renstra_period[0]}-{t.renstra_period[1]}."
        )
        self.heading("B. Dasar Hukum", 1, toc=True)
        self.add(ListBlock([Item(x, f"{j}.") for j, x in enumerate(LAWS, start=1)]))
        self.heading("C. Sumber Daya Manusia", 1, toc=True)
        r = self.rng
        counts = [r.randint(8, 60), r.randint(0, 15), r.randint(3, 25)]
        total = sum(counts)
        p = self.para(
            f"Dalam melaksanakan tugas dan fungsinya, {t.agency_short} didukung oleh pegawai "
            f"sebanyak {with_words(total)} orang dengan rincian sebagai berikut."
        )
        self.claim(p, with_words(total), "count_pegawai", number=total)
        self.doc.number_words += [c for c in self.doc.claims if c.block == p.id]
        rows = [
            ["1", "Pegawai Negeri Sipil (PNS)", str(counts[0])],
            ["2", "PPPK", str(counts[1])],
            ["3", "PPNPN / Tenaga Pendukung", str(counts[2])],
            ["", "**Jumlah**", f"**{total}**"],
        ]
        self.table(
            TableSpec(
                "pegawai",
                [["No", "Unsur Pegawai", "Jumlah (orang)"]],
                rows,
                widths=[0.6, 5, 2],
                align="CLC",
                spans=[(0, 4, 1, 4)],
                bold_rows={3},
            ),
            "other",
        )
        self.heading("D. Sistematika Laporan", 1, toc=True)
        self.para(
            "Laporan ini terdiri atas Ikhtisar Eksekutif, Bab I Pendahuluan, Bab II Perencanaan Kinerja, "
            "Bab III Akuntabilitas Kinerja, Bab IV Penutup, dan Lampiran."
        )

    # ------------------------------------------------------------------ BAB II
    def perencanaan(self) -> None:
        t = self.t
        y0, y1 = t.renstra_period
        self.heading("A. Rencana Strategis", 1, toc=True)
        self.para(
            f"Rencana Strategis {t.agency_short} periode {y0}-{y1} menetapkan sasaran, indikator dan "
            f"target kinerja tahunan sebagai berikut."
        )
        years = list(range(y0, y1 + 1))
        fmt = self.fmt("renstra")
        header = [
            ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", *[""] * (len(years) - 1)],
            ["", "", "", "", *[str(y) for y in years]],
        ]
        rows, spans = [], [(0, 0, 0, 1), (1, 0, 1, 1), (2, 0, 2, 1), (3, 0, 3, 1), (4, 0, 3 + len(years), 0)]
        self._indicator_rows(
            rows, spans, 2, lambda i: [i.unit, *[self.val(i, i.renstra[y], fmt) for y in years]]
        )
        for r, ind in enumerate(t.indicators):
            for k, y in enumerate(years):
                self.role("renstra", r, 4 + k, "renstra_target", ind, year=y)
        self.table(
            TableSpec(
                "renstra",
                header,
                rows,
                spans=spans,
                widths=[0.4, 2.2, 3.6, 0.9] + [0.9] * 5,
                align="CLLC" + "C" * len(years),
                caption=f"Tabel 2.1 Target Kinerja Renstra {y0}-{y1}",
            ),
            "renstra",
            fmt,
        )
        self.heading("B. Perjanjian Kinerja", 1, toc=True)
        self.para(
            f"Perjanjian Kinerja Tahun {t.year} antara {self.head_title()} dan atasannya memuat sasaran, "
            f"indikator dan target kinerja berikut."
        )
        fmt = self.fmt("pk")
        rows, spans = [], []
        self._indicator_rows(rows, spans, 1, lambda i: [self.val(i, i.target, fmt)])
        for r, ind in enumerate(t.indicators):
            self.role("pk", r, 3, "pk_target", ind, year=t.year)
        self.table(
            TableSpec(
                "pk",
                [["No", "Sasaran", "Indikator Kinerja", f"Target {t.year}"]],
                rows,
                spans=spans,
                widths=[0.4, 2.6, 4.5, 1.2],
                align="CLLC",
                caption=f"Tabel 2.2 Perjanjian Kinerja Tahun {t.year}",
            ),
            "pk_indicators",
            fmt,
        )
        fmt = self.fmt("pk_budget")
        rows = []
        for r, s in enumerate(t.sasaran):
            amount = sum(i.budget_pagu for i in t.indicators if i.sasaran == s.key)
            rows.append([str(r + 1), s.kegiatan_code, s.kegiatan, self.money(amount, fmt)])
            self._bline("pk_budget", r, s.kegiatan, 0, amount, printed={"pagu": rows[-1][3]})
        rows.append(["", "", "**Jumlah**", f"**{self.money(t.total_pagu, fmt)}**"])
        self._bline(
            "pk_budget",
            len(rows) - 1,
            "Jumlah",
            0,
            t.total_pagu,
            is_total=True,
            printed={"pagu": self.money(t.total_pagu, fmt)},
        )
        self.para("Anggaran yang dialokasikan untuk mencapai sasaran tersebut adalah sebagai berikut.")
        self.table(
            TableSpec(
                "pk_budget",
                [["No", "Kode", "Program / Kegiatan", "Anggaran (Rp)"]],
                rows,
                widths=[0.4, 0.8, 5, 2],
                align="CCLR",
                bold_rows={len(rows) - 1},
            ),
            "pk_budget",
            fmt,
        )

    def _indicator_rows(self, rows: list, spans: list, header_rows: int, cells) -> None:
        """Body rows No | Sasaran | Indikator | ... with the sasaran cells merged over their indicators."""
        t = self.t
        for s_no, s in enumerate(t.sasaran, start=1):
            inds = [i for i in t.indicators if i.sasaran == s.key]
            start = len(rows)
            for j, ind in enumerate(inds):
                rows.append(
                    [str(s_no) if j == 0 else "", s.name if j == 0 else "", f"{ind.name}", *cells(ind)]
                )
            if len(inds) > 1:
                r0, r1 = header_rows + start, header_rows + len(rows) - 1
                spans += [(0, r0, 0, r1), (1, r0, 1, r1)]

    def _bline(
        self,
        tid: str,
        row: int,
        label: str,
        level: int,
        pagu: int,
        realisasi: int | None = None,
        indicator: str | None = None,
        is_total: bool = False,
        is_subtotal: bool = False,
        printed: dict | None = None,
    ) -> None:
        pct = D(realisasi) / D(pagu) * 100 if realisasi is not None and pagu else None
        self.doc.budget_lines.append(
            BudgetLine(
                f"{tid}:{row}",
                tid,
                row,
                label,
                level,
                pagu,
                realisasi,
                pct,
                indicator,
                is_total,
                is_subtotal,
                dict(printed or {}),
            )
        )

    # ------------------------------------------------------------------ BAB III
    def akuntabilitas(self) -> None:
        t = self.t
        self.heading("A. Capaian Kinerja", 1, toc=True)
        n_s, n_i = len(t.sasaran), len(t.indicators)
        self.para(
            f"Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi {n_i} indikator "
            f"kinerja pada {n_s} sasaran. Capaian dihitung dengan rumus realisasi dibagi target dikali "
            f"100%, kecuali untuk indikator yang bersifat negatif."
        )
        self.capaian_table()
        for s_no, s in enumerate(t.sasaran, start=1):
            self.heading(f"Sasaran {s_no}: {s.name}", 2)
            for ind in (i for i in t.indicators if i.sasaran == s.key):
                self.indicator_section(ind)
        self.heading("B. Realisasi Anggaran", 1, toc=True)
        self.anggaran()

    def capaian_table(self) -> None:
        t = self.t
        fmt = self.fmt("capaian")
        sign = self.c.percent_sign_in_tables
        rows, spans = [], []
        two = self.c.two_row_capaian_header
        self._indicator_rows(
            rows,
            spans,
            2 if two else 1,
            lambda i: [
                i.unit,
                self.val(i, i.target, fmt),
                self.val(i, i.realisasi, fmt),
                i.capaian_printed if i.kind == "predicate" else self.pct(i.capaian, fmt, sign),
            ],
        )
        for r, ind in enumerate(t.indicators):
            self.role("capaian", r, 4, "target", ind, year=t.year)
            self.role("capaian", r, 5, "realisasi", ind, year=t.year)
            self.role("capaian", r, 6, "capaian", ind, year=t.year)
            if ind.kind != "predicate":
                ind.capaian_printed = self.pct(ind.capaian, fmt, sign)
        if two:
            header = [
                ["No", "Sasaran", "Indikator Kinerja", "Satuan", f"Tahun {t.year}", "", ""],
                ["", "", "", "", "Target", "Realisasi", "% Capaian"],
            ]
            spans = [(0, 0, 0, 1), (1, 0, 1, 1), (2, 0, 2, 1), (3, 0, 3, 1), (4, 0, 6, 0), *spans]
        else:
            header = [
                [
                    "No",
                    "Sasaran",
                    "Indikator Kinerja",
                    "Satuan",
                    "Target",
                    "Realisasi",
                    self.rng.choice(["% Capaian", "Capaian (%)", "Persentase Capaian"]),
                ]
            ]
        self.table(
            TableSpec(
                "capaian",
                header,
                rows,
                spans=spans,
                widths=[0.4, 2.2, 4, 0.9, 1, 1, 1],
                align="CLLCCCC",
                caption=f"Tabel 3.1 Capaian Kinerja Tahun {t.year}",
            ),
            "capaian",
            fmt,
        )

    def indicator_section(self, ind: SynthIndicator) -> None:
        t = self.t
        y = t.year
        self.heading(f"{ind.code} {ind.name}", 3)
        defn = self.para(
            f"Indikator {ind.name} digunakan untuk mengukur keberhasilan pencapaian sasaran "
            f"{self._sasaran(ind).name.lower()}."
        )
        self.doc.claims.append(Claim(defn.id, ind.name, "indicator_name", ind.key))
        if ind.polarity == "negative":
            formula = (
                "(2 × Target − Realisasi) / Target × 100%"
                if self.c.negative_formula == "2T-R"
                else "Target / Realisasi × 100%"
            )
            self.para(
                f"Indikator ini merupakan indikator negatif, yaitu semakin rendah realisasi semakin baik "
                f"kinerjanya. Capaian dihitung dengan rumus: Capaian = {formula}."
            )
        if ind.kind == "predicate":
            self.predicate_section(ind)
        else:
            verb = self.rng.choice(["terealisasi sebesar", "dengan realisasi sebesar", "tercapai sebesar"])
            cap = f"{self.pct(ind.capaian)}%"
            p = self.para(
                f"Pada tahun {y}, target indikator ini ditetapkan sebesar {self.say(ind, ind.target)} "
                f"dan {verb} {self.say(ind, ind.realisasi)}, sehingga capaian kinerja sebesar {cap}."
            )
            self.claim(p, self.say(ind, ind.target), "target", ind.key, ind.target)
            self.claim(p, self.say(ind, ind.realisasi), "realisasi", ind.key, ind.realisasi)
            self.claim(p, cap, "capaian", ind.key, ind.capaian)
        bars: tuple[tuple[str, float], ...] = ()
        if ind.kind != "predicate":
            prev = ind.history.get(y - 1)
            bars = ((f"Target {y}", float(ind.target)), (f"Realisasi {y}", float(ind.realisasi)))
            if isinstance(prev, Decimal):
                bars = ((f"Realisasi {y - 1}", float(prev)), *bars)
        self.add(Chart(f"Grafik target dan realisasi {ind.code}", bars=bars))
        self.yoy(ind)
        self.renstra_end(ind)
        if (
            ind.kind == "count"
            and ind.polarity == "positive"
            and int(ind.realisasi) >= 40
            and "sebaran" not in self.doc.tables
            and self.rng.random() < 0.8
        ):
            self.sebaran(ind)

    def _sasaran(self, ind: SynthIndicator):
        return next(s for s in self.t.sasaran if s.key == ind.sasaran)

    def predicate_section(self, ind: SynthIndicator) -> None:
        t = self.t
        self.para(
            "Penilaian SAKIP berpedoman pada Peraturan Menteri PAN dan RB Nomor 88 Tahun 2021 dengan "
            "skala nilai dan predikat sebagai berikut."
        )
        if "skala" not in self.doc.tables:
            rows = [[f"> {lo} - {hi}", p, m] for lo, hi, p, m in SAKIP_SCALE]
            self.table(
                TableSpec(
                    "skala",
                    [["Nilai", "Predikat", "Interpretasi"]],
                    rows,
                    widths=[1, 1, 2],
                    align="CCL",
                    width_fraction=0.7,
                ),
                "other",
            )
        sc = dec(ind.score, 2)
        p = self.para(
            f"Hasil evaluasi tahun {t.year} memberikan nilai {sc} dengan predikat {ind.realisasi}, "
            f"sedangkan target yang ditetapkan adalah predikat {ind.target}. Dengan demikian target "
            f"{'tercapai' if ind.achieved else 'belum tercapai'}."
        )
        self.claim(p, f"nilai {sc}", "score", ind.key, ind.score)
        tid = f"skor_{ind.key}"
        rows = [
            [str(t.year - 1), dec(ind.prev_score, 2), predicate_of(ind.prev_score)],
            [str(t.year), sc, str(ind.realisasi)],
        ]
        self.table(
            TableSpec(
                tid,
                [["Tahun", "Nilai SAKIP", "Predikat"]],
                rows,
                widths=[1, 1, 1],
                align="CCC",
                width_fraction=0.6,
                caption=f"Nilai dan predikat SAKIP {t.year - 1}-{t.year}",
            ),
            "yoy",
        )
        self.role(tid, 0, 1, "prev_score", ind, year=t.year - 1)
        self.role(tid, 0, 2, "prev_realisasi", ind, year=t.year - 1)
        self.role(tid, 1, 1, "score", ind, year=t.year)
        self.role(tid, 1, 2, "realisasi", ind, year=t.year)

    def yoy(self, ind: SynthIndicator) -> None:
        t = self.t
        y = t.year
        h = self.heading(f"Perbandingan Realisasi Kinerja Tahun {y - 1} dan Tahun {y}", 3)
        self.doc.year_headings.append(h.id)
        prev = ind.history[y - 1]
        fmt = self.fmt("yoy")
        tid = f"yoy_{ind.key}"
        prev_t = ind.renstra.get(y - 1, "-")
        header = [
            ["Indikator", f"Tahun {y - 1}", "", f"Tahun {y}", ""],
            ["", "Target", "Realisasi", "Target", "Realisasi"],
        ]
        rows = [
            [
                ind.name,
                self.val(ind, prev_t, fmt),
                self.val(ind, prev, fmt),
                self.val(ind, ind.target, fmt),
                self.val(ind, ind.realisasi, fmt),
            ]
        ]
        self.table(
            TableSpec(
                tid,
                header,
                rows,
                spans=[(0, 0, 0, 1), (1, 0, 2, 0), (3, 0, 4, 0)],
                widths=[3.5, 1, 1, 1, 1],
                align="LCCCC",
            ),
            "yoy",
            fmt,
        )
        self.doc.dup_header_cells.append((tid, 0, 1, 3))
        if prev_t != "-":
            self.role(tid, 0, 1, "renstra_target", ind, year=y - 1)
        self.role(tid, 0, 2, "prev_realisasi", ind, year=y - 1)
        self.role(tid, 0, 3, "target", ind, year=y)
        self.role(tid, 0, 4, "realisasi", ind, year=y)
        if ind.kind == "predicate":
            return
        diff = ind.realisasi - prev
        word = "meningkat" if diff > 0 else "menurun"
        change = abs(diff) / prev * 100
        d_s = self.say(ind, abs(diff))
        c_s = f"{self.pct(change)}%"
        p = self.para(
            f"Realisasi tahun {y} sebesar {self.say(ind, ind.realisasi)} {word} dibandingkan tahun "
            f"{y - 1} yang sebesar {self.say(ind, prev)}, atau {word} {d_s} ({c_s})."
        )
        self.claim(p, self.say(ind, prev), "prev_realisasi", ind.key, prev)
        self.claim(p, d_s, "yoy_change", ind.key, abs(diff))
        self.claim(p, c_s, "yoy_change_percent", ind.key, change)

    def renstra_end(self, ind: SynthIndicator) -> None:
        t = self.t
        y, end = t.year, t.renstra_period[1]
        self.heading(f"Perbandingan Realisasi dengan Target Akhir Renstra Tahun {end}", 3)
        fmt = self.fmt("renstra_end")
        tid = f"end_{ind.key}"
        prior = [yy for yy in sorted(ind.history) if t.renstra_period[0] <= yy < y]
        cum = " (kumulatif)" if ind.renstra_end_basis == "cumulative" else ""
        has_pct = ind.renstra_end_capaian is not None
        n_prior = len(prior)
        pred = ind.kind == "predicate"
        group_cols = ["Target", "Realisasi"] + ([] if pred else ["%"])
        g = len(group_cols)
        h0 = (
            [f"Realisasi {yy}" for yy in prior]
            + [f"Tahun {y}"]
            + [""] * (g - 1)
            + [f"Target Akhir Renstra {end}{cum}"]
        )
        h1 = [""] * n_prior + group_cols + [""]
        row = [self.val(ind, ind.history[yy], fmt) for yy in prior] + [
            self.val(ind, ind.target, fmt),
            self.val(ind, ind.realisasi, fmt),
        ]
        if not pred:
            row.append(self.pct(ind.capaian, fmt))
        row.append(self.val(ind, ind.renstra_end_target, fmt))
        spans = [(c, 0, c, 1) for c in range(n_prior)] + [
            (n_prior, 0, n_prior + g - 1, 0),
            (n_prior + g, 0, n_prior + g, 1),
        ]
        if has_pct:
            h0.append(f"% Capaian terhadap Target Akhir Renstra{cum}")
            h1.append("")
            row.append(self.pct(ind.renstra_end_capaian, fmt))
            spans.append((n_prior + g + 1, 0, n_prior + g + 1, 1))
        self.table(TableSpec(tid, [h0, h1], [row], spans=spans, align="C" * len(row)), "renstra_end", fmt)
        for k, yy in enumerate(prior):
            self.role(tid, 0, k, "prev_realisasi", ind, year=yy)
        if n_prior >= 2:
            self.doc.dup_header_cells.append((tid, 0, n_prior - 2, n_prior - 1))
        self.role(tid, 0, n_prior, "target", ind, year=y)
        self.role(tid, 0, n_prior + 1, "realisasi", ind, year=y)
        if not pred:
            self.role(tid, 0, n_prior + 2, "capaian", ind, year=y)
        self.role(tid, 0, n_prior + g, "renstra_end_target", ind, year=end)
        if has_pct:
            self.role(tid, 0, n_prior + g + 1, "renstra_end_capaian", ind, year=end)
            e_s = f"{self.pct(ind.renstra_end_capaian)}%"
            what = f"realisasi kumulatif {t.renstra_period[0]}-{y}" if cum else f"realisasi tahun {y}"
            p = self.para(
                f"Dibandingkan dengan target akhir Renstra tahun {end} sebesar "
                f"{self.say(ind, ind.renstra_end_target)}, {what} telah mencapai {e_s}."
            )
            self.claim(
                p,
                self.say(ind, ind.renstra_end_target),
                "renstra_end_target",
                ind.key,
                ind.renstra_end_target if isinstance(ind.renstra_end_target, Decimal) else None,
            )
            self.claim(p, e_s, "renstra_end_capaian", ind.key, ind.renstra_end_capaian)

    def sebaran(self, ind: SynthIndicator) -> None:
        t = self.t
        if t.kabupaten:
            r = random.Random(t.seed)
            places = [f"Kecamatan {x}" for x in r.sample(KECAMATAN_STEMS, r.randint(14, 30))]
            label = "Kecamatan"
        else:
            places = [k if k.startswith("Kota ") else f"Kabupaten {k}" for k in PROVINCES[t.province][1]]
            label = "Kabupaten/Kota"
        total = int(ind.realisasi)
        weights = [self.rng.random() + 0.2 for _ in places]
        counts = [int(total * w / sum(weights)) for w in weights]
        counts[0] += total - sum(counts)
        self.para(
            f"Sebaran realisasi indikator {ind.code} menurut {label.lower()} disajikan pada tabel berikut."
        )
        rows = [[str(i + 1), p, group(c)] for i, (p, c) in enumerate(zip(places, counts, strict=True))]
        rows.append(["", "**Jumlah**", f"**{group(total)}**"])
        self.table(
            TableSpec(
                "sebaran",
                [["No", label, f"Jumlah ({ind.unit})"]],
                rows,
                spans=[(0, len(rows), 1, len(rows))],
                widths=[0.5, 4, 1.5],
                align="CLR",
                bold_rows={len(rows) - 1},
                width_fraction=0.8,
                caption=f"Tabel Sebaran {ind.code} per {label}",
            ),
            "other",
        )
        self.role("sebaran", len(rows) - 1, 2, "realisasi", ind, year=t.year)
        for i, c in enumerate(counts):
            self._bline("sebaran", i, places[i], 1, c)
        self._bline("sebaran", len(rows) - 1, "Jumlah", 0, total, is_total=True)

    def anggaran(self) -> None:
        t = self.t
        fmt = self.fmt("anggaran")
        pct_all = D(t.total_realisasi) / D(t.total_pagu) * 100
        p = self.para(
            f"Pagu anggaran {t.agency_short} tahun {t.year} sebesar Rp {group(t.total_pagu)} dengan "
            f"realisasi sebesar Rp {group(t.total_realisasi)} atau {self.pct(pct_all)}%. Rincian "
            f"realisasi anggaran per sasaran dan indikator kinerja adalah sebagai berikut."
        )
        self.claim(p, group(t.total_pagu), "budget_pagu_total", number=t.total_pagu)
        self.claim(p, group(t.total_realisasi), "budget_realisasi_total", number=t.total_realisasi)
        rows = []
        letters = "ABCDEFGH"
        for s_no, s in enumerate(t.sasaran):
            inds = [i for i in t.indicators if i.sasaran == s.key]
            pagu, real = sum(i.budget_pagu for i in inds), sum(i.budget_realisasi for i in inds)
            r = len(rows)
            rows.append(
                [
                    f"**{letters[s_no]}**",
                    f"**{s.name}**",
                    f"**{self.money(pagu, fmt, False)}**",
                    f"**{self.money(real, fmt, False)}**",
                    f"**{self.pct(D(real) / D(pagu) * 100, fmt)}**",
                ]
            )
            self._bline(
                "anggaran",
                r,
                s.name,
                0,
                pagu,
                real,
                is_subtotal=True,
                printed=_strip(dict(zip(("pagu", "realisasi", "percent"), rows[-1][2:], strict=True))),
            )
            for j, ind in enumerate(inds, start=1):
                r = len(rows)
                rows.append(
                    [
                        str(j),
                        ind.name,
                        self.money(ind.budget_pagu, fmt, False),
                        self.money(ind.budget_realisasi, fmt, False),
                        self.pct(ind.budget_percent, fmt),
                    ]
                )
                self.role("anggaran", r, 2, "budget_pagu", ind)
                self.role("anggaran", r, 3, "budget_realisasi", ind)
                self.role("anggaran", r, 4, "budget_percent", ind)
                self._bline(
                    "anggaran",
                    r,
                    ind.name,
                    1,
                    ind.budget_pagu,
                    ind.budget_realisasi,
                    ind.key,
                    printed=dict(zip(("pagu", "realisasi", "percent"), rows[-1][2:], strict=True)),
                )
        rows.append(
            [
                "",
                "**JUMLAH**",
                f"**{self.money(t.total_pagu, fmt, False)}**",
                f"**{self.money(t.total_realisasi, fmt, False)}**",
                f"**{self.pct(pct_all, fmt)}**",
            ]
        )
        self._bline(
            "anggaran",
            len(rows) - 1,
            "JUMLAH",
            0,
            t.total_pagu,
            t.total_realisasi,
            is_total=True,
            printed=_strip(dict(zip(("pagu", "realisasi", "percent"), rows[-1][2:], strict=True))),
        )
        self.table(
            TableSpec(
                "anggaran",
                [["No", "Sasaran / Indikator Kinerja", "Pagu (Rp)", "Realisasi (Rp)", "%"]],
                rows,
                widths=[0.5, 4.5, 1.8, 1.8, 0.9],
                align="CLRRR",
                caption=f"Tabel 3.2 Realisasi Anggaran Tahun {t.year}",
            ),
            "budget_realisation",
            fmt,
        )

    # ------------------------------------------------------------------ BAB IV
    def penutup(self) -> None:
        t = self.t
        k = sum(1 for i in t.indicators if i.achieved)
        pct_all = self.pct(D(t.total_realisasi) / D(t.total_pagu) * 100)
        self.para(
            f"Secara umum {t.agency_short} telah melaksanakan program dan kegiatan tahun {t.year} dengan "
            f"baik. Dari {len(t.indicators)} indikator kinerja, {k} indikator mencapai target."
        )
        p = self.para(
            f"Capaian kinerja tersebut didukung oleh realisasi anggaran sebesar Rp "
            f"{group(t.total_realisasi)} atau {pct_all}% dari pagu anggaran."
        )
        self.claim(p, group(t.total_realisasi), "budget_realisasi_total", number=t.total_realisasi)
        self.para(
            "Ke depan, perbaikan akan difokuskan pada peningkatan kualitas perencanaan, pemantauan "
            "berkala atas capaian kinerja, dan peningkatan kapasitas sumber daya manusia."
        )

    # ------------------------------------------------------------------ Lampiran
    def lampiran_pk(self) -> None:
        t = self.t
        self.heading("1. Perjanjian Kinerja", 1, toc=True)
        self.para(f"**PERJANJIAN KINERJA TAHUN {t.year}**", "center")
        self.para(
            f"Pada tahun {t.year}, {self.head_title()} berjanji akan mewujudkan target kinerja tahunan "
            f"sesuai lampiran perjanjian ini dalam rangka mencapai target kinerja jangka menengah."
        )
        fmt = self.fmt("lamp_pk")
        rows, spans = [], []
        self._indicator_rows(rows, spans, 1, lambda i: [self.val(i, i.target, fmt)])
        for r, ind in enumerate(t.indicators):
            self.role("lamp_pk", r, 3, "pk_target", ind, year=t.year)
        self.table(
            TableSpec(
                "lamp_pk",
                [["No", "Sasaran", "Indikator Kinerja", "Target"]],
                rows,
                spans=spans,
                widths=[0.4, 2.6, 4.5, 1.2],
                align="CLLC",
            ),
            "pk_indicators",
            fmt,
        )
        self.para(f"{t.city}, {self.rng.randint(2, 31)} Januari {t.year}", "right")
        self.para(self.head_title(), "right")
        self.add(Gap(24))
        self.para(f"**{self.head_name()}**", "right")

    def lampiran_pengukuran(self) -> None:
        t = self.t
        self.heading("2. Rencana Aksi", 1, toc=True)
        fmt = self.fmt("renaksi")
        rows, spans = [], []
        self._indicator_rows(
            rows,
            spans,
            2,
            lambda i: [self.val(i, i.target, fmt), *[self.val(i, v, fmt) for v in i.renaksi_tw]],
        )
        for r, ind in enumerate(t.indicators):
            self.role("renaksi", r, 3, "renaksi_target", ind, year=t.year)
            for q in range(4):
                self.role("renaksi", r, 4 + q, "renaksi_tw", ind, year=t.year, quarter=q + 1)
        header = [
            ["No", "Sasaran", "Indikator Kinerja", f"Target {t.year}", "Target Triwulan", "", "", ""],
            ["", "", "", "", "TW I", "TW II", "TW III", "TW IV"],
        ]
        hs = [(0, 0, 0, 1), (1, 0, 1, 1), (2, 0, 2, 1), (3, 0, 3, 1), (4, 0, 7, 0)]
        self.table(
            TableSpec(
                "renaksi",
                header,
                rows,
                spans=hs + spans,
                widths=[0.4, 2.5, 4.5, 1, 0.8, 0.8, 0.8, 0.8],
                align="CLLCCCCC",
            ),
            "rencana_aksi",
            fmt,
        )
        self.add(Break())
        self.heading("3. Pengukuran Kinerja", 1, toc=True)
        fmt = self.fmt("pengukuran")
        rows, spans = [], []
        self._indicator_rows(
            rows,
            spans,
            1,
            lambda i: [
                i.unit,
                self.val(i, i.target, fmt),
                self.val(i, i.realisasi, fmt),
                i.capaian_printed if i.kind == "predicate" else self.pct(i.capaian, fmt),
                "Tercapai" if i.achieved else "Belum tercapai",
            ],
        )
        for r, ind in enumerate(t.indicators):
            self.role("pengukuran", r, 4, "pengukuran_target", ind, year=t.year)
            self.role("pengukuran", r, 5, "pengukuran_realisasi", ind, year=t.year)
            self.role("pengukuran", r, 6, "pengukuran_capaian", ind, year=t.year)
        self.table(
            TableSpec(
                "pengukuran",
                [
                    [
                        "No",
                        "Sasaran",
                        "Indikator Kinerja",
                        "Satuan",
                        "Target",
                        "Realisasi",
                        "% Capaian",
                        "Keterangan",
                    ]
                ],
                rows,
                spans=spans,
                widths=[0.4, 2.5, 4.5, 1, 1, 1, 1, 1.3],
                align="CLLCCCCC",
            ),
            "pengukuran",
            fmt,
        )
        self.add(Break())
        self.heading("4. Rincian Output", 1, toc=True)
        self.rincian_output()

    def rincian_output(self) -> None:
        t = self.t
        fmt = self.fmt("ro")
        style = EN if fmt in (EN, "mixed") else ID
        other: list[int] = []
        rows, bold = [], set()
        r = random.Random(t.seed * 31 + 7)
        for n, ind in enumerate(t.indicators, start=1):
            volume = group(int(ind.target), style) if ind.kind == "count" else "1"
            unit = ind.unit if ind.kind == "count" else "Laporan"
            row_i = len(rows)
            label = self.output_name(ind) if self.ro_names == "output" else ind.name
            rows.append([str(n), label, volume, unit, group(ind.budget_pagu, style)])
            bold.add(row_i)
            self.role("ro", row_i, 4, "budget_pagu", ind)
            self._bline(
                "ro", row_i, label, 1, ind.budget_pagu, indicator=ind.key, printed={"pagu": rows[-1][4]}
            )
            parts = _split(ind.budget_pagu, r.randint(2, 3), r)
            codes, comps = sorted(r.sample(range(51, 60), len(parts))), r.sample(COMPONENTS, len(parts))
            for code, comp, amount in zip(codes, comps, parts, strict=True):
                s = style
                if fmt == "mixed" and not other and r.random() < 0.5:
                    s = ID if style == EN else EN
                    other.append(len(rows))
                rows.append(["", f"[0{code}] {comp}", "", "", group(amount, s)])
                self._bline(
                    "ro",
                    len(rows) - 1,
                    f"[0{code}] {comp}",
                    2,
                    amount,
                    indicator=ind.key,
                    printed={"pagu": rows[-1][4]},
                )
        if fmt == "mixed" and not other and len(rows) > 1:
            last = len(rows) - 1
            amount = next(b.pagu for b in self.doc.budget_lines if b.table == "ro" and b.row == last)
            rows[last][4] = group(amount, ID if style == EN else EN)
            other.append(last)
            self.doc.budget_lines[-1].printed["pagu"] = rows[last][4]
        rows.append(["", "**TOTAL**", "", "", f"**{group(t.total_pagu, style)}**"])
        self._bline(
            "ro",
            len(rows) - 1,
            "TOTAL",
            0,
            t.total_pagu,
            is_total=True,
            printed={"pagu": group(t.total_pagu, style)},
        )
        self.doc.other_format_rows["ro"] = other
        self.table(
            TableSpec(
                "ro",
                [["No", "Rincian Output / Komponen", "Volume", "Satuan", "Anggaran"]],
                rows,
                widths=[0.4, 6, 1, 1.2, 2],
                align="CLCCR",
                bold_rows=bold | {len(rows) - 1},
            ),
            "rincian_output",
            fmt,
        )

    def output_name(self, ind: SynthIndicator) -> str:
        """The output (rincian output) that serves ``ind``, named as DIPA names it, not as the indicator."""
        s = self._sasaran(ind)
        peers = [i.key for i in self.t.indicators if i.sasaran == ind.sasaran]
        k = peers.index(ind.key)
        if s.kegiatan == GOVERNANCE.kegiatan:
            return SUPPORT_OUTPUTS[k % len(SUPPORT_OUTPUTS)]
        m = re.match(r"Jumlah (.+?)(?: yang .*)?$", ind.name)
        name = f"{m[1][0].upper()}{m[1][1:]} yang mendapat fasilitasi" if ind.kind == "count" and m else ""
        used = {r[1] for r in self.doc.tables["ro"].rows} if "ro" in self.doc.tables else set()
        j = k
        while not name or name in used or name in self._outputs:
            name, j = TECHNICAL_OUTPUTS[j % len(TECHNICAL_OUTPUTS)].format(k=s.kegiatan), j + 1
        self._outputs.add(name)
        return name

    def pernyataan(self) -> None:
        t = self.t
        self.heading("PERNYATAAN TELAH DIREVIU", 0, toc=True)
        self.para(
            f"Kami telah mereviu Laporan Kinerja {t.agency} untuk tahun anggaran {t.year} sesuai Pedoman "
            f"Reviu atas Laporan Kinerja. Substansi informasi yang dimuat dalam laporan kinerja menjadi "
            f"tanggung jawab manajemen {t.agency_short}."
        )
        self.para(
            "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam "
            "meyakini keandalan informasi yang disajikan di dalam laporan kinerja ini."
        )
        r = random.Random(t.seed * 13 + 5)
        self.para(f"{t.city}, {r.randint(10, 28)} Februari {t.year + 1}", "right")
        self.para("Ketua Tim Reviu", "right")
        self.add(Gap(24))
        self.para(f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}, {r.choice(DEGREES)}", "right")


def occurrences(text: str, printed: str) -> list[int]:
    """Offsets where ``printed`` stands as a whole number/phrase (not inside a longer number)."""
    pat = r"(?<![\d.,])" + re.escape(printed) + r"(?![\d]|[.,]\d)"
    return [m.start() for m in re.finditer(pat, text)]


def _strip(d: dict[str, str]) -> dict[str, str]:
    return {k: v.replace("**", "") for k, v in d.items()}


def _split(total: int, n: int, rng: random.Random) -> list[int]:
    """``n`` positive amounts (multiples of 1000 where possible) that add up to ``total``."""
    cuts = sorted(rng.sample(range(1, 1000), n - 1))
    parts = [total * (b - a) // 1000 // 1000 * 1000 for a, b in zip([0, *cuts], [*cuts, 1000], strict=True)]
    parts[-1] += total - sum(parts)
    return parts


def number_words_in(text: str) -> list[str]:
    """Every "N (kata)" in ``text`` whose words match N (used to check generated prose)."""
    return [m[0] for m in re.finditer(r"(\d+) \(([a-z ]+)\)", text) if terbilang(int(m[1])) == m[2]]
