"""Pooled funds in the window, round 30 (follow-ups).

1. date_col read a row only as a dict or through attributes: a table of the file's rows as read (the Spend lines)
   showed a blank date unless each page told the column how to read its rows. It reads rows as the module's other
   columns do, and every table of the Costs tab with a date column shows its dates."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from safer_desk.ui.costs.widgets import date_col


def test_a_date_column_reads_a_row_of_the_file():
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT '2018-04-09' AS spent_on").fetchone()
    assert date_col("spent_on", "Date").text(row) == "09/04/2018"
    assert date_col("spent_on", "Date").text({"spent_on": "2018-04-09"}) == "09/04/2018"
    assert date_col("missing", "Date").text(row) == ""


def _dates(table, header: str) -> list[str]:
    model = table.view.model()
    col = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)
    return [model.index(r, col).data() for r in range(model.rowCount())]


@pytest.fixture
def costs(costs_tab):
    return costs_tab


def test_every_date_column_of_the_fund_page_shows_its_dates(costs, qtbot):
    costs.pages.setCurrentIndex(2)
    page = costs.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    for table, header, key, rows in ((page.referrals, "Referred", "referred_on", page.data.referrals),
                                     (page.lines, "Date", "spent_on", page.data.lines),
                                     (page.contributions, "Received", "received_on", page.data.contributions)):
        shown = [d for d in _dates(table, header)]
        dated = [r[key] for r in rows if r[key]]
        assert dated and sum(1 for d in shown if d) == len(dated), (header, shown[:3])
        assert shown[0] and "/" in shown[0]


def test_every_date_column_of_the_reviews_page_shows_its_dates(costs, qtbot):
    page = costs.reviews
    qtbot.waitUntil(lambda: page.cases.view.model().rowCount() > 0, timeout=10000)
    seen = set()
    for row in range(page.cases.view.model().rowCount()):
        page.cases.view.selectRow(row)
        wanted = page.cases.current_id()
        if wanted is None:  # the totals line, which cannot be chosen
            continue
        qtbot.waitUntil(lambda: page.presenter.selected == wanted)  # the details follow the choice
        d = page.shown_details
        for table, header, rows, read in (
                (page.stages, "Due", d.stages, lambda s: s.due_on),
                (page.stages, "Done", d.stages, lambda s: s.done_on),
                (page.costs, "Invoiced", d.costs, lambda c: c["invoiced_on"]),
                (page.shares, "Due", d.shares, lambda s: getattr(s, "due_on", None)),
                (page.actions, "Due", d.actions, lambda a: a["due_on"]),
                (page.actions, "Completed", d.actions, lambda a: a["completed_on"]),
                (page.meetings, "Panel meeting", d.meetings, lambda m: m["met_on"])):
            cells = _dates(table, header)[:len(rows)]  # a totals line, if any, after the rows
            expected = [read(r) for r in rows]
            assert [bool(c) for c in cells] == [bool(e) for e in expected], (header, cells)
            if any(expected):
                seen.add((table.view.objectName() or id(table), header))
    assert len(seen) == 7  # each column had a date to show in some review


# -- a catalogue item's name changed in its dialog ---------------------------------------------------------------------

def _catalogue(page):
    return sorted(i["name"] for i in page.presenter.read().items)


def test_a_new_name_for_a_catalogue_item_says_it_adds_an_item_before_saving(costs, qtbot):
    """Catalogue item… on Door chain, the name typed as "Door chain (brass)" and Save: a second item was added and
    Door chain kept, with nothing said. An item is known by its name (the county matches catalogues by it, and the
    spend already keyed keeps its item), so a new name is a new item: the first Save says so, and Save again adds it."""
    costs.pages.setCurrentIndex(2)
    page = costs.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.select_table("Catalogue")
    assert page.items.select_where(lambda r: r["name"] == "Door chain")
    before = _catalogue(page)
    dialog = page.item_dialog()
    dialog.set_value("name", "Door chain (brass)")
    assert not dialog.apply()
    said = dialog.message_text()
    assert "adds “Door chain (brass)” as a new item" in said and "Door chain stays in the catalogue" in said, said
    assert _catalogue(page) == before
    assert dialog.apply()
    qtbot.waitUntil(lambda: not page.is_busy())
    assert _catalogue(page) == sorted([*before, "Door chain (brass)"])


def test_the_same_name_in_another_case_changes_the_item_without_a_question(costs, qtbot):
    costs.pages.setCurrentIndex(2)
    page = costs.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.select_table("Catalogue")
    assert page.items.select_where(lambda r: r["name"] == "Door chain")
    before = _catalogue(page)
    dialog = page.item_dialog()
    dialog.set_value("name", "door chain")
    dialog.set_value("usual_price", "£30")
    assert dialog.apply(), dialog.message_text()
    qtbot.waitUntil(lambda: not page.is_busy())
    assert _catalogue(page) == before
    assert next(i for i in page.presenter.read().items if i["name"] == "Door chain")["usual_price_pence"] == 3000


def test_another_item_s_name_says_that_item_changes(costs, qtbot):
    costs.pages.setCurrentIndex(2)
    page = costs.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.select_table("Catalogue")
    assert page.items.select_where(lambda r: r["name"] == "Door chain")
    dialog = page.item_dialog()
    dialog.set_value("name", "Door viewer")
    assert not dialog.apply()
    said = dialog.message_text()
    assert "changes the usual price and supplier of Door viewer" in said and "Door chain stays" in said, said
