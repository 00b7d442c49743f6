"""A financial year written "FY2016/17" or "FY 16/17", as finance teams' sheets head their years (session 69).

A partner's sheet of annual figures gave its periods as "FY2016/17" and every row was refused, "“FY2016/17” is not a
month (2016-04), quarter (2016/17 Q1) or financial year (2016/17)". FY says what the year is; it is read as the
year."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.services import indicators as svc


@pytest.mark.parametrize("typed", ["FY2016/17", "FY 2016/17", "fy16/17", "FY 2016-2017", "FY2016/17 "])
def test_a_year_headed_fy_is_that_financial_year(typed):
    assert FinancialYear.parse(typed).label == "2016/17"
    assert svc.parse_period(typed, "annual") == "2016/17"
    assert svc.parse_period(f"Q2 {typed.strip()}", "quarterly") == "2016-Q2"


@pytest.mark.parametrize("typed", ["FY", "FY2016", "FYI 2016/17", "F2016/17"])
def test_fy_alone_or_a_year_that_is_none_is_refused(typed):
    with pytest.raises(PeriodError):
        FinancialYear.parse(typed)
