"""S72 (fundsui): the search and district filter are offered only where they choose rows.

On the Pooled funds page the officer chose "Ipswich" in the district filter and then *Per month*: the table still
read Apr 2018 5 victims £795, May 5 £835, Jun 5 £787, Total 15 £2,417, the whole pilot's figures under a filter
saying Ipswich (which has 4 victims), and typing in the search box changed nothing there either. The search and the
district filter choose rows of Referrals and Spend lines only; on the six other tables (Per district, Per item, Per
month, Per victim, Contributions, Catalogue) they are now greyed, saying so when pointed at, and what they hold is
kept for when Referrals or Spend lines is shown again.
"""

from __future__ import annotations

from tests.costs.test_fund_page_months_named_s64 import _funds_page

FILTERED = ("Referrals", "Spend lines")
WHOLE_FUND = ("Per district", "Per item", "Per month", "Per victim", "Contributions", "Catalogue")


def test_the_filters_are_greyed_on_the_whole_funds_tables(demo_window, qtbot):
    page = _funds_page(demo_window, qtbot)
    page.district_filter.setCurrentIndex(page.district_filter.findText("Ipswich"))
    for title in WHOLE_FUND:
        page.select_table(title)
        assert not page.district_filter.isEnabled() and not page.search.isEnabled(), title
        assert "Referrals and Spend lines" in page.district_filter.toolTip()
        assert "Referrals and Spend lines" in page.search.toolTip()
    for title in FILTERED:
        page.select_table(title)
        assert page.district_filter.isEnabled() and page.search.isEnabled(), title
        assert page.district_filter.currentText() == "Ipswich"  # kept while greyed
    # Referrals chosen again: the filter still holds, Ipswich's four referrals only
    page.select_table("Referrals")
    assert [r["reference"] for r in page.referrals.source_rows()] == ["TH-2018-001", "TH-2018-005", "TH-2018-007",
                                                                      "TH-2018-012"]


def test_the_per_month_table_is_the_whole_funds_with_the_filter_greyed(demo_window, qtbot):
    page = _funds_page(demo_window, qtbot)
    page.select_table("Per month")
    page.district_filter.setCurrentIndex(page.district_filter.findText("Ipswich"))
    assert not page.district_filter.isEnabled()
    rows = page.by_month.source_rows()
    assert sum(r[1] for r in rows) == 15 and sum(r[2] for r in rows) == 241_700
