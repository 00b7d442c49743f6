"""A contribution's or a spend line's Amount typed as "TBC", "N/A" or "nil": the refusal said to leave the amount blank
or type £0, which the contribution refuses too (it must be more than £0), and which in a spend line saves the
catalogue's usual price, an amount no one spent. Each now says what can be done: add it once the figure is known."""

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter


@pytest.fixture
def presenter(demo_store):
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 10, 15))
    p.reload()
    return p


@pytest.mark.parametrize("typed", ["TBC", "n/a", "-", "nil", "not known"])
def test_a_contributions_amount_not_known_says_to_add_it_once_known(presenter, typed):
    before = presenter.data.figures.contributions_pence
    form = presenter.contribution_form()
    form.set_value("organisation", "Babergh District Council")
    form.set_value("amount", typed)
    assert not form.save() and not form.save()
    said = form.errors["amount"]
    assert f"“{typed}”" in said and "once the figure is known" in said
    assert "blank" not in said and "£0" not in said.replace("more than £0", "")
    assert presenter.data.figures.contributions_pence == before


@pytest.mark.parametrize("typed", ["TBC", "n/a", "nil"])
def test_a_spend_lines_amount_not_known_is_not_sent_to_the_usual_price(presenter, typed):
    lines = len(presenter.data.lines)
    form = presenter.spend_form(presenter.data.referrals[0])
    form.set_value("spent_on", "05/06/2018")
    form.set_value("item", "Door chain")
    form.set_value("amount", typed)
    assert not form.save() and not form.save()
    said = form.errors["amount"]
    assert f"“{typed}”" in said and "once the figure is known" in said and "usual price" in said
    assert "Leave the amount blank" not in said and "Type £0" not in said
    assert len(presenter.data.lines) == lines


def test_a_catalogue_price_not_known_may_still_be_left_blank(presenter):
    form = presenter.item_form()
    form.set_value("name", "Letterbox guard")
    form.set_value("usual_price", "TBC")
    assert not form.save() and "Leave the amount blank" in form.errors["usual_price"]
