"""``dignity.behaviour.trolling.v1``: flooding, repeated near-duplicates and derailing.

The code of conduct forbids "trolling, or otherwise disrupting the ability of others to debate".
Three patterns of one account's posting are flagged, each tuned for precision:

* **flooding**: at least ``flood_posts`` posts within ``flood_minutes`` (judged only on
  messages that carry a time).
* **near-duplicate posts**: at least ``duplicate_posts`` posts of the same text, or nearly the
  same (estimated Jaccard similarity of their content words at least ``similarity``, see
  ``similarity.py``), within ``duplicate_hours``. Short posts ("Thanks", "+1", "👍") of fewer
  than ``min_words`` content words are not compared. A meeting reminder posted twice a week is
  not flagged with the defaults: it never repeats three times in two days.
* **derailing**: at least ``derail_posts`` off-topic provocations within ``derail_hours``. A
  reply is off-topic when it shares at most ``max_shared_words`` content words with the message
  it answers (both having at least ``min_words``; a generic word such as "branch" in common does
  not make it on topic), and provocative when the text assessment scores a derogatory description
  of others' positions or profanity of at least ``provocation_threshold`` and is not a personal
  attack (attacks on a person are the abuse clauses' business, and the pile-on detector's).

Findings cite the posts that make the pattern, the current one included, in time order.

Options (defaults): ``flood_posts`` (10), ``flood_minutes`` (5), ``duplicate_posts`` (3),
``duplicate_hours`` (48), ``similarity`` (0.6), ``min_words`` (4), ``derail_posts`` (3),
``derail_hours`` (24), ``provocation_threshold`` (0.5), ``max_shared_words`` (1),
``max_accounts`` (50,000 accounts tracked), ``max_messages`` (50,000 message sketches
remembered, to judge replies), ``max_patterns`` (1,000 flagged accounts kept for ``patterns()``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from dignity.detectors.behaviour.contact import hostility
from dignity.detectors.behaviour.similarity import content_hashes, estimate_jaccard, sketch
from dignity.detectors.behaviour.windows import (
    BoundedLRU,
    StreamClock,
    merge_evidence,
    positive,
    time_ordered,
)
from dignity.model import Assessment, BehaviourFinding, Finding, Message

__all__ = ["TrollingDetector"]

CATEGORY = "trolling"
PROVOCATIVE_CATEGORIES = ("derogatory_description", "profanity")
_MAX_SKETCHES = 8


class _Account:
    """One account's recent posts: times for flooding, sketches, derailing replies."""

    __slots__ = ("derails", "posts", "sketches")

    def __init__(self) -> None:
        self.posts: list[tuple[float, str]] = []
        self.sketches: list[tuple[float, str, tuple[int, ...]]] = []
        self.derails: list[tuple[float, str]] = []


class _Flag:
    __slots__ = ("evidence", "first_at", "labels", "last_at", "score")

    def __init__(self, first_at: datetime | None) -> None:
        self.evidence: list[tuple[float, str]] = []
        self.first_at = first_at
        self.last_at = first_at
        self.labels: dict[str, None] = {}
        self.score = 0.0


_LABEL_TEXT = {
    "flooding": "flooding the conversation",
    "near_duplicate_posts": "repeating the same post",
    "derailing": "derailing threads with off-topic provocation",
}


class TrollingDetector:
    """Flags an account that floods, repeats itself or derails threads."""

    name: ClassVar[str] = "dignity.behaviour.trolling.v1"
    categories: ClassVar[frozenset[str]] = frozenset({CATEGORY})

    def __init__(
        self,
        *,
        flood_posts: int = 10,
        flood_minutes: float = 5.0,
        duplicate_posts: int = 3,
        duplicate_hours: float = 48.0,
        similarity: float = 0.6,
        min_words: int = 4,
        derail_posts: int = 3,
        derail_hours: float = 24.0,
        provocation_threshold: float = 0.5,
        max_shared_words: int = 1,
        max_accounts: int = 50_000,
        max_messages: int = 50_000,
        max_patterns: int = 1_000,
    ) -> None:
        self.flood_posts = int(positive(self.name, "flood_posts", flood_posts))
        self.flood_minutes = positive(self.name, "flood_minutes", flood_minutes)
        self.duplicate_posts = int(positive(self.name, "duplicate_posts", duplicate_posts))
        self.duplicate_hours = positive(self.name, "duplicate_hours", duplicate_hours)
        self.similarity = positive(self.name, "similarity", similarity)
        self.min_words = int(positive(self.name, "min_words", min_words))
        self.derail_posts = int(positive(self.name, "derail_posts", derail_posts))
        self.derail_hours = positive(self.name, "derail_hours", derail_hours)
        self.provocation_threshold = provocation_threshold
        self.max_shared_words = max_shared_words
        self.max_accounts = int(positive(self.name, "max_accounts", max_accounts))
        self.max_messages = int(positive(self.name, "max_messages", max_messages))
        self.max_patterns = int(positive(self.name, "max_patterns", max_patterns))
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._clock = StreamClock()
        self._accounts: BoundedLRU[str, _Account] = BoundedLRU(self.max_accounts)
        self._sketches: BoundedLRU[str, tuple[int, ...]] = BoundedLRU(self.max_messages)
        self._flags: BoundedLRU[str, _Flag] = BoundedLRU(self.max_patterns)
        self._loaded = True

    def state_sizes(self) -> dict[str, tuple[int, int]]:
        """Each table's (size, capacity), for tests and monitoring."""
        accounts = list(self._accounts.values())
        per_account = max(
            (max(len(a.posts), len(a.sketches), len(a.derails)) for a in accounts), default=0
        )
        cap = max(self.flood_posts, _MAX_SKETCHES, self.derail_posts)
        return {
            "accounts": (len(self._accounts), self._accounts.capacity),
            "entries_per_account": (per_account, cap),
            "messages": (len(self._sketches), self._sketches.capacity),
            "patterns": (len(self._flags), self._flags.capacity),
        }

    def observe(self, message: Message, assessment: Assessment) -> Sequence[Finding]:
        self.load()
        at = self._clock.tick(message)
        now = self._clock.now
        hashes = content_hashes(message.text)
        mine = sketch(hashes)
        parent = self._sketches.peek(message.reply_to) if message.reply_to else None
        self._sketches.put(message.id, mine)
        author = message.author
        if author is None:
            return ()
        account = self._accounts.get(author)
        if account is None:
            account = _Account()
            self._accounts.put(author, account)
        findings: list[Finding] = []

        posts = account.posts
        posts.append((at, message.id))
        if len(posts) > self.flood_posts:
            del posts[0]
        if (
            message.created_at is not None
            and len(posts) >= self.flood_posts
            and at - posts[0][0] <= self.flood_minutes * 60.0
        ):
            rationale = (
                f"{author} posted {len(posts)} times within {self.flood_minutes:g} minutes, "
                "flooding the conversation."
            )
            findings.append(self._flag(message, author, "flooding", 0.75, rationale, posts))

        if len(hashes) >= self.min_words:
            since = now - self.duplicate_hours * 3600.0
            kept = [s for s in account.sketches if s[0] >= since]
            similar = [
                (t, i) for t, i, other in kept if estimate_jaccard(mine, other) >= self.similarity
            ]
            kept.append((at, message.id, mine))
            account.sketches = kept[-_MAX_SKETCHES:]
            if len(similar) + 1 >= self.duplicate_posts:
                evidence = [*similar, (at, message.id)]
                rationale = (
                    f"{author} has posted the same or nearly the same message {len(evidence)} "
                    f"times within {self.duplicate_hours:g} hours."
                )
                score = min(0.9, 0.6 + 0.1 * (len(evidence) - self.duplicate_posts))
                findings.append(
                    self._flag(message, author, "near_duplicate_posts", score, rationale, evidence)
                )

        if (
            parent is not None
            and len(parent) >= self.min_words
            and len(hashes) >= self.min_words
            and self._provocative(assessment)
            and sum(1 for h in parent if h in hashes) <= self.max_shared_words
        ):
            since = now - self.derail_hours * 3600.0
            derails = [d for d in account.derails if d[0] >= since]
            derails.append((at, message.id))
            account.derails = derails[-self.derail_posts :]
            if len(derails) >= self.derail_posts:
                rationale = (
                    f"{author} has answered {len(derails)} threads within "
                    f"{self.derail_hours:g} hours with provocation unrelated to what was said, "
                    "derailing the debate."
                )
                findings.append(self._flag(message, author, "derailing", 0.7, rationale, derails))
        return tuple(findings)

    def _provocative(self, assessment: Assessment) -> bool:
        scores = assessment.scores
        threshold = self.provocation_threshold
        return (
            any(scores.get(c, 0.0) >= threshold for c in PROVOCATIVE_CATEGORIES)
            and hostility(assessment) < threshold
        )

    def _flag(
        self,
        message: Message,
        author: str,
        label: str,
        score: float,
        rationale: str,
        evidence: list[tuple[float, str]],
    ) -> Finding:
        flag = self._flags.get(author)
        if flag is None:
            flag = _Flag(message.created_at)
            self._flags.put(author, flag)
        flag.last_at = message.created_at or flag.last_at
        flag.labels[label] = None
        flag.evidence = merge_evidence(flag.evidence, evidence)
        flag.score = max(flag.score, score)
        return Finding(
            category=CATEGORY,
            score=score,
            detector=self.name,
            label=label,
            rationale=rationale,
            message_ids=time_ordered(evidence),
        )

    def patterns(self) -> Sequence[BehaviourFinding]:
        self.load()
        found = [
            BehaviourFinding(
                category=CATEGORY,
                score=flag.score,
                detector=self.name,
                label="+".join(flag.labels),
                rationale=f"{author} has been "
                + " and ".join(_LABEL_TEXT[label] for label in flag.labels)
                + ".",
                actors=(author,),
                message_ids=tuple(i for _, i in flag.evidence),
                first_at=flag.first_at,
                last_at=flag.last_at,
            )
            for author, flag in self._flags.items()
        ]
        return sorted(found, key=lambda p: (-p.score, p.actors))
