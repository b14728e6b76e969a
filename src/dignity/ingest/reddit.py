"""Stream a Reddit comment dump (Pushshift-style JSON Lines) into messages.

One comment per line: ``id`` (the message id; ``name`` without its ``t1_`` prefix when there is
no ``id``), ``author`` (``[deleted]`` is None), ``body`` (Markdown, with ``&amp;`` ``&lt;``
``&gt;`` escaped as Reddit serves it: unescaped here), ``created_utc`` (epoch seconds, a number
or a string), ``parent_id`` (``t1_xxx`` is a reply to comment ``xxx``; ``t3_xxx``, the
submission itself, is no reply), ``subreddit`` and ``link_id``. Mentions are the ``u/name``
references in the body. A comment whose body is ``[deleted]`` or ``[removed]`` has no text and
is a fault.

The file is read one line at a time in bounded memory; faults name the line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from dignity.ingest.documents import (
    ReadOptions,
    json_lines,
    open_binary,
    optional_str,
)
from dignity.ingest.records import BadRecord, RecordFault, json_kind
from dignity.model import Message

PLATFORM = "reddit"
WHAT = "a Reddit comment dump (JSON Lines, one comment per line)"

_GONE = frozenset({"[deleted]", "[removed]"})
_MENTION = re.compile(r"(?<![\w/])/?u/([A-Za-z0-9_-]{3,20})\b")


def read_reddit(options: ReadOptions) -> Iterator[Message | RecordFault]:
    """Check the file now (file problems raise here); then stream its comments."""
    with open_binary(options.path, what=WHAT):
        pass
    return _messages(options)


def _messages(options: ReadOptions) -> Iterator[Message | RecordFault]:
    limit = 6 * options.max_chars + (1 << 20)
    for line, record in json_lines(options.path, line_limit=limit, what=WHAT):
        if isinstance(record, str):
            yield RecordFault(source=options.source, line=line, reason=record)
            continue
        try:
            yield _comment(record, options)
        except BadRecord as exc:
            yield RecordFault(source=options.source, line=line, reason=exc.reason)


def _comment(comment: dict[str, object], options: ReadOptions) -> Message:
    body = comment.get("body")
    if not isinstance(body, str):
        raise BadRecord(f"'body' must be a string, found {json_kind(body)}")
    if body.strip() in _GONE:
        raise BadRecord(f"the comment's body is {body.strip()}; nothing to assess")
    text = options.check_text(html.unescape(body))
    author = optional_str(comment, "author")
    return Message(
        id=_comment_id(comment),
        text=text,
        author=None if author in _GONE else author,
        created_at=_created_utc(comment.get("created_utc")),
        reply_to=_parent_comment(optional_str(comment, "parent_id")),
        mentions=tuple(dict.fromkeys(_MENTION.findall(text))),
        platform=PLATFORM,
    )


def _comment_id(comment: dict[str, object]) -> str:
    found = optional_str(comment, "id")
    if found is not None:
        return found
    name = optional_str(comment, "name")
    if name is not None:
        return name.removeprefix("t1_")
    raise BadRecord("no 'id' (or 'name') naming the comment")


def _created_utc(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadRecord(f"'created_utc' must be epoch seconds, found {json_kind(value)}")
    try:
        return datetime.fromtimestamp(float(value), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise BadRecord(f"'created_utc' {value!r} is not a time in epoch seconds") from None


def _parent_comment(parent_id: str | None) -> str | None:
    if parent_id is None or not parent_id.startswith("t1_"):
        return None
    return parent_id.removeprefix("t1_") or None
