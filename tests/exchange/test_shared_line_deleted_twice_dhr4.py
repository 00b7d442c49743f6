"""A review cost line two offices hold alike (both files begun from the example), each deleting it on its own day
(dhr4).

Babergh office deleted WSCSP-DHR-2017-01's £625.58 administration line on 01/09/2018 (as it stood there, £623.58),
Mid Suffolk office on 01/10/2018 (£622.58 there). The county lead read "Cost line 'Administration (Additional
administrative support)' of WSCSP-DHR-2017-01, deleted on 01/09/2018: amount £623.58, deleted on 01/09/2018 from
Babergh office; …": the day in question named as the thing the conflict is about, Babergh's day said twice, and the
line's amount only where the two differ. It now names the line, and each office's deletion with the line as it stood
there then; the county's ledger keeps the county's version until the lead decides, and keeping Mid Suffolk office's
reads the line as standing until 01/10/2018.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, office_from
from tests.exchange.helpers import merge_accepting

REVIEW = "WSCSP-DHR-2017-01"
ADMIN = "2dc39017c5564349a9294e8d8ba000d1"  # the example's administration line, £625.58, dated 29/03/2018
BETWEEN = date(2018, 9, 15)


@pytest.fixture
def county(demo_master, tmp_path):
    offices = {n: office_from(demo_master, tmp_path / f"{n}.sqlite", f"{n} office", districts=[n])
               for n in ("Babergh", "Mid Suffolk")}
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [export(o, tmp_path / f"{n}-1.sqlite") for n, o in offices.items()])
        for number, (name, day, pence) in enumerate((("Babergh", date(2018, 9, 1), 62358),
                                                     ("Mid Suffolk", date(2018, 10, 1), 62258)), start=2):
            office = offices[name]
            with office.transaction():  # each office's line as it stood when it deleted it
                office.conn.execute("UPDATE dhr_cost_lines SET amount_pence = ? WHERE id = ?", (pence, ADMIN))
            dhr.delete_cost_line(office, ADMIN, bill_again_on=day)
            merge_accepting(county, [export(office, tmp_path / f"{name}-{number}.sqlite")])
        yield county
    finally:
        for store in (county, *offices.values()):
            store.close()


def cost_as_at(store, day: date) -> int:
    case_id = dhr.case_id_by_reference(store, REVIEW)
    return next(c for c in dhr.list_cases(store, today=day, as_at=day) if c.id == case_id).cost_pence


def test_each_office_s_deletion_is_said_with_the_line_as_it_stood_there(county):
    deleted = [c for c in list_conflicts(county) if c.table == "dhr_deleted_cost_lines"]
    assert [c.detail for c in deleted] == [
        f"Deleted cost line 'Administration (Additional administrative support)' of {REVIEW}: deleted on 01/09/2018 "
        "as it stood then (£623.58, dated 29/03/2018) from Babergh office; deleted on 01/10/2018 as it stood then "
        "(£622.58, dated 29/03/2018) from Mid Suffolk office"]
    assert deleted[0].subject == f"Deleted cost line 'Administration (Additional administrative support)' of {REVIEW}"
    # Until the lead decides, the county's version: deleted on 01/09/2018, as it stood at Babergh office
    assert cost_as_at(county, date(2018, 8, 31)) == 690000 + 62358
    assert cost_as_at(county, BETWEEN) == 690000
    resolve_conflicts(county, "district", which=deleted[0].id)
    assert cost_as_at(county, date(2018, 8, 31)) == cost_as_at(county, BETWEEN) == 690000 + 62258
    assert cost_as_at(county, date(2018, 10, 1)) == 690000


def test_the_same_line_deleted_alike_is_no_conflict(demo_master, tmp_path):
    offices = [office_from(demo_master, tmp_path / f"{n}.sqlite", f"{n} office", districts=[n])
               for n in ("Babergh", "Mid Suffolk")]
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        for office in offices:
            dhr.delete_cost_line(office, ADMIN, bill_again_on=date(2018, 9, 1))
        merge_accepting(county, [export(o, tmp_path / f"{i}.sqlite") for i, o in enumerate(offices)])
        assert not [c for c in list_conflicts(county) if c.table == "dhr_deleted_cost_lines"]
        assert cost_as_at(county, BETWEEN) == 690000 and cost_as_at(county, date(2018, 8, 31)) == 752558
    finally:
        for store in (county, *offices):
            store.close()
