"""What routes depend on: the running service (store, engine, limits) and the calling user."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Annotated, Final

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from dignity.cases.users import authenticate, token_digest
from dignity.cases.values import Limits, User
from dignity.engine import DetectionPool, Dignity
from dignity.errors import AuthenticationError, StoreError
from dignity.model import Assessment, Message
from dignity.store.sql import SqlStore

TOKEN_CACHE_SECONDS: Final = 30.0
TOKEN_CACHE_SIZE: Final = 10_000


class TokenCache:
    """Recently authenticated tokens (by sha256), kept for a few seconds.

    Checking a token costs a database round trip; a client sending many requests pays it once
    every ``TOKEN_CACHE_SECONDS``. Only hashes are kept, never tokens.
    """

    def __init__(self, ttl: float = TOKEN_CACHE_SECONDS, size: int = TOKEN_CACHE_SIZE) -> None:
        self._ttl = ttl
        self._size = size
        self._entries: dict[str, tuple[float, User]] = {}
        self._lock = threading.Lock()

    def get(self, digest: str) -> User | None:
        with self._lock:
            found = self._entries.get(digest)
            if found is None or found[0] < time.monotonic():
                return None
            return found[1]

    def put(self, digest: str, user: User) -> None:
        with self._lock:
            if len(self._entries) >= self._size:
                self._entries.clear()
            self._entries[digest] = (time.monotonic() + self._ttl, user)


@dataclass(frozen=True, slots=True, kw_only=True)
class Service:
    """What one app runs on, built once at startup by the lifespan."""

    store: SqlStore
    engine: Dignity
    limits: Limits
    tokens: TokenCache = field(default_factory=TokenCache)
    pool: DetectionPool | None = None

    async def assess(self, message: Message) -> Assessment:
        """The engine's assessment, off the event loop: on the pool's workers when there is
        one, else in a thread (detection is CPU-bound and would stall every other request)."""
        if self.pool is not None:
            return await self.pool.assess(message)
        return await run_in_threadpool(self.engine.assess, message)


async def get_service(request: Request) -> Service:
    service: Service | None = getattr(request.app.state, "service", None)
    if service is None:
        raise StoreError("the service has not started; run it under an ASGI server with lifespan")
    return service


_bearer = HTTPBearer(auto_error=False, description="An API token from `dignity users add`.")


async def get_user(
    service: Annotated[Service, Depends(get_service)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise AuthenticationError(
            "this needs an API token: send 'Authorization: Bearer <token>' "
            "(create one with `dignity users add NAME`)"
        )
    token = credentials.credentials
    digest = token_digest(token)
    user = service.tokens.get(digest)
    if user is None:
        user = await run_in_threadpool(lambda: authenticate(store=service.store, token=token))
        service.tokens.put(digest, user)
    return user


ServiceDep = Annotated[Service, Depends(get_service)]
CurrentUser = Annotated[User, Depends(get_user)]
