"""Session 47: Delete and Copy rows are offered only when rows are chosen, as desktop lists do.

Seen on a new, empty file: the register's Delete and Copy rows buttons stood enabled with no project at all, and a
click did nothing, without a word. They are greyed until a row is chosen (Delete stays greyed on a file open
read-only, where the Delete key says why)."""

from PySide6.QtCore import Qt


def _register(window):
    window.resize(1280, 800)
    window.show()
    return window.show_tab("projects").register


def test_an_empty_register_offers_no_delete_or_copy(new_file_window):
    register = _register(new_file_window)
    assert register.proxy.rowCount() == 0
    assert not register.delete_button.isEnabled() and not register.copy_button.isEnabled()
    assert register.add_button.isEnabled() and register.paste_button.isEnabled()


def test_the_buttons_follow_the_rows_chosen(demo_window, qtbot):
    register = _register(demo_window)
    register.view.clearSelection()
    assert not register.delete_button.isEnabled() and not register.copy_button.isEnabled()
    rect = register.view.visualRect(register.proxy.index(2, 1))
    qtbot.mouseClick(register.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert register.delete_button.isEnabled() and register.copy_button.isEnabled()
    register.search.setText("no project is called this")  # filtered out: nothing chosen is left in view
    qtbot.waitUntil(lambda: register.proxy.rowCount() == 0)
    assert not register.delete_button.isEnabled() and not register.copy_button.isEnabled()
