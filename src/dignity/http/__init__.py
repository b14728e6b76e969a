"""The dignity HTTP service: ``create_app(Settings(database_url=...))``."""

from __future__ import annotations

from dignity.http.app import create_app
from dignity.http.settings import Settings

__all__ = ["Settings", "create_app"]
