"""Read an X (Twitter) archive's ``data/tweets.js`` into messages.

The file is JavaScript: ``window.YTD.tweets.part0 = [ ... ]`` (older archives:
``window.YTD.tweet.part0`` in ``tweet.js``), an array of ``{"tweet": {...}}``. Each tweet gives
``id_str`` (the message id), ``full_text`` (HTML-escaped by X: ``&amp;`` ``&lt;`` ``&gt;`` are
unescaped so the text is what was typed), ``created_at`` (``Wed Oct 10 20:19:24 +0000 2018``),
``in_reply_to_status_id_str`` (the reply) and ``entities.user_mentions[].screen_name``.

A retweet's text starts ``RT @name:``. The archive does not carry the original tweet's id, so
``shares`` is set only when it can be known: from a ``retweeted_status`` (API-shaped data) or a
link to the original status in ``entities.urls``; the text is kept either way.

The archive belongs to one account, named in the sibling ``account.js``
(``window.YTD.account.part0``, ``account.username``); that is every message's author unless an
``author`` is given. Without either the author is None.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from dignity.errors import InputFileError
from dignity.ingest.documents import (
    ReadOptions,
    as_object,
    load_document,
    optional_str,
    required_str,
)
from dignity.ingest.records import BadRecord, RecordFault, json_kind
from dignity.model import Message

PLATFORM = "twitter"
WHAT = "an X (Twitter) archive's tweets.js (window.YTD.tweets.part0 = [...])"
PREFIX = re.compile(rb"^\s*window\.YTD\.(\w+)\.part(\d+)\s*=\s*")
"""How every data file of an X archive starts."""

_TIME_FORMAT = "%a %b %d %H:%M:%S %z %Y"
_RETWEET = re.compile(r"^RT @(\w{1,15}):")
_STATUS_URL = re.compile(r"^https?://(?:(?:www|mobile)\.)?(?:twitter|x)\.com/(\w+)/status/(\d+)")


def read_twitter(
    options: ReadOptions, *, author: str | None = None
) -> Iterator[Message | RecordFault]:
    """Check and load ``tweets.js`` now (file problems raise here); then stream its messages."""
    items = _ytd_array(options, WHAT)
    owner = author if author is not None else archive_owner(options.path.parent / "account.js")
    return _messages(items, owner, options)


def archive_owner(path: Path) -> str | None:
    """The archive owner's username from ``account.js``; None when it is absent or unusable."""
    if not path.is_file():
        return None
    try:
        items = _ytd_array(ReadOptions(path=path, max_bytes=1 << 20), "an X account.js")
    except InputFileError:
        return None
    for item in items:
        if isinstance(item, dict) and isinstance(account := item.get("account"), dict):
            username = account.get("username")
            if isinstance(username, str) and username:
                return username
    return None


def _ytd_array(options: ReadOptions, what: str) -> list[object]:
    document = load_document(options, what=what, prefix=PREFIX)
    if not isinstance(document, list):
        raise InputFileError(
            f"{options.path}: expected an array after 'window.YTD.<name>.part<n> =',"
            f" found {json_kind(document)}"
        )
    return document


def _messages(
    items: list[object], owner: str | None, options: ReadOptions
) -> Iterator[Message | RecordFault]:
    for index, item in enumerate(items):
        try:
            yield _tweet(item, owner, options)
        except BadRecord as exc:
            yield options.fault(index, f"tweets[{index}]", exc.reason)


def _tweet(item: object, owner: str | None, options: ReadOptions) -> Message:
    wrapper = as_object(item, "an item")
    tweet = as_object(wrapper["tweet"], "'tweet'") if "tweet" in wrapper else wrapper
    full_text = optional_str(tweet, "full_text") or optional_str(tweet, "text")
    if full_text is None:
        raise BadRecord("no 'full_text'")
    text = options.check_text(html.unescape(full_text))
    return Message(
        id=required_str(tweet, "id_str") if "id_str" in tweet else required_str(tweet, "id"),
        text=text,
        author=owner,
        created_at=_created_at(tweet),
        reply_to=optional_str(tweet, "in_reply_to_status_id_str"),
        mentions=_mentions(tweet),
        shares=_shared(tweet, text),
        platform=PLATFORM,
    )


def _created_at(tweet: dict[str, object]) -> datetime | None:
    value = optional_str(tweet, "created_at")
    if value is None:
        return None
    try:
        return datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        raise BadRecord(
            f"'created_at' {value[:40]!r} is not a time like 'Wed Oct 10 20:19:24 +0000 2018'"
        ) from None


def _entities(tweet: dict[str, object], name: str) -> list[dict[str, object]]:
    entities = tweet.get("entities")
    if entities is None:
        return []
    found = as_object(entities, "'entities'").get(name)
    if found is None:
        return []
    if not isinstance(found, list):
        raise BadRecord(f"'entities.{name}' must be an array, found {json_kind(found)}")
    return [entry for entry in found if isinstance(entry, dict)]


def _mentions(tweet: dict[str, object]) -> tuple[str, ...]:
    names: list[str] = []
    for mention in _entities(tweet, "user_mentions"):
        name = mention.get("screen_name")
        if isinstance(name, str) and name and name not in names:
            names.append(name)
    return tuple(names)


def _shared(tweet: dict[str, object], text: str) -> str | None:
    original = tweet.get("retweeted_status")
    if isinstance(original, dict):
        shared = optional_str(original, "id_str") or optional_str(original, "id")
        if shared:
            return shared
    retweet = _RETWEET.match(text)
    if retweet is None:
        return None
    for url in _entities(tweet, "urls"):
        expanded = url.get("expanded_url")
        status = _STATUS_URL.match(expanded) if isinstance(expanded, str) else None
        if status is not None and status.group(1).lower() == retweet.group(1).lower():
            return status.group(2)
    return None
