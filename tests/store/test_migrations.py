"""The packaged Alembic migrations build the schema the code expects, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

import dignity.store.cases  # noqa: F401  (the case tables join the shared metadata)
from dignity.cli import app
from dignity.errors import StoreError
from dignity.store import SqlStore, migrate
from dignity.store.sql import TABLES, metadata


@pytest.fixture
def url(database_url: str) -> str:
    return database_url


def test_open_migrates_to_head_and_matches_the_tables(url: str) -> None:
    with SqlStore(url) as store, store.reading("compare") as conn:
        assert migrate.current(conn) == migrate.head()
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_a_database_made_by_create_all_is_stamped_and_upgraded(url: str) -> None:
    engine = create_engine(url)
    metadata.create_all(engine, tables=list(TABLES))
    engine.dispose()
    with SqlStore(url) as store:
        assert set(store.counts()) == {t.name for t in TABLES}
        with store.reading("check") as conn:
            assert migrate.current(conn) == migrate.head()
            assert inspect(conn).has_table("audit_log")


def test_downgrade_to_base_removes_every_table_and_upgrade_restores_them(url: str) -> None:
    SqlStore(url).upgrade()
    engine = create_engine(url)
    try:
        migrate.downgrade(engine, "base")
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()
    finally:
        engine.dispose()


def test_open_without_migrating_refuses_an_old_schema(url: str) -> None:
    assert SqlStore(url).upgrade("0001") == "0001"
    with pytest.raises(StoreError, match="dignity db upgrade"):
        SqlStore(url).open(migrate=False)


def test_cli_db_upgrade(url: str) -> None:
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 0, result.output
    assert f"revision {migrate.head()}" in result.output
    bad = CliRunner().invoke(app, ["db", "upgrade", "--db", url, "--revision", "nope"])
    assert bad.exit_code == 2
