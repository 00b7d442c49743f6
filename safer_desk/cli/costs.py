"""The costs subcommands of `safer-desk` (see DESIGN.md §4): dhr-ledger and fund."""

from __future__ import annotations

import argparse

from safer_desk.cli.common import CliError, open_existing, print_csv


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    ledger = subparsers.add_parser(
        "dhr-ledger", help="who owes what for Domestic Homicide Reviews, per partner (CSV)",
        description="Print per partner: partner,billed,paid,refused,outstanding,overdue (pounds, CSV).")
    ledger.add_argument("file", metavar="FILE")
    ledger.add_argument("--as-at", metavar="DATE", help="count as overdue what was due before this date "
                        "(01/04/2018 or 2018-04-01; default today)")
    ledger.set_defaults(run=run_ledger)

    fund = subparsers.add_parser(
        "fund", help="a pooled fund's figures as CSV of name,value",
        description="Print a pooled fund's contributions, spend, balance, victims, mean spend per victim, "
                    "monthly burn rate and forecast exhaustion month as CSV of name,value.")
    fund.add_argument("file", metavar="FILE")
    fund.add_argument("name", metavar="NAME", help="the fund's name, e.g. \"Suffolk Target Hardening Pilot\"")
    fund.add_argument("--window", type=int, default=3, metavar="MONTHS",
                      help="months of recent spend for the burn rate (default 3)")
    fund.add_argument("--as-at", metavar="YYYY-MM", help="the last month of the burn-rate window "
                      "(default: the latest month with spend)")
    fund.set_defaults(run=run_fund)


def _as_at_date(text: str | None):
    from datetime import date

    from safer_desk.domain.periods import PeriodError, parse_uk_date

    if not text:
        return date.today()
    try:
        return parse_uk_date(text)
    except PeriodError as exc:
        raise CliError(f"--as-at: {exc}", code=2) from exc


def run_ledger(args: argparse.Namespace) -> int:
    from safer_desk.domain.money import format_pounds_plain
    from safer_desk.services.dhr import partner_ledger

    today = _as_at_date(args.as_at)
    store = open_existing(args.file)
    try:
        rows = partner_ledger(store, today=today)
    finally:
        store.close()
    print_csv(["partner", "billed", "paid", "refused", "outstanding", "overdue"],
              [[r.partner, *(format_pounds_plain(v) for v in (r.billed_pence, r.paid_pence,
                                                              r.refused_pence + r.written_off_pence,
                                                              r.outstanding_pence, r.overdue_pence))]
               for r in rows])
    return 0


def run_fund(args: argparse.Namespace) -> int:
    from safer_desk.domain.funds import FundError
    from safer_desk.domain.periods import Month, PeriodError
    from safer_desk.services import funds

    if args.window < 1:
        raise CliError("--window must be at least 1 month", code=2)
    try:
        as_at = Month.parse(args.as_at) if args.as_at else None
    except PeriodError as exc:
        raise CliError(f"--as-at: {exc}", code=2) from exc
    store = open_existing(args.file)
    try:
        fund = funds.fund_by_name(store, args.name)
        if fund is None:
            names = [f.name for f in funds.list_funds(store)]
            listing = "; ".join(names) if names else "there are no funds in this file"
            raise CliError(f"there is no fund called “{args.name}”. Funds: {listing}")
        try:
            figures = funds.fund_figures(store, fund.id, as_at=as_at, window=args.window)
        except FundError as exc:
            raise CliError(str(exc)) from exc
    finally:
        store.close()
    print_csv(["name", "value"], funds.fund_report_rows(figures))
    return 0
