"""The evidence bundle of a case: JSON for the record and a printable HTML page.

The bundle carries every message's text with its sha256 (recomputed when the bundle is made,
so ``sha256_matches`` shows the text is what was reported), the assessments, the reports, the
decisions and the case's audit history with each entry's chain hash. ``bundle_sha256`` is the
sha256 of the canonical JSON of the rest, so a printed copy can be checked against the file.
Reporters are named only in an admin's bundle.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final

from dignity.cases.audit import case_events
from dignity.cases.lookup import load_case
from dignity.cases.reports import reports_for
from dignity.cases.triage import require_moderator
from dignity.cases.users import names
from dignity.cases.values import Case, Role, User
from dignity.store.sql import SqlStore

BUNDLE_FORMAT: Final = "dignity.evidence.v1"
_HIDDEN: Final = "(reporter, hidden)"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def case_summary(found: Case) -> dict[str, object]:
    """The case's fields as JSON-ready values (messages apart)."""
    return {
        "id": found.id,
        "kind": found.kind,
        "status": found.status.value,
        "subject_account": found.subject_account,
        "action": found.action,
        "severity": found.severity,
        "routes": list(found.routes),
        "categories": list(found.categories),
        "report_count": found.report_count,
        "opened_at": _iso(found.opened_at),
        "assigned_to": found.assigned_to,
        "decided_at": _iso(found.decided_at),
        "decided_by": found.decided_by,
        "outcome": found.outcome,
        "sanction": found.sanction,
        "clauses": list(found.clauses),
        "reasons": found.reasons,
        "appeal_deadline": _iso(found.appeal_deadline),
        "appealed_at": _iso(found.appealed_at),
        "appeal_reason": found.appeal_reason,
        "appeal_decided_at": _iso(found.appeal_decided_at),
        "appeal_decided_by": found.appeal_decided_by,
        "appeal_outcome": found.appeal_outcome,
        "appeal_sanction": found.appeal_sanction,
        "appeal_reasons": found.appeal_reasons,
        "closed_at": _iso(found.closed_at),
    }


def evidence_bundle(*, store: SqlStore, case_id: int, viewer: User) -> dict[str, Any]:
    """The case's evidence bundle as a JSON-ready dict."""
    require_moderator(viewer, "export evidence bundles")
    admin = viewer.role is Role.ADMIN
    with store.reading("export the evidence bundle") as conn:
        found = load_case(conn, case_id)
        events = case_events(conn, case_id=case_id)
        actors = names(conn, {e.actor_id for e in events if e.actor_id is not None})
    reports = reports_for(store=store, viewer=viewer, case_id=case_id)
    history = []
    for event in events:
        actor: str | None = None if event.actor_id is None else actors.get(event.actor_id)
        if event.action == "report.submitted" and not admin:
            actor = _HIDDEN
        history.append(
            {
                "seq": event.seq,
                "at": event.at.isoformat(),
                "action": event.action,
                "actor": actor,
                "data": dict(event.data),
                "hash": event.hash,
            }
        )
    body: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "generated_at": datetime.now(UTC).isoformat(),
        "generated_for": viewer.name,
        "case": case_summary(found),
        "messages": [
            {
                "message_id": m.message_id,
                "platform": m.platform,
                "url": m.url,
                "author": m.author,
                "created_at": _iso(m.created_at),
                "text": m.text,
                "text_sha256": m.text_sha256,
                "sha256_matches": sha256_text(m.text) == m.text_sha256,
                "assessment": dict(m.assessment),
            }
            for m in found.messages
        ],
        "reports": [
            {
                "id": r.id,
                "created_at": r.created_at.isoformat(),
                "message_id": r.message_id,
                "account": r.account,
                "reason": r.reason,
                "reporter": r.reporter if admin else None,
            }
            for r in reports
        ],
        "history": history,
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    body["bundle_sha256"] = sha256_text(canonical)
    return body


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def render_html(bundle: Mapping[str, Any]) -> str:
    """A self-contained, printable HTML page of an evidence bundle."""
    case = bundle["case"]
    rows = "".join(
        f"<tr><th>{_e(k.replace('_', ' '))}</th>"
        f"<td>{_e(', '.join(v) if isinstance(v, list) else v)}</td></tr>"
        for k, v in case.items()
        if v not in (None, [], "")
    )
    messages = []
    for m in bundle["messages"]:
        clauses = "".join(
            f"<li><b>{_e(c.get('id'))}</b> — {_e(c.get('title'))}: "
            + ", ".join(f"“{_e(s.get('quote'))}”" for s in c.get("evidence", []))
            + "</li>"
            for c in m["assessment"].get("clauses", [])
        )
        messages.append(
            f"<section class='message'><h3>Message {_e(m['message_id'])}</h3>"
            f"<p class='meta'>{_e(m['platform'])} {_e(m['url'])} by {_e(m['author'])} "
            f"at {_e(m['created_at'])}</p><blockquote>{_e(m['text'])}</blockquote>"
            f"<p class='hash'>sha256 {_e(m['text_sha256'])} "
            f"({'matches' if m['sha256_matches'] else 'DOES NOT MATCH'} the text)</p>"
            f"<ul>{clauses}</ul></section>"
        )
    reports = "".join(
        f"<tr><td>{_e(r['id'])}</td><td>{_e(r['created_at'])}</td><td>{_e(r['reason'])}</td>"
        f"<td>{_e(r['reporter'] or 'hidden')}</td></tr>"
        for r in bundle["reports"]
    )
    history = "".join(
        f"<tr><td>{_e(h['seq'])}</td><td>{_e(h['at'])}</td><td>{_e(h['action'])}</td>"
        f"<td>{_e(h['actor'])}</td><td class='hash'>{_e(h['hash'])}</td></tr>"
        for h in bundle["history"]
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Evidence bundle — case {_e(case["id"])}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 50em; margin: 2em auto; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid #999;
padding: .25em .5em; text-align: left; vertical-align: top; }}
blockquote {{ border-left: 4px solid #444; margin: 0; padding: .5em 1em; white-space: pre-wrap; }}
.hash {{ font-family: monospace; font-size: .8em; word-break: break-all; }}
@media print {{ section {{ page-break-inside: avoid; }} }}
</style></head><body>
<h1>Evidence bundle — case {_e(case["id"])}</h1>
<p>Generated {_e(bundle["generated_at"])} for {_e(bundle["generated_for"])}
({_e(bundle["format"])}). Bundle sha256 <span class="hash">{_e(bundle["bundle_sha256"])}</span></p>
<h2>Case</h2><table>{rows}</table>
<h2>Messages</h2>{"".join(messages) or "<p>None (an account report).</p>"}
<h2>Reports</h2><table><tr><th>id</th><th>at</th><th>reason</th><th>reporter</th></tr>{reports}</table>
<h2>History (audit log)</h2><table><tr><th>seq</th><th>at</th><th>action</th><th>by</th>
<th>chain hash</th></tr>{history}</table>
</body></html>
"""
