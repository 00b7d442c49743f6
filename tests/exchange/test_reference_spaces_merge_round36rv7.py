"""Round 36 (rv7): a partner's name held with two spaces by an older file is the organisation the county holds
tidied ("Suffolk  Constabulary" is Suffolk Constabulary): merged as one, with no conflict that shows two names
looking alike; the office's review billed to it still finds it in the county's ledger."""

from __future__ import annotations

import sqlite3
from datetime import date

from safer_desk.services import dhr
from safer_desk.storage import audit
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template


def _older_spelling(path, name, held):
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        audit.register_functions(conn)
        conn.execute("UPDATE organisations SET name = ? WHERE name = ?", (held, name))
    finally:
        conn.close()


def test_an_organisation_held_with_two_spaces_merges_as_the_one_the_county_holds(tmp_path):
    t = template(tmp_path, police=False)
    a = office_from(t, tmp_path / "a.sqlite", "Babergh office", districts=["Babergh"])
    add_own_rows(a, "Babergh")
    first = export(a, tmp_path / "a_export.sqlite")
    a.close()
    b = office_from(t, tmp_path / "b.sqlite", "Forest Heath office", districts=["Forest Heath"])
    add_own_rows(b, "Forest Heath")
    b.close()
    _older_spelling(tmp_path / "b.sqlite", "Suffolk Constabulary", "Suffolk  Constabulary")
    b = open_store(tmp_path / "b.sqlite")
    second = export(b, tmp_path / "b_export.sqlite")
    b.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="County")
    try:
        report = merge(county, [first, second])
        assert [c.detail for s in report.merged for c in s.conflicts] == []
        assert [r["name"] for r in county.rows("SELECT name FROM organisations WHERE name LIKE 'Suffolk%Constab%'")] \
            == ["Suffolk Constabulary"]
        police = [p for p in dhr.partner_ledger(county, today=date(2026, 1, 1)) if "Constabulary" in p.partner]
        assert [p.partner for p in police] == ["Suffolk Constabulary"]  # both offices' reviews billed to the one
        shares = county.rows("SELECT s.amount_pence, c.reference FROM dhr_shares s JOIN dhr_cases c "
                             "ON c.id = s.case_id WHERE s.organisation_id = ?", (police[0].organisation_id,))
        assert sorted(r["reference"] for r in shares) == ["BABERGH-DHR-2025-01", "FOREST-HEATH-DHR-2025-01"]
        assert police[0].billed_pence == sum(r["amount_pence"] for r in shares)
    finally:
        county.close()


def test_a_partner_held_with_two_spaces_is_found_by_its_name_typed_tidied(tmp_path):
    from safer_desk.services import funds
    from tests.exchange.helpers import cli_output

    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    _older_spelling(office, "Suffolk Constabulary", "Suffolk  Constabulary")
    store = open_store(office)
    try:
        fund = funds.list_funds(store)[0]
        funds.add_contribution(store, fund.id, organisation="Suffolk Constabulary", amount="10",
                               received_on=fund.starts_on.strftime("%d/%m/%Y"))
        case = dhr.list_cases(store, today=date(2020, 1, 1))[0]
        dhr.update_case(store, case.id, lead_organisation="Suffolk Constabulary")
    finally:
        store.close()
