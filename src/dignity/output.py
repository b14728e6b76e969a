"""The scan output record, its published JSON Schema, and an all-or-nothing JSONL writer.

One record per message, in the shape ``assessment_record`` builds and the schema
``schemas/scan-record.v1.schema.json`` publishes (``$id`` ``urn:dignity:schema:scan-record:1``).
Version 1 may gain fields; the fields it has never change meaning.

``RecordWriter`` writes to ``OUT.partial`` beside the output and renames it to ``OUT`` only on
``commit()``, so a scan that fails half way never leaves a file that looks complete.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from dignity.model import Assessment, ClauseBreach, Finding, Message, Span

SCHEMA_ID = "urn:dignity:schema:scan-record:1"
SCHEMA_RESOURCE = "scan-record.v1.schema.json"
REQUIRED_SCORES = (
    "personal_attack",
    "identity_attack",
    "threat",
    "sexual",
    "private_information",
    "profanity",
)
"""Score keys every record carries, whatever the policy."""

_DIGITS = 4


def assessment_record(message: Message, assessment: Assessment) -> dict[str, object]:
    """The JSON-ready output record of one assessed message.

    Keys come in a fixed order; scores are sorted by category; every float is rounded to four
    decimals. ``created_at`` is ISO 8601 with an offset (a naive time is taken as UTC) or
    ``None``.
    """
    if assessment.message_id != message.id:
        raise ValueError(f"assessment is for message {assessment.message_id!r}, not {message.id!r}")
    return {
        "id": message.id,
        "breach": assessment.breach,
        "action": assessment.action.value,
        "categories": list(assessment.categories),
        "scores": {name: _round(assessment.scores[name]) for name in sorted(assessment.scores)},
        "clauses": [_clause(clause) for clause in assessment.clauses],
        "findings": [_finding(finding) for finding in assessment.findings],
        "nudge": assessment.nudge,
        "policy": {"id": assessment.policy_id, "version": assessment.policy_version},
        "author": message.author,
        "created_at": _timestamp(message.created_at),
        "reply_to": message.reply_to,
    }


def _timestamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def _round(value: float) -> float:
    return round(float(value), _DIGITS)


def _span(span: Span) -> dict[str, object]:
    return {"start": span.start, "end": span.end, "quote": span.quote}


def _clause(clause: ClauseBreach) -> dict[str, object]:
    return {
        "id": clause.clause_id,
        "title": clause.title,
        "kind": clause.kind,
        "action": clause.action.value,
        "confidence": _round(clause.confidence),
        "categories": list(clause.categories),
        "evidence": [_span(span) for span in clause.evidence],
        "explanation": clause.explanation,
        "message_ids": list(clause.message_ids),
    }


def _finding(finding: Finding) -> dict[str, object]:
    return {
        "category": finding.category,
        "score": _round(finding.score),
        "detector": finding.detector,
        "label": finding.label,
        "rationale": finding.rationale,
        "spans": [_span(span) for span in finding.spans],
        "targets": list(finding.targets),
        "message_ids": list(finding.message_ids),
    }


def scan_record_schema() -> dict[str, object]:
    """The published JSON Schema (draft 2020-12) of one scan output record; a fresh copy."""
    loaded: dict[str, object] = json.loads(_schema_text())
    return loaded


@cache
def _schema_text() -> str:
    return resources.files("dignity.schemas").joinpath(SCHEMA_RESOURCE).read_text("utf-8")


class RecordWriter:
    """Writes records as JSON Lines to ``path``, all or nothing.

    ::

        with RecordWriter(out) as writer:
            for record in records:
                writer.write(record)
            writer.commit()

    Records go to ``<path>.partial`` in the same directory; ``commit()`` flushes, syncs and
    renames it to ``path``. Leaving the block without ``commit()``, or through an exception,
    removes the partial file and leaves any earlier ``path`` untouched.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial_path = path.with_name(path.name + ".partial")
        self.written = 0
        self._stream: IO[str] | None = None
        self._committed = False

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._committed:
            self.discard()

    def open(self) -> None:
        """Create (or truncate) the partial file."""
        if self._stream is not None:
            raise RuntimeError(f"{self.partial_path} is already open")
        self._stream = self.partial_path.open("w", encoding="utf-8", newline="\n")
        self._committed = False
        self.written = 0

    def write(self, record: dict[str, object]) -> None:
        """Append one record as a single JSON line."""
        if self._stream is None:
            raise RuntimeError(f"{self.path}: write() needs an open writer (use a with block)")
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        self._stream.write(line + "\n")
        self.written += 1

    def commit(self) -> None:
        """Make the output complete: flush, sync and rename the partial file to ``path``."""
        stream = self._stream
        if stream is None:
            raise RuntimeError(f"{self.path}: commit() needs an open writer")
        stream.flush()
        os.fsync(stream.fileno())
        stream.close()
        self._stream = None
        os.replace(self.partial_path, self.path)
        self._committed = True

    def discard(self) -> None:
        """Abandon the output: close and remove the partial file."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        self.partial_path.unlink(missing_ok=True)
