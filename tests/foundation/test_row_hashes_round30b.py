"""A county's merged rows through the steps that added columns, second look (round 30).

A county file made by the program before this round, upgraded with this one, takes each office's next export without
conflicts for dhr_cases (first_billed_on, step 24) and funds (spend_keyed_to, step 23): the step wrapper hashes their
merged rows again. A county upgraded through step 23 by the program before this round was not: its funds' hashes are
of the rows without spend_keyed_to, so an office's next change to a fund is raised as "edited at the county" though
nobody there touched it. ``row_hashes.keep_as_merged`` given the columns the rows were merged with puts it right, and
the step storage/schema/exchange.rehash_rows_merged_before_columns_were_added does so on upgrade.
"""

from __future__ import annotations

import sqlite3


from safer_desk.services import funds
from safer_desk.storage import row_hashes
from safer_desk.storage.store import open_store
from tests.costs.test_dhr_first_billed_round30 import as_older_file

FUND = "f1dd944d66ab4844ade379ea012a904f"  # the example's Suffolk Target Hardening Pilot


def _hashed_without(path, table: str, column: str) -> None:
    """The origins of a table's merged rows as a program without ``column`` hashed them."""
    conn = sqlite3.connect(path)
    cursor = conn.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    kept = [i for i, name in enumerate(names) if name != column]
    conn.executemany(f"UPDATE _county_origins SET row_hash = ? WHERE table_name = '{table}' AND row_key = ?",
                     [(bytes.fromhex(row_hashes.row_hash([names[i] for i in kept], [row[i] for i in kept])[:32]),
                       row[0]) for row in cursor.fetchall()])
    conn.commit()
    conn.close()


def _county_upgraded_through_step_23_before_this_round(demo_path, tmp_path):
    """A county that merged the example office before step 23, upgraded through it by the program before this
    round (no step 24 yet), and the office's next export with the fund renamed."""
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        first = export(office, tmp_path / "first.sqlite")
        county_path = tmp_path / "county.sqlite"
        county = open_store(county_path, create=True, office_name="Suffolk county team")
        assert merge(county, [first]).refused == []
        county.close()
        as_older_file(county_path)
        _hashed_without(county_path, "dhr_cases", "first_billed_on")
        _hashed_without(county_path, "funds", "spend_keyed_to")
        funds.update_fund(office, FUND, name="Suffolk Target Hardening")
        second = export(office, tmp_path / "second.sqlite")
    finally:
        office.close()
    return county_path, second


def _merged_without_conflicts(county_path, second) -> list:
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import merge

    county = open_store(county_path)  # upgraded through step 24
    try:
        assert merge(county, [second]).refused == []
        return [(c.table, c.kind) for c in list_conflicts(county)]
    finally:
        county.close()


def test_a_county_upgraded_through_spend_keyed_to_before_this_round_takes_a_renamed_fund(demo_path, tmp_path):
    county_path, second = _county_upgraded_through_step_23_before_this_round(demo_path, tmp_path)
    assert _merged_without_conflicts(county_path, second) == []


def test_keep_as_merged_with_the_columns_before_step_23_puts_such_a_county_right(demo_path, tmp_path):
    county_path, second = _county_upgraded_through_step_23_before_this_round(demo_path, tmp_path)
    conn = sqlite3.connect(county_path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(funds)") if r[1] != "spend_keyed_to"]
    assert row_hashes.keep_as_merged(conn, {"funds": columns}, ["funds"]) == 1
    assert row_hashes.keep_as_merged(conn, {"funds": columns}, ["funds"]) == 0  # hashed right: left as it is
    conn.commit()
    conn.close()
    assert _merged_without_conflicts(county_path, second) == []


def test_a_fund_edited_at_the_county_stays_edited_through_the_repair(demo_path, tmp_path):
    county_path, second = _county_upgraded_through_step_23_before_this_round(demo_path, tmp_path)
    county = open_store(county_path)
    try:
        funds.update_fund(county, FUND, purpose="Edited at the county.")
    finally:
        county.close()
    conn = sqlite3.connect(county_path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(funds)") if r[1] != "spend_keyed_to"]
    assert row_hashes.keep_as_merged(conn, {"funds": columns}, ["funds"]) == 0
    conn.close()
    assert ("funds", "edited-at-county") in _merged_without_conflicts(county_path, second)
