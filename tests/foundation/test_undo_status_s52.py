"""The status bar's word after an undo (round 52): "Undone: “New plan Plan X”. Edit > Redo puts it back." stayed up
to ten seconds after the next change had emptied the redo stack, Edit > Redo greyed under it."""

from __future__ import annotations

from PySide6.QtCore import Qt


def make_plan(qtbot, tab, name: str) -> None:
    qtbot.keyClicks(tab.plan_name, name)
    qtbot.keyClicks(tab.plan_years, "2017/18")
    qtbot.keyClick(tab.plan_years, Qt.Key.Key_Return)


def test_a_change_after_an_undo_takes_its_redo_words_away(qtbot, demo_window):
    tab = demo_window.show_tab("budgets")
    make_plan(qtbot, tab, "Plan X")
    demo_window.undo()
    said = demo_window.statusBar().currentMessage()
    assert said.startswith("Undone: “New plan Plan X”") and "Edit > Redo puts it back" in said, said
    assert demo_window.redo_action.isEnabled()
    make_plan(qtbot, tab, "Plan Y")
    assert not demo_window.redo_action.isEnabled()
    assert "Redo puts it back" not in demo_window.statusBar().currentMessage()


def test_an_undo_after_an_undo_says_its_own_words(qtbot, demo_window):
    tab = demo_window.show_tab("budgets")
    make_plan(qtbot, tab, "Plan X")
    make_plan(qtbot, tab, "Plan Y")
    demo_window.undo()
    demo_window.undo()
    assert demo_window.statusBar().currentMessage().startswith("Undone: “New plan Plan X”")
    demo_window.redo()
    assert demo_window.statusBar().currentMessage().startswith("Redone: “New plan Plan X”")
