"""`check` never gives an all-clear for a report whose core parts were not read."""

from __future__ import annotations

import json
from io import BytesIO

from typer.testing import CliRunner

from lakipcheck.cli import app

runner = CliRunner()


def _chapters_without_tables(tmp_path):
    """A Laporan Kinerja with its four chapters in prose and no table at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    w, h = A4
    titles = ["PENDAHULUAN", "PERENCANAAN KINERJA", "AKUNTABILITAS KINERJA", "PENUTUP"]
    for n, title in enumerate(titles, start=1):
        c.setFont("Helvetica", 8)
        c.drawString(40, h - 30, "Laporan Kinerja Balai Contoh Tahun 2023")
        c.setFont("Helvetica-Bold", 14)
        c.drawCentredString(w / 2, h - 80, f"BAB {'I' * n if n < 4 else 'IV'}")
        c.drawCentredString(w / 2, h - 100, title)
        c.setFont("Helvetica", 10)
        for i in range(25):
            c.drawString(40, h - 140 - 14 * i, "Uraian kegiatan dan kinerja balai selama tahun berjalan.")
        c.showPage()
    c.save()
    path = tmp_path / "prosa.pdf"
    path.write_bytes(out.getvalue())
    return path


def test_incomplete_check_is_not_an_all_clear(tmp_path):
    pdf = _chapters_without_tables(tmp_path)
    res = runner.invoke(app, ["check", str(pdf)])
    assert res.exit_code == 1, res.output
    assert "PEMERIKSAAN TIDAK LENGKAP" in res.output
    assert "tabel capaian tidak ditemukan" in res.output and "0 indikator diperiksa" in res.output
    assert "Tidak ada temuan" not in res.output.split("\n\n", 1)[0]
    res = runner.invoke(app, ["check", str(pdf), "--fail-on", "never", "--lang", "en", "--format", "json"])
    assert res.exit_code == 0
    cov = json.loads(res.output)["coverage"]
    assert cov["complete"] is False and cov["missing"] == ["capaian", "pk"] and cov["indicators"] == 0


def test_sample_says_what_was_checked(sample_pdf):
    res = runner.invoke(app, ["check", str(sample_pdf), "--fail-on", "never"])
    assert res.exit_code == 0
    assert "Diperiksa:" in res.output and "indikator diperiksa" in res.output
