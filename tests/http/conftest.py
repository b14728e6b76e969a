"""HTTP fixtures: a seeded service on SQLite and on a real PostgreSQL server, and its tokens."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dignity.cases import Role, add_user
from dignity.http import Settings, create_app
from dignity.store import SqlStore

PG_SERVER = "postgresql://postgres@127.0.0.1:5432/test"


def pg_available() -> str | None:
    """Why PostgreSQL cannot be used, or ``None`` when it answers."""
    try:
        psycopg.connect(PG_SERVER, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        return f"no PostgreSQL server answers at 127.0.0.1:5432 ({exc})"
    return None


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of its own on the local PostgreSQL server for this test session."""
    if reason := pg_available():
        pytest.skip(reason)
    name = f"dignity_http_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_schema(base: str) -> str:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{base}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'service.db'}"
    return fresh_schema(request.getfixturevalue("pg_database"))


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
