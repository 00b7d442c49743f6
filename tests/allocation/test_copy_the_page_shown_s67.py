"""s67: Edit > Copy (Ctrl+C) on the Compare scenarios, Redistribute or Top-slice page, with a choice box of the page in
focus (the two scenarios just chosen, the way to share back), put the Results table on the clipboard: pasted into
Excel, the county lead's comparison of Option 2 with its exact-shares version read as the year's split. Edit > Copy
now copies the table of the page shown (its selected rows, else the whole table); on Results as before."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def _copied() -> list[list[str]]:
    return list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))


def _copy_from(window, widget, qtbot) -> list[list[str]]:
    QGuiApplication.clipboard().setText("nothing copied yet")
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    window.copy_action.trigger()
    return _copied()


def test_copy_on_the_compare_page_copies_the_comparison(demo_window, tab, qtbot):
    tab.pages.setCurrentWidget(tab.compare_view.parentWidget())
    assert tab.compare_model.rowCount() > 1
    rows = _copy_from(demo_window, tab.compare_first, qtbot)
    assert rows[0][0] == "Partnership" and rows[0][-1] == "Difference (second − first)", rows[0]
    assert len(rows) == 1 + tab.compare_model.rowCount()
    assert rows[-1][0] == "Total"


def test_copy_on_the_redistribute_page_copies_the_shares(demo_window, tab, qtbot):
    tab.pages.setCurrentWidget(tab.redistribute_view.parentWidget())
    assert tab.redistribute_model.rowCount() > 1  # the retained £65,512 shared back
    rows = _copy_from(demo_window, tab.redistribute_method, qtbot)
    assert rows[0] == ["Partnership", "Share"], rows[0]
    assert rows[-1] == ["Total", "65512"]


def test_copy_on_the_top_slice_page_copies_its_figures(demo_window, tab, qtbot):
    tab.pages.setCurrentWidget(tab.top_slice_page)
    assert tab.top_slice_model.rowCount()
    rows = _copy_from(demo_window, tab.top_slice_combo, qtbot)
    assert len(rows) == 1 + tab.top_slice_model.rowCount() and rows[1][0] == "Total", rows


def test_copy_on_the_results_page_copies_the_results_as_before(demo_window, tab, qtbot):
    tab.pages.setCurrentIndex(0)
    tab.results_view.clearSelection()  # none chosen: the whole table
    rows = _copy_from(demo_window, tab.scenario_combo, qtbot)
    assert rows[0][0] == "Partnership" and rows[-1][:4] == ["Total", "589608", "655120", "-65512"], rows
