"""`safer-desk report --help` listed FILE and OUT.pdf|OUT.html with no word beside them, `merge --help` COUNTY_FILE
and DISTRICT_FILE (an office's export, or its workbook?), `awards --help` --last-year and --conditions, `screenshot
--help` --tab (which tab when it is left out?): 17 arguments of 13 commands said nothing in their command's help,
where the others say what each is and its form (session 63). Every argument of every command now says what it is."""

from __future__ import annotations

import argparse

import pytest

from safer_desk.cli import build_parser
from tests.cli_run import run


def _commands():
    parser, subparsers = build_parser()
    return subparsers.choices


def test_every_argument_of_every_command_says_what_it_is():
    unsaid = [f"{name} {action.metavar or '/'.join(action.option_strings) or action.dest}"
              for name, command in _commands().items() for action in command._actions
              if not isinstance(action, argparse._HelpAction) and not (action.help or "").strip()]
    assert unsaid == []


@pytest.mark.parametrize("command, line", [
    ("report", "OUT.pdf|OUT.html     the report to write: .pdf, or .html for a web page"),
    ("merge", "DISTRICT_FILE         an office's export (.sqlite, made by `safer-desk export`)"),
    ("screenshot", "the tab to show (default: projects)"),
    ("awards", "--last-year YYYY/YY   with --first-year: the last year of a total not split by year"),
])
def test_the_help_says_it(capsys, command, line):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and " ".join(line.split()) in " ".join(out.split()), out
