"""Pooled funds, round 34 (a second look that tries to break them).

1. A fund whose period ends in the middle of a month (01/04/2018 to 15/09/2018), its spend said to be keyed to its
   last day (15/09/2018, the latest date Fund settings takes): Sep-18 was "not complete: the £500 keyed in it so far
   is left out of the burn rate and the forecast", and the burn rate ran to Aug-18. No spend can be dated after
   15/09/2018, so September is as keyed as it will ever be. The same when today is past the fund's last day in that
   month (seen on 20/09/2018): the fund's month is over.
2. A refund typed as a negative spend line (−£50), or a contribution withdrawn typed as a negative contribution, was
   refused with "an amount cannot be negative" only: the refusal now says what to do (correct the line or
   contribution it gives back, or delete it).
3. `safer-desk fund … --as-at 2017-01` on a fund of Apr-18 to Sep-19 said the month is before the fund starts, not
   which months it takes.
4. Fund settings… starting the pilot on 01/05/2018 (or ending it on 31/05/2018) was refused with "13 spend lines would
   fall outside the fund's period; change them first": not which lines (their dates), nor how.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.cli import main
from safer_desk.domain.funds import FundError, first_incomplete_month
from safer_desk.domain.periods import Month
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

NAME = "Pilot to mid-September"


def mid_month_fund(store, *, keyed_to: str | None = "15/09/2018") -> str:
    """£3,000 from April 2018 to 15/09/2018, £500 spent in each of its six months."""
    fund = funds.add_fund(store, name=NAME, starts_on="01/04/2018", ends_on="15/09/2018", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£3,000",
                           received_on="01/04/2018")
    referral = funds.add_referral(store, fund, reference="MS-2018-001", district="Ipswich", referred_on="02/04/2018",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    for month in range(4, 10):
        funds.add_spend_line(store, referral, spent_on=date(2018, month, 10), item="Door chain", amount="£500")
    if keyed_to:
        funds.set_spend_keyed_to(store, fund, keyed_to)
    return fund


# -- 1. the fund's last month, keyed to its last day ------------------------------------------------------------

def test_spend_keyed_to_the_funds_last_day_leaves_no_month_of_it_out(demo_store):
    fund = mid_month_fund(demo_store)
    figures = funds.fund_figures(demo_store, fund, today=date(2019, 1, 1))
    f = figures.forecast
    assert f.as_at == Month(2018, 9) and f.incomplete == ()
    assert f.burn_rate_pence == 50_000 and f.window_months == 3
    assert not any("not complete" in w for w in f.warnings), f.warnings
    assert figures.balance_pence == 0 and f.left_at_end_pence == 0
    assert "not complete" not in funds.forecast_sentence(figures)


def test_a_day_before_the_funds_last_day_still_leaves_its_month_out(demo_store):
    """Keyed to 14/09/2018: the 15th may still hold spend, so September is not complete, as before."""
    fund = mid_month_fund(demo_store, keyed_to="14/09/2018")
    f = funds.fund_figures(demo_store, fund, today=date(2019, 1, 1)).forecast
    assert f.as_at == Month(2018, 8) and f.incomplete == ((Month(2018, 9), 50_000),)


def test_today_past_the_funds_last_day_in_its_month_makes_the_month_over(demo_store):
    fund = mid_month_fund(demo_store, keyed_to=None)
    assert funds.fund_figures(demo_store, fund, today=date(2018, 9, 20)).forecast.incomplete == ()
    # on its last day the day is not over: September is not complete yet
    on_the_day = funds.fund_figures(demo_store, fund, today=date(2018, 9, 15)).forecast
    assert on_the_day.as_at == Month(2018, 8) and on_the_day.incomplete == ((Month(2018, 9), 50_000),)


@given(ends=st.dates(date(2000, 1, 1), date(2090, 12, 31)), before=st.integers(0, 400))
def test_no_month_is_incomplete_once_spend_is_keyed_to_the_funds_last_day(ends, before):
    """Keyed to the fund's last day, or seen after it: every month of the fund is complete (whatever day of the month
    the fund ends on); keyed to an earlier day the rule is as it was (a month's last day completes it)."""
    end = Month.of(ends)
    assert first_incomplete_month(keyed_to=ends, ends_on=ends) > end
    assert first_incomplete_month(today=ends + timedelta(days=1), ends_on=ends) > end
    earlier = ends - timedelta(days=before + 1)
    assert first_incomplete_month(keyed_to=earlier, ends_on=ends) == first_incomplete_month(keyed_to=earlier)
    assert first_incomplete_month(today=ends - timedelta(days=before), ends_on=ends) == Month.of(
        ends - timedelta(days=before))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_keyed_to_the_funds_last_day_counts_its_month(demo_path, capsys):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        mid_month_fund(store, keyed_to=None)
    finally:
        store.close()
    code, out, err = run(capsys, "fund", str(demo_path), NAME, "--keyed-to", "15/09/2018", "--today", "2019-01-01")
    values = dict(csv.reader(io.StringIO(out)))
    assert code == 0 and "not complete" not in err, err
    assert values["burn_rate_as_at_month"] == "2018-09" and values["incomplete_months_left_out"] == ""
    assert values["monthly_burn_rate"] == "500"


def fund_page(demo_window, qtbot, day: date):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.today = day
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    return page


def choose_fund(page, qtbot, name: str) -> None:
    page.fund_combo.setCurrentIndex(page.fund_combo.findText(name))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.name == name, timeout=10000)


def test_the_page_counts_the_last_month_of_a_fund_keyed_to_its_last_day(demo_window, qtbot):
    mid_month_fund(demo_window.session.store)
    page = fund_page(demo_window, qtbot, date(2019, 1, 1))
    choose_fund(page, qtbot, NAME)
    assert page.figure_labels["burn"].text() == "£500 a month"
    assert "(the 3 months to Sep 2018)" in page.sentence.text()
    assert "not complete" not in page.sentence.text()


# -- 2. a refund or a withdrawn contribution typed as a negative amount -----------------------------------------

def test_a_refund_typed_as_a_negative_spend_line_says_what_to_do(demo_store):
    fund = mid_month_fund(demo_store)
    referral = funds.referral_id_by_reference(demo_store, fund, "MS-2018-001")
    before = demo_store.scalar("SELECT count(*) FROM fund_spend_lines")
    with pytest.raises(FundError, match="cannot be negative") as refused:
        funds.add_spend_line(demo_store, referral, spent_on="10/09/2018", item="Door chain", amount="-£50")
    assert "Edit spend line" in str(refused.value) and "deleting" in str(refused.value)
    assert demo_store.scalar("SELECT count(*) FROM fund_spend_lines") == before


def test_a_withdrawn_contribution_typed_as_a_negative_amount_says_what_to_do(demo_store):
    fund = mid_month_fund(demo_store)
    with pytest.raises(FundError, match="cannot be negative") as refused:
        funds.add_contribution(demo_store, fund, organisation="Suffolk County Council", amount="(£500)")
    assert "Edit contribution" in str(refused.value) and "deleting" in str(refused.value)
    assert funds.fund_figures(demo_store, fund, today=date(2019, 1, 1)).contributions_pence == 300_000


def test_the_forms_say_what_to_do_with_a_refund(demo_store):
    fund = mid_month_fund(demo_store)
    presenter = FundsPresenter(demo_store, today=lambda: date(2018, 9, 12))
    presenter.reload(select=fund)
    form = presenter.spend_form()
    form.set_value("spent_on", "12/09/2018")
    form.set_value("amount", "-£50")
    assert not form.save()
    assert "Edit spend line" in form.message("amount")
    presenter.close_form()
    form = presenter.contribution_form()
    form.set_value("amount", "-500")
    assert not form.save()
    assert "Edit contribution" in form.message("amount")
    presenter.close_form()
    assert demo_store.scalar("SELECT count(*) FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
                             "WHERE r.fund_id = ?", (fund,)) == 6


def test_the_spend_dialog_says_what_to_do_with_a_refund(demo_window, qtbot):
    mid_month_fund(demo_window.session.store)
    page = fund_page(demo_window, qtbot, date(2018, 9, 12))
    choose_fund(page, qtbot, NAME)
    dialog = page.spend_dialog()
    dialog.view.type_into("amount", "-£50")
    assert not dialog.save()
    shown = dialog.view.messages["amount"]  # the message under the Amount field, as the officer reads it
    assert shown.isVisible() and "correcting the spend line it refunds" in shown.text(), shown.text()
    dialog.reject()
    page.presenter.close_form()


# -- 3. the command line's --as-at outside the fund -------------------------------------------------------------

def test_an_as_at_month_outside_the_fund_says_which_months_to_give(demo_path, capsys):
    name = "Suffolk Target Hardening Pilot"
    for month in ("2017-01", "2019-10"):
        code, out, err = run(capsys, "fund", str(demo_path), name, "--as-at", month)
        assert code == 1 and out == "", err
        assert "give a month from Apr-18 to Sep-19" in err, err


# -- 4. Fund settings: a period that leaves spend outside it ----------------------------------------------------

def test_a_period_leaving_spend_outside_says_which_lines_and_what_to_do(demo_store):
    """Starting the pilot on 01/05/2018 leaves April's 13 lines outside: the refusal said only "13 spend lines would
    fall outside the fund's period; change them first", not which (their dates) nor how."""
    fund = funds.fund_by_name(demo_store, "Suffolk Target Hardening Pilot")
    with pytest.raises(FundError) as refused:
        funds.update_fund(demo_store, fund.id, starts_on="01/05/2018")
    text = str(refused.value)
    assert "13 spend lines (dated 09/04/2018 to 27/04/2018) would fall outside the fund's period (01/05/2018 to " \
           "30/09/2019)" in text, text
    assert "Edit spend line" in text and "keep the period as it was" in text
    assert funds.get_fund(demo_store, fund.id).starts_on == date(2018, 4, 1)  # nothing changed


def test_fund_settings_say_which_spend_lines_a_new_period_leaves_out(demo_window, qtbot):
    page = fund_page(demo_window, qtbot, date(2018, 7, 3))
    choose_fund(page, qtbot, "Suffolk Target Hardening Pilot")
    dialog = page.edit_fund_dialog()
    ends = dialog.view.widgets["ends_on"].edit  # typed as the officer types it (type_into sets a DateField's text
    ends.selectAll()                            # without telling the form)
    qtbot.keyClicks(ends, "31/05/2018")
    assert dialog.form.values["ends_on"] == "31/05/2018"
    assert not dialog.save()
    shown = dialog.view.form_message
    assert shown.isVisible() and "13 spend lines (dated 05/06/2018 to 27/06/2018)" in shown.text(), shown.text()
    dialog.reject()
    page.presenter.close_form()
    assert funds.get_fund(demo_window.session.store, page.fund_id).ends_on == date(2019, 9, 30)
