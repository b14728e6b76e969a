"""The service's commands: ``serve``, ``users add``, ``audit verify`` and ``db upgrade``.

``register(app)`` adds them to the ``dignity`` Typer app. ``--db`` takes a database URL
(``postgresql+psycopg://...``) or a path to an SQLite file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from dignity.errors import DignityError
from dignity.terminal import console, err_console, refuse

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="Database URL (sqlite:///..., postgresql+psycopg://...) or an SQLite file path.",
    ),
]
DEFAULT_DB = "dignity.db"


def database_url(db: str) -> str:
    """``db`` as an SQLAlchemy URL: a URL is kept, a path becomes ``sqlite:///<abs path>``."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    db: DbOption = DEFAULT_DB,
    policy: Annotated[
        Path | None, typer.Option("--policy", help="Policy YAML (default: the NEC code).")
    ] = None,
    reports_per_minute: Annotated[
        int, typer.Option(help="Reports one user may send per minute.", min=1)
    ] = 30,
    appeal_days: Annotated[int, typer.Option(help="Days a member has to appeal.", min=1)] = 14,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes that assess /v1/check texts, ~200 MB each (default: one per CPU, up"
            " to 4; 0: in the server).",
            min=0,
        ),
    ] = None,
) -> None:
    """Run the HTTP service (OpenAPI at /docs and /openapi.json)."""
    import uvicorn

    from dignity.http import Settings, create_app
    from dignity.store.sql import SqlStore

    url = database_url(db)
    try:  # fail fast, with a clear message, before the server starts
        with SqlStore(url):
            pass
    except DignityError as exc:
        refuse(str(exc))
    settings = Settings(
        database_url=url,
        policy=policy,
        reports_per_window=reports_per_minute,
        report_window_seconds=60,
        appeal_days=appeal_days,
        detection_workers=min(4, os.cpu_count() or 1) if workers is None else workers,
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)


users_app = typer.Typer(help="Manage the service's users and API tokens.", no_args_is_help=True)
audit_app = typer.Typer(help="Check the audit log.", no_args_is_help=True)
db_app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user's name.", show_default=False)],
    role: Annotated[str, typer.Option(help="member, moderator or admin.")] = "member",
    account: Annotated[
        str | None, typer.Option(help="The member's account handle (links cases about them).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add a user and print their API token (shown once; only its hash is stored)."""
    from dignity.cases.users import add_user
    from dignity.cases.values import Role
    from dignity.store.sql import SqlStore

    try:
        chosen = Role(role)
    except ValueError:
        refuse(f"role {role!r} is not one of member, moderator, admin")
    try:
        with SqlStore(database_url(db)) as store:
            user, token = add_user(store=store, name=name, role=chosen, account=account)
    except DignityError as exc:
        refuse(str(exc))
    err_console.print(f"added {user.name} ({user.role.value}); their API token, shown only once:")
    typer.echo(token)


@audit_app.command("verify")
def audit_verify(db: DbOption = DEFAULT_DB) -> None:
    """Check every audit entry's hash chain; exit 1 when an entry was altered or deleted."""
    from dignity.cases.audit import verify_chain
    from dignity.store.sql import SqlStore

    try:
        with SqlStore(database_url(db)) as store:
            result = verify_chain(store=store)
    except DignityError as exc:
        refuse(str(exc))
    if result.ok:
        console.print(f"[green]audit log intact:[/] {result.entries} entries, chain verified")
        return
    console.print(f"[bold red]audit log tampered:[/] {len(result.problems)} problem(s)")
    for problem in result.problems:
        console.print(f"  - {problem}", highlight=False)
    raise typer.Exit(1)


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = DEFAULT_DB,
    revision: Annotated[str, typer.Option(help="Target revision.")] = "head",
) -> None:
    """Bring the database schema to the newest (or a given) revision."""
    from dignity.store.sql import SqlStore, mask_url

    url = database_url(db)
    try:
        at = SqlStore(url).upgrade(revision)
    except DignityError as exc:
        refuse(str(exc))
    except Exception as exc:  # alembic's own refusals (an unknown revision)
        refuse(f"{mask_url(url)}: cannot upgrade to {revision}: {exc}")
    console.print(f"{mask_url(url)} is at schema revision {at}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the service's commands to ``app``."""
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")
    app.add_typer(db_app, name="db")
