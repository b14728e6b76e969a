"""The protocol of detectors that judge behaviour over a conversation rather than one message.

They are fed messages in time order, each with its text assessment, keep bounded state (windows
with decay, capped tables), and answer twice: ``observe`` returns the findings the new message
adds (a mention that continues a pattern of unwelcome contact, a share of a persistent abuser's
post), so the message's own decision can cite them; ``patterns`` returns the accounts and pairs
that need attention so far, for reports. Thresholds are the detector's options, set in the
policy's ``detectors`` list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol, runtime_checkable

from dignity.model import Assessment, BehaviourFinding, Finding, Message


@runtime_checkable
class ConversationDetector(Protocol):
    name: ClassVar[str]
    categories: ClassVar[frozenset[str]]

    def load(self) -> None:
        """Prepare resources; idempotent."""

    def observe(self, message: Message, assessment: Assessment) -> Sequence[Finding]:
        """Take the next message in time order; return the findings it adds, evidence included."""

    def patterns(self) -> Sequence[BehaviourFinding]:
        """The patterns established so far, most serious first; bounded in size."""
