from __future__ import annotations

import itertools
import json
import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dignity.errors import InputFileError, RecordError
from dignity.ingest import RecordFault, read_messages
from dignity.model import Message


def _write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _messages(items: list[Message | RecordFault]) -> list[Message]:
    return [item for item in items if isinstance(item, Message)]


def _faults(items: list[Message | RecordFault]) -> list[RecordFault]:
    return [item for item in items if isinstance(item, RecordFault)]


# ------------------------------------------------------------------------------ file problems


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="does not exist"):
        read_messages(tmp_path / "nope.jsonl")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "posts.jsonl"
    folder.mkdir()
    with pytest.raises(InputFileError, match="is a directory"):
        read_messages(folder)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write_jsonl(tmp_path / "posts.jsonl", [{"text": "hi"}])

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputFileError, match="permission denied") as info:
        read_messages(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("name", ["posts.txt", "posts", "posts.json"])
def test_unknown_extension_names_the_accepted_formats(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text('{"text": "hi"}\n', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"\.csv.*\.jsonl") as info:
        read_messages(path)
    assert str(path) in str(info.value)


def test_explicit_format_overrides_extension(tmp_path: Path) -> None:
    path = tmp_path / "posts.txt"
    path.write_text('{"id": 1, "text": "hi"}\n', encoding="utf-8")
    assert list(read_messages(path, format="jsonl")) == [Message(id="1", text="hi")]


def test_unknown_explicit_format(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "posts.jsonl", [])
    with pytest.raises(InputFileError, match="jsonl, csv"):
        read_messages(path, format="xml")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf"])
def test_empty_csv_has_no_header(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match="header"):
        read_messages(path)


def test_csv_without_text_column_names_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,body,author\n1,hello,ann\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_messages(path)
    message = str(info.value)
    assert "'text'" in message
    assert "'id', 'body', 'author'" in message
    assert list(read_messages(path, text_field="body")) == [
        Message(id="1", text="hello", author="ann")
    ]


def test_csv_header_not_utf8_is_a_file_error(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(b"id,t\xe9xt\n1,hello\n")
    with pytest.raises(InputFileError, match="line 1"):
        read_messages(path)


def test_empty_jsonl_is_no_messages(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b"")
    assert list(read_messages(path)) == []


# ---------------------------------------------------------------------------- record problems

_GOOD = '{"id": "a", "text": "first"}'
_LAST = '{"id": "z", "text": "last"}'


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        (b'{"id": "b", "text": "unterminated}', "not valid JSON"),
        (b'{"id": "b" "text": "x"}', "Expecting ',' delimiter"),
        (b'["a", "list"]', "JSON object"),
        (b'"just a string"', "JSON object"),
        (b'{"id": "b"}', "no 'text' field"),
        (b'{"id": "b", "text": 42}', "must be a string, found a number"),
        (b'{"id": "b", "text": null}', "must be a string, found null"),
        (b'{"id": "b", "text": ""}', "text is empty"),
        (b'{"id": "b", "text": " \\n\\t "}', "text is empty"),
        (b'{"id": "b", "text": "caf\xe9"}', "not valid UTF-8"),
        (b'{"id": "b", "text": "x", "created_at": "yesterday"}', "not an ISO 8601"),
        (b'{"id": "b", "text": "x", "created_at": 1714560000}', "ISO 8601 string"),
        (b'{"id": "b", "text": "x", "author_anonymous": "maybe"}', "true or false"),
        (b'{"id": "b", "text": "x", "mentions": {"a": 1}}', "list of names"),
        (b'{"id": "b", "text": "x", "mentions": ["a", 2]}', "must hold strings"),
        (b'{"id": ["b"], "text": "x"}', "string or a number"),
        (b'{"id": true, "text": "x"}', "string or a number"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_bad_record_in_the_middle_is_a_fault_and_the_rest_is_read(
    tmp_path: Path, bad_line: bytes, reason: str
) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(_GOOD.encode() + b"\n" + bad_line + b"\n" + _LAST.encode() + b"\n")
    items = list(read_messages(path))
    assert [m.id for m in _messages(items)] == ["a", "z"]
    (fault,) = _faults(items)
    assert fault.line == 2
    assert fault.source == str(path)
    assert reason in fault.reason
    assert items[1] == fault


def test_json_error_names_the_column(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text('{"text": "ok",}\n', encoding="utf-8")
    (fault,) = list(read_messages(path))
    assert isinstance(fault, RecordFault)
    assert "column 15" in fault.reason


def test_undecodable_line_reports_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    first = b'{"text": "ok"}\n'
    path.write_bytes(first + b'{"text": "\xff"}\n')
    items = list(read_messages(path))
    fault = items[1]
    assert isinstance(fault, RecordFault)
    assert fault.line == 2
    assert f"offset {len(first) + 10} of the file" in fault.reason


def test_every_line_undecodable_is_still_per_line_faults(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text('{"text": "Grüße"}\n' * 3, encoding="latin-1")
    items = list(read_messages(path))
    assert [f.line for f in _faults(items)] == [1, 2, 3]
    assert not _messages(items)


def test_text_longer_than_the_limit_says_length_and_limit(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "posts.jsonl", [{"id": "big", "text": "x" * 1_000_000}])
    (fault,) = list(read_messages(path))
    assert isinstance(fault, RecordFault)
    assert "1,000,000 characters" in fault.reason
    assert "100,000" in fault.reason


def test_max_chars_is_inclusive(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "posts.jsonl", [{"text": "abcde"}, {"text": "abcdef"}])
    items = list(read_messages(path, max_chars=5))
    assert isinstance(items[0], Message)
    assert isinstance(items[1], RecordFault)


def test_a_line_beyond_any_possible_record_is_skipped_without_reading_it_whole(
    tmp_path: Path,
) -> None:
    path = tmp_path / "posts.jsonl"
    with path.open("wb") as out:
        out.write(b'{"text": "' + b"y" * 3_000_000 + b'"}\n')
        out.write(b'{"id": "after", "text": "fine"}\n')
    items = list(read_messages(path, max_chars=10))
    assert isinstance(items[0], RecordFault)
    assert "longer than" in items[0].reason
    assert items[1] == Message(id="after", text="fine")


def test_fault_as_error() -> None:
    fault = RecordFault(source="posts.jsonl", line=3, reason="text is empty")
    error = fault.as_error()
    assert isinstance(error, RecordError)
    assert (error.source, error.line, error.reason) == ("posts.jsonl", 3, "text is empty")
    assert str(fault) == "posts.jsonl, line 3: text is empty"


# ------------------------------------------------------------------------------ field mapping


def test_fields_are_mapped(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "posts.jsonl",
        [
            {
                "id": 17,
                "text": "  hello @bob \r\n",
                "author": "ann",
                "author_anonymous": False,
                "created_at": "2024-05-01T12:30:00Z",
                "reply_to": 16,
                "mentions": ["@bob", "carol", ""],
                "shares": "s1",
                "platform": "x",
                "likes": 3,
            }
        ],
    )
    assert list(read_messages(path)) == [
        Message(
            id="17",
            text="  hello @bob \r\n",
            author="ann",
            author_anonymous=False,
            created_at=datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
            reply_to="16",
            mentions=("bob", "carol"),
            shares="s1",
            platform="x",
        )
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01T12:30:00Z", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
        (
            "2024-05-01T14:30:00+02:00",
            datetime(2024, 5, 1, 14, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2024-05-01T12:30:00.250Z", datetime(2024, 5, 1, 12, 30, 0, 250_000, tzinfo=UTC)),
        ("2024-05-01 12:30:00", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
        ("", None),
        (None, None),
    ],
)
def test_created_at_is_aware(tmp_path: Path, value: str | None, expected: datetime | None) -> None:
    path = _write_jsonl(tmp_path / "posts.jsonl", [{"text": "x", "created_at": value}])
    (message,) = list(read_messages(path))
    assert isinstance(message, Message)
    assert message.created_at == expected
    if message.created_at is not None:
        assert message.created_at.tzinfo is not None


def test_ids_default_to_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"text": "one"}\n\n{"id": "", "text": "two"}\n{"id": 3.0, "text": "three"}\n',
        encoding="utf-8",
    )
    assert [m.id for m in _messages(list(read_messages(path)))] == [
        "posts.jsonl:1",
        "posts.jsonl:3",
        "3",
    ]


def test_custom_id_and_text_fields(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "posts.jsonl", [{"post_id": "p9", "body": "hi", "text": 1}])
    assert list(read_messages(path, id_field="post_id", text_field="body")) == [
        Message(id="p9", text="hi")
    ]


def test_order_is_preserved(tmp_path: Path) -> None:
    records: list[object] = [{"id": str(i), "text": f"message {i}"} for i in range(500)]
    records[250] = {"id": "bad"}
    path = _write_jsonl(tmp_path / "posts.jsonl", records)
    items = list(read_messages(path))
    assert len(items) == 500
    assert isinstance(items[250], RecordFault)
    assert [m.id for m in _messages(items)] == [str(i) for i in range(500) if i != 250]


def test_bom_and_crlf_in_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "posts.ndjson"
    path.write_bytes(b'\xef\xbb\xbf{"id": "1", "text": "a\\r\\nb"}\r\n{"id": "2", "text": "c"}\r\n')
    assert list(read_messages(path)) == [
        Message(id="1", text="a\r\nb"),
        Message(id="2", text="c"),
    ]


# ----------------------------------------------------------------------------------------- CSV


def test_csv_fields_quoted_newline_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(
        b"\xef\xbb\xbfid,text,author,mentions,author_anonymous,created_at\r\n"
        b'1,"two\r\nlines, with a comma",ann,"@bob, carol dave",yes,2024-05-01T12:00:00Z\r\n'
        b",plain,,,,\r\n"
        b'3,"",bob,,,\r\n'
        b"4,too,many,fields,here,x,y\r\n"
        b'5,"say ""hi""",,,no,\r\n'
    )
    items = list(read_messages(path))
    assert items[0] == Message(
        id="1",
        text="two\r\nlines, with a comma",
        author="ann",
        mentions=("bob", "carol", "dave"),
        author_anonymous=True,
        created_at=datetime(2024, 5, 1, 12, tzinfo=UTC),
    )
    assert items[1] == Message(id="posts.csv:4", text="plain")
    assert items[2] == RecordFault(source=str(path), line=5, reason="text is empty")
    fault = items[3]
    assert isinstance(fault, RecordFault)
    assert fault.line == 6
    assert "7 fields but the header has 6" in fault.reason
    assert items[4] == Message(id="5", text='say "hi"', author_anonymous=False)
    assert len(items) == 5


def test_csv_undecodable_row_is_a_fault_even_inside_a_quoted_newline(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    head = b"id,text\n1,fine\n"
    before_bad = head + b'2,"multi\nline '
    path.write_bytes(before_bad + b'\xff here"\n3,after\n')
    items = list(read_messages(path))
    assert items[0] == Message(id="1", text="fine")
    fault = items[1]
    assert isinstance(fault, RecordFault)
    assert fault.line == 3
    assert "not valid UTF-8" in fault.reason
    assert f"offset {len(before_bad)} of the file" in fault.reason
    assert items[2] == Message(id="3", text="after")


def test_csv_oversized_field_is_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(f"id,text\n1,{'x' * 200_000}\n2,ok\n", encoding="utf-8")
    items = list(read_messages(path))
    assert isinstance(items[0], RecordFault)
    assert items[0].line == 2
    assert items[1] == Message(id="2", text="ok")


# ------------------------------------------------------------------------------------- memory


def _big_jsonl(path: Path, lines: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(lines):
            out.write(f'{{"id": "{i}", "text": "message number {i} of a long export"}}\n')
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_reading_is_lazy_and_bounded(tmp_path: Path, suffix: str) -> None:
    if suffix == ".jsonl":
        path = _big_jsonl(tmp_path / "big.jsonl", 200_000)
    else:
        path = tmp_path / "big.csv"
        with path.open("w", encoding="utf-8") as out:
            out.write("id,text\n")
            out.writelines(f"{i},message number {i} of a long export\n" for i in range(200_000))
    size = path.stat().st_size
    assert size > 8_000_000

    tracemalloc.start()
    try:
        first = list(itertools.islice(read_messages(path), 10))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [m.id for m in _messages(first)] == [str(i) for i in range(10)]
    assert peak < size / 8, f"taking 10 records used {peak:,} bytes of a {size:,} byte file"


def test_whole_stream_stays_bounded(tmp_path: Path) -> None:
    path = _big_jsonl(tmp_path / "big.jsonl", 200_000)
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_messages(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 200_000
    assert peak < 2_000_000, f"streaming 200k records peaked at {peak:,} bytes"
