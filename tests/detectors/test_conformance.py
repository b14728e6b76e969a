"""``check_detector``: the contract every registered detector passes, built-in or plugin."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dignity.detectors import registry
from dignity.detectors.base import Detector
from dignity.detectors.behaviour.base import ConversationDetector
from dignity.model import Action, Assessment, BehaviourFinding, Finding, Message
from dignity.policy.loader import default_policy

ALL_NAMES = sorted(registry.available())
NAMES = [n for n in ALL_NAMES if not isinstance(registry.create(n), ConversationDetector)]
CONVERSATION_NAMES = [n for n in ALL_NAMES if n not in NAMES]
SAMPLES = [
    "",
    " ",
    "👍",
    "Your housing policy is a disgrace",
    "you are a pathetic idiot and I know where you live, 14 Acacia Avenue",
    "\u200b\u202e\ufeffmixed\u0301 text",
    "x" * 200_000,
]


def check_findings(
    detector: Detector | ConversationDetector, message: Message, findings: Sequence[Finding]
) -> None:
    assert isinstance(findings, tuple)
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.detector == detector.name
        assert finding.category in detector.categories
        assert 0.0 <= finding.score <= 1.0
        assert finding.rationale.strip()
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= len(message.text)
            assert message.text[span.start : span.end] == span.quote


@pytest.fixture(scope="module", params=NAMES)
def detector(request: pytest.FixtureRequest) -> Detector:
    created = registry.create(request.param)
    created.load()
    return created


def test_the_built_ins_are_registered_through_entry_points() -> None:
    assert {"dignity.pii.v1", "dignity.lexicon.v1"} <= set(NAMES)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_construction_is_cheap_and_declares_known_categories(name: str) -> None:
    factory = registry.get(name)
    assert factory.name == name
    assert name.rsplit(".", 1)[-1].startswith("v"), "registry names carry a version"
    assert factory.categories
    assert factory.categories <= set(default_policy().policy.category_ids)
    created = factory()
    assert isinstance(created, Detector | ConversationDetector)


@pytest.mark.parametrize("text", SAMPLES, ids=lambda t: repr(t[:20]))
def test_detect_has_one_shape_for_any_input(detector: Detector, text: str) -> None:
    message = Message(id="m", text=text)
    findings = detector.detect(message)
    check_findings(detector, message, findings)
    assert detector.detect(message) == findings


def test_load_is_idempotent(detector: Detector) -> None:
    message = Message(id="m", text="you absolute idiot, call 07700 900123")
    before = detector.detect(message)
    detector.load()
    assert detector.detect(message) == before


# no deadline: the first text starts the transformer's session, and speed lives in benchmarks/
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=300))
def test_any_text_keeps_the_contract(detector: Detector, text: str) -> None:
    message = Message(id="m", text=text)
    check_findings(detector, message, detector.detect(message))


def test_unknown_detector_names_the_registered_ones() -> None:
    from dignity.errors import UnknownDetectorError

    with pytest.raises(UnknownDetectorError, match=r"dignity\.pii\.v1"):
        registry.get("dignity.nope.v9")


def _assessment(message: Message, breach: bool) -> Assessment:
    policy = default_policy().policy
    scores = dict.fromkeys(policy.category_ids, 0.0)
    if breach:
        scores["personal_attack"] = 0.9
    return Assessment(
        message_id=message.id,
        breach=breach,
        action=Action.REVIEW if breach else Action.ALLOW,
        categories=("personal_attack",) if breach else (),
        scores=scores,
    )


@st.composite
def conversations(draw: st.DrawFn) -> list[tuple[Message, bool]]:
    authors = st.sampled_from(["ann", "bob", "cat", "dan", None])
    count = draw(st.integers(min_value=0, max_value=40))
    out = []
    for i in range(count):
        author = draw(authors)
        out.append(
            (
                Message(
                    id=f"m{i}",
                    text=draw(st.text(max_size=80)),
                    author=author,
                    author_anonymous=draw(st.none() | st.booleans()),
                    reply_to=draw(st.none() | st.sampled_from([f"m{j}" for j in range(i)] or [""])),
                    mentions=tuple(
                        draw(st.lists(st.sampled_from(["ann", "bob", "cat"]), max_size=3))
                    ),
                    shares=draw(st.none() | st.sampled_from([f"m{j}" for j in range(i)] or [""])),
                ),
                draw(st.booleans()),
            )
        )
    return out


@pytest.mark.parametrize("name", CONVERSATION_NAMES)
@settings(max_examples=40, deadline=None)
@given(conversation=conversations())
def test_conversation_detectors_keep_the_contract(
    name: str, conversation: list[tuple[Message, bool]]
) -> None:
    detector = registry.create(name)
    assert isinstance(detector, ConversationDetector)
    detector.load()
    seen: list[str] = []
    for message, breach in conversation:
        seen.append(message.id)
        findings = detector.observe(message, _assessment(message, breach))
        check_findings(detector, message, findings)
        for finding in findings:
            assert set(finding.message_ids) <= set(seen), "evidence is messages already seen"
    for pattern in detector.patterns():
        assert isinstance(pattern, BehaviourFinding)
        assert pattern.detector == detector.name
        assert pattern.category in detector.categories
        assert set(pattern.message_ids) <= set(seen)
        assert pattern.rationale.strip()
