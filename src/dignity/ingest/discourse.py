"""Read a Discourse topic export (the JSON of ``/t/{id}.json``) into messages.

The topic's ``post_stream.posts`` are its posts, each with ``id`` (the message id),
``username`` (the author), ``created_at``, ``post_number``, ``reply_to_post_number`` and the
text as ``raw`` (Markdown, present when the topic was fetched with ``include_raw=true``) or
``cooked`` (HTML, always). ``raw`` is preferred, being what the member typed; ``cooked`` is
turned into text (tags dropped, entities unescaped). A reply names a post *number*: it is mapped
to that post's id within the topic (a number whose post is not in the export gives no reply).

Mentions come from ``<a class="mention">`` links in ``cooked`` (or ``@name`` in ``raw`` when
there is no ``cooked``). Discourse has no boost; a post that quotes another post of the same
topic (``[quote="bob, post:2, topic:42"]``) records the quoted post's id in ``shares``.
Small-action posts (``action_code``: a topic closed, pinned, ...) are not messages and are passed
over. A topic fetched plainly holds only its first 20 posts; export with ``print=true`` (up to
1,000) to read them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dignity.errors import InputFileError
from dignity.ingest.documents import (
    ReadOptions,
    as_object,
    html_text_and_mentions,
    iso_time,
    load_document,
    optional_str,
    required_str,
)
from dignity.ingest.records import BadRecord, RecordFault, json_kind
from dignity.model import Message

PLATFORM = "discourse"
WHAT = "a Discourse topic's JSON (/t/{id}.json, with 'post_stream')"

_RAW_MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_][\w.\-]*[A-Za-z0-9_]|[A-Za-z0-9_])")
_RAW_QUOTE = re.compile(r'\[quote="[^"]*?\bpost:(\d+),\s*topic:(\d+)')
_COOKED_QUOTE = re.compile(r'<aside\b[^>]*\bclass="[^"]*\bquote\b[^"]*"[^>]*>', flags=re.IGNORECASE)
_DATA = re.compile(r'\bdata-(post|topic)="(\d+)"')


def read_discourse(options: ReadOptions) -> Iterator[Message | RecordFault]:
    """Check and load the topic now (file problems raise here); then stream its posts."""
    document = load_document(options, what=WHAT)
    if not isinstance(document, dict) or not isinstance(document.get("post_stream"), dict):
        found = "an object without it" if isinstance(document, dict) else json_kind(document)
        raise InputFileError(
            f"{options.path} is not a Discourse topic: expected an object with 'post_stream',"
            f" found {found}; export the topic's /t/{{id}}.json"
        )
    stream = as_object(document["post_stream"], "'post_stream'")
    posts = stream.get("posts")
    if not isinstance(posts, list):
        raise InputFileError(
            f"{options.path}: 'post_stream.posts' must be an array of posts, "
            f"found {json_kind(posts)}"
        )
    return _messages(posts, document.get("id"), options)


def _messages(
    posts: list[object], topic_id: object, options: ReadOptions
) -> Iterator[Message | RecordFault]:
    numbers = _post_ids_by_number(posts)
    for index, post in enumerate(posts):
        try:
            message = _post(post, numbers, topic_id, options)
        except BadRecord as exc:
            yield options.fault(index, f"post_stream.posts[{index}]", exc.reason)
            continue
        if message is not None:
            yield message


def _post_ids_by_number(posts: list[object]) -> dict[int, str]:
    numbers: dict[int, str] = {}
    for post in posts:
        if not isinstance(post, dict):
            continue
        number, post_id = post.get("post_number"), post.get("id")
        if isinstance(number, int) and isinstance(post_id, int | str) and str(post_id):
            numbers.setdefault(number, str(post_id))
    return numbers


def _post(
    item: object, numbers: dict[int, str], topic_id: object, options: ReadOptions
) -> Message | None:
    post = as_object(item, "a post")
    post_id = required_str(post, "id")
    raw = optional_str(post, "raw")
    cooked = optional_str(post, "cooked")
    if post.get("action_code") and not (raw or cooked or "").strip():
        return None  # a small action (closed, pinned, ...), not a message
    if raw is None and cooked is None:
        raise BadRecord("no 'raw' or 'cooked' text")
    if cooked is not None:
        cooked_text, mentions = html_text_and_mentions(cooked, mention_class="mention")
    else:
        cooked_text, mentions = "", tuple(dict.fromkeys(_RAW_MENTION.findall(raw or "")))
    text = options.check_text(raw if raw is not None else cooked_text)
    reply_number = post.get("reply_to_post_number")
    if reply_number is not None and not isinstance(reply_number, int):
        raise BadRecord(f"'reply_to_post_number' must be a number, found {json_kind(reply_number)}")
    return Message(
        id=post_id,
        text=text,
        author=optional_str(post, "username"),
        created_at=iso_time(post, "created_at"),
        reply_to=numbers.get(reply_number) if reply_number is not None else None,
        mentions=mentions,
        shares=_quoted(raw, cooked, numbers, post.get("topic_id", topic_id)),
        platform=PLATFORM,
    )


def _quoted(
    raw: str | None, cooked: str | None, numbers: dict[int, str], topic_id: object
) -> str | None:
    """The id of the first post of this topic that the post quotes, if any."""
    quotes: list[tuple[str, str]] = []
    if raw is not None:
        quotes = _RAW_QUOTE.findall(raw)
    elif cooked is not None:
        for tag in _COOKED_QUOTE.findall(cooked):
            data = dict(_DATA.findall(tag))
            if "post" in data and "topic" in data:
                quotes.append((data["post"], data["topic"]))
    for number, topic in quotes:
        if str(topic) == str(topic_id) and int(number) in numbers:
            return numbers[int(number)]
    return None
