"""``create_app(settings)``: the dignity service as a FastAPI app; nothing happens at import.

The store is opened (and migrated) and the engine loaded once, in the lifespan, when a server
starts the app; ``/openapi.json`` publishes the API.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from dignity import __version__
from dignity.engine import Dignity
from dignity.http import admin, members, moderation, problems
from dignity.http.dependencies import Service
from dignity.http.schemas import Health
from dignity.http.settings import Settings
from dignity.store.sql import SqlStore


def create_app(settings: Settings) -> FastAPI:
    """The service for ``settings``; start it with any ASGI server (``dignity serve``)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = Dignity.from_policy(settings.policy).load()
        store = SqlStore(settings.database_url)
        store.open()
        pool = (
            engine.pool(settings.detection_workers).start() if settings.detection_workers else None
        )
        app.state.service = Service(store=store, engine=engine, limits=settings.limits, pool=pool)
        try:
            yield
        finally:
            app.state.service = None
            if pool is not None:
                pool.close()
            store.close()

    app = FastAPI(
        title="dignity",
        version=__version__,
        summary="Check before posting, report abuse, and handle cases with due process.",
        lifespan=lifespan,
    )
    problems.install(app)

    @app.get("/v1/health", tags=["service"])
    async def health() -> Health:
        """Liveness: answers without a token or the database."""
        return Health()

    app.include_router(members.router)
    app.include_router(moderation.router)
    app.include_router(admin.router)
    return app
