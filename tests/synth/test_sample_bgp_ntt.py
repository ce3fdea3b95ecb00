"""samples/lakip_bgp_ntt_2023.pdf, the rendering of the real BGP NTT 2023 report, agrees with its truth."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from lakipcheck.synth.render import norm_space, page_texts

from .conftest import on_page

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
PDF = SAMPLES / "lakip_bgp_ntt_2023.pdf"
TRUTH = SAMPLES / "lakip_bgp_ntt_2023.truth.json"
CONTENT = SAMPLES / "lakip_bgp_ntt_2023.content.md"
SEED = ROOT.parent / "shared" / "seeds" / "lakip_bgp_ntt_2023.md"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return page_texts(PDF)


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads(TRUTH.read_text(encoding="utf-8"))


def test_page_count_and_running_header(texts, truth):
    assert len(texts) == truth["n_pages"] > 40
    header = "Laporan Kinerja BGP Provinsi NTT | 2023"
    assert header not in texts[0]  # the cover has none
    assert all(header in t for t in texts[1:])
    assert truth["page_labels"][:3] == ["", "i", "ii"]


def test_every_table_starts_on_its_pages_and_repeats_its_header(texts, truth):
    assert len(truth["tables"]) >= 25
    for t in truth["tables"]:
        first = norm_space(t["first_header_cells"][0].split("\n")[0])[:40]
        pages = t["pages"]
        assert on_page(texts, pages[0], first), t["id"]
        if len(pages) > 1 and t["n_header_rows"]:
            assert all(on_page(texts, p, first) for p in pages), t["id"]  # header repeated after the break
    split = {t["id"] for t in truth["tables"] if len(t["pages"]) > 1}
    assert "peserta_psp" in split
    kinds = {t["kind"] for t in truth["tables"]}
    assert {
        "renstra",
        "pk_indicators",
        "pk_budget",
        "capaian",
        "renstra_end",
        "budget_realisation",
        "rencana_aksi",
        "pengukuran",
        "rincian_output",
    } <= kinds
    landscape = {t["id"] for t in truth["tables"] if t["orientation"] == "landscape"}
    assert {"renaksi_pk", "renaksi_ro", "pengukuran_ikk", "pengukuran_ro"} == landscape


def test_every_indicator_value_is_printed_on_its_page(texts, truth):
    assert [i["code"] for i in truth["indicators"]] == ["IKK 1.1", "IKK 1.2", "IKK 1.3", "IKK 2.1", "IKK 2.2"]
    for ind in truth["indicators"]:
        roles = {v["role"] for v in ind["values"]}
        assert {
            "renstra_target",
            "pk_awal_target",
            "pk_akhir_target",
            "target",
            "realisasi",
            "renstra_end_target",
            "renaksi_tw",
            "pengukuran_target",
        } <= roles
        for v in ind["values"]:
            assert on_page(texts, v["page"], v["printed"]), (ind["code"], v)
    for line in truth["budget_lines"]:
        for key in ("pagu", "realisasi", "percent"):
            if key in line:
                assert on_page(texts, line[key]["page"], line[key]["printed"]), line


def _value(truth, code, role, table):
    ind = next(i for i in truth["indicators"] if i["code"] == code)
    return next(v for v in ind["values"] if v["role"] == role and v["table"] == table)


def test_key_strings_of_the_seed_are_where_the_truth_says(texts, truth):
    # values the report is known for, including its errors (kept on purpose)
    assert _value(truth, "IKK 1.1", "capaian", "capaian")["printed"] == "101,75"
    assert _value(truth, "IKK 1.1", "target", "renstra_end_11")["printed"] == "2.568 orang"
    assert _value(truth, "IKK 2.1", "realisasi", "capaian")["printed"] == "B"
    assert _value(truth, "IKK 1.1", "budget_percent", "realisasi_anggaran")["printed"] == "99.85"
    swapped = _value(truth, "IKK 1.3", "realisasi", "renstra_end_13")
    assert swapped["printed"] == "796 orang" and "swapped" in swapped["note"]
    ro = {(b["table"], b["label"]): b for b in truth["budget_lines"]}
    mixed = ro[("pengukuran_ro", "[997] Peralatan Fasilitas Perkantoran")]["pagu"]
    assert mixed["printed"] == "200.000.000" and on_page(texts, mixed["page"], "54,166,493,000")
    restated = next(c for c in truth["claims"] if c["printed"] == "54.068.042.681")
    assert on_page(texts, restated["page"], "Kinerja BGP Provinsi Nusa Tenggara Timur secara garis besar")
    sections = {s["heading"]: s["page"] for s in truth["sections"]}
    assert on_page(texts, sections["DAFTAR ISI"], "KATA PENGANTAR ....")  # dotted leaders
    assert on_page(texts, sections["DAFTAR ISI"], "BAB III AKUNTABILITAS KINERJA")
    assert "PERNYATAAN TELAH DI REVIU" in texts[-1] and "Lidia Natalia Br. Sitompul" in texts[-1]
    assert sections["LAMPIRAN"] > sections["Penutup"] > sections["Akuntabilitas Kinerja"]
    for d in truth["known_discrepancies"]:
        if "printed" in d:
            assert any(norm_space(d["printed"]) in t for t in texts), d


@pytest.mark.skipif(not SEED.is_file(), reason="needs ../shared/seeds")
def test_content_is_the_seed_text():
    """Every prose line and table cell of the content file is text of the seed (formulas rewritten)."""

    def norm(s: str) -> str:
        s = re.sub(r"<[^>]+>", " ", s).replace("**", "").replace("#", " ")
        return re.sub(r"\s+", " ", s).strip()

    seed = norm(SEED.read_text(encoding="utf-8"))
    missing = []
    for line in CONTENT.read_text(encoding="utf-8").splitlines():
        if line.startswith("@") and not line.startswith(
            ("@center ", "@right ", "@para ", "@cover", "@caption ")
        ):
            continue
        line = line.split(" ", 1)[1] if line.startswith("@") else line
        for cell in line.split("\t"):
            c = norm(re.sub(r"^\s*(-|▪|\d+\.)\s+", "", cell).replace("\\n", " "))
            if not c or c in seed or c.startswith("@cell "):
                continue
            if "∑" in c or "×" in c:  # LaTeX formulas written out: keep their numbers
                assert all(n in seed for n in re.findall(r"\d+,\d+", c)), c
                continue
            words = c.split()  # a line joined across a page break: both halves are seed text
            if not any(
                " ".join(words[:k]) in seed and " ".join(words[k:]) in seed for k in range(1, len(words))
            ):
                missing.append(c)
    assert not missing, missing[:5]


def test_rebuilding_gives_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location("build_bgp_ntt", SAMPLES / "build_bgp_ntt.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    try:
        spec.loader.exec_module(mod)
    finally:
        del sys.modules[spec.name]
    from lakipcheck.synth.render import fonts

    if not fonts().unicode:
        pytest.skip("DejaVu Sans is not installed; the committed PDF embeds it")
    assert mod.main(["--out", str(tmp_path)]) == 0
    assert (tmp_path / PDF.name).read_bytes() == PDF.read_bytes()
    assert json.loads((tmp_path / TRUTH.name).read_text(encoding="utf-8")) == json.loads(TRUTH.read_text())
