"""Projects and commissioning, round 30: found as the officers use the tab, on the example data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.money import format_money
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects_commissioning as com


def test_a_set_with_no_fund_typed_is_not_saved_as_a_fund_of_nothing(demo_window, qtbot, prompts):
    """1. New set, no fund typed, a project ticked and a name given: Save wrote the scenario with a fund of £0, and
    chosen again it said "Fund £0; committed £125,000; OVER-COMMITTED by £125,000", a figure nobody typed. The page
    said "Type a fund …" and Save still saved it."""
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.fund.clear()
    page.presenter.tick(page.presenter.projects[0].id)
    qtbot.keyClicks(page.name, "Shortlist, fund to come")
    store = demo_window.session.store
    before = [s.name for s in com.list_scenarios(store)]
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in com.list_scenarios(store)] == before  # nothing written
    assert page.presenter.error.startswith("Fund: type the fund")
    assert prompts.errors and prompts.errors[-1][1].startswith("Fund: type the fund")
    assert page.presenter.has_unsaved_changes()  # the set is still there, unsaved
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]  # closing the window and answering Save: said, window kept
    assert demo_window.close() is False and demo_window.isVisible()
    assert [s.name for s in com.list_scenarios(store)] == before
    page.fund.setText("£65,512")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = next(s for s in com.list_scenarios(store) if s.name == "Shortlist, fund to come")
    assert saved.fund_pence == 6_551_200




@pytest.fixture
def running_window(window, demo_path):
    """The main window on the example file with the Suffolk projects (seed 000, 2009/10) dated 2017/18, so that What
    fits? against the PCC's 2017/18 has projects running then to propose: one that ended before the award's year
    commits nothing against it."""
    from safer_desk.services import projects as svc
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        for p in svc.load_projects(store):
            if not p.ref.startswith("P"):
                svc.save_project(store, svc.project_from_fields({"start_date": "01/04/2017",
                                                                 "end_date": "31/03/2018"}, base=p))
    finally:
        store.close()
    assert window.open_path(demo_path)
    return window


def against_the_pcc(demo_window, qtbot):
    """The Commissioning page: a new set against the PCC's award (2017/18), the three Plymouth contracts ticked."""
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    index = next(i for i in range(page.award.count()) if "PCC grant to Safer Plymouth" in page.award.itemText(i))
    page.award.setCurrentIndex(index)
    page.award.activated.emit(index)
    for ref in ("P1", "P2", "P3"):
        page.presenter.tick(next(p.id for p in page.presenter.projects if p.ref == ref))
    assert page.summary.text().endswith("committed £233,500 of OPCC's money; remaining £167,068")
    return page


def test_an_award_corrected_under_the_page_is_the_fund_what_fits_and_save_use(running_window, qtbot, prompts):
    """2. Against the PCC's award, View > Funders' Awards… corrects its 2017/18 to £200,000. The summary said
    "£200,000 for 2017/18 … OVER-COMMITTED by £33,500", but the Fund field still said £400,568, What fits? fitted
    £392,372 of projects "leaving £8,196" (accepted: over-committed by £192,372), and Save wrote £400,568 as the
    scenario's fund."""
    from tests.projects.test_awards_window import button, field, open_awards, shown, type_into

    page = against_the_pcc(running_window, qtbot)
    awards = open_awards(running_window, qtbot)
    awards.view.selectRow([r[1] for r in shown(awards)].index("PCC grant to Safer Plymouth 2017-19"))
    qtbot.keyClick(awards.view, Qt.Key.Key_Return)
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    type_into(qtbot, field(form, "Amounts by year"), "2017/18: £200,000")
    qtbot.keyClick(field(form, "Amounts by year"), Qt.Key.Key_Return)
    qtbot.keyClicks(field(form, "Amounts by year"), "2018/19: £400,568")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    awards.close()
    # (the summary counts the award as the file holds it at once; the page re-reads the award when the change is in)
    qtbot.waitUntil(lambda: "£200,000 for 2017/18" in page.summary.text() and page.fund.text() == "£200,000",
                    timeout=5000)
    assert ("PCC grant to Safer Plymouth 2017-19 gives £200,000 for 2017/18 (the fund showed £400,568): the scenario "
            "counts the award's amount.") in page.message.text()
    qtbot.mouseClick(page.fits_button, Qt.MouseButton.LeftButton)
    suggestion = page.presenter.suggest()
    assert suggestion.cost_pence <= 20_000_000
    assert f"leaving {format_money(20_000_000 - suggestion.cost_pence)}:" in page.suggestion_label.text()
    qtbot.keyClicks(page.name, "Plymouth at £200,000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = next(s for s in com.list_scenarios(running_window.session.store) if s.name == "Plymouth at £200,000")
    assert saved.fund_pence == 20_000_000


def test_a_fund_typed_while_against_an_award_is_not_what_fits_fits_within(running_window, qtbot):
    """2b. Against the PCC's award (£400,568, as the summary counts it), a fund typed over it (£100,000) was the fund
    What fits? fitted within and said what was left of, while the summary went on counting the award's."""
    page = against_the_pcc(running_window, qtbot)
    page.fund.selectAll()
    qtbot.keyClicks(page.fund, "£100,000")
    assert "£400,568 for 2017/18" in page.summary.text()
    qtbot.mouseClick(page.fits_button, Qt.MouseButton.LeftButton)
    suggestion = page.presenter.suggest()
    assert f"leaving {format_money(40_056_800 - suggestion.cost_pence)}:" in page.suggestion_label.text()
    # The Fund field shows the award's money and is not typed over while the award gives it (the typing was not
    # counted, without a word); the papers' funds wait too. "(none: the fund typed)" gives the field back.
    assert not page.fund.isEnabled() and page.fund.text() == "£400,568" and not page.presets.isEnabled()
    assert "choose “(none: the fund typed)” under Award" in page.fund.toolTip()
    page.award.setCurrentIndex(page.award.findText("(none: the fund typed)"))
    page.award.activated.emit(page.award.currentIndex())
    assert page.fund.isEnabled() and page.presets.isEnabled() and page.fund.toolTip() == ""
    assert page.presenter.fund_label == ""  # the award's name no longer titles the scenario's export
    page.fund.selectAll()
    qtbot.keyClicks(page.fund, "£100,000")
    assert page.presenter.fund_pence() == 10_000_000


def test_counting_the_lower_end_splits_a_range_across_years_as_its_lines_lower_ends_do(demo_store):
    """3. A two-year project costing £20,000 - £30,000: 2009/10 a worker at £10,000 - £20,000, 2010/11 £10,000.
    Counting the lower end (£20,000), Committed by financial year said 2009/10 £13,333.33 and 2010/11 £6,666.67 (the
    upper ends' proportions), where the lines' lower ends say £10,000 in each."""
    from safer_desk.services import projects as svc

    project = svc.project_from_fields({"title": "Off-street outreach, two years", "cost": "£20,000 - £30,000"},
                                      cost_lines=[("2009/10", "staff", "worker", "£10,000 - £20,000"),
                                                  ("2010/11", "staff", "worker", "£10,000")])
    svc.add_projects(demo_store, [project])
    projects = svc.load_projects(demo_store)
    lower = com.evaluate(projects, 6_551_200, [com.ScenarioItem(project.id)], range_end="lower")
    assert lower.committed_pence == 2_000_000
    assert lower.commitment.by_year == {"2009/10": 1_000_000, "2010/11": 1_000_000}
    upper = com.evaluate(projects, 6_551_200, [com.ScenarioItem(project.id)])
    assert upper.commitment.by_year == {"2009/10": 2_000_000, "2010/11": 1_000_000}
    half = com.evaluate(projects, 6_551_200, [com.ScenarioItem(project.id, com.Scale(1, 2))], range_end="lower")
    assert half.commitment.by_year == {"2009/10": 500_000, "2010/11": 500_000}
