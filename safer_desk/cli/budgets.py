"""`safer-desk budget FILE [PLAN]`: a plan's cells, totals and the totals its paper states, as CSV (DESIGN §4)."""

from __future__ import annotations

import argparse
import sys

from safer_desk.cli.common import CliError, open_existing, print_csv, refuse_name_first


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    parser = subparsers.add_parser(
        "budget", help="a budget or plan as CSV: plan,section,line,year,amount,status,per_district",
        description="Print the plans of a file (or one plan) as CSV: plan,section,line,year,amount,status,"
                    "per_district. "
                    "status is amount, tbc, nk or nil for a cell as the paper states it; total (or "
                    "total-incomplete when a cell of the column is TBC or N/K) for a computed subtotal or plan "
                    "total; stated, stated-differs (from its lines), stated-change-differs (its printed annual "
                    "change alone disagrees) or stated-unchecked (its lines have a TBC or N/K in them) for a total "
                    "the paper prints. per_district is the amount per district (or borough) a cell's split "
                    "states (\"£4,000 (£2,000 per District)\": 2000), empty for none. Amounts are plain pounds. "
                    "In a county file a last column, merged_from, says which office each plan came from. "
                    "Each stated figure that disagrees with its lines, "
                    "or could not be checked against them, and a plan with no lines yet, is also said on standard "
                    "error. With --actuals each row ends with linked_to, actual and difference: what a line linked "
                    "to a project, a funder's share of one, a pooled fund or a review actually shows in that year, "
                    "as the Budgets tab and the board report show it, and actual minus amount (positive: more than "
                    "the paper planned); what an actual leaves out, or a share no longer in its project, is said on "
                    "standard error.")
    parser.add_argument("file", metavar="FILE", help="the Safer Desk file")
    parser.add_argument("plan", metavar="PLAN", nargs="?",
                        help="the plan's name, in any case, with a hyphen for the paper's dash (all plans if left out)")
    parser.add_argument("--actuals", action="store_true",
                        help="add linked_to,actual,difference after the other columns: a linked line's actual in the "
                             "year, as the Budgets tab shows it, and actual minus amount (empty where either is not "
                             "a figure); a year the paper leaves blank is listed, status blank, where there is an "
                             "actual")
    parser.set_defaults(run=run_budget)


def run_budget(args: argparse.Namespace) -> int:
    from safer_desk.domain.budgets import BudgetError
    from safer_desk.services import budgets

    if args.plan:
        refuse_name_first(args.file, args.plan, what="PLAN", usage="safer-desk budget FILE [PLAN]")
    store = open_existing(args.file)
    try:
        try:
            rows = budgets.budget_csv_rows(store, args.plan, actuals=args.actuals)
        except BudgetError as exc:
            raise CliError(str(exc)) from exc
        warnings = budgets.warnings_for(store, args.plan)
        unchecked = budgets.unchecked_for(store, args.plan) + budgets.no_lines_notes(store, args.plan)
        if args.actuals:
            unchecked += budgets.actuals_notes_for(store, args.plan)
        header = budgets.budget_cli_header(store, actuals=args.actuals)
    finally:
        store.close()
    for warning in warnings:
        print(f"safer-desk: warning: {warning}", file=sys.stderr)
    for note in unchecked:
        print(f"safer-desk: note: {note}", file=sys.stderr)
    print_csv(header, rows)
    return 0
