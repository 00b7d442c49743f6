"""The Budgets tab, round 33 (second look sl2): the block paste tried as an officer used to Excel would.

1. Lines chosen top to bottom (a click on the first, Shift+click or Shift+Down to the last: the current cell ends on the
   last) and a block pasted went in from the LAST chosen line, not the first as Excel pastes into a chosen range: the
   MTFP's first two lines' figures landed one line down, on the wrong lines, without a word. A block goes in from the
   first of the chosen lines.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from tests.budgets.test_budgets_round32bud import _plan_in_file, excel


def _open(window, tmp_path, qtbot):
    path = tmp_path / "mtfp.sqlite"
    plan_id = _plan_in_file(path)
    assert window.open_path(path)
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(plan_id)
    return tab


def _grid_row(tab, label):
    return next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == label)


def _shown(tab, label):
    return [tab.model.index(_grid_row(tab, label), c).data() for c in tab.model.year_columns]


def test_a_block_pasted_over_lines_chosen_top_to_bottom_goes_in_from_the_first(window, tmp_path, qtbot):
    tab = _open(window, tmp_path, qtbot)
    view, first = tab.view, tab.model.year_columns[0]
    view.setCurrentIndex(tab.model.index(_grid_row(tab, "Employees"), first))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # Employees and Transport chosen
    assert view.currentIndex().row() == _grid_row(tab, "Transport")
    QGuiApplication.clipboard().setText(excel([("327,800", "384,300"), ("5,000", "5,000")]))
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.presenter.error == ""
    assert _shown(tab, "Employees") == ["£327,800", "£384,300", "", ""]
    assert _shown(tab, "Transport") == ["£5,000", "£5,000", "", ""]
    assert _shown(tab, "Supplies and Services") == ["", "", "", ""]


def test_a_block_pasted_over_lines_chosen_bottom_to_top_goes_in_from_the_first(window, tmp_path, qtbot):
    tab = _open(window, tmp_path, qtbot)
    view, first = tab.view, tab.model.year_columns[0]
    view.setCurrentIndex(tab.model.index(_grid_row(tab, "Transport"), first))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    QGuiApplication.clipboard().setText(excel([("1", "2"), ("3", "4")]))
    window.paste_action.trigger()
    assert tab.presenter.error == ""
    assert _shown(tab, "Employees") == ["£1", "£2", "", ""]
    assert _shown(tab, "Transport") == ["£3", "£4", "", ""]


def test_a_block_pasted_with_another_line_chosen_apart_goes_in_from_the_current_line(window, tmp_path, qtbot):
    tab = _open(window, tmp_path, qtbot)
    view, first = tab.view, tab.model.year_columns[0]
    view.setCurrentIndex(tab.model.index(_grid_row(tab, "Transport"), first))
    view.selectionModel().select(tab.model.index(_grid_row(tab, "Support Services"), 0),
                                 QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QGuiApplication.clipboard().setText(excel([("1", "2")]))
    window.paste_action.trigger()
    assert tab.presenter.error == ""
    assert _shown(tab, "Transport") == ["£1", "£2", "", ""]


# -- 2. a block copied with the paper's heading row -------------------------------------------------------------------

def _presenter(store):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.budgets import BudgetsPresenter
    from tests.budgets.test_budgets_round32bud import COMMUNITY_SAFETY, YEARS

    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", ", ".join(YEARS))
    assert p.add_section("Community Safety", "expenditure"), p.error
    for label, *_ in COMMUNITY_SAFETY:
        assert p.add_line(p.added_section, label), p.error
    return p, next(i for i, r in enumerate(p.rows) if r.label == "Employees")


def test_a_block_copied_with_its_years_heading_is_refused_naming_the_heading(store):
    p, employees = _presenter(store)
    block = [["2011/12", "2012/13", "2013/14", "2014/15"], ["327,800", "384,300", "393,200", "393,200"]]
    assert not p.paste_block(employees, 0, block)
    assert p.error == ("The first row copied is the plan's years (2011/12 – 2014/15), not figures: nothing was "
                       "pasted. Copy the lines' figures without the heading row, and paste again."), p.error


def test_rows_copied_with_their_names_and_the_heading_paste_by_their_years(store):
    """Refused once as the heading row; since session 72 the paper's rows with its heading row paste as the grid's
    own rows do, each figure in its year (test_paper_rows_with_changes_s72)."""
    p, employees = _presenter(store)
    block = [["", "2012/13", "2013/14"], ["Employees", "327,800", "384,300"]]
    assert p.paste_block(employees, None, block, with_names=True), p.error
    assert [c.text for c in next(r for r in p.rows if r.label == "Employees").cells] == [
        "", "£327,800", "£384,300", ""]
