"""Session 70 (kit): the project editor refused on Save (a cost typed "£3.500") said "Not saved: correct the field
marked." above its fields and the reason beside Cost; Esc in Cost put the cost the file holds back and took the
reason beside it away, but the form's line stayed, over no field marked. It goes with the field's."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.kit.test_esc_in_inline_form_s62 import _editor


def test_esc_in_the_field_marked_takes_the_forms_refusal_away(demo_window, qtbot):
    editor = _editor(demo_window, qtbot)
    form = editor.form if hasattr(editor, "form") else editor
    cost = form.widgets["cost"]
    held = cost.text()
    cost.setFocus()
    qtbot.waitUntil(cost.hasFocus)
    cost.selectAll()
    qtbot.keyClicks(cost, "£3.500")
    qtbot.keyClick(cost, Qt.Key.Key_Return)  # Enter in a field saves the form
    assert form.form_message.isVisible() and "correct the field marked" in form.form_message.text()
    assert form.messages["cost"].isVisible()
    qtbot.keyClick(cost, Qt.Key.Key_Escape)
    assert cost.text() == held
    assert not form.messages["cost"].isVisible()
    assert not form.form_message.isVisible(), form.form_message.text()
