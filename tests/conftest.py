"""Shared test fixtures: where the real-PDF corpus lives (skipped when it is not there)."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

if TYPE_CHECKING:
    from lakipcheck.model.types import Report
    from lakipcheck.synth import SynthReport, SynthTruth

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


def image_only_pages(source: Path | bytes, pages: set[int], dpi: int = 100) -> bytes:
    """A copy of a PDF whose ``pages`` (1-based) are replaced by pictures of themselves (no text layer), as a
    scanned cover or signed PK page inside a born-digital report."""
    import io

    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    out = pdfium.PdfDocument.new()
    for i in range(len(src)):
        if i + 1 not in pages:
            out.import_pages(src, [i], index=i)
            continue
        page = src[i]
        width, height = page.get_size()
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        new = out.new_page(width, height)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        new.insert_obj(image)
        new.gen_content()
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="session")
def image_only():
    """``image_only(pdf, pages)``: the PDF with those pages turned into pictures (see image_only_pages)."""
    return image_only_pages


# ------------------------------------------------------------------------------ reports shared by the session
#
# Generating a synthetic report and extracting a PDF are the slow steps of the suite, and many modules read
# the same ones (the clean seeds 1-20, the corpus reports with hand-checked errors). Each is made once per
# session here; tests must not change what they get (copy.deepcopy first, as the sample tests do).


class SynthExtract(NamedTuple):
    """A generated report's extracted model and its ground truth."""

    report: Report
    truth: SynthTruth


@cache
def _generated(seed: int, inject: tuple[str, ...], table_style: str | None) -> SynthReport:
    from lakipcheck.synth import generate

    return generate(seed, inject=list(inject), table_style=table_style)


@cache
def _synth_model(seed: int, inject: tuple[str, ...]) -> Report:
    from lakipcheck.pipeline import extract

    return extract(_generated(seed, inject, None).pdf, strict=False)


@cache
def _corpus_model(path: Path) -> Report:
    from lakipcheck.pipeline import extract

    return extract(path, strict=False)


def _checked(report: Report, strict: bool) -> Report:
    """What ``extract(..., strict=strict)`` gives for a model extracted with ``strict=False``: the report, or
    NotALakip when it is not a LAKIP."""
    from lakipcheck.pipeline import NotALakip

    if strict and not report.info.kind.is_lakip:
        raise NotALakip(report)
    return report


@pytest.fixture(scope="session")
def synth_generated() -> Callable[..., SynthReport]:
    """synth_generated(seed, *inject, table_style=None) -> ``generate(seed, inject=[...])``, made once."""

    def get(seed: int, *inject: str, table_style: str | None = None) -> SynthReport:
        return _generated(seed, inject, table_style)

    return get


@pytest.fixture(scope="session")
def synth_report() -> Callable[..., SynthExtract]:
    """synth_report(seed, *inject, strict=True) -> (report, truth): ``generate(seed, inject=[...])``
    extracted with ``extract(pdf, strict=strict)``, each generated and extracted once per session."""

    def get(seed: int, *inject: str, strict: bool = True) -> SynthExtract:
        truth = _generated(seed, inject, None).truth
        return SynthExtract(_checked(_synth_model(seed, inject), strict), truth)

    return get


@pytest.fixture(scope="session")
def corpus_report(corpus_dir: Path) -> Callable[..., Report]:
    """corpus_report('file.pdf', strict=True) -> ``extract(corpus_dir / 'file.pdf', strict=strict)``,
    extracted once per session (the test is skipped when the corpus is missing)."""

    def get(name: str, *, strict: bool = True) -> Report:
        return _checked(_corpus_model(corpus_dir / name), strict)

    return get
