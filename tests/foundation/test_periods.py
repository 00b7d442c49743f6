from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.domain.periods import (MONTH_ABBR, FinancialYear, Month, PeriodError, Quarter, format_uk_date,
                                       parse_uk_date)


def test_financial_year_runs_april_to_march():
    fy = FinancialYear(2018)
    assert fy.label == "2018/19"
    assert fy.first_day == date(2018, 4, 1) and fy.last_day == date(2019, 3, 31)
    assert [m.iso for m in fy.months][:2] == ["2018-04", "2018-05"]
    assert fy.months[-1].iso == "2019-03"
    assert FinancialYear.of(date(2019, 3, 31)) == fy
    assert FinancialYear.of(date(2019, 4, 1)) == fy.next()
    assert FinancialYear(1999).label == "1999/00"


@pytest.mark.parametrize("text", ["2018/19", "2018-19", "2018/2019", "18/19"])
def test_financial_year_parsing(text):
    assert FinancialYear.parse(text) == FinancialYear(2018)


@pytest.mark.parametrize("typed, start", [("99/00", 1999), ("99-00", 1999), ("70/71", 1970), ("69/70", 2069),
                                          ("09/10", 2009), ("2099/00", 2099), ("1999/2000", 1999)])
def test_a_two_digit_financial_year_is_windowed_as_a_two_digit_date_is(typed, start):
    """"99/00" read as 2099/00: a two-digit year is this century's up to 69 and the last one's from 70, as
    parse_uk_date reads "1/4/99"; four digits stay as typed."""
    assert FinancialYear.parse(typed) == FinancialYear(start)
    assert Quarter.parse(f"Q1 {typed}").year == FinancialYear(start)
    if len(typed) == 5:
        assert parse_uk_date(f"01/04/{typed[:2]}").year == start


@pytest.mark.parametrize("typed, year", [("Apr-99", 1999), ("Mar 70", 1970), ("Mar-69", 2069), ("Apr-16", 2016)])
def test_a_month_with_a_two_digit_year_is_windowed_the_same_way(typed, year):
    assert Month.parse(typed).year == year


def test_bad_financial_year_refused():
    with pytest.raises(PeriodError):
        FinancialYear.parse("2018/20")


def test_quarters_start_in_april():
    assert Month(2016, 4).quarter == Quarter(FinancialYear(2016), 1)
    assert Month(2016, 12).quarter.number == 3
    assert Month(2017, 3).quarter == Quarter(FinancialYear(2016), 4)
    assert [m.iso for m in Quarter(FinancialYear(2016), 2).months] == ["2016-07", "2016-08", "2016-09"]
    assert Quarter.parse("Q1 2016/17") == Quarter.parse("2016/17 Q1") == Quarter.parse("2016-Q1")
    assert Quarter.parse("2016/17-Q1") == Quarter.parse("Q1 16/17") == Quarter(FinancialYear(2016), 1)
    assert Quarter(FinancialYear(2016), 1).key == "2016-Q1"


@pytest.mark.parametrize("typed, calendar, financial", [
    ("Q3 2016", "July to September 2016 (write 2016/17 Q2)", "October to December 2016 (write 2016/17 Q3)"),
    ("2017 Q1", "January to March 2017 (write 2016/17 Q4)", "April to June 2017 (write 2017/18 Q1)"),
    ("q4 2016", "October to December 2016 (write 2016/17 Q3)", "January to March 2017 (write 2016/17 Q4)"),
    ("2016 - Q2", "April to June 2016 (write 2016/17 Q1)", "July to September 2016 (write 2016/17 Q2)"),
])
def test_a_quarter_of_a_calendar_year_is_refused_naming_both_readings(typed, calendar, financial):
    # "Q3 2016" was read as the third quarter of 2016/17 (October to December); most readers mean July to September.
    with pytest.raises(PeriodError) as refused:
        Quarter.parse(typed)
    assert str(refused.value) == (f"“{typed}” could mean {calendar} or {financial}: a quarter is written with its "
                                  "financial year (Q1 is April to June).")


def test_the_stored_form_of_a_quarter_is_read_but_not_taken_as_typed():
    assert Quarter.parse("2016-Q1") == Quarter(FinancialYear(2016), 1)  # the file's own form ("2016-Q1" key)
    with pytest.raises(PeriodError, match="“2016-Q1” could mean January to March 2016 .write 2015/16 Q4. or "
                                          "April to June 2016 .write 2016/17 Q1."):
        Quarter.parse("2016-Q1", typed=True)
    assert Quarter.parse("2016/17 Q1", typed=True) == Quarter(FinancialYear(2016), 1)


def test_months():
    assert Month.parse("Apr-16") == Month(2016, 4) == Month.parse("2016-04") == Month.parse("April 2016")
    assert Month(2016, 4).label == "Apr-16"
    assert Month(2016, 4).fy_index == 1 and Month(2017, 3).fy_index == 12
    assert Month(2018, 4).plus(17) == Month(2019, 9)
    assert Month(2020, 3).minus(Month(2018, 4)) == 23
    with pytest.raises(PeriodError):
        Month.parse("Smarch-16")


def test_british_dates():
    assert parse_uk_date("01/04/2018") == date(2018, 4, 1)
    assert format_uk_date(date(2018, 4, 1)) == "01/04/2018"
    with pytest.raises(PeriodError):
        parse_uk_date("31/02/2018")


@pytest.mark.parametrize("typed", ["01/01/9999", "31/12/1899", "0001-01-01", "1 April 2201"])
def test_a_date_outside_the_years_safer_desk_holds_is_refused(typed):
    # "--today 01/01/9999" (or a payment dated so, once its slip was confirmed) stopped the fund's figures with
    # "year 9999 is out of range" from deep inside: months are held from 1900 to 2200.
    with pytest.raises(PeriodError, match="1900 to 2200"):
        parse_uk_date(typed)
    assert parse_uk_date("01/01/1900") == date(1900, 1, 1) and parse_uk_date("31/12/2200") == date(2200, 12, 31)


def test_the_fund_command_refuses_a_date_it_cannot_hold_in_a_line(demo_path, capsys):
    from safer_desk.cli import main

    for option in ("--today", "--keyed-to"):
        with pytest.raises(SystemExit) as usage:  # a usage error, said by argparse
            main(["fund", str(demo_path), "Suffolk Target Hardening Pilot", option, "01/01/9999"])
        assert usage.value.code == 2
        assert "1900 to 2200" in capsys.readouterr().err


@pytest.mark.parametrize("typed, words", [
    ("31/02/2018", "“31/02/2018” is not a date: February 2018 has 28 days."),
    ("29/02/2019", "“29/02/2019” is not a date: February 2019 has 28 days."),
    ("31/04/2018", "“31/04/2018” is not a date: April 2018 has 30 days."),
    ("12/13/2018", "“12/13/2018” is not a date: there is no month 13 (the day comes first: 13 December is "
                   "13/12/2018)."),  # typed month first, as in the USA
    ("0/4/2018", "“0/4/2018” is not a date: there is no day 0."),
    ("2018-13-01", "“2018-13-01” is not a date: there is no month 13."),  # ISO: the year and month come first
    ("31 Feb 2018", "“31 Feb 2018” is not a date: February 2018 has 28 days."),
])
def test_a_day_that_does_not_exist_says_why(typed, words):
    # "is not a date (use a form like 01/04/2018 …)" for 31/02/2018, which is in that very form.
    with pytest.raises(PeriodError) as refused:
        parse_uk_date(typed)
    assert str(refused.value) == words
    assert parse_uk_date("29/02/2020") == date(2020, 2, 29)


@pytest.mark.parametrize("typed, day", [
    ("01/04/2018 00:00", date(2018, 4, 1)),  # Excel's CSV of a cell formatted with a time
    ("01/04/2018 00:00:00", date(2018, 4, 1)),
    ("1/4/18 14:30", date(2018, 4, 1)),
    ("2018-04-01 00:00:00", date(2018, 4, 1)),  # how many systems' exports write a date
    ("2018-04-01T09:15:00", date(2018, 4, 1)),
    ("2018-04-01T09:15:00.250", date(2018, 4, 1)),
    ("1 April 2018 00:00", date(2018, 4, 1)),
])
def test_a_date_with_a_time_of_day_is_that_date(typed, day):
    # "01/04/2018 00:00", as a spreadsheet or a case system exports a date, was refused as "not a date".
    assert parse_uk_date(typed) == day


@pytest.mark.parametrize("typed", ["01/04/2018 25:00", "01/04/2018 12:60", "01/04/2018 noon", "01/04/2018 12",
                                   "2018-04-01T", "01/04/2018 00:00 extra"])
def test_a_date_with_something_else_after_it_is_still_refused(typed):
    with pytest.raises(PeriodError, match="is not a date"):
        parse_uk_date(typed)


@settings(max_examples=300)
@given(year=st.integers(1900, 2199), month=st.integers(1, 12))
def test_a_month_s_label_reads_back_as_the_same_month(year, month):
    """A fund's run-out 44 years ahead was said "Jan-70", which reads (and parses) as January 1970: a label with two
    digits only where they read back as its own year, the whole year otherwise (round 38)."""
    m = Month(year, month)
    assert Month.parse(m.label) == m
    if 1970 <= year <= 2069:
        assert m.label == f"{MONTH_ABBR[month - 1]}-{year % 100:02d}"  # the board papers' form where it reads back


def test_a_far_run_out_month_is_said_with_its_whole_year():
    assert Month(2070, 1).label == "Jan-2070"
    assert Month(1969, 12).label == "Dec-1969"
    assert Month(2069, 12).label == "Dec-69"
