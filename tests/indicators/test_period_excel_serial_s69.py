"""A period Excel shows as a number (42461, the date 01/04/2016 in a cell formatted General or Number) is said as
that (session 69).

A partner's workbook whose month column had lost its date format was refused line by line, "“42461” is not a month
(2016-04), quarter (2016/17 Q1) or financial year (2016/17)", which leaves the officer looking at a number they
never typed. It is still refused (a five-digit number is not read as a date without a word), now naming the date it
stands for and how to show it."""

from __future__ import annotations

import openpyxl
import pytest

from safer_desk.domain.indicators import IndicatorError
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output

SAID = ("“42461” is not a month (2016-04), quarter (2016/17 Q1) or financial year (2016/17): it is how Excel holds "
        "the date 01/04/2016 in a cell formatted as a number. Format the period cells as dates showing the month and "
        "year (mmm-yy), or type the month as 2016-04.")


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        svc.ensure_area(store, "Plymouth", "district")
        svc.save_indicator(store, "Hate crime")
    finally:
        store.close()
    return path


def test_a_period_excel_shows_as_a_number_is_said_as_the_date_it_holds(office, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "area", "period", "value"])
    sheet.append(["Hate crime", "Plymouth", 42461, 21])  # General: Excel shows 42461
    path = tmp_path / "partner.xlsx"
    book.save(path)
    code, out, err = cli_output(["import-figures", str(office), str(path)])
    assert code == 1 and out == ""
    assert f"Line 2: {SAID}" in err.splitlines()


@pytest.mark.parametrize("typed, said", [("42461", SAID), ("12345", None), ("123456", None), ("2016", None)])
def test_only_a_number_in_the_years_of_figures_is_taken_for_a_date(typed, said):
    with pytest.raises(IndicatorError) as refused:
        svc.parse_period(typed, "monthly")
    if said:
        assert str(refused.value) == said
    else:
        assert "Excel" not in str(refused.value)
