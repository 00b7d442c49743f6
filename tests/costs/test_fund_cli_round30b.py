"""`safer-desk fund`, round 30 (follow-ups).

1. --keyed-to outside the fund's period was taken: 01/01/2025 on the 2018-19 pilot printed a burn rate of 0 and no
   run-out (every month of the fund "keyed", the months after it none), where Fund settings… refuses the date. It is
   refused the same way, as input the file does not hold (exit 1), and nothing is printed."""

from __future__ import annotations

import csv
import io

import pytest

from tests.costs.test_cli import run

NAME = "Suffolk Target Hardening Pilot"  # 01/04/2018 to 30/09/2019


@pytest.mark.parametrize("day", ["01/01/2025", "31/03/2018", "2019-10-01"])
def test_keyed_to_outside_the_period_is_refused(demo_path, capsys, day):
    code, out, err = run(capsys, "fund", str(demo_path), NAME, "--keyed-to", day)
    assert code == 1 and out == ""
    assert "--keyed-to" in err and "outside the fund's period (01/04/2018 to 30/09/2019)" in err


@pytest.mark.parametrize("day, iso", [("01/04/2018", "2018-04-01"), ("30/09/2019", "2019-09-30")])
def test_keyed_to_within_the_period_is_taken(demo_path, capsys, day, iso):
    code, out, _ = run(capsys, "fund", str(demo_path), NAME, "--keyed-to", day)
    assert code == 0 and dict(csv.reader(io.StringIO(out)))["spend_keyed_to"] == iso


def test_keyed_to_30_june_gives_the_page_s_forecast(demo_path, capsys):
    code, out, _ = run(capsys, "fund", str(demo_path), NAME, "--keyed-to", "30/06/2018")
    values = dict(csv.reader(io.StringIO(out)))
    assert code == 0 and values["monthly_burn_rate"] == "805.67" and values["forecast_exhaustion_month"] == "2020-04"
