"""Read a Mastodon account archive's ``outbox.json`` (ActivityPub) into messages.

The outbox is an ``OrderedCollection`` whose ``orderedItems`` are the account's activities:

* ``Create`` wraps a ``Note`` (a post): its ``content`` HTML becomes the text (tags dropped,
  entities unescaped, paragraphs separated by a blank line), ``inReplyTo`` the reply, ``tag``
  entries of type ``Mention`` the mentions, ``published`` the time and ``attributedTo`` the
  author. The message id is the Note's own ``id`` (its URI).
* ``Announce`` is a boost: a message whose id is the activity's ``id``, whose ``shares`` is the
  boosted post's id, and whose text is empty (the boosted words are not in the archive).

Accounts are written as handles, ``name@host`` (``https://example.org/users/bob`` and a mention
named ``@bob@example.org`` both become ``bob@example.org``), so authors and mentions can be
matched across messages. The whole file is read at once (it is one JSON document), up to a size
cap; each unusable item is a fault at ``orderedItems[i]`` and reading goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from dignity.errors import InputFileError
from dignity.ingest.documents import (
    ReadOptions,
    as_object,
    html_text,
    iso_time,
    load_document,
    optional_str,
    required_str,
)
from dignity.ingest.records import BadRecord, RecordFault, json_kind
from dignity.model import Message

PLATFORM = "mastodon"
WHAT = "a Mastodon archive's outbox.json (an ActivityPub OrderedCollection)"

_ACCOUNT_PATH = re.compile(r"^/(?:users/|@)([^/@]+)/?$")


def read_mastodon(options: ReadOptions) -> Iterator[Message | RecordFault]:
    """Check and load the outbox now (file problems raise here); then stream its messages."""
    document = load_document(options, what=WHAT)
    if not isinstance(document, dict) or "orderedItems" not in document:
        found = json_kind(document) if not isinstance(document, dict) else "an object without it"
        raise InputFileError(
            f"{options.path} is not an ActivityPub outbox: expected an object with"
            f" 'orderedItems', found {found}; give the outbox.json from a Mastodon archive"
        )
    items = document["orderedItems"]
    if not isinstance(items, list):
        raise InputFileError(
            f"{options.path}: 'orderedItems' must be an array of activities, "
            f"found {json_kind(items)}"
        )
    return _messages(items, options)


def _messages(items: list[object], options: ReadOptions) -> Iterator[Message | RecordFault]:
    for index, item in enumerate(items):
        where = f"orderedItems[{index}]"
        try:
            yield _activity(item, options)
        except BadRecord as exc:
            yield options.fault(index, where, exc.reason)


def _activity(item: object, options: ReadOptions) -> Message:
    activity = as_object(item, "an activity")
    kind_ = activity.get("type")
    if kind_ == "Create":
        return _note(as_object(activity.get("object"), "the Create's 'object'"), options)
    if kind_ == "Announce":
        return _boost(activity)
    raise BadRecord(
        f"activity type {kind_!r} is not a post; only Create (a post) and Announce (a boost)"
        " are read"
    )


def _note(note: dict[str, object], options: ReadOptions) -> Message:
    if note.get("type") not in {"Note", "Question", "Article", "Page"}:
        raise BadRecord(f"the Create wraps a {note.get('type')!r}, not a Note")
    content = optional_str(note, "content")
    if content is None:
        languages = note.get("contentMap")
        if isinstance(languages, dict):
            content = next((v for v in languages.values() if isinstance(v, str) and v), None)
    text = options.check_text(html_text(content or ""))
    author = optional_str(note, "attributedTo")
    return Message(
        id=required_str(note, "id"),
        text=text,
        author=account_handle(author) if author else None,
        created_at=iso_time(note, "published"),
        reply_to=optional_str(note, "inReplyTo"),
        mentions=_mentions(note.get("tag")),
        platform=PLATFORM,
    )


def _boost(activity: dict[str, object]) -> Message:
    boosted = activity.get("object")
    if isinstance(boosted, dict):
        boosted = boosted.get("id")
    if not isinstance(boosted, str) or not boosted:
        raise BadRecord(f"the Announce's 'object' must be the boosted post's id, found {boosted!r}")
    actor = optional_str(activity, "actor")
    return Message(
        id=required_str(activity, "id"),
        text="",
        author=account_handle(actor) if actor else None,
        created_at=iso_time(activity, "published"),
        shares=boosted,
        platform=PLATFORM,
    )


def _mentions(tags: object) -> tuple[str, ...]:
    if tags is None:
        return ()
    if isinstance(tags, dict):
        tags = [tags]
    if not isinstance(tags, list):
        raise BadRecord(f"'tag' must be an array, found {json_kind(tags)}")
    handles: list[str] = []
    for tag in tags:
        if not isinstance(tag, dict) or tag.get("type") != "Mention":
            continue
        name = tag.get("name")
        href = tag.get("href")
        handle = mention_handle(
            name if isinstance(name, str) else None, href if isinstance(href, str) else None
        )
        if handle and handle not in handles:
            handles.append(handle)
    return tuple(handles)


def account_handle(uri: str) -> str:
    """``name@host`` for an account URI (``/users/name`` or ``/@name``); other values as given."""
    parts = urlsplit(uri)
    match = _ACCOUNT_PATH.match(parts.path)
    if parts.scheme in {"http", "https"} and parts.hostname and match:
        return f"{match.group(1)}@{parts.hostname}"
    return uri


def mention_handle(name: str | None, href: str | None) -> str | None:
    """The handle of a Mention tag: ``@bob@example.org`` as is, ``@bob`` completed from href."""
    bare = (name or "").strip().lstrip("@")
    if "@" in bare:
        return bare
    if href:
        handle = account_handle(href)
        if handle != href:
            return handle
    return bare or href or None
