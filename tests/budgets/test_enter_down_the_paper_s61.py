"""Session 61: Enter typed down a paper's column, its printed total among its lines.

Keying seed 004's MTFP down its 2011/12 column (Employees, Transport, … then Total Expenditure as printed, then the
LAA Reward Grant), the printed total typed over the worked-out subtotal and Enter chose the "(as printed)" row that
figure had just made: the next figure, the grant's £20,000, went over the printed total (its £332,800 lost, and
£20,000 flagged as the paper's total) instead of on the grant's line. Enter from a figure now goes to the next row of
the paper below it, past the "(as printed)" row and the next section's heading; one with nothing to type in
(a section's heading) is passed over as it is by Tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.budgets.test_grid_keys_round22 import current, editing_done, f2_on


def _plan(tab) -> None:
    p = tab.presenter
    assert p.new_plan("East Sussex MTFP (typed)", "2011/12, 2012/13")
    assert p.add_section("Community Safety", "expenditure")
    assert p.add_line(p.sections()[0][0], "Employees\nTransport")
    assert p.add_section("Income and grants", "income")
    assert p.add_line(p.sections()[1][0], "LAA Reward Grant\nUnderspend Brought Forward")


def _type_down(qtbot, tab, start_row: int, figures: list[str]) -> None:
    """F2 on the first cell, then each figure typed and Enter, as the officer goes down the paper's column."""
    editor = f2_on(qtbot, tab, start_row, tab.model.year_columns[0])
    for i, text in enumerate(figures):
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        editing_done(qtbot, tab)
        if i + 1 < len(figures):
            tab.view.edit(tab.view.currentIndex())
            editor = tab.view.indexWidget(tab.view.currentIndex())
            assert editor is not None, current(tab)


def test_enter_after_a_printed_total_goes_to_the_next_sections_first_line(qtbot, empty_tab):
    tab = empty_tab
    _plan(tab)
    employees = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == "Employees")
    _type_down(qtbot, tab, employees, ["327,800", "5,000", "332,800"])
    assert current(tab) == ("LAA Reward Grant", "2011/12")
    _type_down(qtbot, tab, tab.view.currentIndex().row(), ["20,000", "21,100"])
    lines = {r.label: r.cells[0].text for r in tab.presenter.rows if r.cells}
    assert lines["LAA Reward Grant"] == "£20,000" and lines["Underspend Brought Forward"] == "£21,100"
    assert lines["Community Safety: subtotal (as printed)"] == "£332,800"
    assert tab.presenter.warnings() == ()


def test_enter_on_a_sections_last_line_with_no_subtotal_passes_the_next_heading(qtbot, empty_tab):
    tab = empty_tab
    p = tab.presenter
    assert p.new_plan("One-line sections", "2011/12")
    assert p.add_section("Savings", "savings")
    assert p.add_line(p.sections()[0][0], "Savings to be identified")
    assert p.add_section("Drugs and alcohol", "expenditure")
    assert p.add_line(p.sections()[1][0], "MARAC Support")
    savings = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == "Savings to be identified")
    _type_down(qtbot, tab, savings, ["0", "15,000"])
    assert {r.label: r.cells[0].text for r in p.rows if r.kind == "line"} == {
        "Savings to be identified": "£0", "MARAC Support": "£15,000"}
