"""The embedded store: policies, scans, messages, assessments and faults in one SQL database.

SQLite is the default (a file beside the data); PostgreSQL works by URL
(``postgresql+psycopg://user:password@host/db``, with the psycopg driver installed). The code is
SQLAlchemy Core and dialect-generic except for the upsert, which uses each dialect's
``INSERT .. ON CONFLICT DO UPDATE``.

Every write is one transaction: a batch that fails leaves everything stored before it intact.
Database errors become :class:`~dignity.errors.StoreError` naming the URL (password masked) and
what to do.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.sql.dml import Insert

from dignity.errors import StoreError
from dignity.ingest.records import RecordFault
from dignity.model import Assessment, Message

SCAN_STATUSES: Final = ("running", "finished", "failed")


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite keeps no offset, so values are converted to UTC before they are written; a naive
    value is taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# JSONB on PostgreSQL for what is queried; the full record keeps its text (and key order) as JSON.
_QUERYABLE_JSON = JSON().with_variant(postgresql.JSONB(), "postgresql")

metadata = MetaData()

policies_table = Table(
    "policies",
    metadata,
    Column("policy_id", String(200), primary_key=True),
    Column("version", String(100), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("first_seen", UtcDateTime, nullable=False),
)

scans_table = Table(
    "scans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime),
    Column("policy_id", String(200), nullable=False),
    Column("policy_version", String(100), nullable=False),
    Column("messages", Integer, nullable=False, default=0),
    Column("breaches", Integer, nullable=False, default=0),
    Column("faults", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False, default="running"),
    CheckConstraint("status IN ('running', 'finished', 'failed')", name="ck_scans_status"),
)

messages_table = Table(
    "messages",
    metadata,
    Column("id", Text, primary_key=True),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("author", Text),
    Column("created_at", UtcDateTime),
    Column("reply_to", Text),
    Column("platform", Text),
    Column("first_seen_scan", Integer, ForeignKey("scans.id"), nullable=False),
)

assessments_table = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", Text, ForeignKey("messages.id"), nullable=False),
    Column("policy_id", String(200), nullable=False),
    Column("policy_version", String(100), nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("breach", Boolean, nullable=False),
    Column("action", String(16), nullable=False),
    Column("categories", _QUERYABLE_JSON, nullable=False),
    Column("scores", _QUERYABLE_JSON, nullable=False),
    Column("record", JSON, nullable=False),
    Column("scan_id", Integer, ForeignKey("scans.id"), nullable=False),
    Column("assessed_at", UtcDateTime, nullable=False),
    UniqueConstraint("message_id", "policy_id", "policy_version", name="uq_assessments_message"),
    Index("ix_assessments_scan", "scan_id"),
)

faults_table = Table(
    "faults",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), nullable=False),
    Column("source", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_faults_scan", "scan_id"),
)

TABLES: Final = (policies_table, scans_table, messages_table, assessments_table, faults_table)

_ASSESSMENT_KEY = ("message_id", "policy_id", "policy_version")
_MESSAGE_UPDATES = ("text", "text_sha256", "author", "created_at", "reply_to", "platform")
_ASSESSMENT_UPDATES = (
    "text_sha256",
    "breach",
    "action",
    "categories",
    "scores",
    "record",
    "scan_id",
    "assessed_at",
)
_PASSWORD_IN_URL = re.compile(r"(://[^:/@]*:)[^@]*@")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def mask_url(url: str) -> str:
    """``url`` with any password replaced by ``***``, safe to show or log."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _PASSWORD_IN_URL.sub(r"\1***@", url)


class SqlStore:
    """Where scans, their assessments and their faults are kept.

    ``SqlStore(url)`` only stores the URL; ``open()`` connects and upgrades the schema to the
    newest Alembic revision shipped in ``dignity/store/migrations`` (a database made by an
    earlier ``create_all`` is recognised and stamped first). ``open(migrate=False)`` refuses a
    database that is not up to date instead.

    On SQLite every connection uses WAL journaling, enforces foreign keys and syncs at NORMAL;
    writes from one process are serialised by a lock so no transaction has to upgrade a read
    lock (SQLite's ``database is locked``).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None
        self._write_lock = threading.Lock()
        self._serialise_writes = False
        self._upsert_messages: Insert | None = None
        self._upsert_assessments: Insert | None = None

    @classmethod
    def for_path(cls, path: Path) -> SqlStore:
        """A store in the SQLite file at ``path`` (created on ``open()`` if missing)."""
        return cls(f"sqlite:///{path.expanduser().resolve()}")

    # ------------------------------------------------------------------------- lifecycle

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def open(self, *, migrate: bool = True) -> None:
        """Connect and bring the schema up to date (``migrate=False``: only check); idempotent."""
        if self._engine is not None:
            return
        from dignity.store.migrate import check_current, upgrade

        engine = self._create_engine()
        try:
            if migrate:
                upgrade(engine)
            else:
                check_current(engine, shown=mask_url(self.url))
        except SQLAlchemyError as exc:
            engine.dispose()
            raise self._error("cannot migrate the schema", exc) from exc
        except BaseException:
            engine.dispose()
            raise
        self._upsert_messages, self._upsert_assessments = _upserts(engine.dialect.name)
        self._serialise_writes = engine.dialect.name == "sqlite"
        self._engine = engine

    def upgrade(self, revision: str = "head") -> str | None:
        """Migrate the database to ``revision`` (without opening the store); returns where it is."""
        from dignity.store import migrate

        engine = self._create_engine()
        try:
            migrate.upgrade(engine, revision)
            with engine.connect() as conn:
                return migrate.current(conn)
        except SQLAlchemyError as exc:
            raise self._error(f"cannot upgrade the schema to {revision}", exc) from exc
        finally:
            engine.dispose()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._require_engine().dialect.name

    @contextmanager
    def transaction(self, doing: str) -> Iterator[Connection]:
        """One write transaction, committed when the block ends without an exception.

        ``doing`` completes "cannot ..." in the :class:`StoreError` raised when the database
        refuses. Domain errors raised inside roll the transaction back and pass through.
        """
        with self._begin(doing) as conn:
            yield conn

    @contextmanager
    def reading(self, doing: str) -> Iterator[Connection]:
        """A connection for reads; nothing written through it is kept."""
        with self._connect(doing) as conn:
            yield conn

    def _create_engine(self) -> Engine:
        shown = mask_url(self.url)
        try:
            url = make_url(self.url)
        except ArgumentError:
            raise StoreError(
                f"{shown} is not a database URL; use sqlite:///path/to/file.db or "
                "postgresql+psycopg://user:password@host/database"
            ) from None
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(
                f"{shown}: the {url.get_backend_name()!r} database is not supported; "
                "use SQLite or PostgreSQL"
            )
        serializer = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
        try:
            engine = create_engine(url, json_serializer=serializer)
        except (NoSuchModuleError, ModuleNotFoundError) as exc:
            raise StoreError(
                f"{shown}: the database driver is not installed ({exc}); install it, e.g. "
                "pip install 'psycopg[binary]' for postgresql+psycopg"
            ) from None
        except SQLAlchemyError as exc:
            raise self._error("cannot set up the database engine", exc) from exc
        if url.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        return engine

    def close(self) -> None:
        """Release every connection; the store can be opened again."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # ---------------------------------------------------------------------------- writes

    def record_policy(self, policy_id: str, version: str, text: str) -> None:
        """Keep the text of a policy version; the same text again is a no-op.

        A different text under a version already stored is refused: assessments are keyed by
        policy and version, so a changed policy needs a new version.
        """
        digest = _sha256(text)
        with self._begin("record the policy") as conn:
            stored = conn.execute(
                select(policies_table.c.sha256).where(
                    policies_table.c.policy_id == policy_id, policies_table.c.version == version
                )
            ).scalar_one_or_none()
            if stored is None:
                conn.execute(
                    policies_table.insert().values(
                        policy_id=policy_id,
                        version=version,
                        sha256=digest,
                        text=text,
                        first_seen=_now(),
                    )
                )
        if stored is not None and stored != digest:
            raise StoreError(
                f"{mask_url(self.url)}: policy {policy_id!r} version {version!r} is already "
                "stored with a different text; give the changed policy a new version"
            )

    def begin_scan(self, *, source: str, policy_id: str, policy_version: str) -> int:
        """Record the start of a scan; returns its id for the other calls."""
        with self._begin("start the scan") as conn:
            result = conn.execute(
                scans_table.insert().values(
                    source=source,
                    started_at=_now(),
                    policy_id=policy_id,
                    policy_version=policy_version,
                    messages=0,
                    breaches=0,
                    faults=0,
                    status="running",
                )
            )
            key = result.inserted_primary_key
            if key is None:  # pragma: no cover - every supported dialect returns it
                raise StoreError(f"{mask_url(self.url)}: the new scan got no id")
            scan_id: int = key[0]
        return scan_id

    def save_batch(
        self,
        *,
        scan_id: int,
        items: Sequence[tuple[Message, Assessment, Mapping[str, object]]],
    ) -> None:
        """Upsert messages and their assessments, in one transaction.

        Saving the same message under the same policy version again replaces its assessment
        (the row count stays the same); a message's first scan is kept. Within one batch the
        last item for a key wins.
        """
        if not items:
            return
        assessed_at = _now()
        message_rows: dict[str, dict[str, object]] = {}
        assessment_rows: dict[tuple[str, str, str], dict[str, object]] = {}
        for message, assessment, record in items:
            digest = _sha256(message.text)
            message_rows[message.id] = {
                "id": message.id,
                "text": message.text,
                "text_sha256": digest,
                "author": message.author,
                "created_at": message.created_at,
                "reply_to": message.reply_to,
                "platform": message.platform,
                "first_seen_scan": scan_id,
            }
            key = (message.id, assessment.policy_id, assessment.policy_version)
            assessment_rows[key] = {
                "message_id": message.id,
                "policy_id": assessment.policy_id,
                "policy_version": assessment.policy_version,
                "text_sha256": digest,
                "breach": assessment.breach,
                "action": assessment.action.value,
                "categories": list(assessment.categories),
                "scores": dict(assessment.scores),
                "record": record,
                "scan_id": scan_id,
                "assessed_at": assessed_at,
            }
        with self._begin(f"save a batch of {len(items)} assessments") as conn:
            conn.execute(self._statement(self._upsert_messages), list(message_rows.values()))
            conn.execute(self._statement(self._upsert_assessments), list(assessment_rows.values()))

    def record_faults(self, *, scan_id: int, faults: Sequence[RecordFault]) -> None:
        """Keep the records a scan skipped, with where and why."""
        if not faults:
            return
        rows = [
            {"scan_id": scan_id, "source": f.source, "line": f.line, "reason": f.reason}
            for f in faults
        ]
        with self._begin(f"record {len(rows)} faults") as conn:
            conn.execute(faults_table.insert(), rows)

    def finish_scan(
        self, *, scan_id: int, status: str, messages: int, breaches: int, faults: int
    ) -> None:
        """Close a scan as ``finished`` or ``failed``, with its totals."""
        if status not in ("finished", "failed"):
            raise ValueError(f"a scan finishes as 'finished' or 'failed', not {status!r}")
        with self._begin("finish the scan") as conn:
            result = conn.execute(
                update(scans_table)
                .where(scans_table.c.id == scan_id)
                .values(
                    finished_at=_now(),
                    status=status,
                    messages=messages,
                    breaches=breaches,
                    faults=faults,
                )
            )
            if result.rowcount == 0:
                raise StoreError(
                    f"{mask_url(self.url)}: there is no scan {scan_id}; "
                    "finish_scan needs an id from begin_scan"
                )

    # ----------------------------------------------------------------------------- reads

    def counts(self) -> dict[str, int]:
        """The number of rows in each table."""
        with self._connect("count rows") as conn:
            return {
                table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for table in TABLES
            }

    def assessment(
        self, message_id: str, policy_id: str, policy_version: str
    ) -> dict[str, object] | None:
        """The stored output record of a message under a policy version, or ``None``."""
        query = select(assessments_table.c.record).where(
            assessments_table.c.message_id == message_id,
            assessments_table.c.policy_id == policy_id,
            assessments_table.c.policy_version == policy_version,
        )
        with self._connect("read an assessment") as conn:
            record: dict[str, object] | None = conn.execute(query).scalar_one_or_none()
        return record

    def message(self, message_id: str) -> dict[str, object] | None:
        """The stored row of a message (id, text, text_sha256, author, ...), or ``None``."""
        with self._connect("read a message") as conn:
            row = conn.execute(
                select(messages_table).where(messages_table.c.id == message_id)
            ).first()
        return None if row is None else dict(row._mapping)

    def scans(self) -> list[dict[str, object]]:
        """Every scan, oldest first, with its totals and status."""
        with self._connect("list the scans") as conn:
            rows = conn.execute(select(scans_table).order_by(scans_table.c.id)).all()
        return [dict(row._mapping) for row in rows]

    # --------------------------------------------------------------------------- plumbing

    @contextmanager
    def _begin(self, doing: str) -> Iterator[Connection]:
        engine = self._require_engine()
        if not self._serialise_writes:
            with self._guard(doing), engine.begin() as conn:
                yield conn
            return
        with self._write_lock, self._guard(doing), engine.begin() as conn:
            yield conn

    @contextmanager
    def _connect(self, doing: str) -> Iterator[Connection]:
        with self._guard(doing), self._require_engine().connect() as conn:
            yield conn

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise self._error(f"cannot {doing}", exc) from exc

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise StoreError(
                f"{mask_url(self.url)}: the store is not open; call open() or use it in a "
                "with block"
            )
        return self._engine

    def _statement(self, statement: Insert | None) -> Insert:
        if statement is None:
            raise StoreError(f"{mask_url(self.url)}: the store is not open; call open() first")
        return statement

    def _error(self, doing: str, exc: SQLAlchemyError) -> StoreError:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return StoreError(
            f"{mask_url(self.url)}: {doing}: {detail}. Check that the database is reachable "
            "and writable (for SQLite: the directory exists, the file is not locked or "
            "read-only); what was stored before this call is kept"
        )


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def _upserts(dialect: str) -> tuple[Insert, Insert]:
    insert: Callable[[Table], sqlite.Insert | postgresql.Insert]
    if dialect == "sqlite":
        insert = sqlite.insert
    elif dialect == "postgresql":
        insert = postgresql.insert
    else:  # pragma: no cover - _create_engine refuses other backends
        raise StoreError(f"no upsert for the {dialect!r} dialect; use SQLite or PostgreSQL")
    upsert_messages = insert(messages_table)
    upsert_messages_stmt = upsert_messages.on_conflict_do_update(
        index_elements=[messages_table.c.id],
        set_={name: upsert_messages.excluded[name] for name in _MESSAGE_UPDATES},
    )
    upsert_assessments = insert(assessments_table)
    upsert_assessments_stmt = upsert_assessments.on_conflict_do_update(
        index_elements=[assessments_table.c[name] for name in _ASSESSMENT_KEY],
        set_={name: upsert_assessments.excluded[name] for name in _ASSESSMENT_UPDATES},
    )
    return upsert_messages_stmt, upsert_assessments_stmt
