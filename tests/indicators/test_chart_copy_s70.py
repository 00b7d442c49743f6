"""Ctrl+C on the chart: a click on it left the focus where it was, so Ctrl+C copied the indicator's row of the list
("L2 Level Two … 361 …"), never the figures the chart draws, which a board-paper writer pastes into Excel to draw the
paper's own chart. The chart takes the focus on a click and Ctrl+C (Edit > Copy) copies its figures as a table: the
periods across, a row per series named as the legend names it, each figure as the hover says it, a plain number for
Excel (session 70)."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter

PLYMOUTH = "district:plymouth"
REPORTED = "indicator:level-two-ist-incidents-reported"  # 41, 61, 60 … against a trajectory 55, 108, 162 …


def _copied() -> list[list[str]]:
    return list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))


def test_the_chart_s_figures_as_a_table(demo_store):
    p = IndicatorsPresenter(demo_store)
    p.load(PLYMOUTH, FinancialYear(2016))
    assert p.choose_indicator(REPORTED, lambda _text: True)
    rows = p.chart(ChartMode.CUMULATIVE).copy_rows()
    assert rows[0][0].startswith("Level Two") and rows[0][1:4] == ["Apr", "May", "Jun"] and len(rows[0]) == 13
    named = {r[0]: r[1:] for r in rows[1:]}
    assert named["2016/17 cumulative"][:7] == ["41", "102", "162", "229", "263", "314", "361"]
    assert named["2016/17 cumulative"][7:] == [""] * 5  # no figure: an empty cell, never 0
    assert named["Target 2016/17"][-1] == "640"
    assert named["2015/16 cumulative"] == [""] * 12


def test_a_click_then_ctrl_c_copies_what_the_chart_shows(demo_window, qtbot):
    demo_window.resize(1366, 768)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FinancialYear(2016))
    tab.select_indicator("Police recorded hate crime")
    tab.set_mode("year")
    QGuiApplication.clipboard().setText("(nothing copied)")
    qtbot.mouseClick(tab.chart, Qt.MouseButton.LeftButton, pos=QPoint(tab.chart.width() // 2, 40))
    qtbot.waitUntil(tab.chart.hasFocus)
    qtbot.keyClick(tab.chart, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = _copied()
    assert rows[0][1:] == ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    named = {r[0]: r[1:] for r in rows[1:]}
    assert list(named) == tab.chart.legend_names()  # in the legend's order, by its names
    assert named["2016/17"][:8] == ["17", "25", "32", "54", "37", "45", "42", "35"] and named["2016/17"][8] == ""
    assert named["2015/16"][-1] == "32"
    # Edit > Copy does the same.
    QGuiApplication.clipboard().setText("(nothing copied)")
    demo_window.copy_from_focus()
    assert _copied() == rows
