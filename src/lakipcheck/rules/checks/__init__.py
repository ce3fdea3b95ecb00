"""Check primitives. Importing this package registers every primitive with the registry."""

from lakipcheck.rules.checks import capaian  # noqa: F401
