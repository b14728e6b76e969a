"""Bounded state for conversation detectors: capped LRU tables, a stream clock, decay.

Every conversation detector keeps its memory in these structures, so a stream of any length runs
in memory fixed by the detectors' options:

* :class:`BoundedLRU` is a dict with a capacity; touching a key makes it most recent, and adding
  past the capacity drops the least recently used entry.
* :class:`StreamClock` turns a message's ``created_at`` into seconds, never moving backwards, so
  windows can be pruned as time advances even when a message has no time or arrives a little out
  of order.
* :func:`decayed` applies exponential decay with a half-life.
* :func:`time_ordered` merges ``(time, message id)`` evidence into ids in time order, capped.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from dignity.errors import DetectorError
from dignity.model import Message

__all__ = [
    "MAX_EVIDENCE",
    "BoundedLRU",
    "StreamClock",
    "decayed",
    "merge_evidence",
    "positive",
    "time_ordered",
]

K = TypeVar("K")
V = TypeVar("V")

MAX_EVIDENCE = 50
"""The most message ids a finding or pattern cites; the most recent are kept."""


class BoundedLRU(Generic[K, V]):
    """A mapping of at most ``capacity`` entries that forgets the least recently used first."""

    __slots__ = ("_data", "capacity", "evicted")

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"an LRU needs a capacity of at least 1, got {capacity}")
        self.capacity = capacity
        self.evicted = 0
        self._data: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: K) -> V | None:
        """The value for ``key`` (made most recent), or None."""
        data = self._data
        value = data.get(key)
        if value is not None:
            data.move_to_end(key)
        return value

    def peek(self, key: K) -> V | None:
        """The value for ``key`` without changing its recency."""
        return self._data.get(key)

    def put(self, key: K, value: V) -> None:
        """Store ``value`` under ``key`` as the most recent entry, evicting the oldest if full."""
        data = self._data
        data[key] = value
        data.move_to_end(key)
        if len(data) > self.capacity:
            data.popitem(last=False)
            self.evicted += 1

    def pop(self, key: K) -> V | None:
        return self._data.pop(key, None)

    def items(self) -> Iterator[tuple[K, V]]:
        """Entries from least to most recently used (a snapshot; safe to mutate afterwards)."""
        return iter(list(self._data.items()))

    def values(self) -> Iterator[V]:
        return iter(list(self._data.values()))


class StreamClock:
    """Seconds since the epoch for each message, monotone over the stream.

    A message without ``created_at`` happens "now" (the latest time seen). ``now`` never goes
    backwards, so pruning by ``now - window`` is safe on slightly unordered input.
    """

    __slots__ = ("now",)

    def __init__(self) -> None:
        self.now = 0.0

    def tick(self, message: Message) -> float:
        """Advance to ``message`` and return the time to record it at."""
        moment = message.created_at
        if moment is None:
            return self.now
        at = moment.timestamp()
        if at > self.now:
            self.now = at
        return at


def decayed(value: float, elapsed: float, half_life: float) -> float:
    """``value`` after ``elapsed`` seconds of exponential decay with ``half_life`` seconds."""
    if elapsed <= 0.0:
        return value
    return value * math.exp(-math.log(2.0) * elapsed / half_life)


def time_ordered(
    evidence: Iterable[tuple[float, str]], limit: int = MAX_EVIDENCE
) -> tuple[str, ...]:
    """Distinct message ids in time order (ties in given order), keeping the latest ``limit``."""
    seen: dict[str, float] = {}
    for at, message_id in evidence:
        if message_id not in seen:
            seen[message_id] = at
    ordered = sorted(seen.items(), key=lambda item: item[1])
    return tuple(message_id for message_id, _ in ordered[-limit:])


def merge_evidence(
    kept: list[tuple[float, str]], new: Iterable[tuple[float, str]], limit: int = MAX_EVIDENCE
) -> list[tuple[float, str]]:
    """``kept`` and ``new`` evidence in time order without repeats, keeping the latest ``limit``."""
    merged = {message_id: at for at, message_id in kept}
    for at, message_id in new:
        merged.setdefault(message_id, at)
    ordered = sorted(((at, message_id) for message_id, at in merged.items()), key=lambda e: e[0])
    return ordered[-limit:]


def positive(detector: str, option: str, value: float) -> float:
    """``value`` if it is a number above zero; an error naming the detector and option if not."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise DetectorError(
            f"detector {detector!r}: option {option} must be a number greater than 0, got "
            f"{value!r}; fix it in the policy's detectors list"
        )
    return value
