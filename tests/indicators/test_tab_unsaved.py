"""Issue 11 on the Indicators tab, as a person works it: figures typed into the grid, rows clicked, buttons pressed.

Assertions read what the window shows (its title, the table, the messages beside the grid) and what the file holds.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.screens import UnsavedChoice

FY16 = FinancialYear(2016)


@pytest.fixture
def tab(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    click_indicator(tab, qtbot, "All crime")
    return tab


def row_of(tab, name):
    for r in range(tab.summary_proxy.rowCount()):
        if tab.summary_proxy.index(r, 1).data().endswith(name):  # "L2 sat Level Two …": code and name
            return r
    raise AssertionError(name)


def click_indicator(tab, qtbot, name):
    rect = tab.summary_view.visualRect(tab.summary_proxy.index(row_of(tab, name), 1))
    qtbot.mouseClick(tab.summary_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()


def type_in_cell(tab, qtbot, row_label, col, text):
    """Double-click the cell, type, press Enter: as a person enters a figure."""
    row = [tab.grid.verticalHeaderItem(r).text() for r in range(tab.grid.rowCount())].index(row_label)
    item = tab.grid.item(row, col)
    rect = tab.grid.visualItemRect(item)
    qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not tab.grid, "the cell did not open for typing"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def stored(store, period, indicator="indicator:all-crime"):
    return store.scalar("SELECT value FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                        (indicator, "district:plymouth", period))


def selected_name(tab):
    return tab.presenter.view.indicator.name if tab.summary_view.currentIndex().siblingAtColumn(1).data(
    ).endswith(tab.presenter.view.indicator.name) else None


def test_a_typed_figure_is_not_lost_when_another_indicator_is_clicked(demo_window, tab, qtbot, prompts):
    store = demo_window.session.store
    assert not demo_window.isWindowModified()
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    assert demo_window.isWindowModified()  # the modified marker in the title
    assert tab.save_button.isEnabled()
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    click_indicator(tab, qtbot, "Anti-social behaviour")
    qtbot.waitUntil(lambda: selected_name(tab) == "All crime")
    assert prompts.unsaved_questions[-1][1] == (
        "Figures of All crime for Plymouth, 2016/17 have unsaved changes in Dec-16.")
    assert tab.grid.item(0, 8).text() == "1480"  # stayed, figure kept
    assert stored(store, "2016-12") is None
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    click_indicator(tab, qtbot, "Anti-social behaviour")
    assert stored(store, "2016-12") == 1480
    assert selected_name(tab) == "Anti-social behaviour" and not demo_window.isWindowModified()
    assert demo_window.undo_action.text() == "&Undo change Dec 2016 of All crime for Plymouth, 2016/17 to 1,480"


def test_discard_goes_on_and_forgets_the_figure(demo_window, tab, qtbot, prompts):
    type_in_cell(tab, qtbot, "2016/17", 0, "2000")
    prompts.unsaved_answers[:] = [UnsavedChoice.DISCARD]
    click_indicator(tab, qtbot, "Anti-social behaviour")
    assert selected_name(tab) == "Anti-social behaviour"
    assert stored(demo_window.session.store, "2016-04") == 1335
    assert not demo_window.isWindowModified()


def test_leaving_the_tab_or_the_year_asks_too(demo_window, tab, qtbot, prompts):
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL, UnsavedChoice.CANCEL]
    demo_window.tabs.setCurrentIndex(0)
    assert demo_window.current_tab_key() == "indicators"
    tab.year_combo.activated.emit(tab.year_combo.findData(2015))
    assert tab.year_combo.currentData() == 2016 and tab.grid.item(0, 8).text() == "1480"
    assert len(prompts.unsaved_questions) == 2


def test_a_stray_separator_is_queried_beside_the_grid_and_never_stored(demo_window, tab, qtbot):
    store = demo_window.session.store
    before = store.conn.total_changes
    assert "(worse)" in tab.headline.text()
    type_in_cell(tab, qtbot, "2016/17", 0, "1,2,3")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.grid_messages.isVisible()
    assert "Apr-16, 2016/17: “1,2,3” has a comma where a thousands separator cannot be" in tab.grid_messages.text()
    assert "“1,2,3”" in tab.grid.item(0, 0).toolTip()
    assert stored(store, "2016-04") == 1335 and store.conn.total_changes == before
    assert "(worse)" in tab.headline.text() and "(better)" not in tab.headline.text()
    type_in_cell(tab, qtbot, "2016/17", 0, "1,235")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert stored(store, "2016-04") == 1235 and not tab.grid_messages.isVisible()


def test_a_percentage_over_100_is_asked_about_beside_the_grid(demo_window, tab, qtbot):
    click_indicator(tab, qtbot, "Level Two “ist” incidents satisfaction")
    assert tab.grid.item(0, 0).text().endswith("%")  # one number format per unit
    type_in_cell(tab, qtbot, "2016/17", 11, "950")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "950% is more than 100%" in tab.grid_messages.text()
    assert demo_window.isWindowModified()
    type_in_cell(tab, qtbot, "2016/17", 11, "95%")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not demo_window.isWindowModified()
    assert stored(demo_window.session.store, "2017-03", "indicator:level-two-ist-incidents-satisfaction") == 95


def test_ctrl_s_saves_the_grid_and_undo_brings_the_tab_back(demo_window, tab, qtbot):
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    qtbot.keyClick(tab.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_window.session.store, "2016-12") == 1480
    demo_window.show_tab("projects")
    demo_window.undo_action.trigger()
    assert demo_window.current_tab_key() == "indicators"
    assert stored(demo_window.session.store, "2016-12") is None
    assert tab.grid.item(0, 8).text() == ""


def test_discard_button_and_context_menu(demo_window, tab, qtbot, prompts):
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    prompts.answers[:] = [True]  # asked first (session 69)
    menu = tab.grid.context_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["&Copy", "&Paste", "&Save Figures", "&Discard Typed Figures"]
    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    assert tab.grid.item(0, 8).text() == "" and not demo_window.isWindowModified()


def test_this_year_is_in_the_year_list_and_its_figures_can_be_typed(demo_window, tab, qtbot, monkeypatch):
    # Plymouth's figures end in 2016/17: the list held 2015/16 and 2016/17 only, so this year could not be chosen.
    from datetime import date

    monkeypatch.setattr(tab.presenter, "today", lambda: date(2026, 11, 28))
    tab.select_area("district:plymouth")  # the list is filled again as the area is chosen
    years = [tab.year_combo.itemText(i) for i in range(tab.year_combo.count())]
    # From the year before the first with figures (round 34: the year its first year's are compared with).
    assert years[0] == "2014/15" and years[-1] == "2026/27" and "2020/21" in years
    tab.year_combo.activated.emit(tab.year_combo.findData(2026))
    assert tab.year_combo.currentData() == 2026
    click_indicator(tab, qtbot, "All crime")
    type_in_cell(tab, qtbot, "2026/27", 0, "1234")
    assert tab.save_figures()
    assert stored(demo_window.session.store, "2026-04") == 1234
    type_in_cell(tab, qtbot, "2026/27", 9, "999")  # Jan-27: not begun
    assert not tab.save_figures()
    assert "Jan-27 has not begun yet" in tab.presenter.figures.message("value", 9)
    tab.presenter.figures.discard()


def test_a_figure_still_being_typed_when_another_file_opens_is_asked_about_and_saved(demo_window, tab, qtbot,
                                                                                     prompts, tmp_path):
    """The figure was in the cell's editor, not yet in the grid: opening another file asked about nothing and the
    editor, closing with the file, sent it to a closed file. It is now put in the grid first and asked about."""
    from safer_desk.services.files import open_office_file

    first = demo_window.session.store.path
    row = [tab.grid.verticalHeaderItem(r).text() for r in range(tab.grid.rowCount())].index("2016/17")
    rect = tab.grid.visualItemRect(tab.grid.item(row, 8))
    qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not tab.grid, "the cell did not open for typing"
    editor.selectAll()
    qtbot.keyClicks(editor, "1480")  # no Enter: the editor is still open
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    assert demo_window.open_path(tmp_path / "other.sqlite", create=True)
    assert prompts.unsaved_questions[-1][1] == (
        "Figures of All crime for Plymouth, 2016/17 have unsaved changes in Dec-16.")
    store = open_office_file(first, read_only=True).store
    try:
        assert stored(store, "2016-12") == 1480
    finally:
        store.close()


def test_ctrl_s_while_a_figure_is_still_being_typed_saves_it(demo_window, tab, qtbot, prompts):
    """Ctrl+S with the figure still in the cell's editor said "Nothing to save" and saved nothing."""
    row = [tab.grid.verticalHeaderItem(r).text() for r in range(tab.grid.rowCount())].index("2016/17")
    rect = tab.grid.visualItemRect(tab.grid.item(row, 8))  # Dec-16, empty
    qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClicks(tab.grid, "1")  # typing on a cell opens it, as in a spreadsheet
    editor = QApplication.focusWidget()
    assert editor is not tab.grid, "the cell did not open for typing"
    qtbot.keyClicks(editor, "500")  # no Enter: the editor is still open
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_window.session.store, "2016-12") == 1500
    assert demo_window.statusBar().currentMessage() == "Saved."
    assert not demo_window.isWindowModified() and not demo_window.has_unsaved_changes()
    assert tab.grid.item(row, 8).text() == "1,500"
    assert demo_window.undo_action.text() == "&Undo change Dec 2016 of All crime for Plymouth, 2016/17 to 1,500"


def test_discard_typed_asks_first_and_cancel_keeps_the_figure(demo_window, tab, qtbot, prompts):
    """Session 69: Discard Typed threw 1480 away at once, and Edit > Undo could not bring it back."""
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    prompts.answers[:] = [False]
    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    assert prompts.questions == [("Discard Typed Figures", "Figures of All crime for Plymouth, 2016/17 have unsaved "
                                  "changes in Dec-16. Discard them? Edit > Undo cannot bring them back.")]
    assert tab.grid.item(0, 8).text() == "1480" and demo_window.isWindowModified()
    prompts.answers[:] = [True]
    [action] = [a for a in tab.grid.context_menu().actions() if a.text() == "&Discard Typed Figures"]
    action.trigger()
    assert len(prompts.questions) == 2
    assert tab.grid.item(0, 8).text() == "" and not demo_window.isWindowModified()
