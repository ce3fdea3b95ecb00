"""Command line: `lakipcheck extract FILE.pdf ...`. Wires the stages together; no logic of its own."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lakipcheck import __version__
from lakipcheck.ingest import InputError
from lakipcheck.model.coverage import coverage
from lakipcheck.model.types import Report
from lakipcheck.pipeline import DEFAULT_MAX_PAGES, NotALakip, extract
from lakipcheck.report.findings_json import findings_dict
from lakipcheck.report.findings_text import render_findings
from lakipcheck.report.model_json import report_dict
from lakipcheck.report.model_text import render_text
from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.pack import PackError, default_pack_dir, load_pack
from lakipcheck.rules.types import RuleSpec

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


def _read_all(files: list[Path], max_pages: int) -> Iterator[tuple[Path, Report | None, dict | None]]:
    """Each file's report, or the error record that replaces it; one bad file never stops the others."""
    for path in files:
        try:
            yield path, extract(path, max_pages=max_pages), None
        except InputError as exc:
            _fail(exc.message)
            yield path, None, {"file": str(path), "error": {"code": exc.code, "message": exc.message}}
        except NotALakip as exc:
            _fail(str(exc))
            yield (
                path,
                None,
                {
                    "file": str(path),
                    "error": {"code": "not-lakip", "message": str(exc)},
                    "document": exc.report.info.to_dict(),
                },
            )
        except Exception as exc:  # never a traceback for one bad file; keep the others' results
            _fail(f"{path}: internal error while reading this file ({type(exc).__name__}: {exc})")
            yield path, None, {"file": str(path), "error": {"code": "internal", "message": str(exc)}}


def _emit(docs: list[dict], texts: list[str], fmt: Format, batch_schema: str, output: Path | None) -> None:
    """Write the JSON document (one file: the object; several: a batch) or the texts."""
    if fmt == Format.json:
        payload = docs[0] if len(docs) == 1 else {"schema": batch_schema, "documents": docs}
        body = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        body = "\n".join(texts)
    if output:
        output.write_text(body, encoding="utf-8")
    elif body.strip():
        sys.stdout.write(body)


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
    for _path, report, error in _read_all(files, max_pages):
        if report is None:
            status = EXIT_INPUT
            docs.append(error or {})
        elif fmt == Format.json:
            docs.append(report_dict(report, cells=cells))
        else:
            texts.append(render_text(report))
    _emit(docs, texts, fmt, "lakipcheck/extract-batch@1.0", output)
    raise typer.Exit(status)


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


class Lang(StrEnum):
    id = "id"
    en = "en"


def _load_rules(rules_dir: Path | None) -> list[RuleSpec]:
    try:
        return load_pack(rules_dir)
    except PackError as exc:
        _fail(f"rule pack: {exc}")
        raise typer.Exit(EXIT_INPUT) from None


@app.command("check")
def check_cmd(
    files: Annotated[list[Path], typer.Argument(help="One or more PDF files.", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Rule pack folder (default: the bundled one).")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of titles and messages.")] = Lang.id,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding reaches this level.")
    ] = FailOn.error,
    max_pages: Annotated[
        int, typer.Option(help="Refuse PDFs with more pages than this.")
    ] = DEFAULT_MAX_PAGES,
) -> None:
    """Cross-check each report and list every discrepancy. Exit 0 when nothing reaches --fail-on, 1 when
    something does or when a report's core parts (capaian table, PK targets) could not be read, 2 when a file
    could not be used (the other files are still checked)."""
    rules = _load_rules(rules_dir)
    pack = str(rules_dir or default_pack_dir())
    status = EXIT_OK
    docs: list[dict] = []
    texts: list[str] = []
    threshold = {"error": 3, "warning": 2, "never": 99}[fail_on.value]
    for _path, report, error in _read_all(files, max_pages):
        if report is None:
            status = max(status, EXIT_INPUT)
            docs.append(error or {})
            continue
        findings = run_rules(report, rules, lang=lang.value)
        if any(f.severity.rank >= threshold for f in findings):
            status = max(status, EXIT_FINDINGS)
        elif fail_on != FailOn.never and not coverage(report).complete:
            # never an all-clear for a report whose core parts were not read
            status = max(status, EXIT_FINDINGS)
        if fmt == Format.json:
            docs.append(findings_dict(report, findings, rules_dir=pack, lang=lang.value))
        else:
            texts.append(render_findings(report, findings, lang.value))
    _emit(docs, texts, fmt, "lakipcheck/check-batch@1.0", output)
    raise typer.Exit(status)


rules_app = typer.Typer(help="List the rules of a pack, or show one.", invoke_without_command=True)
app.add_typer(rules_app, name="rules")


@rules_app.callback()
def rules_main(
    ctx: typer.Context,
    rules_dir: Annotated[Path | None, typer.Option("--rules", help="Rule pack folder.")] = None,
) -> None:
    """List every rule: code, severity, name, title, and whether it is switched on."""
    ctx.obj = rules_dir
    if ctx.invoked_subcommand is not None:
        return
    for r in _load_rules(rules_dir):
        state = "" if r.enabled else "  (off)"
        typer.echo(f"{r.code}  {r.severity.value:<7}  {r.name:<28} {r.title['id']}{state}")


@rules_app.command("show")
def rules_show(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Rule code, e.g. LK101.")],
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.id,
) -> None:
    """Print one rule: what it checks and why, its parameters and its examples."""
    rules = {r.code: r for r in _load_rules(ctx.obj)}
    rule = rules.get(code.upper())
    if rule is None:
        _fail(f"no rule {code!r} in the pack (see `lakipcheck rules`)")
        raise typer.Exit(EXIT_INPUT)
    typer.echo(f"{rule.code} {rule.name} [{rule.severity.value}]{'' if rule.enabled else ' (off)'}")
    typer.echo(f"  {rule.title[lang.value]}")
    typer.echo(f"  check: {rule.check}   file: {rule.source}")
    if rule.rationale:
        typer.echo("")
        for line in rule.rationale.splitlines():
            typer.echo(f"  {line}")
    if rule.params:
        typer.echo("\nparameters:")
        for k, v in rule.params.items():
            typer.echo(f"  {k}: {v}")
    typer.echo(f"\nmessage ({lang.value}): {rule.message[lang.value]}")
    for kind in ("pass", "fail"):
        for ex in rule.examples.get(kind, []):
            typer.echo(f"example ({kind}): {ex}")


if __name__ == "__main__":  # pragma: no cover
    app()
