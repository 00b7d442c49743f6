"""Session 73: the paper's rows pasted as printed, their Annual Change and Total columns placed or told.

Seed 004's revenue table copied without its heading row ("A Budget Net | 878 | (0.7) | 884 | (27.5) | 641 | 1.7 | 652
| (0.6) | 648") onto the first year of a five-year plan was refused ("9 figures were copied across, but from 2010/11
Budget the plan has only 5 years … copy its heading row"), though nine figures over five years can only be the years
with a change between each two: they are now placed so, each change beside the year it is into (checked as typed
there), and the message under the grid says how they were read.

A Total column copied with the heading row (seed 002's "Revenue/Capital/ Expenditure/Income Item | Total | 2017/18
…", the MTFP's figures with a "Total" after the years) was left aside without a word, its figures too: nothing said
that they were not pasted, nor that a row's Total disagreed with its own years. Now a Total that agrees is told as
left aside, and one that disagrees is asked about first, naming the line and both figures.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter

ROWS = [["878", "(0.7)", "884", "(27.5)", "641", "1.7", "652", "(0.6)", "648"],
        ["582", "(45.5)", "317", "(69.4)", "97", "(36.1)", "62", "-", "62"]]
YEARS = "2010/11 Budget, 2011/12 Budget, 2012/13 Budget, 2013/14 Budget, 2014/15 Budget"


@pytest.fixture
def revenue(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("East Sussex revenue budget", YEARS, unit="thousand"), p.error
    assert p.add_section("Revenue"), p.error
    assert p.add_line(p.added_section, "A Budget Net\nB Income or specific grant"), p.error
    return p


def _lines(p):
    return {r.label: [(c.text, c.stated_change) for c in r.cells] for r in p.rows if r.kind == "line"}


def _first(p) -> int:
    return next(i for i, r in enumerate(p.rows) if r.kind == "line")


PLACED = {"A Budget Net": [("878", ""), ("884", "(0.7)"), ("641", "(27.5)"), ("652", "1.7"), ("648", "(0.6)")],
          "B Income or specific grant": [("582", ""), ("317", "(45.5)"), ("97", "(69.4)"), ("62", "(36.1)"),
                                         ("62", "-")]}


def test_the_papers_rows_without_their_heading_place_the_changes_between_the_years(revenue):
    p = revenue
    assert p.paste_block(_first(p), 0, ROWS), p.error
    assert _lines(p) == PLACED
    assert "annual change" in p.told and "(0.7)" in p.told and "2011/12 Budget" in p.told, p.told
    a = next(r for r in p.rows if r.label == "A Budget Net")
    assert a.cells[1].flag and "(0.7)" in a.cells[1].flag  # the paper's (0.7) for a rise, flagged as typed
    p.typing_taken_back()  # another cell chosen, Esc: what the paste said goes, as a refusal does
    assert p.told == ""


def test_with_their_names_on_the_first_lines_name(revenue):
    p = revenue
    named = [["A Budget Net", *ROWS[0]], ["B Income or specific grant", *ROWS[1]]]
    assert p.paste_block(_first(p), None, named, with_names=True), p.error
    assert _lines(p) == PLACED


def test_figures_where_a_change_would_be_are_refused_as_before(revenue):
    p = revenue
    wide = [["878", "12,000", "884", "(27.5)", "641", "1.7", "652", "(0.6)", "648"]]
    assert not p.paste_block(_first(p), 0, wide)
    assert "9 figures were copied across" in p.error, p.error
    assert all(c == ("", "") for cells in _lines(p).values() for c in cells)
    years = [["878", "884", "641", "652", "648", "582", "317"]]  # a £'000 line's figures, more than the years
    assert not p.paste_block(_first(p), 1, years)
    assert "7 figures were copied across" in p.error, p.error


MTFP_HEAD = ["Community Safety including Drugs and Alcohol Portfolio", "11/12 £", "12/13 £", "13/14 £", "14/15 £",
             "Total"]


@pytest.fixture
def mtfp(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", "2011/12, 2012/13, 2013/14, 2014/15"), p.error
    assert p.add_section("Community Safety"), p.error
    assert p.add_line(p.added_section, "Employees\nTransport"), p.error
    return p


def test_a_total_column_that_agrees_is_told_as_left_aside(mtfp):
    p = mtfp
    block = [MTFP_HEAD, ["Employees", "327,800", "384,300", "393,200", "393,200", "1,498,500"],
             ["Transport", "5,000", "5,000", "5,000", "5,000", "20,000"]]
    assert p.paste_block(_first(p), None, block, with_names=True), p.error
    assert [c.text for c in next(r for r in p.rows if r.kind == "total").cells] == [
        "£332,800", "£389,300", "£398,200", "£398,200"]
    assert "“Total” column was not pasted" in p.told and "agree" in p.told, p.told


def test_a_total_column_that_disagrees_is_asked_about_naming_the_line(mtfp):
    p = mtfp
    block = [MTFP_HEAD, ["Employees", "327,800", "384,300", "393,200", "393,200", "1,489,500"],
             ["Transport", "5,000", "5,000", "5,000", "5,000", "20,000"]]
    assert not p.paste_block(_first(p), None, block, with_names=True)
    assert "Employees" in p.error and "£1,489,500" in p.error and "£1,498,500" in p.error, p.error
    assert "Paste the same cells again" in p.error, p.error
    assert all(c.text == "" for r in p.rows if r.kind == "line" for c in r.cells)
    assert p.paste_block(_first(p), None, block, with_names=True), p.error  # pasted again: the years go in
    assert next(r for r in p.rows if r.label == "Employees").cells[0].text == "£327,800"
    assert "Employees" in p.told and "£1,489,500" in p.told, p.told


def test_an_empty_total_column_says_nothing(store):
    """Seed 002's Total column is empty in the paper: nothing to say about it."""
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Western Suffolk CSP", "2017/18, 2018/19, 2019/20"), p.error
    assert p.add_section("Items"), p.error
    assert p.add_line(p.added_section, "E-CINS/Athena Partnership Platform"), p.error
    block = [["Revenue/Capital/ Expenditure/Income Item", "Total", "2017/18", "2018/19", "2019/20"],
             ["E-CINS/Athena Partnership Platform", "", "£5,000 (£2,500 per District)",
              "£5,000 (£2,500 per District)", "N/K"]]
    assert p.paste_block(_first(p), None, block, with_names=True), p.error
    assert p.told == ""


def test_the_mtfps_section_heading_row_copied_over_its_lines_is_left_aside(store):
    """The MTFP as printed (seed 004, Appendix 1): its heading row of years, then "Community Safety" alone on its row
    (the section's heading, no figures), then the lines. Copied so, it was refused as "6 rows were copied, but from
    Employees the section Community Safety has only 5 lines", the heading counted as a line."""
    # As the seed's text holds it (004_d0a6810e736c21ad.txt, Appendix 1), cell by cell.
    printed = ["Community Safety including Drugs and Alcohol Portfolio\t11/12 £\t12/13 £\t13/14 £\t14/15 £",
               "Community Safety\t\t\t\t",
               "Employees\t327,800\t384,300\t393,200\t393,200",
               "Transport\t5,000\t5,000\t5,000\t5,000",
               "Supplies and Services\t35,800\t21,300\t21,300\t21,300",
               "Third Party Payments\t527,000\t406,000\t386,000\t386,000",
               "Support Services\t28,900\t28,700\t28,700\t28,700"]
    block = [text.split("\t") for text in printed]
    assert block[1][0] == "Community Safety" and not any(c.strip() for c in block[1][1:])
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", "2011/12, 2012/13, 2013/14, 2014/15"), p.error
    assert p.add_section("Community Safety"), p.error
    assert p.add_line(p.added_section, "\n".join(r[0] for r in block[2:])), p.error
    assert p.paste_block(_first(p), None, block, with_names=True), p.error
    assert [c.text for c in next(r for r in p.rows if r.kind == "total").cells] == [
        "£924,500", "£845,300", "£834,200", "£834,200"]  # the paper's Total Expenditure
    assert "“Community Safety”" in p.told and "heading" in p.told, p.told


UNITS = ["", "£'000", "%", "£'000", "%", "£'000", "%", "£'000", "%", "£'000"]


def test_the_row_of_units_copied_over_the_rows_without_their_heading(revenue):
    """Seed 004's revenue rows copied from under the heading with their units row ("£'000 | % | £'000 …"): refused
    as "3 rows were copied, but from A Budget Net the section Revenue has only 2 lines", the units counted as a line."""
    p = revenue
    named = [UNITS, ["A Budget Net", *ROWS[0]], ["B Income or specific grant", *ROWS[1]]]
    assert p.paste_block(_first(p), None, named, with_names=True), p.error
    assert _lines(p) == PLACED


def test_figures_with_their_units_row_on_the_first_year(revenue):
    p = revenue
    assert p.paste_block(_first(p), 0, [UNITS[1:], *ROWS]), p.error
    assert _lines(p) == PLACED


def test_a_units_row_in_pounds_over_a_plan_in_thousands_is_refused_saying_so(revenue):
    p = revenue
    pounds = ["£", "%", "£", "%", "£", "%", "£", "%", "£"]
    assert not p.paste_block(_first(p), 0, [pounds, *ROWS])
    assert p.error.startswith("The rows copied are in pounds, as their row of units says, but this plan is in £'000"), \
        p.error


def test_the_total_column_under_a_section_heading_row_is_checked_against_its_own_line(mtfp):
    """With the section's heading row left aside, each Total is still checked against its own line's years."""
    p = mtfp
    block = [MTFP_HEAD, ["Community Safety", "", "", "", "", ""],
             ["Employees", "327,800", "384,300", "393,200", "393,200", "1,498,500"],
             ["Transport", "5,000", "5,000", "5,000", "5,000", "20,000"]]
    assert p.paste_block(_first(p), None, block, with_names=True), p.error
    assert "agree" in p.told and "disagrees" not in p.told, p.told


def test_a_total_column_partly_checked_names_the_lines_it_agrees_for(store):
    """Seed 002's table with its Total column filled in: two rows hold a TBC or N/K and cannot be checked; the one
    that can was said as "Its figure agrees", not saying whose."""
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Western Suffolk CSP", "2017/18, 2018/19, 2019/20"), p.error
    assert p.add_section("Items"), p.error
    block = [["Revenue/Capital/ Expenditure/Income Item", "Total", "2017/18", "2018/19", "2019/20"],
             ["Domestic Homicide Reviews (DHRs)", "£7,525.58", "£7525.58", "TBC", "N/K"],
             ["E-CINS/Athena Partnership Platform", "£10,000", "£5,000 (£2,500 per District)",
              "£5,000 (£2,500 per District)", ""]]
    assert p.add_line(p.added_section, "\n".join(r[0] for r in block[1:])), p.error
    assert p.paste_block(_first(p), None, block, with_names=True), p.error
    assert "agrees with the years copied for E-CINS/Athena Partnership Platform" in p.told, p.told
    assert "Not checked for Domestic Homicide Reviews (DHRs)" in p.told, p.told
