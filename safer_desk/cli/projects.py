"""The projects subcommands of `safer-desk` (see DESIGN.md §4)."""

from __future__ import annotations

import argparse

from safer_desk.cli.common import (open_existing, option_type, print_csv, read_amount, read_financial_year,
                                   refuse_empty_area)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    parser = subparsers.add_parser(
        "projects", help="print the project register as CSV",
        description="Print the project register as CSV, one row per project: id, title, status, funding route, "
                    "cost_min and cost_max in pounds (cost_max empty for a minimum, both empty when no cost is "
                    "stated), the five board criteria (yes, no, unknown or empty), then the project's ref, each "
                    "criterion's qualifier as the paper writes it (“for Ipswich only”) and the funders' shares "
                    "(“OPCC (2017/18): 110000”, or the paper's words when not known). In a county file (one that "
                    "district exports were merged into) a last column, merged_from, says which office each project "
                    "came from (“Babergh office”; every office that sent it alike; or “Typed in the county file”); "
                    "an office's own file has no such column. --area keeps the projects the register's area "
                    "choice keeps.")
    parser.add_argument("file", metavar="FILE", help="the Safer Desk file")
    parser.add_argument("--area", metavar="NAME",
                        help="only the projects of this area, as the register's area choice shows them (those naming "
                             "it, and its county's county-wide ones: Babergh's file keeps Suffolk's for Babergh though "
                             "no project names it); an area no project counts for is refused")
    parser.set_defaults(run=run_projects)
    register_awards(subparsers)


def run_projects(args: argparse.Namespace) -> int:
    from safer_desk.services.funders import register_cli_header, register_cli_rows
    from safer_desk.services.provenance import PROJECTS, row_origins

    refuse_empty_area(args.area)
    store = open_existing(args.file)
    try:
        origins = row_origins(store, PROJECTS)  # a county file's only: an office's own output is as it always was
        rows = register_cli_rows(store, origins)
        if args.area is not None:
            kept = _projects_of_area(store, args.area)
            rows = [r for r in rows if r[0] in kept]
        print_csv(register_cli_header(origins), rows)
    finally:
        store.close()
    return 0


def _projects_of_area(store, area: str) -> set[str]:
    """The ids of the projects the register's area choice keeps for ``area`` (the window's own rule: those naming it,
    and the county-wide ones of its county); an area the choice does not offer is refused, naming those it does."""
    from safer_desk.cli.common import CliError
    from safer_desk.domain.text import in_words, meant_words
    from safer_desk.presenters.projects import ProjectsPresenter

    presenter = ProjectsPresenter(store, read_only=True)
    presenter.reload()
    held = presenter.areas()
    chosen = next((name for name in held if name.casefold() == " ".join(area.split()).casefold()), None)
    if chosen is None:
        offered = f"its area choice offers {in_words(held)}" if held else "no project in it names an area"
        raise CliError(f"--area: the register counts no project for an area called “{area.strip()}”"
                       f"{meant_words(area.strip(), held)} ({offered}). Nothing was printed.")
    keep = presenter.filter_predicate(area=chosen)
    return {p.id for p in presenter.rows if keep is None or keep(p)}


def register_awards(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "awards", help="list the funders' awards as CSV, or add or delete one",
        description="With no option, print the file's funders' awards as CSV, one row per award and year: funder, "
                    "name, year, amount (pounds), total as stated, first_year, last_year, revenue_pct, capital_pct, "
                    "conditions. --add NAME adds an award (as View > Funders' Awards… does); --delete NAME deletes "
                    "one (scenarios against it keep their fund).")
    parser.add_argument("file", metavar="FILE", help="the Safer Desk file")
    parser.add_argument("--add", metavar="NAME", help="add an award with this name")
    parser.add_argument("--funder", metavar="NAME", help="who made the award (with --add)")
    parser.add_argument("--year", metavar="YYYY/YY=AMOUNT", action="append", default=[],
                        type=option_type(_year_amount, "--year", keep_text=True),
                        help="the award's amount for a financial year, e.g. 2017/18=£400,568 (repeat for several)")
    parser.add_argument("--total", metavar="AMOUNT", type=option_type(read_amount, "--total", keep_text=True),
                        help="the total as the paper states it, in pounds (801136 or £801,136)")
    parser.add_argument("--first-year", metavar="YYYY/YY", default="", type=_year("--first-year"),
                        help="for a total not split by year")
    parser.add_argument("--last-year", metavar="YYYY/YY", default="", type=_year("--last-year"),
                        help="with --first-year: the last year of a total not split by year")
    parser.add_argument("--revenue", metavar="PERCENT", type=_percent("--revenue"),
                        help="the revenue share (69 or 69%%; with --capital)")
    parser.add_argument("--capital", metavar="PERCENT", type=_percent("--capital"),
                        help="the capital share (31 or 31%%; with --revenue)")
    parser.add_argument("--conditions", metavar="TEXT", default="",
                        help="the award's conditions, as the paper words them")
    parser.add_argument("--delete", metavar="NAME", help="delete the award with this name")
    parser.set_defaults(run=run_awards)


def _year_amount(text: str) -> None:
    """"2017/18=£400,568": a financial year and its amount, each checked as the award's form checks them."""
    from safer_desk.domain.commissioning import FundingError
    from safer_desk.services import funders

    try:
        years = funders.years_from_text(text)
    except FundingError as exc:
        if "should read like" in str(exc):  # the form's words; on the command line a year and its amount read so
            raise ValueError(f"“{text}” should read like 2017/18=£400,568 (a financial year, then its amount).") \
                from None
        raise ValueError(str(exc).removeprefix("Year: ")) from None
    for year, amount in years.items():
        if not amount:
            raise ValueError(f"give the amount for {year} (2017/18=£400,568).")
        try:  # "TBC": the year is left out until its amount is known, not given blank
            read_amount(amount, blank=f"leave out --year {year}")
        except ValueError as exc:
            raise ValueError(f"the amount for {year}: {exc}") from None


def _year(option: str):
    return option_type(read_financial_year, option, keep_text=True)


def _percent(option: str):
    def read(text: str) -> int:
        from safer_desk.domain.dhr import percent_to_bp

        return percent_to_bp(text)

    return option_type(read, option, keep_text=True)


# The award form's field names, said as the options that set them.
_AWARD_OPTIONS = (("Revenue/capital:", "--revenue/--capital:"), ("Revenue %:", "--revenue:"),
                  ("Capital %:", "--capital:"), ("First year:", "--first-year:"), ("Last year:", "--last-year:"),
                  ("Year:", "--year:"), ("Amount for ", "--year: the amount for "), ("Total:", "--total:"),
                  ("Funder:", "--funder:"), ("Name:", "--add:"))


def _award_to_add(args: argparse.Namespace):
    """The award --add describes, made before the file is opened: options no file could take together (revenue
    and capital not adding up to 100%, a last year before the first, a year given twice) are a usage error (exit 2)
    naming the options; only a name the file already holds is the file's to refuse."""
    from safer_desk.cli.common import CliError
    from safer_desk.domain.commissioning import FundingError
    from safer_desk.services import funders

    try:
        years = funders.years_from_text("\n".join(args.year))  # 2017/18=£400,568 reads as typed
        return funders.make_award(funder=args.funder, name=args.add, years=years, total=args.total,
                                  first_year=args.first_year, last_year=args.last_year,
                                  conditions=args.conditions, revenue=args.revenue, capital=args.capital)
    except FundingError as exc:
        raise CliError(_as_options(str(exc)), code=2) from exc


def _as_options(message: str) -> str:
    """A refusal of the award's form said of the option that sets its field ("Name: …" → "--add: …")."""
    for field, option in _AWARD_OPTIONS:
        if message.startswith(field):
            return option + message[len(field):]
    return message


def _funder_unlike_any(store, funder: str) -> str:
    """A funder typed a letter or so out from one the file names ("Suffolk Public Sectr Leaders"), said as such ("" for
    one the file names, or one like none): the window picks the funder from the file's list, a command takes it as
    typed, and the lists would then show the one funder twice."""
    from safer_desk.domain.commissioning import same_funder
    from safer_desk.domain.text import meant_words
    from safer_desk.services import funders

    held = funders.funder_names(store)
    if any(same_funder(name, funder) for name in held):
        return ""
    meant = meant_words(funder, held)
    return (f"no other award or project's funding in this file is from “{funder}”{meant}: it is added as a new "
            "funder; if it is the funder meant, delete the award (--delete) and add it again with the funder as "
            "the file spells it.") if meant else ""


def run_awards(args: argparse.Namespace) -> int:
    import sys

    from safer_desk.cli.common import CliError
    from safer_desk.domain.commissioning import FundingError
    from safer_desk.services import funders

    adding, deleting = args.add is not None, args.delete is not None  # an empty name is a name left out
    if adding and deleting:
        raise CliError("give --add or --delete, not both", code=2)
    if deleting and not args.delete.strip():
        raise CliError("--delete: give the name of the award to delete", code=2)
    adding_only = ("funder", "total", "revenue", "capital")
    if not adding and (args.year or args.first_year or args.last_year or args.conditions
                         or any(getattr(args, k) is not None for k in adding_only)):
        raise CliError("--funder, --year, --total, --first-year, --last-year, --revenue, --capital and "
                       "--conditions describe an award to --add", code=2)
    if adding and not args.add.strip():
        raise CliError("--add: an award needs a name", code=2)
    if adding and not args.funder:
        raise CliError("--add needs --funder: who made the award", code=2)
    award = _award_to_add(args) if adding else None  # what no file could hold is said before it is opened
    store = open_existing(args.file, read_only=not (adding or deleting))
    try:
        if award is not None:
            unlike = _funder_unlike_any(store, award.funder)
            try:  # named in the history as View > Funders' Awards… names the same change
                with store.action(f"Add award {award.name}"):
                    award = funders.save_award(store, award)
            except FundingError as exc:  # a name the file already has (exit 1), said of --add
                raise CliError(_as_options(str(exc))) from exc
            for doubt in award.checks():
                print(f"safer-desk: warning: {doubt}", file=sys.stderr)
            if unlike:
                print(f"safer-desk: warning: {unlike}", file=sys.stderr)
            print(f"added {award.describe()} ({award.name})")
        elif deleting:
            award = funders.award_by_name(store, args.delete)
            if award is None:
                from safer_desk.domain.text import meant_words

                names = [a.name for a in funders.list_awards(store)]
                known = ", ".join(names) or "none yet"
                raise CliError(f"There is no award called “{args.delete}”{meant_words(args.delete, names)} "
                               f"(known: {known}).")
            from safer_desk.domain.text import counted

            naming = [p.title for p in funders.projects_naming(store, award)]
            with store.action(f"Delete award {award.name}"):
                unlinked = funders.delete_award(store, award.id).scenario_ids
            print(f"deleted {award.name}" + (f"; {counted(len(unlinked), 'scenario')} against it kept "
                                             "the fund" if unlinked else ""))
            if naming:  # "Suffolk Public Sector Leaders — County Lines (2018/19): £20,000" now names no award
                whose = (f"the share of {naming[0]}" if len(naming) == 1 else
                         f"shares of {counted(len(naming), 'project')} ({', '.join(naming)})")
                one = len(naming) == 1
                print(f"safer-desk: warning: {whose} named it: {'it now names' if one else 'they now name'} an award "
                      f"{award.funder} does not have, and count{'s' if one else ''} against none.", file=sys.stderr)
        else:
            from safer_desk.services.provenance import AWARDS, row_origins

            origins = row_origins(store, AWARDS)  # a county file's only: an office's own output is as it always was
            print_csv(funders.awards_cli_header(origins), funders.awards_cli_rows(store, origins))
    finally:
        store.close()
    return 0
