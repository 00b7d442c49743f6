"""Round 35: the paste preview counts the rows that would be projects, not the heading row above them.

Pasting the register's 23 projects with their headings said "Paste 24 rows into the project register".
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.projects import PastePreview
from safer_desk.services import projects as svc


def test_a_heading_row_the_register_knows_is_not_counted():
    preview = PastePreview(svc.read_paste([["Title", "Cost"], ["Street pastors", "£2,500"], ["CCTV", "£900"]]))
    assert preview.title() == "Paste 2 rows into the project register"


def test_a_first_row_asked_about_is_counted_once_answered(qtbot):
    from safer_desk.ui.projects.paste import PastePreviewDialog

    preview = PastePreview(svc.read_paste([["Scheme", "Money"], ["Street pastors", "£2,500"]]))
    dialog = PastePreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert preview.needs_heading_answer and dialog.windowTitle() == "Paste 2 rows into the project register"
    qtbot.mouseClick(dialog.headings_button, Qt.MouseButton.LeftButton)
    assert dialog.windowTitle() == "Paste 1 row into the project register"
    assert dialog.intro.text().startswith("Paste 1 row into the project register. Check which field")
