"""Round 37 (ind): the Indicators tab after ``safer-desk import-police`` of the real Suffolk 2025 download and
``safer-desk office --county Suffolk``, as a county officer uses it.

Areas compared, with Suffolk (county) chosen: the chart's words named East Suffolk, Ipswich, West Suffolk, Mid
Suffolk, Babergh, "Unknown area", Great Yarmouth and East Cambridgeshire, and not Suffolk, the area chosen, which
the chart promises first. A county whose figures are all its districts' (named by the districts' county, not held
as an area) is not among "every area with figures" (``svc.list_areas``), so it was left out of its own chart.
"""

from __future__ import annotations

from datetime import date

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.storage.store import open_store
from tests.conftest import shared_data

FY25 = FinancialYear(2025)


def test_the_county_chosen_is_first_in_its_areas_compared_chart(tmp_path):
    path = tmp_path / "suffolk.sqlite"
    assert main(["import-police", str(path), str(shared_data("police-uk", "suffolk-2025"))]) == 0
    assert main(["office", str(path), "--county", "Suffolk"]) == 0  # whose file it is (File > Office Details…)
    store = open_store(path)
    try:
        p = IndicatorsPresenter(store, today=lambda: date(2026, 1, 20))
        p.load("county:suffolk", FY25)
        assert p.view is not None and p.view.is_derived and p.view.indicator.name == "All crime"
        data = p.chart(ChartMode.AREAS)
        names = list(data.series)
        assert names[0] == "Suffolk (county, derived)", names
        assert data.series[names[0]] == p.view.values  # the figures the grid shows for it
        # Its districts (round 37 pol: no longer "Unknown area" and Great Yarmouth beside them).
        assert len(names) == 6 and {"East Suffolk", "Ipswich", "West Suffolk", "Mid Suffolk", "Babergh"} < set(names)
        assert data.summary.startswith("All crime: areas compared, 2025/26. Suffolk (county, derived): 9 figures, "
                                       "latest 3,527 (Dec 2025)")
    finally:
        store.close()
