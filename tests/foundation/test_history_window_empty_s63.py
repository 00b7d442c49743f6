"""View > History of Changes on a file with nothing listed (session 63, helper hist2).

A new file's History window showed an empty table above "Choose a line to see each change it made." (there was no
line to choose) with Export… ready to save a workbook of nothing; a search that found nothing said the same. It now
says there is nothing yet (or that no action matches the filters), and Export… waits until a line is listed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import reference


def test_a_new_file_s_history_says_nothing_is_there_yet_and_export_waits(new_file_window, qtbot, prompts, tmp_path):
    new_file_window.history_action.trigger()
    dialog = new_file_window._history_dialog
    qtbot.addWidget(dialog)
    assert dialog.proxy.rowCount() == 0
    assert dialog.detail.toPlainText().startswith("Nothing has been changed in this file yet"), \
        dialog.detail.toPlainText()
    assert not dialog.export_button.isEnabled()

    # the first change, made with the window open, is listed and can be exported
    reference.add_district(new_file_window.session.store, "Babergh")
    new_file_window.session.notify()
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 1)
    assert dialog.export_button.isEnabled()
    assert "Added district Babergh" in dialog.detail.toPlainText()

    # a search that finds nothing says so, and there is nothing to export
    qtbot.keyClicks(dialog.search, "homeshield")
    assert dialog.proxy.rowCount() == 0
    assert dialog.detail.toPlainText().startswith("No action matches"), dialog.detail.toPlainText()
    assert not dialog.export_button.isEnabled()
    prompts.file_names.append(str(tmp_path / "history.xlsx"))
    dialog.view.on_export()  # the table's own Export… (its menu) asks for no file to save nothing in
    assert prompts.infos and "nothing" in prompts.infos[-1][1].lower(), prompts.infos
    assert prompts.file_names == [str(tmp_path / "history.xlsx")] and not (tmp_path / "history.xlsx").exists()
    dialog.search.clear()
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.view.visualRect(dialog.proxy.index(0, 1)).center())
    assert "Added district Babergh" in dialog.detail.toPlainText()
