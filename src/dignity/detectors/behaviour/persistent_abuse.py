"""``dignity.behaviour.persistent_abuse.v1``: a "do not amplify" list, and sharing from it.

The code asks members not to "give voice to those who persistently engage in abuse" and to
"avoid sharing their content, even when the item in question is unproblematic". The detector
keeps, for every account with a breach, a score that adds 1 per breaching message and halves every
``half_life_days``. An account whose score reaches ``list_score`` is a persistent abuser: with the
defaults, three breaches within a few days, or four spread over about two weeks. A single
outburst decays away.

Amplifying a listed account is flagged as guidance (the clause's action is a nudge) to the
member who does it, even when the post amplified is harmless:

* **sharing**: ``Message.shares`` names a message whose author is listed (authors of recent
  messages are remembered in a bounded table);
* **retweet or quote**: the text starts ``RT @account`` or ``QT @account``;
* **boosting**: a short endorsing reply ("spot on", "well said", "so true", "+1") to a listed
  account's message. Replies that challenge it are counter-speech and are not flagged.

Findings cite the abuser's recent breaches, the amplified message and the current one, in time
order. ``patterns()`` lists both the accounts that have been on the list (label
``persistent_abuser``, saying whether they still are) and the accounts that amplified them
(label ``amplified_persistent_abuser``).

Options (defaults): ``half_life_days`` (7), ``list_score`` (3.0), ``max_accounts`` (50,000
accounts with breaches tracked), ``max_messages`` (200,000 message authors remembered, for
shares), ``max_patterns`` (1,000 listed and 1,000 amplifying accounts kept for ``patterns()``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import ClassVar

from dignity.detectors.behaviour.windows import (
    BoundedLRU,
    StreamClock,
    decayed,
    merge_evidence,
    positive,
    time_ordered,
)
from dignity.model import Assessment, BehaviourFinding, Finding, Message, Span

__all__ = ["PersistentAbuseDetector"]

CATEGORY = "amplifying_abuser"
_DAY = 86400.0
_BREACHES_KEPT = 10
_BREACHES_CITED = 5
_ENDORSING_WORDS = 12

_RETWEET = re.compile(r"^\s*(?:RT|QT)\s+@([\w.\-]+)", re.IGNORECASE)
_ENDORSEMENT = re.compile(
    r"""^\W*(?:spot\s+on|well\s+said|so\s+true|exactly|this|hear,?\s+hear|100\s*%|\+1
        |couldn'?t\s+agree\s+more|absolutely|preach|facts|agreed|bang\s+on|nailed\s+it
        |say\s+it\s+louder|quite\s+right)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_CHALLENGE = re.compile(
    r"\b(?:report\w*|not\s+ok|out\s+of\s+order|unacceptable|disgust\w*|shame\w*|abus\w*|"
    r"vile|appalling|no\s+place|mods?|admins?|stop|racis\w*|sexis\w*|bigot\w*)\b|n't\s+ok",
    re.IGNORECASE,
)


class _Abuser:
    """An account's decayed breach score and its latest breaches."""

    __slots__ = ("at", "breaches", "score")

    def __init__(self) -> None:
        self.score = 0.0
        self.at = 0.0
        self.breaches: list[tuple[float, str]] = []

    def current(self, now: float, half_life: float) -> float:
        return decayed(self.score, now - self.at, half_life)


class _Listing:
    """An account that reached the list: when, its peak score, the breaches that put it there."""

    __slots__ = ("breaches", "listed_at", "peak")

    def __init__(self, listed_at: float) -> None:
        self.listed_at = listed_at
        self.peak = 0.0
        self.breaches: list[tuple[float, str]] = []


class _Amplifier:
    __slots__ = ("abusers", "evidence", "first_at", "last_at")

    def __init__(self, first_at: datetime | None) -> None:
        self.abusers: dict[str, None] = {}
        self.evidence: list[tuple[float, str]] = []
        self.first_at = first_at
        self.last_at = first_at


class PersistentAbuseDetector:
    """Keeps the "do not amplify" list and nudges members who share from it."""

    name: ClassVar[str] = "dignity.behaviour.persistent_abuse.v1"
    categories: ClassVar[frozenset[str]] = frozenset({CATEGORY})

    def __init__(
        self,
        *,
        half_life_days: float = 7.0,
        list_score: float = 3.0,
        max_accounts: int = 50_000,
        max_messages: int = 200_000,
        max_patterns: int = 1_000,
    ) -> None:
        self.half_life_days = positive(self.name, "half_life_days", half_life_days)
        self.list_score = positive(self.name, "list_score", list_score)
        self.max_accounts = int(positive(self.name, "max_accounts", max_accounts))
        self.max_messages = int(positive(self.name, "max_messages", max_messages))
        self.max_patterns = int(positive(self.name, "max_patterns", max_patterns))
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._clock = StreamClock()
        self._abusers: BoundedLRU[str, _Abuser] = BoundedLRU(self.max_accounts)
        self._messages: BoundedLRU[str, tuple[str, float]] = BoundedLRU(self.max_messages)
        self._amplifiers: BoundedLRU[str, _Amplifier] = BoundedLRU(self.max_patterns)
        self._listings: BoundedLRU[str, _Listing] = BoundedLRU(self.max_patterns)
        self._loaded = True

    def state_sizes(self) -> dict[str, tuple[int, int]]:
        """Each table's (size, capacity), for tests and monitoring."""
        return {
            "accounts": (len(self._abusers), self._abusers.capacity),
            "messages": (len(self._messages), self._messages.capacity),
            "patterns": (len(self._amplifiers), self._amplifiers.capacity),
            "listings": (len(self._listings), self._listings.capacity),
        }

    def listed(self, account: str) -> bool:
        """Whether ``account`` is on the "do not amplify" list now."""
        self.load()
        abuser = self._abusers.peek(account)
        half_life = self.half_life_days * _DAY
        return abuser is not None and abuser.current(self._clock.now, half_life) >= self.list_score

    def observe(self, message: Message, assessment: Assessment) -> Sequence[Finding]:
        self.load()
        at = self._clock.tick(message)
        author = message.author
        finding = self._amplification(message, at) if author is not None else None
        if author is not None:
            if assessment.breach:
                self._record_breach(author, at, message.id)
            self._messages.put(message.id, (author, at))
        return () if finding is None else (finding,)

    def _record_breach(self, author: str, at: float, message_id: str) -> None:
        abuser = self._abusers.get(author)
        if abuser is None:
            abuser = _Abuser()
            self._abusers.put(author, abuser)
        moment = max(at, abuser.at)
        abuser.score = abuser.current(moment, self.half_life_days * _DAY) + 1.0
        abuser.at = moment
        abuser.breaches.append((at, message_id))
        if len(abuser.breaches) > _BREACHES_KEPT:
            del abuser.breaches[0]
        if abuser.score >= self.list_score:
            listing = self._listings.get(author)
            if listing is None:
                listing = _Listing(at)
                self._listings.put(author, listing)
            listing.peak = max(listing.peak, abuser.score)
            listing.breaches = merge_evidence(listing.breaches, abuser.breaches)

    def _amplification(self, message: Message, at: float) -> Finding | None:
        text = message.text
        shared: tuple[float, str] | None = None
        spans: tuple[Span, ...] = ()
        abuser = how = ""
        if message.shares is not None:
            known = self._messages.peek(message.shares)
            if known is not None:
                abuser, shared_at = known
                shared, how = (shared_at, message.shares), "shared a post by"
        else:
            match = _RETWEET.match(text)
            if match is not None:
                abuser = match.group(1)
                spans = (Span.of(text, match.start(), match.end()),)
                parent = self._messages.peek(message.reply_to) if message.reply_to else None
                if parent is not None and parent[0] == abuser:
                    shared = (parent[1], message.reply_to or "")
                how = "reposted"
            elif message.reply_to is not None:
                known = self._messages.peek(message.reply_to)
                match = _ENDORSEMENT.match(text)
                if (
                    known is not None
                    and match is not None
                    and len(text.split()) <= _ENDORSING_WORDS
                    and _CHALLENGE.search(text) is None
                ):
                    abuser, shared_at = known
                    shared, how = (shared_at, message.reply_to), "endorsed a post by"
                    spans = (Span.of(text, match.start(), match.end()),)
        if not how or abuser == message.author or not self.listed(abuser):
            return None
        record = self._abusers.peek(abuser)
        breaches = record.breaches[-_BREACHES_CITED:] if record is not None else []
        evidence = [*breaches, *([shared] if shared is not None else []), (at, message.id)]
        self._remember_amplifier(message, abuser, evidence)
        count = len(record.breaches) if record is not None else 0
        rationale = (
            f"{message.author} {how} {abuser}, who has breached the code of conduct "
            f"{count} times recently. The code asks members not to give persistent abusers a "
            "voice, even when the post itself is harmless."
        )
        return Finding(
            category=CATEGORY,
            score=0.7,
            detector=self.name,
            label="amplified_persistent_abuser",
            rationale=rationale,
            spans=spans,
            message_ids=time_ordered(evidence),
        )

    def _remember_amplifier(
        self, message: Message, abuser: str, evidence: list[tuple[float, str]]
    ) -> None:
        sharer = message.author or ""
        amplifier = self._amplifiers.get(sharer)
        if amplifier is None:
            amplifier = _Amplifier(message.created_at)
            self._amplifiers.put(sharer, amplifier)
        amplifier.last_at = message.created_at or amplifier.last_at
        amplifier.abusers[abuser] = None
        amplifier.evidence = merge_evidence(amplifier.evidence, evidence)

    def patterns(self) -> Sequence[BehaviourFinding]:
        self.load()
        half_life = self.half_life_days * _DAY
        now = self._clock.now
        abusers = []
        for account, listing in self._listings.items():
            record = self._abusers.peek(account)
            score = record.current(now, half_life) if record is not None else 0.0
            status = (
                "is on the list now"
                if score >= self.list_score
                else "has since dropped off the list as the breaches age"
            )
            abusers.append(
                BehaviourFinding(
                    category=CATEGORY,
                    score=min(1.0, 0.5 + 0.1 * (listing.peak - self.list_score)),
                    detector=self.name,
                    label="persistent_abuser",
                    rationale=(
                        f"{account} breached the code of conduct persistently (a decayed score "
                        f"of {listing.peak:.1f} at its peak) and {status}; members are asked "
                        "not to share or boost their posts while they are listed."
                    ),
                    actors=(account,),
                    message_ids=tuple(i for _, i in listing.breaches),
                    first_at=datetime.fromtimestamp(listing.breaches[0][0], UTC),
                    last_at=datetime.fromtimestamp(listing.breaches[-1][0], UTC),
                )
            )
        abusers.sort(key=lambda p: (-p.score, p.actors))
        amplifiers = [
            BehaviourFinding(
                category=CATEGORY,
                score=0.7,
                detector=self.name,
                label="amplified_persistent_abuser",
                rationale=f"{sharer} amplified posts by {', '.join(amplifier.abusers)}.",
                actors=(sharer,),
                targets=tuple(amplifier.abusers),
                message_ids=tuple(i for _, i in amplifier.evidence),
                first_at=amplifier.first_at,
                last_at=amplifier.last_at,
            )
            for sharer, amplifier in self._amplifiers.items()
        ]
        amplifiers.sort(key=lambda p: p.actors)
        return [*abusers[: self.max_patterns], *amplifiers]
