"""What a text detector flags at the default threshold, shared by the text detectors' tests."""

from __future__ import annotations

from dignity.detectors.base import Detector
from dignity.model import Message

THRESHOLD = 0.5
"""Every category's threshold in the default policy."""


def categories_flagged(detector: Detector, text: str) -> set[str]:
    """The categories ``detector`` finds in ``text`` at or above :data:`THRESHOLD`."""
    findings = detector.detect(Message(id="m", text=text))
    return {f.category for f in findings if f.score >= THRESHOLD}
