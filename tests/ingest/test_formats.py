from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dignity.errors import InputFileError
from dignity.ingest.documents import html_text
from dignity.ingest.formats import FORMATS, detect_format, read_any
from dignity.ingest.records import RecordFault
from dignity.model import Message

FIXTURES = Path(__file__).parent / "fixtures"
OUTBOX = FIXTURES / "outbox.json"
TWEETS = FIXTURES / "twitter" / "tweets.js"
TOPIC = FIXTURES / "topic.json"
REDDIT = FIXTURES / "reddit_comments.jsonl"

ALICE = "https://mastodon.example/users/alice/statuses/"


def _read(path: Path, **options: object) -> list[Message | RecordFault]:
    return list(read_any(path, **options))  # type: ignore[arg-type]


def _messages(items: list[Message | RecordFault]) -> list[Message]:
    return [item for item in items if isinstance(item, Message)]


def _faults(items: list[Message | RecordFault]) -> list[RecordFault]:
    return [item for item in items if isinstance(item, RecordFault)]


def _at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


# ------------------------------------------------------------------------------------ Mastodon


def test_mastodon_outbox() -> None:
    items = _read(OUTBOX)
    assert _messages(items) == [
        Message(
            id=ALICE + "111000000000000001",
            text="Canvassing in Leeds & Bradford today 🌹 with @bob\n\nCome along! #labour",
            author="alice@mastodon.example",
            created_at=_at(2024, 3, 1, 9, 15),
            mentions=("bob@mastodon.example",),
            platform="mastodon",
        ),
        Message(
            id=ALICE + "111000000000000002",
            text="@carol I don't agree <at all>.\nLet's talk at the branch meeting.",
            author="alice@mastodon.example",
            created_at=_at(2024, 3, 1, 10, 2, 30),
            reply_to="https://social.example.org/users/carol/statuses/222",
            mentions=("carol@social.example.org",),
            platform="mastodon",
        ),
        Message(
            id=ALICE + "111000000000000003/activity",
            text="",
            author="alice@mastodon.example",
            created_at=_at(2024, 3, 1, 11, 0),
            shares="https://social.example.org/users/carol/statuses/333",
            platform="mastodon",
        ),
        Message(
            id=ALICE + "111000000000000005",
            text="Thanks all — 42 doors knocked 👏",
            author="alice@mastodon.example",
            created_at=_at(2024, 3, 2, 8, 30),
            reply_to=ALICE + "111000000000000001",
            platform="mastodon",
        ),
    ]
    assert _faults(items) == [
        RecordFault(
            source=str(OUTBOX),
            line=4,
            reason="orderedItems[3]: the Create's 'object' must be a JSON object, found a string",
        )
    ]


def test_mastodon_outbox_of_another_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps({"type": "Person", "id": "x"}), encoding="utf-8")
    with pytest.raises(InputFileError, match="not an ActivityPub outbox"):
        read_any(path)


def test_mastodon_unknown_activity_is_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "outbox.json"
    path.write_text(
        json.dumps({"type": "OrderedCollection", "orderedItems": [{"type": "Like"}]}),
        encoding="utf-8",
    )
    [fault] = _read(path)
    assert isinstance(fault, RecordFault)
    assert fault.line == 1
    assert fault.reason.startswith("orderedItems[0]: activity type 'Like' is not a post")


# ------------------------------------------------------------------------------------- Twitter


def test_twitter_archive_with_account() -> None:
    items = _read(TWEETS)
    assert _messages(items) == [
        Message(
            id="1765000000000000001",
            text="Housing & the NHS are on the doorstep today 🏠🏥",
            author="alice_uk",
            created_at=_at(2024, 3, 5, 9, 0),
            platform="twitter",
        ),
        Message(
            id="1765000000000000002",
            text="@bob_smith That's not true <source?> 🤔",
            author="alice_uk",
            created_at=_at(2024, 3, 5, 10, 30),
            reply_to="1764999999999999999",
            mentions=("bob_smith",),
            platform="twitter",
        ),
        Message(
            id="1765000000000000003",
            text="RT @carol: Great turnout in Hull tonight https://t.co/AbCdEf1234",
            author="alice_uk",
            created_at=_at(2024, 3, 5, 11, 0),
            mentions=("carol",),
            shares="1764000000000000000",
            platform="twitter",
        ),
        Message(
            id="1765000000000000005",
            text="RT @dan99: Polls open at 7am",
            author="alice_uk",
            created_at=_at(2024, 3, 6, 8, 0),
            mentions=("dan99",),
            platform="twitter",
        ),
    ]
    [fault] = _faults(items)
    assert fault.line == 4
    assert fault.reason.startswith("tweets[3]: 'created_at' 'yesterday at noon' is not a time")


def test_twitter_without_account_js(tmp_path: Path) -> None:
    shutil.copy(TWEETS, tmp_path / "tweets.js")
    messages = _messages(_read(tmp_path / "tweets.js"))
    assert {m.author for m in messages} == {None}
    named = _messages(_read(tmp_path / "tweets.js", author="someone"))
    assert {m.author for m in named} == {"someone"}


def test_twitter_old_prefix_and_retweeted_status(tmp_path: Path) -> None:
    path = tmp_path / "tweet.js"
    tweet = {
        "id_str": "9",
        "full_text": "RT @x: hi",
        "created_at": "Wed Oct 10 20:19:24 +0000 2018",
        "retweeted_status": {"id_str": "7"},
    }
    path.write_text("window.YTD.tweet.part0 = " + json.dumps([{"tweet": tweet}]), "utf-8")
    [message] = _read(path)
    assert message == Message(
        id="9",
        text="RT @x: hi",
        created_at=datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC),
        shares="7",
        platform="twitter",
    )


def test_twitter_file_without_the_prefix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tweets.js"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InputFileError, match="does not start the way an X"):
        read_any(path)


# ----------------------------------------------------------------------------------- Discourse


def test_discourse_topic() -> None:
    items = _read(TOPIC)
    assert _messages(items) == [
        Message(
            id="5001",
            text="Motion for the branch AGM: fund a food bank & a warm space ☕\n\nThoughts?",
            author="alice",
            created_at=_at(2024, 4, 10, 18, 0),
            platform="discourse",
        ),
        Message(
            id="5002",
            text="@alice agreed — but who's paying? 🤷",
            author="bob",
            created_at=_at(2024, 4, 10, 18, 20),
            reply_to="5001",
            mentions=("alice",),
            platform="discourse",
        ),
        Message(
            id="5003",
            text="bob:\n\nbut who’s paying?\n\nThe branch has £300 in reserves.",
            author="carol",
            created_at=_at(2024, 4, 10, 19, 5),
            shares="5002",
            platform="discourse",
        ),
    ]
    # the small action (post 5, a topic closed) is no message and no fault
    assert _faults(items) == [
        RecordFault(source=str(TOPIC), line=4, reason="post_stream.posts[3]: no 'id'")
    ]


def test_discourse_prefers_raw(tmp_path: Path) -> None:
    posts = [
        {"id": 1, "post_number": 1, "username": "a", "raw": "hello", "cooked": "<p>hello</p>"},
        {
            "id": 2,
            "post_number": 2,
            "username": "b",
            "reply_to_post_number": 1,
            "raw": '[quote="a, post:1, topic:9"]\nhello\n[/quote]\n@a you &amp; me',
        },
    ]
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"id": 9, "post_stream": {"posts": posts}}), encoding="utf-8")
    messages = _messages(_read(path))
    assert messages[1] == Message(
        id="2",
        text='[quote="a, post:1, topic:9"]\nhello\n[/quote]\n@a you &amp; me',
        author="b",
        reply_to="1",
        mentions=("a",),
        shares="1",
        platform="discourse",
    )


# -------------------------------------------------------------------------------------- Reddit


def test_reddit_dump() -> None:
    items = _read(REDDIT)
    assert _messages(items) == [
        Message(
            id="kx1a001",
            text="Fair point & well made 👍",
            author="alice_uk",
            created_at=_at(2024, 5, 1, 10, 0),
            platform="reddit",
        ),
        Message(
            id="kx1a002",
            text="u/alice_uk source? I read the opposite > twice",
            author="bob_r",
            created_at=_at(2024, 5, 1, 10, 15),
            reply_to="kx1a001",
            mentions=("alice_uk",),
            platform="reddit",
        ),
        Message(
            id="kx1a003",
            text="Polls close at 10pm, see /u/bob_r's link",
            author=None,
            created_at=_at(2024, 5, 1, 10, 30),
            reply_to="kx1a002",
            mentions=("bob_r",),
            platform="reddit",
        ),
    ]
    assert [(f.line, f.reason.split(":")[0]) for f in _faults(items)] == [
        (4, "not valid JSON"),
        (5, "the comment's body is [removed]; nothing to assess"),
    ]


# ----------------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("path", "expected"),
    [(OUTBOX, "mastodon"), (TWEETS, "twitter"), (TOPIC, "discourse"), (REDDIT, "reddit")],
)
def test_detect_fixture(path: Path, expected: str) -> None:
    assert detect_format(path) == expected


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("archive.json", OUTBOX.read_text("utf-8"), "mastodon"),
        ("export.js", TWEETS.read_text("utf-8"), "twitter"),
        ("topic-77", json.dumps({"post_stream": {"posts": []}, "id": 1}), "discourse"),
        ("RC_2024-05", REDDIT.read_text("utf-8"), "reddit"),
        ("comments.jsonl", '{"body": "x", "subreddit": "a"}\n', "reddit"),
        ("posts.jsonl", '{"id": 1, "text": "hello"}\n', "jsonl"),
        ("posts.csv", "id,text\n1,hello\n", "csv"),
        ("empty.jsonl", "", "jsonl"),
    ],
)
def test_detect_by_content(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


def test_undetectable_names_the_formats(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="jsonl, csv, mastodon, twitter, discourse, reddit"):
        read_any(path)


def test_unknown_format_names_the_formats() -> None:
    with pytest.raises(InputFileError, match=r"unknown input format 'bluesky'.*reddit"):
        read_any(REDDIT, format="bluesky")
    assert FORMATS == ("jsonl", "csv", "mastodon", "twitter", "discourse", "reddit")


@pytest.mark.parametrize(
    ("path", "fmt", "match"),
    [
        (OUTBOX, "twitter", "does not start the way an X"),
        (TWEETS, "mastodon", "not valid JSON"),
        (REDDIT, "discourse", "not valid JSON"),
        (TOPIC, "mastodon", "not an ActivityPub outbox"),
    ],
)
def test_wrong_format_is_refused(path: Path, fmt: str, match: str) -> None:
    with pytest.raises(InputFileError, match=match):
        read_any(path, format=fmt)


def test_reddit_format_on_another_jsonl_gives_faults(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "1", "text": "hello"}\n', encoding="utf-8")
    [fault] = _read(path, format="reddit")
    assert isinstance(fault, RecordFault)
    assert fault.reason == "'body' must be a string, found null"


def test_own_formats_pass_through() -> None:
    path = FIXTURES / "reddit_comments.jsonl"
    items = _read(path, format="jsonl", text_field="body")
    assert [m.id for m in _messages(items)][:2] == ["kx1a001", "kx1a002"]


# ------------------------------------------------------------------------------- empty, limits


@pytest.mark.parametrize(("name", "fmt"), [("outbox.json", None), ("tweets.js", None)])
def test_empty_document_is_refused(tmp_path: Path, name: str, fmt: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match="is empty"):
        read_any(path, format=fmt)


def test_empty_reddit_dump_has_no_messages(tmp_path: Path) -> None:
    path = tmp_path / "comments.jsonl"
    path.write_bytes(b"")
    assert _read(path, format="reddit") == []


def test_empty_collections_have_no_messages(tmp_path: Path) -> None:
    (tmp_path / "outbox.json").write_text('{"orderedItems": []}', encoding="utf-8")
    (tmp_path / "tweets.js").write_text("window.YTD.tweets.part0 = [ ]", encoding="utf-8")
    (tmp_path / "t.json").write_text('{"post_stream": {"posts": []}}', encoding="utf-8")
    for name in ("outbox.json", "tweets.js", "t.json"):
        assert _read(tmp_path / name) == []


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="does not exist"):
        read_any(tmp_path / "outbox.json")


def test_document_over_the_size_cap_is_refused() -> None:
    with pytest.raises(InputFileError, match=r"over the 1,000 bytes .* read whole"):
        read_any(OUTBOX, max_document_bytes=1000)


def test_text_over_max_chars_is_a_fault() -> None:
    items = _read(REDDIT, max_chars=30)
    assert "kx1a002" not in [m.id for m in _messages(items)]
    assert any("over the limit of 30" in f.reason for f in _faults(items))


# -------------------------------------------------------------------------------- HTML to text


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>a &amp; b</p>", "a & b"),
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("line<br>next<br/>last", "line\nnext\nlast"),
        ("<p>a  <b>spaced</b>   text</p>", "a  spaced   text"),
        ("<p>x</p><script>alert(1)</script><p>y</p>", "x\n\ny"),
        ("&lt;script&gt;", "<script>"),
        ("🙂 &#128578; &#x1F642;", "🙂 🙂 🙂"),
    ],
)
def test_html_text(fragment: str, text: str) -> None:
    assert html_text(fragment) == text
