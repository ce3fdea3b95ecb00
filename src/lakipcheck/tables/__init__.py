"""Tables: find tables on the pages that have them, rebuild cells and headers, join continuations,
classify."""

from lakipcheck.tables.types import Cell, Engine, Table, TableKind

__all__ = ["Cell", "Engine", "Table", "TableKind"]
