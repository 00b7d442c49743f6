"""S69: Edit > Copy (Ctrl+C) did nothing on the fund page's figures and chart.

A figure's value can be selected with the mouse (it takes the focus when clicked) and the chart is the page's other
half, yet Edit > Copy there copied nothing: it looks for the widget in focus's copy, and neither had one. As on any
desktop, Copy on a figure now copies the text selected in it (with nothing selected, the figure's name and value in
two cells: "Spent", "£2,417"), and Copy on the chart (reached by Tab or a click) its lines month by month as a table
for Excel, the fund report's Forecast sheet in plain pounds."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

TODAY = date(2018, 7, 15)


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1280, 690)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.ensure_chart()
    return page


def _copy(window, widget, qtbot) -> str:
    QGuiApplication.clipboard().setText("before")
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=5000)
    window.copy_action.trigger()
    return QGuiApplication.clipboard().text()


def test_copy_on_a_figure_copies_the_text_selected_in_it(demo_window, page, qtbot):
    spent = page.figure_labels["spent"]
    assert spent.text() == "£2,417"
    spent.setSelection(1, 3)
    assert _copy(demo_window, spent, qtbot) == "2,4"


def test_copy_on_a_figure_with_nothing_selected_copies_its_name_and_value(demo_window, page, qtbot):
    balance = page.figure_labels["balance"]
    assert not balance.hasSelectedText()
    assert _copy(demo_window, balance, qtbot) == f"Balance\t{balance.text()}\n"


def test_copy_on_the_chart_copies_its_lines_as_a_table(demo_window, page, qtbot):
    chart = page.chart
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus  # reached by Tab too
    rows = list(csv.reader(_copy(demo_window, chart, qtbot).splitlines(), delimiter="\t"))
    assert rows[0] == ["Month", "Cumulative spend", "Kind", "Fund"]
    assert rows[1] == ["Apr 2018", "795", "actual", "20000"]
    assert rows[3] == ["Jun 2018", "2417", "actual", "20000"]  # seed 002: £2,417 spent April to June 2018
    assert rows[4][2] == "forecast"
    assert len(rows) - 1 == len(page.presenter.report_sheets()[-1].rows)
