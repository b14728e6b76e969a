"""Users, roles and API tokens.

A token is ``dgn_`` and 32 random bytes (URL-safe base64); only its sha256 is stored, so a
leaked database yields no usable token. Looking a token up by its hash and then comparing the
hashes with :func:`hmac.compare_digest` keeps the check constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime
from typing import Final

from sqlalchemy import Connection, Row, select
from sqlalchemy.exc import IntegrityError

from dignity.cases import audit
from dignity.cases.values import Role, User
from dignity.errors import AuthenticationError, ConflictError, NotFoundError, ServiceInputError
from dignity.store.cases import tokens_table, users_table
from dignity.store.sql import SqlStore

TOKEN_PREFIX: Final = "dgn_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@\-]{0,99}$")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", errors="surrogatepass")).hexdigest()


def _user(row: Row[tuple[object, ...]]) -> User:
    mapping = row._mapping
    return User(
        id=int(mapping["id"]),
        name=str(mapping["name"]),
        role=Role(mapping["role"]),
        account=None if mapping["account"] is None else str(mapping["account"]),
        created_at=mapping["created_at"],
    )


def add_user(
    *,
    store: SqlStore,
    name: str,
    role: Role,
    account: str | None = None,
    actor: User | None = None,
) -> tuple[User, str]:
    """Create a user with one API token; returns the user and the token (shown only once)."""
    if not _NAME.match(name):
        raise ServiceInputError(
            f"user name {name!r} is not usable; use 1-100 letters, digits, '.', '_', '-' or '@', "
            "starting with a letter or digit"
        )
    now = datetime.now(UTC)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with store.transaction("add a user") as conn:
            taken = conn.execute(select(users_table.c.id).where(users_table.c.name == name))
            if taken.first() is not None:
                raise ConflictError(f"a user named {name!r} already exists; choose another name")
            user_id = conn.execute(
                users_table.insert().values(
                    name=name, role=role.value, account=account, created_at=now
                )
            ).inserted_primary_key
            assert user_id is not None
            new_id = int(user_id[0])
            conn.execute(
                tokens_table.insert().values(
                    user_id=new_id, token_sha256=token_digest(token), created_at=now
                )
            )
            audit.append(
                conn,
                at=now,
                actor_id=None if actor is None else actor.id,
                action="user.added",
                case_id=None,
                data={"user_id": new_id, "name": name, "role": role.value, "account": account},
            )
    except IntegrityError:  # pragma: no cover - a concurrent add of the same name
        raise ConflictError(f"a user named {name!r} already exists; choose another name") from None
    user = User(id=new_id, name=name, role=role, account=account, created_at=now)
    return user, token


def authenticate(*, store: SqlStore, token: str) -> User:
    """The user a bearer token belongs to; :class:`AuthenticationError` for any other token."""
    digest = token_digest(token)
    with store.reading("check an API token") as conn:
        row = conn.execute(
            select(users_table, tokens_table.c.token_sha256)
            .join(tokens_table, tokens_table.c.user_id == users_table.c.id)
            .where(tokens_table.c.token_sha256 == digest, tokens_table.c.revoked_at.is_(None))
        ).first()
    if row is None or not hmac.compare_digest(str(row.token_sha256), digest):
        raise AuthenticationError(
            "the API token is not valid; send 'Authorization: Bearer <token>' with a token from "
            "`dignity users add`"
        )
    return _user(row)


def user_by_name(conn: Connection, name: str) -> User:
    row = conn.execute(select(users_table).where(users_table.c.name == name)).first()
    if row is None:
        raise NotFoundError(f"there is no user named {name!r}; check the name or add the user")
    return _user(row)


def names(conn: Connection, ids: set[int]) -> dict[int, str]:
    """User names by id, for showing who moved a case."""
    if not ids:
        return {}
    rows = conn.execute(
        select(users_table.c.id, users_table.c.name).where(users_table.c.id.in_(sorted(ids)))
    ).all()
    return {int(row.id): str(row.name) for row in rows}
