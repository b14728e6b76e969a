"""Golden conformance cases: message → the clauses the default policy must engage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dignity import Dignity

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "golden" / "messages.yaml").read_text("utf-8")
)


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["gap"], strict=True)] if "gap" in case else []
    return pytest.param(case, id=case["text"][:48], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden_case(engine: Dignity, case: dict[str, Any]) -> None:
    assessment = engine.assess(case["text"])
    assert sorted(c.clause_id for c in assessment.clauses) == sorted(case["clauses"])
    if "action" in case:
        assert assessment.action.value == case["action"]
    for category in case.get("categories", ()):
        assert category in assessment.categories
    for clause in assessment.clauses:
        if clause.kind == "forbids" and clause.evidence:
            assert all(case["text"][s.start : s.end] == s.quote for s in clause.evidence)
