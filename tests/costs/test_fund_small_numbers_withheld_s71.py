"""S71 (privacy4): a pooled fund's counts of one or two victims never leave the office file.

1. A fund of fewer than three victims in all kept its count: the board report as at 10/04/2018 (the example's pilot,
   one victim helped by then) said "spent £160 supporting 1 victim (mean £160 per victim)", "Apr-18: 1" and
   "Not given by district (small numbers): 1", and the fund's workbook the same (victims 1, mean £160, per month 1,
   per district 1, "£100 to £300: 1"). The disclosure rules merge rows until none counts one or two, which a fund of
   one or two in all cannot reach. Such a count is now said "fewer than 3" (``disclosure.count_given``) and the mean
   left out; the money is kept (the fund's spend is its contributions less its balance, which the partners see).
2. A month of no victim first supported whose spend was on one or two victims helped before was given on its own
   ("Jul-18: 0 victims, £45" told what was spent on the one victim helped again in July). A month is now small by the
   victims its spend was on too, as the county export's rows are, and joins the months next to it.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.report import build_report

PILOT = "Suffolk Target Hardening Pilot"
FEWER_THAN_SMALL = "fewer than 3"  # a count of one or two as it leaves the office
ONE_VICTIM_DAY = date(2018, 4, 10)  # only TH-2018-001 (£160 on 09/04/2018) helped by then


def _section(doc, title):
    return next(s for s in doc.sections if s.title == title)


def _victim_counts(doc) -> list[str]:
    return [r[i] for s in doc.sections for t in s.tables for i, h in enumerate(t.header) if "Victims" in h
            for r in [*t.rows, *([t.total_row] if t.total_row else [])]]


def test_the_board_report_gives_a_fund_of_one_victim_no_count(demo_store):
    doc = build_report(demo_store, year="2018/19", today=ONE_VICTIM_DAY)
    section = _section(doc, f"{PILOT}: burn-down")
    said = " ".join(section.paragraphs)
    assert "supporting fewer than 3 victims" in said and "1 victim" not in said and "mean" not in said
    assert "spent £160" in said  # the money is kept
    months = next(t for t in section.tables if t.title == "Spend per month")
    assert months.rows == [["Apr-18", FEWER_THAN_SMALL, "£160"]]
    assert months.total_row == ["Total", FEWER_THAN_SMALL, "£160"]
    assert "fewer than 3 victims in all" in months.note
    counts = _victim_counts(doc)
    assert counts and not {"1", "2"} & set(counts)


def test_the_workbook_and_its_csv_give_a_fund_of_one_victim_no_count(demo_store, tmp_path):
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: ONE_VICTIM_DAY)
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    assert p.data.figures.victims == 1  # the office's own page keeps the count
    sheets = {s.name: s for s in p.report_sheets()}
    figures = {r[0]: r for r in sheets["Figures"].rows}
    assert figures["victims"][2] == FEWER_THAN_SMALL
    assert figures["mean_spend_per_victim"][1] is None
    assert figures["spend"][1] == 16_000
    assert sheets["Per month"].rows == [["Apr 2018", FEWER_THAN_SMALL, 16_000], ["Total", FEWER_THAN_SMALL, 16_000]]
    assert [r[1] for r in sheets["Per district"].rows] == [FEWER_THAN_SMALL, FEWER_THAN_SMALL]
    assert [r[1] for r in sheets["Per victim"].rows] == [FEWER_THAN_SMALL]
    assert "fewer than 3 victims in all" in sheets["Per victim"].title
    counts = [r[i] for s in sheets.values() for i, h in enumerate(s.header) if "Victims" in h for r in s.rows]
    assert counts and not {1, 2} & set(counts)
    rows = dict(r.split(",", 1) for r in p.export(tmp_path / "pilot.csv").read_text("utf-8-sig").splitlines()[1:])
    assert rows["victims"] == FEWER_THAN_SMALL and rows["mean_spend_per_victim"] == ""
    assert rows["spend"] == "160"


@pytest.fixture
def helped_again(demo_store):
    """The pilot with one victim of April helped again in July (a door viewer): July counts no victim first supported,
    but its spend is on that one victim."""
    fund = funds.fund_by_name(demo_store, PILOT).id
    referral = demo_store.scalar("SELECT id FROM fund_referrals WHERE reference = 'TH-2018-001'")
    funds.add_spend_line(demo_store, referral, spent_on="03/07/2018", item="Door viewer", amount="45")
    return fund


def test_a_month_of_spend_on_one_victim_helped_before_is_not_given_alone(demo_store, helped_again):
    today = date(2018, 8, 20)
    figures = funds.fund_figures(demo_store, helped_again, today=today)
    assert (7, 0, 4_500) in [(m.month, v, p) for m, v, p in figures.month_rows]  # the office's own page
    months, notes = funds.months_shared(figures)
    assert [(m, p) for m, _, p in months if m.startswith("Jul")] == []
    assert sum(p for *_, p in months) == figures.spent_pence and sum(v for _, v, _ in months) == figures.victims
    assert any("Small numbers are suppressed" in n for n in notes)
    doc = build_report(demo_store, year="2018/19", today=today)
    table = next(t for t in _section(doc, f"{PILOT}: burn-down").tables if t.title == "Spend per month")
    assert "Jul-18" not in [r[0] for r in table.rows]
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: today)
    p.reload(select=helped_again)
    sheet = next(s for s in p.report_sheets() if s.name == "Per month")
    assert "Jul 2018" not in [r[0] for r in sheet.rows]


def test_a_month_of_spend_on_three_victims_helped_before_is_given(demo_store, helped_again):
    for reference in ("TH-2018-002", "TH-2018-003"):
        referral = demo_store.scalar("SELECT id FROM fund_referrals WHERE reference = ?", (reference,))
        funds.add_spend_line(demo_store, referral, spent_on="04/07/2018", item="Door viewer", amount="45")
    figures = funds.fund_figures(demo_store, helped_again, today=date(2018, 8, 20))
    months, _ = funds.months_shared(figures)
    assert ("Jul-18", 0, 13_500) in months  # three victims' spend: no one told apart


def test_the_county_overviews_total_never_tells_a_fund_of_fewer_than_three(demo_path, tmp_path):
    """A county file's own fund of one victim beside the office's pilot of 15: the overview's *Pooled-fund spend per
    district* gave "1" for it and a total of 16, the total less the pilot's 15 telling the one even if the row did
    not."""
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services.report_sections import office_areas_for
    from safer_desk.services.report_sections.county import fund_spend_table
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        sent = export(office, tmp_path / "export.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        funds.save_item(county, "Door lock", usual_price="95", supplier=None)
        fund = funds.add_fund(county, name="County sanctuary", starts_on="01/04/2018", ends_on="31/03/2019")
        referral = funds.add_referral(county, fund, reference="CS-2018-001", district="Babergh",
                                      referred_on="02/05/2018", risk_level="high", at_marac="yes",
                                      idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(county, referral, spent_on="03/05/2018", item="Door lock", amount="100")
        year = FinancialYear.parse("2018/19")
        table = fund_spend_table(county, year, office_areas_for(county, year, None), date(2018, 8, 20))
    finally:
        county.close()
    assert [r[2:] for r in table.rows if r[1] == "County sanctuary"] == [[FEWER_THAN_SMALL, "£100"]]
    pilot = sum(int(r[2]) for r in table.rows if r[1] != "County sanctuary")
    assert table.total_row[2] == f"at least {pilot + 1}"
    assert not {"1", "2"} & {r[2] for r in table.rows}


def test_the_county_workbook_gives_a_fund_of_two_victims_no_count(demo_store, tmp_path):
    """*Export for the County…* as a workbook (OUT.xlsx) of an office with the Sanctuary Fund (two victims, May and
    June 2018): its Funds sheet said "Victims supported: 2" and its Fund spend sheet "May 2018: 2", a workbook anyone
    the office sends it to can read. Both now say "fewer than 3" and why; the money is kept."""
    import openpyxl

    from safer_desk.services.county import export_for_county
    from tests.costs.test_funds_round22 import sanctuary_fund

    sanctuary_fund(demo_store)
    book = openpyxl.load_workbook(export_for_county(demo_store, tmp_path / "county.xlsx").path, read_only=True)

    def rows(sheet):
        return [[c for c in r] for r in book[sheet].iter_rows(values_only=True)]

    funds_rows = rows("Funds")
    header = next(r for r in funds_rows if r and r[0] == "Fund")
    victims, spent = header.index("Victims supported"), header.index("Spent (£)")
    [sanctuary] = [r for r in funds_rows if r[0] == "Sanctuary Fund"]
    assert sanctuary[victims] == FEWER_THAN_SMALL and sanctuary[spent] == 1_900
    assert any("Small numbers are suppressed" in str(r[0]) for r in funds_rows if r and r[0])
    spend_rows = rows("Fund spend")
    header = next(r for r in spend_rows if r and r[0] == "Fund")
    victims = header.index("Victims first supported")
    assert [r[victims] for r in spend_rows if r[0] == "Sanctuary Fund"] == [FEWER_THAN_SMALL]
    counts = [r[victims] for r in spend_rows[spend_rows.index(header) + 1:] if r[0] not in (None, "Total")]
    assert counts and not {1, 2} & set(counts)


def test_the_workbooks_per_item_names_no_item_bought_for_one_or_two(demo_store):
    """As at 20/04/2018 the pilot had helped three victims (TH-2018-001 to 003), and its workbook's Per item sheet
    said "Personal alarm: 1 spend line, £40": what the one victim given an alarm had (and "Door chain: 2", "Fireproof
    letterbox: 2"). The county export merges such rows into "Other items"; the workbook now does the same."""
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 4, 20))
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    assert ("Personal alarm", 1, 4_000) in p.data.figures.by_item  # the office's own page names it
    sheet = next(s for s in p.report_sheets() if s.name == "Per item")
    assert sheet.rows == [["Replacement door locks", 3, 28_500], ["Other items (small numbers)", 5, 22_000],
                          ["Total", 8, 50_500]]
    assert "Small numbers are suppressed" in sheet.title
    # With every item bought for three or more, each is named as before.
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 8, 20))
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    sheet = next(s for s in p.report_sheets() if s.name == "Per item")
    assert [r[0] for r in sheet.rows[:-1]] == [r[0] for r in p.data.figures.by_item] and sheet.title is None


def test_the_spend_to_date_gives_no_month_the_per_month_table_joins(demo_store):
    """The pilot with one more victim in July 2018 (£150): Per month joined June and July (s70), but the workbook's
    Forecast sheet still gave the spend to date at June (£2,417) and at July (£2,567), and the board report's chart
    the same: £150 in July, the one victim's. The spend to date at June is now left blank (the chart's line runs
    straight from May to July); July's, the end of the joined months, is given."""
    fund = funds.fund_by_name(demo_store, PILOT).id
    referral = funds.add_referral(demo_store, fund, reference="TH-2018-JUL-01", district="Ipswich",
                                  referred_on="02/07/2018", risk_level="high", at_marac="yes",
                                  idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(demo_store, referral, spent_on="03/07/2018", item="Door chain", amount="150")
    today = date(2018, 8, 20)
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: today)
    p.reload(select=fund)
    sheets = {s.name: s for s in p.report_sheets()}
    assert [r[0] for r in sheets["Per month"].rows][:3] == ["Apr 2018", "May 2018", "Jun 2018 to Jul 2018"]
    actual = {r[0]: r[1] for r in sheets["Forecast"].rows if r[2] == "actual"}
    assert actual == {"Apr 2018": 79_500, "May 2018": 163_000, "Jun 2018": None, "Jul 2018": 256_700}
    doc = build_report(demo_store, year="2018/19", today=today)
    [chart] = _section(doc, f"{PILOT}: burn-down").charts
    spend = next(s for s in chart.series if s.name == "Spend to date")
    at = dict(zip(chart.categories, zip(spend.values, spend.texts)))
    assert at["Jun-18"] == ((1_630 + 2_567) / 2, "") and at["Jul-18"] == (2_567, "£2,567")
    assert at["May-18"] == (1_630, "£1,630")
