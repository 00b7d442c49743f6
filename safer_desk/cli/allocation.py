"""`safer-desk allocate`: the allocation formula on a CSV file, printed as CSV (DESIGN.md §4).

No Safer Desk file is involved: the input is a CSV on disk and the result goes to stdout.
"""

from __future__ import annotations

import argparse

from safer_desk.cli.common import CliError, open_existing, option_type, print_csv, read_amount, read_partners

OPTION_NAMES = {"pot": "--pot", "previous_total": "--previous-total", "retain": "--retain",
                "fixed_share": "--fixed-share", "rounding": "--rounding", "unit": "--unit", "damping": "--damping"}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    parser = subparsers.add_parser(
        "allocate", help="split a pot between partnerships by formula (CSV in, CSV out)",
        description="Split a pot between partnerships: a fixed part per unit and a variable part by weighted "
                    "factors, compared with last year. INPUT.csv has the columns partnership,fixed_units,basis"
                    "[,previous] (or the factor columns named with --factor instead of basis). Prints CSV: "
                    "partnership,fixed_units,basis,basis_share_pct,fixed,variable,total,previous,variance "
                    "(amounts in pounds), ending with a Totals row. Warnings (factor weights rescaled, odd pence "
                    "placed) go to standard error.")
    parser.add_argument("input", metavar="INPUT.csv",
                        help="the partnerships, a CSV file as Excel saves it (UTF-8 or Windows-1252), or its "
                             "“Text (Tab delimited)” or “Unicode Text” (.txt)")
    parser.add_argument("--pot", metavar="AMOUNT", type=_amount("--pot"),
                        help="the pot to split, in pounds (589608 or £589,608)")
    parser.add_argument("--previous-total", metavar="AMOUNT", type=_amount("--previous-total"),
                        help="last year's total in pounds (589608 or £589,608), less --retain")
    parser.add_argument("--retain", metavar="PERCENT", type=_percent("--retain"),
                        help="percentage kept back (10 or 10%%): of --previous-total, or of --pot (this year's grant)")
    parser.add_argument("--fixed-share", metavar="FRACTION",
                        type=option_type(_fixed_share, "--fixed-share", keep_text=True),
                        help="share of the pot split per fixed unit (1/3, 0.25, 25%%), or £AMOUNT per unit")
    parser.add_argument("--rounding", default="exact", choices=("exact", "percent-2dp"),
                        metavar="exact|percent-2dp",
                        help="exact shares by largest remainder (default), or shares rounded to two-decimal "
                             "percentages first as the county's legacy spreadsheet did")
    parser.add_argument("--unit", default="pound", choices=("pound", "penny"), metavar="pound|penny", type=_unit_word,
                        help="round to whole pounds (default) or pennies")
    parser.add_argument("--factor", action="append", default=[], metavar="NAME=WEIGHT",
                        type=option_type(_factor, "--factor", keep_text=True),
                        help="a factor column of INPUT.csv and its weight (what partnerships count: population, "
                             "crime; not partnership, fixed_units or previous); repeat for several")
    parser.add_argument("--damping", metavar="PERCENT", type=option_type(_damping, "--damping"),
                        help="no partnership changes by more than this from last year (5, 5%% or ±5, as the "
                             "window's Damping ±%% reads it); the others meet the difference")
    parser.set_defaults(run=run_allocate)

    top = subparsers.add_parser(
        "top-slice", help="the Performance Reward Grant split as name,value; --save, --replace or --remove it in a "
                          "file",
        description="Top-slice a grant as the Performance Reward Grant was (seed 000): a share to the Local "
                    "Strategic Partnerships, of the rest a retained share, and the remainder shared equally by the "
                    "partners, each planning on ±PERCENT. Prints name,value (pounds). With --year and --file, "
                    "--save keeps the split in the file, --replace puts it in place of a saved top-slice's "
                    "figures and --remove (no TOTAL) takes a saved top-slice out, as the Allocation tab's buttons "
                    "do.")
    # TOTAL and the figures default in run_top_slice, so that --remove (which takes none) can tell one was given.
    top.add_argument("total", metavar="TOTAL", nargs="?", type=_amount("TOTAL"),
                     help="the grant, in pounds (2900692 or £2,900,692); not with --remove")
    top.add_argument("--lsp-share", metavar="PERCENT", type=_percent("--lsp-share"),
                     help="share to the LSPs (default 50)")
    top.add_argument("--retain", metavar="PERCENT", type=_percent("--retain"),
                     help="share of the rest retained (default 10)")
    top.add_argument("--partners", type=option_type(read_partners, "--partners"), metavar="N",
                     help="partners sharing equally (default 9)")
    top.add_argument("--vary", metavar="PERCENT", type=option_type(_vary, "--vary"),
                     help="each partner's more-or-less scenario (default 20; 20, 20%% or ±20, as the window's "
                          "Scenario ±%% reads it)")
    top.add_argument("--save", metavar="NAME",
                     help="also save it in --file under NAME for --year, as the Allocation tab's Save top-slice… does "
                          "(a name the year has already is refused, never written over)")
    top.add_argument("--replace", metavar="NAME",
                     help="also put it in place of the figures of the top-slice saved in --file under NAME for "
                          "--year, as Replace saved does (its name, year and the names of its slice and rest kept)")
    top.add_argument("--remove", metavar="NAME",
                     help="remove the top-slice saved in --file under NAME for --year, as Remove saved does (give no "
                          "TOTAL or figures)")
    top.add_argument("--year", metavar="YYYY/YY",
                     help="the financial year it is saved for (with --save, --replace or --remove)")
    top.add_argument("--file", metavar="FILE",
                     help="the Safer Desk file it is saved in (with --save, --replace or --remove)")
    top.set_defaults(run=run_top_slice)


def _amount(option: str):
    """An amount in pounds, checked as parsed and kept as typed (the service reads it)."""
    return option_type(read_amount, option, keep_text=True)


def _percent(option: str):
    def read(text: str):
        from safer_desk.domain.allocation import parse_percent

        return parse_percent(text, what=option)

    return option_type(read, option, keep_text=True)


def _damping(text: str):
    """The limit as the Allocation tab's Damping ±% field reads it ("±5" too), by the same reader."""
    from safer_desk.services.allocation_workbench import damping_limit

    return damping_limit(text, what="--damping")


def _vary(text: str):
    """Each partner's more-or-less scenario as the Top-slice page's Scenario ±% field reads it ("±20" too), by the
    reader --damping and the Damping ±% field share: a second reader would drift from the window's."""
    from safer_desk.domain.allocation import parse_percent
    from safer_desk.services.allocation_workbench import damping_limit

    return damping_limit(text, what="--vary") or parse_percent(text, what="--vary")  # blank: "nothing was given"


def _unit_word(text: str) -> str:
    """--unit as said: "pounds", "pennies" (the help's own words) and "pence" are the pound and the penny."""
    word = text.strip().lower()
    return {"pounds": "pound", "pennies": "penny", "pence": "penny"}.get(word, word)


def _fixed_share(text: str):
    """A share of the pot (1/3, 0.25, 25%) or £AMOUNT per fixed unit."""
    from safer_desk.domain.allocation import parse_fraction

    return read_amount(text.strip()) if text.strip().startswith("£") else parse_fraction(text, what="--fixed-share")


def _factor(text: str):
    from safer_desk.services.allocation import parse_factor_weights

    return parse_factor_weights([text])


def run_allocate(args: argparse.Namespace) -> int:
    from safer_desk.domain.allocation import AllocationError
    from safer_desk.services import allocation as service

    if args.pot is not None and args.previous_total is not None:
        raise CliError("give either --pot or --previous-total with --retain, not both", code=2)
    if args.pot is None and args.previous_total is None:
        raise CliError("give --pot AMOUNT, or --previous-total AMOUNT with --retain PERCENT", code=2)
    if args.previous_total is not None and args.retain is None:  # how the command is used, as the two above
        raise CliError("--previous-total needs --retain (the percentage kept back; 0 if none)", code=2)
    try:  # each NAME=WEIGHT was checked as parsed: what is left (a factor given twice) is how the command is used
        factors = service.parse_factor_weights(args.factor)
    except AllocationError as exc:
        raise CliError(str(exc), code=2) from exc
    try:
        options = service.build_options(pot=args.pot, previous_total=args.previous_total, retain=args.retain,
                                        fixed_share=args.fixed_share, rounding=args.rounding, unit=args.unit,
                                        factors=factors or None, damping=args.damping, names=OPTION_NAMES)
        read_notes: list[str] = []
        partnerships = service.read_input_csv(args.input, factors=[f.name for f in factors] or None,
                                              notes=read_notes)
        result = service.calculate(partnerships, options, take_sum=_take_sum)
    except AllocationError as exc:
        raise CliError(_name_option(str(exc))) from exc
    import sys

    for note in (*read_notes, *result.notes):
        print(f"safer-desk: note: {note}", file=sys.stderr)
    if damped := service.damping_in_variable_note(result):
        print(f"safer-desk: note: {damped}", file=sys.stderr)
    for warning in result.warnings:
        print(f"safer-desk: warning: {warning}", file=sys.stderr)
    print_csv(service.CLI_HEADER, service.cli_rows(result))
    return 0


def _take_sum(column_pence: int) -> str:
    """The command line's way to take the partnerships' figures for last year as its total (the window's = Sum)."""
    from safer_desk.domain.money import format_pounds_plain

    return f"give their sum as last year's total (--previous-total {format_pounds_plain(column_pence)})"


def _name_option(message: str) -> str:
    """Messages about the pot or the fixed part name the option that set them."""
    for prefix, option in (("pot:", "--pot/--previous-total:"), ("fixed units:", "fixed_units:"),
                           ("damping:", "--damping:"), ("fixed share:", "--fixed-share:")):
        if message.startswith(prefix):
            return option + message[len(prefix):]
    return message


TOP_SLICE_DEFAULTS = {"lsp_share": "50", "retain": "10", "partners": 9, "vary": "20"}
TOP_SLICE_FIGURES = "TOTAL, --lsp-share, --retain, --partners or --vary"


def run_top_slice(args: argparse.Namespace) -> int:
    import sys

    from safer_desk.domain.allocation import AllocationError, parse_percent
    from safer_desk.services import allocation as service

    doing, name, year = _top_slice_in_file(args)
    if doing == "--remove":
        _remove_top_slice(args, name, year)
        return 0
    if args.total is None:
        raise CliError("the following arguments are required: TOTAL (the grant, in pounds)", code=2)
    given = {k: getattr(args, k) if getattr(args, k) is not None else v for k, v in TOP_SLICE_DEFAULTS.items()}
    try:
        total = service.amount_option("TOTAL", args.total)
        shape = dict(lsp_share=parse_percent(given["lsp_share"], what="--lsp-share"),
                     retain=parse_percent(given["retain"], what="--retain"), partners=given["partners"],
                     vary=parse_percent(given["vary"], what="--vary"))
        rows, notes = service.top_slice_rows(total, **shape)
    except AllocationError as exc:
        raise CliError(str(exc)) from exc
    if doing == "--save":
        _save_top_slice(args, name, year, total, **shape)
    elif doing == "--replace":
        _replace_top_slice(args, name, year, total, **shape)
    for note in notes:
        print(f"safer-desk: note: {note}", file=sys.stderr)
    print_csv(["name", "value"], rows)
    return 0


def _top_slice_in_file(args: argparse.Namespace) -> tuple[str | None, str, str]:
    """(--save, --replace or --remove, the name, the year's label) or (None, "", ""); a usage error (exit 2) said
    before the file is opened when one is given without --year and --file, with another, without a name, or
    --remove with figures."""
    from safer_desk.domain.periods import FinancialYear, PeriodError

    given = [(flag, value) for flag, value in (("--save", args.save), ("--replace", args.replace),
                                               ("--remove", args.remove)) if value is not None]
    if not given:
        if args.year or args.file:
            raise CliError("--year and --file say where to --save the top-slice; give --save NAME with them (or "
                           "--replace NAME, --remove NAME)", code=2)
        return None, "", ""
    if len(given) > 1:
        raise CliError(f"{given[0][0]} and {given[1][0]} cannot be given together", code=2)
    doing, name = given[0]
    if not name.strip():
        raise CliError(f"{doing}: a top-slice needs a name", code=2)
    if not (args.year and args.file):
        where = "the file to save it in" if doing == "--save" else "the file it is saved in"
        raise CliError(f"{doing} needs --year (the financial year it is for) and --file ({where})", code=2)
    if doing == "--remove" and (args.total is not None or any(getattr(args, k) is not None
                                                              for k in TOP_SLICE_DEFAULTS)):
        raise CliError(f"--remove takes no {TOP_SLICE_FIGURES}: it removes the saved top-slice whole", code=2)
    try:
        year = FinancialYear.parse(args.year).label
    except PeriodError as exc:  # said before the file is opened: nothing could be changed
        raise CliError(f"--year: {exc}", code=2) from exc
    return doing, name.strip(), year


def _save_top_slice(args: argparse.Namespace, name: str, year: str, total_pence: int, *, lsp_share, retain,
                    partners: int, vary) -> None:
    """--save: the split saved through the service the window's Save top-slice… uses, named in the history as it
    names it; the slice and the rest labelled as the printed rows call them."""
    import sys

    from safer_desk.services import allocation as service

    store = open_existing(args.file, read_only=False)
    try:
        with store.action(f"Save top-slice {name}"):
            service.save_top_slice(store, name, year, total_pence, slices=(("LSP share", lsp_share),),
                                   remainder_label="Remainder", retained=retain, partners=partners, scenario=vary)
    except service.ScenarioError as exc:  # a name the year has already
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    print(f"safer-desk: saved the {year} top-slice “{name}” in {args.file}", file=sys.stderr)


def _saved_top_slice(store, name: str, year: str, file: str):
    """The year's saved top-slice under the name as typed (any case, dash or spacing); exit 1 when there is none."""
    from safer_desk.services import allocation as service

    found = service.top_slice_named(store, name, year)
    if found is None:
        names = [item.name for item in service.list_top_slices(store, year=year)]
        has = f" (it has {', '.join(f'“{n}”' for n in names)})" if names else " (it has none)"
        raise CliError(f"There is no {year} top-slice called “{name}” in {file}{has}; nothing was changed.")
    return found


def _replace_top_slice(args: argparse.Namespace, name: str, year: str, total_pence: int, *, lsp_share, retain,
                       partners: int, vary) -> None:
    """--replace: the split put in place of a saved top-slice's figures through the service the window's Replace
    saved uses, named in the history as it names it; the saved names of its slice and rest kept."""
    import sys

    from safer_desk.domain.allocation import AllocationError
    from safer_desk.services import allocation as service

    store = open_existing(args.file, read_only=False)
    try:
        item = _saved_top_slice(store, name, year, args.file)
        label = item.slices[0][0] if item.slices else "LSP share"
        new = dict(total_pence=total_pence, slices=((label, lsp_share),), remainder_label=item.remainder_label,
                   retained=retain, partners=partners, scenario=vary)
        if service.TopSlice(item.id, item.name, item.year, **new) == item:
            print(f"safer-desk: the {year} top-slice “{item.name}” in {args.file} already holds these figures; "
                  "nothing was changed", file=sys.stderr)
            return
        with store.action(f"Replace top-slice {item.name}"):
            service.replace_top_slice(store, item.id, **new)
    except (service.ScenarioError, AllocationError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    print(f"safer-desk: replaced the figures of the {year} top-slice “{item.name}” in {args.file}", file=sys.stderr)


def _remove_top_slice(args: argparse.Namespace, name: str, year: str) -> None:
    """--remove: a saved top-slice taken out through the service the window's Remove saved uses, named in the
    history as it names it."""
    import sys

    from safer_desk.services import allocation as service

    store = open_existing(args.file, read_only=False)
    try:
        item = _saved_top_slice(store, name, year, args.file)
        with store.action(f"Remove top-slice {item.name}"):
            service.delete_top_slice(store, item.id)
    except service.ScenarioError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    print(f"safer-desk: removed the {year} top-slice “{item.name}” from {args.file}", file=sys.stderr)
