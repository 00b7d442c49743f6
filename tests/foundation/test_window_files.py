"""The main window's File, Edit, View and Help actions, used as a person would, with the answers they give."""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.presenters.recent import recent_label
from safer_desk.services import projects as svc
from safer_desk.storage.store import open_store
from safer_desk.ui import settings


def recent_entries(window):
    window.recent_menu.aboutToShow.emit()
    return [(a.text(), a.isEnabled()) for a in window.recent_menu.actions()]


def make_file(path: Path) -> Path:
    open_store(path, create=True).close()
    return path


def show_active(window, qtbot):
    """Shown and active, so that keyboard shortcuts and the focused widget work as on a desk."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # activation arrives as an event


def edited_register(window, qtbot):
    """The Projects editor holding an unsaved edit to Homeshield Plus."""
    show_active(window, qtbot)
    page = window.show_tab("projects").register
    page.view.scrollToTop()
    # A click, not selectRow: selectRow reads the keyboard modifiers a previous Ctrl+S may have left behind.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.view.visualRect(page.proxy.index(0, 1)).center())
    assert page.editor.project.title == "Homeshield Plus"
    title = page.editor.widgets["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Homeshield Plus renamed")
    assert window.has_unsaved_changes()
    return page


def renamed_projects(path: Path) -> tuple:
    """How many projects a copy of the file holds with the title edited_register types, read from the copy itself."""
    copy = sqlite3.connect(path)
    try:
        return copy.execute("SELECT count(*) FROM projects WHERE title = 'Homeshield Plus renamed'").fetchone()
    finally:
        copy.close()


def test_open_recent_lists_files_newest_first_and_opens_one(window, tmp_path):
    assert recent_entries(window) == [("(none)", False)]
    first, second = make_file(tmp_path / "babergh.sqlite"), make_file(tmp_path / "ipswich.sqlite")
    assert window.open_path(first) and window.open_path(second)
    assert recent_entries(window) == [(f"&1 {recent_label(str(second))}", True),
                                      (f"&2 {recent_label(str(first))}", True)]
    window.recent_menu.actions()[1].trigger()
    assert window.session.store.path == first
    assert settings.read_str("files/last") == str(first)


def test_a_folder_with_an_ampersand_is_listed_as_it_is_named(window, tmp_path):
    # "Fire & Rescue" showed as "Fire _Rescue" with the space as its Alt letter: & marks the Alt letter in a menu.
    folder = tmp_path / "Fire & Rescue"
    folder.mkdir()
    path = make_file(folder / "office.sqlite")
    assert window.open_path(path)
    text, enabled = recent_entries(window)[0]
    assert text == f"&1 {recent_label(str(path)).replace('&', '&&')}" and enabled
    window.recent_menu.actions()[0].trigger()
    assert window.session.store.path == path


def test_a_file_named_from_the_current_folder_is_listed_by_its_whole_path(window, tmp_path, monkeypatch):
    # `safer-desk office.sqlite` typed in a command prompt put "office.sqlite" in Open Recent: chosen later from
    # another folder it was "no file", or another folder's office.sqlite.
    office = make_file(tmp_path / "office.sqlite")
    monkeypatch.chdir(tmp_path)
    assert window.open_path(Path("office.sqlite"))
    assert recent_entries(window) == [(f"&1 {recent_label(str(office))}", True)]
    assert window.session.store.path == office and window.file_label.toolTip() == str(office)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    make_file(elsewhere / "office.sqlite")
    monkeypatch.chdir(elsewhere)
    window.recent_menu.actions()[0].trigger()
    assert window.session.store.path == office


def test_file_open_asks_for_a_file_and_cancel_opens_nothing(window, tmp_path, prompts):
    path = make_file(tmp_path / "waveney.sqlite")
    window.choose_and_open()  # the dialog closed without a choice
    assert window.session.store is None
    prompts.file_names.append(str(path))
    window.choose_and_open()
    assert window.session.store.path == path and "waveney.sqlite" in window.windowTitle()


def test_unsaved_edits_keep_the_file_open_when_the_person_cancels(demo_window, qtbot, prompts, tmp_path):
    page = edited_register(demo_window, qtbot)
    other = make_file(tmp_path / "other.sqlite")
    # Asked once the file is chosen (session 73): New is given a name not there yet, and Cancel makes nothing.
    for action, name in ((demo_window.choose_and_open, other), (demo_window.new_file, tmp_path / "new.sqlite")):
        prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
        prompts.file_names.append(str(name))
        action()
        assert demo_window.session.store.path.name == "example.sqlite"
        prompts.file_names.clear()
    assert not (tmp_path / "new.sqlite").exists()
    assert page.editor.widgets["title"].text() == "Homeshield Plus renamed"
    assert [q[1] for q in prompts.unsaved_questions] == ["Project Homeshield Plus has unsaved changes to Title."] * 2


def test_new_file_adds_the_suffix_and_never_overwrites(window, tmp_path, prompts):
    window.new_file()  # cancelled
    assert window.session.store is None
    prompts.file_names.append(str(tmp_path / "district"))
    window.new_file()
    assert window.session.store.path == tmp_path / "district.sqlite"
    existing = make_file(tmp_path / "county.sqlite")
    before = existing.read_bytes()
    prompts.file_names.append(str(existing))
    window.new_file()
    assert prompts.errors == [("File exists", f"{existing} already exists; open it with File > Open instead.")]
    assert window.session.store.path == tmp_path / "district.sqlite" and existing.read_bytes() == before


def test_open_default_makes_the_file_in_the_data_folder(window, private_home):
    assert window.open_default()
    assert window.session.store.path.parent == private_home and window.session.store.path.exists()


def test_what_needs_a_file_is_not_offered_without_one(window, store):
    # View > History of Changes… and Districts, Partnerships and Partners… were offered with no file open, and did
    # nothing when chosen.
    needs_a_file = (window.history_action, window.reference_action, window.save_copy_action, window.backup_action)
    assert not any(a.isEnabled() for a in needs_a_file)
    window.set_store(store)
    assert all(a.isEnabled() for a in needs_a_file)
    window.set_store(None)
    assert not any(a.isEnabled() for a in needs_a_file)


def test_save_a_copy_refuses_the_open_file_and_says_when_it_cannot_write(window, store, tmp_path, prompts):
    window.save_copy()  # no file open: nothing to copy, nothing asked
    assert prompts.errors == []
    window.set_store(store)
    window.save_copy()  # the dialog cancelled
    prompts.file_names.append(str(store.path))
    window.save_copy()
    assert prompts.errors[-1] == ("Save a copy", "Choose a different file from the one that is open.")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    prompts.file_names.append(str(blocked / "copy.sqlite"))
    window.save_copy()
    assert prompts.errors[-1][0] == "Save a copy" and "could not be written" in prompts.errors[-1][1]
    prompts.file_names.append(str(tmp_path / "copy.sqlite"))
    window.save_copy()
    assert window.statusBar().currentMessage() == f"Copy saved to {tmp_path / 'copy.sqlite'}"


def test_back_up_now_writes_a_dated_copy_or_says_why_not(window, store, tmp_path, prompts):
    window.backup_now()  # no file open
    assert not window.backup_action.isEnabled() and prompts.errors == []
    window.set_store(store)
    assert window.backup_action.isEnabled()
    window.backup_action.trigger()
    written = list((store.path.parent / "backups").glob("office.*.on-demand.sqlite"))
    assert len(written) == 1 and window.statusBar().currentMessage() == f"Backup written to {written[0]}"
    for old in written:
        old.unlink()
    (store.path.parent / "backups").rmdir()
    (store.path.parent / "backups").write_text("a file where the backups folder should be", encoding="utf-8")
    window.backup_action.trigger()
    assert prompts.errors[-1][0] == "Back up" and "could not be written" in prompts.errors[-1][1]


def test_edit_copy_and_paste_go_to_the_widget_in_focus(demo_window, qtbot, prompts):
    show_active(demo_window, qtbot)
    page = demo_window.show_tab("projects").register
    page.view.scrollToTop()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.view.visualRect(page.proxy.index(0, 1)).center())  # the row, and focus
    demo_window.copy_action.trigger()
    assert QGuiApplication.clipboard().text().splitlines()[1].startswith("1\tHomeshield Plus\tProposed")
    QGuiApplication.clipboard().setText("Title\tCost\nNight-time economy marshals\t£4,000\n")
    demo_window.paste_action.trigger()  # the register's paste: a preview first
    dialog = page.paste_dialog
    assert dialog is not None and dialog.isVisible() and dialog.table.rowCount() == 1
    dialog.reject()
    search = page.search
    search.setFocus()
    QGuiApplication.clipboard().setText("Homeshield")
    demo_window.paste_action.trigger()  # a text field pastes the text itself
    assert search.text() == "Homeshield"
    assert page.proxy.rowCount() == 1


def test_copy_and_paste_with_nothing_to_copy_or_paste_into_do_nothing(demo_window, qtbot, prompts):
    show_active(demo_window, qtbot)
    demo_window.show_tab("projects")
    demo_window.tabs.tabBar().setFocus()  # the tab bar has no rows and takes no text
    QGuiApplication.clipboard().setText("kept")
    demo_window.copy_action.trigger()
    demo_window.paste_action.trigger()
    assert QGuiApplication.clipboard().text() == "kept"
    assert demo_window.tab_widgets["projects"].register.paste_dialog is None


def test_undo_asks_about_unsaved_edits_before_it_replaces_them(demo_window, qtbot, prompts):
    page = edited_register(demo_window, qtbot)
    store, stack = demo_window.session.store, demo_window.session.undo_stack
    pid = page.presenter.selected
    assert page.save_editor() and stack.count() == 1
    title = page.editor.widgets["title"]

    def retype(text):
        title.setFocus()
        title.selectAll()
        qtbot.keyClicks(title, text)

    retype("Homeshield Plus again")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    demo_window.undo_action.trigger()
    assert prompts.unsaved_questions[-1][1] == "Project Homeshield Plus renamed has unsaved changes to Title."
    assert title.text() == "Homeshield Plus again" and stack.index() == 1  # nothing undone, the edit kept
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    demo_window.undo_action.trigger()  # Save: the edit is saved, and is now what Undo would undo
    assert stack.index() == 2 and demo_window.statusBar().currentMessage() == "Saved. Undo again to undo it."
    assert demo_window.undo_action.text() == "&Undo change title of Homeshield Plus renamed to Homeshield Plus again"
    demo_window.undo_action.trigger()  # nothing unsaved now: undone without a question
    assert len(prompts.unsaved_questions) == 2
    assert page.editor.widgets["title"].text() == "Homeshield Plus renamed"
    retype("Homeshield Plus draft")
    prompts.unsaved_answers[:] = [UnsavedChoice.DISCARD]
    demo_window.undo_action.trigger()
    assert page.editor.widgets["title"].text() == "Homeshield Plus" and stack.index() == 0
    assert svc.get_project(store, pid).title == "Homeshield Plus"
    retype("Homeshield Plus draft")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    demo_window.redo_action.trigger()
    assert stack.index() == 0 and title.text() == "Homeshield Plus draft"
    stack.clear()
    demo_window.undo()
    demo_window.redo()  # nothing to undo or redo: nothing happens, nothing asked
    assert len(prompts.unsaved_questions) == 4


def test_undo_and_redo_from_another_tab_ask_first_and_cancel_stays(demo_window, qtbot, prompts):
    page = edited_register(demo_window, qtbot)
    assert page.save_editor()
    stack = demo_window.session.undo_stack
    demo_window.show_tab("costs")
    costs = demo_window.tab_widgets["costs"]
    costs.has_unsaved_changes = lambda: True  # as if the Costs tab held an unsaved edit
    costs.may_leave = lambda ask: ask("Cost line for WSCSP-DHR-2026-07 is new and has not been saved.") \
        == UnsavedChoice.SAVE
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    demo_window.undo()
    assert demo_window.current_tab_key() == "costs" and stack.index() == 1  # stayed; nothing undone
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    demo_window.undo()
    assert demo_window.current_tab_key() == "projects" and stack.index() == 0
    demo_window.show_tab("costs")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    demo_window.redo()
    assert demo_window.current_tab_key() == "costs" and stack.index() == 0


def test_view_and_help_dialogs(window, store, qtbot, monkeypatch):
    window.show_history()
    window.show_reference()  # no file open: nothing to show
    assert window._history_dialog is None and "File:" not in window.about_text()
    window.set_store(store)
    window.history_action.trigger()
    first = window._history_dialog
    qtbot.addWidget(first)
    window.show_history()  # a second time: the one window comes to the front (round 32; a new one each time kept
    assert window._history_dialog is first and first.isVisible()  # every closed one alive with its lines)
    window.reference_action.trigger()
    assert window._reference_dialog.isVisible()
    qtbot.addWidget(window._reference_dialog)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.show_guide()  # inside the window: no program for Markdown needed (tests/foundation/test_window_guide.py)
    qtbot.addWidget(window._guide_window)
    assert window._guide_window.isVisible() and opened == []
    window._guide_window.close()
    window.show_about()
    assert window._about_dialog.isVisible() and window._about_dialog.windowTitle().startswith("About ")
    window._about_dialog.close()
    assert window.menu_titled("Window") is None


def test_ctrl_s_with_nothing_open_says_nothing_to_save(window):
    assert window.save_current()
    assert window.statusBar().currentMessage().startswith("Nothing to save")


def test_a_save_that_fails_says_so_and_keeps_the_marker(demo_window, qtbot):
    page = edited_register(demo_window, qtbot)
    cost = page.editor.widgets["cost"]
    cost.selectAll()
    qtbot.keyClicks(cost, "£3.250")
    qtbot.keyClick(cost, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.statusBar().currentMessage() == "Not saved: see the messages beside the fields."
    assert demo_window.isWindowModified()


@pytest.mark.parametrize("answer, closes", [(UnsavedChoice.DISCARD, True), (UnsavedChoice.CANCEL, False)])
def test_closing_with_unsaved_edits(demo_window, qtbot, prompts, answer, closes):
    edited_register(demo_window, qtbot)
    prompts.unsaved_answers[:] = [answer]
    assert demo_window.close() is closes
    assert demo_window.isVisible() is not closes


def test_an_export_for_the_county_is_never_opened_for_changes(window, demo_store, tmp_path, prompts, capsys):
    """A district's export opened by double-click said its audit trail "cannot be trusted" and offered a repair
    (an export has no audit triggers by design, and is never changed: its signature would no longer match)."""
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import IsAnExport

    export = tmp_path / "babergh-export.sqlite"
    export_for_county(demo_store, export)
    before = export.read_bytes()
    with pytest.raises(IsAnExport) as refused:
        open_store(export)
    words = str(refused.value)
    assert words.startswith("babergh-export.sqlite is Example office (seed papers)'s export for the county "
                            "(export number 1)")
    assert "File > Import District Files" in words and "cannot be trusted" not in words
    prompts.answers = [False]
    assert not window.open_path(export)
    [(title, text)] = prompts.questions
    assert title == "Open read-only?" and text.startswith(words)
    prompts.answers = [True]
    assert window.open_path(export)
    assert window.session.store.read_only
    window.set_store(None)
    assert export.read_bytes() == before
    from safer_desk.cli import main

    assert main(["import-police", str(export), str(tmp_path / "none.csv")]) == 1
    assert export.read_bytes() == before
    # Named as the county file of a merge, it is refused in the same words (it said "exported from this very
    # file" when the file merged was the export itself).
    copy = tmp_path / "copy-export.sqlite"
    copy.write_bytes(before)
    capsys.readouterr()
    assert main(["merge", str(copy), str(export)]) == 1
    assert "copy-export.sqlite is Example office (seed papers)'s export for the county" in capsys.readouterr().err
    assert copy.read_bytes() == before


def test_an_export_looked_at_read_only_shows_its_fund_and_report_and_is_not_exported_again(demo_store, tmp_path,
                                                                                           capsys):
    # Read-only, an export's Pooled funds page said "no such table: fund_spend_summary_live" (an export carries the
    # fund's summary rows, not the victim-level rows the view reads), and so did its board report; an .xlsx made
    # from it said "table _export_chain already exists".
    from safer_desk.cli import main
    from safer_desk.services import funds
    from safer_desk.services.county import CountyError, export_for_county

    export = tmp_path / "babergh-export.sqlite"
    export_for_county(demo_store, export)
    before = export.read_bytes()
    looked = open_store(export, read_only=True)
    try:
        fund = funds.list_funds(looked)[0]
        figures = funds.fund_figures(looked, fund.id)
        assert figures.spent_pence == funds.fund_figures(demo_store, fund.id).spent_pence == 241700
        with pytest.raises(CountyError, match="babergh-export.sqlite is Example office \\(seed papers\\)'s export "
                                              "for the county"):
            export_for_county(looked, tmp_path / "again.xlsx")
    finally:
        looked.close()
    assert not (tmp_path / "again.xlsx").exists()
    assert main(["report", str(export), str(tmp_path / "report.html")]) == 0
    assert "Suffolk Target Hardening Pilot" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert export.read_bytes() == before


def test_a_recent_file_that_is_gone_can_be_taken_off_the_list(window, tmp_path, prompts):
    """Choosing a recent file that is no longer there (moved, or on a drive not connected) said "There is no file"
    and left it on the list for ever; the person is now asked whether to take it off."""
    gone, kept = tmp_path / "usb" / "office.sqlite", make_file(tmp_path / "office.sqlite")
    settings.write("files/recent", [str(gone), str(kept)])
    prompts.answers.append(False)  # keep it: the drive may come back
    window.recent_menu.aboutToShow.emit()
    window.recent_menu.actions()[0].trigger()
    assert "There is no file at" in prompts.questions[-1][1] and settings.read_list("files/recent")[0] == str(gone)
    prompts.answers.append(True)
    window.recent_menu.aboutToShow.emit()
    window.recent_menu.actions()[0].trigger()
    assert settings.read_list("files/recent") == [str(kept)]
    assert window.session.store is None or window.session.store.path != gone


def test_ctrl_f_goes_to_the_search_box_of_the_page_in_view(demo_window, qtbot):
    from PySide6.QtGui import QKeySequence

    demo_window.resize(1280, 800)
    show_active(demo_window, qtbot)
    expected = {"projects": "Search the register", "costs": "Search cases", "indicators": "Find another area"}
    for key, name in expected.items():
        tab = demo_window.show_tab(key)
        qtbot.waitUntil(lambda: not tab.is_busy() and tab.search_box() is not None, timeout=10000)  # laid out
        press = QKeySequence(QKeySequence.StandardKey.Find)[0]
        qtbot.keyClick(demo_window, press.key(), press.keyboardModifiers())
        assert QApplication.focusWidget().accessibleName() == name, key
    demo_window.show_tab("budgets")
    assert not demo_window.focus_search()
    assert demo_window.statusBar().currentMessage() == "This page has no search box."


def test_opening_the_file_already_open_keeps_it_open_without_a_question(demo_window, prompts, qtbot, tmp_path):
    # File > Open (or Open Recent, or a drop) of the file this window has open asked "Open read-only? … already open
    # for writing in another Safer Desk window (by process …)": this window, and the answer No left it open as before.
    path = demo_window.session.store.path
    store = demo_window.session.store
    assert demo_window.open_path(path)
    assert demo_window.open_path(tmp_path / ".." / tmp_path.name / path.name)  # the same file by another name
    assert demo_window.session.store is store and not store.read_only
    assert not prompts.questions and not prompts.errors
    assert "already open" in demo_window.statusBar().currentMessage()


def test_a_file_open_read_only_can_be_opened_for_changes_again(window, demo_path, prompts):
    assert window.open_path(demo_path, read_only=True) and window.session.store.read_only
    assert window.open_path(demo_path)
    assert not window.session.store.read_only and not prompts.questions
    assert window.open_path(demo_path, read_only=True) and not window.session.store.read_only  # already open


def test_windows_about_the_open_file_close_when_another_file_opens(demo_window, qtbot, prompts, tmp_path):
    # View > Districts, Partnerships and Partners and History of Changes stayed open over the next file: the first
    # listed the old file's districts while its Add wrote into the new one (and raised in a file open read-only), the
    # second showed and exported the old file's history under the new title. Every window about the file closes.
    from PySide6.QtWidgets import QDialog

    demo_window.show_reference()
    demo_window.show_history()
    demo_window.show_awards()
    demo_window.show_guide()
    stray = QDialog(demo_window)  # a window about the file that a part of the program shows without telling the window
    stray.show()
    about_the_file = [demo_window._reference_dialog, demo_window._history_dialog, demo_window._awards_dialog, stray]
    for dialog in (*about_the_file, demo_window._guide_window):
        qtbot.addWidget(dialog)
    assert all(d.isVisible() for d in about_the_file)
    other = make_file(tmp_path / "other.sqlite")
    prompts.file_names.append(str(other))
    demo_window.choose_and_open()
    assert demo_window.session.store.path == other
    assert [d.isVisible() for d in about_the_file] == [False] * 4
    assert demo_window._guide_window.isVisible()  # the guide is about the program, not the file
    demo_window.show_reference()
    reference = demo_window._reference_dialog
    qtbot.addWidget(reference)
    assert reference.districts.model.rowCount() == 0  # the new file's districts
    assert demo_window.open_path(tmp_path / "example.sqlite", read_only=True) and demo_window.session.read_only
    assert not reference.isVisible()
    demo_window.show_reference()
    qtbot.addWidget(demo_window._reference_dialog)
    page = demo_window._reference_dialog.districts
    assert not page.add_button.isEnabled() and not page.remove_button.isEnabled()


def test_save_a_copy_asks_about_unsaved_edits_first(demo_window, qtbot, prompts, tmp_path):
    # File > Save a Copy with a retyped title not saved said "Copy saved to …", and the copy lacked the edit.
    edited_register(demo_window, qtbot)
    target = tmp_path / "for colleague.sqlite"
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    prompts.file_names[:] = [str(target)]
    demo_window.save_copy()
    assert [q[1] for q in prompts.unsaved_questions] == ["Project Homeshield Plus has unsaved changes to Title."]
    assert not target.exists() and demo_window.isWindowModified()
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    prompts.file_names[:] = [str(target)]
    demo_window.save_copy()
    assert demo_window.statusBar().currentMessage() == f"Copy saved to {target}"
    assert renamed_projects(target) == (1,)


def test_back_up_now_asks_about_unsaved_edits_first(demo_window, qtbot, prompts):
    # File > Back Up Now with a retyped title not saved said "Backup written to …", and the backup lacked the
    # edit the person could see on screen: a backup is kept to go back to, so it is asked about first.
    from safer_desk.storage.store import backups_of

    edited_register(demo_window, qtbot)
    path = demo_window.session.store.path
    before = backups_of(path)
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    demo_window.backup_now()
    assert [q[1] for q in prompts.unsaved_questions] == ["Project Homeshield Plus has unsaved changes to Title."]
    assert backups_of(path) == before and demo_window.isWindowModified()
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    demo_window.backup_now()
    (made,) = [p for p in backups_of(path) if p not in before]
    assert demo_window.statusBar().currentMessage() == f"Backup written to {made}"
    assert renamed_projects(made) == (1,)


def test_save_a_copy_refuses_a_file_open_in_another_window(demo_window, prompts, tmp_path):
    # Save a Copy onto a colleague's file open in another Safer Desk replaced it under their window: their next save
    # failed and the file held the other office's data.
    theirs = tmp_path / "colleague.sqlite"
    held = open_store(theirs, create=True)  # another window's lock (a second lock in one process is refused alike)
    try:
        inode = theirs.stat().st_ino
        prompts.file_names.append(str(theirs))
        prompts.answers.append(True)  # Replace: Safer Desk asks (its file dialog no longer does)
        demo_window.save_copy()
        title, text = prompts.errors[-1]
        assert title == "Save a copy" and "Only one window can change a file at a time" in text
        assert theirs.stat().st_ino == inode and held.scalar("SELECT count(*) FROM projects") == 0
    finally:
        held.close()


@pytest.mark.parametrize("typed, made", [("Babergh 2019.20", "Babergh 2019.20.sqlite"),
                                         ("Plan v2.1", "Plan v2.1.sqlite"), ("county.db", "county.db"),
                                         ("Office.SQLITE", "Office.SQLITE")])
def test_a_new_file_or_copy_is_named_so_that_open_finds_it(window, prompts, tmp_path, typed, made):
    # File > New "Babergh 2019.20" made a file of exactly that name, which File > Open's filter (*.sqlite *.db) hid.
    folder = tmp_path / "new"
    folder.mkdir()
    prompts.file_names.append(str(folder / typed))
    window.new_file()
    assert window.session.store.path == folder / made and prompts.errors == []
    copies = tmp_path / "copies"
    copies.mkdir()
    prompts.file_names.append(str(copies / typed))
    window.save_copy()
    assert [p.name for p in copies.iterdir()] == [made]


def test_edit_copy_copies_the_text_selected_in_a_text_field(demo_window, qtbot):
    # Edit > Copy (the menu item) with text selected in the Title field or the search box copied register rows.
    page = edited_register(demo_window, qtbot)
    title = page.editor.widgets["title"]
    title.setFocus()
    title.setSelection(0, len("Homeshield"))
    QGuiApplication.clipboard().setText("(before)")
    demo_window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "Homeshield"
    page.search.setFocus()
    page.search.setText("Suffolk Strive")
    page.search.selectAll()
    demo_window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "Suffolk Strive"


def test_a_file_opened_by_another_path_to_it_is_listed_once(window, tmp_path):
    """A file opened once from its folder and once through a link to that folder (a mapped drive, OneDrive's
    Documents link) was listed twice in File > Open Recent, each entry the same file; the newer path is kept."""
    (tmp_path / "real").mkdir()
    office = make_file(tmp_path / "real" / "office.sqlite")
    other = make_file(tmp_path / "other.sqlite")
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    assert window.open_path(office) and window.open_path(other)
    assert window.open_path(tmp_path / "linked" / "office.sqlite")
    assert settings.read_list("files/recent") == [str(tmp_path / "linked" / "office.sqlite"), str(other)]
    assert window.open_path(other) and window.open_path(office)  # and the other way round
    assert settings.read_list("files/recent") == [str(office), str(other)]


def test_open_recent_on_windows_lists_a_file_once_whatever_its_case_and_never_asks_another_drive(monkeypatch):
    """Windows' names are one file in any case (C:\\Users\\Ann\\Office.sqlite, c:\\users\\ann\\office.sqlite); an entry
    of the same name on another drive (a share's Z:, a USB stick's E:, perhaps not connected) is not looked at on
    the disk, where Windows may wait for a server that does not answer."""
    import ntpath
    import types

    from safer_desk import paths

    monkeypatch.setattr(settings, "os", types.SimpleNamespace(path=ntpath))
    monkeypatch.setattr(paths, "same_file", lambda a, b: pytest.fail(f"asked the disk about {a}"))
    assert settings._same_listed(r"C:\Users\Ann\Office.sqlite", r"c:\users\ann\office.sqlite")
    assert not settings._same_listed(r"Z:\CSP\office.sqlite", r"C:\Users\ann\office.sqlite")
    assert not settings._same_listed(r"\\fs01\csp$\office.sqlite", r"C:\Users\ann\office.sqlite")
    assert not settings._same_listed(r"C:\Users\ann\budget.sqlite", r"C:\Users\ann\office.sqlite")


def test_a_name_typed_with_its_accent_composed_otherwise_is_listed_once(window, tmp_path):
    """macOS keeps "Ynys Môn.sqlite" with its accent as a separate mark (NFD) and opens it by the name typed with
    the accented letter (NFC): one file, listed twice in Open Recent. (Here a link gives the file both spellings.)"""
    import unicodedata

    typed = make_file(tmp_path / unicodedata.normalize("NFC", "Ynys Môn.sqlite"))
    stored = tmp_path / unicodedata.normalize("NFD", "Ynys Môn.sqlite")
    stored.symlink_to(typed)
    assert str(typed) != str(stored)
    other = make_file(tmp_path / "other.sqlite")
    assert window.open_path(stored) and window.open_path(other) and window.open_path(typed)
    assert settings.read_list("files/recent") == [str(typed), str(other)]
