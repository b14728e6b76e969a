"""Check before posting: a rewrite that keeps the political point and drops the attack.

The words a clause cites as evidence are removed (private information is replaced by
``[removed]`` so the sentence still reads), the spacing and punctuation left behind are tidied,
and each engaged clause's nudge says how to put the point instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dignity.model import Assessment, Span
from dignity.policy.schema import ClauseKind, Policy

_REDACT_CATEGORIES = frozenset({"private_information"})
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?])")
_REPEATED_PUNCT = re.compile(r"([,;:])(\s*[,;:.!?])+")
_LEADING_PUNCT = re.compile(r"^[\s,;:.!?\-]+")
# Words left dangling once an insult is gone: "..., you." / "what a ." / "you're a !".
_DANGLING = re.compile(
    r"[,;:]?\s*\b(?:you(?:'re| are)?(?: such)?(?: an?)?|what an?|such an?|an?)\s*(?=[.!?]|$)",
    re.IGNORECASE,
)
_DANGLING_CLAUSE = re.compile(
    r"\b(?:you(?:'re| are)(?: such)?(?: an?)?|what an?)\s+(?:and|but)\s+", re.IGNORECASE
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Suggestion:
    """A rewrite of the text without the evidence words, and the advice that goes with it."""

    text: str
    removed: tuple[Span, ...]
    advice: tuple[str, ...]


def suggest(*, text: str, assessment: Assessment, policy: Policy) -> Suggestion | None:
    """The suggested rewrite, or ``None`` when no clause asks for a change."""
    clauses = [
        c
        for c in assessment.clauses
        if policy.clause(c.clause_id).kind in (ClauseKind.FORBIDS, ClauseKind.GUIDES)
    ]
    if not clauses:
        return None
    redact: list[Span] = []
    remove: list[Span] = []
    for clause in clauses:
        target = redact if _REDACT_CATEGORIES & set(clause.categories) else remove
        target.extend(clause.evidence)
    merged = _merge([(s, True) for s in redact] + [(s, False) for s in remove])
    pieces, cursor = [], 0
    for start, end, replace in merged:
        pieces.append(text[cursor:start])
        pieces.append("[removed]" if replace else "")
        cursor = end
    pieces.append(text[cursor:])
    rewritten = _tidy("".join(pieces))
    advice = tuple(dict.fromkeys(policy.clause(c.clause_id).nudge for c in clauses if c.clause_id))
    return Suggestion(
        text=rewritten,
        removed=tuple(
            Span.of(text, start, end) for start, end, _ in merged if 0 <= start < end <= len(text)
        ),
        advice=tuple(a for a in advice if a),
    )


def _merge(spans: list[tuple[Span, bool]]) -> list[tuple[int, int, bool]]:
    merged: list[tuple[int, int, bool]] = []
    for span, replace in sorted(spans, key=lambda item: (item[0].start, item[0].end)):
        if merged and span.start <= merged[-1][1]:
            start, end, was = merged[-1]
            merged[-1] = (start, max(end, span.end), was or replace)
        else:
            merged.append((span.start, span.end, replace))
    return merged


def _tidy(text: str) -> str:
    lines = []
    for line in text.splitlines() or [""]:
        line = _SPACES.sub(" ", line)
        line = _DANGLING_CLAUSE.sub("", line)
        line = _DANGLING.sub("", line)
        line = _SPACE_BEFORE_PUNCT.sub(r"\1", line)
        line = _REPEATED_PUNCT.sub(lambda m: m.group(0)[-1], line)
        line = _LEADING_PUNCT.sub("", line).strip()
        if line:
            line = line[0].upper() + line[1:]
        lines.append(line)
    return "\n".join(lines).strip()
