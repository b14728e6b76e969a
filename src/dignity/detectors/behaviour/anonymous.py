"""``dignity.behaviour.anonymous.v1``: abuse from anonymous or unverified accounts.

"Anonymous accounts or otherwise hiding ones identity for the purpose of abusing others is never
permissible." A message whose text breaches the code (any clause that forbids something) and
whose author is marked ``author_anonymous`` adds an ``anonymous_abuse`` finding. Its clause,
``nec.anonymous-abuse``, escalates: the message's action goes one step above what the abuse alone
calls for. An anonymous account that posts civilly is not flagged; nor is a named account that
abuses (the abuse clauses deal with that).

The finding's score is the strongest breached clause's confidence, its spans the words that carry
the breach, and its evidence the message itself. ``patterns()`` lists the anonymous accounts that
abused, with their latest breaching messages.

Options (defaults): ``max_patterns`` (1,000 accounts kept for ``patterns()``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from dignity.detectors.behaviour.windows import MAX_EVIDENCE, BoundedLRU, positive
from dignity.model import Assessment, BehaviourFinding, Finding, Message

__all__ = ["AnonymousAbuseDetector"]

CATEGORY = "anonymous_abuse"
_FORBIDS = "forbids"


class _Account:
    __slots__ = ("clauses", "first_at", "ids", "last_at", "score")

    def __init__(self, first_at: datetime | None) -> None:
        self.ids: list[str] = []
        self.clauses: dict[str, None] = {}
        self.first_at = first_at
        self.last_at = first_at
        self.score = 0.0


class AnonymousAbuseDetector:
    """Flags breaches of the code posted from anonymous or unverified accounts."""

    name: ClassVar[str] = "dignity.behaviour.anonymous.v1"
    categories: ClassVar[frozenset[str]] = frozenset({CATEGORY})

    def __init__(self, *, max_patterns: int = 1_000) -> None:
        self.max_patterns = int(positive(self.name, "max_patterns", max_patterns))
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._accounts: BoundedLRU[str, _Account] = BoundedLRU(self.max_patterns)
        self._loaded = True

    def state_sizes(self) -> dict[str, tuple[int, int]]:
        """Each table's (size, capacity), for tests and monitoring."""
        return {"patterns": (len(self._accounts), self._accounts.capacity)}

    def observe(self, message: Message, assessment: Assessment) -> Sequence[Finding]:
        self.load()
        if not message.author_anonymous or not assessment.breach:
            return ()
        breached = [c for c in assessment.clauses if c.kind == _FORBIDS]
        if not breached:
            return ()
        author = message.author or "an anonymous account"
        titles = [c.title.lower() for c in breached]
        score = max(c.confidence for c in breached)
        account = self._accounts.get(author)
        if account is None:
            account = _Account(message.created_at)
            self._accounts.put(author, account)
        account.last_at = message.created_at or account.last_at
        account.ids = [*account.ids, message.id][-MAX_EVIDENCE:]
        account.clauses.update(dict.fromkeys(c.clause_id for c in breached))
        account.score = max(account.score, score)
        return (
            Finding(
                category=CATEGORY,
                score=score,
                detector=self.name,
                label="anonymous_abuse",
                rationale=(
                    f"{author} is an anonymous or unverified account, and this message breaches "
                    f"the code ({'; '.join(titles)}). Hiding one's identity to abuse others is "
                    "never permissible."
                ),
                spans=tuple(span for clause in breached for span in clause.evidence),
                message_ids=(message.id,),
            ),
        )

    def patterns(self) -> Sequence[BehaviourFinding]:
        self.load()
        found = [
            BehaviourFinding(
                category=CATEGORY,
                score=account.score,
                detector=self.name,
                label="anonymous_abuse",
                rationale=(
                    f"{author}, an anonymous or unverified account, breached the code "
                    f"{len(account.ids)} time{'s' if len(account.ids) != 1 else ''} "
                    f"({', '.join(account.clauses)})."
                ),
                actors=(author,),
                message_ids=tuple(account.ids),
                first_at=account.first_at,
                last_at=account.last_at,
            )
            for author, account in self._accounts.items()
        ]
        return sorted(found, key=lambda p: (-p.score, p.actors))
