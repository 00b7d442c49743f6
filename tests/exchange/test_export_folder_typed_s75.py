"""s75: a folder typed as the export in File > Export for County… (the USB stick's own folder, "E:\\" or
/media/usb) was refused as "usb: the export must end in .sqlite (for the county to merge) or .xlsx", as though a
name were mistyped; and a folder whose name ends in .sqlite passed every check, closed the dialog, made the whole
export and only then said "could not be written: there is a folder of that name". `safer-desk export` says "… is a
folder: name the export file in it, such as …": the window now says the same, before anything is done, with the
dialog left open to name the file."""

from __future__ import annotations

import pytest

from safer_desk.services.county import CountyError, refuse_export_target


@pytest.mark.parametrize("name", ["usb", "exports.sqlite"])
def test_a_folder_named_for_the_export_is_refused_as_a_folder(demo_store, tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    with pytest.raises(CountyError) as refused:
        refuse_export_target(demo_store, folder)
    message = str(refused.value)
    assert f"{name} is a folder: name the export file in it, such as {folder}" in message, message
    assert "Nothing was written" in message, message


def test_the_window_says_a_folder_typed_as_the_export_is_a_folder_and_stays_open(demo_window, qtbot, prompts,
                                                                                 tmp_path):
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.dialogs import ExportDialog

    folder = tmp_path / "usb.sqlite"
    folder.mkdir()
    dialog = ExportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(folder))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert prompts.errors, "nothing was said"
    title, text = prompts.errors[-1]
    assert title == "Export for County" and "usb.sqlite is a folder: name the export file in it" in text, text
    assert dialog.task is None and dialog.result() == 0  # nothing started, the dialog still there to name the file
    assert list(folder.iterdir()) == [] and demo_window.session.store.meta("export_sequence") is None
