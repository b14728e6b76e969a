"""Case-service fixtures: a fresh store on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from dignity.cases import Role, User, add_user
from dignity.store import SqlStore

PG_SERVER = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of its own on the local PostgreSQL server for this test session."""
    name = f"dignity_cases_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server answers at 127.0.0.1:5432 ({exc})")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: an SQLite file, or a new schema in the session's database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cases.db'}"
    base: str = request.getfixturevalue("pg_database")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{base}?options=-csearch_path%3D{schema}"


@pytest.fixture
def store(database_url: str) -> Iterator[SqlStore]:
    with SqlStore(database_url) as opened:
        yield opened


@pytest.fixture
def people(store: SqlStore) -> dict[str, User]:
    """An admin, two moderators, a reporter and the member reported (account @bob)."""
    made = {}
    for name, role, account in (
        ("root", Role.ADMIN, None),
        ("mod1", Role.MODERATOR, None),
        ("mod2", Role.MODERATOR, None),
        ("alice", Role.MEMBER, "@alice"),
        ("bob", Role.MEMBER, "@bob"),
    ):
        made[name], _ = add_user(store=store, name=name, role=role, account=account)
    return made
