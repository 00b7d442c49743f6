"""The README's command list left out options the commands have (session 59).

A county lead scripting the month-end from the README's "Command line" list met `report … already exists: add
--replace` on the second month's run, with no --replace anywhere in the list (nor on `export`, `demo` or
`screenshot`), and `awards --add` showed none of the total, first and last year, revenue/capital split or conditions
that `--help` offers. Every command of `safer-desk --help` is in the list with every one of its options, and the
list names no option a command does not have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safer_desk.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_commands() -> dict[str, set[str]]:
    """Each command of the README's "Command line" list, with the options its lines name."""
    listing = README.read_text(encoding="utf-8").split("## Command line", 1)[1].split("\nFor example", 1)[0]
    _, subparsers = build_parser()
    commands: dict[str, set[str]] = {}
    current = None
    for line in listing.splitlines():
        begins = re.match(r"    safer-desk (\S+)", line)
        if begins:  # a new entry: a command, or the window's own lines ("safer-desk [FILE]", "--demo")
            current = begins.group(1) if begins.group(1) in subparsers.choices else None
            if current:
                commands.setdefault(current, set())
        if current:
            commands[current].update(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line))
    return commands


def _options(command: str) -> list[tuple[str, ...]]:
    """The options of a command, each as its spellings (``--replace``, ``--force``), help left out."""
    _, subparsers = build_parser()
    return [tuple(action.option_strings) for action in subparsers.choices[command]._actions
            if action.option_strings and "--help" not in action.option_strings]


def _commands() -> list[str]:
    _, subparsers = build_parser()
    return list(subparsers.choices)


@pytest.mark.parametrize("command", _commands())
def test_the_readme_lists_every_option_of_each_command(command):
    listed = _readme_commands()
    assert command in listed, f"`safer-desk {command}` is not in the README's command list"
    missing = [spellings[0] for spellings in _options(command) if not set(spellings) & listed[command]]
    assert not missing, f"the README's `safer-desk {command}` line leaves out {', '.join(missing)}"


@pytest.mark.parametrize("command", _commands())
def test_the_readme_names_no_option_a_command_lacks(command):
    real = {spelling for spellings in _options(command) for spelling in spellings}
    assert _readme_commands().get(command, set()) <= real
