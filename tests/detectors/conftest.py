"""Fixtures shared by the text detector tests."""

from __future__ import annotations

import pytest

from dignity.detectors.text.cascade import CascadeTextDetector


@pytest.fixture(scope="session")
def cascade() -> CascadeTextDetector:
    """The shipped default text detector, loaded once for every test that reads it."""
    detector = CascadeTextDetector()
    detector.load()
    return detector
