"""The one protocol every detector implements, built-in or plugin.

A detector is constructed cheaply from its options (nothing heavy in ``__init__``), made ready by
an explicit ``load()``, and then maps a message to findings. It declares the categories it can
produce, so a policy can be checked for clauses that nothing would ever detect.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

from dignity.detectors.behaviour.base import ConversationDetector
from dignity.model import Finding, Message

THREADS_ENV = "DIGNITY_THREADS"
"""Threads a detector's numeric library may use (unset or 0: the library's own choice).
Detection workers set it to 1: one worker per core already uses every core."""


@runtime_checkable
class Detector(Protocol):
    """Maps one message to the findings it supports; the same shape for any input."""

    name: ClassVar[str]
    """Versioned registry name, e.g. ``dignity.pii.v1``; findings carry it as ``detector``."""

    categories: ClassVar[frozenset[str]]
    """Every category this detector can produce."""

    def load(self) -> None:
        """Load models, lexicons or other resources; idempotent."""

    def detect(self, message: Message) -> Sequence[Finding]:
        """Return the findings for one message (empty when there are none)."""


@runtime_checkable
class BatchDetector(Detector, Protocol):
    """A detector that is faster given many messages at once; optional, :func:`detect_many`
    falls back to one message at a time for any other detector."""

    def detect_many(self, messages: Sequence[Message]) -> Sequence[Sequence[Finding]]:
        """The findings for each message, in order: the same as :meth:`detect` on each."""


def detect_many(detector: Detector, messages: Sequence[Message]) -> list[Sequence[Finding]]:
    """``detector``'s findings for each of ``messages``, in one call where it has a batch path."""
    if isinstance(detector, BatchDetector):
        found = list(detector.detect_many(messages))
        if len(found) != len(messages):
            raise RuntimeError(
                f"detector {detector.name} returned {len(found)} results for "
                f"{len(messages)} messages"
            )
        return found
    return [detector.detect(message) for message in messages]


class DetectorFactory(Protocol):
    """What a registry entry is: a class (or callable) taking the policy's options.

    It makes a message ``Detector`` or, for behaviour over time, a ``ConversationDetector``.
    """

    name: ClassVar[str]
    categories: ClassVar[frozenset[str]]

    def __call__(self, **options: Any) -> Detector | ConversationDetector: ...
