"""The value axis labelled its ticks with the places of a whole step: a step of 2.5 printed 2.5, 7.5 and −2.5 as "2",
"8" and "−2" (rounded, half to even), so a percentage change chart of −12.25% … 3% read "−12%, −10%, −8%, −5%, −2%,
0%, 2%, 5%", ticks evenly spaced under uneven figures; a step of 0.25 printed 0.75 as "0.8". And a count's axis
stepped by 2.5 (monthly robberies 0 to 12), a tick at 7.5 crimes. Each tick now says its own value, and a count's
axis keeps whole-number ticks only (session 70)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.ui.kit.chart import number_tick, percent_tick

PLYMOUTH = "district:plymouth"
FY16 = FinancialYear(2016)


def test_a_tick_says_its_own_value():
    assert number_tick(7.5, 2.5) == "7.5" and number_tick(2.5, 2.5) == "2.5" and number_tick(10, 2.5) == "10.0"
    assert percent_tick(-2.5, 2.5) == "\u22122.5%"
    assert number_tick(0.75, 0.25) == "0.75" and number_tick(0.5, 0.25) == "0.50"
    assert number_tick(25, 25) == "25" and number_tick(12000, 1000) == "12,000" and number_tick(0.5, 0.1) == "0.5"


def _tab(demo_window, name, unit, figures):
    store = demo_window.session.store
    ind = svc.save_indicator(store, name, unit=unit, polarity="lower")
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue(f"2016-{m:02d}", value=x) for m, x in
                                           zip(range(4, 4 + len(figures)), figures)], require_red_comments=False)
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FY16)
    tab.select_indicator(ind)
    tab.set_mode("year")
    return tab


def _as_number(text: str) -> float:
    return float(text.replace("\u2212", "-").replace("%", "").replace(",", ""))


def test_a_percentage_axis_says_each_tick_s_value(demo_window):
    chart = _tab(demo_window, "Change in re-offending", "percentage", [-5.5, 3.0, -12.25]).chart
    for height in (200, 300, 450):
        layout = chart.layout_for(600, height)
        shown = chart.value_ticks(height=height)
        assert [_as_number(t) for t in shown] == layout.y_ticks, (shown, layout.y_ticks)


def test_a_count_axis_never_has_a_tick_between_whole_numbers(demo_window):
    chart = _tab(demo_window, "Robbery of business property", "count", [0, 3, 12, 7, 9, 11]).chart
    for height in (180, 250, 300, 450, 600):
        layout = chart.layout_for(600, height)
        shown = chart.value_ticks(height=height)
        assert all(float(v).is_integer() for v in layout.y_ticks), layout.y_ticks
        assert [_as_number(t) for t in shown] == layout.y_ticks and len(shown) >= 2, shown
