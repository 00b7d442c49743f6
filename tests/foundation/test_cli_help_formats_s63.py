"""`safer-desk fund --help` said --today DATE and --keyed-to DATE with no form of a date (dhr-ledger's --as-at DATE
says "01/04/2018 or 2018-04-01"), `awards --help` --total AMOUNT, --revenue PERCENT and --capital PERCENT with no form
of an amount or a percentage, and `allocate --help` --previous-total AMOUNT none (its --pot says "589608 or
£589,608"): a county lead scripting a month's job had to guess, or read another command's help (session 63). Every
option taking an AMOUNT, a PERCENT or a DATE now shows its form with an example."""

from __future__ import annotations

import argparse
import re

from safer_desk.cli import build_parser


def test_every_amount_percent_and_date_option_shows_its_form():
    parser, subparsers = build_parser()
    unshown = [f"{name} {'/'.join(action.option_strings)} {action.metavar}"
               for name, command in subparsers.choices.items() for action in command._actions
               if action.option_strings and not isinstance(action, argparse._HelpAction)
               and action.metavar in ("AMOUNT", "PERCENT", "DATE") and not re.search(r"\d", action.help or "")]
    assert unshown == []
