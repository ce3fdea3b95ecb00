"""The primitives a rule file may name in its ``check`` field. A primitive reads the report model and yields
:class:`Hit` objects; the engine turns them into findings with the rule's own code, severity and wording."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lakipcheck.model.types import Report
from lakipcheck.rules.types import Hit

Primitive = Callable[[Report, dict[str, Any]], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class PrimitiveInfo:
    name: str
    func: Primitive
    params: dict[str, Any]  # parameter name -> default
    doc: str


PRIMITIVES: dict[str, PrimitiveInfo] = {}


def primitive(name: str, **defaults: Any) -> Callable[[Primitive], Primitive]:
    """Register a check primitive under ``name`` with its parameters' defaults."""

    def wrap(func: Primitive) -> Primitive:
        PRIMITIVES[name] = PrimitiveInfo(name, func, dict(defaults), (func.__doc__ or "").strip())
        return func

    return wrap


def get(name: str) -> PrimitiveInfo:
    from lakipcheck.rules import checks  # noqa: F401 - importing registers every primitive

    return PRIMITIVES[name]


def names() -> list[str]:
    from lakipcheck.rules import checks  # noqa: F401

    return sorted(PRIMITIVES)
