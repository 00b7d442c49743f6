"""A plan's lines copied from the Budgets grid (Ctrl+C: whole rows, with the grid's heading row of Line, the years,
each Change to in £ and %, and Total) and pasted into another plan's lines were refused, with words that did not fit:
"4 rows were copied, but … the section has only 3 lines" (the heading row counted as a line), or "The row copied as
“Line” would go on the line …". The grid cannot copy without its heading, so a plan's figures could not be carried from
one plan to another at all. Now the grid's own rows paste by their headings: each figure goes in its year (named on
the plan pasted into, by its label or its financial year), on the line of its name; the Change to, Total and Not in
the figures columns, worked out, are left out; a year the plan has no column for is refused, naming it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QGuiApplication

from safer_desk.services import budgets as svc

NAMES = ["Domestic Homicide Reviews (DHRs)", "Target Hardening for High Risk DV Victims",
         "E-CINS/Athena Partnership Platform"]


def _copy_western_suffolk_lines(tab) -> str:
    """Western Suffolk's three lines chosen and copied as Ctrl+C copies them."""
    tab.plan_list.setCurrentRow(next(i for i in range(tab.plan_list.count())
                                     if "Western Suffolk" in tab.plan_list.item(i).text()))
    model, rows = tab.model, [r for r, row in enumerate(tab.presenter.rows) if row.kind == "line"]
    chosen = QItemSelection(model.index(rows[0], 0), model.index(rows[-1], model.columnCount() - 1))
    tab.view.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert tab.copy_selection()
    return QGuiApplication.clipboard().text()


def _new_plan(tab, years: str) -> None:
    p = tab.presenter
    assert p.new_plan("Western Suffolk 2019/20 plan", years), p.error
    assert p.add_section("Items")
    assert p.add_line(p.added_section, "\n".join(NAMES)), p.error


def _figures(tab) -> dict[str, list[str]]:
    return {r.label: [c.text for c in r.cells] for r in tab.presenter.rows if r.kind == "line"}


def _paste_on(tab, line: int, column: int) -> bool:
    rows = [r for r, row in enumerate(tab.presenter.rows) if row.kind == "line"]
    tab.view.setCurrentIndex(tab.model.index(rows[line], column))
    tab.view.paste_rows()
    return not tab.presenter.error


def test_lines_copied_from_the_grid_paste_into_another_plan_by_their_years(tab, demo_window):
    copied = _copy_western_suffolk_lines(tab)
    assert copied.startswith("Line\tNot in the figures\t2017/18\t2018/19\tChange to 2018/19\t")  # as the grid copies
    _new_plan(tab, "2017/18, 2018/19, 2019/20")
    assert _paste_on(tab, 0, 0), tab.presenter.error  # on the first line's name
    assert _figures(tab) == {NAMES[0]: ["£7,525.58", "TBC", "N/K"],
                             NAMES[1]: ["£0", "£4,000", "N/K"],
                             NAMES[2]: ["£5,000", "£5,000", "N/K"]}
    demo_window.undo_action.trigger()  # one step
    assert all(texts == ["", "", ""] for texts in _figures(tab).values())
    assert _paste_on(tab, 0, tab.model.year_columns[1]), tab.presenter.error  # on a figure of the line: by year too
    assert _figures(tab)[NAMES[0]] == ["£7,525.58", "TBC", "N/K"]


def test_years_go_by_their_financial_year_whatever_the_headings(tab):
    _copy_western_suffolk_lines(tab)
    _new_plan(tab, "2016/17 Budget, 2017/18 Budget, 2018/19 Budget, 2019/20 Budget")
    assert _paste_on(tab, 0, 0), tab.presenter.error
    assert _figures(tab)[NAMES[2]] == ["", "£5,000", "£5,000", "N/K"]  # 2016/17 untouched


def test_a_year_the_plan_has_not_is_refused_naming_it(tab):
    _copy_western_suffolk_lines(tab)
    _new_plan(tab, "2018/19, 2019/20, 2020/21")
    assert not _paste_on(tab, 0, 0)
    said = tab.presenter.error
    assert "2017/18" in said and "nothing was pasted" in said.lower() and "Add year" in said
    assert "rows were copied" not in said and "“Line”" not in said
    assert all(texts == ["", "", ""] for texts in _figures(tab).values())


def test_rows_pasted_on_other_lines_are_refused_by_their_names(tab):
    _copy_western_suffolk_lines(tab)
    _new_plan(tab, "2017/18, 2018/19, 2019/20")
    p = tab.presenter
    assert p.add_line(p.added_section, "Mediation")
    assert not _paste_on(tab, 1, 0)  # from the second line down: the names do not match
    assert "would go on the line" in p.error and "“Line”" not in p.error


def test_the_grid_copies_pounds_and_a_plan_in_thousands_takes_them_as_pounds(tab):
    """The grid copies plain pounds in every plan (Excel adds them): pasted into a plan in £'000 they are pounds still,
    not thousands (5000 read as £5 million)."""
    _copy_western_suffolk_lines(tab)
    _new_plan(tab, "2017/18, 2018/19, 2019/20")
    p = tab.presenter
    svc.update_plan(p.store, p.selected, unit="thousand")
    p.reload()
    assert _paste_on(tab, 0, 0), p.error
    assert _figures(tab) == {NAMES[0]: ["7.52558", "TBC", "N/K"], NAMES[1]: ["0", "4", "N/K"],
                             NAMES[2]: ["5", "5", "N/K"]}
    assert [r.cells[0].pence for r in p.rows if r.kind == "line"] == [752_558, 0, 500_000]
