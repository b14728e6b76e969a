"""One entry point for every input dignity reads: its own formats and platform exports.

``read_any`` reads dignity's JSON Lines and CSV (:mod:`dignity.ingest.records`), a Mastodon
``outbox.json``, an X ``tweets.js``, a Discourse topic JSON and a Reddit comment dump, all into
:class:`~dignity.model.Message` values (the ``platform`` field names where each came from), with
a :class:`~dignity.ingest.records.RecordFault` for each unusable record.

``detect_format`` names a file's format from its name and first bytes:

==============================================  ===========
``outbox.json``                                  mastodon
``tweets.js`` / ``tweet.js``, or ``window.YTD.`` twitter
a JSON object with ``post_stream``               discourse
JSON Lines whose first object has ``body`` and
``parent_id`` or ``subreddit``                   reddit
``.jsonl`` / ``.ndjson`` / ``.json-lines``       jsonl
``.csv``                                         csv
==============================================  ===========
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from dignity.errors import InputFileError
from dignity.ingest import records
from dignity.ingest.discourse import read_discourse
from dignity.ingest.documents import MAX_DOCUMENT_BYTES, ReadOptions, open_binary
from dignity.ingest.mastodon import read_mastodon
from dignity.ingest.records import RecordFault
from dignity.ingest.reddit import read_reddit
from dignity.ingest.twitter import read_twitter
from dignity.model import Message

FORMATS: tuple[str, ...] = ("jsonl", "csv", "mastodon", "twitter", "discourse", "reddit")
"""Every input format ``read_any`` accepts, by name."""

_SNIFF_BYTES = 1 << 16
_SNIFF_LINE = 1 << 20
_POST_STREAM = re.compile(rb'^\s*\{[^{]*?"post_stream"\s*:', re.DOTALL)
_OUTBOX = re.compile(rb'"type"\s*:\s*"OrderedCollection"')
_YTD = re.compile(rb"^\s*window\.YTD\.")
_BOM = b"\xef\xbb\xbf"


def read_any(
    path: Path,
    *,
    format: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    max_chars: int = 100_000,
    author: str | None = None,
    max_document_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Message | RecordFault]:
    """Stream the messages of ``path`` in any format of :data:`FORMATS`.

    ``format`` names the format; when None it is detected (:func:`detect_format`). File-level
    problems (missing, unreadable, empty where a document is expected, not the named format, a
    single-document export over ``max_document_bytes``) raise ``InputFileError`` here, before
    iteration. ``text_field`` and ``id_field`` apply to jsonl and csv only (the platform formats
    have fixed fields); ``author`` names the owner of an X archive when its ``account.js`` is
    missing. Records over ``max_chars`` characters of text are faults.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    fmt = format if format is not None else detect_format(path)
    if fmt not in FORMATS:
        raise InputFileError(
            f"{path}: unknown input format {fmt!r}; use one of {', '.join(FORMATS)}"
        )
    if fmt in {"jsonl", "csv"}:
        return records.read_messages(
            path, format=fmt, text_field=text_field, id_field=id_field, max_chars=max_chars
        )
    options = ReadOptions(path=path, max_chars=max_chars, max_bytes=max_document_bytes)
    if fmt == "mastodon":
        return read_mastodon(options)
    if fmt == "twitter":
        return read_twitter(options, author=author)
    if fmt == "discourse":
        return read_discourse(options)
    return read_reddit(options)


def detect_format(path: Path) -> str:
    """The name (one of :data:`FORMATS`) of the format of ``path``, from its name and first bytes.

    Raises ``InputFileError`` when the file cannot be opened or its format cannot be told,
    naming the accepted formats.
    """
    name = path.name.lower()
    if name == "outbox.json":
        return "mastodon"
    if name in {"tweets.js", "tweet.js"}:
        return "twitter"
    with open_binary(path, what="an input file") as stream:
        head = stream.read(_SNIFF_BYTES)
        stream.seek(0)
        first_line = stream.readline(_SNIFF_LINE)
    head = head.removeprefix(_BOM)
    first_line = first_line.removeprefix(_BOM)
    if _YTD.match(head):
        return "twitter"
    if _POST_STREAM.match(head):
        return "discourse"
    if head.lstrip().startswith(b"{") and _OUTBOX.search(head) and b'"orderedItems"' in head:
        return "mastodon"
    first = _first_object(first_line)
    if first is not None and "body" in first and ("parent_id" in first or "subreddit" in first):
        return "reddit"
    if first is not None and "post_stream" in first:
        return "discourse"
    if path.suffix.lower() == ".json" and b'"post_stream"' in head:
        return "discourse"
    extension = records.FORMATS.get(path.suffix.lower())
    if extension is not None:
        return extension
    raise InputFileError(
        f"{path}: cannot tell the input format from its name or its first bytes; name it with"
        f" --format, one of {', '.join(FORMATS)} (dignity's own formats are told by the"
        f" extensions {', '.join(sorted(records.FORMATS))})"
    )


def _first_object(line: bytes) -> dict[str, object] | None:
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None
