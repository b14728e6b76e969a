"""What the readers of platform exports share: whole JSON documents, JSON lines, HTML to text.

Platform archives come in two shapes. Mastodon's ``outbox.json``, X's ``tweets.js`` and a
Discourse topic are one JSON document each: :func:`load_document` reads such a file whole, after
refusing one larger than a size cap, and raises :class:`~dignity.errors.InputFileError` when the
file as a whole is unusable. Reddit dumps are JSON Lines: :func:`json_lines` streams them one
physical line at a time in bounded memory.

A record inside a document is addressed by its 1-based item index (``RecordFault.line``) and its
path in the document (``orderedItems[17]``), which the reason starts with.

:func:`html_text` turns the HTML of a post into the text a reader sees: tags dropped, entities
unescaped, ``<br>`` a line break, paragraphs and list items separated by blank lines; the text
is otherwise kept exactly (no whitespace is collapsed), so spans index into what was written.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from dignity.errors import InputFileError
from dignity.ingest.records import BadRecord, RecordFault, json_kind

MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
"""Largest single-document export (Mastodon, X, Discourse) read whole: 512 MiB."""

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """What every export reader needs: the file, its text limit and its document size cap."""

    path: Path
    max_chars: int = 100_000
    max_bytes: int = MAX_DOCUMENT_BYTES

    @property
    def source(self) -> str:
        return str(self.path)

    def fault(self, index: int, where: str, reason: str) -> RecordFault:
        """A fault for the item at 0-based ``index``, found at ``where`` in the document."""
        return RecordFault(source=self.source, line=index + 1, reason=f"{where}: {reason}")

    def check_text(self, text: str) -> str:
        """``text`` when it is non-empty and within ``max_chars``; otherwise a BadRecord."""
        if not text.strip():
            raise BadRecord("the post has no text (only attachments, or deleted?); skipped")
        if len(text) > self.max_chars:
            raise BadRecord(
                f"text is {len(text):,} characters long, over the limit of {self.max_chars:,};"
                " raise max_chars to read it"
            )
        return text


# ------------------------------------------------------------------------------ opening files


def open_binary(path: Path, *, what: str) -> BinaryIO:
    """Open ``path`` for reading bytes, or raise InputFileError saying what to do."""
    if path.is_dir():
        raise InputFileError(f"{path} is a directory; give the path of {what}")
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputFileError(f"{path} does not exist; check the path and try again") from None
    except PermissionError:
        raise InputFileError(
            f"{path} cannot be read: permission denied; check the file's permissions"
        ) from None
    except OSError as exc:
        raise InputFileError(f"{path} cannot be opened: {exc.strerror or exc}") from None


def load_document(
    options: ReadOptions, *, what: str, prefix: re.Pattern[bytes] | None = None
) -> object:
    """The parsed JSON document of a whole-file export.

    ``what`` names the export for messages (``"a Mastodon outbox.json"``). When ``prefix`` is
    given the file must start with a match of it (X's ``window.YTD.tweets.part0 =``), and the
    JSON is what follows; a trailing ``;`` is allowed.
    """
    path = options.path
    with open_binary(path, what=what) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > options.max_bytes:
            raise InputFileError(
                f"{path} is {size:,} bytes, over the {options.max_bytes:,} bytes that {what} may"
                " have to be read whole; split the export, or convert it to JSON Lines"
            )
        try:
            raw = stream.read(options.max_bytes + 1)
        except OSError as exc:
            raise InputFileError(f"{path} could not be read: {exc.strerror or exc}") from None
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    if not raw.strip():
        raise InputFileError(f"{path} is empty; expected {what}")
    if prefix is not None:
        match = prefix.match(raw)
        if match is None:
            raise InputFileError(
                f"{path} does not start the way {what} does; check that this is the file from"
                " the archive"
            )
        raw = raw[match.end() :].rstrip().removesuffix(b";")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path}: bytes at offset {exc.start} are not valid UTF-8 ({exc.reason}); expected"
            f" {what} as exported"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"{path} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno});"
            f" expected {what}, whole and unedited"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise InputFileError(f"{path} is not usable JSON ({exc}); expected {what}") from None


def json_lines(
    path: Path, *, line_limit: int, what: str
) -> Iterator[tuple[int, dict[str, object] | str]]:
    """Stream a JSON Lines file: ``(line, object)`` per record or ``(line, reason)`` per fault.

    Blank lines are skipped; a line over ``line_limit`` bytes is skipped unread, so memory stays
    bounded. The caller should open the file first (``open_binary``) to raise file problems
    eagerly.
    """
    with open_binary(path, what=what) as stream:
        line = 0
        while True:
            try:
                raw = stream.readline(line_limit + 1)
            except OSError as exc:
                raise InputFileError(
                    f"{path} could not be read to the end: {exc.strerror or exc}"
                ) from None
            if not raw:
                return
            line += 1
            if len(raw) > line_limit and not raw.endswith(b"\n"):
                while (chunk := stream.readline(1 << 16)) and not chunk.endswith(b"\n"):
                    pass
                yield line, f"the line is longer than {line_limit:,} bytes; skipped"
                continue
            if line == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            if not raw.strip():
                continue
            try:
                value = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield line, f"byte {exc.start + 1} of the line is not valid UTF-8 ({exc.reason})"
                continue
            except json.JSONDecodeError as exc:
                yield line, f"not valid JSON: {exc.msg} (column {exc.colno})"
                continue
            except (ValueError, RecursionError) as exc:
                yield line, f"not valid JSON: {exc}"
                continue
            if not isinstance(value, dict):
                yield line, f"a line must hold a JSON object ({{...}}), found {json_kind(value)}"
                continue
            yield line, value


# ------------------------------------------------------------------------------ field helpers


def required_str(fields: dict[str, object], name: str) -> str:
    """A field that must be a non-empty string (a number is accepted as its decimal form)."""
    value = optional_str(fields, name)
    if value is None:
        raise BadRecord(f"no {name!r}")
    return value


def optional_str(fields: dict[str, object], name: str) -> str | None:
    """A string field; absent, null and empty are None; an integer becomes its decimal form."""
    value = fields.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BadRecord(f"{name!r} must be a string, found {json_kind(value)}")


def iso_time(fields: dict[str, object], name: str) -> datetime | None:
    """An ISO 8601 timestamp field (``Z`` is UTC; no offset is taken as UTC)."""
    value = optional_str(fields, name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadRecord(f"{name!r} {value[:40]!r} is not an ISO 8601 date and time") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def as_object(value: object, where: str) -> dict[str, object]:
    """``value`` as a JSON object, or a BadRecord naming what was found at ``where``."""
    if not isinstance(value, dict):
        raise BadRecord(f"{where} must be a JSON object, found {json_kind(value)}")
    return value


# ------------------------------------------------------------------------------- HTML to text

_BLOCKS = frozenset(
    {"p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
)
_SKIPPED = frozenset({"script", "style", "template"})


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment; see :func:`html_text`."""

    def __init__(self, *, mention_class: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.mentions: list[str] = []
        self._mention_class = mention_class
        self._in_mention = 0
        self._mention_text: list[str] = []
        self._skipping = 0
        self._pending_break = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self._block_break()
        elif tag == "a" and self._mention_class is not None:
            classes = (dict(attrs).get("class") or "").split()
            if self._mention_class in classes:
                self._in_mention = 1
                self._mention_text = []
            elif self._in_mention:
                self._in_mention += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._pending_break = True
        elif tag == "a" and self._in_mention:
            self._in_mention -= 1
            if not self._in_mention:
                name = "".join(self._mention_text).strip().lstrip("@")
                if name:
                    self.mentions.append(name)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._at_block_start():
            data = data.lstrip()  # layout whitespace between blocks is not text
            if not data:
                return
        if self._pending_break:
            self._block_break()
        self.parts.append(data)
        if self._in_mention:
            self._mention_text.append(data)

    def _at_block_start(self) -> bool:
        return self._pending_break or not self.parts or self.parts[-1].endswith("\n")

    def _block_break(self) -> None:
        self._pending_break = False
        text = "".join(self.parts)
        if text.strip() and not text.endswith("\n\n"):
            self.parts.append("\n" if text.endswith("\n") else "\n\n")


def html_text(fragment: str) -> str:
    """The text of an HTML fragment as a reader sees it.

    Tags are dropped and entities unescaped; ``<br>`` is a line break; block elements
    (paragraphs, quotes, list items, headings) are separated by a blank line; ``<script>`` and
    ``<style>`` contents are dropped. Whitespace inside the text is kept as it is.
    """
    return html_text_and_mentions(fragment, mention_class=None)[0]


def html_text_and_mentions(
    fragment: str, *, mention_class: str | None
) -> tuple[str, tuple[str, ...]]:
    """:func:`html_text` and the names inside ``<a class="{mention_class}">`` links."""
    parser = _TextParser(mention_class=mention_class)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts).strip("\n"), tuple(parser.mentions)
