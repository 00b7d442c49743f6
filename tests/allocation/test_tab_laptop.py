"""Issue 15 on Allocation: at laptop sizes the partnership, total, last year and variance are in view with several
result rows; no figure is cut; the names stay in view when scrolling right with damping on; the chart reads in
pounds with the years named; copy gives Excel plain numbers; a context menu on the results."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.ui.allocation.chart import pounds_tick
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, columns_out_of_view, resize_window, rows_in_view

KEY_COLUMNS = ["Partnership", "This year", "Last year", "Variance"]


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


@pytest.mark.parametrize("size", [*LAPTOP_SIZES, (1280, 800)], ids=[*SIZE_IDS, "1280x800"])
def test_key_columns_and_rows_in_view(demo_window, tab, size):
    resize_window(demo_window, size)
    assert columns_out_of_view(tab.results_view, KEY_COLUMNS) == []
    assert rows_in_view(tab.results_view) >= 4


@pytest.mark.parametrize("size", [*LAPTOP_SIZES, (1280, 800)], ids=[*SIZE_IDS, "1280x800"])
def test_no_figure_is_cut(demo_window, tab, size):
    resize_window(demo_window, size)
    view, model = tab.results_view, tab.results_model
    metrics = view.fontMetrics()
    for key in ("total", "previous", "variance"):
        c = model.column_index(key)
        widest = max(metrics.horizontalAdvance(model.index(r, c).data() or "") for r in range(model.rowCount()))
        assert view.columnWidth(c) >= widest + 8, key
    assert "-£16,535" in [model.index(r, model.column_index("variance")).data() for r in range(model.rowCount())] or \
        any((model.index(r, model.column_index("variance")).data() or "").startswith("-£") for r in range(5))


def test_names_stay_in_view_when_scrolling_right_with_damping(qtbot, demo_window, tab):
    resize_window(demo_window, (1093, 582))
    tab.edit_option("damping", "5")
    view = tab.results_view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    frozen = tab.frozen_names
    assert frozen.isVisible() and frozen.columnWidth(0) == view.columnWidth(0) > 0
    assert frozen.model().index(0, 0).data() == view.model().index(0, 0).data()
    assert frozen.geometry().left() <= view.viewport().geometry().left()


def test_the_chart_reads_in_pounds_and_names_the_years(tab):
    assert pounds_tick(200000) == "£200,000"
    assert pounds_tick(-6957) == "\u2212£6,957"
    assert "£200,000" in tab.chart.plot.value_ticks()
    assert tab.chart.years == ("2009/10", "2008/09")
    assert tab.chart.plot.legend_names() == ["2009/10 (left bar)", "2008/09 (right bar)"]
    assert tab.chart.accessibleName() and "Babergh CSP £63,768 against £70,725 in 2008/09" in tab.chart.summary


def test_copy_gives_excel_plain_numbers(qtbot, tab):
    view = tab.results_view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == "Western CSP")
    view.selectRow(row)
    assert view.copy_selection()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[1].startswith("Western CSP\t206043\t223181\t-17138\t3\t84231")


def test_the_results_have_a_context_menu(tab):
    menu = tab.results_view.context_menu(1)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Copy" in texts and any(t.startswith("Copy with") for t in texts)


def test_copying_inputs_gives_plain_numbers(qtbot, tab):
    view = tab.inputs_view
    model = tab.inputs_model
    view.selectionModel().select(model.index(4, 0), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(4, model.columnCount() - 1), view.selectionModel().SelectionFlag.Select)
    assert view.copy_selection()
    assert QGuiApplication.clipboard().text().splitlines()[1] == "Western CSP\t223181"


def test_the_factors_table_has_a_context_menu(tab):
    actions = {a.text(): a for a in tab.factors_table.actions()}
    assert set(actions) == {"Add Factor", "Remove Factor"}
    actions["Add Factor"].trigger()
    assert len(tab.state.options.factors) == 2


def test_the_factors_table_copies_every_selected_cell(qtbot, demo_window, tab):
    # Ctrl+C with the factors table selected copied one cell, the factor's name without its weight.
    from PySide6.QtWidgets import QApplication

    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)  # Edit > Copy asks the widget in focus
    table = tab.factors_table
    table.setFocus()
    table.selectAll()
    QGuiApplication.clipboard().setText("(before)")
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Factor\tWeight\nBCS comparator offences 2007-08\t1\n"
    QGuiApplication.clipboard().setText("(before)")
    demo_window.copy_action.trigger()  # Edit > Copy: the table in focus, not the results
    assert QGuiApplication.clipboard().text() == "Factor\tWeight\nBCS comparator offences 2007-08\t1\n"
