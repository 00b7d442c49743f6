"""Round 38 (yet): a county's quarter in which its districts changed on the quarter's first day is added up.

Suffolk's districts changed on 1 July 2019 here (East Suffolk replacing Suffolk Coastal and Waveney, West Suffolk
Forest Heath and St Edmundsbury, on a quarter's first day, not a year's): every district that existed in Q1 2019/20
covered all of it, as every one in Q2 did, so no quarter is covered part-way, and each is the sum of the districts
that covered it, the Source naming them. Only a change within a quarter (1 June) leaves that quarter blank, saying
why. The service, the presenter, the grid, ``safer-desk indicators --derived`` and the board report agree, and so do
the year's total, the cumulative against the target and the RAG.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from safer_desk.cli import main
from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.report import build_report

FY18, FY19 = FinancialYear(2018), FinancialYear(2019)
SUFFOLK = "county:suffolk"
TODAY = date(2026, 1, 20)
OLD = "Babergh + Forest Heath + Ipswich + Mid Suffolk + St Edmundsbury + Suffolk Coastal + Waveney"
NEW = "Babergh + East Suffolk + Ipswich + Mid Suffolk + West Suffolk"


def _suffolk(store, began: str) -> str:
    """Suffolk's districts, the four old ones replaced on ``began``; a quarterly count, 10 a quarter for each district
    that covered the whole quarter, and a target for the county's 2019/20 (260, lower is better)."""
    for name in ("Babergh", "Ipswich", "Mid Suffolk"):
        ref.add_district(store, name, county="Suffolk")
    last = (date.fromisoformat(began) - timedelta(days=1)).isoformat()
    for new, old in (("East Suffolk", ("Suffolk Coastal", "Waveney")),
                     ("West Suffolk", ("Forest Heath", "St Edmundsbury"))):
        ref.add_district(store, new, county="Suffolk", valid_from=began)
        for name in old:
            ref.add_district(store, name, county="Suffolk", successor=new, valid_to=last)
    ind = svc.save_indicator(store, "Hate incidents", polarity="lower", frequency="quarterly")
    for district in svc.district_rows(store):
        for year in (FY18, FY19):
            for period in svc.year_periods("quarterly", year):
                if not (svc.outside_dates(store, district, period) or svc.part_way_question(store, district, period)):
                    svc.save_values(store, ind, district, [PeriodValue(period, 10.0)])
    svc.ensure_area(store, "Suffolk", "county")
    svc.set_target(store, ind, SUFFOLK, FY19, kind="annual", value=260)
    return ind


def test_the_service_adds_up_the_districts_that_covered_each_quarter(store):
    ind = _suffolk(store, "2019-07-01")
    derived = svc.derive_figures(store, ind, SUFFOLK, svc.year_periods("quarterly", FY19))
    assert [d.figure.value for d in derived.values()] == [70.0, 50.0, 50.0, 50.0]
    assert " + ".join(derived["2019-Q1"].used) == OLD and " + ".join(derived["2019-Q2"].used) == NEW
    v = svc.year_view(store, ind, SUFFOLK, FY19, today=TODAY)
    assert v.values == [70.0, 50.0, 50.0, 50.0] and v.ytd.value == 220.0
    assert v.values_last == [70.0] * 4 and v.ytd_last.value == 280.0
    assert v.cumulative == [70.0, 120.0, 170.0, 220.0] and v.target_at[-1] == 260.0
    assert v.rag is Rag.GREEN  # 220 to date against 260: the even trajectory's end
    grid = svc.entry_grid(store, ind, SUFFOLK, FY19, today=TODAY)
    assert [c.text for c in grid.row(svc.GRID_SOURCE).cells] == [f"Derived from {OLD}"] + [f"Derived from {NEW}"] * 3


def test_a_change_on_the_year_s_first_day_is_added_up_too(store):
    ind = _suffolk(store, "2019-04-01")
    v = svc.year_view(store, ind, SUFFOLK, FY19, today=TODAY)
    assert v.values == [50.0] * 4 and v.values_last == [70.0] * 4
    assert [s.label for s in v.sources] == [f"Derived from {NEW}"] * 4


def test_a_change_within_a_quarter_leaves_that_quarter_blank_and_says_why(store):
    ind = _suffolk(store, "2019-06-01")
    v = svc.year_view(store, ind, SUFFOLK, FY19, today=TODAY)
    assert v.values == [None, 50.0, 50.0, 50.0] and v.missing_to_date == [0]
    source = svc.entry_grid(store, ind, SUFFOLK, FY19, today=TODAY).row(svc.GRID_SOURCE).cells[0]
    assert source.text.startswith("Not derived: the membership changed within the period (East Suffolk, ")
    assert "Q1 2019/20 blank" in svc.part_way_question(store, "district:east-suffolk", "2019-Q1")


def test_the_presenter_shows_the_quarter_and_whose_figures_it_adds(store):
    ind = _suffolk(store, "2019-07-01")
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    p.load(SUFFOLK, FY19)
    assert p.choose_indicator(ind, lambda *a: True)
    assert [p.figures.cell(svc.GRID_VALUE, i).text for i in range(4)] == ["70", "50", "50", "50"]
    assert p.figures.cell(svc.GRID_SOURCE, 0).text == f"Derived from {OLD}"
    assert "220 in total" in p.headline()


def test_the_cli_prints_the_county_s_quarters_with_the_districts_added(store, capsys):
    _suffolk(store, "2019-07-01")
    path = store.path
    store.close()
    assert main(["indicators", str(path), "--derived"]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Hate incidents,Suffolk,2019/20")]
    assert lines == [f"Hate incidents,Suffolk,2019/20-Q1,70,{OLD}"] + \
        [f"Hate incidents,Suffolk,2019/20-Q{q},50,{NEW}" for q in (2, 3, 4)]


def test_the_board_report_adds_up_the_quarter(store):
    _suffolk(store, "2019-07-01")
    doc = build_report(store, year="2019/20", area="Suffolk", today=TODAY)
    section = next(s for s in doc.sections if s.title == "Indicators: Suffolk")
    said = " ".join(section.paragraphs)
    assert "could not be derived" not in said
    # The period and 220 are the summary row's (s73): the sentence says the change on it.
    row = next(r for r in section.tables[0].rows if r[1].startswith("Hate incidents"))
    assert row[2:4] == ["Q1 2019/20 to Q4 2019/20", "220"], row
    assert "Hate incidents: A reduction of 60 (21.4%) on the same period last year (better)." in said
    assert "from Jul-19: Babergh, East Suffolk, Ipswich, Mid Suffolk, West Suffolk" in said


@pytest.fixture
def suffolk_window(window, tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "county.sqlite"
    store = open_store(path, create=True)
    _suffolk(store, "2019-07-01")
    store.close()
    assert window.open_path(path)
    return window


def test_the_grid_shows_the_quarter_and_its_source(suffolk_window):
    tab = suffolk_window.show_tab("indicators")
    assert tab.select_area(SUFFOLK) and tab.select_year(FY19) and tab.select_indicator("Hate incidents")
    grid = tab.grid
    value, source = grid.keys.index(svc.GRID_VALUE), grid.keys.index(svc.GRID_SOURCE)
    assert [grid.item(value, c).text() for c in range(4)] == ["70", "50", "50", "50"]
    assert grid.item(value, 0).toolTip() == f"Derived from {OLD}"
    assert [grid.item(source, c).text() for c in range(4)] == [f"Derived from {OLD}"] + [f"Derived from {NEW}"] * 3
