"""The engine facade: building from a policy, plugins, coverage, assessing text."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from dignity import Action, Dignity, Finding, Message, Span
from dignity.detectors import registry
from dignity.detectors.base import detect_many
from dignity.errors import DetectorError, UnknownDetectorError
from dignity.policy.loader import default_policy_text


class ShoutingDetector:
    """A third-party style plugin: flags text written entirely in capitals as trolling."""

    name: ClassVar[str] = "acme.shouting.v1"
    categories: ClassVar[frozenset[str]] = frozenset({"trolling"})

    def __init__(self, *, min_letters: int = 8) -> None:
        self.min_letters = min_letters
        self.loaded = False

    def load(self) -> None:
        self.loaded = True

    def detect(self, message: Message) -> Sequence[Finding]:
        letters = [c for c in message.text if c.isalpha()]
        if len(letters) < self.min_letters or not all(c.isupper() for c in letters):
            return ()
        span = Span.of(message.text, 0, len(message.text))
        return (
            Finding(
                category="trolling",
                score=0.9,
                detector=self.name,
                label="shouting",
                rationale="The whole message is in capitals.",
                spans=(span,),
            ),
        )


def _policy_with_detectors(tmp_path: Path, detectors: list[dict[str, object]]) -> Path:
    data = yaml.safe_load(default_policy_text())
    data["detectors"] = detectors
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data), "utf-8")
    return path


@pytest.fixture
def shouting() -> Iterator[None]:
    registry.register(ShoutingDetector)
    yield
    registry.unregister(ShoutingDetector.name)


@pytest.mark.usefixtures("shouting")
def test_a_registered_plugin_runs_with_its_policy_options(tmp_path: Path) -> None:
    path = _policy_with_detectors(
        tmp_path, [{"name": "acme.shouting.v1", "options": {"min_letters": 3}}]
    )
    engine = Dignity.from_policy(path)
    (detector,) = engine.detectors
    assert isinstance(detector, ShoutingDetector)
    assert detector.min_letters == 3
    assert not detector.loaded, "building an engine must not load detectors"
    assessment = engine.assess("STOP THIS NOW")
    assert detector.loaded
    assert assessment.breach
    assert [c.clause_id for c in assessment.clauses] == ["nec.trolling"]
    assert engine.coverage().uncovered["nec.personal-abuse"] == ("personal_attack",)


@pytest.mark.usefixtures("shouting")
def test_a_plugin_registered_in_process_is_not_sent_to_workers(tmp_path: Path) -> None:
    """Workers see entry points only: detection stays in this process rather than running
    without the plugin, and a detection pool, which could not, is refused."""
    assert registry.portable("dignity.pii.v1")
    assert not registry.portable(ShoutingDetector.name)
    path = _policy_with_detectors(
        tmp_path, [{"name": "acme.shouting.v1"}, {"name": "dignity.pii.v1"}]
    )
    engine = Dignity.from_policy(path)
    assert not engine.portable()
    messages = [Message(id=f"m{i}", text="STOP SHOUTING AT ME") for i in range(5)]
    found = list(engine.findings_many(messages, workers=2))
    assert [f.category for _, fs in found for f in fs] == ["trolling"] * 5
    assert not multiprocessing.active_children()
    with pytest.raises(DetectorError, match=r"acme\.shouting\.v1.*entry points"):
        engine.pool(2)


def test_a_builtin_replaced_in_process_is_not_portable() -> None:
    original = registry.get("dignity.pii.v1")
    try:
        registry.register(type("Replacement", (original,), {}))
        assert not registry.portable("dignity.pii.v1")
    finally:
        registry.register(original)
    assert registry.portable("dignity.pii.v1")


def test_a_policy_naming_an_unknown_detector_is_refused(tmp_path: Path) -> None:
    path = _policy_with_detectors(tmp_path, [{"name": "acme.missing.v2"}])
    with pytest.raises(UnknownDetectorError, match=r"acme\.missing\.v2"):
        Dignity.from_policy(path)


def test_bad_detector_options_are_refused(tmp_path: Path) -> None:
    path = _policy_with_detectors(tmp_path, [{"name": "dignity.pii.v1", "options": {"x": 1}}])
    with pytest.raises(UnknownDetectorError, match="does not accept these options"):
        Dignity.from_policy(path)


def test_default_engine_covers_every_message_clause(engine: Dignity) -> None:
    uncovered = engine.coverage().uncovered
    message_clauses = {c.id for c in engine.policy.clauses if c.scope.value == "message"}
    assert not message_clauses & set(uncovered)


def test_assess_many_is_lazy_and_ordered(engine: Dignity) -> None:
    messages = (Message(id=str(i), text=f"point number {i} about the budget") for i in range(50))
    results = engine.assess_many(messages)
    first = next(results)
    assert first.message_id == "0"
    assert [a.message_id for a in results] == [str(i) for i in range(1, 50)]


def test_assess_accepts_a_bare_string(engine: Dignity) -> None:
    assessment = engine.assess("The chancellor's budget is economically illiterate.")
    assert assessment.action is Action.ALLOW
    assert assessment.policy_id == "nec-social-media"


def test_parallel_detection_matches_one_process(engine: Dignity) -> None:
    texts = [
        "you are a pathetic idiot",
        "the rail motion is a sensible compromise",
        "ring her on 07700 900123",
        "",
        "watch your back",
    ] * 120
    messages = [Message(id=f"m{i}", text=t) for i, t in enumerate(texts)]
    alone = list(engine.findings_many(messages))
    together = list(engine.findings_many(iter(messages), workers=2, chunk_size=37))
    assert [m.id for m, _ in together] == [m.id for m in messages]
    assert together == alone


def test_a_batch_finds_what_one_message_at_a_time_finds(engine: Dignity) -> None:
    texts = [
        "It's simply untrue that gay men are lazy.",  # doubtful: the transformer reads it
        "Lovely weather for the canvass in Hove today.",  # clear: it does not
        "",
        "   ",
        "I live with two women.",
        "You are a pathetic useless idiot, I know where you live",
        "ring her on 07700 900123",
        "Trans women are women. End of.",
    ]
    messages = [Message(id=f"m{i}", text=t) for i, t in enumerate(texts)]
    one_at_a_time = [engine.findings(m) for m in messages]
    assert engine.findings_batch(messages) == one_at_a_time
    assert engine.findings_batch(messages[::-1]) == one_at_a_time[::-1]
    assert any(one_at_a_time)
    assert one_at_a_time[2] == one_at_a_time[3] == ()


class MiscountingDetector(ShoutingDetector):
    name: ClassVar[str] = "acme.miscounting.v1"

    def detect_many(self, messages: Sequence[Message]) -> list[Sequence[Finding]]:
        return [self.detect(m) for m in messages[1:]]


def test_a_detector_without_a_batch_path_runs_one_message_at_a_time() -> None:
    messages = [Message(id="a", text="STOP POSTING THIS NONSENSE"), Message(id="b", text="ok")]
    found = detect_many(ShoutingDetector(), messages)
    assert [len(f) for f in found] == [1, 0]
    with pytest.raises(RuntimeError, match=r"acme\.miscounting\.v1 returned 1 results for 2"):
        detect_many(MiscountingDetector(), messages)


def test_detection_pool_assesses_like_the_engine_and_survives_a_killed_worker() -> None:
    engine = Dignity.from_policy().load()
    message = Message(id="m1", text="Your housing policy is wrong, you pathetic idiot.")
    expected = engine.assess(message)
    pool = engine.pool(1).start()
    try:
        assert asyncio.run(pool.assess(message)) == expected
        workers = multiprocessing.active_children()
        assert workers
        for worker in workers:
            os.kill(worker.pid or 0, signal.SIGKILL)
            worker.join(timeout=10)
        assert asyncio.run(pool.assess(message)) == expected
        assert pool.restarts == 1
    finally:
        pool.close()


def test_detection_pool_needs_a_worker() -> None:
    with pytest.raises(ValueError, match="at least one worker"):
        Dignity.from_policy().pool(0)
