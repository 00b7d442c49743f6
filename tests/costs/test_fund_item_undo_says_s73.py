"""S73 (funds7): the undo of a catalogue item's change says what was changed.

The officer put the Door chain's usual price up from £25 to £30 in Catalogue item… (and, another time, its
supplier): each read "Undo change catalogue item Door chain", whichever was changed, where a contribution's, a spend
line's and a referral's corrections name theirs. It now ends ": usual price £30" (or "usual price removed" for a
blank price), and the supplier, free text, is named only ("supplier changed").
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


@pytest.fixture
def page(demo_store):
    log = ActionLog()
    p = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 3))
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    return p, log


@pytest.mark.parametrize("values, said", [
    ({"usual_price": "£30"}, ": usual price £30"),
    ({"usual_price": ""}, ": usual price removed"),
    ({"supplier": "Locks R Us Ltd"}, ": supplier changed"),
    ({"usual_price": "30", "supplier": ""}, ": usual price £30, supplier removed"),
    ({"name": "door  chain ", "usual_price": "£26.50"}, ": usual price £26.50"),  # the item by its name, any spacing
])
def test_the_undo_names_what_the_item_change_changed(page, values, said):
    page, log = page
    door_chain = next(i for i in page.data.items if i["name"] == "Door chain")
    form = page.item_form(door_chain)
    for key, value in values.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    assert log.undo_text == "Undo change catalogue item Door chain" + said


def test_a_new_item_is_added_as_before(page):
    page, log = page
    form = page.item_form()
    form.set_value("name", "Smart doorbell")
    form.set_value("usual_price", "£60")
    assert form.save(), form.errors
    assert log.undo_text == "Undo add catalogue item Smart doorbell"
