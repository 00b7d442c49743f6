"""S64 (left): an open fund already overspent says so, with the overspend in pounds.

A Plymouth fund of £5,000 received with £5,600 keyed (the last £5,500 in November, not yet complete) showed a
balance of -£600, and the sentence under it said only "the fund covers spending to Oct 2026 and runs out in Nov 2026":
the money is already gone, and nothing said so. The sentence (the page's, and the board report's) now opens with
"The fund is overspent: £600 more than the £5,000 received is already spent."; `safer-desk fund` says it on stderr
(its CSV is as before: balance -600). A fund whose run-out month is over already said "£600 more than the £5,000
received is spent", and says it once; an ended or closed fund says what is missing as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.services.reference import add_district, add_organisation

NAME = "Plymouth Sanctuary Fund"
SAID = "The fund is overspent: £600 more than the £5,000 received is already spent."


def _overspent(store, *, spent_on: str = "06/11/2026") -> str:
    add_district(store, "Plymouth")
    add_organisation(store, "Plymouth City Council")
    fund_id = funds.add_fund(store, name=NAME, starts_on="01/04/2026", ends_on="30/09/2027", risk_levels="high")
    funds.add_contribution(store, fund_id, organisation="Plymouth City Council", amount="5,000",
                           received_on="01/04/2026")
    funds.save_item(store, "Door lock", usual_price="95", supplier=None)
    referral = funds.add_referral(store, fund_id, reference="PLY-2026-001", district="Plymouth",
                                  referred_on="05/04/2026", risk_level="high", at_marac="yes", idva_assigned="yes",
                                  perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="06/10/2026" if spent_on != "06/04/2026" else "05/04/2026",
                         item="Door lock", amount="100")
    funds.add_spend_line(store, referral, spent_on=spent_on, item="Door lock", amount="5,500")
    return fund_id


def test_an_open_fund_overspent_in_a_month_not_complete_says_so(store):
    fund_id = _overspent(store)
    figures = funds.fund_figures(store, fund_id, today=date(2026, 11, 20))
    assert figures.balance_pence == -60000 and funds.status_word(figures) == "open"
    assert funds.forecast_sentence(figures).startswith(SAID)


def test_an_overspend_with_no_complete_month_yet_says_so(store):
    fund_id = _overspent(store, spent_on="06/04/2026")
    figures = funds.fund_figures(store, fund_id, today=date(2026, 4, 20))
    assert funds.forecast_sentence(figures).startswith(SAID)


def test_a_run_out_month_over_says_the_overspend_once(store):
    fund_id = _overspent(store)
    text = funds.forecast_sentence(funds.fund_figures(store, fund_id, today=date(2026, 12, 6)))
    assert "£600 more than the £5,000 received is spent" in text and text.count("£600 more") == 1, text


def test_a_fund_with_money_left_says_nothing_of_it(store):
    fund_id = _overspent(store)
    funds.add_contribution(store, fund_id, organisation="Plymouth City Council", amount="1,000",
                           received_on="01/05/2026")
    assert "overspent" not in funds.forecast_sentence(funds.fund_figures(store, fund_id, today=date(2026, 11, 20)))


def test_the_fund_command_says_so_on_stderr(store, capsys):
    from safer_desk.cli import main

    _overspent(store)
    path = store.path
    store.close()
    assert main(["fund", str(path), NAME, "--today", "20/11/2026"]) == 0
    out, err = capsys.readouterr()
    assert f"safer-desk: warning: {SAID}" in err.splitlines()
    assert "balance,-600" in out.splitlines()


def test_the_page_says_so(window, qtbot, tmp_path):
    from safer_desk.storage.store import open_store
    from tests.costs.test_fund_forms_round30e import fund_page

    path = tmp_path / "plymouth.sqlite"
    new = open_store(path, create=True)
    _overspent(new)
    new.close()
    page = fund_page(window, qtbot, path)
    page.today = date(2026, 11, 20)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.today == date(2026, 11, 20), timeout=10000)
    assert SAID in page.sentence.text()
    assert page.figure_labels["balance"].text() == "-£600"
