"""`safer-desk fund --as-at` a month after the last month with spend, with no date spend is keyed to: the months
since are counted as £0 in the burn rate though nothing says they are keyed. The forecast said "No spend is recorded
after Oct-18" (the month asked for, as if spend were recorded to it) when none is after Jun-18, and as at the fund's
last month it said nothing at all, a burn rate of £0 read as spend that stopped."""

import csv
import io

from safer_desk.cli import main
from safer_desk.domain.funds import forecast_fund
from safer_desk.domain.periods import Month

FUND = "Suffolk Target Hardening Pilot"
SPEND = {Month(2018, 4): 79500, Month(2018, 5): 83500, Month(2018, 6): 78700}  # seed 002: £2,417 April–June 2018


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def forecast(as_at: Month, **kw):
    return forecast_fund(2_000_000, SPEND, start=Month(2018, 4), end=Month(2019, 9), as_at=as_at,
                         incomplete_from=Month(2026, 12), **kw)


def test_as_at_the_funds_last_month_says_no_spend_is_recorded_since_june():
    said = " ".join(forecast(Month(2019, 9)).warnings)
    assert "No spend is recorded after Jun-18, though Jul-18 to Sep-19 are over" in said
    assert "the burn rate to Sep-19 counts Jul-19 to Sep-19 as £0" in said


def test_as_at_a_month_past_the_spend_names_the_last_month_with_spend_not_the_month_asked_for():
    said = " ".join(forecast(Month(2018, 10)).warnings)
    assert "after Oct-18" not in said and "No spend is recorded after Jun-18, though Jul-18 to Sep-19 are over" in said
    assert "the burn rate to Oct-18 counts Aug-18 to Oct-18 as £0" in said


def test_spend_said_to_be_keyed_is_spend_that_stopped_and_a_month_with_spend_is_as_before():
    assert forecast(Month(2019, 9), complete_to=Month(2019, 9)).warnings == ()
    said = " ".join(forecast(Month(2018, 6)).warnings)
    assert "No spend is recorded after Jun-18, though Jul-18 to Sep-19 are over" in said
    assert "the burn rate to" not in said


def test_fund_as_at_its_last_month_on_the_command_line(demo_path, capsys):
    code, out, err = run(capsys, "fund", str(demo_path), FUND, "--as-at", "2019-09")
    values = dict(csv.reader(io.StringIO(out)))
    assert code == 0 and values["monthly_burn_rate"] == "0"
    assert "No spend is recorded after Jun-18" in err and "No spend is recorded after Jun-18" in values[
        "forecast_warnings"]
    code, out, err = run(capsys, "fund", str(demo_path), FUND, "--as-at", "2019-09", "--keyed-to", "30/09/2019")
    assert code == 0 and "No spend is recorded" not in err
