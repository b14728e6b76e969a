"""Turn a detector's evidence into the policy's decision about one message.

Pure and deterministic: the same message, findings and policy always give the same
assessment. Detectors only say what they saw; this is the one place that says what it means
under the code of conduct.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dignity.model import Action, Assessment, ClauseBreach, Finding, Message, Span
from dignity.policy.schema import Clause, ClauseKind, ClauseScope, Policy

_DETECTED_SCOPES = frozenset({ClauseScope.MESSAGE, ClauseScope.BEHAVIOUR})
_MAX_QUOTED_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Plan:
    """What ``decide`` needs from a policy, worked out once per policy rather than per message."""

    thresholds: dict[str, float]
    clauses: tuple[Clause, ...]
    """The clauses a finding can engage: detected scopes, not protective."""


_plans: dict[int, tuple[Policy, _Plan]] = {}


def _plan(policy: Policy) -> _Plan:
    cached = _plans.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    plan = _Plan(
        thresholds={category.id: category.threshold for category in policy.categories},
        clauses=tuple(
            clause
            for clause in policy.clauses
            if clause.scope in _DETECTED_SCOPES
            and clause.kind is not ClauseKind.PROTECTS
            and clause.categories
        ),
    )
    if len(_plans) > 64:  # a long-lived process that loads many policies keeps a few
        _plans.clear()
    _plans[id(policy)] = (policy, plan)
    return plan


def decide(message: Message, findings: Sequence[Finding], policy: Policy) -> Assessment:
    """The assessment of ``message`` given every finding the detectors produced for it."""
    plan = _plan(policy)
    thresholds = plan.thresholds
    scores = dict.fromkeys(thresholds, 0.0)
    for finding in findings:
        if finding.category in scores and finding.score > scores[finding.category]:
            scores[finding.category] = finding.score
    present = tuple(c for c, threshold in thresholds.items() if scores[c] >= threshold)
    decisive = tuple(
        finding
        for finding in findings
        if finding.category in present and finding.score >= thresholds[finding.category]
    )
    breaches = (
        tuple(
            breach
            for clause in plan.clauses
            if (breach := _engage(clause, decisive, scores)) is not None
        )
        if decisive
        else ()
    )
    engaged = [policy.clause(b.clause_id) for b in breaches]
    action = _action(breaches, engaged)
    nudges = [clause.nudge.strip() for clause in engaged if clause.nudge.strip()]
    return Assessment(
        message_id=message.id,
        breach=any(b.kind == ClauseKind.FORBIDS.value for b in breaches),
        action=action,
        categories=present,
        scores=scores,
        clauses=breaches,
        findings=tuple(findings),
        nudge=" ".join(dict.fromkeys(nudges)) or None,
        policy_id=policy.id,
        policy_version=policy.version,
    )


_BY_RANK = sorted(Action, key=lambda a: a.rank)


def _action(breaches: Sequence[ClauseBreach], engaged: Sequence[Clause]) -> Action:
    """The most serious action called for, one step higher if an escalating clause is engaged."""
    action = max((b.action for b in breaches), key=lambda a: a.rank, default=Action.ALLOW)
    if any(clause.escalates for clause in engaged):
        action = _BY_RANK[min(action.rank + 1, len(_BY_RANK) - 1)]
    return action


def _engage(
    clause: Clause, decisive: Sequence[Finding], scores: dict[str, float]
) -> ClauseBreach | None:
    evidence = [f for f in decisive if f.category in clause.categories]
    if not evidence:
        return None
    categories = tuple(dict.fromkeys(f.category for f in evidence))
    spans = _merge_spans(span for finding in evidence for span in finding.spans)
    return ClauseBreach(
        clause_id=clause.id,
        title=clause.title,
        kind=clause.kind.value,
        action=clause.action,
        confidence=max(scores[c] for c in categories),
        categories=categories,
        evidence=spans,
        explanation=_explain(clause, evidence, spans),
        findings=tuple(evidence),
        message_ids=tuple(dict.fromkeys(m for f in evidence for m in f.message_ids)),
    )


def _merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Distinct spans in text order; identical ranges from two detectors appear once."""
    unique = {(s.start, s.end): s for s in spans}
    return tuple(unique[key] for key in sorted(unique))


def _explain(clause: Clause, evidence: Sequence[Finding], spans: Sequence[Span]) -> str:
    """The clause's own reason, the words that carry it, and who is targeted where known."""
    parts = [clause.explanation.strip()]
    if spans:
        quoted = ", ".join(f"“{s.quote}”" for s in spans[:_MAX_QUOTED_WORDS])
        more = len(spans) - _MAX_QUOTED_WORDS
        parts.append(f"Words: {quoted}{f' and {more} more' if more > 0 else ''}.")
    targets = sorted({t.replace("_", " ") for f in evidence for t in f.targets})
    if targets:
        parts.append(f"Targets: {', '.join(targets)}.")
    parts.append(f"({clause.id}: “{clause.title}”.)")
    return " ".join(p for p in parts if p)
