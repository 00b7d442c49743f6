"""What the county receives says what the window says (tester h13).

- The county workbook's Indicator summary gives an estimated RAG as the Indicators tab does ("Est. ● Green"), not
  "○ No figure yet".
- The board report's Funders' shares say "Suffolk Public Sector Leaders' share", as Commissioning does.
- The report's chart figures tables print each figure as the tables and the tab show it (88.2%, £3,222.67), never
  a second figure for one thing (88.24).
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)


# -- 1. an estimated RAG in the county workbook --------------------------------------------------------------------
def test_the_county_workbook_summary_gives_an_estimated_rag_as_the_tab_does(demo_store):
    from safer_desk.services.county_workbook import indicator_summary_sheet

    area = "district:ipswich"
    burglary = svc.save_indicator(demo_store, "Burglary dwelling", unit="count", polarity="lower", frequency="annual")
    svc.save_values(demo_store, burglary, area, [PeriodValue("2015/16", 400), PeriodValue("2016/17", 421)])
    idva = svc.save_indicator(demo_store, "IDVA clients feeling safer", unit="percentage", polarity="higher",
                              frequency="annual")
    svc.set_target(demo_store, idva, area, FY16, kind="annual", value=80)
    svc.set_estimate(demo_store, idva, area, FY16, rag="G", basis="Quarterly returns to December")
    (tab,) = [r for r in svc.summary(demo_store, area, FY16) if r.indicator.id == idva]
    assert tab.view.status_label() == "Est. \u25cf Green"  # what the Indicators tab's RAG column shows
    sheet = indicator_summary_sheet(demo_store)
    rag = [c.title for c in sheet.columns].index("RAG")
    rows = {r[2]: r[rag] for b in sheet.blocks for r in b.rows if r[0] == "Ipswich" and r[1] == "2016/17"}
    assert rows["IDVA clients feeling safer"] == "Est. \u25cf Green"
    assert rows["Burglary dwelling"] == "\u25cb No target"


def test_the_county_workbook_summary_gives_a_milestones_target_as_the_tab_does(demo_store):
    """The tab's Target column said "By August 2016"; the workbook said "No target"."""
    from safer_desk.services.county_workbook import indicator_summary_sheet

    area = "district:ipswich"
    burglary = svc.save_indicator(demo_store, "Burglary dwelling", unit="count", polarity="lower", frequency="annual")
    svc.save_values(demo_store, burglary, area, [PeriodValue("2015/16", 400), PeriodValue("2016/17", 421)])
    plan = svc.save_indicator(demo_store, "Publish the strategic assessment", frequency="annual", measure="milestone")
    svc.set_milestone(demo_store, plan, area, FY16, due="August 2016")
    (tab,) = [r for r in svc.summary(demo_store, area, FY16) if r.indicator.id == plan]
    assert tab.view.target_words() == "By August 2016"  # the tab's Target column
    sheet = indicator_summary_sheet(demo_store)
    target = [c.title for c in sheet.columns].index("Target")
    rows = {r[2]: r[target] for b in sheet.blocks for r in b.rows if r[0] == "Ipswich" and r[1] == "2016/17"}
    assert rows["Publish the strategic assessment"] == "By August 2016"
    assert rows["Burglary dwelling"] == "No target"


def test_the_county_workbook_scenario_fund_is_in_pounds_as_commissioning_and_the_report_say(demo_store):
    """The report and Commissioning said "£65,512"; the workbook's block title "fund £65,512.00"."""
    from safer_desk.services.county_workbook import scenarios_sheet
    from safer_desk.services.report import build_report

    titles = [b.title for b in scenarios_sheet(demo_store).blocks]
    assert titles == ["Retained budget 2009/10: pilot and DV coordinators "
                      "(Board retained budget 2009/10: fund £65,512)"]
    report = [t.title for s in build_report(demo_store).sections for t in s.tables]
    assert "Retained budget 2009/10: pilot and DV coordinators (Board retained budget 2009/10: £65,512)" in report


# -- 2. a funder's name as its owner in the report -----------------------------------------------------------------
def test_the_reports_funders_shares_say_leaders_share_not_leaderss(demo_store):
    from safer_desk.services import funders
    from safer_desk.services.projects import FundingSource, load_projects
    from safer_desk.services.report_sections.projects import funders_section

    project = load_projects(demo_store)[0]
    funders.set_project_funding(demo_store, project.id, [
        FundingSource("Suffolk Public Sector Leaders", 1_000_000, financial_year="2018/19")])
    section = funders_section(demo_store, load_projects(demo_store), FinancialYear(2018))
    leaders = [t for t in section.tables if "Suffolk Public Sector Leaders' share" in t.header]
    assert leaders, [t.header for t in section.tables]
    text = " ".join(" ".join(t.header) + " " + t.note for t in section.tables)
    assert "Leaders's" not in text
    assert any(t.note.startswith("Suffolk Public Sector Leaders' shares come to") for t in leaders)


# -- 3. the chart figures tables --------------------------------------------------------------------------------
def percent_store(store):
    area = svc.ensure_area(store, "Testshire")
    ind = svc.save_indicator(store, "Victims satisfied", unit="percentage", polarity="higher", frequency="quarterly")
    svc.save_values(store, ind, area, [PeriodValue("2016-Q1", numerator=30, denominator=34),
                                       PeriodValue("2016-Q2", numerator=25, denominator=27),
                                       PeriodValue("2015-Q1", numerator=20, denominator=27)])
    svc.set_target(store, ind, area, FY16, kind="threshold", value=85)
    return area, ind


def figures_cells(chart) -> list[list[str]]:
    import re

    from safer_desk.exchange.report_html import chart_figures_table

    html = chart_figures_table(chart)
    return [re.findall(r'<td class="r">([^<]*)</td>', row) for row in html.split("<tr>")[2:]]


def test_the_chart_figures_table_prints_a_percentage_as_the_tab_shows_it(store):
    from safer_desk.exchange.report_html import chart_figures_table
    from safer_desk.services.report import build_report

    area, ind = percent_store(store)
    grid = svc.entry_grid(store, ind, area, FY16)
    assert [c.text for c in grid.row(svc.GRID_VALUE).cells[:2]] == ["88.2%", "92.6%"]
    doc = build_report(store, year="2016/17", area="Testshire")
    charts = [c for s in doc.sections for c in s.charts if c.title.startswith("Victims satisfied")]
    assert charts
    bars = figures_cells(charts[0])
    assert bars[0] == ["74.1%", "88.2%"] and bars[1] == ["", "92.6%"] and bars[2] == ["", ""]
    html = "".join(chart_figures_table(c) for c in charts)
    for chart in charts:
        for row in figures_cells(chart):
            for cell in row:
                assert cell == "" or cell.endswith("%"), (chart.title, cell)
    assert "88.24" not in html and "92.59" not in html


def test_the_burn_down_figures_table_prints_money_as_the_report_does(demo_store):
    from safer_desk.services.report import build_report

    doc = build_report(demo_store)
    (chart,) = [c for s in doc.sections if s.title.endswith(": burn-down") for c in s.charts]
    cells = [c for row in figures_cells(chart) for c in row if c]
    assert cells and all(c.startswith("£") for c in cells), cells
    assert "£795" in cells and "£20,000" in cells and "£3,222.67" in cells
    (alloc,) = [c for s in doc.sections if s.title.startswith("Allocation") for c in s.charts]
    assert figures_cells(alloc)[0] == ["£63,768", "£70,725"]
