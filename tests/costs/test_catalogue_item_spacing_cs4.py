"""A catalogue item's name typed with other spacing ("door  chain ") is that item, as a fund's name is: its
dialog says it changes it, Save changes it, and Edit > Undo puts its old price back (not deleting it)."""

from __future__ import annotations

from safer_desk.services import funds
from tests.costs.test_funds_round22 import fill, presenter


def test_an_item_typed_with_two_spaces_changes_that_item_and_undo_restores_it(demo_store):
    item_id = funds.save_item(demo_store, "Door chain", usual_price="£27.50", supplier="Locksmith")
    before = len(funds.list_items(demo_store))
    p, log = presenter(demo_store)
    other = next(i for i in funds.list_items(demo_store) if i["id"] != item_id)
    assert p._item_name_doubts(other, "door  chain ") == [
        f"Saving changes the usual price and supplier of Door chain: {other['name']} stays as it is."]
    form = p.item_form()
    fill(form, {"name": "door  chain ", "usual_price": "£30", "supplier": "Locksmith"})
    assert form.save()
    items = funds.list_items(demo_store)
    assert len(items) == before and next(i for i in items if i["id"] == item_id)["usual_price_pence"] == 3000
    log.undo()
    item = next((i for i in funds.list_items(demo_store) if i["id"] == item_id), None)
    assert item is not None and item["usual_price_pence"] == 2750 and item["name"] == "Door chain"
