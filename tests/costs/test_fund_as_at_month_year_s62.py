"""`safer-desk fund --as-at` reads a month typed month then year ("12/2016", "12/16") as the Indicators tab reads
it, and refuses what is not a month with words that show what to type."""

import csv
import io

import pytest

from safer_desk.cli import main
from safer_desk.cli.common import read_month
from safer_desk.domain.periods import Month, PeriodError

FUND = "Suffolk Target Hardening Pilot"


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("typed", ["12/2016", "12/16", "12.2016", "12-16", " 12/2016 "])
def test_month_then_year_is_that_month(typed):
    assert read_month(typed) == Month(2016, 12)


def test_one_digit_month_and_the_forms_read_before():
    assert read_month("6/18") == Month(2018, 6)
    assert read_month("06/2018") == Month(2018, 6)
    assert read_month("2018-06") == read_month("Jun-18") == read_month("June 2018") == Month(2018, 6)


def test_a_month_then_year_that_is_a_financial_year_too_is_refused_with_both_readings():
    with pytest.raises(PeriodError) as caught:
        read_month("11/12")
    message = str(caught.value)
    assert "2011/12" in message and "Nov-12" in message and "2012-11" in message


@pytest.mark.parametrize("typed, words", [("13/2018", "month must be 1 to 12, not 13"),
                                          ("0/2018", "month must be 1 to 12, not 0"),
                                          ("12/1850", "January 1900 to December 2200"),
                                          ("June", "2016-04")])
def test_nonsense_is_refused_saying_what_to_type(typed, words):
    with pytest.raises(PeriodError) as caught:
        read_month(typed)
    assert f"“{typed}”" in str(caught.value) and words in str(caught.value)


def test_fund_as_at_month_then_year_on_the_command_line(demo_path, capsys):
    code, typed, err = run(capsys, "fund", str(demo_path), FUND, "--as-at", "05/2018", "--window", "2")
    assert code == 0, err
    code, iso, _ = run(capsys, "fund", str(demo_path), FUND, "--as-at", "2018-05", "--window", "2")
    assert typed == iso and dict(csv.reader(io.StringIO(typed)))["monthly_burn_rate"] == "815"
    code, out, err = run(capsys, "fund", str(demo_path), FUND, "--as-at", "12/16")
    assert code == 1 and out == "" and "Dec-16 is before the fund starts (Apr-18)" in err
    code, out, err = run(capsys, "fund", str(demo_path), FUND, "--as-at", "13/2018")
    assert code == 2 and "--as-at" in err and "“13/2018” is not a month" in err
