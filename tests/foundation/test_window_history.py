"""View > History of Changes, used as a person would: edit a project in the register, open the history,
read the line, search, filter, see the detail, copy and export."""

import csv

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.history import PROJECTS, REFERENCE
from safer_desk.services import reference
from tests.foundation.test_window_files import show_active

SAVED = "Change capital of Homeshield Plus to £7,525.58"  # a save names what it changed (session 69)


def save_capital(window, qtbot, text):
    page = window.show_tab("projects").register
    page.view.scrollToTop()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.view.visualRect(page.proxy.index(0, 1)).center())
    assert page.editor.project.title == "Homeshield Plus"
    field = page.editor.widgets["capital"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert not window.has_unsaved_changes()


def click_row(dialog, qtbot, row):
    """A click, not selectRow: selectRow reads keyboard modifiers an earlier test's Ctrl+key may have left."""
    view = dialog.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(dialog.proxy.index(row, 1)).center())


def column(dialog, header):
    model = dialog.proxy
    c = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == header)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_the_history_reads_as_actions_in_words(demo_window, qtbot, prompts, tmp_path):
    show_active(demo_window, qtbot)
    save_capital(demo_window, qtbot, "7525.58")
    reference.add_district(demo_window.session.store, "Babergh Extra")
    demo_window.history_action.trigger()
    dialog = demo_window._history_dialog
    qtbot.addWidget(dialog)
    assert column(dialog, "Action")[:2] == ["Add district Babergh Extra", SAVED]
    assert column(dialog, "What changed")[1] == "Changed the capital of project Homeshield Plus from (blank) to £7,525.58"
    assert column(dialog, "Area")[:2] == [REFERENCE, PROJECTS]
    when = column(dialog, "When")[0]
    assert "T" not in when and "Z" not in when and len(when.split()) == 4  # "28 Nov 2026 14:05"

    # the newest is selected and its detail shown below
    assert "Added district Babergh Extra" in dialog.detail.toPlainText()
    qtbot.keyClicks(dialog.search, "homeshield capital")
    assert column(dialog, "Action")[0] == SAVED
    click_row(dialog, qtbot, 0)
    assert "from (blank) to £7,525.58" in dialog.detail.toPlainText()
    assert dialog.count_label.text().startswith("1 of ")

    dialog.search.clear()
    dialog.area_combo.setCurrentText(REFERENCE)
    assert column(dialog, "Action")[0] == "Add district Babergh Extra"
    assert all(REFERENCE in area for area in column(dialog, "Area"))
    dialog.area_combo.setCurrentIndex(0)
    qtbot.keyClicks(dialog.since.edit, "1/1/2100")
    assert dialog.proxy.rowCount() == 0 and dialog.detail.toPlainText().startswith("No action matches")
    dialog.since.edit.clear()
    dialog.since.textEdited.emit("")

    # copy for Excel, and export what is shown
    dialog.area_combo.setCurrentText(PROJECTS)
    click_row(dialog, qtbot, 0)
    assert dialog.view.copy_selection()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "When\tWho\tArea\tAction\tWhat changed"
    assert f"\t{SAVED}\t" in copied[1]
    target = tmp_path / "history.csv"
    prompts.file_names.append(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][2] == SAVED and all(r[4].startswith(PROJECTS) for r in rows[1:])
    assert prompts.infos and not prompts.errors
    dialog.close()


def test_the_history_has_a_menu_on_its_table(window, store, qtbot):
    window.set_store(store)
    reference.add_district(store, "Babergh")
    window.show_history()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    click_row(dialog, qtbot, 0)
    texts = [a.text() for a in dialog.view.context_menu(2).actions()]
    assert "&Copy" in texts and "&Export…" in texts
    dialog.close()


def test_the_history_window_asked_for_again_is_the_one_there_is(window, store, qtbot):
    # Round 32 (lead): each View > History of Changes made a new window and only closed the old one, which stayed
    # alive holding its lines (megabytes on a long trail) and listening to every change. Asked for again, the one
    # window comes to the front; closed and asked for again, it shows the history afresh.
    window.set_store(store)
    window.history_action.trigger()
    first = window._history_dialog
    qtbot.addWidget(first)
    window.history_action.trigger()
    assert window._history_dialog is first and first.isVisible()
    first.close()
    reference.add_district(store, "Babergh")
    window.session.notify("reference")
    window.history_action.trigger()
    assert window._history_dialog is first and first.isVisible()
    qtbot.waitUntil(lambda: any("Babergh" in line.summary for line in first.presenter.lines), timeout=5000)
    first.close()
