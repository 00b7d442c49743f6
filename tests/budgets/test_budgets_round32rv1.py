"""The Budgets tab, round 32 (review rv1): the block paste and the negative-saving question tried as a sceptical
officer would.

1. A block holding two negative savings was asked about the first only ("Underspend Brought Forward, 2011/12 …");
   pasted again as told, the second went in too without a word. Every figure asked about is named in the one
   question.
2. A row copied with a trailing tab (an empty cell after the last figure, as Google Sheets, LibreOffice or a web
   page copy it) emptied the next year's figure, a figure the officer never copied over; the same empty cell was
   left out when the plan had no year for it. Cells beyond the block's last filled column are not pasted.
3. A negative grant kept when asked (or merged so) was asked about again each time its cell was typed in: a note
   added to it, the figure the editor shows put back, the same block pasted again. A cell that holds that very
   amount already is not asked about; a different negative amount still is.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from tests.budgets.test_budgets_round32bud import _figures, _row

YEARS = ("2011/12", "2012/13", "2013/14", "2014/15")


def _plan(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", ", ".join(YEARS))
    for name, kind, lines in (("Community Safety", "expenditure", ("Employees", "Transport")),
                              ("Income and grants", "income", ("LAA Reward Grant", "Underspend Brought Forward"))):
        assert p.add_section(name, kind), p.error
        for label in lines:
            assert p.add_line(p.added_section, label), p.error
    return p


def test_every_negative_grant_in_a_block_is_named_in_the_one_question(store):
    p = _plan(store)
    block = [["20,000", "-25,000", "25,000", "0"], ["21,100", "125,500", "0", "-7"]]
    assert not p.paste_block(_row(p, "LAA Reward Grant"), 0, block)
    assert "LAA Reward Grant, 2012/13" in p.error and "Underspend Brought Forward, 2014/15" in p.error, p.error
    assert p.error.endswith("Asked about as well: Underspend Brought Forward, 2014/15 (“-7”). Paste the same cells "
                            "again to keep them all. Nothing was pasted."), p.error
    assert _figures(p, "LAA Reward Grant") == [""] * 4
    assert p.paste_block(_row(p, "LAA Reward Grant"), 0, block), p.error  # the same again: kept, as told
    assert _figures(p, "Underspend Brought Forward")[3] == "-£7"


def test_a_trailing_empty_cell_copied_after_the_figures_empties_nothing(store):
    p = _plan(store)
    line = p.rows[_row(p, "Transport")].line_id
    assert p.set_cell(line, "2013/14", "5,000")
    assert p.paste_block(_row(p, "Transport"), 0, [["4,000", "4,500", ""]]), p.error
    assert _figures(p, "Transport") == ["£4,000", "£4,500", "£5,000", ""]
    assert p.perform.undo_text == "Undo paste 2 figures into Transport, 2011/12 – 2012/13 in plan MTFP"


def test_an_empty_cell_inside_the_block_still_empties_its_cell(store):
    p = _plan(store)
    for label in ("Employees", "Transport"):
        assert p.set_cell(p.rows[_row(p, label)].line_id, "2013/14", "9")
    assert p.paste_block(_row(p, "Employees"), 0, [["1", "2", "3"], ["4", "5", ""]]), p.error
    assert _figures(p, "Transport") == ["£4", "£5", "", ""]  # the block is three wide: its empty cell empties


def test_a_negative_kept_once_is_not_asked_about_again_when_its_cell_is_typed_in(store):
    p = _plan(store)
    line = p.rows[_row(p, "LAA Reward Grant")].line_id
    assert not p.set_cell(line, "2011/12", "-5")
    assert p.set_cell(line, "2011/12", "-5")  # kept, as asked
    shown = p.rows[_row(p, "LAA Reward Grant")].cells[0].edit_text
    assert p.set_cell(line, "2011/12", shown), p.error  # the editor's text put back as it was
    assert p.set_cell(line, "2011/12", "-£5 (per district)"), p.error  # a note added to it
    assert p.rows[_row(p, "LAA Reward Grant")].cells[0].note == "per district"
    assert p.paste_block(_row(p, "LAA Reward Grant"), 0, [["-5", "20,000"]]), p.error  # the same figure pasted
    assert not p.set_cell(line, "2011/12", "-6")  # another negative amount is asked about
    assert "“-6” is a negative amount" in p.error


def test_ctrl_v_of_a_row_with_a_trailing_tab_and_two_negative_grants_in_the_window(window, tmp_path, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from safer_desk.storage.store import open_store

    path = tmp_path / "mtfp.sqlite"
    store = open_store(path, create=True)
    try:
        p = _plan(store)
        assert p.set_cell(p.rows[_row(p, "LAA Reward Grant")].line_id, "2013/14", "25,000")
        plan_id = p.selected
    finally:
        store.close()
    assert window.open_path(path)
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(plan_id)
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "LAA Reward Grant")
    tab.view.setCurrentIndex(model.index(row, model.year_columns[0]))
    window.activateWindow()
    tab.view.setFocus()
    qtbot.waitUntil(lambda: tab.view.hasFocus() and window.isActiveWindow())
    QGuiApplication.clipboard().setText("-20,000\t-25,000\t\r\n")  # a trailing tab, as a web page copies a row
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.message.isVisible() and "LAA Reward Grant, 2011/12" in tab.message.text()
    assert "Asked about as well: LAA Reward Grant, 2012/13 (“-25,000”)" in tab.message.text()
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # pasted again: kept, both
    shown = [model.index(row, c).data() for c in model.year_columns]
    assert shown == ["-£20,000", "-£25,000", "£25,000", ""], shown
    window.undo_action.trigger()
    assert [model.index(row, c).data() for c in model.year_columns] == ["", "", "£25,000", ""]
