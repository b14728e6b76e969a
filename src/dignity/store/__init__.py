"""Where dignity keeps what it decided: an SQL store (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

from dignity.store.sql import SqlStore, mask_url

__all__ = ["SqlStore", "mask_url"]
