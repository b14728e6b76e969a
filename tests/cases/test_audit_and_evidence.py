"""The audit chain detects altered and deleted entries; evidence bundles carry content hashes."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import delete, update
from typer.testing import CliRunner

from dignity.cases import (
    Limits,
    ReportedMessage,
    Role,
    User,
    add_user,
    authenticate,
    evidence_bundle,
    render_html,
    submit_report,
    verify_chain,
)
from dignity.cli import app
from dignity.engine import Dignity
from dignity.errors import AuthenticationError, ConflictError, PermissionDeniedError
from dignity.store import SqlStore
from dignity.store.cases import audit_head_table, audit_table, tokens_table

MESSAGE = ReportedMessage(id="m-1", text="you pathetic idiot <b>", author="@bob", url="https://x/1")


def _fill(store: SqlStore, engine: Dignity, people: dict[str, User]) -> int:
    for reporter in ("alice", "mod1", "mod2"):
        receipt = submit_report(
            store=store,
            engine=engine,
            reporter=people[reporter],
            reason="insult",
            message=MESSAGE,
            limits=Limits(),
        )
    return receipt.case_id


def test_an_intact_chain_verifies(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    _fill(store, engine, people)
    result = verify_chain(store=store)
    assert result.ok, result.problems
    assert result.entries == 5 + 1 + 3  # users, case opened, three reports


def test_an_altered_entry_is_detected(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    _fill(store, engine, people)
    with store.transaction("tamper") as conn:
        conn.execute(
            update(audit_table)
            .where(audit_table.c.seq == 7)
            .values(payload=audit_table.c.payload + " ")
        )
    result = verify_chain(store=store)
    assert not result.ok
    assert any("entry 7 was altered" in p for p in result.problems)


def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_next_link(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    _fill(store, engine, people)
    with store.reading("read") as conn:
        row = conn.execute(audit_table.select().where(audit_table.c.seq == 6)).one()
    payload = row.payload.replace('"insult"', '"nothing"').replace("m-1", "m-2")
    digest = hashlib.sha256(f"{row.prev_hash}\n{payload}".encode()).hexdigest()
    with store.transaction("tamper") as conn:
        conn.execute(
            update(audit_table).where(audit_table.c.seq == 6).values(payload=payload, hash=digest)
        )
    problems = verify_chain(store=store).problems
    assert any("entry 7 does not link" in p for p in problems)


def test_a_deleted_entry_is_detected(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    _fill(store, engine, people)
    with store.transaction("tamper") as conn:
        conn.execute(delete(audit_table).where(audit_table.c.seq == 4))
    problems = verify_chain(store=store).problems
    assert any("entry 4 is missing" in p for p in problems)


def test_deleting_the_newest_entries_is_detected(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    _fill(store, engine, people)
    with store.transaction("tamper") as conn:
        conn.execute(delete(audit_table).where(audit_table.c.seq >= 8))
    problems = verify_chain(store=store).problems
    assert any("head records entry 9" in p for p in problems)
    with store.transaction("tamper") as conn:
        conn.execute(update(audit_head_table).values(seq=7))
    assert not verify_chain(store=store).ok


def test_cli_audit_verify(
    store: SqlStore, engine: Dignity, people: dict[str, User], database_url: str
) -> None:
    _fill(store, engine, people)
    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify", "--db", database_url])
    assert ok.exit_code == 0, ok.output
    assert "intact" in ok.output
    with store.transaction("tamper") as conn:
        conn.execute(delete(audit_table).where(audit_table.c.seq == 2))
    bad = runner.invoke(app, ["audit", "verify", "--db", database_url])
    assert bad.exit_code == 1
    assert "entry 2 is missing" in bad.output


def test_evidence_bundle_hashes_every_message(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    case_id = _fill(store, engine, people)
    bundle = evidence_bundle(store=store, case_id=case_id, viewer=people["mod1"])
    (message,) = bundle["messages"]
    assert message["text_sha256"] == hashlib.sha256(MESSAGE.text.encode()).hexdigest()
    assert message["sha256_matches"] is True
    assert [r["reporter"] for r in bundle["reports"]] == [None, None, None]
    assert {h["actor"] for h in bundle["history"] if h["action"] == "report.submitted"} == {
        "(reporter, hidden)"
    }
    body = {k: v for k, v in bundle.items() if k != "bundle_sha256"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert bundle["bundle_sha256"] == hashlib.sha256(canonical.encode()).hexdigest()
    admin = evidence_bundle(store=store, case_id=case_id, viewer=people["root"])
    assert [r["reporter"] for r in admin["reports"]] == ["alice", "mod1", "mod2"]
    page = render_html(bundle)
    assert message["text_sha256"] in page
    assert "you pathetic idiot &lt;b&gt;" in page
    with pytest.raises(PermissionDeniedError):
        evidence_bundle(store=store, case_id=case_id, viewer=people["alice"])


def test_tokens_are_stored_hashed_and_checked(store: SqlStore) -> None:
    user, token = add_user(store=store, name="carol", role=Role.MODERATOR)
    assert authenticate(store=store, token=token) == user
    with store.reading("read") as conn:
        stored = [row.token_sha256 for row in conn.execute(tokens_table.select())]
    assert token not in stored
    assert hashlib.sha256(token.encode()).hexdigest() in stored
    with pytest.raises(AuthenticationError):
        authenticate(store=store, token=token + "x")
    with pytest.raises(ConflictError):
        add_user(store=store, name="carol", role=Role.MEMBER)


def test_cli_users_add_prints_the_token_once(database_url: str) -> None:
    result = CliRunner().invoke(
        app, ["users", "add", "dana", "--role", "moderator", "--db", database_url]
    )
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    assert token.startswith("dgn_")
    with SqlStore(database_url) as store:
        assert authenticate(store=store, token=token).role is Role.MODERATOR
    refused = CliRunner().invoke(
        app, ["users", "add", "eve", "--role", "king", "--db", database_url]
    )
    assert refused.exit_code == 2
