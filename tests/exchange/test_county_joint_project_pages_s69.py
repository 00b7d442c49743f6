"""Session 69: one jointly funded project typed by two offices, on Commissioning and the county workbook.

Babergh office and Mid Suffolk office each typed "Joint DA outreach" (£60,000) with the PCC's share "OPCC (2019/20):
£30,000". The board report's award table says both are counted (test_county_joint_project_shares_s69); the county
file's Projects > Commissioning, against the PCC's award with both ticked, counted both, "£340,568 left", and the
county workbook's Register sheet (its projects) totalled both, without a word. They now say it in the report's words.
The Register sheet had no warning column either: a share more than its project's cost (£70,000 of £60,000), which the
editor, the register's export and the report say, was not said on the county's sheet; it now has the register
export's Warning column.
"""

from __future__ import annotations

import openpyxl

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services.county import export_for_county
from safer_desk.services.funders import list_awards
from safer_desk.services.projects import load_projects
from safer_desk.services.provenance import PROJECTS, row_origins
from tests.exchange.test_county_joint_project_shares_s69 import TWICE, county_of  # noqa: F401 - the fixture

OVER = "The shares for 2019/20 add up to £70,000, more than the cost £60,000."


def _page(county, ticked: int = 2) -> CommissioningPresenter:
    page = CommissioningPresenter(county)
    page.set_projects(load_projects(county), row_origins(county, PROJECTS))
    (award,) = list_awards(county)
    page.set_award(award.id, "2019/20")
    for p in page.projects[:ticked]:
        page.tick(p.id)
    return page


def test_commissioning_says_a_project_both_offices_typed_is_counted_twice(county_of):  # noqa: F811
    result = _page(county_of()).evaluation()
    assert result.remaining_pence == 340_568_00  # both still counted: they may be two offices' halves
    assert TWICE in result.problems + result.notes, (result.problems, result.notes)


def test_commissioning_with_one_ticked_says_nothing(county_of):  # noqa: F811
    result = _page(county_of(), ticked=1).evaluation()
    assert not any("counted twice" in words for words in result.problems + result.notes)


def _register(county, tmp_path) -> list[list]:
    export_for_county(county, tmp_path / "county.xlsx")
    book = openpyxl.load_workbook(tmp_path / "county.xlsx", read_only=True)
    return [list(r) for r in book["Register"].iter_rows(values_only=True)]


def test_the_county_workbooks_register_says_it_too(county_of, tmp_path):  # noqa: F811
    rows = _register(county_of(), tmp_path)
    assert any(TWICE in cell for row in rows for cell in row if isinstance(cell, str)), rows


def test_the_county_workbooks_register_warns_of_shares_over_cost(county_of, tmp_path):  # noqa: F811
    rows = _register(county_of(shares=("£70,000", "£30,000")), tmp_path)
    (head,) = [r for r in rows if r[0] == "Ref"]
    at = head.index("Warning")
    warned = [r[at] for r in rows[rows.index(head) + 1:] if r[1] == "Joint DA outreach"]
    assert sorted(warned, key=str) == [None, OVER], warned  # Mid Suffolk's £30,000 of £60,000: no warning


def test_a_saved_scenario_says_it_on_the_county_workbooks_scenarios_sheet(county_of, tmp_path):  # noqa: F811
    from safer_desk.services import projects_commissioning as com

    county = county_of()
    (award,) = list_awards(county)
    items = [com.ScenarioItem(p.id) for p in load_projects(county)]
    com.save_scenario(county, com.new_scenario("Both", 0, items, award_id=award.id, award_year="2019/20"))
    export_for_county(county, tmp_path / "county.xlsx")
    book = openpyxl.load_workbook(tmp_path / "county.xlsx", read_only=True)
    cells = [c for r in book["Scenarios"].iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert any(TWICE in c for c in cells), cells
