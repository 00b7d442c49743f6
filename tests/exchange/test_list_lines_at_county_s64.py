"""Round 64: one line taken out of a project's cost lines is one row removed at the county.

A project's lines now keep their ids by what they are (tests/projects/test_list_lines_keep_ids_s64.py), so a line
deleted near the top leaves each line below it its own id, one place up. The county merge moved them one by one:
each line moving up clashed with the next (UNIQUE project and position), and the county lead was asked about the
office's lines against themselves ("Cost line 4 …: Line 5 from Babergh office; Line 6 from Babergh office"); a line
edited at the county and only moved at the office was an "edited at the county" conflict; and the merge counted
every line moved as changed. A line in the way steps aside until its own turn, a line only moved is not counted, and
a county edit of a line the office only moved stands, in the line's new place.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.domain.projects import read_line_amount
from safer_desk.presenters.history import history_lines
from safer_desk.services import projects
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import merge

LINES = [("2025/26", "staff", f"Line {n}", f"£{n},000") for n in range(1, 7)]


def _lines(store, project_id):
    return store.rows("SELECT id, position, description FROM project_cost_lines WHERE project_id = ? "
                      "ORDER BY position", (project_id,))


def test_a_cost_line_deleted_at_the_office_is_one_row_removed_at_the_county(offices):
    o = offices
    b = o.babergh
    p = projects.Project(id="p-b", title="Babergh youth diversion", areas=("Babergh",),
                         cost_lines=tuple(projects.CostLine(y, c, d, read_line_amount(a)) for y, c, d, a in LINES))
    projects.add_projects(b, [p])
    merge(o.county, [o.send(b)])
    loaded = projects.get_project(b, "p-b")
    projects.save_project(b, replace(loaded, cost_lines=loaded.cost_lines[1:]), loaded=loaded)
    [summary] = merge(o.county, [o.send(b)]).merged
    assert summary.tables.get("project_cost_lines") == {"removed": 1}
    assert [tuple(r) for r in _lines(o.county, "p-b")] == [tuple(r) for r in _lines(b, "p-b")]
    assert list_conflicts(o.county) == []
    merged = history_lines(o.county, limit=1)[0]  # the merge's line in the county's History of Changes
    assert [d for d in merged.details if "cost line" in d] == ["Removed 1 cost line"], merged.details


def test_a_line_edited_at_the_county_and_only_moved_at_the_office_keeps_the_countys_edit(offices):
    o = offices
    b = o.babergh
    p = projects.Project(id="p-b", title="Babergh youth diversion", areas=("Babergh",),
                         cost_lines=tuple(projects.CostLine(y, c, d, read_line_amount(a)) for y, c, d, a in LINES))
    projects.add_projects(b, [p])
    merge(o.county, [o.send(b)])
    with o.county.transaction():
        o.county.conn.execute("UPDATE project_cost_lines SET description = 'Line 5 (county)' WHERE project_id = 'p-b' "
                              "AND description = 'Line 5'")
    loaded = projects.get_project(b, "p-b")
    projects.save_project(b, replace(loaded, cost_lines=loaded.cost_lines[1:]), loaded=loaded)
    [summary] = merge(o.county, [o.send(b)]).merged
    assert summary.tables.get("project_cost_lines") == {"removed": 1}
    assert [r["description"] for r in _lines(o.county, "p-b")] == ["Line 2", "Line 3", "Line 4", "Line 5 (county)",
                                                                   "Line 6"]
    assert list_conflicts(o.county) == []


def _sent(o):
    b = o.babergh
    p = projects.Project(id="p-b", title="Babergh youth diversion", areas=("Babergh",),
                         cost_lines=tuple(projects.CostLine(y, c, d, read_line_amount(a)) for y, c, d, a in LINES))
    projects.add_projects(b, [p])
    merge(o.county, [o.send(b)])
    return projects.get_project(b, "p-b")


def _saved_and_merged(o, loaded, lines):
    projects.save_project(o.babergh, replace(loaded, cost_lines=tuple(lines)), loaded=loaded)
    [summary] = merge(o.county, [o.send(o.babergh)]).merged
    return summary


def test_a_line_added_in_the_middle_or_lines_turned_round_at_the_office_are_that_at_the_county(offices):
    o = offices
    loaded = _sent(o)
    added = projects.CostLine("2025/26", "training", "Training", read_line_amount("£700"))
    lines = loaded.cost_lines
    summary = _saved_and_merged(o, loaded, (*lines[:2], added, *lines[2:]))
    assert summary.tables.get("project_cost_lines") == {"added": 1}
    assert [tuple(r) for r in _lines(o.county, "p-b")] == [tuple(r) for r in _lines(o.babergh, "p-b")]
    loaded = projects.get_project(o.babergh, "p-b")
    summary = _saved_and_merged(o, loaded, loaded.cost_lines[::-1])  # every line moved, two by two
    assert "project_cost_lines" not in summary.tables
    assert [tuple(r) for r in _lines(o.county, "p-b")] == [tuple(r) for r in _lines(o.babergh, "p-b")]
    assert list_conflicts(o.county) == []


def test_a_line_changed_both_ways_below_a_line_deleted_is_the_one_conflict_and_keeps_its_place(offices):
    o = offices
    loaded = _sent(o)
    with o.county.transaction():
        o.county.conn.execute("UPDATE project_cost_lines SET amount_text = '£5,100', min_pence = 510000, "
                              "max_pence = 510000 WHERE project_id = 'p-b' AND description = 'Line 5'")
    lines = list(loaded.cost_lines)
    lines[4] = replace(lines[4], amount=read_line_amount("£5,200"))
    summary = _saved_and_merged(o, loaded, lines[1:])
    [conflict] = list_conflicts(o.county)
    assert conflict.kind == "edited-at-county" and conflict.county_side.startswith("amount text £5,100"), conflict
    assert [(r["position"], r["description"]) for r in _lines(o.county, "p-b")] == [
        (0, "Line 2"), (1, "Line 3"), (2, "Line 4"), (3, "Line 5"), (4, "Line 6")], summary
