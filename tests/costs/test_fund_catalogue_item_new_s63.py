"""More > Catalogue item… from the Referrals table (round 63). A coordinator setting up a new fund's catalogue added
Door lock, then chose More > Catalogue item… again for Fireproof letterbox: the dialog opened as "Catalogue item Door
lock", filled with Door lock's name, price and supplier (the catalogue's hidden current row), and the first Save
only said "Saving adds “Fireproof letterbox” as a new item: Door lock stays …": every item after the first took two
Saves and the retyping of a form nobody chose. With the Catalogue table not in view, the dialog is a new item; on the
Catalogue table, the item chosen there opens, as Enter on it does."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.storage.store import open_store
from tests.costs.test_fund_forms_round30e import fund_page


def _page(window, qtbot, tmp_path):
    path = tmp_path / "office.sqlite"
    new = open_store(path, create=True)
    funds.add_fund(new, name="Plymouth Sanctuary Fund", starts_on="01/04/2026", ends_on="30/09/2027",
                   risk_levels="high")
    new.close()
    page = fund_page(window, qtbot, path)
    page.today = date(2026, 12, 6)
    return page


def _add(page, name: str, price: str) -> str:
    dialog = page.item_dialog()
    heading = dialog.form.title
    dialog.view.type_into("name", name)
    dialog.view.type_into("usual_price", price)
    assert dialog.apply(), dialog.message_text()
    return heading


def test_each_item_added_from_the_referrals_table_is_a_new_one_saved_at_once(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path)
    assert page.stack.currentWidget() is page.referrals.view
    assert _add(page, "Door lock", "95") == "New catalogue item"
    dialog = page.item_dialog()
    assert dialog.form.title == "New catalogue item"
    assert dialog.form.value("name") in ("", None)
    dialog.view.type_into("name", "Fireproof letterbox")
    dialog.view.type_into("usual_price", "120")
    assert dialog.apply(), dialog.message_text()
    assert {i["name"]: i["usual_price_pence"] for i in funds.list_items(window.session.store)} == {
        "Door lock": 9500, "Fireproof letterbox": 12000}


def test_on_the_catalogue_table_the_item_chosen_opens(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path)
    _add(page, "Door lock", "95")
    _add(page, "Personal alarm", "35.99")
    page.select_table("Catalogue")
    view = page.items.view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == "Personal alarm")
    view.setCurrentIndex(view.model().index(row, 0))
    dialog = page.item_dialog()
    assert dialog.form.title == "Catalogue item Personal alarm"
    assert dialog.form.value("usual_price") == "£35.99"
    dialog.reject()
