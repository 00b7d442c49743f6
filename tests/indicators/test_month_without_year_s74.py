"""Session 74 (figures): a sheet of monthly figures whose period column names the month alone ("November", "Sept"),
the year being in its title, had each line refused "“November” is not a month (2016-04), quarter (2016/17 Q1) or
financial year (2016/17)": it is a month, and what it lacks is its year. The refusal now says so, and how to write
it."""

from __future__ import annotations

import pytest

from safer_desk.domain.indicators import IndicatorError
from safer_desk.services import indicators as svc


@pytest.mark.parametrize("typed, month, name, number", [("November", "Nov", "November", "11"),
                                                         ("sept", "Sep", "September", "09"),
                                                         (" Apr ", "Apr", "April", "04")])
def test_a_month_named_without_its_year_is_refused_saying_to_give_the_year(typed, month, name, number):
    with pytest.raises(IndicatorError) as refused:
        svc.parse_period(typed, "monthly")
    assert str(refused.value) == (f"“{typed.strip()}” names a month but not its year: give the year too "
                                  f"({month}-16 or 2016-{number} for {name} 2016).")

def test_a_month_with_its_year_is_read_as_before():
    assert svc.parse_period("November 2025", "monthly") == "2025-11"
    with pytest.raises(IndicatorError) as refused:
        svc.parse_period("Novembre", "monthly")
    assert "is not a month (2016-04)" in str(refused.value)
