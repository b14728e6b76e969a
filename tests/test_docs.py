"""Docs that cannot drift: every command and every registered detector is in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from dignity.cli import app
from dignity.detectors import registry

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_every_command_is_shown_in_the_readme() -> None:
    group = typer.main.get_group(app)
    missing = [name for name in group.commands if f"dignity {name}" not in README]
    assert missing == []


def test_every_registered_detector_is_named_in_the_readme() -> None:
    missing = [name for name in registry.available() if f"`{name}`" not in README]
    assert missing == []
