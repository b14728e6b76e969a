from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import postgresql

from dignity.errors import StoreError
from dignity.ingest import RecordFault
from dignity.model import Action, Assessment, ClauseBreach, Message, Span
from dignity.output import assessment_record
from dignity.store import SqlStore, mask_url
from dignity.store.sql import _upserts

SCORES = {
    "personal_attack": 0.0,
    "identity_attack": 0.0,
    "threat": 0.0,
    "sexual": 0.0,
    "private_information": 0.0,
    "profanity": 0.0,
}


def _item(
    message: Message, *, version: str = "1", action: Action = Action.ALLOW
) -> tuple[Message, Assessment, dict[str, object]]:
    breach = action in (Action.REVIEW, Action.URGENT)
    clauses: tuple[ClauseBreach, ...] = ()
    if breach and message.text:
        clauses = (
            ClauseBreach(
                clause_id="respect",
                title="Respect",
                kind="prohibition",
                action=action,
                confidence=0.8,
                categories=("personal_attack",),
                evidence=(Span.of(message.text, 0, 1),),
                explanation="because",
            ),
        )
    assessment = Assessment(
        message_id=message.id,
        breach=breach,
        action=action,
        categories=("personal_attack",) if breach else (),
        scores={**SCORES, "personal_attack": 0.8 if breach else 0.0},
        clauses=clauses,
        policy_id="conduct",
        policy_version=version,
    )
    return message, assessment, assessment_record(message, assessment)


def _batch(
    n: int, *, version: str = "1", action: Action = Action.ALLOW, start: int = 0
) -> list[tuple[Message, Assessment, dict[str, object]]]:
    return [
        _item(
            Message(id=f"m{i}", text=f"message {i}", author=f"a{i % 7}"),
            version=version,
            action=action,
        )
        for i in range(start, start + n)
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    with SqlStore.for_path(tmp_path / "dignity.db") as opened:
        yield opened


def _scan(store: SqlStore, version: str = "1") -> int:
    store.record_policy("conduct", version, f"policy text {version}")
    return store.begin_scan(source="posts.jsonl", policy_id="conduct", policy_version=version)


def test_constructor_only_stores(tmp_path: Path) -> None:
    path = tmp_path / "never.db"
    store = SqlStore.for_path(path)
    assert store.url == f"sqlite:///{path}"
    assert not path.exists()
    with pytest.raises(StoreError, match="not open"):
        store.counts()


def test_open_creates_tables_with_wal(tmp_path: Path) -> None:
    path = tmp_path / "dignity.db"
    with SqlStore.for_path(path) as store:
        assert store.counts() == {
            "policies": 0,
            "scans": 0,
            "messages": 0,
            "assessments": 0,
            "faults": 0,
        }
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()


def test_save_and_resave_is_idempotent(store: SqlStore) -> None:
    first = _scan(store)
    store.save_batch(scan_id=first, items=_batch(50))
    store.save_batch(scan_id=first, items=_batch(50, start=50))
    counts = store.counts()
    assert (counts["messages"], counts["assessments"]) == (100, 100)

    second = _scan(store)
    store.save_batch(scan_id=second, items=_batch(100, action=Action.REVIEW))
    counts = store.counts()
    assert (counts["messages"], counts["assessments"], counts["policies"]) == (100, 100, 1)

    record = store.assessment("m7", "conduct", "1")
    assert record is not None
    assert record["action"] == "review"
    assert record == _batch(1, action=Action.REVIEW, start=7)[0][2]
    row = store.message("m7")
    assert row is not None
    assert row["first_seen_scan"] == first


def test_a_new_policy_version_adds_assessments(store: SqlStore) -> None:
    store.save_batch(scan_id=_scan(store, "1"), items=_batch(20))
    store.save_batch(scan_id=_scan(store, "2"), items=_batch(20, version="2", action=Action.REVIEW))
    counts = store.counts()
    assert (counts["messages"], counts["assessments"], counts["policies"]) == (20, 40, 2)
    old = store.assessment("m3", "conduct", "1")
    new = store.assessment("m3", "conduct", "2")
    assert old is not None
    assert new is not None
    assert (old["action"], new["action"]) == ("allow", "review")
    assert store.assessment("m3", "conduct", "3") is None
    assert store.assessment("nobody", "conduct", "1") is None


def test_duplicates_within_a_batch_keep_the_last(store: SqlStore) -> None:
    scan = _scan(store)
    message = Message(id="dup", text="same id twice")
    store.save_batch(scan_id=scan, items=[_item(message), _item(message, action=Action.URGENT)])
    record = store.assessment("dup", "conduct", "1")
    assert record is not None
    assert record["action"] == "urgent"
    assert store.counts()["assessments"] == 1


def test_faults_and_scans(store: SqlStore) -> None:
    scan = _scan(store)
    faults = [
        RecordFault(source="posts.jsonl", line=2, reason="text is empty"),
        RecordFault(source="posts.jsonl", line=9, reason="not valid JSON: Expecting value"),
    ]
    store.record_faults(scan_id=scan, faults=faults)
    store.record_faults(scan_id=scan, faults=[])
    store.save_batch(scan_id=scan, items=_batch(5, action=Action.REVIEW))
    store.finish_scan(scan_id=scan, status="finished", messages=5, breaches=5, faults=2)
    failed = _scan(store)
    store.finish_scan(scan_id=failed, status="failed", messages=0, breaches=0, faults=0)
    running = _scan(store)

    assert store.counts()["faults"] == 2
    listed = store.scans()
    assert [s["id"] for s in listed] == [scan, failed, running]
    assert [s["status"] for s in listed] == ["finished", "failed", "running"]
    done = listed[0]
    assert (done["messages"], done["breaches"], done["faults"]) == (5, 5, 2)
    assert done["source"] == "posts.jsonl"
    assert (done["policy_id"], done["policy_version"]) == ("conduct", "1")
    started, finished = done["started_at"], done["finished_at"]
    assert isinstance(started, datetime)
    assert isinstance(finished, datetime)
    assert started.tzinfo is not None
    assert started <= finished
    assert listed[2]["finished_at"] is None


def test_finish_scan_checks_its_arguments(store: SqlStore) -> None:
    with pytest.raises(ValueError, match="finished"):
        store.finish_scan(scan_id=_scan(store), status="done", messages=0, breaches=0, faults=0)
    with pytest.raises(StoreError, match="no scan 999"):
        store.finish_scan(scan_id=999, status="finished", messages=0, breaches=0, faults=0)


def test_record_policy(store: SqlStore) -> None:
    store.record_policy("conduct", "1", "be kind")
    store.record_policy("conduct", "1", "be kind")
    assert store.counts()["policies"] == 1
    with pytest.raises(StoreError, match="new version"):
        store.record_policy("conduct", "1", "be kind, mostly")


def test_a_failed_batch_keeps_what_was_stored(store: SqlStore) -> None:
    scan = _scan(store)
    store.save_batch(scan_id=scan, items=_batch(10))
    before = store.counts()

    unknown_scan = _batch(3, start=100)
    with pytest.raises(StoreError, match="save a batch"):
        store.save_batch(scan_id=12345, items=unknown_scan)  # foreign keys are enforced
    message, assessment, record = _batch(1, start=200)[0]
    bad = [*_batch(3, start=300), (message, assessment, {**record, "x": object()})]
    with pytest.raises(StoreError):
        store.save_batch(scan_id=scan, items=bad)

    assert store.counts() == before
    assert store.message("m300") is None


def test_times_come_back_aware_in_utc(store: SqlStore) -> None:
    posted = datetime(2024, 5, 1, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    message = Message(id="t", text="hello", created_at=posted)
    store.save_batch(scan_id=_scan(store), items=[_item(message)])
    row = store.message("t")
    assert row is not None
    assert row["created_at"] == posted
    assert isinstance(row["created_at"], datetime)
    assert row["created_at"].tzinfo == UTC


def test_unopenable_database_says_what_to_do(tmp_path: Path) -> None:
    store = SqlStore.for_path(tmp_path / "no" / "such" / "dir" / "x.db")
    with pytest.raises(StoreError, match="directory exists") as info:
        store.open()
    assert "x.db" in str(info.value)


def test_passwords_are_masked(tmp_path: Path) -> None:
    url = "postgresql+psycopg://moderator:s3cret@127.0.0.1:1/dignity"
    assert "s3cret" not in mask_url(url)
    assert "s3cret" not in mask_url("not a url://moderator:s3cret@host")
    with pytest.raises(StoreError) as info:
        SqlStore(url).open()
    assert "s3cret" not in str(info.value)
    assert "moderator" in str(info.value)


@pytest.mark.parametrize("url", ["not a url", "mysql://u@h/db"])
def test_unsupported_urls(url: str) -> None:
    with pytest.raises(StoreError, match=r"(not a database URL|not supported)"):
        SqlStore(url).open()


def test_postgresql_upserts_compile() -> None:
    messages, assessments = _upserts("postgresql")
    sql = str(assessments.compile(dialect=postgresql.dialect()))
    assert "ON CONFLICT (message_id, policy_id, policy_version) DO UPDATE" in sql
    assert "ON CONFLICT (id) DO UPDATE" in str(messages.compile(dialect=postgresql.dialect()))


def test_round_trip_and_idempotent_upserts(database_url: str) -> None:
    with SqlStore(database_url) as store:
        scan = _scan(store)
        store.save_batch(scan_id=scan, items=_batch(10))
        store.save_batch(scan_id=scan, items=_batch(10))
        assert store.assessment("m1", "conduct", "1") == _batch(1, start=1)[0][2]


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    with SqlStore.for_path(tmp_path_factory.mktemp("store") / "round-trip.db") as opened:
        yield opened


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), author=st.none() | st.text(), message_id=st.text(min_size=1))
def test_round_trip(shared_store: SqlStore, text: str, author: str | None, message_id: str) -> None:
    store = shared_store
    scan = store.begin_scan(source="hypothesis", policy_id="conduct", policy_version="1")
    message = Message(id=message_id, text=text, author=author)
    item = _item(message, action=Action.REVIEW)
    store.save_batch(scan_id=scan, items=[item])
    assert store.assessment(message_id, "conduct", "1") == item[2]
    row = store.message(message_id)
    assert row is not None
    assert row["text"] == text
    assert row["author"] == author
