"""The exchange subcommands of `safer-desk` (see DESIGN.md §4): export, merge, conflicts, key, keys, check, report."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from safer_desk.cli.common import (REPLACE_HELP, CliError, office_file_given, open_existing, open_for_writing,
                                   option_type, police_data_words, read_date, read_financial_year, read_fingerprint,
                                   refuse_empty_area, refuse_existing_output, refuse_missing_file,
                                   refuse_new_file_name, refuse_out_first, refuse_output)
from safer_desk.domain.text import counted, in_words


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    export = subparsers.add_parser(
        "export", help="export the office's data for the county (.sqlite to merge, .xlsx to read)",
        description="Write the office's data for the county lead: OUT.sqlite (merged with `safer-desk merge`) "
                    "or OUT.xlsx (a workbook to read: contents, then the register, scenarios, funders' "
                    "awards, allocations, top-slices, reviews, funds, fund spend, indicators and budgets). "
                    "Victim-level "
                    "target-hardening rows are left out, with "
                    "totals by district and month instead, and so are the reviews' case notes and panel-meeting "
                    "notes (the reviews go, their notes blank), unless --include-referrals is given.")
    export.add_argument("file", metavar="FILE", help="the office's Safer Desk file")
    export.add_argument("out", metavar="OUT.sqlite|OUT.xlsx",
                        help="the export to write: .sqlite for the county to merge, or .xlsx a workbook to read")
    export.add_argument("--include-referrals", action="store_true",
                        help="include the victim-level detail: individual target-hardening referrals (with any "
                             "override reasons) and the reviews' case notes and panel-meeting notes")
    export.add_argument("--raw-tables", action="store_true",
                        help="OUT.xlsx only: add the database's tables as they are (ids and all) after the views")
    export.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    export.set_defaults(run=run_export)

    merge = subparsers.add_parser(
        "merge", help="merge district exports into a county file (creates it when missing)",
        description="Merge district exports into COUNTY_FILE. Every file is checked first (signature, the "
                    "county's register of each office's keys, sequence number, date, audit chain, contents); "
                    "a file that fails is refused, nothing is merged and the county file is left as it was. "
                    "A key the county has not registered for an office is accepted only with --accept-key, "
                    "after its fingerprint has been confirmed with the office by phone. Public data (police.uk "
                    "counts) is shared, never a conflict: a later download of a month replaces an earlier one. "
                    "Real disagreements are listed in plain words, grouped, and the county's version is kept until "
                    "you decide (--keep here, or `safer-desk conflicts`).")
    merge.add_argument("county", metavar="COUNTY_FILE", help="the county's Safer Desk file (created when missing)")
    merge.add_argument("districts", metavar="DISTRICT_FILE", nargs="+",
                       help="an office's export (.sqlite, made by `safer-desk export`); several may be given")
    merge.add_argument("--accept-key", metavar="FINGERPRINT", action="append", default=[],
                       type=option_type(read_fingerprint, "--accept-key"),
                       help="register this key for the office whose file it signed (confirm it by phone first); "
                            "may be given more than once")
    merge.add_argument("--accept-restored", action="store_true",
                       help="merge the one DISTRICT_FILE given, exported from the office's file restored from a "
                            "backup (confirm that with the office first), though it does not follow on from the "
                            "office's last export merged; its figures become those of the restored file")
    _keep_arguments(merge, "after merging, decide the conflicts of the files given")
    merge.set_defaults(run=run_merge)

    conflicts = subparsers.add_parser(
        "conflicts", help="list the open conflicts of a county file in plain words, or decide them",
        description="List the conflicts still open in COUNTY_FILE, grouped by what they are about, each with its "
                    "number. With --keep, keep the county's or the district's version of all of them, of one "
                    "(--conflict NUMBER) or of a group (--conflict GROUP, e.g. dhr-share, indicator-figure, "
                    "project, reference, edited-at-county). Each decision is recorded in the audit trail and stands "
                    "when the same file is merged again.")
    conflicts.add_argument("county", metavar="COUNTY_FILE", help="the county's Safer Desk file")
    _keep_arguments(conflicts, "decide the open conflicts")
    conflicts.set_defaults(run=run_conflicts)

    key = subparsers.add_parser(
        "key", help="this officer's signing-key fingerprint (to read to the county lead)",
        description="Print the fingerprint of this officer's signing key, which signs every export for the "
                    "county (the key is made now if this computer has none yet). Read it to the county lead by "
                    "phone when they ask.")
    key.add_argument("--replace-withdrawn", metavar="FINGERPRINT",
                     type=option_type(read_fingerprint, "--replace-withdrawn"),
                     help="make a new signing key in place of yours, FINGERPRINT, which the county lead has withdrawn "
                          "(the fingerprint as the county's refusal gives it); the old key's fingerprint and public "
                          "half are kept in the keys folder. Read the new fingerprint to the county lead by phone")
    key.set_defaults(run=run_key)

    keys = subparsers.add_parser(
        "keys", help="the county's register of office signing keys; withdraw one",
        description="List the signing keys COUNTY_FILE has registered for each office (as CSV: office, "
                    "fingerprint, status, first_signed_by, accepted_at, accepted_by, withdrawn_at, withdrawn_by, "
                    "reason; times on this computer's clock, 2026-12-06 19:58), or withdraw "
                    "one: exports signed with a withdrawn key are refused from then on. Withdrawing is "
                    "recorded in the audit trail.")
    keys.add_argument("county", metavar="COUNTY_FILE", help="the county's Safer Desk file")
    keys.add_argument("--withdraw", metavar="FINGERPRINT", type=option_type(read_fingerprint, "--withdraw"),
                      help="withdraw this key (for every office it signs for)")
    keys.add_argument("--reason", default="", help="why (kept with the withdrawal)")
    keys.set_defaults(run=run_keys)

    check = subparsers.add_parser(
        "check", help="integrity, audit trail and signature checks of a file",
        description="Check FILE: SQLite's integrity check; for a Safer Desk file its audit triggers, the hash "
                    "chain of its audit trail and the heads recorded at each export; for an export its "
                    "signature and contents. Exit 0 when all is well, 1 when something is wrong.")
    check.add_argument("file", metavar="FILE", help="a Safer Desk file, or an export for the county")
    check.add_argument("--repair", action="store_true",
                       help="make missing audit triggers again, re-seal a broken chain and record the gap, and "
                            "put a county's register of signing keys and the export numbers in its record of merges "
                            "back as a whole trail records them (a backup is made first)")
    check.add_argument("--export", metavar="EXPORT_FILE",
                       help="with --repair, on a county file: the export whose merge the county's record of its "
                            "merges no longer holds (check names it); its signed file rebuilds that record")
    check.set_defaults(run=run_check)

    report = subparsers.add_parser(
        "report", help="write the board report as PDF or HTML",
        description="Write the board report (title page, then each tab's tables and charts) as PDF or HTML.")
    report.add_argument("file", metavar="FILE", help="the Safer Desk file")
    report.add_argument("out", metavar="OUT.pdf|OUT.html", help="the report to write: .pdf, or .html for a web page")
    report.add_argument("--year", metavar="YYYY/YY", type=option_type(read_financial_year, "--year"),
                        help="financial year, e.g. 2016/17 (default: all years)")
    report.add_argument("--area", metavar="NAME", help="a district, partnership or county by name (default: all the "
                                                      "office's areas; see `safer-desk office FILE`). A name that "
                                                      "areas of two kinds share is refused: add the kind as the "
                                                      "window lists it, \"Cornwall (county)\" or \"Cornwall "
                                                      "(district)\" (or \"(partnership)\")")
    report.add_argument("--title", help="the report's title (default: Community Safety Partnership board report)")
    report.add_argument("--meeting", metavar="DD/MM/YYYY", type=option_type(read_date, "--meeting", keep_text=True),
                        help="the date of the meeting, shown on the title page")
    report.add_argument("--as-at", metavar="DD/MM/YYYY", type=option_type(read_date, "--as-at"),
                        help="the day the DHR and pooled-fund figures are as at, as `safer-desk dhr-ledger --as-at`: "
                             "invoices, payments, refunds and refusals dated after it are not counted; the title page "
                             "names the day, and the other sections are as the file stands (default: the year's end "
                             "for a past --year, otherwise today); a day before --year begins is refused")
    report.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    report.set_defaults(run=run_report)


def run_export(args: argparse.Namespace) -> int:
    from safer_desk.services.county import (CountyError, export_for_county, export_kind, export_name_words,
                                            export_of_a_county_words, export_surname_words, folder_as_export_words)

    refuse_out_first(args.file, args.out, outputs=(".xlsx", ".sqlite"),
                     usage="safer-desk export FILE OUT.sqlite|OUT.xlsx")
    out = Path(args.out)
    if out.is_dir():  # a folder has no ending to be wrong: said as a folder, with a name to give in it
        raise CliError(folder_as_export_words(out, args.file))
    try:
        kind = export_kind(out)
    except CountyError as exc:  # how the command is used (exit 2, as report's OUT.pdf), before anything is read
        raise CliError(str(exc), code=2) from None
    if args.raw_tables and kind != "xlsx":  # how the command is used: said before an OUT that exists is
        raise CliError("--raw-tables is for a workbook (OUT.xlsx); an .sqlite export holds the tables already",
                       code=2)
    refuse_missing_file(args.file)
    refuse_output(args.out)
    if not _office_file_named(args.file, out, kind):  # that is refused below, in words --replace would not help with
        refuse_existing_output(out, args.replace)
    # Written to: an export takes the office's next export number (an .xlsx workbook only reads).
    store = open_existing(args.file, checked=True) if kind == "xlsx" else _open_to_number_an_export(args.file)
    try:
        result = export_for_county(store, Path(args.out), include_referrals=args.include_referrals,
                                   raw_tables=args.raw_tables)
        unnamed = export_name_words(store)  # a new file's office is called after its file
        surnames = export_surname_words(store, include_referrals=result.include_referrals)
    except CountyError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    tables = counted(len(result.row_counts), 'table')
    print(f"wrote {result.path}: {counted(result.total_rows, 'row')} from {tables} of "
          f"{result.office_name}")
    if result.include_referrals:
        print(f"individual referrals: included ({result.row_counts.get('fund_referrals', 0):,})")
        print(f"safer-desk: warning: {result.path.name} holds victim-level data (individual referrals, as asked): "
              "keep it as securely as the office file and send it only to the county.", file=sys.stderr)
        if result.case_notes_sent and (kind == "sqlite" or args.raw_tables):  # the workbook's views show none
            print(f"reviews' case and panel-meeting notes: included ({result.case_notes_sent:,})")
    elif result.left_out and not result.referrals_held and not result.summary_rows:
        print("individual referrals: none in this file (nothing victim-level to leave out)")
    elif result.left_out:
        print(f"individual referrals: left out ({', '.join(result.left_out)}); "
              f"{counted(result.summary_rows, 'summary row')} by district and month instead")
    if result.case_notes_left_out:
        print(f"reviews' case and panel-meeting notes: left out ({result.case_notes_left_out:,}); the reviews "
              "themselves are in the export")
    if result.deleted_lines_words_left_out:
        print(f"deleted review cost lines: words left out of {result.deleted_lines_words_left_out:,} (they look like "
              "a name or an address, and a deleted line cannot be corrected; their cost and days are in the export, "
              "their words stay in the office's file)")
    if result.versions_words_left_out:
        print(f"review cost lines' earlier versions: words left out of {result.versions_words_left_out:,} (they look "
              "like a name or an address, and a version a correction replaced cannot be corrected; their cost and "
              "days are in the export, their words stay in the office's file)")
    print(f"checksum {result.checksum}")
    if result.sequence is not None:
        print(f"signed: export number {result.sequence} of this office, key {result.key_fingerprint}")
    if county := export_of_a_county_words(result):
        print(f"safer-desk: note: {county}", file=sys.stderr)
    if unnamed:
        print(f"safer-desk: note: {unnamed}", file=sys.stderr)
    if surnames:
        print(f"safer-desk: warning: {surnames}", file=sys.stderr)
    return 0


def _open_to_number_an_export(file: str):
    """The office's file opened to record the export's number. A file marked read-only is refused saying why an
    export writes to it at all, and without the advice to change a copy: a copy's exports take numbers the office's
    own file takes again, and the county refuses the later of the two. A file open in a window is exported there."""
    from safer_desk.storage.store import DiskReadOnly, FileLocked, FileReadOnly, IsAnExport

    try:
        return open_existing(file, read_only=False)
    except CliError as exc:
        cause = exc.__cause__
        if isinstance(cause, IsAnExport):  # no change was asked for: said as the workbook of an export says it
            from safer_desk.services.county import export_of_an_export_words
            from safer_desk.storage.store import export_words

            look = open_existing(file, read_only=True)
            try:
                raise CliError(export_of_an_export_words(Path(file).name, export_words(look.conn))) from cause
            finally:
                look.close()
        offer = "It can be opened read-only."
        if isinstance(cause, FileLocked) and not cause.command and str(cause).endswith(offer):
            # A window has it open for writing: the export is made there, not "the change".
            raise CliError(f"{str(cause)[:-len(offer)]}Export from that window (File > Export for County…), or close "
                           "it there and run the command again. A workbook (OUT.xlsx) only reads the file and can be "
                           "made as it is. Nothing was changed.") from cause
        if not isinstance(cause, FileReadOnly):
            raise
        name = Path(file).name
        where, how = ((f"The folder of {name} cannot be written to", "ask for write access to its folder")
                      if str(exc.__cause__).startswith("The folder of") else
                      (f"{name} is on a disk that cannot be written to",
                       "give the office's own file where it is kept, on a drive that can be written to")
                      if isinstance(cause, DiskReadOnly) else
                      (f"{name} is read-only on disk", "clear its read-only mark"))
        raise CliError(f"{where}, and an export for the county records its number in the file (each export takes the "
                       f"office's next number, which the county checks): {how}, then run the command again. A "
                       "workbook (OUT.xlsx) only reads the file and can be made as it is. Nothing was written.") \
            from exc.__cause__


def _office_file_named(file: str, out: Path, kind: str) -> bool:
    """OUT is FILE itself, or (for an .sqlite export) an office's own file: the export refuses it whatever the
    options say."""
    from safer_desk.storage.store import holds_data

    try:
        return out.exists() and (out.resolve() == Path(file).resolve() or kind == "sqlite" and holds_data(out))
    except OSError:
        return False


def _fingerprints(values: list[str]) -> set[str]:
    """The fingerprints given (each checked as it was parsed) in their printed form."""
    from safer_desk.exchange.signing import normal_fingerprint

    return {normal_fingerprint(value) for value in values}


def _keys_of_none(accept: set[str], manifests: list, offers: list) -> list[str]:
    """A fingerprint given with --accept-key that signs none of the files, when a file is refused: said first, with the
    keys the files refused for theirs are signed with (a fingerprint misread over the phone, or another office's,
    read as if --accept-key had not been given)."""
    unused = sorted(accept - {m.key_fingerprint for m in manifests} - {o.fingerprint for o in offers})
    if not unused or not offers:
        return []
    signed = in_words([f"{o.path.name} is signed with {o.fingerprint}" for o in offers])
    return [f"--accept-key {fp} is the key of none of the files given: {signed}. Read the fingerprint again with the "
            "office; nothing was accepted for it." for fp in unused]


def _keep_arguments(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--keep", choices=("county", "district"),
                        help=f"{what}: keep the county's version or the district's (recorded in the audit trail)")
    parser.add_argument("--conflict", metavar="NUMBER_OR_GROUP",
                        type=option_type(_conflict, "--conflict"),
                        help="with --keep: only this conflict (its number) or group (dhr-share, indicator-figure, "
                             "project, reference, edited-at-county …)")


def _conflict(text: str) -> str:
    """A conflict's number or a group, in any case and spacing ("DHR-Share" read as dhr-share): a typing mistake
    ("projcts") is refused before any file is opened."""
    from safer_desk.services.county import CountyError, check_conflict_selector

    word = text.strip().lower()
    try:
        check_conflict_selector(word)
    except CountyError as exc:  # said with what was typed
        raise CountyError(str(exc).replace(f"“{word}”", f"“{text}”", 1)) from None
    return word


def _check_keep(args: argparse.Namespace) -> None:
    if args.conflict is not None and args.keep is None:
        raise CliError("--conflict needs --keep county or --keep district", code=2)


def _decide(store, args: argparse.Namespace, offices=None) -> None:
    """Decide the conflicts --keep and --conflict name; after a merge (offices: those of the files merged) a refusal
    says that the files were merged all the same (the conflicts exist only once they are)."""
    from safer_desk.services.county import (CountyError, conflict_order, conflicts_text, list_conflicts,
                                            refresh_stale_conflicts, resolve_conflicts)

    if offices is not None and args.conflict is None and not list_conflicts(store, offices=offices):
        # After a merge, every conflict of its files, and none open: nothing to decide, not a refusal (a clean merge
        # read as a failed one by the county's script).
        print("The files merged have no open conflicts to decide.")
        return
    try:
        decided = resolve_conflicts(store, args.keep, which=args.conflict, offices=offices)
    except CountyError as exc:
        if offices is None:
            raise CliError(str(exc)) from exc
        raise CliError(f"The files were merged (above); no conflict was decided: {exc} (Among the conflicts of the "
                       "files merged: `safer-desk conflicts COUNTY_FILE` lists them all.)") from exc
    side = "the county's version" if args.keep == "county" else "the district's version"
    print(f"Kept {side} of {counted(len(decided), 'conflict')} (recorded in the audit trail):")
    for c in sorted(decided, key=conflict_order):  # in the order they were listed (decided in the order rows need)
        print(f"  #{c.id} {c.detail}")
    # Conflicts the kept versions settled or took the rows of (a whole plan kept takes its cells): closed and said
    # now, not listed as open and then closed without a word by the next listing.
    _say_closed(refresh_stale_conflicts(store))
    left = list_conflicts(store)
    print("\n".join(conflicts_text(left, store.conn)) if left else "No conflicts left open.")


def _say_closed(closed: list[str]) -> None:
    """The conflicts closed as the county file's rows now stand, each in words (nothing when none)."""
    if closed:
        print(f"Closed, as the county file now stands ({counted(len(closed), 'conflict')}):")
        print("\n".join(f"  {words}" for words in closed))


def run_merge(args: argparse.Namespace) -> int:
    from safer_desk.services.county import (NO_COUNTY_FILE_YET, CountyError, check_district_files, held_back_words,
                                            merge_district_files, refusal_holds_back, refusals_words,
                                            refuse_office_file)
    from safer_desk.storage.store import NeedsUpgrade, StoreError, inspect_file, open_store, refuse_export

    _check_keep(args)
    args.county = office_file_given(args.county)  # a new county file's name gets .sqlite, as File > New gives it
    refuse_new_file_name(args.county)
    if not Path(args.county).exists():
        refuse_output(args.county)
    paths = [Path(p) for p in args.districts]
    if args.accept_restored and len(args.districts) != 1:  # said before any file is read
        raise CliError("--accept-restored takes one file at a time: the export of the office's restored file, "
                       "confirmed with the office. Merge the other files without it", code=2)
    accept = _fingerprints(args.accept_key)
    # Check everything before opening the county file for writing (or creating it): a refusal leaves it
    # byte for byte as it was. Its key register and history are read through a read-only connection.
    county = NO_COUNTY_FILE_YET
    county_path = Path(args.county)
    if county_path.exists():
        try:
            refuse_export(county_path, inspect_file(county_path))  # an export named as the county file
            county = open_store(county_path, read_only=True)
        except NeedsUpgrade:
            county = None  # checked again after the upgrade, when the merge opens it for writing
        except StoreError as exc:
            raise CliError(str(exc)) from exc
        if county is not None:
            try:
                refuse_office_file(county)  # an office's own file named as the county file
            except CountyError as exc:
                county.close()
                raise CliError(str(exc)) from exc
    offers: list = []
    try:
        manifests, refused = check_district_files(paths, county, accept, offers, accept_restored=args.accept_restored)
    finally:
        if county not in (None, NO_COUNTY_FILE_YET):
            county.close()
    if refused:
        # The files that passed are not merged either: said, or the lead takes them for merged (or for refused).
        # (No question is asked here: a key to accept is --accept-key, a restored file's export --accept-restored.)
        passed = refusal_holds_back(manifests, refused)
        raise CliError(_none_made(refusals_words(_keys_of_none(accept, manifests, offers) + [
            why for _, why in refused] + ([held_back_words(passed)] if passed else [])), county_path))
    unused = accept - {m.key_fingerprint for m in manifests}
    for fp in sorted(unused):
        print(f"safer-desk: note: no file given is signed with key {fp}; nothing was accepted for it", file=sys.stderr)
    made = not county_path.exists()
    store = open_for_writing(args.county)
    merged = False
    try:
        before = set() if made else _merged_exports(store)
        try:
            report = merge_district_files(store, paths, accept_keys=accept, checked=manifests,
                                          accept_restored=args.accept_restored)
        except (OSError, sqlite3.Error) as exc:
            if not made:  # (a county file made by this merge is removed below, the files merged into it too)
                _stopped_part_way(store, before, paths, exc)
            raise
        merged = bool(report.merged)
        refused, report.refused = report.refused, []
        print(report.text())
        if args.keep is not None and report.merged:
            print()
            _decide(store, args, offices={m.office_id for m in manifests})
    finally:
        store.close()
        if made and not merged:  # a county file made for files that were all refused: as it was, none
            from safer_desk.storage.leftovers import remove_temp

            remove_temp(county_path)
    if refused:
        # Refused at merge time (an older export, one from the county file itself): the others merged.
        raise CliError(_none_made("\n".join(why for _, why in refused), county_path))
    return 0


def _none_made(said: str, county_path: Path) -> str:
    """A refusal's words when the merge was to make the county file and made none: "The county file has not been
    changed" of a file that is not there sent the lead looking for it (or taking it for made, and empty)."""
    from safer_desk.exchange.county_merge import UNCHANGED

    if county_path.exists() or UNCHANGED not in said:
        return said
    return said.replace(UNCHANGED, f"No county file was made: {county_path.name} is made by the first merge that "
                                   "goes in.")


def _merged_exports(store) -> set[str]:
    from safer_desk.services.county import list_imports

    try:
        return {r["export_id"] for r in list_imports(store)}
    except sqlite3.Error:  # a file nothing has been merged into yet
        return set()


def _stopped_part_way(store, before: set[str], paths: list[Path], exc: BaseException) -> None:
    """A merge the disk (or the file) stopped after some files went in, each in its own transaction: the county file
    has changed, by them, so "Nothing was changed" would send the lead to merge them all again. Says which stayed
    merged (CliError); returns when none did."""
    from safer_desk.services.county import list_imports
    from safer_desk.storage.safe_write import cause_of

    try:
        kept = sorted(r["file_name"] for r in list_imports(store) if r["export_id"] not in before)
    except sqlite3.Error:
        return
    if not kept:
        return
    others = [p.name for p in paths if p.name not in kept]
    raise CliError(f"{Path(store.path).name} could not be written or read: {cause_of(exc)[1]}. The merge stopped "
                   f"before {in_words(others)} went in (the file being merged was rolled back); {in_words(kept)} "
                   f"merged before it {'stays' if len(kept) == 1 else 'stay'} merged. Merge {in_words(others)} "
                   "again.") from exc


def _refuse_not_county(path: str) -> None:
    """An export named where a county file is wanted: refused in the words `merge` gives (exit 1)."""
    from safer_desk.storage.store import StoreError, inspect_file, refuse_export

    if Path(path).exists():
        try:
            refuse_export(Path(path), inspect_file(Path(path)))
        except StoreError as exc:
            raise CliError(str(exc)) from exc


def _refuse_office_file(store) -> None:
    """An office's own file named where a county file is wanted: said, with the way to the county's (exit 1); the
    store is closed."""
    from safer_desk.services.county import not_a_county_file_words

    words = not_a_county_file_words(store)
    if words:
        store.close()
        raise CliError(words)


def run_conflicts(args: argparse.Namespace) -> int:
    from safer_desk.services.county import conflicts_text, list_conflicts, nothing_merged_words, refresh_stale_conflicts

    _check_keep(args)
    _refuse_not_county(args.county)
    if args.keep is None:
        try:  # writable where it can be, to tell conflicts about rows edited since against the rows as they are
            store = open_existing(args.county, read_only=False)
        except CliError:  # open elsewhere, or on read-only media: listed as they were found
            store = open_existing(args.county)
        _refuse_office_file(store)
        try:
            closed = refresh_stale_conflicts(store)
            found = list_conflicts(store)
            nothing = nothing_merged_words(store)
            none = f"No open conflicts: {nothing}." if nothing else "No open conflicts."
            listed = "\n".join(conflicts_text(found, store.conn)) if found else none
        finally:
            store.close()
        _say_closed(closed)  # closed by the listing (their rows changed since): said, never gone without a word
        print(listed)
        return 0
    if not Path(args.county).exists():
        raise CliError(f"there is no file at {args.county}")
    store = open_for_writing(args.county)
    _refuse_office_file(store)
    try:
        _decide(store, args)
    finally:
        store.close()
    return 0


def run_key(args: argparse.Namespace) -> int:
    from safer_desk.services.county import CountyError, officer_key_path, officer_key_words, replace_withdrawn_key

    if args.replace_withdrawn:
        try:
            old, fingerprint, record = replace_withdrawn_key(args.replace_withdrawn)
        except CountyError as exc:
            raise CliError(str(exc)) from exc
        print(fingerprint)
        print(f"(replaced your signing key {old}, which the county withdrew, with a new one; the old "
              f"key's fingerprint and public half are kept in {record}. The county lead will phone to confirm the new "
              "fingerprint before merging your next export)", file=sys.stderr)
        return 0
    try:
        fingerprint, privacy_note = officer_key_words()
    except CountyError as exc:
        raise CliError(str(exc)) from exc
    print(fingerprint)
    if privacy_note:
        print(privacy_note, file=sys.stderr)
    print(f"(your signing key, kept in {officer_key_path().parent}; read the fingerprint to the county lead when "
          "they ask)", file=sys.stderr)
    return 0


def run_keys(args: argparse.Namespace) -> int:
    from safer_desk.cli.common import print_csv
    from safer_desk.services.county import CountyError, registered_keys, withdraw_key

    if args.reason and not args.withdraw:  # typed for a withdrawal: never dropped unsaid while the keys are listed
        raise CliError("--reason says why a key is withdrawn: give it with --withdraw FINGERPRINT", code=2)
    _refuse_not_county(args.county)
    if args.withdraw:
        if not Path(args.county).exists():
            raise CliError(f"there is no file at {args.county}")
        store = open_for_writing(args.county)
        _refuse_office_file(store)
        try:
            withdrawn = withdraw_key(store, args.withdraw, args.reason)
        except CountyError as exc:
            raise CliError(str(exc)) from exc
        finally:
            store.close()
        for k in withdrawn:
            print(f"withdrew key {k.fingerprint} of {k.office_name}: its exports are refused from now on")
        if withdrawn:  # what the office does next, said to the lead who will be asked
            print(f"the officer makes a new key on their computer with safer-desk key --replace-withdrawn "
                  f'"{withdrawn[0].fingerprint}" (or File > Signing Keys…, New Key…); confirm it by phone when their '
                  "next export comes")
        return 0
    store = open_existing(args.county)
    _refuse_office_file(store)
    try:
        keys = registered_keys(store)
    finally:
        store.close()
    print_csv(["office", "fingerprint", "status", "first_signed_by", "accepted_at", "accepted_by", "withdrawn_at",
               "withdrawn_by", "reason"],
              [[k.office_name, k.fingerprint, "active" if k.active else "withdrawn", k.first_signed_by,
                _clock_time(k.accepted_at), k.accepted_by, _clock_time(k.withdrawn_at), k.withdrawn_by or "",
                k.withdrawn_reason]
               for k in keys])
    return 0


def _clock_time(stamp: str | None) -> str:
    """A stored moment (UTC, to the microsecond: "2026-12-06T18:58:28.390629+00:00", which Excel keeps as text, an
    hour behind the lead's clock all summer) as the time on this computer's clock, as Excel reads a date and time
    and every other CSV of the command line writes a day: "2026-12-06 19:58". Blank for none; as stored when it is
    not a time."""
    from safer_desk.presenters.formats import local_time

    if not stamp:
        return ""
    try:
        return local_time(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def run_check(args: argparse.Namespace) -> int:
    from safer_desk.services.integrity import check_file

    if args.export and not args.repair:
        print("safer-desk check: --export is given with --repair, to rebuild a county's record of a merge from that "
              "export: add --repair", file=sys.stderr)
        return 2
    report = check_file(Path(args.file), repair=args.repair, export=Path(args.export) if args.export else None)
    police = "" if report.ok else police_data_words(Path(args.file))  # the month's download checked in its place
    for line, ok in report.lines_said():
        if ok:
            print(line)
        else:  # what is wrong is an error (DESIGN §4: errors go to stderr, with exit 1), in the report's place
            sys.stdout.flush()
            print(line, file=sys.stderr)
            if police and "PROBLEM:" in line:
                print(f"  {police}", file=sys.stderr)
                police = ""
    return 0 if report.ok and not report.refused else 1  # what was asked and not done is an error too (DESIGN §4)


def run_report(args: argparse.Namespace) -> int:
    from safer_desk.services.county import unnamed_file_words
    from safer_desk.services.report import (ReportAreaError, ReportError, build_report, nothing_to_report_words,
                                           report_surname_words, year_not_held_words, years_with_anything)

    refuse_out_first(args.file, args.out, outputs=(".pdf", ".html", ".htm"),
                     usage="safer-desk report FILE OUT.pdf|OUT.html")
    out = Path(args.out)
    kind = out.suffix.lower()
    if out.is_dir():  # a folder has no ending to be wrong: said as a folder, with a name to give in it (as export's)
        raise CliError(f"{out.name or out} is a folder: name the report file in it, such as "
                       f"{out / (Path(args.file).stem + '-board-report.pdf')} (or .html, a web page). Nothing was "
                       "written.")
    if kind not in (".pdf", ".html", ".htm"):  # how the command is used (exit 2), as screenshot's .png
        raise CliError(f"{out.name or out}: the report must end in .pdf or .html", code=2)
    from datetime import date

    today = date.today()  # one clock for the whole report: --as-at's check, the title page, every section's "as at"
    if args.as_at is not None:  # refused as Costs > Ledger and `dhr-ledger --as-at` refuse it, in the same words
        from safer_desk.presenters.dhr import ledger_day_refusal

        from safer_desk.services.report import as_at_before_year_words

        if refusal := ledger_day_refusal(args.as_at, today):
            raise CliError(f"--as-at: {refusal}")
        if before := as_at_before_year_words(args.year, args.as_at):  # --year and --as-at disagree: how it is used
            raise CliError(f"--as-at: {before}", code=2)
    refuse_missing_file(args.file)
    refuse_empty_area(args.area)
    refuse_output(out)
    refuse_existing_output(out, args.replace)
    store = open_existing(args.file, checked=True)
    try:
        held = years_with_anything(store, today)  # read once: the year's check and the empty report's
        if args.year is not None and (not_held := year_not_held_words(store, args.year, today, held=held)):
            # A year mistyped (2099/00 for 2019/20) made a report of nothing but the reviews still open: refused,
            # naming the years the file holds, as a script's log would otherwise show a report written.
            raise CliError(f"--year: {not_held} Nothing was written.")
        try:
            document = build_report(store, year=args.year, area=args.area, title=args.title, meeting=args.meeting,
                                    as_at=args.as_at, today=today)
        except ReportError as exc:  # an area no area has, or two have (Cornwall): said as --area's
            raise CliError(f"--area: {exc}" if isinstance(exc, ReportAreaError) else str(exc)) from exc
        # A paper of one "No figures" sentence: refused, as a year outside the file's is, and the window does
        if nothing := nothing_to_report_words(document, store, today, held=held):
            raise CliError(f"{nothing} Nothing was written.")
        unnamed = unnamed_file_words(store)  # "Prepared by COUNTY" (its file name): said, the report made all the same
        surnames = report_surname_words(store, document)  # said once it is written, as export says it
    finally:
        store.close()
    if unnamed:
        print(f"safer-desk: note: {unnamed}", file=sys.stderr)
    if kind == ".pdf":
        from safer_desk.cli import ctrl_c_held

        pages = None
        try:
            # Ctrl+C is taken between the steps of Qt's work, never inside it (a crash, or Qt went on and wrote
            # the report): the PDF stops at its next step, or is written whole if it has come that far.
            with ctrl_c_held() as pressed:
                from safer_desk.ui.exchange.report_pdf import write_pdf  # Qt's own PDF writer (cli sits above ui)

                pages = write_pdf(document, out, cancelled=pressed)
                print(f"wrote {out} ({pages} pages)")
        except KeyboardInterrupt:
            if pages is None:
                raise
            raise CliError(f"interrupted; {out} was written whole before then ({pages} pages).", code=130) from None
    else:
        from safer_desk.exchange.report_html import write_html

        write_html(document, out)
        print(f"wrote {out}")
    if surnames:
        print(f"safer-desk: warning: {surnames}", file=sys.stderr)
    return 0
