"""Costs > Reviews > Split…: Ctrl+S with a day typed in Partners on saved the split without it (session 66's hunt).

WSCSP-DHR-2017-02's split, a percentage each for the Western Suffolk CSP's eleven partners of 13/11/2017 (Forest Heath
and St Edmundsbury among them), then today's day typed in Partners on, the day the officer means to date the
invoices, and Ctrl+S pressed there: the day was taken only when Enter was pressed or the field was left, so the split
was saved for the partners of 13/11/2017 with the field still showing today, its parts for the two councils that left
the partnership in 2019 saved without a word (Bill partners dated today then refused them). A click on Save left the
field first and took the day; Ctrl+S now takes it too, before saving, so the parts for partners not on that day are
set aside and said, as they are after Enter, and the split is not saved short of 100%.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.dhr import SplitKind
from safer_desk.services import dhr
from tests.costs.test_split_partners_on_review_day_s60 import THEN, TODAY, costed_case_split_dialog


def test_ctrl_s_in_partners_on_takes_the_day_typed_before_saving(demo_window, qtbot):
    page, case_id, dialog = costed_case_split_dialog(demo_window, qtbot)
    try:
        dialog.kind.setCurrentIndex(dialog.kind.findData(SplitKind.PERCENTAGES.value))
        for i, edit in enumerate(dialog.percent_edits.values()):
            qtbot.keyClicks(edit, "10" if i < 9 else "5")
        assert dialog.split.total_bp == 10000
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)  # shortcuts go to the active window
        dialog.partners_on.setFocus()
        dialog.partners_on.edit.selectAll()
        qtbot.keyClicks(dialog.partners_on.edit, TODAY.strftime("%d/%m/%Y"))
        qtbot.keyClick(dialog.partners_on.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert dialog.split.partners_on == TODAY  # the day typed is the day the split is for
        assert dialog.isVisible(), "saved with parts for partners not on the day typed"
        assert dhr.split_rule(page.store, case_id).kind != "percentages"  # nothing saved
        note = dialog.partners_note.text()
        assert all(name in note for name in THEN), note  # the parts set aside are said
        assert "Not saved" in dialog.message.text(), dialog.message.text()
    finally:
        dialog.reject()


def test_a_day_that_is_no_date_in_partners_on_saves_nothing(demo_window, qtbot):
    """Save with "31/02/2026" in Partners on said beside it that it is not a date, and saved the split for the day
    before all the same, closing the dialog over the message."""
    page, case_id, dialog = costed_case_split_dialog(demo_window, qtbot)
    try:
        dialog.kind.setCurrentIndex(dialog.kind.findData(SplitKind.PERCENTAGES.value))
        qtbot.mouseClick(dialog.equal_button, Qt.MouseButton.LeftButton)
        dialog.partners_on.setFocus()
        dialog.partners_on.edit.selectAll()
        qtbot.keyClicks(dialog.partners_on.edit, "31/02/2026")
        assert not dialog.save()
        assert dialog.isVisible() and dhr.split_rule(page.store, case_id).kind != "percentages"
        assert "February 2026 has 28 days" in dialog.split.partners_message, dialog.split.partners_message
    finally:
        dialog.reject()
