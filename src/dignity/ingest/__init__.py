"""Readers that turn input files into :class:`~dignity.model.Message` values.

``read_messages`` streams dignity's own JSON Lines and CSV formats; each unusable record becomes
a :class:`RecordFault` and reading goes on. Readers of platform export formats will live beside it.
"""

from __future__ import annotations

from dignity.ingest.records import FORMATS, RecordFault, read_messages

__all__ = ["FORMATS", "RecordFault", "read_messages"]
