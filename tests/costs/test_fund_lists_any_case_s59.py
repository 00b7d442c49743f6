"""Session 59: the funds list and the catalogue sorted by capitals first ("Zeta sanctuary" before "pilot b").

SQLite's ORDER BY compares bytes, so a fund or an item named in lower case went to the end of Pooled funds' list
(and of the catalogue's), after every capitalised one. Both lists are now in the order a person reads them in.
"""

from __future__ import annotations

from safer_desk.services import funds


def test_funds_and_items_are_listed_whatever_their_capitals(demo_store):
    for name in ("Zeta sanctuary", "pilot b", "Alpha scheme"):
        funds.add_fund(demo_store, name=name, starts_on="01/04/2025", ends_on="31/03/2026")
    names = [f.name for f in funds.list_funds(demo_store)]
    assert names == sorted(names, key=str.casefold), names
    for name in ("zip ties", "Window alarm"):
        funds.save_item(demo_store, name, usual_price="£5")
    items = [i["name"] for i in funds.list_items(demo_store)]
    assert items == sorted(items, key=str.casefold), items
