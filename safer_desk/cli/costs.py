"""The costs subcommands of `safer-desk` (see DESIGN.md §4): dhr-ledger, dhr-costs and fund."""

from __future__ import annotations

import argparse
import sys

from safer_desk.cli.common import (CliError, open_existing, option_type, print_csv, read_amount, read_count,
                                   read_date, read_month, refuse_name_first)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    ledger = subparsers.add_parser(
        "dhr-ledger", help="who owes what for Domestic Homicide Reviews, per partner (CSV)",
        description="Print per partner: partner,billed,paid,refused,outstanding,overdue,net_billed,refunded "
                    "(pounds, CSV), ending with a Total row. refused includes what was written off; refunded is what "
                    "was given back to a partner that paid beyond its share; net_billed is billed less refused, "
                    "written off and refunded (re-split and carried shares are in billed), so the Total row's "
                    "net_billed is what the reviews cost once every refusal and refund is dealt with. With "
                    "--by-case, print per review: case,cost,billed,refused,written_off,resplit,carried,net_billed,"
                    "paid,outstanding,shortfall,unbilled,refunded (shortfall: what nobody is now expected to pay, "
                    "refused and not re-split or written off; unbilled: costs the partners have not been billed for "
                    "yet, or billed again since a refund), and in a county file "
                    "(one that district exports were merged into) a last column, merged_from: which office each "
                    "review came from (“Babergh office”; every office that sent it alike; or “Typed in the county "
                    "file”). An office's own file has no such column. It too ends with a Total row: the costs known "
                    "added up (blank when none is), and every other column.")
    ledger.add_argument("file", metavar="FILE", help="the Safer Desk file")
    ledger.add_argument("--as-at", metavar="DATE", type=option_type(read_date, "--as-at"),
                        help="the position on this date, today or earlier (01/04/2018 or 2018-04-01; default "
                             "today): only invoices, payments, refunds and refusals dated on or before it count, and "
                             "overdue "
                             "is what was due before it; with --by-case, a review's cost is its cost lines dated on "
                             "or before it (or billed by then)")
    ledger.add_argument("--by-case", action="store_true", help="one row per review instead of per partner")
    ledger.set_defaults(run=run_ledger)

    costs = subparsers.add_parser(
        "dhr-costs", help="a review's cost lines as CSV, or correct one (as Edit cost line… does)",
        description="Print the cost lines of the review CASE (its reference) as CSV: line,category,description,"
                    "supplier,invoice_ref,invoiced_on,amount (pounds), line being each one's number: 1, 2 … in the "
                    "order the lines were added, kept when a line is corrected (its date or category too; only "
                    "deleting a line in the window renumbers those added after it). With --correct "
                    "LINE, correct that line as Edit cost line… on the Costs page does: the options given replace "
                    "its values, the others stay. A correction is refused as there: a line dated before a "
                    "correction of it already kept, a cost below what the partners have paid. A cost corrected "
                    "below what the partners were billed bills them again today with the review's own split "
                    "(unpaid invoices cancelled, each partner billed what it is short of its share): said first, "
                    "and done only with --bill-again.")
    costs.add_argument("file", metavar="FILE", help="the Safer Desk file")
    costs.add_argument("case", metavar="CASE", help="the review's reference, e.g. WSCSP-DHR-2017-01")
    costs.add_argument("--correct", metavar="LINE", type=option_type(read_count, "--correct"),
                       help="the number of the cost line to correct, as the list gives it (a line keeps its number "
                            "when it is corrected)")
    costs.add_argument("--amount", metavar="AMOUNT", type=option_type(_read_cost_amount, "--amount", keep_text=True),
                       help="its amount in pounds (6000 or £6,000.00)")
    costs.add_argument("--category", metavar="TEXT", help="what the cost was for (e.g. Independent chair/author)")
    costs.add_argument("--description", metavar="TEXT", help="its description")
    costs.add_argument("--supplier", metavar="TEXT", help="its supplier")
    costs.add_argument("--invoice-ref", metavar="TEXT", help="the supplier's invoice reference")
    costs.add_argument("--invoice-date", metavar="DATE", type=option_type(_read_invoice_date, "--invoice-date"),
                       help="the invoice's date (29/03/2018 or 2018-03-29); \"\" or none takes the date off the line")
    costs.add_argument("--bill-again", action="store_true",
                       help="with --correct: where the corrected cost is below what the partners were billed, bill "
                            "them again today with the review's own split (without it, that is said and refused)")
    costs.set_defaults(run=run_costs)

    fund = subparsers.add_parser(
        "fund", help="a pooled fund's figures as CSV of name,value",
        description="Print a pooled fund's contributions, spend, balance, victims, mean spend per victim, "
                    "monthly burn rate (to the penny: the forecast is worked out at the rate printed) and "
                    "forecast exhaustion month as CSV of name,value, ending with what each "
                    "run-out month is (…_kind: forecast, ran_out or projected) and what left_at_period_end is "
                    "(forecast, projected or recorded), then the contributions dated after today and the spend "
                    "dated after it (spend_dated_after_today: recorded, not yet in spend). In a county file (one "
                    "that district exports were merged into) a last row, merged_from, says which office the fund "
                    "came from.")
    fund.add_argument("file", metavar="FILE", help="the Safer Desk file")
    fund.add_argument("name", metavar="NAME", help="the fund's name, e.g. \"Suffolk Target Hardening Pilot\"")
    fund.add_argument("--window", type=option_type(read_count, "--window"), default=3, metavar="MONTHS",
                      help="months of recent spend for the burn rate (default 3)")
    fund.add_argument("--as-at", metavar="YYYY-MM", type=option_type(_read_burn_rate_month, "--as-at"),
                      help="the last month of the burn-rate window (2018-06, Jun-18 or 06/2018), a month of the "
                           "fund's period and no later than this one (default: the latest complete month with spend)")
    fund.add_argument("--today", metavar="DATE", type=option_type(read_date, "--today"),
                      help="the position on this date (01/04/2018 or 2018-04-01; default today): spend and "
                           "contributions dated after it are not spent or received yet, and its month is not "
                           "complete, so its spend is left out of the burn rate")
    fund.add_argument("--keyed-to", metavar="DATE", type=option_type(read_date, "--keyed-to"),
                      help="spend is fully keyed to this date (30/06/2018 or 2018-06-30), within the fund's period "
                           "(default: as recorded for the fund); later spend is left out of the burn rate")
    fund.add_argument("--as-exported", action="store_true",
                      help="the figures as Export fund report… writes them as CSV, for a paper: a count of one or "
                           "two victims said \"fewer than 3\" with no mean, and the burn rate and forecast over the "
                           "months the export gives together (default: the office's own figures, as the page shows)")
    fund.set_defaults(run=run_fund)


def run_ledger(args: argparse.Namespace) -> int:
    from safer_desk.domain.money import format_pounds_plain
    from safer_desk.services.dhr import partner_ledger

    from datetime import date

    if args.as_at is not None:  # refused as Costs > Ledger refuses it beside its As at field, in the same words
        from safer_desk.presenters.dhr import ledger_day_refusal

        if refusal := ledger_day_refusal(args.as_at, date.today()):
            raise CliError(f"--as-at: {refusal}")
    today = args.as_at or date.today()
    # A position on a past date counts only what had happened by then; today typed is today, every row recorded
    # counted, as Costs > Ledger reads today typed in its As at field (a payment post-dated is counted either way).
    as_at = today if args.as_at and args.as_at < date.today() else None
    store = open_existing(args.file)
    try:
        if as_at is not None:  # reviews billed again by an earlier Safer Desk: what it withdrew was not kept
            from safer_desk.services.dhr import (billed_again_unkept, corrections_unrecorded,
                                                 corrections_unrecorded_words, deleted_lines_unkept,
                                                 deleted_lines_unrecorded, deleted_unkept_words, unkept_words,
                                                 unrecorded_words)

            for unkept in (unkept_words(billed_again_unkept(store, as_at), as_at),
                           deleted_unkept_words(deleted_lines_unkept(store, as_at), as_at),
                           unrecorded_words(deleted_lines_unrecorded(store, as_at), as_at),
                           corrections_unrecorded_words(corrections_unrecorded(store, as_at), as_at)):
                if unkept:  # and cost lines an earlier Safer Desk deleted without keeping them
                    print(f"safer-desk: note: {unkept}", file=sys.stderr)
        if args.by_case:
            from safer_desk.services.dhr import list_cases
            from safer_desk.services.provenance import REVIEWS, row_origins

            cases = list_cases(store, today=today, as_at=as_at)
            origins = row_origins(store, REVIEWS)  # a county file's only: an office's own output is as it was
        else:
            rows = partner_ledger(store, today=today, as_at=as_at)
    finally:
        store.close()
    if args.by_case:
        merged = origins.shown  # the office each review came from, last, in a county file only
        money = [[c.billed_pence, c.refused_pence, c.written_off_pence, c.resplit_pence, c.carried_pence,
                  c.net_billed_pence, c.recovered_pence, c.outstanding_pence, c.shortfall_pence, c.unbilled_pence,
                  c.refunded_pence] for c in cases]
        # A Total row, as per partner: the known costs added up, blank when none is known (as the window's Total
        # row says "Not yet known"), and each money column to the penny; no office of its own in a county file.
        known = [c.cost_pence for c in cases if c.cost_known]
        total = [format_pounds_plain(sum(known)) if known else "",
                 *(format_pounds_plain(sum(column)) for column in zip(*money, strict=True))] if money else [
            "", *["0"] * 11]
        print_csv(["case", "cost", "billed", "refused", "written_off", "resplit", "carried", "net_billed", "paid",
                   "outstanding", "shortfall", "unbilled", "refunded", *(["merged_from"] if merged else [])],
                  # A cost not yet known is left blank, as the window says "Not yet known": never a cost of 0.
                  [[c.reference, format_pounds_plain(c.cost_pence) if c.cost_known else "",
                    *(format_pounds_plain(v) for v in line), *([origins.of(c.id)] if merged else [])]
                   for c, line in zip(cases, money)]
                  + [["Total", *total, *([""] if merged else [])]])
        return 0
    fields = ("billed_pence", "paid_pence", "closed_pence", "outstanding_pence", "overdue_pence", "net_billed_pence",
              "refunded_pence")
    values = [[getattr(r, f) if f != "closed_pence" else r.refused_pence + r.written_off_pence for f in fields]
              for r in rows]
    total = [sum(column) for column in zip(*values)] if values else [0] * len(fields)
    if not rows:  # a Total of zeros alone: said why, as Costs > Ledger says it beside its As at field
        by = (f"had been billed to the partners by {args.as_at:%d/%m/%Y}" if as_at
              else "has been billed to the partners yet")
        print(f"safer-desk: note: Nothing {by}, so every partner's figures are £0.", file=sys.stderr)
    print_csv(["partner", "billed", "paid", "refused", "outstanding", "overdue", "net_billed", "refunded"],
              [[r.partner, *(format_pounds_plain(v) for v in line)] for r, line in zip(rows, values)]
              + [["Total", *(format_pounds_plain(v) for v in total)]])
    return 0


_LINE_FIELDS = ("category", "description", "supplier", "invoice_ref", "invoiced_on", "amount")


def run_costs(args: argparse.Namespace) -> int:
    from datetime import date

    from safer_desk.domain.money import format_pounds_plain
    from safer_desk.services import dhr

    typed = {"category": args.category, "description": args.description, "supplier": args.supplier,
             "invoice_ref": args.invoice_ref, "invoiced_on": args.invoice_date, "amount": args.amount}
    correcting = args.correct is not None
    if not correcting and (args.bill_again or any(v is not None for v in typed.values())):
        raise CliError("--amount, --category, --description, --supplier, --invoice-ref, --invoice-date and "
                       "--bill-again correct a cost line: give its number with --correct", code=2)
    if args.amount is not None and (refused := _cost_amount_refusal(args.amount)):
        raise CliError(f"--amount: {refused}")  # refused as the window refuses it beside the Amount, said for here
    refuse_name_first(args.file, args.case, what="CASE", usage="safer-desk dhr-costs FILE CASE")
    store = open_existing(args.file, read_only=not correcting)
    try:
        case_id = dhr.case_id_by_reference(store, args.case.strip())
        if case_id is None:
            from safer_desk.domain.text import meant_words

            known = [c.reference for c in dhr.list_cases(store, today=date.today())]
            raise CliError(f"there is no review with the reference “{args.case}”{meant_words(args.case, known)} "
                           f"(known: {', '.join(known) or 'none yet'}).")
        lines = dhr.numbered_cost_lines(store, case_id)
        if correcting:
            if args.correct > len(lines):
                raise CliError(f"--correct: {args.case.strip()} has {len(lines)} cost line"
                               f"{'' if len(lines) == 1 else 's'}; give the number of one of them, as "
                               f"`safer-desk dhr-costs FILE {args.case.strip()}` lists them.")
            _correct_line(store, args, lines[args.correct - 1][1], typed)
            return 0
    finally:
        store.close()
    if not lines:  # a heading alone: said why, as other commands say it
        print(f"safer-desk: note: {args.case.strip()} has no cost lines yet.", file=sys.stderr)
    print_csv(["line", "category", "description", "supplier", "invoice_ref", "invoiced_on", "amount"],
              [[n, r["category"], r["description"] or "", r["supplier"] or "", r["invoice_ref"] or "",
                r["invoiced_on"] or "", format_pounds_plain(r["amount_pence"])] for n, r in lines])
    return 0


# What to do on the command line with a cost line's amount not known yet (the window's words say "Cancel").
_CORRECT_ONCE_KNOWN = "Leave --amount out, and correct the amount once the figure is known."


def _cost_amount_refusal(typed: str) -> str:
    """Why --amount is no cost line's amount ("" when it is one): a figure not known yet ("TBC"), a range, a minimum
    or an estimate, refused as Edit cost line… refuses it beside its Amount, in words for the command line."""
    from safer_desk.domain import dhr as rules

    return (rules.cost_amount_words(typed, then=_CORRECT_ONCE_KNOWN)
            or rules.cost_estimate_words(typed, then=_CORRECT_ONCE_KNOWN))


def _read_cost_amount(text: str) -> int | None:
    """--amount: an amount (read_amount); one a cost line cannot take is left to run_costs to refuse (exit 1, as an
    estimate was), not read by the money parser, whose words ("leave the amount blank", "type £0") a cost line has
    no use for."""
    return None if _cost_amount_refusal(text) else read_amount(text)


NO_DATE = ""  # --invoice-date "" or none: the line's invoice date taken off (not None: "not given, kept")


def _read_invoice_date(text: str):
    """--invoice-date: a date (read_date), or "" or none to take the date off the line (the window's field emptied)."""
    return NO_DATE if text.strip().casefold() in ("", "none") else read_date(text)


def _correct_line(store, args: argparse.Namespace, line: dict, typed: dict) -> None:
    """The cost line corrected as Edit cost line… corrects it (services.dhr.update_cost_line, billed again today only
    with --bill-again), one action in the history named as the window names it; its questions said as warnings."""
    from datetime import date

    from safer_desk.domain import dhr as rules
    from safer_desk.domain.money import any_pence, format_money
    from safer_desk.services import dhr

    values = {k: line[k] or "" for k in _LINE_FIELDS if k != "amount"} | {"amount": line["amount_pence"]}
    values.update({k: v for k, v in typed.items() if v is not None})
    reference = args.case.strip()
    try:
        new_pence = dhr.as_pence(values["amount"], "--amount", allow_zero=False)
        today = date.today()
        plan = dhr.correction_rebilling(store, line["id"], category=values["category"], amount_pence=new_pence,
                                        on=today)
        if plan is not None and not args.bill_again:
            raise CliError(f"the costs would come to {format_money(sum(plan.shares.values()))}, less than the "
                           f"partners were billed, so they would be billed again today with the review's own split: "
                           f"{plan.summary()} Give --bill-again to do so.")
        said = f"{line['category']} cost of {format_money(line['amount_pence'])} for {reference}"
        capped = dhr.capped_part_after(store, line["id"], category=values["category"], amount_pence=new_pence)
        billed = bool(dhr.list_shares(store, today=today, case_id=line["case_id"]))
        unbilled = dhr.unbilled_pence(store, line["case_id"])
        with store.action(f"Change the {said}"):
            kept = dhr.update_cost_line(store, line["id"], bill_again_on=today if plan is not None else None,
                                        **{**values, "amount": new_pence})
    except rules.DhrError as exc:
        raise CliError(_as_options(str(exc))) from exc
    for doubt in (*dhr.name_warnings(supplier=kept["supplier"]),
                  *([rules.cost_line_doubt(new_pence)] if new_pence != line["amount_pence"] else []), capped,
                  *_invoice_date_doubts(store, line, kept, today)):
        if doubt:
            print(f"safer-desk: warning: {doubt}", file=sys.stderr)
    changed = [f"{k.replace('_', ' ')} {_said(line, k)} → {_said(kept, k)}" for k in _LINE_FIELDS
               if _said(line, k) != _said(kept, k)]
    # A cost raised on a billed review is billed as further invoices (the window's Edit cost line… says so first):
    # said, or the officer is not told the partners owe more than they were billed.
    later = dhr.unbilled_pence(store, line["case_id"]) if billed and plan is None else 0
    print(f"corrected the {said}: {'; '.join(changed) or 'nothing changed'}"
          + (f"; billed again today: {plan.summary()}" if plan is not None else "")
          + (f"; {format_money(later, show_pence=any_pence([later]))} of the review's costs is not yet billed to the "
             "partners: Bill partners (charge)… in the window bills it as further invoices"
             if later > unbilled else ""))


def _invoice_date_doubts(store, line: dict, kept: dict, today) -> list[str]:
    """An invoice date corrected to before the death was notified, or after today: asked once beside the date in
    Edit cost line…, warned here in its words (a date kept as it was is not asked again)."""
    from datetime import date

    from safer_desk.domain.checks import future_slip
    from safer_desk.presenters.dhr import before_notified_words

    if not kept["invoiced_on"] or kept["invoiced_on"] == line["invoiced_on"]:
        return []
    day = date.fromisoformat(kept["invoiced_on"])
    later = future_slip(day, today=today, what="the invoice")
    return [f"--invoice-date: {said}" for said in (before_notified_words(store, line["case_id"], day),
                                                   later.message if later is not None else "") if said]


def _said(row: dict, field: str) -> str:
    from safer_desk.domain.money import format_money
    from safer_desk.domain.periods import format_uk_date

    if field == "amount":
        return format_money(row["amount_pence"])
    if field == "invoiced_on":
        from datetime import date

        return format_uk_date(date.fromisoformat(row["invoiced_on"])) if row["invoiced_on"] else "none"
    return f"“{row[field]}”" if row[field] else "none"


def _as_options(text: str) -> str:
    """A refusal worded beside the window's fields, said of the options that typed them."""
    for field, option in (("Amount:", "--amount:"), ("Invoice date:", "--invoice-date:"), ("Category:", "--category:"),
                          ("Description:", "--description:"), ("Invoice reference:", "--invoice-ref:")):
        if text.startswith(field):
            return option + text[len(field):]
    return text


def run_fund(args: argparse.Namespace) -> int:
    from safer_desk.domain.funds import FundError
    from safer_desk.services import funds

    as_at, today, keyed_to = args.as_at, args.today, args.keyed_to
    refuse_name_first(args.file, args.name, what="NAME", usage="safer-desk fund FILE NAME")
    store = open_existing(args.file)
    try:
        fund = funds.fund_by_name(store, args.name)
        if fund is None:
            from safer_desk.domain.text import meant_words

            names = [f.name_said for f in funds.list_funds(store)]
            listing = "; ".join(names) if names else "there are no funds in this file"
            if not args.name.strip():  # `fund FILE "$NAME"` left empty: not "no fund called “”", as budget's plan
                raise CliError(f"the fund's name is empty: give a fund's name. Funds: {listing}")
            raise CliError(f"there is no fund called “{args.name}”{meant_words(args.name, names)}. Funds: {listing}")
        # two offices' funds whose names read alike (a county file): the one spelt as typed, else neither
        if len(alike := funds.funds_named(store, args.name)) > 1 and fund.name != args.name.strip():
            raise CliError(f"“{args.name}” reads as {len(alike)} funds: {'; '.join(f.name_said for f in alike)}. "
                           "Give the name as it is spelt there.")
        # refused as Fund settings… refuses it: outside the period every month would be not complete (exit 1)
        if refusal := funds.keyed_to_refusal(keyed_to, fund.starts_on, fund.ends_on, label="--keyed-to",
                                             instead="give a date within it, or leave --keyed-to out"):
            raise CliError(refusal)
        if refusal := _burn_rate_month_refusal(as_at, today, fund.end_month):
            raise CliError(refusal)
        try:
            figures = funds.fund_figures(store, fund.id, as_at=as_at, window=args.window, today=today,
                                         keyed_to=keyed_to)
        except FundError as exc:
            raise CliError(str(exc)) from exc
        from safer_desk.services.provenance import FUNDS, row_origins

        origins = row_origins(store, FUNDS)  # a county file's only: an office's own output is as it was
    finally:
        store.close()
    if args.as_exported:  # small numbers suppressed, as the page's CSV export (presenters.funds export)
        figures = figures.shared
    for warning in (*([said] if (said := funds.overspent_words(figures)) else []), *figures.forecast.warnings):
        print(f"safer-desk: warning: {warning}", file=sys.stderr)
    # In a county file a last row says which office the fund came from, as the Funds page and the board report say.
    print_csv(["name", "value"], [*funds.fund_report_rows(figures, shared=args.as_exported),
                                  *([["merged_from", origins.of(fund.id)]] if origins.shown else [])])
    return 0


def _read_burn_rate_month(text: str):
    """fund's --as-at: a month (read_month). A day ("2018-06-15") is refused, said as a day with its month to give and
    --today for the position on it: read as its month it would be a guess, counting a month not complete by that
    day as whole."""
    from safer_desk.domain.periods import Month, PeriodError, parse_uk_date

    try:
        return read_month(text)
    except PeriodError:
        try:
            day = parse_uk_date(text)
        except PeriodError:
            day = None
        if day is None:
            raise
        raise PeriodError(f"“{text.strip()}” is a day, not a month: give its month, {Month.of(day).iso}, as the last "
                          f"month of the burn-rate window (or, for the fund as it stood on that day, --today "
                          f"{day:%d/%m/%Y}).") from None


def _burn_rate_month_refusal(as_at, today, end) -> str:
    """Why --as-at cannot end the burn-rate window ("" when it can): a month after today's has no spend yet (spend
    dated after today is not counted), so its window would count months of £0 and say the fund never runs out. It is
    no forecast: the forecast already runs on from the as-at month. A month after the fund ends is the service's to
    refuse (that is the reason then, whatever today is); the window has no such field, so the rule is the command's."""
    from datetime import date

    from safer_desk.domain.periods import Month

    today = today or date.today()
    this_month = Month.of(today)
    if as_at is None or as_at <= this_month or as_at > end:
        return ""
    return (f"--as-at: {as_at.label} is after {this_month.label}, the month of today ({today:%d/%m/%Y}): the burn "
            f"rate counts spend that has happened, and the forecast runs on from its month, so give "
            f"{this_month.label} or an earlier month, or leave --as-at out for the latest complete month.")
