"""Session 69: one jointly funded project typed by two offices. Babergh office and Mid Suffolk office each typed
"Joint DA outreach" (Babergh; Mid Suffolk, £60,000), each with the PCC's share "OPCC (2019/20): £30,000", as both
filed the PCC's award of £400,568. At the county the two are two projects (their ids differ) and the award table
counted both shares, "Committed (left: £340,568)", without a word: if the offices typed one project, the PCC's
£30,000 was counted twice and £30,000 of what is left was missing. The county cannot know which it is (two offices
may each fund half), so it keeps counting both and says so under the award's table, naming the offices, the shares
and what would be counted twice; one office's project alone, or two of different titles, say nothing."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services import funders
from safer_desk.services.projects import add_projects, project_from_fields
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

TWICE = ("Joint DA outreach comes from Babergh office and Mid Suffolk office, each with a share from OPCC (£30,000 "
         "and £30,000), both counted here: if the offices typed one project, its share is counted twice, £30,000 "
         "more than its one share of £30,000.")


@pytest.fixture
def county_of(tmp_path):
    stores = []

    def make(titles=("Joint DA outreach", "Joint DA outreach"), shares=("£30,000", "£30,000")):
        base = template(tmp_path, police=False)
        sent = []
        for (name, district), title, share in zip((("Babergh office", "Babergh"), ("Mid Suffolk office",
                                                                                   "Mid Suffolk")), titles, shares):
            office = office_from(base, tmp_path / f"{district}.sqlite", name, districts=[district])
            stores.append(office)
            funders.save_award(office, funders.make_award(funder="OPCC", name="PCC grant 2019/20",
                                                          years={"2019/20": "£400,568"}))
            if title:
                add_projects(office, [project_from_fields({
                    "title": title, "areas": "Babergh; Mid Suffolk", "cost": "£60,000", "start_date": "01/04/2019",
                    "end_date": "31/03/2020", "funding_sources": f"OPCC (2019/20): {share}"})])
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
        stores.append(county)
        merge(county, sent)
        return county

    yield make
    for store in stores:
        store.close()


def _award_table(county):
    sections = build_report(county, year="2019/20", today=date(2026, 12, 7)).sections
    (table,) = [t for s in sections for t in s.tables if t.title.startswith("PCC grant 2019/20")]
    return table


def test_a_project_both_offices_typed_is_counted_twice_and_said(county_of):
    table = _award_table(county_of())
    assert table.total_row[1] == "Committed (left: £340,568)"  # both still counted: they may be two offices' halves
    assert TWICE in table.note, table.note


def test_different_shares_say_the_larger_once(county_of):
    table = _award_table(county_of(shares=("£30,000", "£20,000")))
    assert table.total_row[1] == "Committed (left: £350,568)"
    assert ("Joint DA outreach comes from Babergh office and Mid Suffolk office, each with a share from OPCC (£30,000 "
            "and £20,000), both counted here: if the offices typed one project, its share is counted twice, £20,000 "
            "more than its one share of £30,000.") in table.note, table.note


def test_projects_of_different_titles_or_one_office_say_nothing(county_of):
    assert "counted twice" not in _award_table(county_of(titles=("Joint DA outreach", "Youth diversion"))).note


def test_one_offices_project_alone_says_nothing(county_of):
    assert "counted twice" not in _award_table(county_of(titles=("Joint DA outreach", ""))).note
