"""Case-service fixtures: a fresh store on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dignity.cases import Role, User, add_user
from dignity.store import SqlStore


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
