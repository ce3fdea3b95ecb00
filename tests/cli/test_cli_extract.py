"""`lakipcheck extract`: formats, schema, exit codes, and bad files that never hide the others' results."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from lakipcheck.cli import app

runner = CliRunner()


def test_json_schema_on_the_sample(sample_pdf, tmp_path):
    out = tmp_path / "model.json"
    result = runner.invoke(app, ["extract", str(sample_pdf), "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"].startswith("lakipcheck/extract@")
    assert data["document"]["kind"] == "lakip" and data["document"]["year"] == 2023
    assert {s["kind"] for s in data["sections"]} >= {
        "ikhtisar_eksekutif",
        "bab_i_pendahuluan",
        "bab_iii_akuntabilitas_kinerja",
        "bab_iv_penutup",
        "lampiran",
    }
    ind = next(i for i in data["indicators"] if i["code"] == "IKK 1.1")
    assert ind["unit"] == "orang" and ind["page"] == 13
    assert (ind["target"]["raw"], ind["realisasi"]["raw"], ind["capaian"]["raw"]) == (
        "2568",
        "2613",
        "101,75",
    )
    value = next(v for v in ind["values"] if v["role"] == "capaian")
    assert value["value"] == "101.75" and value["decimals"] == 2
    assert value["source"]["page"] == 13 and len(value["source"]["bbox"]) == 4
    table = next(t for t in data["tables"] if t["kind"] == "capaian")
    assert table["engine"] == "pdfplumber" and table["columns"][2:] == ["Target", "Realisasi", "% Capaian"]


def test_text_output(sample_pdf):
    result = runner.invoke(app, ["extract", str(sample_pdf)])
    assert result.exit_code == 0
    assert "INDICATORS (5)" in result.output and "[IKK 2.2]" in result.output
    assert "budget_realisation" in result.output


def test_bad_inputs_exit_2_with_one_line(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    for args in (["extract", str(tmp_path / "missing.pdf")], ["extract", str(empty)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("lakipcheck: ")
        assert "Traceback" not in result.output


def test_one_bad_file_keeps_the_others(sample_pdf, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\ngarbage")
    result = runner.invoke(app, ["extract", str(bad), str(sample_pdf), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["schema"].startswith("lakipcheck/extract-batch@")
    assert data["documents"][0]["error"]["code"] == "corrupt"
    assert data["documents"][1]["document"]["kind"] == "lakip"


def test_not_a_lakip_is_reported_not_modelled(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "renstra.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for i, line in enumerate(
        [
            "RENCANA STRATEGIS",
            "DINAS KESEHATAN KOTA CONTOH",
            "TAHUN 2021-2026",
            "BAB I PENDAHULUAN",
            "Rencana Strategis ini memuat visi, misi, tujuan dan sasaran.",
        ]
    ):
        c.drawString(72, 760 - 20 * i, line)
    c.showPage()
    c.save()
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert "not a LAKIP" in result.stderr
    data = json.loads(result.stdout)
    assert data["error"]["code"] == "not-lakip" and data["document"]["kind"] != "lakip"


def test_module_entry_point_runs(sample_pdf):
    proc = subprocess.run(
        [sys.executable, "-m", "lakipcheck.cli", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and proc.stdout.startswith("lakipcheck ")
