from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from dignity.model import Action, Assessment, ClauseBreach, Finding, Message, Span
from dignity.output import (
    REQUIRED_SCORES,
    SCHEMA_ID,
    RecordWriter,
    assessment_record,
    scan_record_schema,
)

TEXT = "You are an idiot, call me on 07700 900123"
SCORES = {
    "personal_attack": 0.912345,
    "identity_attack": 0.0,
    "threat": 0.01,
    "sexual": 0.0,
    "private_information": 0.87,
    "profanity": 1 / 3,
}


def _validator() -> Draft202012Validator:
    return Draft202012Validator(scan_record_schema(), format_checker=FormatChecker())


def _breach() -> tuple[Message, Assessment]:
    message = Message(
        id="m1",
        text=TEXT,
        author="ann",
        created_at=datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
        reply_to="m0",
    )
    insult = Span.of(TEXT, 11, 16)
    phone = Span.of(TEXT, 29, 41)
    findings = (
        Finding(
            category="personal_attack",
            score=0.912345,
            detector="dignity.lexicon.v1",
            label="insult",
            rationale="calls a person an idiot",
            spans=(insult,),
        ),
        Finding(
            category="private_information",
            score=0.87,
            detector="dignity.pii.v1",
            label="uk_phone_number",
            rationale="a UK mobile number",
            spans=(phone,),
        ),
    )
    clause = ClauseBreach(
        clause_id="respect.no-insults",
        title="No personal insults",
        kind="prohibition",
        action=Action.REVIEW,
        confidence=0.912345,
        categories=("personal_attack",),
        evidence=(insult,),
        explanation="The message calls someone an idiot.",
        findings=findings[:1],
    )
    assessment = Assessment(
        message_id="m1",
        breach=True,
        action=Action.REVIEW,
        categories=("personal_attack", "private_information"),
        scores=SCORES,
        clauses=(clause,),
        findings=findings,
        policy_id="labour-social-media",
        policy_version="2024.1",
    )
    return message, assessment


def _allow() -> tuple[Message, Assessment]:
    message = Message(id="m2", text="Thanks for coming tonight!")
    assessment = Assessment(
        message_id="m2",
        breach=False,
        action=Action.ALLOW,
        categories=(),
        scores=dict.fromkeys(SCORES, 0.0),
        policy_id="labour-social-media",
        policy_version="2024.1",
    )
    return message, assessment


def _nudge() -> tuple[Message, Assessment]:
    message = Message(id="m3", text="This is bloody ridiculous")
    assessment = Assessment(
        message_id="m3",
        breach=False,
        action=Action.NUDGE,
        categories=("profanity",),
        scores={**dict.fromkeys(SCORES, 0.0), "profanity": 0.6, "toxicity": 0.2},
        nudge="Could you make the point without the swearing?",
        policy_id="labour-social-media",
        policy_version="2024.1",
    )
    return message, assessment


def test_schema_is_valid_draft_2020_12() -> None:
    schema = scan_record_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_ID
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_is_a_fresh_copy() -> None:
    scan_record_schema()["title"] = "changed"
    assert scan_record_schema()["title"] != "changed"


def _properties(node: object, path: str = "#") -> Iterator[tuple[str, dict[str, object]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}/{name}", sub
        for key, sub in node.items():
            yield from _properties(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _properties(sub, f"{path}/{index}")


def test_every_property_has_a_title_and_a_description() -> None:
    missing = [
        path
        for path, prop in _properties(scan_record_schema())
        if not prop.get("title") or not prop.get("description")
    ]
    assert missing == []


@pytest.mark.parametrize("case", [_breach, _allow, _nudge])
def test_records_validate(case: object) -> None:
    assert callable(case)
    message, assessment = case()
    record = assessment_record(message, assessment)
    _validator().validate(record)
    assert json.loads(json.dumps(record)) == record


def test_record_shape_order_and_rounding() -> None:
    message, assessment = _breach()
    record = assessment_record(message, assessment)
    assert list(record) == [
        "id",
        "breach",
        "action",
        "categories",
        "scores",
        "clauses",
        "findings",
        "nudge",
        "policy",
        "author",
        "created_at",
        "reply_to",
    ]
    scores = record["scores"]
    assert isinstance(scores, dict)
    assert list(scores) == sorted(SCORES)
    assert scores["personal_attack"] == 0.9123
    assert scores["profanity"] == 0.3333
    assert record["created_at"] == "2024-05-01T12:30:00+00:00"
    assert record["policy"] == {"id": "labour-social-media", "version": "2024.1"}
    assert record["clauses"] == [
        {
            "id": "respect.no-insults",
            "title": "No personal insults",
            "kind": "prohibition",
            "action": "review",
            "confidence": 0.9123,
            "categories": ["personal_attack"],
            "evidence": [{"start": 11, "end": 16, "quote": "idiot"}],
            "explanation": "The message calls someone an idiot.",
            "message_ids": [],
        }
    ]
    findings = record["findings"]
    assert isinstance(findings, list)
    assert findings[1]["spans"] == [{"start": 29, "end": 41, "quote": "07700 900123"}]
    assert findings[1]["targets"] == []
    assert findings[1]["message_ids"] == []


def test_record_refuses_a_mismatched_assessment() -> None:
    message, _ = _allow()
    _, assessment = _breach()
    with pytest.raises(ValueError, match="m1"):
        assessment_record(message, assessment)


def _errors(record: dict[str, object]) -> list[str]:
    return [error.message for error in _validator().iter_errors(record)]


@pytest.mark.parametrize("score", REQUIRED_SCORES)
def test_a_record_missing_a_required_score_fails(score: str) -> None:
    message, assessment = _allow()
    record = assessment_record(message, assessment)
    scores = record["scores"]
    assert isinstance(scores, dict)
    del scores[score]
    assert any(score in error for error in _errors(record))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("action", "ban"),
        ("breach", "yes"),
        ("scores", {**dict.fromkeys(SCORES, 0.0), "threat": 1.5}),
        ("scores", {**dict.fromkeys(SCORES, 0.0), "other": -0.1}),
        ("created_at", "last tuesday"),
        (
            "clauses",
            [
                {
                    "id": "c",
                    "title": "t",
                    "kind": "k",
                    "action": "review",
                    "confidence": 0.5,
                    "categories": [],
                    "evidence": [{"start": -1, "end": 2, "quote": "abc"}],
                    "explanation": "e",
                }
            ],
        ),
        ("clauses", [{"id": "c"}]),
    ],
)
def test_the_schema_can_fail(field: str, value: object) -> None:
    message, assessment = _allow()
    record = assessment_record(message, assessment)
    record[field] = value
    assert _errors(record)


@pytest.mark.parametrize("field", ["id", "breach", "action", "categories", "scores", "clauses"])
def test_required_fields(field: str) -> None:
    message, assessment = _allow()
    record = assessment_record(message, assessment)
    del record[field]
    assert _errors(record)


def test_later_fields_are_allowed() -> None:
    message, assessment = _allow()
    record = assessment_record(message, assessment)
    record["added_in_a_later_version"] = {"anything": True}
    assert _errors(record) == []


# ---------------------------------------------------------------------------------- the writer


def test_writer_commits(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    records = [assessment_record(*case()) for case in (_breach, _allow, _nudge)]
    with RecordWriter(out) as writer:
        for record in records:
            writer.write(record)
        assert not out.exists()
        assert writer.partial_path.exists()
        writer.commit()
    assert writer.written == 3
    assert not writer.partial_path.exists()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records


def test_writer_keeps_non_ascii_readable(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with RecordWriter(out) as writer:
        writer.write({"id": "é", "quote": "Grüße 👋"})
        writer.commit()
    assert out.read_text(encoding="utf-8") == '{"id": "é", "quote": "Grüße 👋"}\n'


def test_writer_leaves_nothing_on_exception(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"

    def scan() -> None:
        with RecordWriter(out) as writer:
            writer.write({"id": "1"})
            raise RuntimeError("detector crashed")

    with pytest.raises(RuntimeError, match="detector crashed"):
        scan()
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_writer_without_commit_leaves_nothing_and_keeps_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous complete output\n", encoding="utf-8")
    with RecordWriter(out) as writer:
        writer.write({"id": "1"})
    assert out.read_text(encoding="utf-8") == "previous complete output\n"
    assert not writer.partial_path.exists()


def test_writer_refuses_nan(tmp_path: Path) -> None:
    with (
        RecordWriter(tmp_path / "out.jsonl") as writer,
        pytest.raises(ValueError, match="JSON compliant"),
    ):
        writer.write({"score": float("nan")})


def test_writer_must_be_open(tmp_path: Path) -> None:
    writer = RecordWriter(tmp_path / "out.jsonl")
    with pytest.raises(RuntimeError, match="open"):
        writer.write({"id": "1"})
    with pytest.raises(RuntimeError, match="open"):
        writer.commit()


def test_a_naive_created_at_is_written_as_utc() -> None:
    message = Message(id="m2", text="hi", created_at=datetime(2024, 5, 1, 12, 30))
    _, assessment = _allow()
    record = assessment_record(message, assessment)
    assert record["created_at"] == "2024-05-01T12:30:00+00:00"
    assert _errors(record) == []
