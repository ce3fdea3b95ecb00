"""Draw one block list through several independent PDF producers.

- ``reportlab``: ``render`` (platypus), the generator's own renderer;
- ``docx``: a Word document written with python-docx (``docx_build``), converted by LibreOffice
  (``soffice --headless --convert-to pdf``);
- ``weasyprint``: the HTML of ``html_build`` rendered by WeasyPrint, a browser-class HTML/CSS engine;
- ``lohtml``: the same HTML converted by LibreOffice's HTML import (``--infilter="HTML (StarWriter)"``,
  ``writer_pdf_Export``).

These are for regenerating the committed test bed only (``samples/build_testbed.py``); the tests read the
committed PDFs. LibreOffice runs with a private profile and a fontconfig file that adds the "-Bold" faces of
``fonts.write_face``; the conversions of a batch go through one ``soffice`` call (one process at a time),
while WeasyPrint works in this process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lakipcheck.synth.blocks import Block, DocMeta, Look
from lakipcheck.synth.fonts import FAMILIES, available_families, write_face
from lakipcheck.synth.locate import Located, locate

PRODUCERS = ("reportlab", "docx", "weasyprint", "lohtml")
SOFFICE_BATCH = 12  # documents per soffice call
EPOCH = 1704067200  # 2024-01-01: the time stamp of every drawn PDF
BASE_URL = "file:///testbed/"  # WeasyPrint names pictures after their address: one that does not vary


@contextmanager
def fixed_time() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to ``EPOCH`` meanwhile: fontTools, which writes the fonts WeasyPrint embeds and
    the "-Bold" faces, then stamps them with it instead of the clock. (Only meanwhile: reportlab reads it
    too, and the reportlab renderings keep their own fixed date.)"""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(EPOCH)
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def steady(pdf: bytes) -> bytes:
    """A LibreOffice PDF without its time stamp: the creation date set to ``EPOCH`` and the file identifier
    and checksum made from the content, each in place (same length, so the cross-reference table holds)."""
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(EPOCH)).encode()
    pdf = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:" + stamp, pdf)
    blank = re.sub(rb"<[0-9A-F]{32}>|/DocChecksum /[0-9A-F]{32}", lambda m: b"0" * len(m[0]), pdf)
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode()
    pdf = re.sub(
        rb"(/ID \[ <)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}>", rb"\g<1>" + digest + rb"\g<2>" + digest + b">", pdf
    )
    return re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + digest, pdf)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing(producer: str) -> str | None:
    """Why ``producer`` cannot run here, or None when it can."""
    if producer == "reportlab":
        return None if importlib.util.find_spec("reportlab") else "reportlab is not installed"
    if producer in ("docx", "lohtml") and not soffice():
        return "LibreOffice (soffice) is not installed"
    if producer == "docx" and not importlib.util.find_spec("docx"):
        return "python-docx is not installed"
    if producer == "weasyprint" and not importlib.util.find_spec("weasyprint"):
        return "WeasyPrint is not installed"
    if producer not in PRODUCERS:
        return f"unknown producer {producer!r}"
    return None


def read_back(
    producer: str, blocks: Sequence[Block], texts: Sequence[str], *, header: str, running: bool = True
) -> Located:
    """``locate`` the blocks in a PDF ``producer`` drew from them, with its page numbering: LibreOffice's
    HTML import numbers pages 1, 2, 3 ... and shows its footer on odd pages only; the others number as the
    Numbering blocks say. Raises when the page numbers are not where they should be."""
    lo = producer == "lohtml"
    found = locate(
        blocks,
        texts,
        header=header if running else "",
        numbering="physical" if lo else "designed",
        footer="none" if not running else "odd" if lo else "all",
    )
    if found.label_errors:
        raise AssertionError(f"{producer}: page numbers not where expected on pages {found.label_errors}")
    return found


@dataclass
class Job:
    """One document to draw: ``name`` must be unique in a batch (it names the work files)."""

    name: str
    producer: str
    blocks: Sequence[Block]
    meta: DocMeta
    look: Look = field(default_factory=Look)
    cover: bool = True


class Producers:
    """The work folder (fonts, LibreOffice profile, sources) and the conversions."""

    def __init__(self, work: Path) -> None:
        self.work = work.resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        fonts = self.work / "fonts"
        with fixed_time():
            for family in available_families():
                if not (fonts / f"{Path(FAMILIES[family][1]).stem}-Face.ttf").is_file():
                    write_face(family, fonts)
        conf = self.work / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
            f"  <dir>{fonts}</dir>\n  <cachedir>{self.work / 'fccache'}</cachedir>\n</fontconfig>\n",
            encoding="utf-8",
        )
        # WeasyPrint reads fontconfig in this process: point it at the faces before it is imported
        os.environ["FONTCONFIG_FILE"] = str(conf)
        self.env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
        self.profile = (self.work / "lo_profile").as_uri()

    # ------------------------------------------------------------------ one batch
    def draw(self, jobs: Sequence[Job]) -> list[bytes]:
        """The PDF bytes of every job (reportlab jobs: use ``render`` itself, which also tracks pages)."""
        out: dict[str, bytes] = {}
        lo_docx = [j for j in jobs if j.producer == "docx"]
        lo_html = [j for j in jobs if j.producer == "lohtml"]
        for j in jobs:
            if j.producer not in PRODUCERS or j.producer == "reportlab":
                raise ValueError(f"{j.name}: producer {j.producer!r} is not drawn by Producers.draw")
        sources = [self._docx(j) for j in lo_docx]
        html_sources = [self._html(j, portrait_only=True) for j in lo_html]
        proc = self._soffice_start(sources, html_sources)
        for j in jobs:
            if j.producer == "weasyprint":
                out[j.name] = self._weasy(j)
        self._soffice_wait(proc)
        for j in [*lo_docx, *lo_html]:
            pdf = self.work / "out" / f"{j.name}.pdf"
            if not pdf.is_file():
                raise RuntimeError(f"{j.name}: LibreOffice wrote no PDF")
            out[j.name] = steady(pdf.read_bytes())
            pdf.unlink()
        return [out[j.name] for j in jobs]

    def _docx(self, j: Job) -> Path:
        from lakipcheck.synth.docx_build import build_docx

        path = self.work / "src" / f"{j.name}.docx"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(build_docx(j.blocks, j.meta, j.look, cover=j.cover))
        return path

    def _html(self, j: Job, *, portrait_only: bool) -> Path:
        from lakipcheck.synth.html_build import build_html

        folder = self.work / "src" / f"{j.name}.{j.producer}"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        text, files = build_html(j.blocks, j.meta, j.look, cover=j.cover, portrait_only=portrait_only)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        path = folder / f"{j.name}.html"
        path.write_text(text, encoding="utf-8")
        return path

    def _weasy(self, j: Job) -> bytes:
        import weasyprint
        import weasyprint.urls

        path = self._html(j, portrait_only=False)
        folder = path.parent

        def fetch(url: str):  # the pictures beside the HTML, under a base that names no work folder
            if not url.startswith(BASE_URL):
                return weasyprint.default_url_fetcher(url)
            data = (folder / url[len(BASE_URL) :]).read_bytes()
            response = getattr(weasyprint.urls, "URLFetcherResponse", None)  # WeasyPrint 68 and later
            if response is not None:
                return response(url, body=data, headers={"Content-Type": "image/png"})
            return {"string": data, "mime_type": "image/png", "redirected_url": url}

        html = weasyprint.HTML(string=path.read_text(encoding="utf-8"), base_url=BASE_URL, url_fetcher=fetch)
        with fixed_time():
            return html.write_pdf()

    def _soffice_start(self, docx: list[Path], html: list[Path]) -> list[subprocess.Popen]:
        """Start the conversions in the background, one soffice process after the other (see ``_wait``)."""
        self._queue = [(docx[k : k + SOFFICE_BATCH], None) for k in range(0, len(docx), SOFFICE_BATCH)] + [
            (html[k : k + SOFFICE_BATCH], "HTML (StarWriter)") for k in range(0, len(html), SOFFICE_BATCH)
        ]
        return [self._next()] if self._queue else []

    def _next(self) -> subprocess.Popen:
        files, infilter = self._queue.pop(0)
        exe = soffice()
        if exe is None:
            raise RuntimeError("LibreOffice (soffice) is not installed")
        cmd = [exe, f"-env:UserInstallation={self.profile}", "--headless", "--norestore"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", "pdf:writer_pdf_Export", "--outdir", str(self.work / "out"), *map(str, files)]
        return subprocess.Popen(cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _soffice_wait(self, procs: list[subprocess.Popen]) -> None:
        while procs:
            if procs.pop().wait(timeout=1800) != 0:
                raise RuntimeError("soffice failed")
            if self._queue:
                procs.append(self._next())
