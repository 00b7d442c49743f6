"""Export for the county: manifest, privacy, atomic writing, the Excel workbook, the checksum."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.exchange.county_schema import content_checksum, data_tables, row_counts
from safer_desk.services.county import CountyError, export_for_county
from safer_desk.services.progress import Cancelled
from safer_desk.storage.store import open_store
from tests.exchange.helpers import PRIVATE, PSEUDONYMS, SUMMARY_TABLE


def manifest_of(path) -> dict:
    conn = sqlite3.connect(str(path))
    try:
        return dict(conn.execute("SELECT key, value FROM _export_manifest").fetchall())
    finally:
        conn.close()


def test_manifest_describes_the_export(district, tmp_path):
    out = tmp_path / "out" / "babergh-export.sqlite"
    out.parent.mkdir()
    result = export_for_county(district, out)
    m = manifest_of(out)
    assert m["format"] == "safer-desk-county-export"
    assert m["office_id"] == district.office_id and m["office_name"] == "Babergh office"
    assert m["exported_by"] and m["exported_at"].startswith("20")
    steps = [f"{r['migration_set']}/{r['name']}" for r in district.rows("SELECT * FROM _sqlite_migrations ORDER BY id")]
    assert json.loads(m["migration_steps"]) == steps and m["schema_version"] == str(len(steps))
    assert m["include_referrals"] == "no"
    assert json.loads(m["private_tables_left_out"]) == sorted(PRIVATE)
    conn = sqlite3.connect(str(out))
    try:
        tables = json.loads(m["tables"])
        assert tables == data_tables(conn)
        assert json.loads(m["row_counts"]) == row_counts(conn) == result.row_counts
        assert m["checksum"] == content_checksum(conn) == result.checksum
        assert "audit_log" not in tables and "meta" not in tables
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0
    finally:
        conn.close()
    # Non-private tables travel whole.
    for table in ("districts", "x_projects", "x_project_lines", "x_indicator_values"):
        assert result.row_counts[table] == district.scalar(f"SELECT count(*) FROM {table}")
    # The export is itself a Safer Desk file.
    exported = open_store(out, read_only=True)
    try:
        assert exported.office_id == district.office_id
    finally:
        exported.close()


def test_default_export_holds_no_per_referral_rows(district, tmp_path):
    out = tmp_path / "default.sqlite"
    result = export_for_county(district, out)
    assert result.left_out == sorted(PRIVATE) and not result.include_referrals
    conn = sqlite3.connect(str(out))
    try:
        for table in PRIVATE:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        # The totals by district and month are made from the real fund tables, with small-number control
        # (tests/safety/test_disclosure.py); these stand-ins get none: never the stand-in view's raw rows
        # (2 victims in April, 1 in May would each be a row describing fewer than three victims).
        assert conn.execute(f"SELECT count(*) FROM {SUMMARY_TABLE}").fetchone()[0] == 0
    finally:
        conn.close()
    # Not even in free pages or the audit trail: the pseudonyms are nowhere in the file's bytes.
    raw = out.read_bytes()
    for pseudonym in PSEUDONYMS:
        assert pseudonym.encode() not in raw
    # The office's own file still has them.
    assert district.scalar("SELECT count(*) FROM x_referrals") == 3


def test_opt_in_export_includes_the_referrals(district, tmp_path):
    out = tmp_path / "with-referrals.sqlite"
    result = export_for_county(district, out, include_referrals=True)
    assert result.include_referrals and result.left_out == []
    assert manifest_of(out)["include_referrals"] == "yes"
    conn = sqlite3.connect(str(out))
    try:
        assert conn.execute("SELECT count(*) FROM x_referrals").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM x_referral_spend").fetchone()[0] == 6
    finally:
        conn.close()
    assert PSEUDONYMS[0].encode() in out.read_bytes()
    # The detailed rows travel instead of the totals, never beside them (figures would count twice).
    assert result.summary_rows == 0
    conn = sqlite3.connect(str(out))
    try:
        assert conn.execute(f"SELECT count(*) FROM {SUMMARY_TABLE}").fetchone()[0] == 0
    finally:
        conn.close()


def test_re_exporting_the_same_data_gives_the_same_checksum_and_summary_ids(district, tmp_path):
    a = export_for_county(district, tmp_path / "a.sqlite")
    b = export_for_county(district, tmp_path / "b.sqlite")
    assert a.checksum == b.checksum and a.export_id != b.export_id


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(district, tmp_path):
    out = tmp_path / "exports" / "babergh.sqlite"
    out.parent.mkdir()
    out.write_bytes(b"the previous export")
    calls = []

    def cancel_after_copy() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        export_for_county(district, out, cancelled=cancel_after_copy)
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in out.parent.iterdir()) == ["babergh.sqlite"]


def test_export_refuses_other_suffixes_and_the_open_file(district, tmp_path):
    with pytest.raises(CountyError, match=r"\.sqlite .*\.xlsx"):
        export_for_county(district, tmp_path / "out.csv")
    with pytest.raises(CountyError, match="is the file being exported: an export never replaces it"):
        export_for_county(district, district.path)


def test_an_export_never_replaces_an_office_s_own_file(district, tmp_path):
    # `export office.sqlite other.sqlite` replaced other.sqlite, another office file, with an export, unasked.
    other = tmp_path / "other-office.sqlite"
    open_store(other, create=True).close()
    before = other.read_bytes()
    with pytest.raises(CountyError, match="other-office.sqlite is a Safer Desk file"):
        export_for_county(district, other)
    assert other.read_bytes() == before
    previous = tmp_path / "babergh-export.sqlite"
    export_for_county(district, previous)
    assert export_for_county(district, previous).path == previous  # an earlier export is replaced, as asked


def test_workbook_raw_tables_on_request_with_money_in_pounds(district, tmp_path):
    import openpyxl

    out = tmp_path / "babergh.xlsx"
    result = export_for_county(district, out, raw_tables=True)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Contents"
    assert {"Raw Districts", "Raw X projects", "Raw X project lines", "Raw X indicator values",
            "Raw X fund summary"} <= set(book.sheetnames)
    sheet = book["Raw X projects"]
    header = [c.value for c in sheet[3]]  # under the sheet's title
    assert header == ["id", "title", "status", "cost (£)"]
    costs = sorted(row[3] for row in sheet.iter_rows(min_row=4, values_only=True) if row[3] is not None)
    assert costs == [26_000, 101_500]
    money_cells = [row[3] for row in sheet.iter_rows(min_row=4) if row[3].value is not None]
    assert all("£" in cell.number_format for cell in money_cells)
    # Privacy holds in the workbook too: empty referral sheets, no pseudonym anywhere.
    assert book["Raw X referrals"].max_row <= 3
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and "PSEUDO" in v for v in row)
    contents = {row[0]: row[1] for row in book["Contents"].iter_rows(values_only=True) if row[0]}
    assert contents["Office"] == "Babergh office"
    assert contents["Checksum (SHA-256 of the rows)"] == result.checksum
    assert "left out" in contents["Individual referrals"]
    without = tmp_path / "views-only.xlsx"
    export_for_county(district, without)
    assert not [n for n in openpyxl.load_workbook(without).sheetnames if n.startswith("Raw ")]


def _table_with(rows, *, reverse_columns: bool):
    conn = sqlite3.connect(":memory:")
    columns = ["id TEXT PRIMARY KEY", "a ANY", "b ANY"]
    if reverse_columns:
        columns.reverse()
    conn.execute(f"CREATE TABLE t ({', '.join(columns)}) STRICT")
    for r in rows:
        conn.execute("INSERT INTO t (id, a, b) VALUES (?, ?, ?)", r)
    return conn


values = st.one_of(st.none(), st.integers(-10**12, 10**12), st.text(max_size=8), st.binary(max_size=4))


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=6), st.tuples(values, values), max_size=12), st.randoms())
def test_checksum_is_independent_of_insert_order_and_column_order(data, rnd):
    rows = [(k, a, b) for k, (a, b) in data.items()]
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    one, two = _table_with(rows, reverse_columns=False), _table_with(shuffled, reverse_columns=True)
    assert content_checksum(one, ["t"]) == content_checksum(two, ["t"])


def test_checksum_sees_values_and_types():
    one = _table_with([("x", 1, "a")], reverse_columns=False)
    assert content_checksum(one, ["t"]) != content_checksum(_table_with([("x", "1", "a")], reverse_columns=False), ["t"])
    assert content_checksum(one, ["t"]) != content_checksum(_table_with([("x", 2, "a")], reverse_columns=False), ["t"])
    assert content_checksum(one, ["t"]) != content_checksum(_table_with([("y", 1, "a")], reverse_columns=False), ["t"])


# -- a failed export leaves the office file as it was ---------------------------------------------------------------
def export_bookkeeping(store) -> tuple:
    """What an export records in the office file: its number, the anchors and the history of changes."""
    return (store.meta("export_sequence"), store.rows("SELECT * FROM _export_anchors ORDER BY sequence"),
            store.scalar("SELECT count(*) FROM audit_log"))


class _DiskFull:
    """The os module as safe_write sees it, with one call refusing for want of space."""

    def __init__(self, real, failing: str):
        self._real, self._failing = real, failing

    def __getattr__(self, name):
        if name == self._failing:
            def refuse(*args, **kwargs):
                import errno
                import os

                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return refuse
        return getattr(self._real, name)


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_an_export_that_fails_on_a_full_disk_takes_no_number(district, tmp_path, monkeypatch, failing):
    # "x.sqlite could not be written: the disk is full. Nothing was written." — yet the office file had taken the
    # next export number, an "Export for the county" entry and an anchor for an export that never existed.
    from safer_desk.storage import safe_write

    first = export_for_county(district, tmp_path / "first.sqlite")
    before = export_bookkeeping(district)
    real_os = safe_write.os
    monkeypatch.setattr(safe_write, "os", _DiskFull(real_os, failing))
    for _ in range(2):  # a retry does not take another number either
        with pytest.raises(CountyError, match="the disk is full"):
            export_for_county(district, tmp_path / "second.sqlite")
        assert export_bookkeeping(district) == before
    monkeypatch.setattr(safe_write, "os", real_os)
    assert not (tmp_path / "second.sqlite").exists()
    assert export_for_county(district, tmp_path / "second.sqlite").sequence == first.sequence + 1


def test_a_cancelled_export_takes_no_number(district, tmp_path):
    asked = []
    export_for_county(district, tmp_path / "counted.sqlite", cancelled=lambda: asked.append(1) and False)
    before = export_bookkeeping(district)
    checks = []

    def cancel_at_the_last_moment() -> bool:  # the last check, once the export is made in memory
        checks.append(1)
        return len(checks) == len(asked)

    with pytest.raises(Cancelled):
        export_for_county(district, tmp_path / "cancelled.sqlite", cancelled=cancel_at_the_last_moment)
    assert len(asked) > 1 and export_bookkeeping(district) == before
    assert not (tmp_path / "cancelled.sqlite").exists()


def test_an_export_is_in_place_only_once_its_number_is_recorded(district, tmp_path, monkeypatch):
    """Two exports of one number must never both exist: the number is recorded in the office file before the
    export is moved into place, so a crash in between leaves a number no export has (a gap the county does not
    mind), never an export whose number the next one takes again."""
    from safer_desk import faults

    target = tmp_path / "export.sqlite"
    seen = {}
    boundary = faults.boundary

    def look(name: str) -> None:
        if name.startswith("export:"):
            seen[name] = (district.meta("export_sequence"), target.exists())
        boundary(name)

    monkeypatch.setattr(faults, "boundary", look)
    assert export_for_county(district, target).sequence == 1
    assert seen["export:after-minimise"] == (None, False)  # made in memory: nothing recorded yet
    assert seen["export:before-replace"] == ("1", False)  # recorded, then moved into place
    assert seen["export:after-replace"] == ("1", True)


def test_the_command_line_says_one_summary_row_in_the_singular(tmp_path):
    # "individual referrals: left out (…); 1 summary rows by district and month instead"
    from safer_desk.services import funds
    from safer_desk.services.demo_data import reference
    from tests.exchange.helpers import cli_output, new_office

    store = new_office(tmp_path / "office.sqlite", "Babergh office", standins=False)
    try:
        reference.add_examples(store)
        fund = funds.add_fund(store, name="Sanctuary", starts_on="01/04/2025", ends_on="31/03/2026",
                              risk_levels="high")
        funds.add_default_catalogue(store)
        item = funds.list_items(store)[0]["name"]
        for n in range(3):  # three victims in one district and month: one row of totals
            referral = funds.add_referral(store, fund, reference=f"TH-{n:03d}", district="Babergh",
                                          referred_on="10/05/2025", risk_level="high", at_marac="yes",
                                          idva_assigned="yes", perpetrator_resident="no")
            funds.add_spend_line(store, referral, spent_on="10/05/2025", item=item, amount="100.00")
    finally:
        store.close()
    code, out, err = cli_output(["export", str(tmp_path / "office.sqlite"), str(tmp_path / "export.sqlite")])
    assert code == 0, err
    assert "; 1 summary row by district and month instead" in out, out


def test_a_county_files_export_and_workbook_keep_the_fund_spend_it_received(demo_store, tmp_path):
    """The county's own export (its workbook, or a .sqlite for a region) rebuilt the fund summary from the file's
    own referrals alone: a county has none, so the spend the offices sent (shown by its `fund` and its report)
    was wiped, '0 summary rows' and no Fund spend sheet."""
    import openpyxl

    from safer_desk.services import funds
    from tests.exchange.helpers import merge_accepting

    office_export = export_for_county(demo_store, tmp_path / "babergh-export.sqlite").path
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county")
    try:
        merge_accepting(county, [office_export])
        fund = funds.fund_by_name(county, "Suffolk Target Hardening Pilot")
        assert funds.fund_figures(county, fund.id).spent_pence == 241_700
        again = export_for_county(county, tmp_path / "county-export.sqlite")
        assert again.summary_rows > 0
        conn = sqlite3.connect(str(again.path))
        try:
            assert conn.execute("SELECT sum(amount_pence), sum(victims) FROM fund_spend_summary").fetchone() == (
                241_700, 15)
        finally:
            conn.close()
        export_for_county(county, tmp_path / "county.xlsx")
        book = openpyxl.load_workbook(tmp_path / "county.xlsx")
        assert "Fund spend" in book.sheetnames
    finally:
        county.close()


def test_a_county_export_keeps_two_offices_other_districts_rows_of_one_month_and_item(demo_store, tmp_path):
    """Two offices each send an "other districts" row (no district) for the same fund, month and item: the county's
    own export keyed what it received by fund, district, month and item, so one of the two was dropped."""
    from tests.exchange.helpers import merge_accepting

    office_export = export_for_county(demo_store, tmp_path / "babergh-export.sqlite").path
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county")
    try:
        merge_accepting(county, [office_export])
        with county.transaction():  # a second office's row on the same month and item, as a merge would add it
            county.conn.execute(
                "INSERT INTO fund_spend_summary(id, fund_id, district_id, month, item, victims, spend_lines, "
                "amount_pence) SELECT 'second-office-row', fund_id, NULL, month, item, 3, 3, 1000 "
                "FROM fund_spend_summary WHERE district_id IS NULL LIMIT 1")
        held = county.one("SELECT count(*), sum(amount_pence) FROM fund_spend_summary")
        again = export_for_county(county, tmp_path / "county-export.sqlite")
        conn = sqlite3.connect(str(again.path))
        try:
            assert conn.execute("SELECT count(*), sum(amount_pence) FROM fund_spend_summary").fetchone() == tuple(held)
        finally:
            conn.close()
    finally:
        county.close()
