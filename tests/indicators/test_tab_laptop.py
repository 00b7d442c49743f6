"""Issue 15 on the Indicators tab: laptop sizes, unique Alt letters, Excel copy, menus, charts people read."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidgetSelectionRange

from safer_desk.domain.periods import FinancialYear
from tests.foundation.test_window_guard import alt_clashes
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, columns_out_of_view, resize_window, rows_in_view

FY16 = FinancialYear(2016)
KEY_COLUMNS = ["RAG", "Indicator", "Year to date", "Change", "Target"]


@pytest.fixture
def tab(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    tab.select_indicator("All crime")
    return tab


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_key_columns_and_figures_are_in_view(demo_window, tab, size):
    resize_window(demo_window, size)
    assert columns_out_of_view(tab.summary_view, KEY_COLUMNS) == []
    assert rows_in_view(tab.summary_view) >= 5  # indicators with their figures
    grid = tab.grid
    first_row = grid.visualItemRect(grid.item(0, 0))
    assert first_row.bottom() <= grid.viewport().height() and grid.isVisible()  # typed figures are in view
    assert tab.save_button.isVisible() and tab.chart_stack.height() > 100


def test_no_alt_letter_clashes_on_the_indicators_tab(demo_window, qtbot):
    assert alt_clashes(demo_window, qtbot, {"indicators"}) == []


def test_one_number_format_per_unit_and_rag_in_words(tab):
    texts = [[tab.summary_proxy.index(r, c).data() for c in range(5)] for r in range(tab.summary_proxy.rowCount())]
    crime = next(t for t in texts if t[1] == "All crime")
    assert crime[2] == "12,586"  # thousands separated like every other count
    sat = next(t for t in texts if t[1].endswith("incidents satisfaction"))
    assert sat[2] == "88.2%"  # a computed percentage to one place, never 88.2353
    assert all(t[0].split(" ", 1)[1] in ("Red", "Amber", "Green", "No target", "Monitor only", "No figure yet",
                                         "Target withdrawn", "Target to be confirmed") or t[0].startswith("Est.")
               for t in texts)
    assert tab.grid.item(0, 1).text() == "1,576"  # the grid's typed figures in the same format


def test_copy_gives_excel_plain_numbers(tab, qtbot):
    view = tab.summary_view
    row = next(r for r in range(tab.summary_proxy.rowCount())
               if tab.summary_proxy.index(r, 3).data().startswith("\u2212"))  # a fall, shown with a true minus
    view.selectRow(row)
    assert view.copy_selection(with_header=True)
    heading, line = QGuiApplication.clipboard().text().splitlines()[:2]
    cells = line.split("\t")
    assert heading.split("\t")[:5] == KEY_COLUMNS
    assert cells[0] in ("No target", "Monitor only", "Amber") and cells[2].isdigit() and cells[3].startswith("-")
    assert "\u2212" not in line and "," not in cells[2] and "%" not in cells[7]
    tab.select_indicator("All crime")
    tab.grid.clearSelection()
    tab.grid.setRangeSelected(QTableWidgetSelectionRange(0, 0, 0, 3), True)
    assert tab.grid.copy_selection()
    assert QGuiApplication.clipboard().text().splitlines()[1].split("\t") == ["2016/17", "1335", "1576", "1611",
                                                                                "1692"]


def test_every_table_has_a_context_menu(tab):
    summary = [a.text() for a in tab.summary_view.context_menu(1).actions() if a.text()]
    assert "&Copy" in summary and "Copy with &Headings" in summary and "E&dit…" in summary
    grid = [a.text() for a in tab.grid.context_menu().actions() if a.text()]
    assert "&Copy" in grid and "&Paste" in grid


def test_chart_has_a_name_a_summary_and_legends_naming_the_years(tab):
    chart = tab.chart
    assert chart.accessibleName().startswith("Chart: All crime, Plymouth")
    assert "latest 1,575 (Nov 2016)" in chart.accessibleDescription()
    assert "latest 1,575 (Nov 2016)" in tab.chart_summary.text()
    assert chart.legend_names() == ["2015/16", "2016/17"]
    layout = chart.layout_for(chart.width(), chart.height())
    assert layout.legend_top > layout.plot.bottom()  # the legend under the axis, off the data
    tab.set_mode("rolling")
    assert chart.x_tick_labels()[0] == "Mar 2016"
    # the two years differ by more than colour: an outlined, dashed second series of bars; markers on lines
    tab.set_mode("year")
    assert chart.last_bars.outline is not None and chart.last_bars.outline_style == "dash"
    tab.bars_check.setChecked(False)
    assert chart.this_line.marker != chart.last_line.marker


def test_a_new_empty_file_says_what_to_do_instead_of_a_chart(window, tmp_path):
    assert window.open_path(tmp_path / "new.sqlite", create=True)
    tab = window.show_tab("indicators")
    assert tab.chart_stack.currentWidget() is tab.empty_state
    assert "Import police data (File > Import Police Data…)" in tab.empty_state.text()
    assert tab.chart.legend_names() == []


def test_tab_leaves_the_summary_and_the_grid(demo_window, tab, qtbot):
    resize_window(demo_window, LAPTOP_SIZES[0])
    for table in (tab.summary_view, tab.grid):
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert not table.hasFocus()


def test_other_areas_are_found_by_typing_their_name(demo_window, tab, qtbot):
    resize_window(demo_window, LAPTOP_SIZES[0])
    labels = [tab.area_combo.itemText(i) for i in range(tab.area_combo.count())]
    assert labels[0] == "Suffolk (county)" and "Birmingham" not in labels
    tab.area_search.setFocus()
    qtbot.keyClicks(tab.area_search, "Birmingham")
    qtbot.keyClick(tab.area_search, Qt.Key.Key_Return)
    assert tab.area_combo.currentText() == "Birmingham"
    assert tab.presenter.area_id == "district:birmingham" and tab.area_search.text() == ""
    assert tab.summary_model.rowCount() > 0  # its police.uk figures


def test_the_splitters_are_remembered(demo_window, tab, qtbot):
    from safer_desk.ui import settings
    from safer_desk.ui.indicators.tab import SPLITTER_KEY

    resize_window(demo_window, LAPTOP_SIZES[1])
    tab.splitter.setSizes([700, 500])
    tab.splitter.splitterMoved.emit(700, 1)
    assert not settings.read_bytes(SPLITTER_KEY).isEmpty()
    sizes = tab.splitter.sizes()
    demo_window.session.store_changed.emit()  # the tab is built again, as after opening a file
    again = demo_window.show_tab("indicators")
    assert again is not tab
    resize_window(demo_window, LAPTOP_SIZES[1])
    assert abs(again.splitter.sizes()[0] - sizes[0]) <= 2


def test_the_summary_menu_exports_what_is_shown(tab, prompts, tmp_path):
    menu = tab.summary_view.context_menu(1)
    export = next(a for a in menu.actions() if a.text() == "&Export…")
    target = tmp_path / "shown.xlsx"
    prompts.file_names.append(str(target))
    export.trigger()
    assert target.exists() and prompts.infos[-1][1].startswith(f"Saved {tab.summary_proxy.rowCount()} indicators")
