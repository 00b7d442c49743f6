"""Round 41 (kbu): Ctrl+Z and Ctrl+Y in every box, by one rule (``ui.kit.typing_undo``).

The guide says "In a box you are typing in, Ctrl+Z first undoes the typing", then Edit > Undo. Qt's text boxes keep
the keys whether or not they have anything of their own to undo, so only the Allocation options (round 40) ever let
Ctrl+Z through: in the register's search, a project's fields, a form over a menu's window, Ctrl+Z did nothing once
the typing was undone. A field of a form showing what is saved (just saved with Enter) undid its typing instead of
the save: the box showed the old title beside a record still holding the new one. The form's rules stay: what is
typed and not saved is asked about before anything is undone.

The main window installs the rule (kbu's patch to main_window.py); ``every_box`` installs it as the window will,
and one test, marked until the patch is in, checks that the window does it itself.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QLineEdit, QMainWindow, QPlainTextEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from safer_desk.services import projects as svc
from safer_desk.ui.kit.typing_undo import install_typing_undo, shows_held
from tests.costs.test_new_case_then_cost_line import field
from tests.kit.test_dialog_undo_round33ctz import PCC, award_form_after_a_delete, award_names, stored_awards

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
STRIVE_REF = "6"


def ctrl(qtbot, key, modifiers=CTRL) -> None:
    """The key pressed where the keyboard is, as the officer presses it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


@pytest.fixture
def every_box(demo_window, qtbot):
    """The demo window, shown and active, keeping the rule for every box as the window will (kbu's patch)."""
    install_typing_undo(demo_window)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    return demo_window


def strive(window):
    return next(p for p in svc.load_projects(window.session.store) if p.ref == STRIVE_REF)


def register_on_strive(window):
    page = window.show_tab("projects").register
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).ref == STRIVE_REF))
    assert page.editor.project.ref == STRIVE_REF
    return page


def retitle(qtbot, page, text: str) -> QLineEdit:
    title = page.editor.widgets["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, text)
    return title


def test_ctrl_z_in_the_register_search_undoes_the_typing_then_the_last_change(every_box, qtbot):
    page = register_on_strive(every_box)
    first = strive(every_box).title
    retitle(qtbot, page, "Strive renamed")
    ctrl(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)  # Enter saves
    assert strive(every_box).title == "Strive renamed"
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Strive")
    ctrl(qtbot, Qt.Key.Key_Z)
    assert page.search.text() == "" and strive(every_box).title == "Strive renamed"  # the typing first
    ctrl(qtbot, Qt.Key.Key_Z)  # nothing of the box's own left: Edit > Undo (it did nothing)
    assert strive(every_box).title == first
    ctrl(qtbot, Qt.Key.Key_Y)  # the box's typing undone is the box's to redo first
    assert page.search.text() == "Strive" and strive(every_box).title == first
    page.search.clear()  # setText: nothing of the box's own to undo or redo
    ctrl(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # then Edit > Redo
    assert strive(every_box).title == "Strive renamed"


def test_ctrl_z_in_a_field_just_saved_undoes_the_save_not_the_typing(every_box, qtbot):
    page = register_on_strive(every_box)
    first = strive(every_box).title
    title = retitle(qtbot, page, "Strive renamed")
    ctrl(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert strive(every_box).title == "Strive renamed" and title.isUndoAvailable()
    ctrl(qtbot, Qt.Key.Key_Z)  # the box shows what the file holds: Edit > Undo
    assert strive(every_box).title == first and title.text() == first
    assert not page.editor.presenter.is_dirty


def test_ctrl_z_in_a_form_undoes_its_typing_and_asks_about_typing_left_before_undoing(every_box, qtbot, prompts):
    page = register_on_strive(every_box)
    first = strive(every_box).title
    title = retitle(qtbot, page, "Strive renamed")
    ctrl(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    stack = every_box.session.undo_stack
    depth = stack.index()
    retitle(qtbot, page, "Strive again")  # typed, not saved
    ref = page.editor.widgets["ref"]
    ref.setFocus()  # a field with nothing typed: Ctrl+Z there is Edit > Undo, which asks about the title first
    prompts.unsaved_answers.append("cancel")
    ctrl(qtbot, Qt.Key.Key_Z)
    assert prompts.unsaved_questions == [("Unsaved changes", "Project Strive renamed has unsaved changes to Title.")]
    assert stack.index() == depth and title.text() == "Strive again" and strive(every_box).title == "Strive renamed"
    title.setFocus()
    ctrl(qtbot, Qt.Key.Key_Z)  # in the box typed in: its typing, not the file, and nothing asked
    assert title.text() == "Strive renamed" and stack.index() == depth and len(prompts.unsaved_questions) == 1
    ctrl(qtbot, Qt.Key.Key_Z)  # now as saved: the save undone, nothing left to ask about
    assert strive(every_box).title == first and title.text() == first and len(prompts.unsaved_questions) == 1


def test_ctrl_z_in_an_award_form_field_undoes_the_typing_then_closes_the_form_and_undoes(every_box, qtbot, prompts):
    awards, form, stack, depth = award_form_after_a_delete(every_box, qtbot, prompts)
    name = field(form, "Name")
    before = name.text()
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Renamed")
    ctrl(qtbot, Qt.Key.Key_Z)
    assert name.text() == before and form.isVisible() and stack.index() == depth
    ctrl(qtbot, Qt.Key.Key_Z)  # the form as opened: it closes and the delete is undone, nothing to ask
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert stack.index() == depth - 1 and PCC in stored_awards(every_box) and PCC in award_names(awards)
    assert prompts.unsaved_questions == []


@pytest.fixture
def boxes(qtbot):
    """A window of every kind of box, with Undo and Redo actions counting what reaches them."""
    window = QMainWindow()
    qtbot.addWidget(window)
    install_typing_undo(window)
    body = QWidget()
    layout = QVBoxLayout(body)
    combo = QComboBox()
    combo.setEditable(True)
    made = {"line": QLineEdit(), "text": QPlainTextEdit(), "spin": QSpinBox(), "list": combo, "date": QDateEdit()}
    for widget in made.values():
        layout.addWidget(widget)
    window.setCentralWidget(body)
    window.reached = []
    for name, key in (("undo", QKeySequence.StandardKey.Undo), ("redo", QKeySequence.StandardKey.Redo)):
        action = QAction(name, window)
        action.setShortcuts(QKeySequence.keyBindings(key))
        action.triggered.connect(lambda _=False, n=name: window.reached.append(n))
        window.addAction(action)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window, made


@pytest.mark.parametrize("kind", ["line", "text", "spin", "list", "date"])
def test_every_kind_of_box_keeps_ctrl_z_for_its_typing_then_passes_it_on(boxes, qtbot, kind):
    window, made = boxes
    box = made[kind]
    box.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    ctrl(qtbot, Qt.Key.Key_Z)
    assert window.reached == []  # the typing undone
    ctrl(qtbot, Qt.Key.Key_Z)
    ctrl(qtbot, Qt.Key.Key_Y)  # the box's typing undone is its own to redo
    assert window.reached == ["undo"]
    ctrl(qtbot, Qt.Key.Key_Y)  # nothing more of its own: Edit > Redo
    assert window.reached == ["undo", "redo"]


def test_a_box_showing_what_is_held_passes_ctrl_z_on_but_redoes_its_own_typing(boxes, qtbot):
    window, made = boxes
    line = made["line"]
    line.setFocus()
    qtbot.keyClicks(line, "15")
    shows_held(line, lambda: line.text() == "15")  # "15" entered, as an Allocation option's figure
    ctrl(qtbot, Qt.Key.Key_Z)
    assert window.reached == ["undo"] and line.text() == "15"
    for key in (Qt.Key.Key_Home, Qt.Key.Key_End):  # the cursor moved: what is typed next is a step of its own
        qtbot.keyClick(line, key)
    qtbot.keyClicks(line, "0")
    ctrl(qtbot, Qt.Key.Key_Z)  # "150" typed, not entered: the typing first
    assert line.text() == "15" and window.reached == ["undo"]
    ctrl(qtbot, Qt.Key.Key_Y)
    assert line.text() == "150" and window.reached == ["undo"]


def test_a_box_only_to_read_passes_both_keys_on(boxes, qtbot):
    window, made = boxes
    line = made["line"]
    line.setText("12")
    line.setReadOnly(True)
    line.setFocus()
    ctrl(qtbot, Qt.Key.Key_Z)
    ctrl(qtbot, Qt.Key.Key_Y)
    assert window.reached == ["undo", "redo"]


def test_the_window_keeps_the_rule_for_every_box_itself(demo_window, qtbot):
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    page = register_on_strive(demo_window)
    first = strive(demo_window).title
    retitle(qtbot, page, "Strive renamed")
    ctrl(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    page.search.setFocus()
    ctrl(qtbot, Qt.Key.Key_Z)
    assert strive(demo_window).title == first
