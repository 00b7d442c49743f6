"""Round 65: a project two offices hold (the same project, sent by both), whose cost lines one office only turns
round, is said at the county as the same lines in another order, not as lines that differ.

Found as a county lead: Babergh and Mid Suffolk both sent a county-wide project; Babergh put its four lines in the
other order and sent again; the county raised a conflict whose words read as if the lines differed ("only in it
“cost line … 1 …; … 2 …” from Mid Suffolk office, “… 4 …; … 3 …” from Babergh office").

Why still a conflict: the county keeps one version of a row several offices hold, not what each of them last sent,
so it cannot tell on Mid Suffolk's next export (the old order, unchanged) that Mid Suffolk changed nothing; taking
Babergh's order would be undone or raised again then. The lead decides, told plainly what differs (only the order)."""

from __future__ import annotations

from dataclasses import replace

from safer_desk.domain.projects import read_line_amount
from safer_desk.services import projects
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import merge

LINES = [("2025/26", "staff", f"Line {n}", f"£{n},000") for n in range(1, 5)]


def _order(store):
    return [r["description"] for r in store.rows(
        "SELECT description FROM project_cost_lines WHERE project_id = 'p-shared' ORDER BY position")]


def test_lines_turned_round_in_one_office_of_a_shared_project_are_said_as_another_order(offices):
    o = offices
    p = projects.Project(id="p-shared", title="Suffolk-wide family intervention", areas=("Babergh", "Mid Suffolk"),
                         cost_lines=tuple(projects.CostLine(y, c, d, read_line_amount(a)) for y, c, d, a in LINES))
    for office in (o.babergh, o.mid):
        projects.add_projects(office, [p])
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert list_conflicts(o.county) == []
    loaded = projects.get_project(o.babergh, "p-shared")
    projects.save_project(o.babergh, replace(loaded, cost_lines=loaded.cost_lines[::-1]), loaded=loaded)
    merge(o.county, [o.send(o.babergh)])
    [c] = list_conflicts(o.county)
    assert "only in it" not in c.detail
    first = "cost line 2025/26 staff Line 1 £1,000"
    last = "cost line 2025/26 staff Line 4 £4,000"
    assert c.county_side.startswith(f"the same lines in another order: “{first};")
    assert c.county_side.endswith(f"{last}” from Mid Suffolk office")
    assert c.district_side == f"“{last}; cost line 2025/26 staff Line 3 £3,000; cost line 2025/26 staff Line 2 " \
                              f"£2,000; {first}” from Babergh office"
    assert _order(o.county) == ["Line 1", "Line 2", "Line 3", "Line 4"]  # nothing changed without asking


def test_keeping_the_office_order_turns_the_lines_round_once(offices):
    from safer_desk.services.county import resolve_conflicts

    o = offices
    p = projects.Project(id="p-shared", title="Suffolk-wide family intervention", areas=("Babergh", "Mid Suffolk"),
                         cost_lines=tuple(projects.CostLine(y, c, d, read_line_amount(a)) for y, c, d, a in LINES))
    for office in (o.babergh, o.mid):
        projects.add_projects(office, [p])
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    loaded = projects.get_project(o.babergh, "p-shared")
    projects.save_project(o.babergh, replace(loaded, cost_lines=loaded.cost_lines[::-1]), loaded=loaded)
    merge(o.county, [o.send(o.babergh)])
    resolve_conflicts(o.county, "district")
    assert _order(o.county) == ["Line 4", "Line 3", "Line 2", "Line 1"]  # each line once, in Babergh's order
    merge(o.county, [o.send(o.babergh)])
    assert list_conflicts(o.county) == []
