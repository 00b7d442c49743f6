"""s62: Import Figures read "12/2016" (s61) but refused "12/16", as sheets also write a month, with "not a month"; the
rest of Safer Desk reads a two-digit year as Excel does ("Dec-16", 1/4/99). It is December 2016 now. Where month/year
is also a financial year ("11/12": 2011/12, or November 2012) a monthly indicator refuses it with both readings,
as it does "2010/11"."""

from __future__ import annotations

import pytest

from safer_desk.domain.indicators import IndicatorError
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import preview_values
from tests.indicators.test_cli_import_figures import _sheet, office  # noqa: F401 (a fixture)


@pytest.mark.parametrize("typed, stored", [("12/16", "2016-12"), ("4/16", "2016-04"), ("04/16", "2016-04"),
                                           ("12-16", "2016-12"), ("1.17", "2017-01"), ("03/99", "1999-03")])
def test_a_month_with_a_two_digit_year_is_that_month(typed, stored):
    assert svc.parse_period(typed, "monthly") == stored
    assert svc.parse_period(typed) == stored


def test_a_month_that_is_also_a_financial_year_is_refused_with_both_readings():
    with pytest.raises(IndicatorError, match="“11/12” could be the financial year 2011/12 or Nov-12, so it is not "
                                             "read as either: write the month as 2012-11 or Nov-12"):
        svc.parse_period("11/12", "monthly")
    assert svc.parse_period("11/12", "annual") == "2011/12"  # a year, as before
    assert svc.parse_period("16/17") == "2016/17"


def test_a_quarterly_indicator_is_told_it_is_a_month_and_thirteen_is_no_month():
    with pytest.raises(IndicatorError, match="“12/16” is a monthly period but the indicator is quarterly"):
        svc.parse_period("12/16", "quarterly")
    with pytest.raises(IndicatorError, match="is not a month"):
        svc.parse_period("13/16", "monthly")


def test_import_figures_reads_it(office, tmp_path):  # noqa: F811
    from safer_desk.storage.store import open_store

    sheet = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,12/16,7\n")
    store = open_store(office)
    try:
        preview = preview_values(store, sheet)
        assert preview.refused == []
        assert [g.value.period for g in preview.good] == ["2016-12"]
    finally:
        store.close()
