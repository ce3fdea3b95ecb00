"""Coverage: what a check read of a report, so that 'no findings' means 'checked and clean'."""

from __future__ import annotations

import pytest

from lakipcheck.model.coverage import coverage
from lakipcheck.pipeline import extract


def test_sample_is_read_in_full(sample_report):
    cov = coverage(sample_report)
    assert cov.complete, cov.describe("en")
    assert cov.capaian_tables >= 1 and cov.indicators >= 5 and cov.pk_targets >= 5


@pytest.mark.corpus
def test_pk_on_scanned_pages_is_named(corpus_dir):
    """Jawa Timur's Inspektorat 2021 has its signed PK only as scanned pages 29-31: the PK targets were not
    read, and the coverage says where they may be."""
    cov = coverage(extract(corpus_dir / "lkjip_jatim_inspektorat_2021.pdf"))
    assert cov.indicators >= 3
    assert cov.missing == ["pk"]
    assert {29, 30, 31} <= set(cov.unread_pages)
    assert "29–31" in cov.describe("id") and "tanpa teks" in cov.describe("id")


@pytest.mark.corpus
def test_blank_capaian_pages_leave_the_check_incomplete(corpus_dir):
    """BPMPD 2016 prints its capaian table on pages with no content at all: no indicator is checked."""
    cov = coverage(extract(corpus_dir / "lkip_jabar_bpmpd_2016.pdf"))
    assert "capaian" in cov.missing and cov.indicators == 0
    assert cov.describe("en").startswith("no capaian table found")


@pytest.mark.corpus
def test_a_lampiran_on_its_own_is_not_asked_for_its_pk(corpus_dir):
    cov = coverage(extract(corpus_dir / "lkip_jabar_diskanlaut_2016_lampiran3.pdf"))
    assert cov.complete and cov.indicators >= 1
