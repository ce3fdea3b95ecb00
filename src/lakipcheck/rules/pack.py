"""Load a rule pack: YAML files read with a safe loader and validated; nothing in them is ever evaluated.

A pack is a folder of ``*.yaml`` files, each holding one rule or a list of rules (``rules: [...]``), plus an
optional ``pack.yaml`` with shared settings (``settings:``, e.g. the predicate scale) that every rule sees
as parameters unless it overrides them.
"""

from __future__ import annotations

import os
import re
import string
from pathlib import Path
from typing import Any

import yaml

from lakipcheck.rules import registry
from lakipcheck.rules.types import RuleSpec, Severity

LANGS = ("id", "en")
_CODE = re.compile(r"^[A-Z]{2}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_FIELD = re.compile(r"^[a-z_][a-z0-9_]*$")
_KEYS = {
    "code",
    "name",
    "check",
    "severity",
    "title",
    "message",
    "rationale",
    "params",
    "enabled",
    "examples",
}


class PackError(Exception):
    """A rule file that cannot be used; the message names the file and the problem."""


def default_pack_dir() -> Path:
    """``$LAKIPCHECK_RULES``, else the ``rules/`` folder of the source tree, else the copy shipped inside the
    package."""
    env = os.environ.get("LAKIPCHECK_RULES")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "rules"
        if (cand / "pack.yaml").exists() and cand != here.parent:
            return cand
    return here.parent / "pack"


def _check_template(where: str, text: str) -> None:
    for _, field, spec, conv in string.Formatter().parse(text):
        if field is None:
            continue
        if not _FIELD.match(field) or spec or conv:
            raise PackError(f"{where}: placeholder {{{field}}} must be a plain name like {{indicator}}")


def _lang_map(where: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in LANGS):
        raise PackError(f"{where}: needs both 'id' and 'en' texts")
    for lang in LANGS:
        _check_template(f"{where}.{lang}", value[lang])
    return {lang: value[lang] for lang in LANGS}


def _rule(data: Any, source: str, settings: dict[str, Any]) -> RuleSpec:
    if not isinstance(data, dict):
        raise PackError(f"{source}: a rule must be a mapping")
    code = data.get("code")
    where = f"{source}: {code or '?'}"
    unknown = set(data) - _KEYS
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("code", "name", "check", "severity", "title", "message"):
        if key not in data:
            raise PackError(f"{where}: missing '{key}'")
    if not isinstance(code, str) or not _CODE.match(code):
        raise PackError(f"{where}: code must look like LK101")
    if not isinstance(data["name"], str) or not _NAME.match(data["name"]):
        raise PackError(f"{where}: name must be lower-case words joined by '-'")
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise PackError(f"{where}: severity must be error, warning or info") from None
    try:
        prim = registry.get(data["check"])
    except KeyError:
        raise PackError(
            f"{where}: unknown check '{data['check']}' (known: {', '.join(registry.names())})"
        ) from None
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise PackError(f"{where}: params must be a mapping")
    unknown = set(params) - set(prim.params)
    if unknown:
        raise PackError(f"{where}: check '{prim.name}' has no parameter(s) {', '.join(sorted(unknown))}")
    merged = {**prim.params, **{k: v for k, v in settings.items() if k in prim.params}, **params}
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"pass", "fail"}:
        raise PackError(f"{where}: examples must have 'pass' and/or 'fail' lists")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise PackError(f"{where}: enabled must be true or false")
    return RuleSpec(
        code=code,
        name=data["name"],
        check=prim.name,
        severity=severity,
        title=_lang_map(f"{where}.title", data["title"]),
        message=_lang_map(f"{where}.message", data["message"]),
        rationale=str(data.get("rationale") or "").strip(),
        params=merged,
        enabled=enabled,
        examples={k: list(v or []) for k, v in examples.items()},
        source=source,
    )


def load_pack(folder: str | Path | None = None) -> list[RuleSpec]:
    """Every rule of the pack in ``folder`` (default: :func:`default_pack_dir`), sorted by code."""
    root = Path(folder) if folder else default_pack_dir()
    if not root.is_dir():
        raise PackError(f"{root}: rule pack folder not found")
    settings: dict[str, Any] = {}
    pack_file = root / "pack.yaml"
    if pack_file.exists():
        data = _read(pack_file) or {}
        if not isinstance(data, dict):
            raise PackError(f"{pack_file}: must be a mapping")
        settings = data.get("settings") or {}
    rules: list[RuleSpec] = []
    for path in sorted(root.glob("*.yaml")):
        if path.name == "pack.yaml":
            continue
        data = _read(path)
        items = data.get("rules") if isinstance(data, dict) and "rules" in data else [data]
        for item in items or []:
            rules.append(_rule(item, path.name, settings))
    codes = [r.code for r in rules]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise PackError(f"{root}: duplicate rule code(s) {', '.join(dupes)}")
    if not rules:
        raise PackError(f"{root}: no rules found")
    return sorted(rules, key=lambda r: r.code)


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PackError(f"{path.name}: not valid YAML ({exc})".replace("\n", " ")) from None
