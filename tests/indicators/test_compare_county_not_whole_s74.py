"""Session 74 (hunt): a Babergh, Ipswich and Mid Suffolk office imports Suffolk Constabulary's months and sets its
districts' populations. View > Compare Areas listed "Suffolk" with no figure (the file does not hold East Suffolk
and West Suffolk as the office's, so Suffolk's figure is not derived) but with a population of 335,400: the three
districts' added up, shown as Suffolk's (about 760,000 live there). A county whose districts the file does not all
hold now has no population beside it, and says why."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files
from safer_desk.services.reference import set_office_scope
from tests.indicators.police_helpers import fixture

FY24 = FinancialYear(2024)  # the fixture: Jan-25 to Mar-25
POPULATIONS = {"district:babergh": 92_300, "district:ipswich": 139_700, "district:mid-suffolk": 103_400}


def test_a_county_not_whole_in_the_file_has_no_population_of_some_districts(store):
    set_office_scope(store, districts=["Babergh", "Ipswich", "Mid Suffolk"])
    import_police_files(store, [fixture("suffolk-2025")])
    for area_id, population in POPULATIONS.items():
        svc.set_population(store, area_id, FY24, population)
    p = AreaComparisonPresenter(store)
    p.load("indicator:robbery", FY24)
    rows = {r.area: r for r in p.rows}
    suffolk = rows["Suffolk"]
    assert suffolk.figure is None and suffolk.population is None and suffolk.rate is None
    assert suffolk.population_tip == ("The file does not hold every district of Suffolk (not East Suffolk and "
                                      "West Suffolk): the districts' populations it holds added up are not Suffolk's.")
    assert rows["Babergh"].population == 92_300 and rows["Babergh"].rate_text.endswith("per 1,000")
