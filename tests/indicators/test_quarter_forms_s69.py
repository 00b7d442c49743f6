"""A quarter as councils' sheets write it: "Quarter 1 2016/17", "2016/17 Qtr 1", "Apr-Jun 2016", "Jan to Mar 2017"
(session 69).

A partner's sheet of quarterly figures headed its periods "Quarter 1 2016/17" or "Apr-Jun 2016" and every row was
refused: "“Apr-Jun 2016” is not a month (2016-04), quarter (2016/17 Q1) or financial year (2016/17)". Each names one
quarter of a financial year and no other, so it is read as that quarter; a run of months that is not one of the
financial year's quarters (Feb-Apr, Apr-Sep) is still refused."""

from __future__ import annotations

import pytest

from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.periods import PeriodError, Quarter
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


@pytest.mark.parametrize("typed, key", [
    ("Quarter 1 2016/17", "2016-Q1"), ("2016/17 Quarter 2", "2016-Q2"), ("Qtr 3 2016/17", "2016-Q3"),
    ("2016/17 qtr4", "2016-Q4"), ("Apr-Jun 2016", "2016-Q1"), ("April to June 2016", "2016-Q1"),
    ("Jul - Sep 16", "2016-Q2"), ("Oct–Dec 2016", "2016-Q3"), ("Jan-Mar 2017", "2016-Q4"),
    ("Jan to Mar 2017", "2016-Q4"), ("Apr-Jun 2016/17", "2016-Q1"), ("Jan-Mar 2016/17", "2016-Q4"),
])
def test_a_quarter_written_as_councils_write_it_is_that_quarter(typed, key):
    assert Quarter.parse(typed, typed=True).key == key
    assert svc.parse_period(typed, "quarterly") == key


@pytest.mark.parametrize("typed", ["Feb-Apr 2016", "Apr-Sep 2016", "Apr-Jun", "Quarter 5 2016/17", "Apr-Jun 2016/18"])
def test_a_run_of_months_that_is_no_quarter_is_still_refused(typed):
    with pytest.raises(PeriodError):
        Quarter.parse(typed, typed=True)
    with pytest.raises(IndicatorError):
        svc.parse_period(typed, "quarterly")


def test_a_partners_quarterly_sheet_is_imported(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        svc.ensure_area(store, "Plymouth", "district")
        svc.save_indicator(store, "Referrals to domestic abuse services", frequency="quarterly")
    finally:
        store.close()
    sheet = tmp_path / "partner.csv"
    sheet.write_text("indicator,area,period,value\n"
                     "Referrals to domestic abuse services,Plymouth,Apr-Jun 2016,518\n"
                     "Referrals to domestic abuse services,Plymouth,Quarter 2 2016/17,526\n", encoding="utf-8")
    code, out, err = cli_output(["import-figures", str(path), str(sheet)])
    assert (code, err) == (0, "") and out.startswith("2 rows imported from partner.csv; 0 refused.")
    code, out, err = cli_output(["indicators", str(path)])
    assert out.splitlines()[1:] == ["Referrals to domestic abuse services,Plymouth,2016/17-Q1,518",
                                    "Referrals to domestic abuse services,Plymouth,2016/17-Q2,526"]
