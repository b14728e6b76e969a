"""Read a policy from YAML and refuse a bad one with the file, the clause and what is wrong.

Checks come in two layers: the schema (types, allowed values, required fields) and the
cross-references a schema cannot express (unique ids, clauses naming categories that exist,
routes naming categories that exist, detectors that are registered and cover every clause).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dignity.errors import PolicyFileError, PolicyValidationError
from dignity.policy.schema import ClauseKind, ClauseScope, Policy

DEFAULT_POLICY_RESOURCE = "default.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadedPolicy:
    """A validated policy with the text it came from, so stores can keep exactly what was used."""

    policy: Policy
    text: str
    source: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def default_policy_text() -> str:
    return (resources.files("dignity.policy") / DEFAULT_POLICY_RESOURCE).read_text("utf-8")


@cache
def default_policy() -> LoadedPolicy:
    """The built-in policy made from the NEC statement."""
    return parse_policy(default_policy_text(), source="<default policy>")


def load_policy(path: str | Path | None = None) -> LoadedPolicy:
    """The policy in ``path``, or the default one when ``path`` is None."""
    if path is None:
        return default_policy()
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise PolicyFileError(f"policy file {file} does not exist; check the path") from None
    except IsADirectoryError:
        raise PolicyFileError(f"policy file {file} is a directory; give a YAML file") from None
    except OSError as exc:
        raise PolicyFileError(f"policy file {file} cannot be read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyFileError(
            f"policy file {file} is not UTF-8 text (bad byte at offset {exc.start}); "
            "save it as UTF-8"
        ) from None
    return parse_policy(text, source=str(file))


def parse_policy(text: str, *, source: str) -> LoadedPolicy:
    """Parse and fully validate policy YAML; ``source`` names it in every error."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" at line {mark.line + 1}, column {mark.column + 1}"
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyFileError(f"policy {source} is not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        raise PolicyFileError(
            f"policy {source} must be a YAML mapping with id, version, categories and "
            f"clauses; found {found}"
        )
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyValidationError(source, _schema_problems(exc, data)) from None
    problems = cross_reference_problems(policy)
    if problems:
        raise PolicyValidationError(source, problems)
    return LoadedPolicy(policy=policy, text=text, source=source)


def _schema_problems(exc: ValidationError, data: dict[str, Any]) -> list[str]:
    problems = []
    for error in exc.errors():
        loc = error["loc"]
        where = _describe_location(loc, data)
        found = ""
        if error["type"] not in {"missing"} and "input" in error:
            found = f" (found {error['input']!r})"
        problems.append(f"{where}: {error['msg']}{found}")
    return problems


def _describe_location(loc: tuple[int | str, ...], data: dict[str, Any]) -> str:
    """``clauses[3] (id nec.foo) → action`` rather than pydantic's bare tuple."""
    parts: list[str] = []
    node: Any = data
    for key in loc:
        if isinstance(key, int):
            label = f"[{key}]"
            if isinstance(node, list) and key < len(node):
                node = node[key]
                if isinstance(node, dict) and isinstance(node.get("id") or node.get("name"), str):
                    label += f" (id {node.get('id') or node.get('name')})"
            else:
                node = None
            parts.append(label)
        else:
            parts.append(("." if parts else "") + key)
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts) or "policy"


def cross_reference_problems(policy: Policy) -> list[str]:
    """What the schema cannot see: duplicate ids and references to things that do not exist."""
    problems: list[str] = []
    for kind, ids in (
        ("category", [c.id for c in policy.categories]),
        ("clause", [c.id for c in policy.clauses]),
        ("sanction", [s.id for s in policy.sanctions]),
        ("route", [r.id for r in policy.routes]),
        ("detector", [d.name for d in policy.detectors]),
    ):
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                problems.append(f"{kind} {item!r} is defined more than once; ids must be unique")
            seen.add(item)
    known = set(policy.category_ids)
    for clause in policy.clauses:
        for category in clause.categories:
            if category not in known:
                problems.append(
                    f"clause {clause.id}: category {category!r} is not defined under "
                    f"categories (defined: {', '.join(sorted(known))})"
                )
        detected = clause.scope in {ClauseScope.MESSAGE, ClauseScope.BEHAVIOUR}
        if clause.kind is ClauseKind.FORBIDS and detected and not clause.categories:
            problems.append(
                f"clause {clause.id}: a {clause.scope.value} clause that forbids something must "
                "name the categories that engage it"
            )
        if clause.categories and not clause.explanation:
            problems.append(
                f"clause {clause.id}: needs an explanation, the reason shown to a member "
                "when the clause is engaged"
            )
    for route in policy.routes:
        for category in route.when_categories:
            if category not in known:
                problems.append(f"route {route.id}: category {category!r} is not defined")
        if route.when_labels and not route.when_categories:
            problems.append(
                f"route {route.id}: when_labels narrows category routing, so it needs "
                "when_categories"
            )
        for label in route.when_labels:
            if not label.strip():
                problems.append(f"route {route.id}: when_labels has an empty label")
    return problems
