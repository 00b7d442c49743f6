"""The exchange subcommands of `safer-desk` (see DESIGN.md §4): export, merge, report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from safer_desk.cli.common import CliError, open_existing, open_for_writing


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    export = subparsers.add_parser(
        "export", help="export the office's data for the county (.sqlite to merge, .xlsx to read)",
        description="Write the office's data for the county lead: OUT.sqlite (merged with `safer-desk merge`) "
                    "or OUT.xlsx (a workbook to read: contents, then the register, scenarios, allocations, "
                    "reviews, fund spend and indicators). Victim-level target-hardening rows are left out, with "
                    "totals by district and month instead, unless --include-referrals is given.")
    export.add_argument("file", metavar="FILE", help="the office's Safer Desk file")
    export.add_argument("out", metavar="OUT.sqlite|OUT.xlsx")
    export.add_argument("--include-referrals", action="store_true",
                        help="include individual target-hardening referrals (victim-level rows)")
    export.add_argument("--raw-tables", action="store_true",
                        help="OUT.xlsx only: add the database's tables as they are (ids and all) after the views")
    export.set_defaults(run=run_export)

    merge = subparsers.add_parser(
        "merge", help="merge district exports into a county file (creates it when missing)",
        description="Merge district exports into COUNTY_FILE. Every file is checked first; a file that is "
                    "not an export, damaged, fails its checksum or is newer is refused and nothing is merged. "
                    "Conflicts are listed, never overwritten.")
    merge.add_argument("county", metavar="COUNTY_FILE")
    merge.add_argument("districts", metavar="DISTRICT_FILE", nargs="+")
    merge.set_defaults(run=run_merge)

    report = subparsers.add_parser(
        "report", help="write the board report as PDF or HTML",
        description="Write the board report (title page, then each tab's tables and charts) as PDF or HTML.")
    report.add_argument("file", metavar="FILE")
    report.add_argument("out", metavar="OUT.pdf|OUT.html")
    report.add_argument("--year", metavar="YYYY/YY", help="financial year, e.g. 2016/17 (default: all years)")
    report.add_argument("--area", metavar="NAME", help="a district, partnership or county by name (default: all the "
                                                      "office's areas; see `safer-desk office FILE`)")
    report.add_argument("--title", help="the report's title (default: Community Safety Partnership board report)")
    report.add_argument("--meeting", metavar="DD/MM/YYYY", help="the date of the meeting, shown on the title page")
    report.set_defaults(run=run_report)


def run_export(args: argparse.Namespace) -> int:
    from safer_desk.services.county import CountyError, export_for_county

    store = open_existing(args.file)
    try:
        if args.raw_tables and Path(args.out).suffix.lower() != ".xlsx":
            raise CliError("--raw-tables is for a workbook (OUT.xlsx); an .sqlite export holds the tables already",
                           code=2)
        result = export_for_county(store, Path(args.out), include_referrals=args.include_referrals,
                                   raw_tables=args.raw_tables)
    except CountyError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    print(f"wrote {result.path}: {result.total_rows} rows from {len(result.row_counts)} tables of "
          f"{result.office_name}")
    if result.include_referrals:
        print("individual referrals: included")
    elif result.left_out:
        print(f"individual referrals: left out ({', '.join(result.left_out)}); "
              f"{result.summary_rows} summary rows by district and month instead")
    print(f"checksum {result.checksum}")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from safer_desk.services.county import check_district_files, merge_district_files

    paths = [Path(p) for p in args.districts]
    _, refused = check_district_files(paths)
    if refused:
        # Check everything before opening (or creating) the county file: a refusal changes nothing.
        raise CliError("\n".join(why for _, why in refused))
    store = open_for_writing(args.county)
    try:
        report = merge_district_files(store, paths)
    finally:
        store.close()
    refused, report.refused = report.refused, []
    print(report.text())
    for c in report.conflicts:
        print(f"conflict: {c.office_name}: {c.table} {c.row_key}: {c.description}"
              + (f" ({c.other})" if c.other else "") + f". {c.detail}", file=sys.stderr)
    if refused:
        # Refused at merge time (an older export, one from the county file itself): the others merged.
        raise CliError("\n".join(why for _, why in refused))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from safer_desk.services.report import ReportError, build_report

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".html", ".htm"):
        raise CliError(f"{out.name}: the report must end in .pdf or .html")
    store = open_existing(args.file)
    try:
        try:
            document = build_report(store, year=args.year, area=args.area, title=args.title, meeting=args.meeting)
        except ReportError as exc:
            raise CliError(str(exc)) from exc
    finally:
        store.close()
    if kind == ".pdf":
        from safer_desk.ui.exchange.report_pdf import write_pdf  # Qt's own PDF writer (cli sits above ui)

        pages = write_pdf(document, out)
        print(f"wrote {out} ({pages} pages)")
    else:
        from safer_desk.exchange.report_html import write_html

        write_html(document, out)
        print(f"wrote {out}")
    return 0
