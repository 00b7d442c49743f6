"""Session 70: a scale the Commissioning table refused on Enter ("£3.500" has a point followed by three digits) or
asked about (a scale of 6) was said beside the table, and stayed said once the officer took the typing back with Esc
or chose another cell, beside scales all fine. What is said goes with the typing it was about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from tests.projects.test_commissioning_page import row_of, tick


@pytest.fixture
def page(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("projects").show_commissioning()


def _typed(qtbot, page, ref, text) -> QLineEdit:
    index = page.proxy.index(row_of(page, ref), page.model.SCALE)
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    editor = page.view.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert page.view.indexWidget(index) is editor  # refused or asked about: still typed
    return editor


def _said(page) -> str:
    return page.message.text() if page.message.isVisible() else ""


@pytest.mark.parametrize("typed, words", [("£3.500", "three digits"), ("6", "6")])
@pytest.mark.parametrize("how", ["Esc", "another cell"])
def test_what_is_said_of_a_scale_goes_with_its_typing(qtbot, page, typed, words, how):
    tick(page, qtbot, "7")
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    before = _said(page)
    editor = _typed(qtbot, page, "7", typed)
    assert words in _said(page) and _said(page) != before
    if how == "Esc":
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    else:
        page.view.setCurrentIndex(page.proxy.index(row_of(page, "7"), page.model.SCALE - 1))
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    assert _said(page) == before, _said(page)


def test_a_scale_of_six_typed_again_is_kept(qtbot, page):
    tick(page, qtbot, "7")
    editor = _typed(qtbot, page, "7", "6")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the same again, as asked: kept
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    assert page.proxy.index(row_of(page, "7"), page.model.SCALE).data().startswith("6")
