"""Round 37 (ind): a period handed to ``save_values`` in another form than the one the file holds.

The file holds a quarter as "2018-Q1" (``Quarter.key``: the financial year's start year), a month as "2018-04" and a
year as "2018/19". ``safer-desk indicators`` prints a quarter as "2018/19-Q1", and ``save_values`` (called from
Python with that form) stored it as it was: a second row for the same quarter, which no view, total or export
reads as Q1 2018/19 (``Quarter.parse`` read "2018/19-Q1" too, so half the program saw it and half did not). The
window's grid, a paste, Import Figures (a CSV or .xlsx, ``import-figures``) and a county merge never hand it such a
form (the grid's periods are the stored ones; a sheet's period goes through ``parse_period``; a merge copies
stored rows), so the service is where it is caught: a form naming one period is stored in the file's form, any
other is refused naming the forms to write.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY18 = FinancialYear(2018)
AREA = "district:mid-suffolk"


@pytest.fixture
def quarterly(store):
    svc.ensure_area(store, "Mid Suffolk")
    return svc.save_indicator(store, "Hate incidents", frequency="quarterly", polarity="higher")


def _periods(store) -> list[str]:
    return [r[0] for r in store.rows("SELECT period FROM indicator_values ORDER BY period")]


def test_a_quarter_written_as_the_cli_prints_it_is_stored_in_the_file_s_form(store, quarterly):
    changed = svc.save_values(store, quarterly, AREA, [PeriodValue("2018/19-Q1", 12.0)])
    assert changed == ["2018-Q1"]
    assert _periods(store) == ["2018-Q1"]
    assert svc.year_view(store, quarterly, AREA, FY18).values == [12.0, None, None, None]
    # The same quarter in the file's own form is the same row: replaced, never a second one.
    assert svc.save_values(store, quarterly, AREA, [PeriodValue("2018-Q1", 13.0)]) == ["2018-Q1"]
    assert svc.save_values(store, quarterly, AREA, [PeriodValue("Q1 2018/19", 13.0)]) == []
    assert _periods(store) == ["2018-Q1"]


def test_a_year_and_a_month_in_another_form_are_stored_in_the_file_s_form(store):
    svc.ensure_area(store, "Mid Suffolk")
    annual = svc.save_indicator(store, "Arson", frequency="annual")
    assert svc.save_values(store, annual, AREA, [PeriodValue("2018/2019", 40.0)]) == ["2018/19"]
    monthly = svc.save_indicator(store, "Burglary")
    assert svc.save_values(store, monthly, AREA, [PeriodValue("2018-04", 4.0)]) == ["2018-04"]
    assert sorted(_periods(store)) == ["2018-04", "2018/19"]


def test_the_same_quarter_twice_in_two_forms_is_refused(store, quarterly):
    with pytest.raises(IndicatorError, match="Q1 2018/19 is given twice"):
        svc.save_values(store, quarterly, AREA, [PeriodValue("2018-Q1", 1.0), PeriodValue("2018/19-Q1", 2.0)])
    assert _periods(store) == []


@pytest.mark.parametrize("period, said", [
    ("2018/19-Q5", "is not a month (2016-04), quarter (2016/17 Q1) or financial year (2016/17)"),
    ("2018/20-Q1", "is not a month (2016-04), quarter (2016/17 Q1) or financial year (2016/17)"),
    ("Q3 2018", "could mean July to September 2018 (write 2018/19 Q2) or October to December 2018 (write 2018/19 Q3): "
                "a quarter is written with its financial year (Q1 is April to June)"),
    ("2018-04", "is a monthly period but the indicator is quarterly"),
])
def test_a_period_that_is_no_quarter_is_refused_saying_how_to_write_one(store, quarterly, period, said):
    with pytest.raises(IndicatorError) as caught:
        svc.save_values(store, quarterly, AREA, [PeriodValue(period, 1.0)])
    assert str(caught.value) == f"Hate incidents: “{period}” {said}."
    assert _periods(store) == []


def test_a_month_that_is_no_month_is_refused_not_a_crash(store):
    svc.ensure_area(store, "Mid Suffolk")
    monthly = svc.save_indicator(store, "Burglary")
    for period in ("2018-13", "2018/19"):  # "2018-13" raised a bare PeriodError from the year's view
        with pytest.raises(IndicatorError, match=f"Burglary: “{period}” is"):
            svc.save_values(store, monthly, AREA, [PeriodValue(period, 1.0)])
    assert _periods(store) == []


def test_a_comment_set_on_a_quarter_in_another_form_lands_on_the_stored_quarter(store, quarterly):
    svc.save_values(store, quarterly, AREA, [PeriodValue("2018-Q1", 12.0)])
    svc.set_comment(store, quarterly, AREA, "2018/19-Q1", "A new reporting line.")
    assert _periods(store) == ["2018-Q1"]
    assert svc.year_view(store, quarterly, AREA, FY18).comments[0] == "A new reporting line."
