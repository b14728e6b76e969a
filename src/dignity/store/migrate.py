"""Run the Alembic migrations shipped inside the package, programmatically.

``upgrade(engine)`` brings any database to the newest revision: an empty one gets every table,
one made by the earlier ``metadata.create_all`` (scan tables, no ``alembic_version``) is
stamped at the first revision, whose schema it already has, and then upgraded. On PostgreSQL an
advisory lock keeps two processes from migrating at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from dignity.errors import StoreError

MIGRATIONS: Final = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION: Final = "0001"
_LOCK_KEY: Final = 0x6469676E  # "dign"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (and ``connection``, if given)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision shipped with this version of dignity."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if revision is None:  # pragma: no cover - the package ships revisions
        raise StoreError(f"no migrations found in {MIGRATIONS}; reinstall dignity")
    return revision


def current(connection: Connection) -> str | None:
    """The revision the database is at, or ``None`` when it has never been migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database at ``engine`` to ``revision`` (the newest by default)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        config = alembic_config(connection)
        if current(connection) is None and inspect(connection).has_table("scans"):
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database at ``engine`` back to ``revision`` (``base`` removes every table)."""
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def check_current(engine: Engine, *, shown: str) -> None:
    """Refuse a database that is not at the newest revision, saying how to fix it."""
    with engine.connect() as connection:
        found = current(connection)
    wanted = head()
    if found != wanted:
        raise StoreError(
            f"{shown} is at schema revision {found or 'none'}, this dignity needs {wanted}; "
            "run `dignity db upgrade` first"
        )
