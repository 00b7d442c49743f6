"""Round 38 (prx): a file open read-only refuses the register's changes with words.

The buttons were greyed, but the Delete key on the register and Edit > Paste (Ctrl+V) did nothing at all: the officer
pressing Delete on a file opened read-only (it was in use on the shared drive) saw no project go and no reason why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.services import projects as svc

SAID = ("is open read-only: its projects can be read, copied and exported, not changed. To change them, open it "
        "again when nobody else has it open, or use File > Save a Copy… and work in the copy.")


def _register(window, demo_path):
    assert window.open_path(demo_path, read_only=True)
    page = window.show_tab("projects").register
    page.clear_filters()
    page.view.setFocus()
    page.view.selectRow(0)
    return page


def test_the_delete_key_says_why_nothing_is_deleted(window, demo_path, prompts, qtbot):
    page = _register(window, demo_path)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert prompts.errors == [("Delete projects", f"{demo_path.name} {SAID}")]
    assert not prompts.questions
    assert len(svc.load_projects(window.session.store)) == 23


def test_paste_says_why_nothing_is_added(window, demo_path, prompts, qtbot):
    page = _register(window, demo_path)
    QGuiApplication.clipboard().setText("Title\tCost\r\nStreet pastors\t£2,500\r\n")
    page.paste_rows()
    assert prompts.errors == [("Paste projects", f"{demo_path.name} {SAID}")]
    assert page.paste_dialog is None
