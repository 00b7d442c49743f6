"""Round 35: Export for County from an office still called after its file says so, in the window as on the command
line (every district on the default file would otherwise reach the county as "safer-desk")."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_windows_export_says_the_office_is_still_called_after_its_file(window, store, qtbot, prompts, tmp_path):
    from safer_desk.services.projects import add_projects, project_from_fields
    from safer_desk.ui.exchange.dialogs import ExportDialog

    add_projects(store, [project_from_fields({"title": "Street pastors"})])
    path = store.path
    store.close()
    assert window.open_path(path)
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "for county.sqlite"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=60_000)
    assert not prompts.errors, prompts.errors
    said = prompts.infos[-1][1]
    assert f"still called “{path.stem}”, after its file" in said and "File > Office Details…" in said, said


def test_a_named_office_is_not_told(demo_window, qtbot, prompts, tmp_path):
    from safer_desk.ui.exchange.dialogs import ExportDialog

    dialog = ExportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "for county.sqlite"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=60_000)
    assert not prompts.errors and "after its file" not in prompts.infos[-1][1]
