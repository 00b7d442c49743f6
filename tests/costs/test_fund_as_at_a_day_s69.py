"""`safer-desk fund FILE NAME --as-at 2018-06-15` was refused as "not a month (use a form like 2016-04 or Apr-16)", with
no word of why a date is not taken. --as-at is the last month of the burn-rate window (DESIGN §4: a month, as
`indicators` writes one, YYYY-MM); a day's month would be a guess, and a month not complete by that day would be
counted whole. A day is still refused, exit 2, but now said as a day, naming its month to give, 2018-06, and
--today for the position on that day."""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("typed", ["2018-06-15", "15/06/2018", "15 June 2018"])
def test_fund_as_at_a_day_names_its_month_and_today(capsys, demo_path, typed):
    code, out, err = run(capsys, "fund", demo_path, "Suffolk Target Hardening Pilot", "--as-at", typed)
    assert (code, out) == (2, "")
    assert f"argument --as-at: “{typed}” is a day, not a month: give its month, 2018-06" in err, err
    assert "--today 15/06/2018" in err


def test_fund_as_at_its_month_is_read(capsys, demo_path):
    code, out, err = run(capsys, "fund", demo_path, "Suffolk Target Hardening Pilot", "--as-at", "2018-06",
                         "--today", "2019-01-01")
    assert code == 0, err
    assert out.startswith("name,value")
