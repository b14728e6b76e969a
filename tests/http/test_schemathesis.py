"""Property-based API testing against the published OpenAPI: no 5xx, no schema violations.

Schemathesis generates valid and invalid requests for every operation (bounded examples,
derandomised) against the ASGI app over a seeded database, on SQLite and on PostgreSQL,
authenticated as an admin so every route is reachable; every response must conform to the
published schema (status codes, content types, bodies, headers).

The ``positive_data_acceptance`` check is left out: some requests valid by JSON Schema are
refused by rules only the loaded policy knows (a clause id to cite, a step of the sanction
ladder, a breach must cite a clause), and those are answered with a 422 that says so.

The schema is read from an app that is never started; the requests go through a small ASGI
dispatcher to the app the fixture starts (with its lifespan) for each database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from dignity.http import Settings, create_app

MESSAGE = {"id": "seed-1", "text": "I will kill you, you idiot", "author": "@bob"}


class Dispatch:
    """An ASGI app that forwards each request to the app a fixture has started."""

    target: FastAPI | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                kind = message["type"].rsplit(".", 1)[-1]
                await send({"type": f"{message['type']}.complete"})
                if kind == "shutdown":
                    return
        assert self.target is not None, "no started app to dispatch to"
        await self.target(scope, receive, send)


DISPATCH = Dispatch()
schema = schemathesis.openapi.from_dict(create_app(Settings(database_url="sqlite://")).openapi())
schema.app = DISPATCH


@pytest.fixture
def started(database_url: str, tokens: dict[str, str]) -> Iterator[dict[str, str]]:
    app = create_app(Settings(database_url=database_url, reports_per_window=10_000))
    with TestClient(app) as client:
        h = {"Authorization": f"Bearer {tokens['alice']}"}
        for i in range(3):
            message = {**MESSAGE, "id": f"seed-{i}"}
            made = client.post("/v1/reports", json={"message": message, "reason": "x"}, headers=h)
            assert made.status_code == 201
        client.post(
            "/v1/cases/1/decision",
            json={"outcome": "breach", "clauses": ["nec.personal-abuse"], "reasons": "x"},
            headers={"Authorization": f"Bearer {tokens['mod1']}"},
        )
        DISPATCH.target = app
        try:
            yield tokens
        finally:
            DISPATCH.target = None


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case, started: dict[str, str]) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {started['root']}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
