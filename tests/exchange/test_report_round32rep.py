"""Round 32 (rep): the board report read as a sceptical board officer would.

Every table a total can be asked of has one that adds up to its lines; a chart's title is printed whole however
long the indicator's name; a status that counts something says what it counts.
"""

from __future__ import annotations

import re

from safer_desk.services.report import build_report
from safer_desk.services.report_model import ReportChart, ReportSection, ReportSeries
from tests.exchange.report_samples import sample_document
from tests.exchange.test_report import pdf_text


def _section(doc, title: str) -> ReportSection:
    return next(s for s in doc.sections if s.title == title)


def _pounds(text: str) -> int:
    return int(text.replace("£", "").replace(",", ""))


def test_a_funds_spend_per_district_has_a_total_that_adds_up(demo_store):
    """The window's Spend per district table has a Total row; the report's had none, so a board member had to add
    up seven lines to check them against the £2,417 spent (seed 002: £2,417 on 15 victims, April–June 2018)."""
    doc = build_report(demo_store, year="2018/19")
    fund = _section(doc, "Suffolk Target Hardening Pilot: burn-down")
    by_district = next(t for t in fund.tables if t.title == "Spend per district")
    assert by_district.total_row == ["Total", "15", "£2,417"]
    assert sum(int(r[1]) for r in by_district.rows) == 15
    assert sum(_pounds(r[2]) for r in by_district.rows) == 2417
    by_month = next(t for t in fund.tables if t.title == "Spend per month")
    assert by_month.total_row[1:] == by_district.total_row[1:]


LONG_TITLE = ("Serious violent crime in a public place where alcohol or substance misuse was a factor: "
              "2009/10 against 2008/09")


def test_a_long_chart_title_is_printed_whole_in_the_pdf(qapp, tmp_path):
    """LT7's chart title ran off the right of the PDF page ("… substance misuse was a fac"): it wraps instead."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    doc = sample_document()
    doc.sections = [ReportSection("Indicators: Suffolk", charts=[
        ReportChart(LONG_TITLE, ["2008/09", "2009/10"], [ReportSeries("Offences", [1352.0, 1407.0], "bar")],
                    y_label="count")])]
    write_pdf(doc, tmp_path / "board.pdf")
    text = " ".join(pdf_text(tmp_path / "board.pdf").split())
    assert LONG_TITLE in text


def test_a_wrapped_chart_title_keeps_clear_of_the_plot():
    """The title's lines sit above the plot area, inside the drawing's width; a short title stays one line."""
    from safer_desk.exchange.report_html import chart_svg
    from safer_desk.ui.exchange.report_pdf import CHART_H, CHART_W, split_chart_svg

    chart = ReportChart(LONG_TITLE, ["2008/09", "2009/10"], [ReportSeries("Offences", [1352.0, 1407.0], "bar")])
    _, words = split_chart_svg(chart_svg(chart, CHART_W, CHART_H, show_title=True))
    lines = [w for w in words if w.bold]
    assert len(lines) >= 2 and " ".join(w.text for w in lines) == LONG_TITLE
    assert all(len(w.text) * 8 <= CHART_W - w.x for w in lines)
    ticks = [w for w in words if w.anchor == "end"]  # the y axis's numbers: the highest is the plot's top
    assert max(w.y for w in lines) < min(w.y for w in ticks) - 10
    short = ReportChart("Repeat cases at MARAC", ["Q1"], [ReportSeries("Rate", [16.3])])
    assert [w.text for w in split_chart_svg(chart_svg(short, CHART_W, CHART_H, show_title=True))[1]
            if w.bold] == ["Repeat cases at MARAC"]


def test_an_overdue_reviews_count_says_what_it_counts(demo_store):
    """"⚠ Overdue (7)": seven of what? The table's note says (stages, recommendations and invoices past due)."""
    doc = build_report(demo_store, year="2018/19")
    reviews = _section(doc, "Domestic Homicide Reviews: cost recovery")
    cases = reviews.tables[0]
    assert any(re.search(r"Overdue \(\d+\)", r[4]) for r in cases.rows)
    assert "Overdue (n): n stages, recommendations or partners' invoices past their due dates." in cases.note


def test_a_fund_not_yet_started_says_nothing_is_spent_not_0_victims(demo_store):
    """A fund starting next year: "spent £0 supporting 0 victims" read like a failed scheme; it says none is spent
    yet, and why the balance is £0 (the money is dated after today)."""
    from safer_desk.services import funds

    fund = funds.add_fund(demo_store, name="Sanctuary Scheme 2027", starts_on="2027-04-01", ends_on="2028-03-31")
    funds.add_contribution(demo_store, fund, organisation="Babergh District Council", amount="5000",
                           received_on="2027-04-01")
    doc = build_report(demo_store)
    section = _section(doc, "Sanctuary Scheme 2027: burn-down")
    said = " ".join(section.paragraphs)
    assert section.paragraphs[0] == "Contributions £5,000; nothing spent yet; balance £0."
    assert "0 victims" not in said and "it is not in the balance until it is received" in said
    assert not section.tables and section.charts  # no table of £0, the fund's level drawn
