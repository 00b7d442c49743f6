"""The projects subcommands of `safer-desk` (see DESIGN.md §4)."""

from __future__ import annotations

import argparse

from safer_desk.cli.common import open_existing, print_csv


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    parser = subparsers.add_parser(
        "projects", help="print the project register as CSV",
        description="Print the project register as CSV, one row per project: id, title, status, funding route, "
                    "cost_min and cost_max in pounds (cost_max empty for a minimum, both empty when no cost is "
                    "stated), the five board criteria (yes, no, unknown or empty), then the project's ref, each "
                    "criterion's qualifier as the paper writes it (“for Ipswich only”) and the funders' shares "
                    "(“OPCC (2017/18): 110000”, or the paper's words when not known).")
    parser.add_argument("file", metavar="FILE", help="the Safer Desk file")
    parser.set_defaults(run=run_projects)


def run_projects(args: argparse.Namespace) -> int:
    from safer_desk.services.funders import register_cli_header, register_cli_rows

    store = open_existing(args.file)
    try:
        print_csv(register_cli_header(), register_cli_rows(store))
    finally:
        store.close()
    return 0
