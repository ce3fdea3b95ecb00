"""Every rule of the bundled pack, run on its own documented examples: pass examples give no finding, fail
examples give at least one."""

from __future__ import annotations

import pytest

from lakipcheck.rules.engine import run_rules
from lakipcheck.rules.examples import report_from_example
from lakipcheck.rules.pack import load_pack

PACK = load_pack()
CASES = [
    (rule, kind, i, ex)
    for rule in PACK
    for kind in ("pass", "fail")
    for i, ex in enumerate(rule.examples.get(kind, []))
]


def test_every_rule_has_pass_and_fail_examples():
    for rule in PACK:
        assert rule.examples.get("pass") and rule.examples.get("fail"), rule.code


@pytest.mark.parametrize(
    ("rule", "kind", "i", "example"), CASES, ids=[f"{r.code}-{k}{i}" for r, k, i, _ in CASES]
)
def test_rule_example(rule, kind, i, example):
    findings = run_rules(report_from_example(example), [rule])
    if kind == "pass":
        assert findings == [], [f.message for f in findings]
    else:
        assert findings, f"{rule.code} missed its fail example {example}"
        for f in findings:
            assert f.rule == rule.code and f.locations and f.message and "{" not in f.message
