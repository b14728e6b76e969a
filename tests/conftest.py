"""Shared fixtures: the default policy, a loaded engine, and where shared/ lives."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from dignity.engine import Dignity
from dignity.policy.loader import LoadedPolicy, default_policy

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PG_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
"""The local PostgreSQL server (trust auth); CI starts it when it is down."""


@pytest.fixture(scope="session")
def loaded_policy() -> LoadedPolicy:
    return default_policy()


@pytest.fixture(scope="session")
def engine() -> Dignity:
    return Dignity.from_policy().load()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of its own on the local PostgreSQL server for this test session."""
    name = f"dignity_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server answers at 127.0.0.1:5432 ({exc})")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_schema(base: str) -> str:
    """A new, empty schema in ``base``'s database, as a URL whose search_path points at it."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{base}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: an SQLite file, or a new schema on the real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dignity.db'}"
    return fresh_schema(request.getfixturevalue("pg_database"))
