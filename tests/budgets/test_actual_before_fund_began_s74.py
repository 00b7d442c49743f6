"""A line linked to a pooled fund, in a year before the fund began (seed 002: Western Suffolk's target hardening,
2017/18; the Suffolk pilot began in April 2018). Its actual was blank in the report's "actual" row and said nothing
in the grid's tip, which reads as a figure missing; it is now "—" with the words "not started", alike in the window,
the report and the command line's notes."""

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.report import build_report

LINE = "Target Hardening for High Risk DV Victims"
NOT_STARTED = "“—” (not started) in 2017/18: Suffolk Target Hardening Pilot began in April 2018"


def _row(view):
    return next(r for r in view.rows if r.kind == "line" and r.label == LINE)


def test_the_plans_view_says_the_year_before_the_fund_began_is_not_started(demo_store):
    row = _row(budgets.plan_view(demo_store, budgets.plan_id_by_name(demo_store, demo.IMPLICATIONS)))
    assert [a.text for a in row.actuals] == ["—", "£4,000", ""]
    assert row.actuals[0].pence is None
    assert NOT_STARTED in row.actuals_note


def test_the_reports_actual_row_shows_the_dash_and_says_why(demo_store):
    section = next(s for s in build_report(demo_store, year="2018/19").sections if s.title == "Budgets and plans")
    [table] = section.tables
    actual = next(r for r in table.rows if r[0].startswith("    actual: Fund Suffolk Target Hardening Pilot"))
    assert actual[1:] == ["—", "£4,000.00", "", "£4,000.00"]
    assert NOT_STARTED in table.note


def test_the_grids_tip_says_not_started(demo_store, qtbot):
    from safer_desk.ui.budgets.tab import _cell_tip

    tab = BudgetsPresenter(demo_store, read_only=True)
    tab.reload()
    tab.select(budgets.plan_id_by_name(demo_store, demo.IMPLICATIONS))
    row = next(r for r in tab.rows if r.label == LINE)
    assert row.cells[0].actual.startswith("—")
    tip = _cell_tip(row, 0)
    assert "Actually (what the line is linked to shows): — (not started)" in tip


def test_the_command_line_notes_say_not_started(demo_path, capsys):
    from safer_desk.cli import main

    assert main(["budget", "--actuals", str(demo_path), demo.IMPLICATIONS]) == 0
    err = capsys.readouterr().err
    assert NOT_STARTED in err
