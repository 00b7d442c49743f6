"""Catalogue names that read alike but are typed otherwise (session 45).

"Door chain!" saved as a new item changed Door chain's usual price instead (the two names make one id), while the
catalogue still showed one Door chain and no new item; "Senor lock" likewise changed Señor lock's. A name of no
letters or digits ("-", "£") was refused as "a item needs a name". Each is now refused saying what to type, and the
catalogue is left as it was.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.services import funds


def _catalogue(store) -> dict[str, tuple[str, int | None]]:
    return {r["id"]: (r["name"], r["usual_price_pence"]) for r in store.rows("SELECT * FROM fund_items")}


@pytest.mark.parametrize("typed", ["Door chain!", "door chain.", "(Door) chain"])
def test_a_name_reading_as_another_item_is_refused(demo_store, typed):
    before = _catalogue(demo_store)
    with pytest.raises(FundError) as refused:
        funds.save_item(demo_store, typed, usual_price="9.99")
    assert str(refused.value) == (f"Item: “{typed}” reads as Door chain, already in the catalogue: type Door chain "
                                  "to change its usual price, or give the new item another name.")
    assert _catalogue(demo_store) == before


def test_an_accent_left_out_is_refused_too(demo_store):
    funds.save_item(demo_store, "Señor lock", usual_price="20")
    before = _catalogue(demo_store)
    with pytest.raises(FundError, match="reads as Señor lock"):
        funds.save_item(demo_store, "Senor lock", usual_price="9.99")
    assert _catalogue(demo_store) == before


@pytest.mark.parametrize("typed", ["-", "--", "£", "…"])
def test_a_name_of_no_letters_or_digits_is_refused(demo_store, typed):
    before = _catalogue(demo_store)
    with pytest.raises(FundError) as refused:
        funds.save_item(demo_store, typed, usual_price="9.99")
    assert str(refused.value) == f"Item: “{typed}” has no letters or digits: give the item a name."
    assert _catalogue(demo_store) == before


def test_the_same_name_typed_another_way_still_changes_that_item(demo_store):
    item_id = funds.save_item(demo_store, "door  CHAIN ", usual_price="31.00")
    assert _catalogue(demo_store)[item_id] == ("Door chain", 3100)


def test_the_item_dialog_says_why_and_keeps_what_was_typed(demo_store):
    from safer_desk.presenters.funds import FundsPresenter

    presenter = FundsPresenter(demo_store)
    presenter.reload()
    before = _catalogue(demo_store)
    form = presenter.item_form()
    for key, value in {"name": "Door chain!", "usual_price": "£9.99"}.items():
        form.set_value(key, value)
    assert not (form.save() or form.save())  # its doubt ("adds a new item") answered by saving again
    assert form.form_message == "Not saved: correct the field marked."
    assert "“Door chain!” reads as Door chain, already in the catalogue" in str(form.errors["name"])
    assert form.values["name"] == "Door chain!" and _catalogue(demo_store) == before
