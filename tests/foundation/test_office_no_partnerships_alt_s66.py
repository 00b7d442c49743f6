"""File > Office Details… on a new file (no partnerships in its reference data, the list hidden and a note shown in
its place) still underlined the P of "Partnerships:", and Alt+P went nowhere: the letter belonged to the hidden list.
With nothing to tick, the heading offers no Alt letter; with partnerships, Alt+P goes to their list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.foundation.test_window_files import show_active


def _office(window, qtbot):
    from safer_desk.ui.office_dialog import OfficeDialog

    dialog = OfficeDialog(window.session, window)
    show_active(dialog, qtbot)
    return dialog


def _heading(dialog) -> QLabel:
    [label] = [label for label in dialog.findChildren(QLabel) if label.text().replace("&", "") == "Partnerships:"]
    return label


def test_a_new_file_s_office_details_offer_no_alt_letter_for_the_partnerships_it_has_not(new_file_window, qtbot):
    dialog = _office(new_file_window, qtbot)
    dialog.done(0)  # closed before the window: nothing was changed in it
    assert not dialog.partnership_list.isVisibleTo(dialog) and dialog.no_partnerships.isVisibleTo(dialog)
    assert _heading(dialog).text() == "Partnerships:"


def test_alt_p_goes_to_the_partnerships_when_there_are_some(demo_window, qtbot):
    dialog = _office(demo_window, qtbot)
    assert _heading(dialog).text() == "&Partnerships:"
    dialog.name_box.setFocus()
    qtbot.keyClick(dialog.name_box, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.partnership_list
    dialog.done(0)
