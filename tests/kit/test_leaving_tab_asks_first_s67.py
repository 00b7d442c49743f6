"""Leaving a tab holding unsaved figures: the question is asked while the tab bar and the page still show the tab
being left, not over the new tab's empty page; Cancel stays, Discard or Save then shows the tab clicked."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui import prompts as prompts_module
from safer_desk.ui.tabs import TAB_KEYS
from tests.indicators.test_tab_unsaved import click_indicator, stored, type_in_cell
from tests.window_sizes import resize_window


@pytest.fixture
def window(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    click_indicator(tab, qtbot, "All crime")
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    assert demo_window.isWindowModified()
    return demo_window


def click_tab(window, qtbot, key):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_KEYS.index(key)).center())
    QApplication.processEvents()


def watch_the_question(monkeypatch, window, answer):
    """What the window shows at the moment the question is asked."""
    seen = []

    def ask_unsaved(parent, title, text):
        page = window.tabs.currentWidget()
        seen.append((window.tabs.tabBar().currentIndex(), window.tabs.currentIndex(), page.isVisible()))
        return answer

    monkeypatch.setattr(prompts_module, "ask_unsaved", ask_unsaved)
    return seen


@pytest.mark.parametrize("answer", [UnsavedChoice.CANCEL, UnsavedChoice.DISCARD, UnsavedChoice.SAVE])
def test_the_question_is_asked_over_the_tab_being_left(window, qtbot, monkeypatch, answer):
    here = TAB_KEYS.index("indicators")
    seen = watch_the_question(monkeypatch, window, answer)
    click_tab(window, qtbot, "projects")
    assert seen == [(here, here, True)]  # the Indicators tab and its page, with the typed figure, in view
    if answer == UnsavedChoice.CANCEL:
        assert window.current_tab_key() == "indicators"
        assert window.tab_widgets["indicators"].grid.item(0, 8).text() == "1480"
        return
    assert window.current_tab_key() == "projects"
    projects = window.tab_widgets.get("projects")
    assert projects is not None and projects.isVisible()  # the tab clicked, built and shown, not an empty page
    assert stored(window.session.store, "2016-12") == (1480 if answer == UnsavedChoice.SAVE else None)
    assert not window.isWindowModified()


def test_ctrl_tab_asks_over_the_tab_being_left_too(window, qtbot, monkeypatch):
    here = TAB_KEYS.index("indicators")
    seen = watch_the_question(monkeypatch, window, UnsavedChoice.CANCEL)
    qtbot.keyClick(window.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert seen == [(here, here, True)]
    assert window.current_tab_key() == "indicators"
