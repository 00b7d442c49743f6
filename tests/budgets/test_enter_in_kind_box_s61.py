"""Session 61 (second look), a plan typed by keyboard alone: a section's name typed, Tab to its kind, the kind chosen
by its letter and Enter pressed did nothing, without a word: only Enter in the name, or the Add section button, added
it, and the lines typed next were refused ("Add a section to the plan first"). Enter in the kind box adds the
section, as Enter in its name does; so Enter in the new line's section box adds the line typed beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def keys(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


def test_enter_in_the_kind_box_adds_the_section_of_that_kind(empty_tab, qtbot):
    tab = empty_tab
    tab.window().resize(1093, 582)
    assert tab.presenter.new_plan("East Sussex MTFP", "2011/12 2012/13"), tab.presenter.error
    key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is tab.section_name
    keys(qtbot, "Grants")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.section_kind
    key(qtbot, Qt.Key.Key_I)
    assert tab.section_kind.currentData() == "income"
    key(qtbot, Qt.Key.Key_Return)
    assert [(r.kind, r.label) for r in tab.presenter.rows][:1] == [("section", "Grants")]
    assert tab.presenter.view.plan.sections[0].kind == "income" and tab.section_name.text() == ""


def test_enter_in_the_lines_section_box_adds_the_line_typed_beside_it(empty_tab, qtbot):
    tab = empty_tab
    assert tab.presenter.new_plan("East Sussex MTFP", "2011/12 2012/13"), tab.presenter.error
    assert tab.presenter.add_section("Community Safety"), tab.presenter.error
    tab.line_label.setText("Employees")
    tab.section_choice.setFocus()
    key(qtbot, Qt.Key.Key_Enter)
    assert [r.label for r in tab.presenter.rows if r.kind == "line"] == ["Employees"]
    assert tab.line_label.text() == ""
