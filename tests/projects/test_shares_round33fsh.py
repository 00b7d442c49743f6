"""Funders' shares, round 33 (fsh): the shares as the board report and the register read them back, against the
editor that shows them while they are typed."""

import pytest

from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services.report import build_report

SEX_EXPLOITATION = "Sexual Exploitation of Adults / Children in Off-street Premises"


def _report_shares(store, title):
    (table,) = [t for s in build_report(store).sections for t in s.tables
                if t.title == "Projects and the board's criteria"]
    (row,) = [r for r in table.rows if r[1] == title]
    return row[-1]


def test_a_share_of_a_range_or_a_minimum_is_said_against_the_cost_as_stated(demo_store):
    """The report's "Funders' shares" read the Constabulary's £42,000 as "of £62,372" (the upper end of £54,372 -
    £62,372, as if that were the cost) and a share of "Minimum £50,000" as "of £50,000" (the whole cost), where the
    editor says "of £54,372 - £62,372" and "of at least £50,000"."""
    assert _report_shares(demo_store, SEX_EXPLOITATION) == (
        "Suffolk Constabulary (police support worker, outside the total): £42,000 of £54,372 - £62,372")
    innkeeper = next(p for p in svc.load_projects(demo_store) if p.cost_text == "Minimum £50,000")
    funders.set_project_funding(demo_store, innkeeper.id, [svc.FundingSource("OPCC", 3_000_000, "", "2009/10")])
    assert _report_shares(demo_store, innkeeper.title) == "OPCC (2009/10): £30,000 of at least £50,000"
    rows = {r.title: r.describe() for r in funders.funder_share_rows(svc.load_projects(demo_store))}
    assert rows[innkeeper.title] == "OPCC (2009/10): £30,000 of at least £50,000"
    assert rows[SEX_EXPLOITATION].endswith("£42,000 of £54,372 - £62,372")


def test_the_report_says_a_share_as_the_editor_does(demo_window):
    """The register's editor and the board report read the same share of a range alike."""
    page = demo_window.show_tab("projects").register
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).title == SEX_EXPLOITATION))
    shown = page.editor.funders.text().splitlines()[0]
    assert shown.startswith("Suffolk Constabulary (police support worker, outside the total): £42,000 of £54,372 - "
                            "£62,372 (")
    assert shown.startswith(_report_shares(demo_window.session.store, SEX_EXPLOITATION) + " (")


@pytest.mark.parametrize("typed", ["£ -", " £ -   ", "£-", "£ –"])
def test_excels_accounting_nil_is_a_share_of_nothing(typed):
    """Excel's Accounting format shows £0 as "£ -" (with its padding), and that is what Ctrl+C copies: it was kept as
    the paper's words, a share "not known yet" that Commissioning listed as still to come and What fits? could not
    weigh."""
    problems = []
    assert svc.parse_funding_sources(f"OPCC (2017/18):{typed}", problems) == (
        svc.FundingSource("OPCC", 0, "", "2017/18"),)
    assert not problems


def test_excels_nil_pasted_under_funding_sources_reads_as_nothing(demo_window):
    page = demo_window.show_tab("projects").register
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).title == SEX_EXPLOITATION))
    page.editor.widgets["funding_sources"].setPlainText("OPCC (2009/10): £ -   \nLottery (2009/10): £20,000")
    assert page.editor.funders.text().splitlines()[0] == "OPCC (2009/10): £0 of £54,372 - £62,372 (0.0% of the lower " \
                                                         "end, 0.0% of the upper)"


@pytest.mark.parametrize("typed, share", [("£110,000 of £501,753", "£110,000"),
                                          ("£42,000 of £54,372 - £62,372", "£42,000"),
                                          ("£30,000 of at least £50,000", "£30,000")])
def test_a_share_copied_from_the_board_report_says_to_give_the_share_alone(typed, share):
    """The board report (and seed 003's table) write a share "of" the cost; typed or pasted back under Funding
    sources it was refused as "not an amount of money", which does not say what to change."""
    problems = []
    assert svc.parse_funding_sources(f"OPCC (2017/18): {typed}", problems) == ()
    assert problems == [("funding_sources", f"line 1: give the share alone (“OPCC (2017/18): {share}”): the project's "
                                            "cost goes under Cost.")]


@pytest.mark.parametrize("typed, year", [("OPCC (31/03/2018)", "2017/18"), ("OPCC (01/04/2018)", "2018/19"),
                                         ("OPCC 01/04/2018", "2018/19"), ("OPCC (from 1/4/2018)", "2018/19")])
def test_a_date_typed_for_the_year_of_a_share_is_asked_for_as_its_financial_year(typed, year):
    """A date where the share's year goes was kept as part of the funder's name ("OPCC (31/03/2018)", no year): not
    the OPCC, so against the OPCC's award the project's whole cost was counted. The refusal names the financial year
    the date is in (31 March is the last day of one, 1 April the first of the next)."""
    problems = []
    assert svc.parse_funding_sources(f"{typed}: £5,000", problems) == ()
    ((field, message),) = problems
    assert field == "funding_sources" and message.startswith("line 1: ")
    assert f"is in {year}" in message and f"“OPCC ({year}): £5,000”" in message


@pytest.mark.parametrize("typed", ["OPCC (FY 2018/19)", "OPCC (FY2018/19)", "OPCC (Yr2 2018/19)",
                                   "OPCC (Yr 2 2018/19)"])
def test_a_year_in_brackets_after_fy_or_yr_is_the_shares_year(typed):
    """Seed 000 writes a project's years "Yr1 2009/10", and a bare "OPCC, FY 2018/19" was read as the OPCC's share for
    2018/19: in brackets they were refused with a garbled example ("OPCC (FY ) (2018/19)")."""
    problems = []
    assert svc.parse_funding_sources(f"{typed}: £5,000", problems) == (
        svc.FundingSource("OPCC", 500_000, "", "2018/19"),)
    assert not problems


def test_the_editor_says_which_year_a_date_typed_for_a_share_is_in(demo_window):
    page = demo_window.show_tab("projects").register
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).title == SEX_EXPLOITATION))
    page.editor.widgets["funding_sources"].setPlainText("OPCC (31/03/2010): £20,000")
    assert page.editor.funders.text() == (
        "⚠ line 1: “31/03/2010” is a date: a share is for a financial year (1 April to 31 March), and 31/03/2010 is "
        "in 2009/10: type “OPCC (2009/10): £20,000”.")
