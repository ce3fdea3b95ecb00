"""Command line: `lakipcheck extract FILE.pdf ...`. Wires the stages together; no logic of its own."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lakipcheck import __version__
from lakipcheck.ingest import InputError
from lakipcheck.pipeline import DEFAULT_MAX_PAGES, NotALakip, extract
from lakipcheck.report.model_json import report_dict
from lakipcheck.report.model_text import render_text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cross-check Indonesian performance reports (LAKIP / LKjIP) from their PDFs.",
)

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class Format(StrEnum):
    json = "json"
    text = "text"


def _fail(message: str) -> None:
    typer.echo(f"lakipcheck: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lakipcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """lakipcheck: read a LAKIP PDF, extract its tables and figures, cross-check them."""


@app.command("extract")
def extract_cmd(
    files: Annotated[list[Path], typer.Argument(help="One or more PDF files.", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    cells: Annotated[bool, typer.Option(help="Include every table cell in JSON output.")] = True,
    max_pages: Annotated[
        int, typer.Option(help="Refuse PDFs with more pages than this.")
    ] = DEFAULT_MAX_PAGES,
) -> None:
    """Show the report model: sections, tables (kind, engine, cells), indicators with every value and its
    source, budget lines. Files that cannot be read are reported on stderr and skipped; the exit code is 2 if
    any file could not be used, else 0."""
    status = EXIT_OK
    docs: list[dict] = []
    texts: list[str] = []
    for path in files:
        try:
            report = extract(path, max_pages=max_pages)
        except InputError as exc:
            _fail(exc.message)
            status = EXIT_INPUT
            docs.append({"file": str(path), "error": {"code": exc.code, "message": exc.message}})
            continue
        except NotALakip as exc:
            _fail(str(exc))
            status = EXIT_INPUT
            docs.append(
                {
                    "file": str(path),
                    "error": {"code": "not-lakip", "message": str(exc)},
                    "document": exc.report.info.to_dict(),
                }
            )
            continue
        except Exception as exc:  # never a traceback for one bad file; keep the others' results
            _fail(f"{path}: internal error while reading this file ({type(exc).__name__}: {exc})")
            status = EXIT_INPUT
            docs.append({"file": str(path), "error": {"code": "internal", "message": str(exc)}})
            continue
        if fmt == Format.json:
            docs.append(report_dict(report, cells=cells))
        else:
            texts.append(render_text(report))
    if fmt == Format.json:
        payload = (
            docs[0] if len(files) == 1 else {"schema": "lakipcheck/extract-batch@1.0", "documents": docs}
        )
        body = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        body = "\n".join(texts)
    if output:
        output.write_text(body, encoding="utf-8")
    elif body.strip():
        sys.stdout.write(body)
    raise typer.Exit(status)


if __name__ == "__main__":  # pragma: no cover
    app()
