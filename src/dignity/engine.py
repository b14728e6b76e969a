"""The facade every interface calls: build from a policy, load, assess one message or many.

    engine = Dignity.from_policy().load()
    assessment = engine.assess("you are a pathetic idiot")

Constructing an engine is cheap (detectors are only created); ``load()`` does the heavy work.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Self

from dignity.decision import decide
from dignity.detectors import registry
from dignity.detectors.base import THREADS_ENV, Detector, detect_many
from dignity.detectors.behaviour.base import ConversationDetector
from dignity.errors import DetectorError
from dignity.model import Assessment, BehaviourFinding, Finding, Message
from dignity.policy.loader import LoadedPolicy, load_policy, parse_policy
from dignity.policy.schema import ClauseScope, Policy


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """Which detector produces each category, and which clauses nothing can yet detect."""

    producers: dict[str, tuple[str, ...]]
    uncovered: dict[str, tuple[str, ...]]
    """clause id -> its categories that no configured detector produces."""


class Dignity:
    """Assess messages against a code of conduct."""

    def __init__(
        self,
        loaded: LoadedPolicy,
        detectors: Sequence[Detector],
        conversation_detectors: Sequence[ConversationDetector] = (),
    ) -> None:
        self.loaded = loaded
        self.detectors = tuple(detectors)
        self.conversation_detectors = tuple(conversation_detectors)
        self._loaded = False

    @classmethod
    def from_policy(cls, policy: LoadedPolicy | str | Path | None = None) -> Dignity:
        """An engine for ``policy`` (a path, a loaded policy, or the default when None)."""
        loaded = policy if isinstance(policy, LoadedPolicy) else load_policy(policy)
        created = [_create(config.name, config.options) for config in loaded.policy.detectors]
        return cls(
            loaded,
            [d for d in created if not isinstance(d, ConversationDetector)],
            [d for d in created if isinstance(d, ConversationDetector)],
        )

    @property
    def policy(self) -> Policy:
        return self.loaded.policy

    @property
    def every_detector(self) -> tuple[Detector | ConversationDetector, ...]:
        """Message detectors then conversation detectors, in policy order within each."""
        return (*self.detectors, *self.conversation_detectors)

    def load(self) -> Self:
        """Load every detector's resources; safe to call more than once."""
        if not self._loaded:
            for detector in self.every_detector:
                detector.load()
            self._loaded = True
        return self

    def findings(self, message: Message) -> tuple[Finding, ...]:
        """Every detector's findings for ``message``, in detector order."""
        return self.findings_batch([message])[0]

    def findings_batch(self, messages: Sequence[Message]) -> list[tuple[Finding, ...]]:
        """Every detector's findings for each of ``messages``, in detector order; detectors with
        a batch path run once over all of them (the text cascade's transformer then runs its
        texts back to back)."""
        self.load()
        per_detector = [detect_many(detector, messages) for detector in self.detectors]
        return [tuple(f for found in per_detector for f in found[i]) for i in range(len(messages))]

    def assess(self, message: Message | str) -> Assessment:
        """The policy's decision on one message (a bare string is a message with id ``text``)."""
        if isinstance(message, str):
            message = Message(id="text", text=message)
        return decide(message, self.findings(message), self.policy)

    def assess_many(self, messages: Iterable[Message]) -> Iterator[Assessment]:
        """Assess a stream of messages lazily (a chunk at a time, :meth:`findings_many`), in
        order."""
        for message, found in self.findings_many(messages):
            yield decide(message, found, self.policy)

    def findings_many(
        self, messages: Iterable[Message], *, workers: int = 1, chunk_size: int = 64
    ) -> Iterator[tuple[Message, tuple[Finding, ...]]]:
        """Each message with its detectors' findings, in order, on ``workers`` processes.

        Text detection is the costly, independent part of a scan, so it can run beside the
        ordered work (behaviour, decision, storage) that stays in this process. At most
        ``4 * workers`` chunks are in flight, so memory stays bounded on any stream; chunks are
        small so that no worker idles long behind a slow one at the end of a file. Workers
        build their engine from the policy's text and the registered entry points, so when a
        detector was registered in this process only (``registry.register``) detection stays
        here, on one process, rather than running a different detector (see :meth:`portable`).
        Either way each chunk goes through :meth:`findings_batch`.
        """
        if workers <= 1 or not self.portable():
            source = iter(messages)
            while chunk := list(itertools.islice(source, chunk_size)):
                yield from zip(chunk, self.findings_batch(chunk), strict=True)
            return
        yield from _parallel_findings(self.loaded, messages, workers, chunk_size)

    def portable(self) -> bool:
        """Whether worker processes, which build their engine from the policy's text, would
        get the same message detectors as this one (every one comes from an entry point)."""
        return all(registry.portable(detector.name) for detector in self.detectors)

    def pool(self, workers: int) -> DetectionPool:
        """Worker processes that assess one message a task, for a service's concurrent checks.

        Refused when the engine is not :meth:`portable`: the workers would detect with other
        detectors than the ones this engine was built with.
        """
        if not self.portable():
            names = [d.name for d in self.detectors if not registry.portable(d.name)]
            raise DetectorError(
                f"detectors {names} were registered in this process only, so worker processes "
                "cannot build them; publish them as dignity.detectors entry points or run "
                "without detection workers"
            )
        return DetectionPool(self.loaded, workers)

    def conversation(self) -> ConversationScan:
        """A fresh conversation: messages in time order, judged alone and as behaviour.

        Only its own detectors are loaded here; the message detectors load on the first
        message detected in this process (a parallel scan detects on workers instead).
        """
        fresh = [
            _create(config.name, config.options)
            for config in self.policy.detectors
            if any(config.name == d.name for d in self.conversation_detectors)
        ]
        detectors = [d for d in fresh if isinstance(d, ConversationDetector)]
        for detector in detectors:
            detector.load()
        return ConversationScan(self, detectors)

    def coverage(self) -> Coverage:
        """Map categories to the detectors that produce them; list clauses left uncovered."""
        producers: dict[str, list[str]] = {c: [] for c in self.policy.category_ids}
        for detector in self.every_detector:
            for category in sorted(detector.categories):
                producers.setdefault(category, []).append(detector.name)
        uncovered = {
            clause.id: missing
            for clause in self.policy.clauses
            if clause.scope in {ClauseScope.MESSAGE, ClauseScope.BEHAVIOUR}
            and (missing := tuple(c for c in clause.categories if not producers.get(c)))
        }
        return Coverage(
            producers={k: tuple(v) for k, v in producers.items()},
            uncovered=uncovered,
        )


class ConversationScan:
    """One pass over a conversation, in time order, in bounded memory.

    Each message is assessed on its text, then every conversation detector observes it with
    that assessment; when they add findings (a mention that continues unwelcome contact, a
    share of a persistent abuser's post) the message is decided again with them, so its
    assessment cites the behaviour clause and the messages that prove it.
    """

    def __init__(self, engine: Dignity, detectors: Sequence[ConversationDetector]) -> None:
        self.engine = engine
        self.detectors = tuple(detectors)

    def assess(
        self, message: Message, text_findings: tuple[Finding, ...] | None = None
    ) -> Assessment:
        """Decide ``message`` on its text (findings given, or detected now), then as behaviour."""
        if text_findings is None:
            text_findings = self.engine.findings(message)
        assessment = decide(message, text_findings, self.engine.policy)
        added = [f for d in self.detectors for f in d.observe(message, assessment)]
        if not added:
            return assessment
        return decide(message, (*text_findings, *added), self.engine.policy)

    def assess_many(self, messages: Iterable[Message]) -> Iterator[Assessment]:
        for message in messages:
            yield self.assess(message)

    def patterns(self) -> list[BehaviourFinding]:
        """Every detector's patterns so far, most serious first."""
        found = [p for d in self.detectors for p in d.patterns()]
        return sorted(found, key=lambda p: (-p.score, p.category, p.actors))


def _create(name: str, options: dict[str, object]) -> Detector | ConversationDetector:
    return registry.create(name, dict(options))


_worker_engine: Dignity | None = None


_worker_error: Exception | None = None


def _start_worker(policy_text: str, source: str) -> None:
    """Build this worker's engine. A failure is kept and raised with the first task, in the
    caller: an initializer that raises makes a pool respawn the worker forever instead."""
    global _worker_engine, _worker_error
    os.environ.setdefault(THREADS_ENV, "1")
    try:
        _worker_engine = Dignity.from_policy(parse_policy(policy_text, source=source)).load()
    except Exception as error:
        _worker_error = error


def _worker() -> Dignity:
    if _worker_engine is None:
        if _worker_error is not None:
            raise _worker_error
        raise RuntimeError("detection worker used before it was started")
    return _worker_engine


def _detect_one(message: Message) -> tuple[Finding, ...]:
    return _worker().findings(message)


def _detect_chunk(messages: list[Message]) -> list[tuple[Finding, ...]]:
    return _worker().findings_batch(messages)


class DetectionPool:
    """Assess messages on worker processes, one message a task, many in flight.

    Detection is CPU-bound Python and ONNX, and threads share one interpreter lock: a service
    that assesses in its own process uses one core however many requests wait. Workers build
    their engine from the policy's text, like a parallel scan's (entry-point detectors only).
    """

    def __init__(self, loaded: LoadedPolicy, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"a detection pool needs at least one worker, got {workers}")
        self.workers = workers
        self._loaded = loaded
        self._executor = self._new_executor()
        self.restarts = 0

    def _new_executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the service runs threads and an event loop
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self._loaded.text, self._loaded.source),
        )

    def submit(self, message: Message) -> Future[tuple[Finding, ...]]:
        """The findings on ``message``, detected on a worker."""
        return self._executor.submit(_detect_one, message)

    async def assess(self, message: Message) -> Assessment:
        """The policy's decision on ``message``, its findings detected on a worker.

        A worker that dies (killed, out of memory) breaks the whole executor; the pool then
        starts a fresh one and tries the message once more, so one crash is not an outage.
        """
        executor = self._executor
        try:
            findings = await asyncio.wrap_future(executor.submit(_detect_one, message))
        except BrokenProcessPool:
            if self._executor is executor:  # the first request to see it restarts the pool
                executor.shutdown(wait=False, cancel_futures=True)
                self._executor = self._new_executor()
                self.restarts += 1
            findings = await asyncio.wrap_future(self.submit(message))
        return decide(message, findings, self._loaded.policy)

    def start(self) -> DetectionPool:
        """Start every worker and load its models now, not on the first requests (the
        transformer's session still starts on each worker's first uncertain text)."""
        probe = Message(id="warm-up", text="warm-up")
        wait([self.submit(probe) for _ in range(2 * self.workers)])
        return self

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _parallel_findings(
    loaded: LoadedPolicy, messages: Iterable[Message], workers: int, chunk_size: int
) -> Iterator[tuple[Message, tuple[Finding, ...]]]:
    # spawn, not fork: the caller may run threads (a progress bar, a database pool).
    context = multiprocessing.get_context("spawn")
    source = iter(messages)
    chunks = iter(lambda: list(itertools.islice(source, chunk_size)), [])
    with context.Pool(
        workers, initializer=_start_worker, initargs=(loaded.text, loaded.source)
    ) as pool:
        pending: collections.deque[tuple[list[Message], AsyncResult[list[tuple[Finding, ...]]]]]
        pending = collections.deque()
        for chunk in itertools.islice(chunks, 4 * workers):
            pending.append((chunk, pool.apply_async(_detect_chunk, (chunk,))))
        while pending:
            chunk, result = pending.popleft()
            found = result.get()
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.apply_async(_detect_chunk, (following,))))
            yield from zip(chunk, found, strict=True)
