"""The tab opens on an area that has figures (a separator in the area list once swallowed the choice): the office's
own first area with figures, as the board report and the workbook lead with it (session 53: a Suffolk file opened on
Plymouth 2016/17, another office's example, where the report began "Indicators: Suffolk, 2025/26")."""

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services.reference import set_office_scope


def test_the_tab_opens_on_the_office_s_county_in_its_latest_year(demo_window):
    tab = demo_window.show_tab("indicators")
    assert tab.area_combo.currentData() == "county:suffolk"
    assert tab.area_combo.currentText().startswith("Suffolk")
    assert tab.year_combo.currentText() == "2025/26"
    names = [tab.summary_proxy.index(r, 1).data() for r in range(tab.summary_proxy.rowCount())]
    assert "All crime (derived)" in names and "Anti-social behaviour (derived)" in names


def test_plymouth_s_indicators_are_a_choice_away(demo_window):
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))
    assert tab.area_combo.currentText() == "Plymouth"
    assert tab.summary_model.rowCount() >= 9


def test_an_office_naming_no_areas_opens_on_the_example_s_plymouth(demo_store):
    set_office_scope(demo_store, partnerships=[], districts=[], county="")
    p = IndicatorsPresenter(demo_store)
    p.load()
    assert (p.area_id, p.year) == ("district:plymouth", FinancialYear(2016))


def test_a_plymouth_office_opens_on_plymouth(demo_store):
    set_office_scope(demo_store, partnerships=[], districts=["Plymouth"], county="")
    p = IndicatorsPresenter(demo_store)
    p.load()
    assert p.area_id == "district:plymouth"


def test_the_chart_axis_has_room_for_four_digit_figures(demo_window):
    tab = demo_window.show_tab("indicators")
    chart = tab.chart
    labels = chart.value_ticks()
    assert "1,500" in labels or "2,000" in labels  # thousands separators
    widest = max(chart.fontMetrics().horizontalAdvance(t) for t in labels)
    assert chart.value_axis_width() >= widest + chart.PAD  # every label in full, from the first paint
