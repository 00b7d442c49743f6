"""Budgets, round 36 (ucs): Edit > Undo (Ctrl+Z) and Redo (Ctrl+Y) choose the cell they changed.

A figure typed, then another cell (or another plan) chosen, then Ctrl+Z: the figure came back, but the cell stayed
where it was (in another plan, the plan in view stayed too), so the officer could not see what had changed. The
Projects register and the Costs pages choose the row undone; now the Budgets grid chooses the cell undone, in its plan.
"""

from __future__ import annotations

from PySide6.QtCore import Qt


def _tab(window, demo_path):
    assert window.open_path(demo_path)
    window.resize(1280, 800)
    window.show()
    return window.show_tab("budgets")


def _choose_plan(tab, words: str) -> None:
    for i in range(tab.plan_list.count()):
        if words in tab.plan_list.item(i).text():
            tab.plan_list.setCurrentRow(i)
            return
    raise AssertionError(words)


def _cell(tab, label: str, year: str):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == label)
    column = next(c for c in tab.model.year_columns if tab.model.headerData(c, Qt.Orientation.Horizontal) == year)
    return tab.model.index(row, column)


def _chosen(tab) -> tuple:
    at = tab.view.currentIndex()
    return (tab.plan_list.currentItem().text(), tab.model.index(at.row(), 0).data(),
            tab.model.headerData(at.column(), Qt.Orientation.Horizontal))


def _type_in(tab, row: int, year_at: int, text: str) -> tuple:
    """Type ``text`` in Western Suffolk's cell: (the plan's name in the list, the line, the year, what it held)."""
    _choose_plan(tab, "Western Suffolk")
    plan = tab.plan_list.currentItem().text()
    index = tab.model.index(row, tab.model.year_columns[year_at])
    label, was = tab.model.index(row, 0).data(), index.data()
    year = tab.model.headerData(index.column(), Qt.Orientation.Horizontal)
    tab.view.setCurrentIndex(index)
    assert tab.model.setData(index, text)
    return plan, label, year, was


def test_undo_and_redo_of_a_figure_choose_its_cell(demo_path, window, qtbot):
    tab = _tab(window, demo_path)
    plan, label, year, was = _type_in(tab, 1, 0, "£12,345")
    assert _cell(tab, label, year).data() == "£12,345"
    elsewhere = tab.model.index(tab.model.rowCount() - 1, tab.model.year_columns[-1])
    tab.view.setCurrentIndex(elsewhere)  # the officer looks elsewhere, then presses Ctrl+Z
    window.undo_action.trigger()
    assert _cell(tab, label, year).data() == was
    assert _chosen(tab) == (plan, label, year)
    tab.view.setCurrentIndex(elsewhere)
    window.redo_action.trigger()
    assert _cell(tab, label, year).data() == "£12,345"
    assert _chosen(tab) == (plan, label, year)
    assert tab.view.selectionModel().isSelected(tab.view.currentIndex())  # highlighted, not only the focus frame


def test_undo_of_a_figure_in_another_plan_shows_that_plan_with_the_cell_chosen(demo_path, window, qtbot):
    tab = _tab(window, demo_path)
    plan, label, year, was = _type_in(tab, 2, 1, "TBC")
    _choose_plan(tab, "MTFP")
    assert "MTFP" in tab.presenter.view.plan.name
    window.undo_action.trigger()
    assert tab.presenter.view.plan.name in plan
    assert _cell(tab, label, year).data() == was
    assert _chosen(tab) == (plan, label, year)


def test_undo_of_a_line_deleted_chooses_its_name_and_a_block_pasted_chooses_the_block(demo_path, window, qtbot,
                                                                                       prompts):
    tab = _tab(window, demo_path)
    _choose_plan(tab, "Western Suffolk")
    row = next(r for r in range(tab.model.rowCount()) if tab.presenter.rows[r].kind == "line")
    label = tab.model.index(row, 0).data()
    tab.view.setCurrentIndex(tab.model.index(row, 0))
    prompts.answers.append(True)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert label not in [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    window.undo_action.trigger()
    assert _chosen(tab)[1] == label and tab.view.currentIndex().column() == 0
    # Two figures pasted along a line: undone, both are chosen (the block, as Excel keeps it), the first current.
    years = tab.model.year_columns
    tab.view.setCurrentIndex(tab.model.index(row, years[0]))
    from PySide6.QtGui import QGuiApplication
    QGuiApplication.clipboard().setText("1,000\t2,000\r\n3,000\t4,000\r\n")
    tab.view.paste_rows()
    assert tab.model.index(row, years[1]).data() == "£2,000", tab.message.text()
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    window.undo_action.trigger()
    chosen = {(i.row(), i.column()) for i in tab.view.selectionModel().selectedIndexes()}
    assert chosen == {(r, c) for r in (row, row + 1) for c in years[:2]}
    assert (tab.view.currentIndex().row(), tab.view.currentIndex().column()) == (row, years[0])
