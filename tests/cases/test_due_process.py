"""Reports join cases, triage orders them, decisions and appeals follow due process."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from dignity.cases import (
    AppealOutcome,
    CaseStatus,
    Limits,
    Outcome,
    ReportedMessage,
    User,
    appeal_case,
    assign_case,
    cases_about,
    decide_appeal,
    decide_case,
    get_case,
    reports_for,
    route_export,
    routes_for,
    submit_report,
    triage_queue,
    verify_chain,
)
from dignity.engine import Dignity
from dignity.errors import (
    InvalidTransitionError,
    PermissionDeniedError,
    RateLimitedError,
    ServiceInputError,
)
from dignity.model import Message
from dignity.store import SqlStore

LIMITS = Limits()
THREAT = ReportedMessage(
    id="tw-1",
    text="I will kill you, I know where you live",
    author="@bob",
    platform="twitter",
    url="https://twitter.example/bob/1",
)
INSULT = ReportedMessage(id="tw-2", text="you pathetic idiot", author="@bob")
FINE = ReportedMessage(id="tw-3", text="I disagree with the housing vote", author="@carol")


def _report(
    store: SqlStore, engine: Dignity, reporter: User, message: ReportedMessage, **kw: object
) -> int:
    receipt = submit_report(
        store=store,
        engine=engine,
        reporter=reporter,
        reason="abuse",
        message=message,
        limits=kw.pop("limits", LIMITS),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )
    return receipt.case_id


def test_duplicate_reports_join_one_case(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    first = submit_report(
        store=store,
        engine=engine,
        reporter=people["alice"],
        reason="threat",
        message=THREAT,
        limits=LIMITS,
    )
    second = submit_report(
        store=store,
        engine=engine,
        reporter=people["mod1"],
        reason="threat too",
        message=THREAT,
        limits=LIMITS,
    )
    assert second.case_id == first.case_id
    assert (first.joined_existing_case, second.joined_existing_case) == (False, True)
    case = get_case(store=store, case_id=first.case_id, viewer=people["mod1"])
    assert case.report_count == 2
    assert case.messages[0].text_sha256 == (
        "16dc43202f37380dbd00ac76f4a7ef622418b09c1f83dda347c08c391529717c"
    )


def test_account_reports_join_the_open_case(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    ids = {
        submit_report(
            store=store,
            engine=engine,
            reporter=people[who],
            reason="keeps messaging",
            account="@bob",
            limits=LIMITS,
        ).case_id
        for who in ("alice", "mod1")
    }
    assert len(ids) == 1


def test_triage_puts_credible_threats_first_and_marks_police(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    fine = _report(store, engine, people["alice"], FINE)
    insult = _report(store, engine, people["alice"], INSULT)
    threat = _report(store, engine, people["alice"], THREAT)
    queue = triage_queue(store=store, actor=people["mod1"])
    assert [c.id for c in queue] == [threat, insult, fine]
    assert queue[0].action == "urgent"
    assert "police" in queue[0].routes
    assert "police" not in queue[1].routes
    with pytest.raises(PermissionDeniedError):
        triage_queue(store=store, actor=people["alice"])


def test_police_route_needs_words_that_threaten(engine: Dignity) -> None:
    """A threat score the models reach from the whole sentence goes to moderators, not to the
    police: the police route asks for a threatening phrase the finding can point at."""
    policy = engine.policy
    phrase = engine.assess(Message(id="t", text=THREAT.text))
    assert any(f.category == "threat" and f.label == "threat_phrase" for f in phrase.findings)
    assert "police" in routes_for(policy=policy, assessment=phrase)
    # the same scores, with the threat read by the models alone
    sentence = replace(
        phrase,
        findings=tuple(
            replace(f, label="threat") if f.category == "threat" else f for f in phrase.findings
        ),
    )
    routes = routes_for(policy=policy, assessment=sentence)
    assert "police" not in routes
    assert {"organisation", "platform"} <= set(routes)


def test_platform_export_names_message_clause_and_evidence(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    _report(store, engine, people["alice"], THREAT)
    _report(store, engine, people["alice"], FINE)
    rows = route_export(
        store=store, policy=engine.policy, actor=people["mod1"], route_id="platform"
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["message_id"] == "tw-1"
    assert row["message_url"] == THREAT.url
    assert row["clauses"] == ["nec.harassment-and-intimidation"]
    assert "I will kill you" in row["evidence"]  # type: ignore[operator]
    assert "reporter" not in row


def test_rate_limit_refuses_flooding_with_a_retry_after(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    limits = Limits(reports_per_window=3, report_window=timedelta(seconds=60))
    now = datetime(2024, 6, 1, 12, tzinfo=UTC)
    for i in range(3):
        submit_report(
            store=store,
            engine=engine,
            reporter=people["alice"],
            reason="spam",
            account=f"@x{i}",
            limits=limits,
            now=now + timedelta(seconds=i),
        )
    with pytest.raises(RateLimitedError) as refused:
        submit_report(
            store=store,
            engine=engine,
            reporter=people["alice"],
            reason="spam",
            account="@y",
            limits=limits,
            now=now + timedelta(seconds=10),
        )
    assert refused.value.http_status == 429
    assert 1 <= refused.value.retry_after <= 51
    # Another reporter is not limited by alice's reports; alice may report once the window moves.
    submit_report(
        store=store,
        engine=engine,
        reporter=people["mod1"],
        reason="spam",
        account="@y",
        limits=limits,
        now=now + timedelta(seconds=10),
    )
    submit_report(
        store=store,
        engine=engine,
        reporter=people["alice"],
        reason="spam",
        account="@y",
        limits=limits,
        now=now + timedelta(seconds=61),
    )


def test_first_offence_is_education_then_the_ladder_climbs(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    first = _report(store, engine, people["alice"], INSULT)
    decided = decide_case(
        store=store,
        policy=engine.policy,
        case_id=first,
        actor=people["mod1"],
        outcome=Outcome.BREACH,
        clauses=["nec.personal-abuse"],
        reasons="an insult",
        limits=LIMITS,
    )
    assert decided.sanction == "education"
    assert decided.assigned_to == "mod1"
    assert decided.appeal_deadline is not None
    second = _report(store, engine, people["alice"], THREAT)
    decided = decide_case(
        store=store,
        policy=engine.policy,
        case_id=second,
        actor=people["mod1"],
        outcome=Outcome.BREACH,
        clauses=["nec.harassment-and-intimidation"],
        reasons="a threat",
        limits=LIMITS,
    )
    assert decided.sanction == "warning"
    about_bob = cases_about(store=store, member=people["bob"])
    assert {c.id for c in about_bob} == {first, second}
    assert all(c.reasons for c in about_bob)


def test_transitions_are_checked(store: SqlStore, engine: Dignity, people: dict[str, User]) -> None:
    case_id = _report(store, engine, people["alice"], INSULT)
    with pytest.raises(PermissionDeniedError):
        decide_case(
            store=store,
            policy=engine.policy,
            case_id=case_id,
            actor=people["alice"],
            outcome=Outcome.BREACH,
            clauses=["nec.personal-abuse"],
            reasons="x",
            limits=LIMITS,
        )
    with pytest.raises(ServiceInputError, match="cannot be cited"):
        decide_case(
            store=store,
            policy=engine.policy,
            case_id=case_id,
            actor=people["mod1"],
            outcome=Outcome.BREACH,
            clauses=["nec.no-such-clause"],
            reasons="x",
            limits=LIMITS,
        )
    with pytest.raises(ServiceInputError, match="ladder"):
        decide_case(
            store=store,
            policy=engine.policy,
            case_id=case_id,
            actor=people["mod1"],
            outcome=Outcome.BREACH,
            clauses=["nec.personal-abuse"],
            sanction="exile",
            reasons="x",
            limits=LIMITS,
        )
    assign_case(store=store, case_id=case_id, moderator="mod2", actor=people["mod1"])
    with pytest.raises(PermissionDeniedError, match="assigned to mod2"):
        decide_case(
            store=store,
            policy=engine.policy,
            case_id=case_id,
            actor=people["mod1"],
            outcome=Outcome.BREACH,
            clauses=["nec.personal-abuse"],
            reasons="x",
            limits=LIMITS,
        )
    closed = decide_case(
        store=store,
        policy=engine.policy,
        case_id=case_id,
        actor=people["mod2"],
        outcome=Outcome.NO_BREACH,
        reasons="banter between friends",
        limits=LIMITS,
    )
    assert closed.status is CaseStatus.CLOSED
    with pytest.raises(InvalidTransitionError, match="closed"):
        decide_case(
            store=store,
            policy=engine.policy,
            case_id=case_id,
            actor=people["mod2"],
            outcome=Outcome.BREACH,
            clauses=["nec.personal-abuse"],
            reasons="x",
            limits=LIMITS,
        )
    with pytest.raises(InvalidTransitionError):
        assign_case(store=store, case_id=case_id, moderator="mod1", actor=people["mod1"])
    with pytest.raises(InvalidTransitionError):
        appeal_case(store=store, case_id=case_id, actor=people["bob"], reason="unfair")


def test_appeal_is_heard_by_a_different_moderator_within_the_deadline(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    case_id = _report(store, engine, people["alice"], INSULT)
    decided_at = datetime.now(UTC)
    decide_case(
        store=store,
        policy=engine.policy,
        case_id=case_id,
        actor=people["mod1"],
        outcome=Outcome.BREACH,
        clauses=["nec.personal-abuse"],
        reasons="an insult",
        limits=LIMITS,
        now=decided_at,
    )
    with pytest.raises(PermissionDeniedError, match="only the member"):
        appeal_case(store=store, case_id=case_id, actor=people["alice"], reason="x")
    with pytest.raises(InvalidTransitionError, match="deadline"):
        appeal_case(
            store=store,
            case_id=case_id,
            actor=people["bob"],
            reason="late",
            now=decided_at + LIMITS.appeal_window + timedelta(seconds=1),
        )
    with pytest.raises(InvalidTransitionError):
        decide_appeal(
            store=store,
            policy=engine.policy,
            case_id=case_id,
            actor=people["mod2"],
            outcome=AppealOutcome.UPHELD,
            reasons="not appealed yet",
        )
    appealed = appeal_case(store=store, case_id=case_id, actor=people["bob"], reason="context")
    assert appealed.status is CaseStatus.APPEALED
    with pytest.raises(InvalidTransitionError, match="once"):
        appeal_case(store=store, case_id=case_id, actor=people["bob"], reason="again")
    with pytest.raises(PermissionDeniedError, match="different moderator"):
        decide_appeal(
            store=store,
            policy=engine.policy,
            case_id=case_id,
            actor=people["mod1"],
            outcome=AppealOutcome.OVERTURNED,
            reasons="self-review",
        )
    heard = decide_appeal(
        store=store,
        policy=engine.policy,
        case_id=case_id,
        actor=people["mod2"],
        outcome=AppealOutcome.OVERTURNED,
        reasons="it was quoted to challenge it",
    )
    assert heard.status is CaseStatus.CLOSED
    assert heard.final_sanction is None
    assert heard.appeal_decided_by == "mod2"
    assert verify_chain(store=store).ok


def test_reporters_are_hidden_from_moderators_and_shown_to_admins(
    store: SqlStore, engine: Dignity, people: dict[str, User]
) -> None:
    case_id = _report(store, engine, people["alice"], INSULT)
    seen_by_mod = reports_for(store=store, viewer=people["mod1"], case_id=case_id)
    seen_by_admin = reports_for(store=store, viewer=people["root"], case_id=case_id)
    assert [r.reporter for r in seen_by_mod] == [None]
    assert [r.reporter for r in seen_by_admin] == ["alice"]
    assert [r.case_id for r in reports_for(store=store, viewer=people["alice"])] == [case_id]
    assert reports_for(store=store, viewer=people["bob"]) == []
    with pytest.raises(PermissionDeniedError):
        get_case(store=store, case_id=case_id, viewer=people["alice"])
    assert get_case(store=store, case_id=case_id, viewer=people["bob"]).id == case_id
