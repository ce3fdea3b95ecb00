"""Shared test fixtures: where the real-PDF corpus lives (skipped when it is not there)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def corpus_path() -> Path | None:
    """The corpus folder: $LAKIPCHECK_CORPUS, else ``<repo>/../shared/corpus``; None when absent."""
    env = os.environ.get("LAKIPCHECK_CORPUS")
    path = Path(env) if env else REPO.parent / "shared" / "corpus"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The corpus folder, or skip the test when it is missing."""
    path = corpus_path()
    if path is None:
        pytest.skip("real-PDF corpus not found (set LAKIPCHECK_CORPUS or put shared/corpus beside the repo)")
    return path


SAMPLE_PDF = REPO / "samples" / "lakip_bgp_ntt_2023.pdf"
SAMPLE_TRUTH = REPO / "samples" / "lakip_bgp_ntt_2023.truth.json"


@pytest.fixture(scope="session")
def sample_pdf() -> Path:
    """The committed rendering of the real BGP NTT 2023 report."""
    return SAMPLE_PDF


@pytest.fixture(scope="session")
def sample_truth() -> dict:
    """Ground truth for the sample, written from the seed text when the sample was built."""
    import json

    return json.loads(SAMPLE_TRUTH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_doc():
    """The sample, ingested once per test session."""
    from lakipcheck.ingest import open_document

    return open_document(SAMPLE_PDF)


@pytest.fixture(scope="session")
def sample_report():
    """The sample's full report model, extracted once per test session."""
    from lakipcheck.pipeline import extract

    return extract(SAMPLE_PDF)
