"""The fund page's search finds an amount as the tables show it (round 59). A £1,450 sanctuary door keyed for
TH-2018-001: the Spend lines table shows "£1,450" and the referral's Spent "£1,610", but typing either in *Search
referrals and spend…* found nothing (only "£1450", as no one writes it, did). An amount searched as money ("£1,450",
"1,450 GBP", "£1.45k") now finds the lines and referrals of that amount, and only that amount ("£25" is not £250), as
the register's search does."""

from __future__ import annotations

import pytest

from safer_desk.presenters.funds import search_keeps
from safer_desk.services import funds


def _page_with_a_door(demo_window, qtbot):
    store = demo_window.session.store
    fund = funds.fund_by_name(store, "Suffolk Target Hardening Pilot")
    funds.save_item(store, "Sanctuary door", usual_price="£1,450")
    funds.add_spend_line(store, funds.referral_id_by_reference(store, fund.id, "TH-2018-001"),
                         spent_on="20/04/2018", item="Sanctuary door")
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    return page


def _shown(table) -> list[str]:
    return [r["reference"] for r in table.source_rows()]


@pytest.mark.parametrize("typed", ["£1,450", "1,450 GBP", "£1.45k", "£1450"])
def test_a_spend_line_is_found_by_its_amount_as_shown(demo_window, qtbot, typed):
    page = _page_with_a_door(demo_window, qtbot)
    qtbot.keyClicks(page.search, typed)
    qtbot.waitUntil(lambda: _shown(page.lines) == ["TH-2018-001"], timeout=5000)
    assert [r["item"] for r in page.lines.source_rows()] == ["Sanctuary door"]


def test_a_referral_is_found_by_what_it_spent_as_shown(demo_window, qtbot):
    page = _page_with_a_door(demo_window, qtbot)
    qtbot.keyClicks(page.search, "£1,610")
    qtbot.waitUntil(lambda: _shown(page.referrals) == ["TH-2018-001"], timeout=5000)


def test_an_amount_finds_only_that_amount():
    row = {"search_text": "th-2018-001 ipswich door chain £25", "amount_pence": 2500}
    assert search_keeps("£25", "amount_pence")(row)
    assert not search_keeps("£2.5k", "amount_pence")(row)
    assert search_keeps("ipswich", "amount_pence")(row)  # words are searched as before
    assert search_keeps("25", "amount_pence")(row)  # a bare figure is searched as the words it is, as before
    assert not search_keeps("£25", "amount_pence")({"search_text": "th-2018-002 door £250", "amount_pence": 25000})
