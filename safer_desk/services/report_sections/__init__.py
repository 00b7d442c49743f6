"""Each tab's section of the board report (see services.report_model); the order here is the report's.

The interface every section module provides (and a new one plugs in with):

    board_report_sections(store, *, year: FinancialYear | None = None, areas: ReportAreas | None = None,
                          today: date | None = None) -> list[ReportSection]

``year`` is the financial year asked for (None: all years); a section shows that year for every area, never an
area's own latest year. ``areas`` says which districts, partnerships and counties the report covers
(services.report.report_areas; None: the office's own areas for that year); a section filters its records with
``areas.covers(district_id, partnership_id)``, ``areas.covers_county(name)``, ``areas.names`` (free-text area
fields) and ``areas.indicator_area_ids`` (figures), and keeps the office's business with no area to
``areas.office``. ``today`` is the report's day (its title page's "Prepared on"; None: the machine's): a section
saying "as at today" or judging what is due says it of this day. A module is listed in SECTION_MODULES in the order
its sections appear.
"""

from __future__ import annotations

import importlib
from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.progress import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from safer_desk.services.report_model import ReportAreas, ReportSection
from safer_desk.storage.store import Store

SECTION_MODULES = (
    "safer_desk.services.report_sections.projects",
    "safer_desk.services.report_sections.allocation",
    "safer_desk.services.report_sections.costs",
    "safer_desk.services.report_sections.indicators",
    "safer_desk.services.report_sections.budgets",
    "safer_desk.services.report_sections.county",  # only in a county file (areas.county_file)
)


def office_areas_for(store: Store, year: FinancialYear | None, areas: ReportAreas | None) -> ReportAreas:
    """The areas a section was given, or the office's own for the year when it was given none."""
    if areas is not None:
        return areas
    from safer_desk.services.report import report_areas

    return report_areas(store, None, year)


def all_sections(store: Store, *, year: FinancialYear | None = None, areas: ReportAreas | None = None,
                 today: date | None = None, progress: Progress = no_progress,
                 cancelled: CancelCheck = never_cancelled) -> list[ReportSection]:
    """Every module's sections in order, each given the report's day; progress hears of each module, cancelled is
    asked before each."""
    areas = office_areas_for(store, year, areas)
    today = today or date.today()  # one day for every section: the caller's, as the title page prints it
    sections = []
    for i, name in enumerate(SECTION_MODULES):
        check_cancelled(cancelled)
        progress(i, len(SECTION_MODULES), f"Collecting the {name.rpartition('.')[2]} figures")
        module = importlib.import_module(name)
        sections.extend(module.board_report_sections(store, year=year, areas=areas, today=today))
    progress(len(SECTION_MODULES), len(SECTION_MODULES), "Collected the figures")
    return sections


def merged_from_cells(origins, keys) -> tuple[list[str], str]:
    """A report table's *Merged from* cells in a county file (``origins``: services.provenance.RowOrigins; ``keys``:
    its rows' ids in order), and the words its note adds. A row every office of the table sent alike (three or more:
    the projects and reviews each district's file started with) is "5 offices", the offices named once in the note:
    the five names in full, in a column a portrait page gives a few letters, made each such row some 25 lines tall
    and the county's 15 projects six pages. "" words when no row is shortened; no cells in an office's own file."""
    from safer_desk.domain.text import in_words
    from safer_desk.services.provenance import EXAMPLE_DATA, SEVERAL_OFFICES

    cells = [origins.of(k) for k in keys]
    if not origins.shown:
        return cells, ""
    # "Example data": rows only offices' copies of the example sent (services.example_rows), counted as no office.
    example = (f"“{EXAMPLE_DATA}”: sent only by offices' copies of Safer Desk's example, which are not "
               "counted as offices the rows came from." if EXAMPLE_DATA in cells else "")
    named = {k: set(origins.by_key[k].split(", ")) - {SEVERAL_OFFICES, EXAMPLE_DATA}
             for k in keys if k in origins.by_key}
    offices = sorted(set().union(*named.values()), key=str.casefold)
    if len(offices) < 3 or not any(len(n) == len(offices) for n in named.values()):
        return cells, example
    every = f"{len(offices)} offices"  # not "All": the table's offices, which need not be every office merged
    cells = [every if len(named.get(k, ())) == len(offices) else cell for k, cell in zip(keys, cells)]
    return cells, " ".join(filter(None, [f"“{every}”: sent alike by {in_words(offices)}.", example]))
