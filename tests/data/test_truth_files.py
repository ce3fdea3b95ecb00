"""The real ground truth (tests/data/truth) is well formed: every report is in the corpus, every recorded
capaian row lies on a page of it and its printed values are on that page's text layer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

TRUTH = Path(__file__).resolve().parent / "truth"
FILES = sorted(TRUTH.glob("*.yaml"))
KEYS = {"file", "pages", "kind", "year", "capaian_tables", "discrepancies", "findings_judged"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_tuning_set_has_reports_from_2019_on():
    truths = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in FILES]
    assert len(truths) >= 9
    assert sum(t["year"] >= 2019 for t in truths) >= 4


@pytest.mark.corpus
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_truth_file(path, corpus_dir):
    import pypdfium2 as pdfium

    truth = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(truth) >= KEYS, KEYS - set(truth)
    assert truth["file"] == path.stem + ".pdf"
    pdf = pdfium.PdfDocument(str(corpus_dir / truth["file"]))
    assert len(pdf) == truth["pages"]
    texts: dict[int, str] = {}
    missing = []
    rows = [r for t in truth["capaian_tables"] for r in t["rows"]]
    assert rows
    for row in rows:
        page = int(row["page"])
        assert 1 <= page <= len(pdf)
        if page not in texts:
            texts[page] = _squash(pdf[page - 1].get_textpage().get_text_range())
        for key in ("target", "realisasi", "capaian"):
            value = _squash(str(row.get(key) or ""))
            if value and value not in texts[page] and not row.get("note"):
                missing.append((page, key, value))
    assert not missing, missing[:10]
    for d in truth["discrepancies"]:
        assert d["certainty"] in ("certain", "probable") and isinstance(d["pages"], list), d
        assert d["pages"] or d["kind"] == "structure", d  # only a missing part has no page
    for item in truth["findings_judged"]["items"]:
        assert isinstance(item["verdict"], bool) and item["rule"].startswith("LK"), item
