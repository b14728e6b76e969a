"""What a dignity service needs to start: where its database is, which policy, its limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from dignity.cases.values import Limits


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Service settings; ``create_app(settings)`` reads nothing else (no environment at import).

    ``database_url`` is an SQLAlchemy URL: ``sqlite:///path/dignity.db`` (the default kind) or
    ``postgresql+psycopg://user:password@host/database``.
    """

    database_url: str
    policy: Path | None = None
    reports_per_window: int = 30
    report_window_seconds: int = 60
    appeal_days: int = 14
    detection_workers: int = 0
    """Processes that assess /v1/check texts (0: a thread of the server's own process)."""

    @property
    def limits(self) -> Limits:
        return Limits(
            reports_per_window=self.reports_per_window,
            report_window=timedelta(seconds=self.report_window_seconds),
            appeal_window=timedelta(days=self.appeal_days),
        )
