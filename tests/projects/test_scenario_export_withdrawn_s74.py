"""s74: Suffolk Strive (£29,000) ticked in the board's retained-budget scenario, then withdrawn: the page and the board
report say below the table that it commits nothing, but the scenario's table itself (its CSV export, which holds that
table only, the workbook's sheet and the printed table) read "£29,000 | in full | £0", a row a board member could
only take for a sum gone wrong. The Scale cell of a ticked project that is withdrawn or declined now says what it
commits and why: "nothing (withdrawn)"; a project still going ahead shows its scale as before."""

from __future__ import annotations

import csv

from safer_desk.domain.scales import parse_scale
from safer_desk.exchange.tables import write_table
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects import project_from_fields


def _scenario(status):
    strive = project_from_fields({"ref": "6", "title": "Suffolk Strive", "cost": "£29,000", "status": status})
    recre8 = project_from_fields({"ref": "7", "title": "Suffolk Recre8", "cost": "£26,000"})
    items = [service.ScenarioItem(strive.id), service.ScenarioItem(recre8.id, parse_scale("1/2"))]
    return service.evaluate([strive, recre8], 6551200, items, name="Retained",
                            fund_label="Board retained budget 2009/10")


def _csv_rows(result, path):
    write_table(path, service.scenario_sheets(result))
    with path.open(encoding="utf-8-sig") as fh:
        return {r[1]: r for r in csv.reader(fh)}


def test_a_withdrawn_project_in_the_exported_table_says_it_commits_nothing(tmp_path):
    result = _scenario("withdrawn")
    rows = _csv_rows(result, tmp_path / "retained.csv")
    head = rows["Project / Initiative"]
    strive = dict(zip(head, rows["Suffolk Strive"]))
    assert (strive["Cost"], strive["Scale"], strive["Committed"]) == ("£29,000", "nothing (withdrawn)", "0")
    recre8 = dict(zip(head, rows["Suffolk Recre8"]))
    assert (recre8["Scale"], recre8["Committed"]) == ("0 1/2", "13000")  # as Excel reads 1/2, not a date
    assert rows["Total committed"][head.index("Committed")] == "13000"
    printed = service.board_table(result, plain=True)
    assert [r[head.index("Scale")] for r in printed.rows] == ["nothing (withdrawn)", "1/2"]


def test_a_declined_project_says_so_and_one_going_ahead_keeps_its_scale(tmp_path):
    scale = service.board_table(_scenario("declined"), plain=True).header.index("Scale")
    assert [r[scale] for r in service.board_table(_scenario("declined"), plain=True).rows] == \
        ["nothing (declined)", "1/2"]
    assert [r[scale] for r in service.board_table(_scenario("live"), plain=True).rows] == ["in full", "1/2"]
