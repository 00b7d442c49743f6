"""Export Chart… is offered only while a chart is drawn: with none (a new file, an indicator with nothing to chart)
it saved a blank picture without a word. Disabled, its tip says why."""

from __future__ import annotations

from tests.indicators.test_tab import plymouth_tab


def test_a_new_file_has_no_chart_to_export(window, tmp_path):
    assert window.open_path(tmp_path / "empty.sqlite", create=True)
    tab = window.show_tab("indicators")
    assert tab.chart_stack.currentWidget() is tab.empty_state
    assert not tab.export_button.isEnabled()
    assert "no chart" in tab.export_button.toolTip()


def test_an_indicator_with_nothing_to_chart_has_nothing_to_export_and_one_with_a_chart_has(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("county:devon")
    tab.select_indicator("All crime")
    assert tab.chart_stack.currentWidget() is tab.empty_state
    assert not tab.export_button.isEnabled()
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    assert tab.chart_stack.currentWidget() is tab.chart
    assert tab.export_button.isEnabled()
    assert "no chart" not in tab.export_button.toolTip()
