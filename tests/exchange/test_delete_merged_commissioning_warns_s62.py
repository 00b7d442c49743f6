"""S62 (county3): deleting at the county an award, scenario, allocation or top-slice an office sent says first that it
comes back.

Deleting Babergh's project, review or plan in a county file says, before it is done, that the office's file still has
it and its next export, merged, puts it back. Its award (View > Funders' Awards… > Delete), its commissioning scenario
(Projects > Commissioning > Delete), its allocation (Allocation > Delete) and its top-slice (Remove saved) come back
the same way, but were asked about as if deleting them were the end of them ("Delete the scenario “Babergh option
A”?"). Each question now says it too; one typed in the county file, and an office's own file, are asked as before.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import allocation, funders
from safer_desk.services import projects_commissioning as commissioning
from tests.exchange.county_commissioning_offices import add_commissioning_rows, county_with_commissioning
from tests.exchange.district_offices import merge, office_from, template

COMES_BACK = ("It was merged from Babergh office, whose file still has it: its next export, merged, puts it back. "
              "To remove it for good, ask Babergh office to delete it in its own file.")


@pytest.fixture
def county(tmp_path):
    store, sent = county_with_commissioning(tmp_path)
    store.sent = sent
    yield store
    store.close()


def _award(store, name="Babergh community safety grant"):
    return next(a for a in funders.list_awards(store) if a.name == name)


def _scenario(store, name="Babergh option A"):
    return next(s for s in commissioning.list_scenarios(store) if s.name == name)


def _allocation(store, name="Babergh split"):
    return next(s for s in allocation.list_scenarios(store) if s.name == name)


def _top_slice(store, name="Babergh reward grant"):
    return next(s for s in allocation.list_top_slices(store) if s.name == name)


def test_deleting_an_offices_award_at_the_county_says_its_next_export_puts_it_back(county):
    presenter = AwardsPresenter(county)
    award = _award(county)
    assert presenter.delete_question(award.id) == (
        f"Delete the award Babergh community safety grant (Suffolk PCC)? {COMES_BACK}")
    # What it warns of is what happens: deleted here, the office's next export adds it again.
    presenter.delete(award.id)
    assert "Babergh community safety grant" not in [a.name for a in funders.list_awards(county)]
    merge(county, county.sent)
    assert "Babergh community safety grant" in [a.name for a in funders.list_awards(county)]


def test_deleting_an_offices_commissioning_scenario_at_the_county_says_so(county):
    presenter = CommissioningPresenter(county)
    presenter.show_saved(_scenario(county))
    assert presenter.delete_question() == f"Delete the scenario “Babergh option A”? {COMES_BACK}"


def test_deleting_an_offices_allocation_or_top_slice_at_the_county_says_so(county):
    presenter = AllocationPresenter(county)
    split = _allocation(county)
    assert split.title.startswith("2025/26 — Babergh split (saved ")  # as Saved scenarios lists it
    assert presenter.delete_question(split.id) == (
        f"Delete the scenario {split.title}? {COMES_BACK} (Edit > Undo brings it back.)")
    assert presenter.remove_top_slice_question(_top_slice(county).id) == (
        "Remove the saved top-slice 2025/26 — Babergh reward grant from the file? Its section leaves the board report "
        f"and the county workbook; its figures stay on the page, to save again. {COMES_BACK} Edit > Undo brings it "
        "back.")


def test_the_windows_delete_buttons_ask_it(tmp_path, window, qtbot, prompts):
    county, _ = county_with_commissioning(tmp_path)
    county.close()
    assert window.open_path(tmp_path / "county.sqlite")
    page = window.show_tab("projects").show_commissioning()
    at = next(i for i in range(page.scenarios.count()) if page.scenarios.itemText(i).startswith("Babergh option A"))
    page.scenarios.setCurrentIndex(at)
    page.scenarios.activated.emit(at)
    qtbot.waitUntil(lambda: page.presenter.loaded is not None)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert prompts.questions[-1] == ("Delete scenario", f"Delete the scenario “Babergh option A”? {COMES_BACK}")
    tab = window.show_tab("allocation")
    at = next(i for i in range(tab.scenario_combo.count()) if "Babergh split" in tab.scenario_combo.itemText(i))
    tab.scenario_combo.setCurrentIndex(at)
    tab.delete_button.click()
    title = _allocation(window.session.store).title  # the list adds "merged from Babergh office": the question says it
    assert prompts.questions[-1] == ("Delete scenario", f"Delete the scenario {title}? "
                                     f"{COMES_BACK} (Edit > Undo brings it back.)")
    # not answered: nothing deleted
    assert [s.name for s in allocation.list_scenarios(window.session.store)].count("Babergh split") == 1


def test_one_typed_in_the_county_file_and_an_offices_own_are_asked_as_before(county, tmp_path):
    typed = funders.save_award(county, funders.make_award(funder="Suffolk PCC", name="County grant",
                                                          years={"2025/26": "£1,000"}))
    assert AwardsPresenter(county).delete_question(typed.id) == "Delete the award County grant (Suffolk PCC)?"
    (tmp_path / "own").mkdir()
    base = template(tmp_path / "own", months=["2025-04"], police=False)
    office = office_from(base, tmp_path / "own" / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        add_commissioning_rows(office, "Babergh")
        assert AwardsPresenter(office).delete_question(_award(office).id) == (
            "Delete the award Babergh community safety grant (Suffolk PCC)?")
        presenter = CommissioningPresenter(office)
        presenter.show_saved(_scenario(office))
        assert presenter.delete_question() == "Delete the scenario “Babergh option A”?"
        alloc = AllocationPresenter(office)
        split = _allocation(office)
        assert alloc.delete_question(split.id) == f"Delete the scenario {split.title}? (Edit > Undo brings it back.)"
        assert COMES_BACK not in alloc.remove_top_slice_question(_top_slice(office).id)
    finally:
        office.close()
