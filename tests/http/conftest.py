"""HTTP fixtures: a seeded service on SQLite and on a real PostgreSQL server, and its tokens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dignity.cases import Role, add_user
from dignity.http import Settings, create_app
from dignity.store import SqlStore


def seed(database_url: str) -> dict[str, str]:
    """Users of every role; returns their tokens by name."""
    tokens = {}
    with SqlStore(database_url) as store:
        for name, role, account in (
            ("root", Role.ADMIN, None),
            ("mod1", Role.MODERATOR, None),
            ("mod2", Role.MODERATOR, None),
            ("alice", Role.MEMBER, "@alice"),
            ("bob", Role.MEMBER, "@bob"),
        ):
            _, tokens[name] = add_user(store=store, name=name, role=role, account=account)
    return tokens


@pytest.fixture
def tokens(database_url: str) -> dict[str, str]:
    return seed(database_url)


@pytest.fixture
def app(database_url: str, tokens: dict[str, str]) -> FastAPI:
    return create_app(Settings(database_url=database_url, reports_per_window=5))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as started:
        yield started


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
