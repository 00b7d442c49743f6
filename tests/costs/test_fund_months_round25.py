"""Pooled funds, round 25: spend per month shows every month of the fund to the as-at month, £0 where nothing was
spent (as the burn rate counts it), in the page, the board report and the fund report workbook alike."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.report_sections.costs import board_report_sections
from tests.costs.test_funds_round25 import fund_page

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 9, 20)


def add_august_spend(store, victims: int = 1):
    """£300 a victim keyed in August 2018: the pilot spent in April to June and August, nothing in July."""
    fund = funds.fund_by_name(store, PILOT)
    for n in range(victims):
        referral = funds.add_referral(store, fund.id, reference=f"TH-2018-09{8 - n}", district="Babergh",
                                      referred_on="02/08/2018", risk_level="high", at_marac=True, idva_assigned=True,
                                      perpetrator_resident=False)
        funds.add_spend_line(store, referral, spent_on="06/08/2018", item="Door chain", amount="300")
    return fund


def test_a_month_with_no_spend_reads_0_not_missing(demo_store):
    """Spend in April to June and August 2018: the per-month table read Apr, May, Jun, Aug, with July simply missing,
    while the burn rate (£300 over the 3 months to Aug-18) counted July as £0."""
    fund = add_august_spend(demo_store)
    f = funds.fund_figures(demo_store, fund.id, today=TODAY)
    assert f.forecast.as_at == Month(2018, 8) and f.forecast.window_spend_pence == 78_700 + 30_000
    assert [(m, v, p) for m, v, p in f.month_rows if p == 0] == [(Month(2018, 7), 0, 0)]
    assert [m for m, _, _ in f.month_rows] == [Month(2018, m) for m in range(4, 9)]
    assert sum(p for *_, p in f.month_rows) == f.spent_pence and sum(v for _, v, _ in f.month_rows) == f.victims
    assert f.by_month == [r for r in f.month_rows if r[2]]  # the months with spend are unchanged


def test_months_keyed_with_no_spend_are_listed_to_the_last_month_keyed(demo_store):
    """Keyed to 31/10/2018, nothing since June: July to October are £0 months of the burn rate, so of the table too;
    never past the month keyed (November is under way)."""
    fund = funds.fund_by_name(demo_store, PILOT)
    f = funds.fund_figures(demo_store, fund.id, today=date(2018, 11, 12), keyed_to=date(2018, 10, 31))
    assert [m for m, _, _ in f.month_rows] == [Month(2018, m) for m in range(4, 11)]
    assert [p for *_, p in f.month_rows][3:] == [0, 0, 0, 0]


def test_the_months_before_the_first_spend_are_listed_from_the_funds_first_month(demo_store):
    fund = funds.add_fund(demo_store, name="Sanctuary Fund", starts_on="01/03/2018", ends_on="28/02/2019")
    referral = funds.add_referral(demo_store, fund, reference="SF-2018-001", district="Babergh",
                                  referred_on="03/05/2018", risk_level="high", at_marac="yes", idva_assigned="yes",
                                  perpetrator_resident="no")
    funds.add_spend_line(demo_store, referral, spent_on="03/05/2018", item="Replacement door locks", amount="£950")
    f = funds.fund_figures(demo_store, fund, today=TODAY)
    assert f.month_rows == [(Month(2018, 3), 0, 0), (Month(2018, 4), 0, 0), (Month(2018, 5), 1, 95_000)]


def test_a_month_merged_into_another_at_the_county_is_not_listed_as_0(demo_store):
    """A summary dated May holding May to July, and spend of September: June and July are not "£0" (their spend is
    in "May-18*"); August is."""
    fund = funds.fund_by_name(demo_store, PILOT)
    rows = [(Month(2018, 5), 3, 1000), (Month(2018, 9), 1, 500)]
    merged = {Month(2018, 5): (Month(2018, 5), Month(2018, 7))}
    assert funds.every_month(fund, rows, merged, last=Month(2018, 9)) == [
        (Month(2018, 4), 0, 0), (Month(2018, 5), 3, 1000), (Month(2018, 8), 0, 0), (Month(2018, 9), 1, 500)]
    # dated at the last month it holds (a fund's first month later in the quarter): the months before it too
    assert funds.every_month(fund, [(Month(2018, 7), 3, 1000)], {Month(2018, 7): (Month(2018, 5), Month(2018, 8))},
                             last=Month(2018, 9)) == [(Month(2018, 4), 0, 0), (Month(2018, 7), 3, 1000),
                                                      (Month(2018, 9), 0, 0)]


def test_the_board_report_and_the_workbook_list_the_same_months(demo_store):
    # three victims in August: one alone would be joined with the months next to it (small numbers, s70)
    add_august_spend(demo_store, victims=3)
    sections = board_report_sections(demo_store, today=TODAY)
    table = next(t for s in sections if s.title == f"{PILOT}: burn-down" for t in s.tables
                 if t.title == "Spend per month")
    assert [r[0] for r in table.rows] == ["Apr-18", "May-18", "Jun-18", "Jul-18", "Aug-18"]
    assert table.rows[3][1:] == ["0", "£0"]
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    sheet = next(s for s in p.report_sheets() if s.name == "Per month")
    assert [r[0] for r in sheet.rows] == ["Apr 2018", "May 2018", "Jun 2018", "Jul 2018", "Aug 2018", "Total"]
    assert sheet.title is None
    assert sheet.rows[3][1:] == [0, 0]


def test_the_page_shows_the_month_with_no_spend(demo_window, qtbot):
    add_august_spend(demo_window.session.store)
    _tab, page = fund_page(demo_window, qtbot)
    model = page.by_month.model
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown == ["Apr 2018", "May 2018", "Jun 2018", "Jul 2018", "Aug 2018", "Total"]
    assert model.index(3, 2).data() == "£0" and model.index(3, 1).data() == "0"


def test_the_workbook_marks_a_month_merged_at_the_county_and_lists_no_0_for_the_months_it_holds(demo_store, tmp_path):
    """The county export of a fund of two victims (May and June, dated May): the workbook read "May-18" unmarked,
    while the page and the board report said it also holds June's spend; June is not a £0 month."""
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store
    from tests.costs.test_funds_round22 import sanctuary_fund

    sanctuary_fund(demo_store)
    out = export_for_county(demo_store, tmp_path / "export.sqlite").path
    export = open_store(out, read_only=True)
    try:
        p = FundsPresenter(export, perform=ActionLog(), today=lambda: date(2018, 7, 20))
        p.reload(select=funds.fund_by_name(export, "Sanctuary Fund").id)
        sheet = next(s for s in p.report_sheets() if s.name == "Per month")
        # two victims in all: the workbook leaves the office, so it says "fewer than 3" (s71), the money kept
        assert sheet.rows == [["May 2018*", "fewer than 3", 190_000], ["Total", "fewer than 3", 190_000]]
        assert sheet.title.startswith("* May 2018 also holds spend of Jun 2018")
    finally:
        export.close()
