"""Session 47: Remove Partnership is greyed while there is no partnership to remove.

On a new file the Allocation tab's inputs are empty, and Remove Partnership (Alt+9) stood enabled and did nothing
when clicked, without a word."""

from PySide6.QtCore import Qt


def test_remove_partnership_follows_the_rows(new_file_window, qtbot):
    window = new_file_window
    tab = window.show_tab("allocation")
    assert tab.inputs_model.rowCount() == 0
    assert not tab.remove_partnership_button.isEnabled()
    tab.add_partnership()
    assert tab.inputs_model.rowCount() == 1 and tab.remove_partnership_button.isEnabled()
    qtbot.mouseClick(tab.remove_partnership_button, Qt.MouseButton.LeftButton)
    assert tab.inputs_model.rowCount() == 0
    assert not tab.remove_partnership_button.isEnabled()
    window.undo_action.trigger()  # the partnership back: it can be removed again
    assert tab.inputs_model.rowCount() == 1 and tab.remove_partnership_button.isEnabled()
