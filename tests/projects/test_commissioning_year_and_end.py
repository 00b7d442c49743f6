"""Which year of a multi-year award a scenario commits against, and which end of a cost range it counts, chosen on
the Commissioning page beside *Against award* (the guide's promise): the figures follow, both are saved with the
scenario and undone with its Save, and the summary says which year and which end. A funder whose name ends in s
is possessive with an apostrophe alone ("Suffolk Public Sector Leaders' money")."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from tests.projects.test_commissioning_page import row_of, tick
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window, widget_in_window

PCC = "PCC grant to Safer Plymouth 2017-19"
RETAINED = "Retained budget 2009/10: pilot and DV coordinators"


@pytest.fixture
def page(window, demo_path, qtbot):
    """The example file with P1's OPCC share for 2018/19 stated too (£98,765.43), on the Commissioning page; the cost
    range of project 13 (£54,372 - £62,372) runs in the award's years (2017/18 to 2018/19), not only in 2009/10: a
    project that ended before the award's year commits nothing against it."""
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        by_ref = {p.ref: p for p in svc.load_projects(store)}
        p1 = by_ref["P1"]
        sources = svc.project_fields(p1)["funding_sources"] + "\nOPCC (2018/19): £98,765.43"
        svc.save_project(store, svc.project_from_fields({"funding_sources": sources}, base=p1))
        svc.save_project(store, svc.project_from_fields({"start_date": "01/04/2017", "end_date": "31/03/2019"},
                                                        base=by_ref["13"]))
    finally:
        store.close()
    assert window.open_path(demo_path)
    window.resize(1280, 800)
    window.show()
    return window.show_tab("projects").show_commissioning()




def committed_of(page, ref):
    return page.proxy.index(row_of(page, ref), page.model.columnCount() - 1).data()


def choose(qtbot, combo, text):
    """Choose ``text`` in a combo with the keyboard, as an officer tabbing through the page would."""
    combo.setFocus()
    target = next((i for i in range(combo.count()) if combo.itemText(i) == text), -1)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up)
    assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]


def against_the_pcc(page, qtbot):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    choose(qtbot, page.award, f"OPCC: {PCC}")
    for ref in ("P1", "P2", "P3"):
        tick(page, qtbot, ref)


def test_the_year_and_end_controls_are_keyboard_reachable_and_named(page, qtbot):
    for combo, name in ((page.award_year, "Award year"), (page.range_end, "Which end of a cost range to count")):
        assert combo.accessibleName() == name
        assert combo.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert page.award_year_label.buddy() is page.award_year and page.range_end_label.buddy() is page.range_end
    # the retained budget: no award, no range among the ticked projects: neither applies
    assert not page.award_year.isEnabled() and not page.range_end.isEnabled()
    assert "range" in page.range_end.toolTip()
    against_the_pcc(page, qtbot)
    tick(page, qtbot, "13")
    page.award.setFocus()
    qtbot.keyClick(page.award, Qt.Key.Key_Tab)  # Tab goes on from the award to its year, then to the end counted
    assert page.award_year.hasFocus()
    qtbot.keyClick(page.award_year, Qt.Key.Key_Tab)
    assert page.range_end.hasFocus()


def test_choosing_the_awards_second_year_commits_that_years_shares(page, qtbot):
    against_the_pcc(page, qtbot)
    assert page.award_year.isEnabled() and page.award_year.currentText() == "2017/18"
    assert [page.award_year.itemText(i) for i in range(page.award_year.count())] == ["2017/18", "2018/19"]
    assert "£400,568 for 2017/18; committed £233,500 of OPCC's money; remaining £167,068" in page.summary.text()
    choose(qtbot, page.award_year, "2018/19")
    assert page.fund.text() == "£400,568"
    assert "£400,568 for 2018/19; committed £98,765.43 of OPCC's money; remaining £301,802.57" in page.summary.text()
    assert (committed_of(page, "P1"), committed_of(page, "P2"), committed_of(page, "P3")) == (
        "£98,765.43", "£0", "£0")
    assert "OPCC's share is stated for 2017/18 only, so it adds nothing to 2018/19" in page.message.text()
    assert page.years.verticalHeaderItem(0).text() == "2018/19"
    assert page.status.text() == "⚠ not saved"


def test_an_award_with_one_year_offers_no_choice_of_year(page, qtbot):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    choose(qtbot, page.award, "Safer Suffolk Partnership Board: SSPB 10% retained budget 2009/10")
    assert page.award_year.currentText() == "2009/10" and not page.award_year.isEnabled()
    choose(qtbot, page.award, "(none: the fund typed)")
    assert not page.award_year.isEnabled() and page.award_year.currentText() == ""


def test_choosing_the_lower_end_counts_a_range_at_its_lower_end(page, qtbot):
    assert "committed £65,000" in page.summary.text() and "end of" not in page.summary.text()
    tick(page, qtbot, "13")  # Sexual Exploitation: £54,372 - £62,372
    assert page.range_end.isEnabled() and page.range_end.currentText() == "upper end"
    assert "committed £127,372" in page.summary.text()
    assert page.summary.text().endswith("counting the upper end of cost ranges")
    choose(qtbot, page.range_end, "lower end")
    assert "committed £119,372" in page.summary.text()  # £8,000 less: the range's difference
    assert page.summary.text().endswith("counting the lower end of cost ranges")
    assert committed_of(page, "13") == "£54,372"
    assert "counts the lower end of £54,372 - £62,372" in page.message.text()
    assert page.status.text() == "⚠ changed since saved"
    tick(page, qtbot, "13")  # unticked: no range left, so the choice no longer applies
    assert not page.range_end.isEnabled() and "end of" not in page.summary.text()


def test_both_are_saved_with_the_scenario_reopened_as_saved_and_undone_with_the_save(window, page, demo_path, qtbot):
    against_the_pcc(page, qtbot)
    tick(page, qtbot, "13")  # no OPCC share stated: counted in full, at the end chosen
    choose(qtbot, page.award_year, "2018/19")
    choose(qtbot, page.range_end, "lower end")
    summary = page.summary.text()
    assert "for 2018/19" in summary and summary.endswith("counting the lower end of cost ranges")
    assert "committed £153,137.43 of OPCC's money" in summary  # £98,765.43 + £54,372
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Plymouth 2018/19, ranges low")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "✓ as saved"
    saved = next(s for s in com.list_scenarios(page.session.store) if s.name == "Plymouth 2018/19, ranges low")
    assert (saved.award_year, saved.range_end) == ("2018/19", "lower")

    assert window.open_path(demo_path)  # the file opened again
    page = window.show_tab("projects").show_commissioning()
    choose(qtbot, page.scenarios, "Plymouth 2018/19, ranges low")
    assert (page.award_year.currentText(), page.range_end.currentText()) == ("2018/19", "lower end")
    assert page.summary.text() == summary and page.status.text() == "✓ as saved"

    # A change of both, saved again, is one step of Edit > Undo that puts them back as saved before.
    choose(qtbot, page.award_year, "2017/18")
    choose(qtbot, page.range_end, "upper end")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    again = com.get_scenario(page.session.store, saved.id)
    assert (again.award_year, again.range_end) == ("2017/18", "upper")
    page.session.undo_stack.undo()
    again = com.get_scenario(page.session.store, saved.id)
    assert (again.award_year, again.range_end) == ("2018/19", "lower")
    assert page.status.text() == "⚠ changed since saved"
    page.presenter.discard()
    assert (page.award_year.currentText(), page.range_end.currentText()) == ("2018/19", "lower end")
    assert page.summary.text() == summary


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_the_controls_are_in_view_at_laptop_sizes(page, qtbot, size):
    against_the_pcc(page, qtbot)
    tick(page, qtbot, "13")
    resize_window(page.window(), size)
    for widget in (page.award, page.award_year, page.range_end, page.fits_button, page.print_button):
        assert widget_in_window(widget, page.window()), widget.accessibleName()
    assert page.award_year.currentText() in page.award_year.itemText(page.award_year.currentIndex())
    assert page.award_year.width() >= page.award_year.fontMetrics().horizontalAdvance("2018/19")


def test_a_funder_whose_name_ends_in_s_is_possessive_with_an_apostrophe(demo_store):
    """"Suffolk Public Sector Leaders's money" / "…Leaders's share" in the summary and the board's table."""
    award = funders.award_by_name(demo_store, "CSP funding 2018-2021")
    p1 = next(p for p in svc.load_projects(demo_store) if p.ref == "P1")
    p1 = svc.save_project(demo_store, svc.project_from_fields(
        {"funding_sources": "Suffolk Public Sector Leaders (2018/19): £10,000"}, base=p1))
    p2 = next(p for p in svc.load_projects(demo_store) if p.ref == "P2")
    p2 = svc.save_project(demo_store, svc.project_from_fields(
        {"funding_sources": "Suffolk Public Sector Leaders: Tbc"}, base=p2))
    result = com.evaluate([p1, p2], 0, [com.ScenarioItem(p1.id), com.ScenarioItem(p2.id)], award=award,
                          award_year="2018/19")
    assert "committed £10,000 of Suffolk Public Sector Leaders' money" in result.summary()
    assert "Suffolk Public Sector Leaders' share" in com.board_table(result).header
    assert "Suffolk Public Sector Leaders' share: Tbc" in {r.counted for r in result.rows}
    assert any("Suffolk Public Sector Leaders' share is “Tbc”" in p for p in result.problems)
    assert "Leaders's" not in " ".join((result.summary(), *result.problems, *result.notes,
                                        *(r.counted for r in result.rows)))
    assert com.possessive("OPCC") == "OPCC's" and com.possessive("SCC") == "SCC's"
    assert com.possessive("Suffolk Public Sector Leaders") == "Suffolk Public Sector Leaders'"
