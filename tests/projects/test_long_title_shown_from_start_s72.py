"""Session 72: a project with a title longer than the editor's Title field (14. "Ipswich CSP initiative: Prostitution
Support via ICENI Project" at 1366x768) was shown by its end, "initiative: Prostitution Support via ICENI Project",
its start out of sight: setting a line's text puts the cursor, and so the view, at its end. A field filled from the
record now shows the start of its text, as a spreadsheet cell does; typing in it is not moved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.window_sizes import resize_window

ICENI = "Ipswich CSP initiative: Prostitution Support via ICENI Project"


def test_a_long_title_is_read_from_its_start(demo_window, qtbot):
    resize_window(demo_window, (1366, 768))
    demo_window.show()
    page = demo_window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and bool(page.model.rows), timeout=10000)
    iceni = next(p for p in page.model.rows if p.title == ICENI)
    page.select_project(iceni.id)
    title = page.editor.widgets["title"]
    assert title.text() == ICENI
    assert title.fontMetrics().horizontalAdvance(ICENI) > title.width()  # longer than the field: only part shows
    assert title.cursorPosition() == 0  # the view at the start: "Ipswich CSP initiative: …"
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, " (pilot)")
    assert title.text() == ICENI + " (pilot)" and title.cursorPosition() == len(title.text())
