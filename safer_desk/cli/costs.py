"""The costs subcommands of `safer-desk` (see DESIGN.md §4)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
