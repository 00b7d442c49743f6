"""The Edit menu with a long step to undo (session 60). Round 59 cut a step's name in its middle past 140 characters,
but 140 characters still made Edit about 900 pixels wide (1,000 with Windows' font at 125%): on a 1093-pixel window
(a 1366x768 laptop at 125%) the menu covered nearly all of it. A step is now named in at most 80 characters (as the
status bar names it), so the menu stays near half such a window (within 60% with the test's wide font), its keys in
sight beside it."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from tests.window_sizes import resize_window

LONG = ("Save figures of People who agree the police and local council are dealing with the anti-social behaviour and "
        "crime issues that matter in their area for Suffolk, 2010/11")


def test_the_edit_menu_with_a_long_step_stays_near_half_a_laptop_window(demo_window):
    window = demo_window
    resize_window(window, (1093, 582))
    window.show()
    assert len(LONG) > 140
    step = QUndoCommand(LONG)
    window.session.undo_stack.push(step)
    menu = window.undo_action.text()
    assert menu.startswith("&Undo save figures of People") and menu.endswith(" Suffolk, 2010/11"), menu
    assert window.edit_menu.sizeHint().width() <= window.width() * 6 // 10, window.edit_menu.sizeHint().width()
    window.session.undo_stack.undo()
    assert window.edit_menu.sizeHint().width() <= window.width() * 6 // 10  # Redo names it the same way
    assert window.redo_action.text().endswith(" Suffolk, 2010/11")
