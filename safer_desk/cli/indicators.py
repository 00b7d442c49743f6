"""The indicators subcommands of `safer-desk` (see DESIGN.md §4).

    safer-desk import-police FILE CSV_FOLDER_OR_ZIP... [--replace-typed]
        data.police.uk street CSVs, folders of them or the download .zip (creates FILE when missing);
        typed figures for the same indicator, area and month are kept and listed unless --replace-typed
    safer-desk import-figures FILE SHEET_OR_CSV [--skip-refused] [--accept-queried]
        Import Figures… of the Indicators tab: a CSV or .xlsx of indicator,area,period,value[,numerator,
        denominator,comment] checked row by row, then saved in one transaction (FILE must exist). A refused row
        (or one the grid would query) stops the import, listed by line, unless the option says what to do.
    safer-desk indicators FILE [--sources] [--derived] [--area NAME] [--year YYYY/YY]
                                                     indicator,area,period,value as CSV
        periods: 2016-04 (month), 2016/17-Q1 (quarter, Q1 = April to June), 2016/17 (financial year)
        --sources adds a source column (Typed, Imported from FILE, police.uk import, Merged from OFFICE …)
        --derived adds partnership and county figures derived from their districts' figures, and a
        derived_from column naming the districts added up ("" for stored figures); a period that cannot be
        derived is left out, each said once on standard error ("safer-desk: warning: … not derived: …")
        --area NAME and --year 2025/26 keep only that area's or financial year's rows, in the same order;
        a name or year the file has no figures for is refused, naming the nearest names or the years held
    safer-desk population FILE AREA YEAR NUMBER [--source TEXT]
        record (or change) an area's population for a financial year, as View > Populations… does
    safer-desk populations FILE                      area,year,population,source as CSV
    safer-desk framework FILE                        indicator,area,year,baseline,baseline_year,regional,national,
                                                     milestone_due,achieved,estimated_rag,withdrawn as CSV
"""

from __future__ import annotations

import argparse
import sys

from safer_desk.cli.common import (
    CliError,
    flush_output,
    office_file_given,
    open_existing,
    option_type,
    print_csv,
    read_financial_year,
    refuse_empty_area,
    refuse_files_swapped,
    refuse_name_first,
    store_for_writing,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this area's subcommands."""
    p = subparsers.add_parser("import-police", help="import data.police.uk street-level CSV files, folders or the "
                                                    "download .zip",
                              description="Count data.police.uk street-level crime per month, current district "
                                          "and crime type. Re-importing a month replaces it. A figure typed in for "
                                          "the same indicator, area and month is kept (and listed) unless "
                                          "--replace-typed is given.")
    p.add_argument("file", metavar="FILE", help="the Safer Desk file (created when missing)")
    p.add_argument("sources", nargs="+", metavar="CSV_FOLDER_OR_ZIP",
                   help="street CSV files, folders of them, or the .zip data.police.uk downloads (its outcomes and "
                        "stop-and-search files are named as not imported)")
    p.add_argument("--replace-typed", action="store_true",
                   help="replace typed-in figures that differ from the police.uk counts (kept and listed otherwise)")
    p.set_defaults(run=run_import_police)

    p = subparsers.add_parser("import-figures", help="import indicator figures from a CSV or .xlsx sheet "
                                                     "(Import Figures… in the window)",
                              description="Import indicator figures in long form: the columns indicator, area, "
                                          "period and value (or numerator and denominator), and optionally "
                                          "comment, as Import Figures… in the window reads them. Every row is "
                                          "checked first; the good rows are saved at once, replacing the figures "
                                          "stored for the same indicator, area and period (each figure replaced is "
                                          "listed). A row that is refused, "
                                          "or that the grid would query (a percentage over 100, a period not "
                                          "begun), is listed by line and nothing is imported, unless "
                                          "--skip-refused or --accept-queried is given.")
    p.add_argument("file", metavar="FILE", help="the Safer Desk file (it must exist, holding the indicators named)")
    p.add_argument("sheet", metavar="SHEET_OR_CSV", help="the figures: a CSV (UTF-8 or Windows-1252), Excel's "
                   "“Text (Tab delimited)” or “Unicode Text”, or an .xlsx file")
    p.add_argument("--skip-refused", action="store_true",
                   help="import the good rows and leave out the refused ones (listed), as the window's Import Good "
                        "Rows does")
    p.add_argument("--accept-queried", action="store_true",
                   help="import the rows the grid would query (a percentage over 100 or below 0, a period that has "
                        "not begun, a district's figure for a period it did not exist in) as they are, as the window "
                        "does once they are shown")
    p.set_defaults(run=run_import_figures)

    p = subparsers.add_parser("indicators", help="print indicator figures as CSV: indicator,area,period,value",
                              description="Print every stored indicator figure as CSV. Periods: 2016-04 for "
                                          "months, 2016/17-Q1 for quarters (Q1 = April to June), 2016/17 for years.")
    p.add_argument("file", metavar="FILE", help="the Safer Desk file")
    p.add_argument("--sources", action="store_true",
                   help="add a source column: where each figure came from (typed, which file, which office)")
    p.add_argument("--derived", action="store_true",
                   help="add partnership and county figures derived from their districts' figures, with a "
                        "derived_from column naming the districts added up (a period that cannot be derived is left "
                        "out, and said on standard error)")
    p.add_argument("--area", metavar="NAME", help="only this district's, partnership's or county's rows (its name "
                                                  "as the area column says it)")
    p.add_argument("--year", metavar="YYYY/YY", type=option_type(read_financial_year, "--year"),
                   help="only the rows of this financial year: its months (2025-04 to 2026-03), quarters and year")
    p.set_defaults(run=run_indicators)

    p = subparsers.add_parser("population", help="record an area's population for a financial year (the one a rate "
                                                 "per 1,000 / 10,000 / 100,000 uses)",
                              description="Record (or change) the population of an area for a financial year, as "
                                          "View > Populations… does: a count given alone for a rate is then over "
                                          "it. Figures already saved keep the population they were saved over "
                                          "(listed). FILE must exist.")
    p.add_argument("file", metavar="FILE", help="the Safer Desk file")
    p.add_argument("area", metavar="AREA", help="a district, partnership or county by name, as the Indicators tab "
                                                "names it (Babergh, \"Suffolk (county)\"); any letters")
    p.add_argument("year", metavar="YEAR", type=option_type(_read_year, "YEAR"), help="the financial year: 2019/20")
    p.add_argument("population", metavar="NUMBER", type=option_type(_read_population, "NUMBER"),
                   help="a whole number of people, more than 0 (104000 or 104,000)")
    p.add_argument("--source", metavar="TEXT", default=None,
                   help="where the figure comes from (\"ONS mid-2019 estimate\"); left out, the source recorded for "
                        "the year is kept")
    p.set_defaults(run=run_population)

    p = subparsers.add_parser("populations", help="print the populations recorded as CSV: area,year,population,source",
                              description="Print every population recorded, by area and financial year, as CSV.")
    p.add_argument("file", metavar="FILE", help="the Safer Desk file")
    p.set_defaults(run=run_populations)

    p = subparsers.add_parser("framework", help="print the performance framework as CSV: baselines, benchmarks, "
                                                "milestones, estimated RAGs, withdrawn targets",
                              description="Print what Baseline and Benchmarks… holds, by indicator, area and "
                                          "financial year, as CSV: indicator,area,year,baseline,baseline_year,"
                                          "regional,national,milestone_due,achieved,estimated_rag,withdrawn. A "
                                          "baseline stands for every year (year blank where nothing else is held).")
    p.add_argument("file", metavar="FILE", help="the Safer Desk file")
    p.set_defaults(run=run_framework)


def run_import_police(args: argparse.Namespace) -> int:
    import gc
    import sqlite3
    from pathlib import Path

    from safer_desk.exchange.police_uk import PoliceFileError
    from safer_desk.services.police_import import import_police_files

    refuse_files_swapped(args.file, args.sources, usage="safer-desk import-police FILE CSV_FOLDER_OR_ZIP...")
    args.file = office_file_given(args.file)  # a new file's name gets .sqlite, as File > New gives it
    for source in args.sources:
        if not Path(source).exists():
            raise CliError(f"there is no file or folder at {source}")
    # The import makes a few hundred thousand small objects and no reference cycles worth a collector's
    # pass: ~200 passes (~30 ms) for nothing in a process that ends when the import does.
    collecting = gc.isenabled()
    gc.disable()
    existed = Path(args.file).exists()
    try:
        with store_for_writing(args.file) as store:
            # Another force's files are imported and said in the summary, as DESIGN.md's command has it (a script
            # names its files; the window, where a folder is picked by hand, asks first).
            result = import_police_files(store, [Path(s) for s in args.sources], replace_typed=args.replace_typed,
                                         other_forces=True)
    except PoliceFileError as exc:
        raise CliError(str(exc) if "nothing was imported" in str(exc).lower() else f"{exc} Nothing was imported.") from exc
    except sqlite3.Error as exc:
        refused = _import_not_written(exc, Path(args.file), existed)
        if refused is None:
            raise
        raise refused from exc
    finally:
        if collecting:
            gc.enable()
    for line in result.summary_lines():
        print(line)
    if result.kept_typed:
        print("Typed figures are kept; run again with --replace-typed to put the police.uk counts in their place.")
    flush_output()
    return 0


def _import_not_written(exc: Exception, path, existed: bool) -> CliError | None:
    """A write of the import the disk refused (full, gone, read-only), said as the window says it with the folder
    the file is in (which disk to free space on), not "could not be written or read: the disk is full"; a file the
    command was making is removed, so said as not made. None for any other SQLite error (said as it is)."""
    from safer_desk.presenters.indicators import import_failed_text
    from safer_desk.storage.safe_write import is_write_error, write_failed

    if not is_write_error(exc):
        return None
    if not existed:
        return CliError(str(write_failed(exc, path)))
    return CliError(import_failed_text(exc, path.name, path=path))


def run_import_figures(args: argparse.Namespace) -> int:
    from pathlib import Path

    from safer_desk.domain.indicators import IndicatorError
    from safer_desk.domain.text import counted
    from safer_desk.exchange.indicator_import import ValuesFileError
    from safer_desk.services.indicators_import import apply_values, preview_values, replacing

    refuse_files_swapped(args.file, [args.sheet], usage="safer-desk import-figures FILE SHEET_OR_CSV")
    sheet = Path(args.sheet)
    # The unzipped police.uk download: its months' folders (not a walk of every folder under the one given)
    if sheet.is_dir() and any(next(sheet.glob(pattern), None) for pattern in ("*-street.csv", "*/*-street.csv")):
        raise CliError(f"{sheet} is a folder of data.police.uk street-level crime files, not a sheet of figures: "
                       "import it with safer-desk import-police, which counts its crimes by month, district and "
                       "crime type.")
    if not sheet.is_file():
        raise CliError(f"there is no file at {sheet}" if not sheet.exists() else
                       f"{sheet} is a folder: name the CSV or .xlsx file of figures in it")
    store = open_existing(args.file, read_only=False)
    try:
        try:
            preview = preview_values(store, sheet)
        except (ValuesFileError, OSError) as exc:
            raise CliError(f"{exc} Nothing was imported.") from exc
        refused = preview.refusals if not args.skip_refused else []  # a line repeating a row's figure is a note
        queried = preview.queried if not args.accept_queried else {}
        if refused or queried or not preview.good:
            raise CliError(_figures_refused(preview, sheet.name, refused, queried))
        try:
            # one transaction, named in the history as the window's Import Good Rows names it
            with store.action(f"Import figures from {preview.path.name}"):
                apply_values(store, preview)
        except (IndicatorError, ValueError) as exc:
            raise CliError(f"{exc} Nothing was imported.") from exc
    finally:
        store.close()
    # The rows that change the file are the ones imported; those already as it held them are said apart.
    said = [replacing(len(preview.replaces), preview.changes, "the file held")] if preview.replaces else []
    checked = len(set(preview.queried) - preview.unchanged)
    said += [f"{checked:,} to check: imported as they are"] if checked else []
    same = len(preview.unchanged)
    print(f"{counted(preview.changes, 'row')} imported from {sheet.name}"
          + (f" ({'; '.join(said)})" if said else "")
          + (f", {same:,} already as the file held {'it' if same == 1 else 'them'}" if same else "")
          + f"; {len(preview.refusals)} refused{_repeated_words(preview)}.")
    for line in preview.report().splitlines()[1:]:  # the window's words: "Line 4: …", "Line 6 (check): …"
        print(line)
    if preview.replaces:  # as import-police lists the typed figures it keeps
        print(f"Replaced {counted(len(preview.replaces), 'figure')} the file held:")
        for line in preview.replaced_lines():
            print(f"  {line}")
    flush_output()
    return 0


def _figures_refused(preview, name: str, refused: list, queried: dict) -> str:
    """Why nothing was imported, with the lines as the window lists them and the option that imports anyway."""
    from safer_desk.domain.text import as_sentence, counted

    if not preview.good and not preview.refused:
        return f"{name} has no figures below its headings. Nothing was imported."
    said = [f"{counted(len(preview.good), 'row')} of {name} can be imported, {len(preview.refusals)} refused"
            + (f", {len(preview.queried)} to check" if preview.queried else "") + ". Nothing was imported."]
    said += preview.refused_lines()  # "Line 4: …", and "Line 3 (repeated): …" for a copy of a good row
    said += [f"Line {line} (check): {as_sentence(why)}" for line, why in sorted(preview.queried.items())]
    # a red row with no comment, which the window marks Needs comment, is said here too, as a successful import says it
    said += [f"Line {line} (needs a comment): {as_sentence(why)}" for line, why in sorted(preview.uncommented.items())]
    if not preview.good:
        said.append("There is no good row to import: correct the sheet and import again.")
    else:
        if refused:
            said.append("Correct the sheet, or run again with --skip-refused to import the good rows only.")
        if queried:
            said.append("Correct the sheet, or run again with --accept-queried to import the rows to check as they "
                        "are.")
    return "\n".join(said)


def _repeated_words(preview) -> str:
    """"; 1 line repeats another with the same figure (imported once)", or "" when no line does."""
    if not (n := len(preview.repeated)):
        return ""
    return (f"; {n:,} {'line repeats' if n == 1 else 'lines repeat'} another with the same figure "
            "(imported once)")


def run_indicators(args: argparse.Namespace) -> int:
    from safer_desk.services.indicators import (RowsNotHeld, export_rows, figure_rows, left_out_chosen,
                                                none_chosen_note, rows_chosen)

    sources, derived = getattr(args, "sources", False), getattr(args, "derived", False)
    area, year = getattr(args, "area", None), getattr(args, "year", None)
    refuse_empty_area(area)
    store = open_existing(args.file)
    left_out: list = []
    note = ""
    try:
        if not (sources or derived):
            rows = export_rows(store)  # the contract of DESIGN §4: indicator,area,period,value
        else:
            figures = figure_rows(store, derived=derived, left_out=left_out)
        if area is not None or year is not None:  # the same rows in the same order, only those asked for
            try:
                cells = [(r[1], r[2]) for r in rows] if not (sources or derived) else \
                    [(f.area, f.period) for f in figures]
                keep = rows_chosen(store, cells, area=area, year=year)
            except RowsNotHeld as exc:
                raise CliError(f"{exc.option}: {exc}") from None
            if not any(keep):  # the heading alone, said why (a script still reads an empty CSV)
                note = none_chosen_note(store, cells, area=area, year=year, derived=derived)
            if not (sources or derived):
                rows = [r for r, k in zip(rows, keep) if k]
            else:
                figures = [f for f, k in zip(figures, keep) if k]
                left_out = left_out_chosen(store, left_out, area=area, year=year)
    finally:
        store.close()
    # A period that cannot be derived is left out of the CSV (scripts read it as it is): each is said once on
    # standard error, in the grid's words, as `safer-desk budget` warns.
    for warning in not_derived_warnings(left_out):
        print(f"safer-desk: warning: {warning}", file=sys.stderr)
    if note and not left_out:  # (a period left out is said above, with its reason)
        print(f"safer-desk: note: {note}", file=sys.stderr)
    if not (sources or derived):
        print_csv(["indicator", "area", "period", "value"], rows)
        return 0
    header = ["indicator", "area", "period", "value"] + (["source"] if sources else []) + \
        (["derived_from"] if derived else [])
    print_csv(header, [[f.indicator, f.area, f.period, f.value] + ([f.source] if sources else []) +
                       ([f.derived_from] if derived else []) for f in figures])
    return 0


def not_derived_warnings(left_out) -> list[str]:
    """"Suffolk (county), 2019/20-Q1: not derived: the membership changed within the period (…)": each period
    left out once; a reason that holds for every period of the area (a county whose districts the file does not all
    hold) once for the area, one that holds for one indicator's period with the indicator named first."""
    said: dict[str, None] = {}
    for n in left_out:
        where = f"{n.area}, every period" if n.scope == "area" else f"{n.area}, {n.period}" if n.scope == "period" \
            else f"{n.indicator}, {n.area}, {n.period}"
        said.setdefault(f"{where}: not derived: {n.reason}")
    return list(said)


def _read_year(text: str):
    year = read_financial_year(text)
    if year is None:
        raise ValueError("give the financial year, such as 2019/20.")
    return year


def _read_population(text: str) -> int:
    from safer_desk.domain.indicators import IndicatorError
    from safer_desk.services.indicators import read_population

    try:
        return read_population(text)
    except IndicatorError as exc:  # said as the usage error a value of the wrong kind is
        raise ValueError(str(exc)) from None


def run_population(args: argparse.Namespace) -> int:
    from safer_desk.domain.indicators import IndicatorError
    from safer_desk.presenters.populations import area_text
    from safer_desk.services import indicators as svc
    from safer_desk.services.reference import AmbiguousArea

    refuse_name_first(args.file, args.area, what="AREA", usage="safer-desk population FILE AREA YEAR NUMBER")
    refuse_empty_area(args.area, "AREA")
    store = open_existing(args.file, read_only=False)
    try:
        try:
            area = svc.find_area(store, args.area)
        except AmbiguousArea as exc:
            raise CliError(f"{exc} Nothing was changed.") from exc
        if area is not None and area.kind == "unknown":  # listed by the tab and `indicators`: not "no area named"
            raise CliError(f"{area.name} holds the crimes police.uk could not place in any area (no location "
                           "given): it has no population, so none is recorded for it. Nothing was changed.")
        if area is None:
            from safer_desk.services.reference import became_name, became_words

            if current := became_name(args.area):  # Waveney in a police-only file: counted as East Suffolk
                raise CliError(f"{args.file} has no area named “{args.area}”: {became_words(args.area)}, and its "
                               f"police.uk figures are counted under it, so record {current}'s population. (To keep it "
                               "with its dates, add it in View > Districts, Partnerships and Partners…, with its To "
                               f"and Became {current}.) Nothing was changed.")
            from safer_desk.domain.text import close_names

            near = close_names(args.area.strip(), svc.csv_area_names(store, svc.list_areas(store)).values(),
                               cutoff=0.6, n=3)  # as `indicators --area` and `office --district` name them
            hint = f"the nearest: {', '.join(near)}" if near else \
                "name a district, partnership or county as the Indicators tab names it"
            raise CliError(f"{args.file} has no area named “{args.area}” ({hint}). Nothing was changed.")
        name, year = area_text(store, area.id), args.year
        held = svc.get_population(store, area.id, year)
        source = (args.source if args.source is not None else held.source if held is not None else "").strip()
        kept = svc.rates_over_other_population(store, area.id, year, args.population)
        # What the window asks beside Year (Waveney in 2019/20, when it was part of East Suffolk), said on stderr:
        # recorded as asked, since a command cannot ask.
        doubt = svc.outside_dates(store, area.id, year.label)
        if held is not None and (held.population, held.source) == (args.population, source):
            print(f"{name}, {year.label}: the population {args.population:,} is recorded already; nothing was changed.")
            flush_output()
            return 0
        verb = "Change" if held is not None else "Record"
        try:
            with store.action(f"{verb} population of {name} for {year.label}"):  # as the window names it
                svc.set_population(store, area.id, year, args.population, source=source)
        except IndicatorError as exc:
            raise CliError(f"{exc} Nothing was changed.") from exc
    finally:
        store.close()
    if doubt:
        print(f"safer-desk: warning: {doubt}", file=sys.stderr)
    was = f" (was {held.population:,})" if held is not None and held.population != args.population else ""
    print(f"{name}, {year.label}: population {args.population:,}{was}" + (f", {source}" if source else "") + ".")
    for indicator, n, dens in kept:  # never rewritten: said, as the window says it
        over = ", ".join(f"{d:,.0f}" for d in dens)  # as the window says them
        print(f"{indicator}: {n} figure{'' if n == 1 else 's'} from {year.label} on keep the population they were "
              f"saved over ({over}) until their counts are given again.")
    flush_output()
    return 0


def run_populations(args: argparse.Namespace) -> int:
    from safer_desk.services.indicators import csv_area_names, list_populations

    store = open_existing(args.file)
    try:
        held = list_populations(store)
        names = csv_area_names(store, [p.area_id for p in held])  # as `indicators` names them
        rows = [[names.get(p.area_id, p.area_id), p.year, p.population, p.source] for p in held]
        from safer_desk.services.county import populations_disagreeing_words

        disagreeing = populations_disagreeing_words(store, held, names, file=args.file)
    finally:
        store.close()
    print_csv(["area", "year", "population", "source"], rows)
    for said in disagreeing:
        print(f"safer-desk: note: {said}", file=sys.stderr)
    return 0


def run_framework(args: argparse.Namespace) -> int:
    from safer_desk.presenters.indicator_framework import FRAMEWORK_COLUMNS, framework_rows

    store = open_existing(args.file)
    try:
        rows = framework_rows(store)  # what the Baseline and Benchmarks… dialog shows, never written
    finally:
        store.close()
    print_csv(list(FRAMEWORK_COLUMNS), rows)
    return 0
