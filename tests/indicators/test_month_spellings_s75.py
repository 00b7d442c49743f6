"""Session 75 (ind2): "2025 Jun" (year first, as ONS time series and many council sheets write a month) was refused
on import as "not a month" while "Jun 2025", "June 2025" and "Jun-25" were read. Every common spelling of a month with
its year is now read ("2025 June", "2025-Jun", "JUNE 2025", "Sept. 2025", "June, 2025", "Jun/2025", "2025 06"), and
one that could be another thing is refused saying why: "25-Jun" is how Excel shows 25 June (a day, its year hidden),
so it is never taken for June 2025."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from safer_desk.services.indicators import IndicatorError
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


@pytest.mark.parametrize("typed", [
    "2025 Jun", "2025 June", "2025-Jun", "2025 JUN", "2025Jun", "JUNE 2025", "JUN-25", "Jun. 2025", "June, 2025",
    "Jun/2025", "Jun/25", "2025 06", "June2025", "2025/06", "06/2025", "2025-06", "Jun 2025", "June 2025", "Jun-25",
])
def test_a_month_spelled_as_sheets_spell_it_is_june_2025(typed):
    assert svc.parse_period(typed) == "2025-06"
    assert svc.parse_period(typed, "monthly") == "2025-06"


def test_september_spelled_sept_with_a_point():
    assert svc.parse_period("Sept. 2025", "monthly") == "2025-09"
    assert svc.parse_period("2025 Sept", "monthly") == "2025-09"


@pytest.mark.parametrize("typed", ["25 Jun", "25-Jun", "07-Jun"])
def test_a_day_and_month_is_refused_saying_why(typed):
    said = r"may be \d+ June \(a day.* or June 20\d\d, so it is not read as either: type the month as Jun 20\d\d"
    with pytest.raises(IndicatorError, match=said):
        svc.parse_period(typed, "monthly")


def test_a_month_for_a_quarterly_indicator_is_refused_as_monthly():
    with pytest.raises(IndicatorError, match="monthly period but the indicator is quarterly"):
        svc.parse_period("2025 Jun", "quarterly")


def test_a_word_that_is_not_a_month_is_not_read_as_one():
    with pytest.raises(IndicatorError, match="not a month"):
        svc.parse_period("2025 Junk", "monthly")


def test_import_figures_reads_year_first_months(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        svc.ensure_area(store, "Babergh", "district")
        svc.save_indicator(store, "All crime")
    finally:
        store.close()
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Babergh,2025 Jun,41\nAll crime,Babergh,2025 July,43\n",
                     encoding="utf-8")
    code, out, err = cli_output(["import-figures", str(path), str(sheet)])
    assert (code, err) == (0, "")
    assert out.startswith("2 rows imported from figures.csv; 0 refused.")


def test_months_across_a_sheet_spelled_year_first_are_said_as_that(store, tmp_path):
    from safer_desk.exchange.indicator_import import ValuesFileError
    from safer_desk.services.indicators_import import preview_values

    sheet = tmp_path / "wide.csv"
    sheet.write_text("Indicator,Area,2025 Apr,2025 May,2025 Jun\nAll crime,Babergh,1,2,3\n", encoding="utf-8")
    with pytest.raises(ValuesFileError, match=r"the months across the sheet \(row 1, columns C to E\)"):
        preview_values(store, sheet)
