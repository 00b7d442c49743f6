"""View > History of Changes left open while working: it follows the file (round 23).

Found by keeping the History window open beside the main window, saving a project and pressing Edit > Undo: the
window kept showing the list as it was when it was opened, without the save or its undo, and said nothing.
"""

from PySide6.QtCore import QCoreApplication

from safer_desk.services import reference
from tests.foundation.test_window_files import show_active
from tests.foundation.test_window_history import click_row, column, save_capital

SAVED = "capital of Homeshield Plus to £4,321.09"  # what a save changed, as its step names it (session 69)


def opened_history(window, qtbot):
    window.history_action.trigger()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_the_open_history_shows_a_change_and_its_undo_as_they_are_made(demo_window, qtbot):
    show_active(demo_window, qtbot)
    dialog = opened_history(demo_window, qtbot)
    shown = dialog.proxy.rowCount()
    save_capital(demo_window, qtbot, "4321.09")
    qtbot.waitUntil(lambda: column(dialog, "Action")[:1] == [f"Change {SAVED}"], timeout=3000)
    assert dialog.proxy.rowCount() == shown + 1
    assert "from (blank) to £4,321.09" in dialog.detail.toPlainText()  # the newest chosen, as when opened

    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: column(dialog, "Action")[:1] == [f"Undo change {SAVED}"], timeout=3000)
    undone = "Changed the capital of project Homeshield Plus from £4,321.09 to (blank)"
    assert column(dialog, "What changed")[0] == undone
    assert dialog.count_label.text() == f"{shown + 2:,} actions"
    dialog.close()


def test_the_open_history_keeps_its_filter_and_the_line_chosen(demo_window, qtbot):
    show_active(demo_window, qtbot)
    dialog = opened_history(demo_window, qtbot)
    save_capital(demo_window, qtbot, "4321.09")
    qtbot.waitUntil(lambda: column(dialog, "Action")[:1] == [f"Change {SAVED}"], timeout=3000)
    click_row(dialog, qtbot, 1)
    chosen = dialog.selected_line()
    qtbot.keyClicks(dialog.search, "budget")
    assert dialog.proxy.rowCount() >= 1

    reference.add_district(demo_window.session.store, "Babergh Extra")  # a change made outside the tabs
    demo_window.session.notify("")
    qtbot.waitUntil(lambda: dialog.presenter.lines[0].action == "Add district Babergh Extra", timeout=3000)
    assert dialog.search.text() == "budget"
    assert "Add district Babergh Extra" not in column(dialog, "Action")  # the filter still applies
    dialog.search.clear()
    assert column(dialog, "Action")[0] == "Add district Babergh Extra"
    assert dialog.selected_line() == chosen  # the line chosen stays chosen
    dialog.close()


def test_a_closed_history_reads_nothing_until_it_is_opened_again(demo_window, qtbot):
    dialog = opened_history(demo_window, qtbot)
    dialog.close()
    loads = []
    dialog.presenter.load = lambda *a, _load=dialog.presenter.load: loads.append(1) or _load(*a)
    with qtbot.waitSignal(demo_window.session.undo_stack.indexChanged, timeout=3000):  # what a shown one rereads on
        save_capital(demo_window, qtbot, "4321.09")
    QCoreApplication.processEvents()  # a reread the change asked for would have run by now (a zero timer)
    assert loads == []
