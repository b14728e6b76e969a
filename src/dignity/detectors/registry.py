"""Detectors by versioned name, discovered through the ``dignity.detectors`` entry-point group.

Built-in detectors register through the same entry points a third-party plugin uses, so the
plugin path is exercised by every run. ``register`` adds one in-process (tests, notebooks).
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any

from dignity.detectors.base import Detector, DetectorFactory
from dignity.detectors.behaviour.base import ConversationDetector
from dignity.errors import DetectorError, UnknownDetectorError

ENTRY_POINT_GROUP = "dignity.detectors"

_registered: dict[str, DetectorFactory] = {}
_from_entry_points: dict[str, DetectorFactory] = {}
_discovered = False


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name in _registered:
            continue
        try:
            factory = entry.load()
        except Exception as exc:  # a broken plugin must not take the built-ins down with it
            raise DetectorError(
                f"detector plugin {entry.name!r} ({entry.value}) failed to import: {exc}"
            ) from exc
        if getattr(factory, "name", None) != entry.name:
            raise DetectorError(
                f"entry point {entry.name!r} points at {entry.value}, whose name is "
                f"{getattr(factory, 'name', None)!r}; the two must match"
            )
        _registered[entry.name] = factory
        _from_entry_points[entry.name] = factory
    _discovered = True


def register(factory: DetectorFactory) -> DetectorFactory:
    """Register a detector class under its own ``name``; usable as a decorator."""
    _registered[factory.name] = factory
    return factory


def unregister(name: str) -> None:
    """Remove ``name`` from this process's registry (a plugin being unloaded, a test ending)."""
    _registered.pop(name, None)


def portable(name: str) -> bool:
    """Whether another process would build the same detector ``name``: it comes from an entry
    point and ``register`` has not replaced it here. Worker processes (a parallel scan, a
    service's detection pool) see entry points only."""
    _discover()
    factory = _from_entry_points.get(name)
    return factory is not None and _registered.get(name) is factory


def available() -> dict[str, DetectorFactory]:
    """Every registered detector, by name."""
    _discover()
    return dict(sorted(_registered.items()))


def get(name: str) -> DetectorFactory:
    """The detector registered as ``name``, or an error listing the names there are."""
    _discover()
    try:
        return _registered[name]
    except KeyError:
        known = ", ".join(sorted(_registered)) or "none"
        raise UnknownDetectorError(
            f"no detector is registered as {name!r}; registered detectors: {known}"
        ) from None


def create(name: str, options: dict[str, Any] | None = None) -> Detector | ConversationDetector:
    """Construct (but do not load) the detector ``name`` with its options."""
    factory = get(name)
    try:
        return factory(**(options or {}))
    except TypeError as exc:
        raise UnknownDetectorError(
            f"detector {name!r} does not accept these options: {exc}"
        ) from exc
