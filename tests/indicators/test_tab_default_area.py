"""The tab opens on an area that has figures (a separator in the area list once swallowed the choice)."""


def test_the_tab_opens_on_plymouth_with_its_indicators(demo_window):
    tab = demo_window.show_tab("indicators")
    assert tab.area_combo.currentData() == "district:plymouth"
    assert tab.area_combo.currentText() == "Plymouth"
    assert tab.summary_model.rowCount() >= 9
    names = [tab.summary_proxy.index(r, 1).data() for r in range(tab.summary_proxy.rowCount())]
    assert "All crime" in names and "Anti-social behaviour" in names


def test_the_chart_axis_has_room_for_four_digit_figures(demo_window):
    tab = demo_window.show_tab("indicators")
    chart = tab.chart
    labels = chart.value_ticks()
    assert "1,500" in labels or "2,000" in labels  # thousands separators
    widest = max(chart.fontMetrics().horizontalAdvance(t) for t in labels)
    assert chart.value_axis_width() >= widest + chart.PAD  # every label in full, from the first paint
