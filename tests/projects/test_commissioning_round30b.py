"""Commissioning against a funder's award, a second look at round 30: an award of one year given as a total with
its first year only ("£50,000 (2019/20)", as View > Funders' Awards… and `safer-desk awards --add` take it) is that
year's money; choosing the award already chosen keeps the year the scenario is against."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from tests.projects.test_commissioning_page import tick

PCC = "PCC grant to Safer Plymouth 2017-19"


def one_year_total(store):
    """Home Office's £50,000 for 2019/20, typed as a total with its first year (the last left blank)."""
    return funders.save_award(store, funders.make_award(funder="Home Office", name="Serious violence 2019/20",
                                                        total="£50,000", first_year="2019/20"))


def test_an_award_given_as_one_years_total_is_that_years_fund(demo_store):
    award = one_year_total(demo_store)
    assert award.amount_text() == "£50,000 (2019/20)"
    p = CommissioningPresenter(demo_store)
    p.set_projects(svc.load_projects(demo_store))
    p.new()
    p.set_fund("")
    p.set_award(award.id)
    assert p.fund_text == "£50,000" and p.fund_pence() == 5_000_000 and p.award_year == "2019/20"
    result = p.result()
    assert result.summary().startswith("Serious violence 2019/20 £50,000 for 2019/20;")
    assert not any("gives no amount" in x for x in result.problems)
    assert p.award_fund_words()  # the award gives the fund: not typed over
    assert p.suggest() is not None  # What fits? has the fund to fit within
    p.set_name("Serious violence")
    assert p.save(), p.message
    saved = com.get_scenario(demo_store, p.loaded.id)
    assert saved.fund_pence == 5_000_000 and saved.award_year == "2019/20"
    assert com.evaluate_saved(demo_store, saved).fund_pence == 5_000_000


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("projects").show_commissioning()


def test_choosing_the_award_already_chosen_keeps_its_year(page, qtbot):
    """An officer opening Against award to check it and choosing the same award again (a click on it in the list, or
    Enter) left a 2018/19 scenario committing 2017/18's money and shares, "changed since saved", without a word."""
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.award.setCurrentIndex(page.award.findText(f"OPCC: {PCC}"))
    page.award.activated.emit(page.award.currentIndex())
    for ref in ("P1", "P2", "P3"):
        tick(page, qtbot, ref)
    page.award_year.setCurrentIndex(page.award_year.findText("2018/19"))
    page.award_year.activated.emit(page.award_year.currentIndex())
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Plymouth 2018/19")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "✓ as saved" and "for 2018/19" in page.summary.text()
    summary = page.summary.text()

    page.award.setFocus()
    page.award.showPopup()  # the list opened on the award chosen, and Enter chooses it again
    qtbot.waitUntil(lambda: page.award.view().isVisible(), timeout=3000)
    qtbot.keyClick(page.award.view(), Qt.Key.Key_Return)
    assert page.award_year.currentText() == "2018/19"
    assert page.summary.text() == summary and page.status.text() == "✓ as saved"


@pytest.fixture
def unstated_page(window, demo_path):
    """The example file with the Lottery's "Youth fund", its amount not stated yet, on the Commissioning page."""
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        funders.save_award(store, funders.make_award(funder="Lottery", name="Youth fund",
                                                     conditions="Amount to follow"))
    finally:
        store.close()
    assert window.open_path(demo_path)
    window.resize(1280, 800)
    window.show()
    return window.show_tab("projects").show_commissioning()


def test_an_award_giving_no_amount_with_no_fund_typed_is_not_a_fund_of_nothing(unstated_page, qtbot):
    """Against an award that gives no amount, with the Fund field empty, the page said "Youth fund £0; committed
    £245,000 …; OVER-COMMITTED by £245,000" ("the fund typed is used": none was) and exported it so."""
    page = unstated_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.fund.clear()
    page.award.setCurrentIndex(page.award.findText("Lottery: Youth fund"))
    page.award.activated.emit(page.award.currentIndex())
    for ref in ("1", "2"):
        tick(page, qtbot, ref)
    assert page.fund.isEnabled() and not page.fund.isReadOnly()  # the award gives no fund: one is typed
    assert page.presenter.result() is None
    assert "£0" not in page.summary.text() and "OVER-COMMITTED" not in page.summary.text()
    assert page.summary.text() == "Youth fund gives no amount: type the fund the scenario is against."
    assert not page.export_button.isEnabled() and not page.print_button.isEnabled()
    assert page.presenter.suggest() is None
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Youth")
    assert not page.presenter.save()
    assert page.presenter.error == "Fund: Youth fund gives no amount: type the fund the scenario is against."

    page.fund.setFocus()
    qtbot.keyClicks(page.fund, "£300,000")  # typed: that is the fund counted, and said so
    result = page.presenter.result()
    assert result is not None and result.fund_pence == 30_000_000
    assert "Youth fund £300,000; committed £245,000 of Lottery's money; remaining £55,000" in page.summary.text()
    assert page.export_button.isEnabled()
