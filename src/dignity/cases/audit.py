"""The audit log: append-only and hash-chained, so an altered or deleted entry is detected.

Entry ``n`` stores a canonical JSON ``payload`` (its sequence number, time, actor, action, case
and data), the ``prev_hash`` of entry ``n - 1`` and ``hash = sha256(prev_hash + "\\n" +
payload)``. The ``audit_head`` row holds the last sequence number and hash, so removing the
newest entries is detected too. Appending locks the head row (``SELECT .. FOR UPDATE`` on
PostgreSQL; SQLite serialises writers), so the chain never forks.

Entries are written in the same transaction as the change they record: an entry exists if and
only if its change was committed, and nobody reads it before the commit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Final

from sqlalchemy import Connection, select, update

from dignity.cases.values import AuditEntry, AuditVerification
from dignity.store.cases import audit_head_table, audit_table
from dignity.store.sql import SqlStore

GENESIS: Final = "0" * 64


def _canonical(value: Mapping[str, object]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _chain_hash(prev_hash: str, payload: str) -> str:
    data = f"{prev_hash}\n{payload}".encode("utf-8", errors="surrogatepass")
    return hashlib.sha256(data).hexdigest()


def lock_chain(conn: Connection) -> tuple[int, str]:
    """Lock the chain's head for this transaction; returns the last sequence number and hash."""
    query = select(audit_head_table.c.seq, audit_head_table.c.hash).where(
        audit_head_table.c.id == 1
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).one()
    return int(row.seq), str(row.hash)


def append(
    conn: Connection,
    *,
    at: datetime,
    actor_id: int | None,
    action: str,
    case_id: int | None,
    data: Mapping[str, object],
) -> AuditEntry:
    """Append one entry inside the caller's transaction (call ``lock_chain`` first or not)."""
    seq, prev_hash = lock_chain(conn)
    seq += 1
    payload = _canonical(
        {
            "seq": seq,
            "at": at.isoformat(),
            "actor_id": actor_id,
            "action": action,
            "case_id": case_id,
            "data": dict(data),
        }
    )
    digest = _chain_hash(prev_hash, payload)
    conn.execute(
        audit_table.insert().values(
            seq=seq,
            at=at,
            actor_id=actor_id,
            action=action,
            case_id=case_id,
            payload=payload,
            prev_hash=prev_hash,
            hash=digest,
        )
    )
    conn.execute(
        update(audit_head_table).where(audit_head_table.c.id == 1).values(seq=seq, hash=digest)
    )
    return AuditEntry(
        seq=seq, at=at, actor_id=actor_id, action=action, case_id=case_id, data=data, hash=digest
    )


def case_events(conn: Connection, *, case_id: int) -> list[AuditEntry]:
    """Every entry about ``case_id``, oldest first: the case's history."""
    rows = conn.execute(
        select(audit_table).where(audit_table.c.case_id == case_id).order_by(audit_table.c.seq)
    ).all()
    return [
        AuditEntry(
            seq=row.seq,
            at=row.at,
            actor_id=row.actor_id,
            action=row.action,
            case_id=row.case_id,
            data=json.loads(row.payload)["data"],
            hash=row.hash,
        )
        for row in rows
    ]


def verify_chain(*, store: SqlStore) -> AuditVerification:
    """Check every entry's hash, its link to the one before, and the head; list what is wrong."""
    problems: list[str] = []
    with store.reading("read the audit log") as conn:
        head = conn.execute(
            select(audit_head_table.c.seq, audit_head_table.c.hash).where(
                audit_head_table.c.id == 1
            )
        ).first()
        rows = conn.execute(select(audit_table).order_by(audit_table.c.seq)).all()
    expected_seq, prev_hash = 1, GENESIS
    for row in rows:
        if row.seq != expected_seq:
            problems.append(
                f"entry {expected_seq}"
                + (f"..{row.seq - 1}" if row.seq - 1 > expected_seq else "")
                + f" is missing (the next entry is {row.seq}): entries were deleted"
            )
        if row.prev_hash != prev_hash:
            problems.append(
                f"entry {row.seq} does not link to the entry before it "
                "(an entry before it was altered or deleted)"
            )
        if _chain_hash(row.prev_hash, row.payload) != row.hash:
            problems.append(f"entry {row.seq} was altered: its hash does not match its content")
        else:
            try:
                payload = json.loads(row.payload)
            except ValueError:  # pragma: no cover - a matching hash over broken JSON
                payload = {}
            recorded = (payload.get("seq"), payload.get("action"), payload.get("case_id"))
            if recorded != (row.seq, row.action, row.case_id) or payload.get("actor_id") != (
                row.actor_id
            ):
                problems.append(f"entry {row.seq} was altered: its columns contradict its payload")
        expected_seq, prev_hash = row.seq + 1, row.hash
    last_seq = rows[-1].seq if rows else 0
    if head is None:
        problems.append("the audit head is missing: the log's end cannot be checked")
    elif (head.seq, head.hash) != (last_seq, prev_hash):
        problems.append(
            f"the log ends at entry {last_seq} but the head records entry {head.seq}: "
            "entries at the end were deleted or the head was altered"
        )
    return AuditVerification(entries=len(rows), problems=tuple(problems))
