"""The board report for a chosen financial year shows the reviews open and the funds running in that year."""

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.report_sections.costs import board_report_sections

TODAY = date(2018, 9, 20)  # the date of the seed-002 scrutiny report


def titles(sections):
    return [s.title for s in sections]


def case_refs(sections):
    table = next(t for s in sections for t in s.tables if t.title == "Cost recovery per case")
    return [row[0] for row in table.rows]


def partner_totals(sections):
    table = next(t for s in sections for t in s.tables if t.title == "Cost recovery per partner")
    return table.total_row


def test_every_year_shows_every_review_and_fund(demo_store):
    sections = board_report_sections(demo_store, today=TODAY)
    assert case_refs(sections) == ["WSCSP-DHR-2014-01", "WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02", "WSCSP-LR-2017-01"]
    assert "Suffolk Target Hardening Pilot: burn-down" in titles(sections)


def test_2016_17_shows_only_the_review_open_then_and_no_fund(demo_store):
    sections = board_report_sections(demo_store, year=FinancialYear(2016), today=TODAY)
    # 2014-01 was published in February 2015; 2017-02 and the learning review were notified after March 2017.
    assert case_refs(sections) == ["WSCSP-DHR-2017-01"]
    assert partner_totals(sections)[1] == "£7,525.58"  # the ledger covers that review only, to the penny
    assert not any(t.endswith("burn-down") for t in titles(sections))  # the pilot began in April 2018


def test_2018_19_shows_the_pilot_and_the_reviews_still_open(demo_store):
    sections = board_report_sections(demo_store, year=FinancialYear(2018), today=TODAY)
    assert case_refs(sections) == ["WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02", "WSCSP-LR-2017-01"]
    assert "Suffolk Target Hardening Pilot: burn-down" in titles(sections)


def test_2020_21_has_no_fund_and_only_unpublished_reviews(demo_store):
    sections = board_report_sections(demo_store, year=FinancialYear(2020), today=TODAY)
    assert not any(t.endswith("burn-down") for t in titles(sections))
    assert "WSCSP-DHR-2014-01" not in case_refs(sections)
