"""Round 62: a scale typed on Commissioning and not yet put in (no Enter), then another tab or the Register page.

Typed "£3.500" (the paper's point for a thousands comma) in the young offenders' Scale cell, then clicked Allocation
(or Alt+1, the Register): the window went there, the cell's editor closed with the figure refused and gone, and the
reason was said beside a table no longer in view. As the Budgets grid does, the window now stays on Commissioning,
the editor open on what was typed and the reason beside it; a scale that reads is put in and the window goes on.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication


@pytest.fixture
def typing(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)  # focus moves as it does on a desktop
    tab = demo_window.show_tab("projects")
    page = tab.show_commissioning()

    def type_scale(text: str):
        row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "10")
        index = page.proxy.index(row, page.model.SCALE)
        page.view.setFocus()
        page.view.setCurrentIndex(index)
        page.view.edit(index)
        editor = page.view.indexWidget(index)
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        return index

    return tab, page, type_scale


def _editing(page) -> str | None:
    if page.view.state() != QAbstractItemView.State.EditingState:
        return None
    return page.view.indexWidget(page.view.currentIndex()).text()


def test_a_refused_scale_keeps_the_window_on_it_when_another_tab_is_clicked(demo_window, typing, qtbot):
    tab, page, type_scale = typing
    index = type_scale("£3.500")
    demo_window.tabs.setCurrentIndex(1)  # Allocation, as a click on its tab
    assert demo_window.current_tab_key() == "projects" and tab.pages.currentWidget() is tab._commissioning_holder
    assert _editing(page) == "£3.500" and index.data() == "1/3"
    assert "has a point followed by three digits" in page.message.text() and page.message.isVisible()


def test_a_refused_scale_keeps_the_commissioning_page_when_the_register_is_chosen(typing, qtbot):
    tab, page, type_scale = typing
    type_scale("£3.500")
    tab.pages.setCurrentWidget(tab.register)  # Alt+1, or a click on "1 Register"
    assert tab.pages.currentWidget() is tab._commissioning_holder
    assert _editing(page) == "£3.500"
    assert "has a point followed by three digits" in page.message.text() and page.message.isVisible()


def test_a_scale_that_reads_is_put_in_and_the_window_goes_on(demo_window, typing, qtbot, prompts):
    tab, page, type_scale = typing
    type_scale("1/2")
    prompts.unsaved_answers.append("save")  # the set now differs from its saved scenario: asked, and saved
    demo_window.tabs.setCurrentIndex(1)
    assert demo_window.current_tab_key() == "allocation" and len(prompts.unsaved_questions) == 1
    assert "1/2" in [i.scale.describe() for i in page.presenter.loaded.items]  # the scale typed, saved
