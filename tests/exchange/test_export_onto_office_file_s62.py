"""S62 (files): Export for County… onto the office's own file (or another office's) is refused before any question.

With the office's own file named in Export for County (typed, or chosen with Browse…), the window first asked
"babergh.sqlite is already in …. Replace it?" (Browse…'s file dialog asked the same), and only after Replace did it
say "an export never replaces it": the officer had agreed to replace the file they work in. The refusal now comes
first, with no question; an earlier export of that name is still asked about once, and Browse… leaves the asking to
the window.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from safer_desk.ui.prompts import save_file_name as REAL_SAVE_FILE_NAME  # taken before the suite's stand-in


def _export_to(demo_window, qtbot, target):
    from safer_desk.ui.exchange.dialogs import ExportDialog

    dialog = ExportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog


@pytest.mark.parametrize("whose", ["open", "another"])
def test_an_office_file_named_for_the_export_is_refused_with_no_question(demo_window, qtbot, prompts, tmp_path,
                                                                        whose):
    store = demo_window.session.store
    target = store.path if whose == "open" else shutil.copyfile(store.path, tmp_path / "mid suffolk.sqlite")
    before = target.read_bytes()
    _export_to(demo_window, qtbot, target)
    assert prompts.questions == []
    (title, text), = prompts.errors
    assert title == "Export for County" and "never replaces" in text, text
    assert target.read_bytes() == before


def test_an_earlier_export_of_that_name_is_asked_about_once(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "babergh for county.sqlite"
    target.write_bytes(b"")  # an earlier file of that name (no office's data)
    prompts.answers.append(False)  # Cancel
    _export_to(demo_window, qtbot, target)
    assert [t for t, _ in prompts.questions] == ["Export for County"] and not prompts.errors


def test_browse_leaves_asking_to_replace_to_the_window(demo_window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from safer_desk.ui import prompts as module
    from safer_desk.ui.exchange.dialogs import ExportDialog

    asked = []

    def dialog(parent, caption, start, file_filter, selected="", options=QFileDialog.Option(0)):
        asked.append(QFileDialog.Option(options))
        return str(demo_window.session.store.path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(module, "save_file_name", REAL_SAVE_FILE_NAME)
    export = ExportDialog(demo_window.session, demo_window)
    qtbot.addWidget(export)
    export.browse()
    assert len(asked) == 1 and asked[0] & QFileDialog.Option.DontConfirmOverwrite
    assert export.path_edit.text() == str(demo_window.session.store.path)
