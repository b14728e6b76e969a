"""Every refusal as a JSON :class:`Problem` with the status its error class carries."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dignity.errors import AuthenticationError, DignityError, RateLimitedError
from dignity.http.schemas import Problem

_DESCRIPTIONS = {
    400: "The request cannot be read.",
    401: "No API token, or one that is not valid.",
    403: "The caller's role may not do this.",
    404: "No such case, user or route.",
    409: "The case's state forbids this transition.",
    422: "The body or a parameter is invalid; `errors` says which and why.",
    429: "Too many reports; wait `Retry-After` seconds.",
}


def problem_responses(*statuses: int, ok: str | None = None) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the refusals a route can give.

    ``ok`` names the media type of a 200 that is not JSON (``text/html``, ``text/csv``).
    """
    chosen = {400, 401, 422, *statuses}
    responses: dict[int | str, dict[str, Any]] = {
        status: {"model": Problem, "description": _DESCRIPTIONS[status]}
        for status in sorted(chosen)
    }
    if ok is not None:
        responses[200] = {
            "description": "Successful Response",
            "content": {ok: {"schema": {"type": "string"}}},
        }
    return responses


def _response(
    status: int, code: str, message: str, errors: list[str] | None = None
) -> JSONResponse:
    body = Problem(code=code, status=status, message=message, errors=errors or [])
    return JSONResponse(body.model_dump(), status_code=status)


async def _dignity_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DignityError)
    response = _response(exc.http_status, exc.code, exc.message)
    if isinstance(exc, RateLimitedError):
        response.headers["Retry-After"] = str(exc.retry_after)
    if isinstance(exc, AuthenticationError):
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()))
        errors.append(f"{where}: {error.get('msg', 'invalid')}")
    return _response(
        422, "D422", "the request is invalid: " + "; ".join(errors[:5]), errors=errors[:50]
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    response = _response(exc.status_code, f"H{exc.status_code}", str(exc.detail))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


def install(app: FastAPI) -> None:
    app.add_exception_handler(DignityError, _dignity_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
