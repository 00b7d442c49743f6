"""Round 37 (xpc): a name an older district file holds with two spaces ("Mid Suffolk  DC") is held tidied by the
county whichever file is merged first, as services.reference holds every name it is given."""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.domain.text import tidy_spaces
from safer_desk.services import funds, reference
from safer_desk.storage import audit
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template


def _held_with_two_spaces(path, table, name, held):
    """What an older version wrote: the name with two spaces, changed in the file as that version left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        audit.register_functions(conn)
        assert conn.execute(f"UPDATE {table} SET name = ? WHERE name = ?", (held, name)).rowcount == 1
    finally:
        conn.close()


def _held_as(store, table, name):
    """The names the file holds for ``name`` written with any spacing."""
    return [r["name"] for r in store.rows(f"SELECT name FROM {table} ORDER BY name")
            if tidy_spaces(r["name"]).casefold() == name.casefold()]


def _office_export(tmp_path, t, slug, office, district, *, older=None):
    """An office's export; ``older`` (table, name, held) is written as an older version held it before it exports."""
    store = office_from(t, tmp_path / f"{slug}.sqlite", office, districts=[district])
    try:
        add_own_rows(store, district)
        reference.add_organisation(store, "Mid Suffolk DC", "council")
        fund = funds.list_funds(store)[0]
        funds.add_contribution(store, fund.id, organisation="Mid Suffolk DC", amount="£500", received_on="02/04/2025")
    finally:
        store.close()
    if older:
        _held_with_two_spaces(tmp_path / f"{slug}.sqlite", *older)
    store = open_store(tmp_path / f"{slug}.sqlite")
    try:
        return export(store, tmp_path / f"{slug}_export.sqlite")
    finally:
        store.close()


@pytest.mark.parametrize("older", [("organisations", "Mid Suffolk DC", "Mid Suffolk  DC"),
                                   ("organisations", "Suffolk Constabulary", "Suffolk  Constabulary"),
                                   ("districts", "Forest Heath", "Forest  Heath"),
                                   ("partnerships", "Western Suffolk CSP", "Western  Suffolk CSP")])
@pytest.mark.parametrize("older_first", [True, False])
def test_the_county_holds_the_name_tidied_whichever_file_comes_first(tmp_path, older, older_first):
    """The merge takes the oldest export first: the older file's export is made first, or second."""
    table, name, _ = older
    t = template(tmp_path, police=False)
    made = [("a", "Babergh office", "Babergh", older), ("b", "Forest Heath office", "Forest Heath", None)]
    exports = [_office_export(tmp_path, t, *office[:3], older=office[3])
               for office in (made if older_first else made[::-1])]
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="County")
    try:
        report = merge(county, exports)
        assert [s.office_name for s in report.merged][0] == ("Babergh office" if older_first else "Forest Heath office")
        assert [c.detail for s in report.merged for c in s.conflicts] == []
        assert _held_as(county, table, name) == [name]
    finally:
        county.close()


def test_an_older_file_merged_alone_gives_the_name_tidied(tmp_path):
    t = template(tmp_path, police=False)
    old = _office_export(tmp_path, t, "a", "Babergh office", "Babergh",
                         older=("organisations", "Mid Suffolk DC", "Mid Suffolk  DC"))
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="County")
    try:
        merge(county, [old])
        assert _held_as(county, "organisations", "Mid Suffolk DC") == ["Mid Suffolk DC"]
        again = merge(county, [old])  # merged again: still one, tidied, and nothing raised
        assert [c.detail for s in again.merged for c in s.conflicts] == []
        assert _held_as(county, "organisations", "Mid Suffolk DC") == ["Mid Suffolk DC"]
    finally:
        county.close()


def test_a_county_that_merged_the_name_with_two_spaces_before_holds_it_tidied_at_the_next_merge(tmp_path,
                                                                                                monkeypatch):
    """A county file merged by the version before this one holds "Mid Suffolk  DC" as the older file sent it: the
    next file sending the name tidied tidies it, and the older office's next export is the row merged."""
    from safer_desk.exchange import county_merge

    t = template(tmp_path, police=False)
    old = _office_export(tmp_path, t, "a", "Babergh office", "Babergh",
                         older=("organisations", "Mid Suffolk DC", "Mid Suffolk  DC"))
    new = _office_export(tmp_path, t, "b", "Forest Heath office", "Forest Heath")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="County")
    try:
        with monkeypatch.context() as before:  # the version before: names merged as sent
            before.setattr(county_merge, "_names_as_held", lambda conn: None)
            merge(county, [old])
        assert _held_as(county, "organisations", "Mid Suffolk DC") == ["Mid Suffolk  DC"]
        report = merge(county, [new])
        assert [c.detail for s in report.merged for c in s.conflicts] == []
        assert _held_as(county, "organisations", "Mid Suffolk DC") == ["Mid Suffolk DC"]
        store = open_store(tmp_path / "a.sqlite")
        try:
            again = export(store, tmp_path / "a_export_2.sqlite")
        finally:
            store.close()
        report = merge(county, [again])
        assert [c.detail for s in report.merged for c in s.conflicts] == []
        assert _held_as(county, "organisations", "Mid Suffolk DC") == ["Mid Suffolk DC"]
    finally:
        county.close()
