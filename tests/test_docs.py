"""The README stays honest: every command, sub-command and setting is documented there."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from spyglass.cli import app
from spyglass.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _command_paths() -> list[str]:
    """'articles', 'case show', 'watch add'... as a user types them."""
    root = typer.main.get_command(app)
    paths: list[str] = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            paths.extend(f"{name} {sub}" for sub in subcommands)
        else:
            paths.append(name)
    return sorted(paths)


@pytest.mark.parametrize("command", _command_paths())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"spyglass {command}" in README, f"README does not document `spyglass {command}`"


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_every_setting_is_in_the_readme(setting: str) -> None:
    variable = "SPYGLASS_" + setting.upper()
    assert f"| `{variable}` |" in README, f"README's settings table lacks a row for {variable}"


def test_readme_first_screen_gives_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:25])
    assert "make demo" in first_screen and "make test" in first_screen
