"""The decision layer: thresholds, clause engagement, actions, explanations, determinism."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dignity.decision import decide
from dignity.model import Action, Finding, Message, Span
from dignity.policy.loader import LoadedPolicy, default_policy

TEXT = "you are a pathetic idiot and I know where you live"
MESSAGE = Message(id="m1", text=TEXT)


def _finding(category: str, score: float, word: str, **kw: object) -> Finding:
    start = TEXT.index(word)
    return Finding(
        category=category,
        score=score,
        detector="test.v1",
        label=str(kw.get("label", "test")),
        rationale="because",
        spans=(Span.of(TEXT, start, start + len(word)),),
        targets=tuple(kw.get("targets", ())),  # type: ignore[arg-type]
    )


def test_no_findings_allows_and_scores_every_category(loaded_policy: LoadedPolicy) -> None:
    assessment = decide(MESSAGE, [], loaded_policy.policy)
    assert not assessment.breach
    assert assessment.action is Action.ALLOW
    assert set(assessment.scores) == set(loaded_policy.policy.category_ids)
    assert all(v == 0.0 for v in assessment.scores.values())
    assert assessment.clauses == ()
    assert assessment.nudge is None


def test_below_threshold_is_scored_but_not_decided(loaded_policy: LoadedPolicy) -> None:
    assessment = decide(MESSAGE, [_finding("personal_attack", 0.49, "idiot")], loaded_policy.policy)
    assert assessment.scores["personal_attack"] == 0.49
    assert assessment.categories == ()
    assert not assessment.breach


def test_personal_attack_engages_its_clause_with_evidence(loaded_policy: LoadedPolicy) -> None:
    findings = [
        _finding("personal_attack", 0.8, "pathetic"),
        _finding("personal_attack", 0.7, "idiot"),
    ]
    assessment = decide(MESSAGE, findings, loaded_policy.policy)
    assert assessment.breach
    assert assessment.action is Action.REVIEW
    assert assessment.categories == ("personal_attack",)
    (clause,) = assessment.clauses
    assert clause.clause_id == "nec.personal-abuse"
    assert clause.confidence == 0.8
    assert [s.quote for s in clause.evidence] == ["pathetic", "idiot"]
    assert "“pathetic”, “idiot”" in clause.explanation
    assert "nec.personal-abuse" in clause.explanation
    assert assessment.nudge is not None
    assert "drop the insult" in assessment.nudge


def test_the_most_serious_action_wins(loaded_policy: LoadedPolicy) -> None:
    findings = [
        _finding("personal_attack", 0.9, "idiot"),
        _finding("threat", 0.6, "I know where you live"),
    ]
    assessment = decide(MESSAGE, findings, loaded_policy.policy)
    assert assessment.action is Action.URGENT
    assert [c.clause_id for c in assessment.clauses] == [
        "nec.harassment-and-intimidation",
        "nec.personal-abuse",
    ]


def test_guidance_nudges_without_a_breach(loaded_policy: LoadedPolicy) -> None:
    assessment = decide(
        MESSAGE, [_finding("derogatory_description", 0.7, "pathetic")], loaded_policy.policy
    )
    assert not assessment.breach
    assert assessment.action is Action.NUDGE
    assert assessment.clauses[0].kind == "guides"


def test_profanity_alone_is_noted_but_never_a_breach(loaded_policy: LoadedPolicy) -> None:
    assessment = decide(MESSAGE, [_finding("profanity", 0.95, "idiot")], loaded_policy.policy)
    assert assessment.categories == ("profanity",)
    assert not assessment.breach
    assert assessment.action is Action.ALLOW


def test_identity_targets_are_named(loaded_policy: LoadedPolicy) -> None:
    finding = _finding("identity_attack", 0.9, "idiot", targets=("sexual_orientation",))
    assessment = decide(MESSAGE, [finding], loaded_policy.policy)
    assert "Targets: sexual orientation." in assessment.clauses[0].explanation


def test_findings_of_unknown_categories_are_ignored(loaded_policy: LoadedPolicy) -> None:
    assessment = decide(MESSAGE, [_finding("made_up", 1.0, "idiot")], loaded_policy.policy)
    assert "made_up" not in assessment.scores
    assert not assessment.breach


CATEGORIES = default_policy().policy.category_ids


@given(
    st.lists(
        st.tuples(
            st.sampled_from(CATEGORIES),
            st.floats(min_value=0.0, max_value=1.0),
            st.integers(min_value=0, max_value=len(TEXT)),
            st.integers(min_value=0, max_value=len(TEXT)),
        ),
        max_size=8,
    )
)
def test_decisions_are_deterministic_and_consistent(raw: list[tuple[str, float, int, int]]) -> None:
    policy = default_policy().policy
    findings = [
        Finding(
            category=c,
            score=s,
            detector="test.v1",
            label="x",
            rationale="y",
            spans=(Span.of(TEXT, min(a, b), max(a, b)),),
        )
        for c, s, a, b in raw
    ]
    first = decide(MESSAGE, findings, policy)
    assert first == decide(MESSAGE, findings, policy)
    assert all(0.0 <= v <= 1.0 for v in first.scores.values())
    assert first.breach == any(c.kind == "forbids" for c in first.clauses)
    assert (first.action is Action.ALLOW) == (not first.clauses)
    for clause in first.clauses:
        for span in clause.evidence:
            assert TEXT[span.start : span.end] == span.quote
        assert set(clause.categories) <= set(first.categories)


def test_behaviour_evidence_and_anonymous_escalation(loaded_policy: LoadedPolicy) -> None:
    anonymous = Finding(
        category="anonymous_abuse",
        score=0.9,
        detector="test.v1",
        label="anonymous",
        rationale="An anonymous account abusing others.",
        message_ids=("m0", "m1"),
    )
    attack = _finding("personal_attack", 0.8, "idiot")
    alone = decide(MESSAGE, [attack], loaded_policy.policy)
    both = decide(MESSAGE, [attack, anonymous], loaded_policy.policy)
    assert alone.action is Action.REVIEW
    assert both.action is Action.URGENT, "anonymous abuse is raised one step"
    (anon,) = [c for c in both.clauses if c.clause_id == "nec.anonymous-abuse"]
    assert anon.message_ids == ("m0", "m1")
    assert anon.evidence == ()
