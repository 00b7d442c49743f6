"""Export for County… and Board Report… with a file name Windows refuses typed in (session 70): the work was done
(the export checked and signed, the report's pages drawn) before the writer refused the name, and the dialog was
closed by then. The name is said at once, with the dialog left open to choose another, and nothing is written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.mark.parametrize("dialog_name, name", [("export", "Babergh: for county.sqlite"), ("export", "CON.xlsx"),
                                               ("report", "board?.pdf"), ("report", "aux.html")])
def test_a_name_windows_refuses_is_said_at_once_and_the_dialog_stays_open(demo_window, qtbot, prompts, tmp_path,
                                                                          dialog_name, name):
    from safer_desk.ui.exchange.dialogs import ExportDialog
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    folder = tmp_path / "out"
    folder.mkdir()
    dialog = (ExportDialog if dialog_name == "export" else ReportDialog)(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(folder / name))
    button = dialog.export_button if dialog_name == "export" else dialog.write_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (title, text), = prompts.errors
    assert title == ("Export for County" if dialog_name == "export" else "Board Report")
    assert text.startswith(f"{name} cannot be used: its name ") and "Windows" in text and "another name" in text
    assert dialog.isVisible() and prompts.questions == []
    assert list(folder.iterdir()) == []
