"""Commissioning against a funder's award, a third look at round 30: an award corrected to one total over several
years (the page, the saved scenario and the board report agree: the scenario is against the whole award), the
summary's styling back on the "Type a fund…" line, and the award's revenue/capital split for a total."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.report_sections.projects import board_report_sections
from tests.projects.test_commissioning_page import tick

CSP = "CSP funding 2018-2021"


def csp_award(store):
    return next(a for a in funders.list_awards(store) if a.name == CSP)


def saved_for_2018_19(store) -> str:
    """A scenario against the CSP funding's £30,000 for 2018/19, three countywide projects ticked."""
    p = CommissioningPresenter(store)
    p.set_projects(svc.load_projects(store))
    p.new()
    p.set_award(csp_award(store).id, "2018/19")
    for project in p.projects:
        if project.ref in ("1", "2", "3"):
            p.tick(project.id)
    p.set_name("CSP 2018/19")
    assert p.save(), p.message
    return p.loaded.id


def correct_to_one_total(store) -> None:
    """View > Funders' Awards…: £30,000 a year corrected to £90,000 over 2018/19 to 2020/21, not split by year."""
    award = csp_award(store)
    funders.save_award(store, funders.make_award(funder=award.funder, name=award.name, total="£90,000",
                                                 first_year="2018/19", last_year="2020/21", award_id=award.id))


def scenario_titles(store, year: str | None) -> list[str]:
    sections = board_report_sections(store, year=FinancialYear.parse(year) if year else None)
    return [t.title for s in sections if s.title == "Commissioning scenarios" for t in s.tables]


def test_a_scenario_against_an_award_corrected_to_one_total_is_against_the_whole_award(demo_store):
    """The page counted the whole £90,000 "for 2018/19 to 2020/21", while the scenario kept "2018/19" (saved again,
    too) and the board report showed it in 2018/19's report only: the £90,000 is the three years' money."""
    scenario_id = saved_for_2018_19(demo_store)
    correct_to_one_total(demo_store)

    p = CommissioningPresenter(demo_store)
    p.set_projects(svc.load_projects(demo_store))
    p.load(scenario_id)
    assert p.award_year == ""  # the whole award, for no one year
    assert "£90,000 (2018/19 to 2020/21)" in p.message and "the whole award" in p.message
    assert p.status_text() == "changed since saved"
    assert p.result().summary().startswith(f"{CSP} £90,000 for 2018/19 to 2020/21;")
    assert p.save(), p.message
    saved = com.get_scenario(demo_store, scenario_id)
    assert saved.award_year == "" and saved.fund_pence == 9_000_000
    assert p.status_text() == ""


def test_the_report_files_a_scenario_against_a_total_over_years_in_each_of_its_years(demo_store):
    """A scenario not opened since the award was corrected still holds 2018/19: the report files it in each of the
    award's years, as the page and its summary count the whole award."""
    saved_for_2018_19(demo_store)
    correct_to_one_total(demo_store)
    title = f"CSP 2018/19 ({CSP}: £90,000)"
    for year in ("2018/19", "2019/20", "2020/21"):
        assert scenario_titles(demo_store, year) == [title], year
    assert title in scenario_titles(demo_store, None) and title not in scenario_titles(demo_store, "2021/22")


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("projects").show_commissioning()


def test_the_type_a_fund_line_is_not_shown_in_red(page, qtbot):
    """An over-committed set, then the fund cleared: "Type a fund…" stayed in the red over-committed style."""
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.fund.setFocus()
    page.fund.clear()
    qtbot.keyClicks(page.fund, "£1")
    tick(page, qtbot, "1")
    assert "OVER-COMMITTED" in page.summary.text()
    red = page.summary.styleSheet()
    page.fund.clear()
    assert page.summary.text().startswith("Type a fund")
    assert page.summary.styleSheet() != red and "font-weight: bold" in page.summary.styleSheet()


def split_award(store, **kw):
    return funders.save_award(store, funders.make_award(funder="Suffolk Public Sector Leaders", name="Split award",
                                                        revenue="69", capital="31", **kw))


@pytest.mark.parametrize("kw, words", [
    (dict(total="£50,000", first_year="2019/20"), "in 2019/20"),
    (dict(total="£50,000", first_year="2018/19", last_year="2020/21"), "over 2018/19 to 2020/21"),
    (dict(total="£50,000"), ""),
])
def test_the_revenue_capital_check_for_an_award_given_as_a_total(demo_store, kw, words):
    """A total for one year (its last year blank) is that year's split; a total over years, or with no years, was
    checked against nothing: the page gave no revenue/capital line though the award states 69% / 31%."""
    award = split_award(demo_store, **kw)
    assert award.split(award.first_year if kw.get("last_year") is None else "") == (3_450_000, 1_550_000)
    p = CommissioningPresenter(demo_store)
    p.set_projects(svc.load_projects(demo_store))
    p.new()
    p.set_award(award.id)
    for project in p.projects:
        if project.ref in ("1", "2"):
            p.tick(project.id)
    notes = p.result().notes
    line = f"Split award is 69% revenue (£34,500) and 31% capital (£15,500){' ' + words if words else ''}."
    assert line in notes, notes


def test_an_award_corrected_to_one_total_under_the_open_page_drops_the_year(demo_store):
    """The award corrected in View > Funders' Awards… while the scenario is open: on coming back to the page the
    scenario is against the whole award, and the page says so."""
    scenario_id = saved_for_2018_19(demo_store)
    p = CommissioningPresenter(demo_store)
    p.set_projects(svc.load_projects(demo_store))
    p.load(scenario_id)
    correct_to_one_total(demo_store)
    p.follow_award()
    assert p.award_year == "" and p.fund_text == "£90,000" and "the whole award" in p.message
    assert p.award_years() == []
    assert p.save(), p.message
    assert com.get_scenario(demo_store, scenario_id).award_year == ""


def test_a_scenario_whose_award_was_deleted_says_so_when_loaded(demo_store):
    """Loaded after its award was deleted, a scenario counted each project's whole cost against the fund saved with
    it, under the award's name, without a word."""
    scenario_id = saved_for_2018_19(demo_store)
    funders.delete_award(demo_store, csp_award(demo_store).id)
    p = CommissioningPresenter(demo_store)
    p.set_projects(svc.load_projects(demo_store))
    p.load(scenario_id)
    assert p.award() is None
    assert p.message == (f"The award this scenario was against for 2018/19 ({CSP}) is no longer in the file: it counts "
                         "the fund saved with it, £30,000, and each project's whole cost, not a funder's share.")
    assert p.status_text() == ""  # loading changes nothing
