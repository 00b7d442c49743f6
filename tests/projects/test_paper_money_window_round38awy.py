"""Round 38 (awy): the awards dialog and Commissioning's Fund field say what is wrong with money as the papers write
it (two years on an award's line; "50% of £20,000"), and read "FY 2017/18: £5" as a share does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.projects.test_awards_window import open_awards, shown

PERCENT = "“50% of £20,000” is a percentage of an amount: type the amount itself (£10,000)."


def new_award(window, qtbot, years: str, total: str = ""):
    awards = open_awards(window, qtbot)
    qtbot.mouseClick(button(awards, "Add Award"), Qt.MouseButton.LeftButton)
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    type_into(qtbot, field(form, "Funder"), "OPCC")
    type_into(qtbot, field(form, "Name"), "Round 38 grant")
    type_into(qtbot, field(form, "Amounts by year"), years)
    if total:
        type_into(qtbot, field(form, "Total stated"), total)
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    return awards, form


def test_an_awards_line_with_two_years_is_said_beside_its_field(demo_window, qtbot):
    demo_window.show()
    awards, form = new_award(demo_window, qtbot, "2017/18: £10,000 (2009/10)")
    assert form.isVisible() and form.message_text() == (
        "Year: two years, 2017/18 before the amount and 2009/10 after it: give the year the amount is for once "
        "(“2009/10: £10,000”).")
    type_into(qtbot, field(form, "Amounts by year"), "FY 2009/10: £10,000")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert ("OPCC", "Round 38 grant", "£10,000 for 2009/10", "", "") in shown(awards)


def test_a_percentage_of_an_amount_is_said_in_the_award_and_the_fund(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    _awards, form = new_award(demo_window, qtbot, "2017/18: 50% of £20,000")
    assert form.isVisible() and form.message_text() == f"Amount for 2017/18: {PERCENT}"
    type_into(qtbot, field(form, "Amounts by year"), "")
    type_into(qtbot, field(form, "Total stated"), "50% of £20,000")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    assert form.isVisible() and PERCENT in form.message_text()
    form.reject()

    page = demo_window.show_tab("projects").show_commissioning()
    page.fund.setFocus()
    page.fund.selectAll()
    qtbot.keyClicks(page.fund, "50% of £20,000")
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=5000)
    assert page.message.text() == f"Fund: {PERCENT}"
    assert page.summary.text() == "⚠ The fund is not an amount of money."
