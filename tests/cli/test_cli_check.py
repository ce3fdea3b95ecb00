"""`lakipcheck check` and `lakipcheck rules`: exit codes, JSON schema, languages, editable rule packs."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from lakipcheck.cli import app
from lakipcheck.rules.pack import default_pack_dir

runner = CliRunner()


def _pack_copy(tmp_path):
    dst = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), dst)
    return dst


def test_json_findings_schema(sample_pdf):
    result = runner.invoke(app, ["check", str(sample_pdf), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"].startswith("lakipcheck/check@")
    assert len(data["sha256"]) == 64 and data["document"]["year"] == 2023
    assert set(data["summary"]) == {"error", "warning", "info", "total"}
    assert data["summary"]["total"] == len(data["findings"])
    for f in data["findings"]:
        assert set(f) >= {
            "rule",
            "severity",
            "title",
            "message",
            "pages",
            "locations",
            "expected",
            "found",
            "evidence",
        }
        assert f["locations"] and all("page" in loc for loc in f["locations"])


def test_exit_code_follows_fail_on(sample_pdf, tmp_path):
    pack = _pack_copy(tmp_path)
    (pack / "LK999-always.yaml").write_text(
        "code: LK999\nname: always\ncheck: capaian_ratio\nseverity: warning\n"
        "title: {id: t, en: t}\nmessage: {id: m, en: m}\n",
        encoding="utf-8",
    )
    # capaian_ratio finds nothing on the sample: warnings or not, exit 0 at the default level
    assert (
        runner.invoke(app, ["check", str(sample_pdf), "--rules", str(pack), "--fail-on", "never"]).exit_code
        == 0
    )


def test_bad_input_and_good_input_together(sample_pdf, tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"")
    result = runner.invoke(
        app, ["check", str(bad), str(sample_pdf), "--format", "json", "--fail-on", "never"]
    )
    assert result.exit_code == 2
    docs = json.loads(result.stdout)["documents"]
    assert docs[0]["error"]["code"] == "empty" and "findings" in docs[1]


def test_rules_listing_and_show():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0 and "LK101" in result.stdout
    result = runner.invoke(app, ["rules", "show", "lk101", "--lang", "en"])
    assert result.exit_code == 0
    assert "capaian_ratio" in result.stdout and "example (fail)" in result.stdout
    assert runner.invoke(app, ["rules", "show", "LK000"]).exit_code == 2


def test_switched_off_rule_and_bad_pack(tmp_path):
    pack = _pack_copy(tmp_path)
    rule = pack / "LK101-capaian-ratio.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "enabled: false\n", encoding="utf-8")
    assert "(off)" in runner.invoke(app, ["rules", "--rules", str(pack)]).stdout
    # a template that tries to reach into Python objects is refused, never evaluated
    (pack / "LK998-evil.yaml").write_text(
        "code: LK998\nname: evil\ncheck: capaian_ratio\nseverity: error\n"
        "title: {id: '{indicator.__class__}', en: x}\nmessage: {id: m, en: m}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["rules", "--rules", str(pack)])
    assert result.exit_code == 2 and "placeholder" in result.stderr
    (pack / "LK998-evil.yaml").write_text("code: LK998\nname: evil\ncheck: os.system\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "--rules", str(pack)])
    assert result.exit_code == 2 and "lakipcheck:" in result.stderr
