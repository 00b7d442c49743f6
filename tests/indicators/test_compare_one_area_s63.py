"""Session 63: Compare Areas for an office of one district said "1 area; highest Babergh (2,515), lowest Babergh
(2,515)" (to a screen reader, and under the chart), as if it had compared areas. One area is named with its figure."""

from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.services import indicators as ind
from safer_desk.services.reference import set_office_scope


def test_one_area_is_said_once_not_as_its_own_highest_and_lowest(demo_store):
    set_office_scope(demo_store, partnerships=[], districts=["Babergh"], county="")
    p = AreaComparisonPresenter(demo_store)
    p.load(ind.get_indicator(demo_store, "All crime").id)
    title, bars = p.chart_bars()
    assert title == "Year to date, districts" and [name for name, _ in bars] == ["Babergh"]
    figure = next(r.figure_text for r in p.rows if r.area == "Babergh")
    # Session 70: and that it has no population, so no rate.
    assert p.summary() == (f"All crime, 2025/26, year to date, districts: 1 area, Babergh ({figure}). No population "
                           "is recorded for Babergh for 2025/26 or before, so it has no rate: record one under View > "
                           "Populations….")


def test_two_areas_still_name_the_highest_and_lowest(demo_store):
    set_office_scope(demo_store, partnerships=[], districts=["Babergh", "Ipswich"], county="")
    p = AreaComparisonPresenter(demo_store)
    p.load(ind.get_indicator(demo_store, "All crime").id)
    rows = {r.area: r.figure_text for r in p.rows}
    assert p.summary() == ("All crime, 2025/26, year to date, districts: 2 areas; "
                           f"highest Ipswich ({rows['Ipswich']}), lowest Babergh ({rows['Babergh']}). No population "
                           "is recorded for Babergh and Ipswich for 2025/26 or before, so they have no rate: record "
                           "one under View > Populations….")
