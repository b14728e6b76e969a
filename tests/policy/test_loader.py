"""The default policy carries the whole statement; bad policies are refused with clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dignity.errors import PolicyFileError, PolicyValidationError
from dignity.model import Action
from dignity.policy.loader import (
    LoadedPolicy,
    default_policy_text,
    load_policy,
    parse_policy,
)
from dignity.policy.schema import ClauseKind, ClauseScope, Policy

STATEMENT = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "code-of-conduct"
    / "nec-social-media-statement.txt"
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _statement_sentences() -> list[str]:
    text = STATEMENT.read_text("utf-8")
    body = text.split("Appendix 1: NEC statement", 1)[1].split("Source:", 1)[0]
    return [s for s in re.split(r"(?<=[.!?])\s+", _squash(body)) if s]


@pytest.mark.skipif(not STATEMENT.exists(), reason="shared/code-of-conduct is not beside the repo")
def test_every_sentence_of_the_statement_is_quoted_by_a_clause(
    loaded_policy: LoadedPolicy,
) -> None:
    clause_texts = [_squash(c.text) for c in loaded_policy.policy.clauses]
    sentences = _statement_sentences()
    assert len(sentences) > 20
    missing = [s for s in sentences if not any(s in text for text in clause_texts)]
    assert missing == []


def test_default_policy_has_the_clauses_the_issue_names(loaded_policy: LoadedPolicy) -> None:
    policy = loaded_policy.policy
    kinds = {c.kind for c in policy.clauses}
    assert kinds == {ClauseKind.FORBIDS, ClauseKind.PROTECTS, ClauseKind.GUIDES}
    by_category = {cat: c for c in policy.clauses for cat in c.categories}
    for category in (
        "personal_attack",
        "identity_attack",
        "threat",
        "sexual",
        "private_information",
        "derogatory_description",
        "trolling",
        "unwelcome_contact",
        "anonymous_abuse",
        "amplifying_abuser",
    ):
        assert category in by_category, category
    assert by_category["threat"].action is Action.URGENT
    assert by_category["derogatory_description"].kind is ClauseKind.GUIDES
    assert by_category["trolling"].scope is ClauseScope.BEHAVIOUR
    assert "profanity" in policy.category_ids
    assert "profanity" not in by_category, "profanity alone is never a breach"
    assert [s.id for s in policy.sanctions] == ["education", "warning", "suspension", "referral"]
    assert {r.id for r in policy.routes} == {"organisation", "platform", "police"}
    assert policy.clause("nec.reporting").scope is ClauseScope.PROCESS


def test_policy_json_schema_documents_every_field() -> None:
    schema = Policy.model_json_schema()
    clause = schema["$defs"]["Clause"]["properties"]
    assert all("description" in prop for prop in clause.values())


def _with(mutate: object) -> str:
    data = yaml.safe_load(default_policy_text())
    assert callable(mutate)
    mutate(data)
    return yaml.safe_dump(data, allow_unicode=True)


def _set_clause(index: int, key: str, value: object) -> object:
    return lambda d: d["clauses"][index].__setitem__(key, value)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_set_clause(8, "action", "ban"), r"clauses\[8\] \(id nec.personal-abuse\)\.action"),
        (_set_clause(8, "kind", "maybe"), r"nec.personal-abuse.*kind.*'maybe'"),
        (
            _set_clause(8, "categories", ["insults"]),
            r"clause nec.personal-abuse: category 'insults' is not defined",
        ),
        (_set_clause(8, "id", "nec.dignity-and-respect"), r"defined more than once"),
        (_set_clause(8, "id", "Not An Id"), r"clauses\[8\].*\.id.*pattern"),
        (
            lambda d: d["categories"][0].__setitem__("threshold", 1.5),
            r"categories\[0\] \(id personal_attack\)\.threshold",
        ),
        (lambda d: d.pop("clauses"), r"clauses: Field required"),
        (lambda d: d.__setitem__("colour", "red"), r"colour: Extra inputs are not permitted"),
        (_set_clause(8, "explanation", ""), r"nec.personal-abuse: needs an explanation"),
        (
            lambda d: d["routes"][2].pop("when_categories"),
            r"route police: when_labels narrows category routing, so it needs when_categories",
        ),
    ],
)
def test_invalid_policy_names_the_file_the_clause_and_the_problem(
    tmp_path: Path, mutate: object, expected: str
) -> None:
    path = tmp_path / "org-policy.yaml"
    path.write_text(_with(mutate), "utf-8")
    with pytest.raises(PolicyValidationError) as caught:
        load_policy(path)
    message = str(caught.value)
    assert str(path) in message
    assert re.search(expected, message), message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "found an empty file"),
        (b"- just\n- a list\n", "found a list"),
        (b"id: [unclosed\n", "not valid YAML at line"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
    ],
)
def test_unusable_policy_files_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(content)
    with pytest.raises(PolicyFileError, match=expected):
        load_policy(path)


def test_missing_policy_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(PolicyFileError, match="does not exist"):
        load_policy(tmp_path / "nope.yaml")
    with pytest.raises(PolicyFileError, match="is a directory"):
        load_policy(tmp_path)


def test_an_organisation_can_load_its_own_policy(tmp_path: Path) -> None:
    def shrink(data: dict[str, object]) -> None:
        data["id"] = "acme-community"
        data["version"] = "3"

    path = tmp_path / "acme.yaml"
    path.write_text(_with(shrink), "utf-8")
    loaded = load_policy(path)
    assert (loaded.policy.id, loaded.policy.version) == ("acme-community", "3")
    assert loaded.source == str(path)
    assert loaded.sha256 == parse_policy(path.read_text("utf-8"), source="x").sha256
