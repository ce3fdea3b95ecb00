"""Rules: the engine that cross-checks a report model, and the primitives the YAML rule pack refers to.

The pack itself (codes, severities, messages in Indonesian and English, parameters, examples) lives in the
top-level ``rules/`` folder as data; nothing in it is ever evaluated as code.
"""

from lakipcheck.rules.types import Finding, Location, RuleSpec, Severity

__all__ = ["Finding", "Location", "RuleSpec", "Severity"]
