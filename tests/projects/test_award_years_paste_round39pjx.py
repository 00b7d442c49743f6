"""Round 39 (pjx): an award's amounts by year copied from Excel into View > Funders' Awards….

Cells copied from a sheet come as lines of tab-separated cells. The sheet's heading row ("Year⇥Amount") was refused
with the tab shown raw in the message ("“Year	Amount” should read like …"); a year with two amounts beside it
("2017/18⇥£400,568⇥£300,000", or "2017/18: £10,000 £20,000") was read as one amount, and refused as "not an amount
of money", the tab again raw. Now a heading row is skipped (it holds no money), years across a row with their amounts
in the row below are read year by year, and what is refused is said in words: the cells named, never a raw tab.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.commissioning import FundingError
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.services.funders import make_award, years_from_text


def refusal(text: str) -> str:
    with pytest.raises(FundingError) as caught:
        make_award(funder="OPCC", name="Grant", years=years_from_text(text))
    message = str(caught.value)
    assert "\t" not in message, message
    return message


@pytest.mark.parametrize("text", [
    "Year\tAmount\r\n2017/18\t£400,568\r\n2018/19\t£300,000\r\n",  # as Excel copies a range with its headings
    "Financial year\tAmount (£)\n2017/18\t400568\n2018/19\t300,000\t\n",
    "FY\tAward\n2017-18\t£400,568\n2018-19\t£300,000",
    "Year:  Amount\n2017/18: £400,568\n2018/19: £300,000",  # the headings typed above the lines
])
def test_the_sheets_heading_row_is_skipped(text):
    assert make_award(funder="OPCC", name="Grant", years=years_from_text(text)).years == {
        "2017/18": 40056800, "2018/19": 30000000}


@pytest.mark.parametrize("text", [
    "2017/18\t2018/19\n£400,568\t£300,000",  # years across, their amounts in the row below
    "Year\t2017/18\t2018/19\nAmount\t£400,568\t£300,000\n",  # with the sheet's labels down the left
])
def test_years_across_a_row_read_with_the_amounts_below(text):
    assert make_award(funder="OPCC", name="Grant", years=years_from_text(text)).years == {
        "2017/18": 40056800, "2018/19": 30000000}


def test_an_amount_cell_before_its_year_cell_reads_the_same():
    assert years_from_text("£400,568\t2017/18") == {"2017/18": "£400,568"}


@pytest.mark.parametrize("text", ["2017/18\t£400,568\t£300,000", "2017/18: £400,568 £300,000",
                                  "2017/18 400,568 300,000", "2017/18\t400568\t\t300000"])
def test_two_amounts_for_one_year_are_named_not_read_as_one(text):
    message = refusal(text)
    assert message.startswith("Year: the line for 2017/18 has two amounts, £400,568 and £300,000"), message
    assert "not an amount of money" not in message and "thousands separator" not in message


def test_a_row_with_a_note_beside_the_amount_names_its_cells():
    message = refusal("Year\tAmount\tNotes\n2017/18\t£400,568\tpaid quarterly")
    assert message.startswith("Year: the line for 2017/18 has more beside its amount"), message
    assert "“£400,568”, “paid quarterly”" in message


def test_a_row_of_cells_that_is_no_year_is_said_as_its_cells():
    message = refusal("Scheme\tNotes\n2017/18\t£400,568")
    assert message.startswith("Year: the row of cells “Scheme”, “Notes” should read like “2017/18: £400,568”"), message


def test_a_range_of_years_across_cells_is_said_as_its_cells():
    message = refusal("2017/18\t2018/19\t2019/20")
    assert "“2017/18”, “2018/19”, “2019/20”" in message, message


def test_the_thousands_spaced_amount_still_reads_as_one():
    """ "400 568" is how some sheets space thousands: one amount, as before."""
    assert make_award(funder="OPCC", name="Grant", years=years_from_text("2017/18 400 568")).years == {
        "2017/18": 40056800}


def test_the_awards_form_says_it_beside_the_years(demo_store):
    awards = AwardsPresenter(demo_store, perform=ActionLog())
    form = awards.new_form()
    for key, value in {"funder": "OPCC", "name": "Pasted grant",
                       "years": "Year\tAmount\n2017/18\t£400,568\t£300,000"}.items():
        form.set_value(key, value)
    assert not form.save()
    message = form.message("years")
    assert message.startswith("Year: the line for 2017/18 has two amounts") and "\t" not in message
    form.set_value("years", "Year\tAmount\n2017/18\t£400,568\n2018/19\t£300,000\n")
    assert form.save(), form.form_message
    saved = next(a for a in awards.rows() if a.name == "Pasted grant")
    assert saved.years == {"2017/18": 40056800, "2018/19": 30000000}
