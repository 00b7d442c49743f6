"""Figures typed in the Indicators grid for a district in a period it did not exist in (round 25): asked about once,
as the import asks, naming the district's dates and the district(s) that covered its area then."""

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc

BURGLARY = "indicator:burglary"


def stored(store, area_id, period):
    return store.scalar("SELECT value FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                        (BURGLARY, area_id, period))


def presenter(store, log):
    p = IndicatorsPresenter(store, perform=log, today=lambda: date(2026, 11, 28))
    p.load("district:east-suffolk", FinancialYear(2025))
    assert p.choose_indicator(BURGLARY, lambda text: None)
    return p


def test_a_figure_for_a_district_after_it_ended_is_asked_about_once_naming_its_successor(demo_store):
    # Forest Heath ended on 31/03/2019 and became part of West Suffolk: a figure typed under May-20 was saved
    # without a word, though Suffolk's and West Suffolk's partnership totals never count it.
    log = ActionLog()
    p = presenter(demo_store, log)
    assert p.choose_area("district:forest-heath", lambda text: None)
    assert p.choose_year(FinancialYear(2020), lambda text: None) and p.selected == BURGLARY
    may = p.figures.grid.labels.index("May-20")
    p.figures.set_text("value", may, "7")
    assert not p.save()
    assert p.figures.message("value", may) == (
        "Forest Heath ended on 31/03/2019: in May-20 its area was West Suffolk's, whose figure is what partnership "
        "and county totals count: is this the right area? Save again to keep it.")
    assert stored(demo_store, "district:forest-heath", "2020-05") is None and not log.done
    assert p.save()  # asked once: Save again keeps it
    assert stored(demo_store, "district:forest-heath", "2020-05") == 7


def test_a_figure_for_a_district_before_it_began_names_the_districts_it_replaced(demo_store):
    # East Suffolk began on 01/04/2019 from Suffolk Coastal and Waveney; an office holding its figures back to
    # 2016 (imported, and queried there) could type one for May-16 without a word.
    log = ActionLog()
    svc.save_values(demo_store, BURGLARY, "district:east-suffolk", [svc.PeriodValue("2016-04", 30)])
    p = presenter(demo_store, log)
    assert p.choose_year(FinancialYear(2016), lambda text: None) and p.selected == BURGLARY
    may = p.figures.grid.labels.index("May-16")
    p.figures.set_text("value", may, "31")
    p.figures.set_text("comment", may, "From the police analyst")
    assert not p.save()
    assert p.figures.message("value", may).startswith(
        "East Suffolk began on 01/04/2019: in May-16 its area was Suffolk Coastal's and Waveney's, whose figures are "
        "what partnership and county totals count (East Suffolk's only in place of theirs): is this the right area?")
    assert stored(demo_store, "district:east-suffolk", "2016-05") is None and not log.done
    assert p.save()
    assert stored(demo_store, "district:east-suffolk", "2016-05") == 31


def test_a_figure_while_the_district_existed_is_not_asked_about(demo_store):
    log = ActionLog()
    p = presenter(demo_store, log)
    assert p.choose_area("district:forest-heath", lambda text: None)
    assert p.choose_year(FinancialYear(2018), lambda text: None)
    p.figures.set_text("value", 11, "4")  # Mar-19, its last month
    assert p.save() and not p.figures.messages()
    assert stored(demo_store, "district:forest-heath", "2019-03") == 4
