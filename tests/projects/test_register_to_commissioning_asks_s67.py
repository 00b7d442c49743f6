"""s67: moving from the Projects tab's Register page to its Commissioning page with a change typed in the register's
editor and not saved moved on without a question, and Commissioning showed the figures as saved, without the typed
cost. Leaving a page now asks as leaving a tab does (the same ``LeaveGuard``): Save / Discard / Cancel, the page bar
kept on Register while asking; Cancel stays with the typing, Save counts it on Commissioning, Discard takes it back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.services.projects import load_projects
from safer_desk.ui import prompts as prompts_module
from tests.projects.test_commissioning_register_unsaved_s62 import INNKEEPER, _edit_innkeeper


def _click_page(qtbot, tab, index: int) -> None:
    bar = tab.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center())


@pytest.fixture
def pages_asked(demo_window, prompts, monkeypatch):
    """The Projects page in view each time Save / Discard / Cancel is asked (the prompts fixture answers it)."""
    seen: list = []
    asked = prompts_module.ask_unsaved

    def ask_unsaved(parent, title, text):
        seen.append(demo_window.tab_widgets["projects"].pages.currentWidget())
        return asked(parent, title, text)

    monkeypatch.setattr(prompts_module, "ask_unsaved", ask_unsaved)
    return seen


def _innkeeper_cost_pence(store) -> int:
    return next(p for p in load_projects(store) if p.title == INNKEEPER).cost.min_pence


def test_cancel_stays_on_the_register_with_the_typed_cost(demo_window, qtbot, prompts, pages_asked):
    tab = _edit_innkeeper(demo_window, qtbot)
    seen = pages_asked
    before = _innkeeper_cost_pence(demo_window.session.store)
    prompts.unsaved_answers.append("cancel")
    _click_page(qtbot, tab, 1)
    assert len(prompts.unsaved_questions) == 1 and "InnKeeper" in prompts.unsaved_questions[0][1]
    assert seen == [tab.register]  # asked over the page it is about
    assert tab.pages.currentWidget() is tab.register
    assert tab.register.editor.widgets["cost"].text() == "£51,000" and tab.register.presenter.editor.is_dirty
    assert _innkeeper_cost_pence(demo_window.session.store) == before
    _click_page(qtbot, tab, 1)  # asked again: Cancel did not leave the guard thinking Commissioning is in view
    assert len(prompts.unsaved_questions) == 2


def test_save_counts_the_typed_cost_on_commissioning(demo_window, qtbot, prompts, pages_asked):
    tab = _edit_innkeeper(demo_window, qtbot)
    prompts.unsaved_answers.append("save")
    _click_page(qtbot, tab, 1)
    assert prompts.unsaved_questions
    assert tab.pages.currentWidget() is tab._commissioning_holder
    assert _innkeeper_cost_pence(demo_window.session.store) == 51_000_00
    assert "InnKeeper" not in tab.commissioning.message.text()  # nothing unsaved left to warn of
    _click_page(qtbot, tab, 0)  # back to the register: nothing to ask
    assert tab.pages.currentWidget() is tab.register and len(prompts.unsaved_questions) == 1


def test_discard_takes_the_typed_cost_back_and_moves_on(demo_window, qtbot, prompts, pages_asked):
    tab = _edit_innkeeper(demo_window, qtbot)
    before = _innkeeper_cost_pence(demo_window.session.store)
    prompts.unsaved_answers.append("discard")
    _click_page(qtbot, tab, 1)
    assert prompts.unsaved_questions
    assert tab.pages.currentWidget() is tab._commissioning_holder
    assert not tab.register.presenter.editor.is_dirty
    assert _innkeeper_cost_pence(demo_window.session.store) == before != 51_000_00


def test_no_question_without_a_change_typed(demo_window, qtbot, prompts):
    demo_window.show()
    tab = demo_window.show_tab("projects")
    _click_page(qtbot, tab, 1)
    _click_page(qtbot, tab, 0)
    _click_page(qtbot, tab, 1)
    assert tab.pages.currentWidget() is tab._commissioning_holder and prompts.unsaved_questions == []
