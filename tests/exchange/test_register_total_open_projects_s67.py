"""s67: the county workbook's Register sheet added every project's planning cost into its Total, withdrawn and
declined projects too, where the board report's commissioning options list the open projects only (proposed,
shortlisted, commissioned or live) and name the others "no longer open". The sheet now totals the open projects
("Total of open projects"), lists those no longer open below, not added up, and its note says what the total counts."""

from __future__ import annotations

from dataclasses import replace

import openpyxl

from safer_desk.exchange.county_workbook import write_workbook
from safer_desk.services.county_workbook import CLOSED_TITLE, OPEN_TITLE, register_sheet
from safer_desk.services.projects import load_projects, save_project


def _written(tmp_path, sheet):
    """The sheet as written, with the values its totals were written with."""
    return openpyxl.load_workbook(write_workbook(tmp_path / "county.xlsx", {"tables": "[]"}, [sheet]),
                                  data_only=True)["Register"]


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def test_the_register_total_counts_the_open_projects_as_the_board_report_does(demo_store, tmp_path):
    projects = load_projects(demo_store)
    withdrawn, declined = projects[0], projects[1]
    save_project(demo_store, replace(withdrawn, status="withdrawn"), loaded=withdrawn)
    save_project(demo_store, replace(declined, status="declined"), loaded=declined)
    projects = load_projects(demo_store)
    open_pence = sum(p.planning_pence or 0 for p in projects if p.status not in ("withdrawn", "declined"))
    every_pence = sum(p.planning_pence or 0 for p in projects)
    assert every_pence > open_pence > 0

    sheet = register_sheet(demo_store)
    assert "The total counts the open projects" in sheet.note and "withdrawn ones are not in it" in sheet.note
    ws = _written(tmp_path, sheet)
    rows = _rows(ws)
    firsts = [r[0] for r in rows]
    cost = list(rows[firsts.index("Ref")]).index("Planning cost (£)")
    [total] = [r for r in rows if r[0] == "Total of open projects"]
    assert round(total[cost] * 100) == open_pence  # the SUM's value as written (pounds)
    assert "Total" not in firsts  # no total of every project, withdrawn ones included
    below = firsts.index(CLOSED_TITLE)
    assert firsts.index(OPEN_TITLE) < firsts.index("Total of open projects") < below
    closed = [r for r in rows[below + 2:] if r[1]]
    assert sorted(r[2] for r in closed) == ["Declined", "Withdrawn"]
    assert {r[1] for r in closed} == {withdrawn.title, declined.title}
    assert not any(str(r[0]).startswith("Total") for r in rows[below:] if r[0])  # listed, not added up


def test_a_register_of_open_projects_is_one_block_totalled_as_before(demo_store, tmp_path):
    sheet = register_sheet(demo_store)
    ws = _written(tmp_path, sheet)
    firsts = [r[0] for r in _rows(ws)]
    assert OPEN_TITLE not in firsts and CLOSED_TITLE not in firsts and "Total of open projects" in firsts
    assert ws.auto_filter.ref  # one block: the filter buttons on its headings, as before
