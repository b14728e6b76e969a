"""Reports of a scan for people: a self-contained HTML page (:mod:`dignity.report.html`)."""

from __future__ import annotations

from dignity.report.html import DEFAULT_KEEP, KeptMessage, ReportBuilder

__all__ = ["DEFAULT_KEEP", "KeptMessage", "ReportBuilder"]
