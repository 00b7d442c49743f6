"""`safer-desk office FILE`: whose file this is (partnerships, districts by date, county), shown or set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from safer_desk.cli.common import CliError, open_existing, option_type, read_financial_year


def register(subparsers: argparse._SubParsersAction) -> None:
    office = subparsers.add_parser(
        "office", help="show or set the office's scope: its partnerships, districts and county",
        description="Show whose file this is, or set it. The office's districts follow from its partnerships by "
                    "date (Waveney and Suffolk Coastal count as East Suffolk from 2019/20); lists and the board "
                    "report's \"All areas\" mean these areas. A county file means the districts merged into it. "
                    "--name names the office (what the county calls it). With no option, prints the scope.")
    office.add_argument("file", metavar="FILE", help="the Safer Desk file")
    office.add_argument("--partnership", metavar="NAME", action="append",
                        help="a partnership of the office (repeat for several; replaces those named before)")
    office.add_argument("--district", metavar="NAME", action="append",
                        help="a district of the office not covered by its partnerships (repeat for several; "
                             "replaces those named before)")
    # dest county_name: "county" is a file to the commands that merge (an empty one refused as a file name)
    office.add_argument("--county", dest="county_name", metavar="NAME", help="the office's county (\"\" clears it)")
    office.add_argument("--name", metavar="NAME", help="the office's name, as its exports say they are from and the "
                                                       "county calls it (e.g. \"Babergh and Mid Suffolk CSP office\")")
    office.add_argument("--clear", action="store_true", help="forget the partnerships, districts and county named")
    office.add_argument("--year", metavar="YYYY/YY", type=option_type(read_financial_year, "--year"),
                        help="show the districts of this financial year (default: the current one)")
    office.set_defaults(run=run_office)


def run_office(args: argparse.Namespace) -> int:
    from datetime import date

    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services import reference as ref

    year = args.year or FinancialYear.of(date.today())
    if not Path(args.file).exists():  # setting up a new office from nothing: say how its file is made
        raise CliError(f"there is no file at {args.file}. Start the office's file with `safer-desk import-police "
                       f"{args.file} FOLDER` (its police.uk files) or in the window (File > New), then name the "
                       "office here. Nothing was made.")
    for option, kind, names in (("--partnership", "partnership", args.partnership),
                                ("--district", "district", args.district)):
        if any(not (name or "").strip() for name in names or ()):  # "" looked up as a name: "no partnership called “”"
            raise CliError(f"{option} needs a {kind}'s name ({option} \"NAME\", as the council spells it); to forget "
                           f"the {kind}s named, use --clear. Nothing was changed.", code=2)
    scoping = args.clear or args.partnership is not None or args.district is not None or args.county_name is not None
    changing = scoping or args.name is not None
    store = open_existing(args.file, read_only=not changing)
    try:
        before = ref.office_area_ids(store) if scoping else set()
        if changing:
            try:  # named in the history as File > Office Details… names the same change; all of it or nothing
                with store.action(ref.OFFICE_SCOPE_ACTION), store.transaction():
                    if args.name is not None:
                        ref.set_office_name(store, args.name)
                    if scoping:
                        ref.set_office_scope(
                            store, partnerships=[] if args.clear and args.partnership is None else args.partnership,
                            districts=[] if args.clear and args.district is None else args.district,
                            county="" if args.clear and args.county_name is None else args.county_name)
            except ref.ReferenceError as exc:
                raise CliError(str(exc)) from exc
            for said in ref.covered_words(store, args.district or ()):  # one rule with Office Details…, said
                print(f"safer-desk: note: {said}", file=sys.stderr)
            doubt = ref.county_doubt(store, args.county_name or "")
            if doubt:
                print(f"safer-desk: warning: {doubt}", file=sys.stderr)
            if args.district is not None or args.county_name is not None:  # its figures are left out of the county's
                named = ref.office_scope(store)
                away = ref.districts_outside_county_words(store, [a.id for a in named.districts],
                                                          named.county.name if named.county else "")
                if away:
                    print(f"safer-desk: warning: {away}", file=sys.stderr)
            left = ref.left_outside_words(store, before, in_window=False) if scoping else ""
            if left:  # kept in the file, but the board report's "All areas" leaves them out from now on
                print(f"safer-desk: note: {left}", file=sys.stderr)
        scope = ref.office_scope(store)
        districts = ref.office_districts(store, year)
        print("\n".join(scope.lines(districts, year.label, ref.reported_county_words(store))))
        for said in ref.idle_partnership_words(store, year, date.today()):  # as Office Details… marks it
            print(f"safer-desk: note: {said}.", file=sys.stderr)
        for district in districts:  # East Suffolk of 2018/19: the districts its area was then (as the report says)
            if said := ref.began_within_words(store, district.id, district.name, year,
                                              shown=[d.name for d in districts]):
                print(f"safer-desk: note: {said}", file=sys.stderr)
        for said in ref.abolished_words(store):  # as Office Details… lists "Forest Heath (now West Suffolk)"
            print(f"safer-desk: note: {said}", file=sys.stderr)
    finally:
        store.close()
    return 0
