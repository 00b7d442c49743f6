"""A new office's first hour, as the user guide tells it (round 29): where the file dialogs suggest a file, and
what Esc does in Office Details…, pinned as the guide now says them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.paths import default_file
from safer_desk.services import reference as ref


def test_esc_in_the_box_clears_the_filter_and_esc_in_the_list_closes_office_details_unsaved(window, qtbot, tmp_path,
                                                                                              prompts):
    assert window.open_path(tmp_path / "babergh.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    dialog.district_filter.setFocus()
    qtbot.keyClicks(dialog.district_filter, "suff")
    qtbot.keyClick(dialog.district_filter, Qt.Key.Key_Escape)  # in the box: clears the filter, the dialog stays
    assert dialog.district_filter.text() == "" and dialog.isVisible()

    qtbot.keyClicks(dialog.district_filter, "mid suff")
    qtbot.keyClick(dialog.district_filter, Qt.Key.Key_Down)  # into the list
    qtbot.keyClick(dialog.district_list, Qt.Key.Key_Space)
    assert "Mid Suffolk" in dialog.ticked_line.text()
    qtbot.keyClick(dialog.district_list, Qt.Key.Key_Escape)  # in the list: closes, the tick not saved
    assert not dialog.isVisible()
    assert not ref.office_scope(window.session.store).is_set
    assert prompts.unsaved_questions and prompts.unsaved_questions[0][0] == "Office Details"  # Discard, asked


def test_new_suggests_a_name_for_the_last_folder_and_export_report_and_copy_a_name_beside_the_open_file(
        window, tmp_path, monkeypatch):
    from safer_desk.ui import prompts
    from safer_desk.ui.exchange.dialogs import ExportDialog
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    suggested = []
    monkeypatch.setattr(prompts, "save_file_name",
                        lambda parent, caption, filt, name="", **_: suggested.append(name) or "")
    office = tmp_path / "files" / "babergh.sqlite"
    office.parent.mkdir()
    assert window.open_path(office, create=True)
    window.new_file()
    assert suggested == ["office.sqlite"]  # in the folder last used, else Documents (s69: not the hidden data folder)
    assert ExportDialog(window.session, window).path_edit.text() == str(office.with_name("babergh for county.sqlite"))
    assert ReportDialog(window.session, window).path_edit.text() == \
        str(office.with_name("babergh board report.pdf"))


def test_files_made_from_the_office_s_own_file_are_suggested_where_the_officer_can_find_them(
        window, tmp_path, monkeypatch):
    """The office's own file lives in the program's data folder (hidden on Windows, under AppData): an export, a
    report or a copy suggested beside it would be saved where the officer could not find it to send. They are
    suggested in the folder last used (at first Documents), as for the example's temporary copy (round 30)."""
    from safer_desk.ui import prompts, settings
    from safer_desk.ui.exchange.dialogs import ExportDialog
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    assert window.open_default()
    assert window.session.store.path == default_file()
    chosen = tmp_path / "sent to county"
    chosen.mkdir()
    settings.write(prompts.LAST_FOLDER, str(chosen))
    assert ExportDialog(window.session, window).path_edit.text() == str(chosen / "safer-desk for county.sqlite")
    assert ReportDialog(window.session, window).path_edit.text() == str(chosen / "safer-desk board report.pdf")
    suggested = []
    monkeypatch.setattr(prompts, "save_file_name", lambda parent, caption, filt, name="", **options:
                        suggested.append(name) or "")
    window.save_copy_action.trigger()
    assert suggested == [str(chosen / "safer-desk copy.sqlite")]
    assert prompts.beside_file(tmp_path / "office.sqlite", "office copy.sqlite") == str(tmp_path / "office copy.sqlite")


def test_an_export_and_a_report_are_suggested_under_the_office_s_name(window, tmp_path):
    """Every office keeping the default file suggested the county a "safer-desk for county.sqlite" (round 30, a new
    office's walk): once the office is named, the export and the report are named after it, as a file may be."""
    from safer_desk.ui.exchange.dialogs import ExportDialog
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    office = tmp_path / "files" / "safer-desk.sqlite"
    office.parent.mkdir()
    assert window.open_path(office, create=True)
    ref.set_office_name(window.session.store, "Babergh / Mid Suffolk: office")
    assert ExportDialog(window.session, window).path_edit.text() == \
        str(office.with_name("Babergh - Mid Suffolk - office for county.sqlite"))
    assert ReportDialog(window.session, window).path_edit.text() == \
        str(office.with_name("Babergh - Mid Suffolk - office board report.pdf"))


def test_a_report_or_export_typed_over_a_file_that_is_there_asks_first(window, tmp_path, prompts, monkeypatch):
    """Board Report… wrote over last month's report of the same name without a word (round 30, a new office's walk).
    A name typed over a file that is there asks Replace or Cancel; Cancel leaves it. Export's Browse… does not ask
    itself (s62: it asked of the office's own file, which Export then refused): Export asks, once."""
    from safer_desk.ui import prompts as module
    from safer_desk.ui.exchange.dialogs import ExportDialog
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    assert window.open_path(tmp_path / "babergh.sqlite", create=True)
    earlier = tmp_path / "board.pdf"
    earlier.write_bytes(b"last month's report")
    dialog = ReportDialog(window.session, window)
    dialog.path_edit.setText(str(earlier))
    dialog.accept()  # answered Cancel
    assert "board.pdf is already in" in prompts.questions[-1][1] and "Replace it?" in prompts.questions[-1][1]
    assert earlier.read_bytes() == b"last month's report" and dialog.task is None
    export = ExportDialog(window.session, window)
    there = tmp_path / "for county.sqlite"
    there.write_bytes(b"an earlier export")
    monkeypatch.setattr(module, "save_file_name", lambda *a, **k: str(there))
    export.browse()
    asked = len(prompts.questions)
    export.accept()  # answered Cancel
    assert len(prompts.questions) == asked + 1 and "Replace it?" in prompts.questions[-1][1]
    assert there.read_bytes() == b"an earlier export"
    if export.task is not None:
        export.task.cancel()
