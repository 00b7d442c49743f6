"""The Budgets tab, round 38 (bdx): tried as a partnership's finance officer would, bad input too.

1. A file open read-only (another copy open, or a county file opened read-only) refused every change but a paste
   without a word: a line's name typed and Enter, a section's, a new plan's years and Enter, Del on a line's name or
   on a figure did nothing, and nothing said why. Each now says the file is open read-only and what was not done.
2. A line's figures copied from the paper's sheet with its Total column ("327,800  384,300  393,200  393,200
   1,498,500") were refused, when wider than the plan's years, advising to add the years first (Add year…), which
   put the line's total in a year of its own; narrower than the years left (a 2011/12 – 2013/14 table and its Total
   pasted on a plan with 2014/15 too), the total went into 2014/15 without a word, and the plan total with it. A
   last column that adds up the figures before it on every row is said to be the paper's Total column: asked about
   once (pasted again, kept) when it fits, and the refusal of one that does not fit says so.
3. `safer-desk budget FILE ""` said "there is no plan called “”": an empty PLAN is said as such.
4. The paper's heading row of years copied from Excel into Years ("2011/12<tab>2012/13<tab>…", or a column of them)
   was refused as one heading naming four years. The years are read from the cells copied, as from commas.
5. Names copied from Excel went in with their tabs and line ends: the paper's column of line names pasted into Line
   made one line called "Transport / Supplies and Services / Third Party Payments" (three rows in one), a row copied
   with its figures a line called "Grants<tab>20,000<tab>25,000", and a plan renamed across two lines. A column of
   names pasted into Line adds each as a line, as one step of Edit > Undo (all or none); a name holding a tab or a
   line end anywhere else is refused, saying how to copy it.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services.demo_data import budgets as demo
from tests.budgets.test_budgets_round32bud import COMMUNITY_SAFETY, _figures, _plan, _row, excel
from tests.budgets.conftest import choose_mtfp, mtfp
from tests.cli_run import run

READ_ONLY = "The file is open read-only"


# -- 1. a read-only file refuses with words -------------------------------------------------------------------------

def _read_only(demo_store):
    p = BudgetsPresenter(demo_store, perform=ActionLog(), read_only=True)
    p.reload()
    return mtfp(p)


def test_every_change_to_a_read_only_file_says_why_it_was_not_made(demo_store):
    p = _read_only(demo_store)
    line = next(r for r in p.rows if r.kind == "line")
    section = next(r for r in p.rows if r.kind == "section")
    other = next(r for r in p.rows if r.kind == "section" and r.section_id != line.section_id)
    total = next(r for r in p.rows if r.kind == "total")
    before = [r.cells for r in p.rows]
    changes = {
        "new plan": lambda: p.new_plan("Reserves plan", "2020/21"),
        "add section": lambda: p.add_section("Reserves"),
        "add line": lambda: p.add_line(line.section_id, "Contingency"),
        "set cell": lambda: p.set_cell(line.line_id, p.columns[0], "£5,000"),
        "clear cell": lambda: p.set_cell(line.line_id, p.columns[0], ""),
        "printed total": lambda: p.set_printed_total(total, p.columns[0], "£1"),
        "printed change": lambda: p.set_printed_change(line, p.columns[1], "5"),
        "add year": lambda: p.add_year("2015/16"),
        "remove year": lambda: p.remove_year(0),
        "rename": lambda: p.rename(line, "Staff"),
        "section kind": lambda: p.set_section_kind(section, "income"),
        "move line": lambda: p.move_line_to_section(line, other.section_id),
        "delete line": lambda: p.delete_row(line),
        "rename plan": lambda: p.rename_plan("Another name"),
        "delete plan": lambda: p.delete_plan(),
    }
    for what, change in changes.items():
        p.error = ""
        assert not change(), what
        assert p.error.startswith(READ_ONLY), (what, p.error)
    assert p.perform.done == []
    assert [r.cells for r in p.rows] == before


def test_enter_and_del_in_a_read_only_tab_say_why_nothing_changed(qtbot, window, demo_path):
    assert window.open_path(demo_path, read_only=True)
    window.resize(1280, 800)
    window.show()
    tab = choose_mtfp(window.show_tab("budgets"))
    shown = tab.model.index(1, tab.model.year_columns[0]).data()
    for field, text in ((tab.line_label, "Contingency"), (tab.section_name, "Reserves"), (tab.plan_years, "2020/21")):
        tab.presenter.error = ""
        tab.message.setText("")
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert not tab.message.isHidden() and tab.message.text().startswith(READ_ONLY), field.accessibleName()
    for column in (0, tab.model.year_columns[0]):  # a line's name, then its figure
        tab.message.setText("")
        tab.view.setCurrentIndex(tab.model.index(1, column))
        tab.view.setFocus()
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
        assert tab.message.text().startswith(READ_ONLY), column
    assert tab.model.index(1, 0).data() == "Employees"
    assert tab.model.index(1, tab.model.year_columns[0]).data() == shown
    assert window.session.undo_stack.count() == 0


# -- 2. the paper's Total column copied with the years ---------------------------------------------------------------

def _with_total_column(rows, years=4):
    out = []
    for row in rows:
        figures = [int(f.replace(",", "")) for f in row[1:years + 1]]
        out.append([*row[1:years + 1], f"{sum(figures):,}"])
    return out


def test_a_block_wider_than_the_years_by_its_total_column_says_it_is_the_papers_total(store):
    p = _plan(store)
    block = _with_total_column(COMMUNITY_SAFETY)
    assert block[0] == ["327,800", "384,300", "393,200", "393,200", "1,498,500"]
    assert not p.paste_block(_row(p, "Employees"), 0, block)
    assert "Total column" in p.error and "Nothing was pasted" in p.error, p.error
    assert "Add year" not in p.error
    assert _figures(p, "Employees") == ["", "", "", ""]
    # Without it, the years paste.
    assert p.paste_block(_row(p, "Employees"), 0, [r[:-1] for r in block]), p.error


def test_a_total_column_that_fits_in_the_years_left_is_asked_about_once(store):
    p = _plan(store)
    block = _with_total_column(COMMUNITY_SAFETY, years=3)  # 2011/12 – 2013/14 and the paper's total of the three
    steps = len(p.perform.done)
    assert not p.paste_block(_row(p, "Employees"), 0, block)
    assert "Total column" in p.error and "2014/15" in p.error and "Paste the same cells again to keep it" in p.error
    assert _figures(p, "Employees") == ["", "", "", ""]
    assert len(p.perform.done) == steps
    assert p.paste_block(_row(p, "Employees"), 0, block), p.error  # pasted again: kept, as the officer chose
    assert _figures(p, "Employees") == ["£327,800", "£384,300", "£393,200", "£1,105,300"]


def test_figures_that_only_look_like_a_total_column_in_some_rows_are_not_asked_about(store):
    p = _plan(store)
    block = [["1,000", "2,000", "3,000"], ["500", "500", "700"]]  # the first row adds up; the second does not
    assert p.paste_block(_row(p, "Employees"), 0, block), p.error
    assert p.error == ""
    nil_row = [["0", "0", "0"]]  # nothing but nil and £0 adds up to nothing worth asking about
    assert p.paste_block(_row(p, "Transport"), 0, nil_row), p.error


def test_a_total_column_copied_in_the_window_is_said_beside_the_grid(qtbot, empty_tab):
    tab = empty_tab
    p = tab.presenter
    assert p.new_plan("MTFP", "2011/12, 2012/13, 2013/14, 2014/15")
    assert p.add_section("Community Safety")
    assert p.add_line(p.added_section, "Employees")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Employees")
    tab.view.setCurrentIndex(tab.model.index(row, tab.model.year_columns[0]))
    tab.view.setFocus()
    QGuiApplication.clipboard().setText(excel([["327,800", "384,300", "393,200", "393,200", "1,498,500"]]))
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not tab.message.isHidden() and "Total column" in tab.message.text()
    assert tab.model.index(row, tab.model.year_columns[0]).data() == ""


# -- 3. the command line's empty PLAN --------------------------------------------------------------------------------

def test_an_empty_plan_name_on_the_command_line_is_said_as_such(demo_path, capsys):
    code, out, err = run(capsys, "budget", demo_path, "  ")
    assert code == 1 and out == ""
    assert "no plan called" not in err and "empty" in err and demo.MTFP in err, err
    code, out, _ = run(capsys, "budget", demo_path)
    assert code == 0 and len(list(csv.reader(io.StringIO(out)))) > 100



# -- 4. the years copied from the paper's heading row ---------------------------------------------------------------

def test_years_copied_from_excels_heading_row_make_the_plans_columns(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", "2011/12\t2012/13\t2013/14\t2014/15\r\n"), p.error
    assert p.columns == ["2011/12", "2012/13", "2013/14", "2014/15"]
    assert p.new_plan("Implications", "2017/18\r\n2018/19\r\n2019/20\r\n"), p.error  # a column of them
    assert p.columns == ["2017/18", "2018/19", "2019/20"]
    assert p.new_plan("Unit costs", "East Sussex 2009/10\tBenchmark 2009/10\t"), p.error
    assert p.columns == ["East Sussex 2009/10", "Benchmark 2009/10"]


def test_years_pasted_in_the_window_make_the_plan(qtbot, empty_tab):
    tab = empty_tab
    qtbot.keyClicks(tab.plan_name, "MTFP")
    QGuiApplication.clipboard().setText("2011/12\t2012/13\t2013/14\t2014/15\r\n")
    tab.plan_years.setFocus()
    qtbot.keyClick(tab.plan_years, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.plan_years, Qt.Key.Key_Return)
    assert tab.message.text() == ""
    assert [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in tab.model.year_columns] == [
        "2011/12", "2012/13", "2013/14", "2014/15"]


# -- 5. names copied from Excel -------------------------------------------------------------------------------------

def _section(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", "2011/12, 2012/13")
    assert p.add_section("Community Safety")
    return p


def _labels(p):
    return [r.label for r in p.rows if r.kind == "line"]


def test_a_column_of_line_names_pasted_into_line_adds_each_as_one_step(store):
    p = _section(store)
    names = "".join(f"{name}\r\n" for name, *_ in COMMUNITY_SAFETY)
    steps = len(p.perform.done)
    assert p.add_line(p.added_section, names), p.error
    assert _labels(p) == [name for name, *_ in COMMUNITY_SAFETY]
    assert len(p.perform.done) == steps + 1
    assert p.perform.undo_text == "Undo add 5 lines Employees – Support Services in plan MTFP"
    p.perform.undo()
    assert _labels(p) == []
    p.perform.redo()
    assert _labels(p) == [name for name, *_ in COMMUNITY_SAFETY]


def test_lines_pasted_with_one_refused_add_none(store):
    p = _section(store)
    assert p.add_line(p.added_section, "Transport")
    steps = len(p.perform.done)
    assert not p.add_line(p.added_section, "Employees\r\nTRANSPORT\r\nSupport Services\r\n")
    assert "Transport" in p.error and "Nothing was added" in p.error, p.error
    assert _labels(p) == ["Transport"] and len(p.perform.done) == steps


def test_names_holding_a_tab_or_a_line_end_are_refused_saying_how_to_copy_them(store):
    p = _section(store)
    assert p.add_line(p.added_section, "Employees\t\r\n"), p.error  # a trailing tab and line end go
    assert _labels(p) == ["Employees"]
    assert not p.add_line(p.added_section, "Grants\t20,000\t25,000\r\n")
    assert "figures" in p.error and _labels(p) == ["Employees"], p.error
    employees = next(r for r in p.rows if r.label == "Employees")
    for change in (lambda: p.rename(employees, "Staff\tcosts"), lambda: p.add_section("Income\r\nSavings"),
                   lambda: p.rename_plan("MTFP\r\n2011/12"), lambda: p.new_plan("A\tB", "2011/12")):
        p.error = ""
        assert not change()
        assert "copied" in p.error, p.error
    assert _labels(p) == ["Employees"] and [plan.name for plan in p.plans] == ["MTFP"]


def test_a_column_of_names_pasted_into_line_in_the_window(qtbot, empty_tab):
    tab = empty_tab
    p = tab.presenter
    assert p.new_plan("MTFP", "2011/12, 2012/13")
    assert p.add_section("Community Safety")
    QGuiApplication.clipboard().setText("Employees\r\nTransport\r\n")
    tab.line_label.setFocus()
    qtbot.keyClick(tab.line_label, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.line_label, Qt.Key.Key_Return)
    assert tab.message.text() == "" and tab.line_label.text() == ""
    assert [tab.model.index(r, 0).data() for r in range(1, 3)] == ["Employees", "Transport"]
    window = tab.window()
    window.undo_action.trigger()
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == ["Community Safety", "Total"]
