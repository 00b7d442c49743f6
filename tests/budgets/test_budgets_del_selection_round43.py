"""Budgets, round 43 (bx3): Del with several lines chosen.

Several lines chosen in the plan grid (Shift+Down from a figure) and Del emptied the one cell in view; the other
chosen lines kept their figures, unsaid. Now Del empties what the chosen rows hold that the paper states (each
line's figures, a printed total), as one step of Edit > Undo; worked-out figures and the names stay.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    names = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(names) if "Western Suffolk" in n))
    return tab


def _row(tab, label: str) -> int:
    return next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == label)


def _figures(tab, label: str) -> list[str]:
    row = tab.model.row(_row(tab, label))
    return [c.text for c in row.cells]


FIRST, SECOND, THIRD = ("Target Hardening for High Risk DV Victims", "E-CINS/Athena Partnership Platform",
                        "Domestic Homicide Reviews (DHRs)")


def test_del_with_two_lines_chosen_empties_both_as_one_undo_step(qtbot, tab, demo_window):
    before = {label: _figures(tab, label) for label in (FIRST, SECOND, THIRD)}
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(_row(tab, FIRST), tab.model.year_columns[1]))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert {i.row() for i in tab.view.selectionModel().selectedIndexes()} == {_row(tab, FIRST), _row(tab, SECOND)}
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert _figures(tab, FIRST) == ["", "", ""]
    assert _figures(tab, SECOND) == ["", "", ""]
    assert _figures(tab, THIRD) == before[THIRD]  # not chosen: as it was
    assert [tab.model.row(r).label for r in range(tab.model.rowCount())].count(FIRST) == 1  # the lines stay
    assert "clear 6 figures" in demo_window.undo_action.text().lower()
    demo_window.undo_action.trigger()  # one step brings every one back
    assert {label: _figures(tab, label) for label in (FIRST, SECOND, THIRD)} == before


def test_del_on_one_chosen_line_still_empties_the_cell_in_view(qtbot, tab):
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(_row(tab, SECOND), tab.model.year_columns[0]))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert _figures(tab, SECOND) == ["", "£5,000 (£2,500 per district)", "N/K"]


def test_del_with_the_total_chosen_too_leaves_its_worked_out_figures(qtbot, tab, demo_window):
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(_row(tab, SECOND), tab.model.year_columns[0]))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert _figures(tab, SECOND) == ["", "", ""]
    total = tab.model.row(_row(tab, "Net Effect"))
    assert total.kind == "total" and total.cells[0].text == "£7,525.58"  # worked out again, not emptied


def test_del_over_a_line_and_the_printed_total_empties_both_and_undo_brings_them_back(qtbot, demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    names = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(names) if "revenue budget" in n))
    before = [(tab.model.row(r).label, [c.text for c in tab.model.row(r).cells]) for r in range(tab.model.rowCount())]
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(_row(tab, "B Income or specific grant"), tab.model.year_columns[2]))
    for _ in range(2):  # down over the worked-out total to the paper's printed one
        qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert _figures(tab, "B Income or specific grant") == [""] * 5
    assert "C = A+B Gross budget (as printed)" not in [tab.model.row(r).label for r in range(tab.model.rowCount())]
    assert _figures(tab, "C = A+B Gross budget") == _figures(tab, "A Budget Net")  # worked out from what is left
    demo_window.undo_action.trigger()
    assert [(tab.model.row(r).label, [c.text for c in tab.model.row(r).cells])
            for r in range(tab.model.rowCount())] == before


def test_a_printed_change_chosen_alone_is_emptied_its_figure_kept(demo_store):
    from safer_desk.presenters.budgets import BudgetsPresenter, CellAt

    p = BudgetsPresenter(demo_store)
    p.reload()
    p.select(next(x.id for x in p.plans if "revenue budget" in x.name))
    a, b = (next(r for r in p.rows if r.label == label) for label in ("A Budget Net", "B Income or specific grant"))
    assert p.clear_cells([CellAt.of(a, "2011/12 Budget", "change"), CellAt.of(b, "2012/13 Budget", "change")])
    a, b = (next(r for r in p.rows if r.label == label) for label in ("A Budget Net", "B Income or specific grant"))
    assert (a.cells[1].text, a.cells[1].stated_change) == ("884", "")
    assert (b.cells[2].text, b.cells[2].stated_change) == ("97", "")


def test_rows_with_nothing_to_empty_say_so(demo_store):
    from safer_desk.presenters.budgets import BudgetsPresenter, CellAt

    p = BudgetsPresenter(demo_store)
    p.reload()
    p.select(next(x.id for x in p.plans if x.name.startswith("Western Suffolk")))
    total = next(r for r in p.rows if r.kind == "total")
    assert not p.clear_cells([CellAt.of(total, column) for column in p.columns])
    assert "Nothing to empty" in p.error
