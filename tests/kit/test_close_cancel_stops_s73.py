"""Closing (or opening another file) with something typed on two tabs: Cancel to the first question stops there.

A section's name typed on Budgets and not added stays typed when the tab is left. With it there, and Plymouth's
December figure typed on Indicators (the tab in view), closing went to Budgets first and so asked about the figure;
Cancel stayed on Indicators, yet the section's name was asked about next, over the Indicators tab, and then the figure
again: Cancel did not stop the closing, and Discard to the section's question lost it though the officer had cancelled
(session 73). The tab in view is asked about first, then each other tab in its own view; Cancel ends the questions."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui import prompts as prompts_module
from tests.indicators.test_tab_unsaved import click_indicator, type_in_cell

FIGURES = "Figures of All crime for Plymouth, 2016/17 have unsaved changes in Dec-16."
SECTION = "The section “Youth work” is typed in but not added."


@pytest.fixture
def window(demo_window, qtbot):
    """A section's name typed on Budgets, left there, and a figure typed on Indicators, in view."""
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    budgets = demo_window.show_tab("budgets")
    budgets.section_name.setFocus()
    qtbot.keyClicks(budgets.section_name, "Youth work")
    tab = demo_window.show_tab("indicators")
    assert demo_window.current_tab_key() == "indicators"  # the name typed is kept, unasked, as the tab is left
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    click_indicator(tab, qtbot, "All crime")
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    return demo_window


def watch(monkeypatch, window, answers):
    seen = []

    def ask_unsaved(parent, title, text):
        seen.append((text, window.current_tab_key()))
        return answers.pop(0) if answers else UnsavedChoice.DISCARD  # the window closed at the end of the test

    monkeypatch.setattr(prompts_module, "ask_unsaved", ask_unsaved)
    return seen


def test_cancel_to_the_first_question_asks_nothing_more(window, monkeypatch):
    seen = watch(monkeypatch, window, [UnsavedChoice.CANCEL, UnsavedChoice.DISCARD, UnsavedChoice.DISCARD])
    assert not window.may_close_file()
    assert seen == [(FIGURES, "indicators")]
    assert window.current_tab_key() == "indicators"
    assert window.tab_widgets["indicators"].grid.item(0, 8).text() == "1480"
    assert window.tab_widgets["budgets"].section_name.text() == "Youth work"


def test_each_tab_is_asked_about_in_its_own_view(window, monkeypatch):
    seen = watch(monkeypatch, window, [UnsavedChoice.DISCARD, UnsavedChoice.DISCARD])
    assert window.may_close_file()
    assert seen == [(FIGURES, "indicators"), (SECTION, "budgets")]
    assert not window.has_unsaved_changes()


def test_cancel_to_the_second_question_stays_on_its_tab(window, monkeypatch):
    seen = watch(monkeypatch, window, [UnsavedChoice.DISCARD, UnsavedChoice.CANCEL])
    assert not window.may_close_file()
    assert seen == [(FIGURES, "indicators"), (SECTION, "budgets")]
    assert window.current_tab_key() == "budgets"
    assert window.tab_widgets["budgets"].section_name.text() == "Youth work"
