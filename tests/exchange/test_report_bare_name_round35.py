"""Round 35: a board report's file name typed alone goes beside the suggested one, as the export's does.

With the suggested path cleared and "board.html" typed, the report was written into the folder the program happened
to start in (a packaged program's own folder, C:\\Windows\\System32 from a shortcut), where nobody would look.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def test_a_bare_report_name_goes_beside_the_suggestion(demo_window, qtbot, prompts, tmp_path, monkeypatch):
    started_in = tmp_path / "program folder"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    suggested = Path(dialog.path_edit.text())
    assert suggested.is_absolute()
    dialog.path_edit.setText("board.html")
    with qtbot.waitSignal(dialog.written, timeout=60_000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert (suggested.parent / "board.html").is_file() and not list(started_in.iterdir())
