"""Shared fixtures: the default policy, a loaded engine, and where shared/ lives."""

from __future__ import annotations

from pathlib import Path

import pytest

from dignity.engine import Dignity
from dignity.policy.loader import LoadedPolicy, default_policy

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def loaded_policy() -> LoadedPolicy:
    return default_policy()


@pytest.fixture(scope="session")
def engine() -> Dignity:
    return Dignity.from_policy().load()
