"""Streaming readers of dignity's own input formats: JSON Lines and CSV.

``read_messages`` turns a file into :class:`~dignity.model.Message` values, one record at a time,
in input order and in bounded memory (the file is never read whole; a single line is capped at a
few bytes per allowed character). Two kinds of problem are kept apart:

* the file as a whole cannot be used (missing, a directory, unreadable, an unknown format, a CSV
  without a header or without the text column): :class:`~dignity.errors.InputFileError` is raised
  by ``read_messages`` itself, before any record is read;
* one record is unusable (bad JSON, no text, text too long, bytes that are not UTF-8, ...): a
  :class:`RecordFault` is yielded in its place, saying where and why, and reading goes on.

Line numbers are 1-based physical lines of the file; for a CSV record that spans several lines
(a quoted newline) it is the line where the record starts.

Bytes are decoded strictly as UTF-8, one physical line at a time (a UTF-8 byte order mark at the
start of the file is skipped). For CSV the physical lines are decoded before the ``csv`` module
joins quoted newlines, so a line that is not UTF-8 is decoded losslessly (``surrogateescape``)
only to keep the CSV structure intact, and the record it belongs to becomes a fault naming the
byte offset. The one exception is the header line: a header that is not UTF-8 makes the whole
file unusable and raises ``InputFileError``.

Text is kept exactly as it is in the file (spans index into it): nothing is stripped or
normalised, ``\\r\\n`` inside a quoted CSV field included.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from dignity.errors import InputFileError, RecordError
from dignity.model import Message

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

FORMATS: Mapping[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json-lines": "jsonl",
    ".csv": "csv",
}
"""File extensions ``read_messages`` recognises, and the format each one means."""

_FORMAT_NAMES = ("jsonl", "csv")
_BOM = b"\xef\xbb\xbf"
_MENTION_SPLIT = re.compile(r"[,\s]+")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordFault:
    """A record that was skipped: the file, the line it starts on, and why."""

    source: str
    line: int
    reason: str

    def as_error(self) -> RecordError:
        """The same fault as an exception, for callers that stop at the first bad record."""
        return RecordError(self.source, self.line, self.reason)

    def __str__(self) -> str:
        return f"{self.source}, line {self.line}: {self.reason}"


class BadRecord(Exception):
    """A record is unusable for ``reason``; the reader turns it into a RecordFault."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True, kw_only=True)
class _Options:
    path: Path
    text_field: str
    id_field: str
    max_chars: int

    @property
    def source(self) -> str:
        return str(self.path)

    @property
    def line_limit(self) -> int:
        """Most bytes one physical line may have: room for max_chars of escaped text and more."""
        return 6 * self.max_chars + (1 << 20)


def read_messages(
    path: Path,
    *,
    format: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    max_chars: int = 100_000,
) -> Iterator[Message | RecordFault]:
    """Stream the messages of a JSON Lines or CSV file, with a fault for each unusable record.

    The format comes from the extension (``.jsonl``, ``.ndjson``, ``.json-lines``, ``.csv``)
    unless ``format`` (``"jsonl"`` or ``"csv"``) is given. File-level problems raise
    ``InputFileError`` here, before iteration starts; the iterator then yields ``Message`` or
    ``RecordFault`` values in input order.

    Fields: ``text_field`` (required, a non-empty string of at most ``max_chars`` characters),
    ``id_field`` (a string or number; when absent or empty the id is ``"<file name>:<line>"``),
    ``author``, ``author_anonymous`` (a boolean; in CSV true/false/yes/no/1/0), ``created_at``
    (ISO 8601; a trailing ``Z`` is UTC and a value without an offset is taken as UTC),
    ``reply_to``, ``mentions`` (a list of strings, or a comma or space separated string; a
    leading ``@`` is dropped), ``shares`` and ``platform``. Other fields are ignored, and an
    empty string counts as absent for every field but the text.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    fmt = _format_of(path, format)
    options = _Options(path=path, text_field=text_field, id_field=id_field, max_chars=max_chars)
    _check_readable(path)
    if fmt == "csv":
        with _open_binary(path) as stream:
            _csv_header(_CsvLines(stream, options), options)
        return _read_csv(options)
    return _read_jsonl(options)


def _format_of(path: Path, format: str | None) -> str:
    accepted = ", ".join(sorted(FORMATS))
    if format is not None:
        if format not in _FORMAT_NAMES:
            raise InputFileError(
                f"{path}: unknown input format {format!r}; use one of {', '.join(_FORMAT_NAMES)}"
            )
        return format
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputFileError(
            f"{path}: cannot tell the input format from the extension {path.suffix or '(none)'!r};"
            f" accepted extensions are {accepted}, or name the format (jsonl or csv) explicitly"
        )
    return fmt


def _check_readable(path: Path) -> None:
    if path.is_dir():
        raise InputFileError(f"{path} is a directory; give the path of a .jsonl or .csv file")
    with _open_binary(path):
        pass


def _open_binary(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputFileError(f"{path} does not exist; check the path and try again") from None
    except IsADirectoryError:
        raise InputFileError(
            f"{path} is a directory; give the path of a .jsonl or .csv file"
        ) from None
    except PermissionError:
        raise InputFileError(
            f"{path} cannot be read: permission denied; check the file's permissions"
        ) from None
    except OSError as exc:
        raise InputFileError(f"{path} cannot be opened: {exc.strerror or exc}") from None


def _read_error(path: Path, exc: OSError) -> InputFileError:
    return InputFileError(
        f"{path} could not be read to the end: {exc.strerror or exc}; the records before the"
        " failure were read, check the disk or the file and read it again"
    )


# --------------------------------------------------------------------------------- JSON Lines


def _read_jsonl(options: _Options) -> Iterator[Message | RecordFault]:
    source = options.source
    limit = options.line_limit
    with _open_binary(options.path) as stream:
        offset = 0
        line = 0
        while True:
            try:
                raw = stream.readline(limit + 1)
            except OSError as exc:
                raise _read_error(options.path, exc) from exc
            if not raw:
                return
            line += 1
            start = offset
            offset += len(raw)
            if len(raw) > limit and not raw.endswith(b"\n"):
                try:
                    offset += _skip_rest_of_line(stream)
                except OSError as exc:
                    raise _read_error(options.path, exc) from exc
                yield RecordFault(
                    source=source,
                    line=line,
                    reason=f"the line is longer than {limit:,} bytes, more than any record with"
                    f" at most {options.max_chars:,} characters of text can need; skipped",
                )
                continue
            if line == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
                start += len(_BOM)
            try:
                decoded = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield RecordFault(source=source, line=line, reason=_not_utf8(start, exc))
                continue
            if not raw.strip(b" \t\r\n"):
                continue  # a blank line is no record
            yield _jsonl_record(decoded, line, options)


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(1 << 16)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _not_utf8(line_start: int, exc: UnicodeDecodeError) -> str:
    return (
        f"bytes at offset {line_start + exc.start} of the file (byte {exc.start + 1} of the line)"
        f" are not valid UTF-8 ({exc.reason}); re-export the file as UTF-8"
    )


def _jsonl_record(decoded: str, line: int, options: _Options) -> Message | RecordFault:
    try:
        value = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return _fault(options, line, f"not valid JSON: {exc.msg} (column {exc.colno})")
    except ValueError as exc:  # e.g. an integer with too many digits
        return _fault(options, line, f"not valid JSON: {exc}")
    except RecursionError:
        return _fault(options, line, "not valid JSON: nested too deeply")
    if not isinstance(value, dict):
        return _fault(
            options, line, f"a line must hold a JSON object ({{...}}), found {json_kind(value)}"
        )
    try:
        return _message(value, line, options)
    except BadRecord as exc:
        return _fault(options, line, exc.reason)


def _fault(options: _Options, line: int, reason: str) -> RecordFault:
    return RecordFault(source=options.source, line=line, reason=reason)


# ---------------------------------------------------------------------------------------- CSV


class _CsvLines:
    """Physical lines of a binary stream, decoded one by one, for ``csv.reader``.

    Lines keep their endings (the ``newline=""`` contract of the csv module). A line that is not
    UTF-8 is decoded with ``surrogateescape`` so the CSV structure survives, and remembered in
    ``bad`` (line number -> reason) so its record can be reported as a fault.
    """

    def __init__(self, stream: BinaryIO, options: _Options) -> None:
        self._stream = stream
        self._options = options
        self.line = 0
        self.offset = 0
        self.bad: dict[int, str] = {}

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        limit = self._options.line_limit
        try:
            raw = self._stream.readline(limit + 1)
        except OSError as exc:
            raise _read_error(self._options.path, exc) from exc
        if not raw:
            raise StopIteration
        self.line += 1
        start = self.offset
        self.offset += len(raw)
        if len(raw) > limit and not raw.endswith(b"\n"):
            try:
                self.offset += _skip_rest_of_line(self._stream)
            except OSError as exc:
                raise _read_error(self._options.path, exc) from exc
            self.bad[self.line] = f"line {self.line} is longer than {limit:,} bytes; skipped"
            return "\n"
        if self.line == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
            start += len(_BOM)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.bad[self.line] = _not_utf8(start, exc)
            return raw.decode("utf-8", errors="surrogateescape")


def _csv_header(lines: _CsvLines, options: _Options) -> tuple[CsvReader, list[str]]:
    path = options.path
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        raise InputFileError(
            f"{path} is empty; a CSV input needs a header line naming its columns"
            f" (at least {options.text_field!r})"
        ) from None
    except csv.Error as exc:
        raise InputFileError(f"{path}: the CSV header cannot be parsed: {exc}") from None
    bad = sorted(line for line in lines.bad if line <= reader.line_num)
    if bad:
        raise InputFileError(
            f"{path}: the CSV header (line {bad[0]}) is unusable: {lines.bad[bad[0]]}"
        )
    if not header:
        raise InputFileError(
            f"{path}: the first line is blank; a CSV input starts with a header line naming its"
            f" columns (at least {options.text_field!r})"
        )
    if options.text_field not in header:
        raise InputFileError(
            f"{path}: the CSV header has no {options.text_field!r} column; it has "
            f"{', '.join(repr(name) for name in header)}. Rename the column holding the text, or"
            " name it as the text field"
        )
    return reader, header


def _read_csv(options: _Options) -> Iterator[Message | RecordFault]:
    with _open_binary(options.path) as stream:
        lines = _CsvLines(stream, options)
        reader, header = _csv_header(lines, options)
        while True:
            first = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                lines.bad.clear()
                yield _fault(options, first, f"not a valid CSV record: {exc}")
                continue
            bad = [lines.bad.pop(line) for line in sorted(lines.bad) if line <= reader.line_num]
            if bad:
                yield _fault(options, first, bad[0])
                continue
            if not row:
                continue  # a blank line is no record
            if len(row) != len(header):
                yield _fault(
                    options,
                    first,
                    f"the record has {len(row)} fields but the header has {len(header)};"
                    " check for an unquoted comma or a missing field",
                )
                continue
            try:
                yield _message(dict(zip(header, row, strict=True)), first, options)
            except BadRecord as exc:
                yield _fault(options, first, exc.reason)


# ------------------------------------------------------------------------------ field mapping


def _message(fields: Mapping[str, object], line: int, options: _Options) -> Message:
    text = _text(fields, options)
    return Message(
        id=_id(fields.get(options.id_field), line, options),
        text=text,
        author=_optional_str(fields, "author"),
        author_anonymous=_optional_bool(fields, "author_anonymous"),
        created_at=_created_at(fields.get("created_at")),
        reply_to=_optional_str(fields, "reply_to"),
        mentions=_mentions(fields.get("mentions")),
        shares=_optional_str(fields, "shares"),
        platform=_optional_str(fields, "platform"),
    )


def _text(fields: Mapping[str, object], options: _Options) -> str:
    name = options.text_field
    if name not in fields:
        present = ", ".join(repr(key) for key in list(fields)[:12]) or "no fields"
        raise BadRecord(f"no {name!r} field holding the text to assess (the record has {present})")
    text = fields[name]
    if not isinstance(text, str):
        raise BadRecord(f"{name!r} must be a string, found {json_kind(text)}")
    if not text.strip():
        raise BadRecord("text is empty")
    if len(text) > options.max_chars:
        raise BadRecord(
            f"text is {len(text):,} characters long, over the limit of {options.max_chars:,};"
            " split the message or raise max_chars"
        )
    return text


def _id(value: object, line: int, options: _Options) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"{options.path.name}:{line}"
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    raise BadRecord(f"{options.id_field!r} must be a string or a number, found {json_kind(value)}")


def _optional_str(fields: Mapping[str, object], name: str) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise BadRecord(f"{name!r} must be a string, found {json_kind(value)}")


def _optional_bool(fields: Mapping[str, object], name: str) -> bool | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        token = value.strip().lower()
        if token in _TRUE:
            return True
        if token in _FALSE:
            return False
    raise BadRecord(f"{name!r} must be true or false, found {_preview(value)}")


def _created_at(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRecord(f"'created_at' must be an ISO 8601 string, found {json_kind(value)}")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadRecord(
            f"'created_at' {_preview(value)} is not an ISO 8601 date and time"
            " (for example 2024-05-01T12:30:00Z)"
        ) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _mentions(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        items: list[object] = list(_MENTION_SPLIT.split(value))
    elif isinstance(value, list):
        items = value
    else:
        raise BadRecord(f"'mentions' must be a list of names, found {json_kind(value)}")
    names: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise BadRecord(f"'mentions' must hold strings, found {json_kind(item)}")
        name = item.strip().lstrip("@")
        if name:
            names.append(name)
    return tuple(names)


def json_kind(value: object) -> str:
    """How a JSON value is described in a message: ``a string``, ``an object``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _preview(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
