"""Alembic environment: dignity runs migrations on a connection it passes in (online only)."""

from __future__ import annotations

from alembic import context

import dignity.store.cases  # noqa: F401  (registers the case tables on the shared metadata)
from dignity.store.sql import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "dignity's migrations run online on a connection it supplies; "
        "use `dignity db upgrade`, not the alembic command"
    )
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
