"""The register's Save changes button (round 30): after Save changes the button stayed enabled, though nothing was
unsaved (Revert beside it greyed), so the officer could not tell the project had been saved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import projects as svc


def select(page, ref):
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).ref == ref))


def test_save_changes_is_greyed_while_nothing_is_typed(demo_window, qtbot, prompts):
    demo_window.show()
    page = demo_window.show_tab("projects").register
    select(page, "P1")
    editor = page.editor
    assert not editor.save_button.isEnabled() and not editor.discard_button.isEnabled()  # as read: nothing to save
    editor.type_into("cost_note", "Quote of May")
    assert editor.save_button.isEnabled() and editor.discard_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = next(p for p in svc.load_projects(demo_window.session.store) if p.ref == "P1")
    assert saved.cost_note == "Quote of May"
    assert not editor.save_button.isEnabled() and not editor.discard_button.isEnabled()  # saved: greyed again
    editor.type_into("cost_note", "Quote of June")
    assert editor.save_button.isEnabled()
    prompts.answers.append(True)  # Revert asks (session 69): Discard
    qtbot.mouseClick(editor.discard_button, Qt.MouseButton.LeftButton)  # Revert: the file's again, nothing to save
    assert editor.widgets["cost_note"].text() == "Quote of May"
    assert not editor.save_button.isEnabled() and not editor.discard_button.isEnabled()


def test_a_new_project_can_be_saved_at_once(demo_window, qtbot, prompts):
    """A new project is unsaved from the start: its Save is enabled (and refuses a missing title in words)."""
    demo_window.show()
    page = demo_window.show_tab("projects").register
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.editor.save_button.isEnabled()


def test_a_new_files_first_project_is_shown_whole_in_the_register(window, qtbot, tmp_path):
    """On a new file the register was sized with no rows: its first project showed Ref "BA…" and Cost "£12,…" with
    room to spare (round 30, a new office's walk). Sized again when the first rows come, nothing is cut."""
    assert window.open_path(tmp_path / "babergh.sqlite", create=True)
    window.resize(1366, 768)
    window.show()
    page = window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.editor.type_into("title", "Babergh target hardening")
    page.editor.type_into("ref", "BAB-01")
    page.editor.type_into("cost", "£12,500")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10000)
    metrics = page.view.fontMetrics()
    for key in ("ref", "cost"):
        column = next(i for i, c in enumerate(page.model.columns) if c.key == key)
        text = page.proxy.index(0, column).data()
        assert metrics.horizontalAdvance(text) + 8 <= page.view.columnWidth(column), (key, text)
