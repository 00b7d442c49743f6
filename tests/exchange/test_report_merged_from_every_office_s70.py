"""A county file merged from the exports of five district offices that each started from the county's file (the
example): every project and the county-wide review is held by all five, and the board report's *Merged from* column
named them all, "Babergh Community Safety Partnership office, East Suffolk Community Safety Partnership office, …",
in a column a portrait page gives a dozen letters: each project's row was some 25 lines tall and the 15 projects
took six pages. A row every office of the table sent alike is now "3 offices" (here), the offices named once in
the table's note; a row one office sent still names it."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from

TODAY = date(2026, 12, 7)
OFFICES = {"Babergh": "Babergh Community Safety Partnership office",
           "Ipswich": "Ipswich Community Safety Partnership office",
           "Mid Suffolk": "Mid Suffolk Community Safety Partnership office"}
NAMED = ("Babergh Community Safety Partnership office, Ipswich Community Safety Partnership office and Mid Suffolk "
         "Community Safety Partnership office")


@pytest.fixture
def county(demo_path, tmp_path):
    sent = []
    for district, name in OFFICES.items():
        office = office_from(demo_path, tmp_path / f"{district}.sqlite", name, districts=[district])
        try:
            add_own_rows(office, district, district)
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(store, sent)
    yield store
    store.close()


def _table(doc, title):
    return next(t for s in doc.sections for t in s.tables if t.title == title)


def test_a_row_every_office_sent_is_said_in_short_and_the_offices_named_once(county):
    doc = build_report(county, today=TODAY)
    options = _table(doc, "Projects and the board's criteria")
    at = options.header.index("Merged from")
    came = {row[1]: row[at] for row in options.rows}
    assert came["Homeshield Plus"] == "3 offices"
    assert came["Babergh youth diversion"] == OFFICES["Babergh"]  # one office's own: named as before
    assert options.note.count(f"“3 offices”: sent alike by {NAMED}.") == 1
    reviews = _table(doc, "Cost recovery per case")
    at = reviews.header.index("Merged from")
    assert "3 offices" in [row[at] for row in reviews.rows]
    assert f"sent alike by {NAMED}." in reviews.note
    scenarios = next(s for s in doc.sections if s.title == "Commissioning scenarios").tables[0]
    at = scenarios.header.index("Merged from")
    assert {row[at] for row in scenarios.rows} == {"3 offices"}
    assert f"sent alike by {NAMED}." in scenarios.note
    # No cell of any table holds the three names run together.
    assert not any(", Ipswich Community" in cell for s in doc.sections for t in s.tables for row in t.rows
                   for cell in row)
