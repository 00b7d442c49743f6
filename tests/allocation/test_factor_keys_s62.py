"""Session 62 (keys2): in the Allocation's factors table (Factor, Weight), Del and Ctrl+V did nothing and said
nothing, though the inputs table beside takes both. Del now says why a factor's name or weight cannot be emptied (and
how to leave a factor out); Ctrl+V (and Edit > Paste) puts the cells copied from Excel into the factors from the cell
chosen on, as typing them would, one step to undo, a row past the last adding a factor; a cell refused is said and
nothing changes."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.allocation.test_allocation_keys_round40akx import allocation_page

CTRL = Qt.KeyboardModifier.ControlModifier


def _factors(demo_window, qtbot):
    tab = allocation_page(demo_window, qtbot, 0)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    table = tab.factors_table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    return tab, table


def shown(table) -> list[tuple[str, str]]:
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_del_on_a_factor_says_why_it_cannot_be_emptied_and_changes_nothing(demo_window, qtbot, prompts):
    tab, table = _factors(demo_window, qtbot)
    before, steps = shown(table), demo_window.session.undo_stack.count()
    for column, what in ((1, "weight"), (0, "name")):
        table.setCurrentCell(0, column)
        qtbot.keyClick(table, Qt.Key.Key_Delete)
        title, text = prompts.errors[-1]
        assert title == "Allocation" and what in text and before[0][0] in text and "remove" in text.lower(), text
        assert tab.problem_label.text() == f"⚠ {text}"
    assert shown(table) == before and demo_window.session.undo_stack.count() == steps


def test_ctrl_v_pastes_factors_copied_from_excel_as_one_step_to_undo(demo_window, qtbot, prompts):
    tab, table = _factors(demo_window, qtbot)
    before = shown(table)
    QGuiApplication.clipboard().setText("Factor\tWeight\r\nCrime 2008/09\t2\r\nPopulation\t25%\r\n")
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert prompts.errors == []
    assert shown(table) == [("Crime 2008/09", "2"), ("Population", "25")]
    assert tab.inputs_model.headerData(2, Qt.Orientation.Horizontal) == "Crime 2008/09"
    assert demo_window.session.undo_stack.undoText() == "Paste 2 factors"
    demo_window.session.undo_stack.undo()
    assert shown(table) == before


def test_ctrl_v_of_weights_alone_puts_them_in_the_weight_column(demo_window, qtbot, prompts):
    tab, table = _factors(demo_window, qtbot)
    name = shown(table)[0][0]
    QGuiApplication.clipboard().setText("3\r\n")
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert shown(table) == [(name, "3")]


def test_a_refused_cell_is_said_and_nothing_is_pasted(demo_window, qtbot, prompts):
    tab, table = _factors(demo_window, qtbot)
    before, steps = shown(table), demo_window.session.undo_stack.count()
    table.setCurrentCell(0, 0)
    for text, said in (("Crime\tabc\r\n", "“abc” is not a number"), ("Crime\t2\tPopulation\r\n", "“Population”")):
        QGuiApplication.clipboard().setText(text)
        qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
        assert prompts.errors[-1][0] == "Allocation" and said in prompts.errors[-1][1], prompts.errors[-1]
        assert shown(table) == before and demo_window.session.undo_stack.count() == steps
    QGuiApplication.clipboard().setMimeData(QMimeData())
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert "clipboard is empty" in prompts.errors[-1][1]


def test_edit_paste_on_the_factors_pastes_there_too(demo_window, qtbot, prompts):
    tab, table = _factors(demo_window, qtbot)
    QGuiApplication.clipboard().setText("Population\t2\r\n")
    table.setCurrentCell(0, 0)
    rows = tab.inputs_model.rowCount()
    demo_window.paste_action.trigger()
    assert shown(table) == [("Population", "2")] and tab.inputs_model.rowCount() == rows


def test_a_row_pasted_past_the_last_factor_adds_one_with_no_counts_yet():
    from safer_desk.services import allocation_workbench as bench

    state = bench.with_factor_title(bench.with_new_factor(bench.with_new_row(bench.empty_state())), 0, "Crime")
    pasted = bench.with_factors_pasted(state, 0, 0, [["Factor", "Weight"], ["Crime", "3"], ["Population", "1/3"], []])
    assert [(f.title, str(f.weight)) for f in pasted.options.factors] == [("Crime", "3"), ("Population", "1/3")]
    assert list(pasted.partnerships[0].values.values()) == [0, 0]
