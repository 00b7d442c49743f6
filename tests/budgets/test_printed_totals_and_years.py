"""A coordinator's walk through the Budgets tab: a printed total typed as pounds over a £'000 plan's total was kept as
a thousand times the paper's figure, unasked (a line's cell is asked about); a new plan made with no years had no
column to type in, and nothing in the window adds one."""

import csv
import io

import pytest
from PySide6.QtCore import Qt

from safer_desk.cli import main
from safer_desk.presenters.budgets import BudgetsPresenter
from tests.budgets.test_budgets_view import type_cell, type_cell_left_open

REVENUE = "East Sussex Community Safety revenue budget 2010/11 – 2014/15 (£'000)"


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("budgets")


def said(tab) -> str:
    return tab.message.text() if tab.message.isVisible() else ""


def printed(capsys, path) -> list[list[str]]:
    assert main(["budget", str(path), REVENUE]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    return [r[3:6] for r in rows if r[2] == "C = A+B Gross budget" and r[5].startswith("stated")]


def test_a_printed_total_typed_as_pounds_in_a_thousands_plan_is_asked_about_once(qtbot, tab, demo_path, capsys):
    # "£1,201,000" typed over the gross budget went in as £1,201,000,000 and was flagged as the paper's own error.
    plans = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(plans) if n.startswith(REVENUE)))
    total = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "total")
    column = tab.model.year_columns[1]
    type_cell_left_open(qtbot, tab, total, column, "£1,201,000")
    assert "£1,201,000,000" in said(tab) and "1,201" in said(tab) and "again" in said(tab)
    assert ["2011/12", "1201000", "stated"] in printed(capsys, demo_path)  # the paper's figure, as it was
    type_cell(qtbot, tab, total, column, "£1,201,000")  # typed again: kept as typed
    assert said(tab) == ""
    assert ["2011/12", "1201000000", "stated-differs"] in printed(capsys, demo_path)
    tab.window().undo()
    stated = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "stated-total")
    type_cell_left_open(qtbot, tab, stated, column, "£1,201,000")  # over the "(as printed)" row too
    assert "£1,201,000,000" in said(tab)
    assert ["2011/12", "1201000", "stated"] in printed(capsys, demo_path)
    type_cell(qtbot, tab, stated, column, "1,201")
    assert said(tab) == "" and ["2011/12", "1201000", "stated"] in printed(capsys, demo_path)


def test_a_new_plan_needs_its_years(qtbot, tab):
    count = tab.plan_list.count()
    qtbot.keyClicks(tab.plan_name, "Financial implications")
    qtbot.mouseClick(tab.new_plan_button, Qt.MouseButton.LeftButton)
    assert "Years" in said(tab) and "2017/18, 2018/19, 2019/20" in said(tab)
    assert tab.plan_list.count() == count and tab.plan_name.text() == "Financial implications"  # kept to go on with
    qtbot.keyClicks(tab.plan_years, " , ")
    qtbot.mouseClick(tab.new_plan_button, Qt.MouseButton.LeftButton)
    assert "Years" in said(tab) and tab.plan_list.count() == count
    tab.plan_years.clear()
    qtbot.keyClicks(tab.plan_years, "2017/18, 2018/19")
    qtbot.mouseClick(tab.new_plan_button, Qt.MouseButton.LeftButton)
    assert said(tab) == "" and tab.plan_list.count() == count + 1
    assert tab.presenter.columns == ["2017/18", "2018/19"]


def test_the_presenter_refuses_a_plan_without_years(demo_store):
    p = BudgetsPresenter(demo_store)
    p.reload()
    before = [plan.id for plan in p.plans]
    assert p.new_plan("No years", "") is None and "Years" in p.error
    assert p.new_plan("No years", []) is None
    p.reload()
    assert [plan.id for plan in p.plans] == before
