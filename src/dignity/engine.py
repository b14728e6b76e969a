"""The facade every interface calls: build from a policy, load, assess one message or many.

    engine = Dignity.from_policy().load()
    assessment = engine.assess("you are a pathetic idiot")

Constructing an engine is cheap (detectors are only created); ``load()`` does the heavy work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from dignity.decision import decide
from dignity.detectors import registry
from dignity.detectors.base import Detector
from dignity.model import Assessment, Finding, Message
from dignity.policy.loader import LoadedPolicy, load_policy
from dignity.policy.schema import ClauseScope, Policy


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """Which detector produces each category, and which clauses nothing can yet detect."""

    producers: dict[str, tuple[str, ...]]
    uncovered: dict[str, tuple[str, ...]]
    """clause id -> its categories that no configured detector produces."""


class Dignity:
    """Assess messages against a code of conduct."""

    def __init__(self, loaded: LoadedPolicy, detectors: Sequence[Detector]) -> None:
        self.loaded = loaded
        self.detectors = tuple(detectors)
        self._loaded = False

    @classmethod
    def from_policy(cls, policy: LoadedPolicy | str | Path | None = None) -> Dignity:
        """An engine for ``policy`` (a path, a loaded policy, or the default when None)."""
        loaded = policy if isinstance(policy, LoadedPolicy) else load_policy(policy)
        detectors = [
            registry.create(config.name, dict(config.options)) for config in loaded.policy.detectors
        ]
        return cls(loaded, detectors)

    @property
    def policy(self) -> Policy:
        return self.loaded.policy

    def load(self) -> Self:
        """Load every detector's resources; safe to call more than once."""
        if not self._loaded:
            for detector in self.detectors:
                detector.load()
            self._loaded = True
        return self

    def findings(self, message: Message) -> tuple[Finding, ...]:
        """Every detector's findings for ``message``, in detector order."""
        self.load()
        return tuple(f for detector in self.detectors for f in detector.detect(message))

    def assess(self, message: Message | str) -> Assessment:
        """The policy's decision on one message (a bare string is a message with id ``text``)."""
        if isinstance(message, str):
            message = Message(id="text", text=message)
        return decide(message, self.findings(message), self.policy)

    def assess_many(self, messages: Iterable[Message]) -> Iterator[Assessment]:
        """Assess a stream of messages lazily, in order."""
        self.load()
        for message in messages:
            yield self.assess(message)

    def coverage(self) -> Coverage:
        """Map categories to the detectors that produce them; list clauses left uncovered."""
        producers: dict[str, list[str]] = {c: [] for c in self.policy.category_ids}
        for detector in self.detectors:
            for category in sorted(detector.categories):
                producers.setdefault(category, []).append(detector.name)
        uncovered = {
            clause.id: missing
            for clause in self.policy.clauses
            if clause.scope in {ClauseScope.MESSAGE, ClauseScope.BEHAVIOUR}
            and (missing := tuple(c for c in clause.categories if not producers.get(c)))
        }
        return Coverage(
            producers={k: tuple(v) for k, v in producers.items()},
            uncovered=uncovered,
        )
