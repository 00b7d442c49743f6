"""Session 62 (kit): View > Districts, Partnerships and Partners. Its forms for adding a district, a partnership or an
organisation had no Alt letters ("District name:", "ONS code:", "County:", "From:", "To:", "Became:"), though the
Edit… forms over the same rows have them (Alt+N Name, Alt+O ONS code …): a keyboard user reached a field only by Tab
through the table and the fields before it. Each field of the three forms now has its own letter on its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.kit.test_keyboard_round35kbd import alt_letter, alt_letter_clashes


def _dialog(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    return dialog


def _lettered(page) -> dict:
    """Each field with a label of its own on the page shown, by its label's Alt letter."""
    return {label.buddy(): alt_letter(label.text()) for label in page.findChildren(QLabel)
            if label.isVisible() and label.buddy() is not None}


def test_every_field_of_the_three_add_forms_has_its_own_alt_letter(demo_window, qtbot):
    dialog = _dialog(demo_window, qtbot)
    districts, partnerships, organisations = dialog.districts, dialog.partnerships, dialog.organisations
    forms = [(0, districts, [districts.name_edit, districts.code_edit, districts.county_edit, districts.from_edit,
                             districts.to_edit, districts.successor_combo]),
             (1, partnerships, [partnerships.name_edit, partnerships.kind_combo, partnerships.district_list,
                                partnerships.from_edit]),
             (2, organisations, [organisations.name_edit, organisations.kind_combo])]
    for index, page, fields in forms:
        dialog.pages.setCurrentIndex(index)
        qtbot.waitUntil(page.isVisible)
        lettered = _lettered(page)
        missing = [f.accessibleName() for f in fields if not lettered.get(f)]
        assert missing == [], (dialog.pages.tabText(index), missing)
        assert alt_letter_clashes(dialog) == {}, dialog.pages.tabText(index)


def test_alt_letters_reach_the_districts_fields(demo_window, qtbot):
    dialog = _dialog(demo_window, qtbot)
    page = dialog.districts
    qtbot.waitUntil(page.view.hasFocus)
    for key, field in ((Qt.Key.Key_U, page.county_edit), (Qt.Key.Key_B, page.successor_combo),
                       (Qt.Key.Key_N, page.name_edit), (Qt.Key.Key_T, page.to_edit)):
        qtbot.keyClick(dialog.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(field.hasFocus)
