"""Round 26: the county lead's round trip of district exports, as the guide promises it."""

from __future__ import annotations

import shutil

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export
from tests.exchange.helpers import accept_key_args, cli_output, file_sha256, merge_accepting


def _copy_of(office, path):
    """A copy of an office's file, used apart from it (a second computer, a colleague's file as a template)."""
    office.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(office.path, path)
    return open_store(path)


def test_two_copies_of_one_office_file_named_in_one_merge_merge_nothing(offices, tmp_path):
    # Two copies of Babergh's file each made "export number 1"; named together, the command line merged the first,
    # then refused the second saying "The county file has not been changed" (it had been) and exited 1.
    add_own_rows(offices.babergh, "Babergh", review=False, fund=False)
    copy = _copy_of(offices.babergh, tmp_path / "babergh-copy.sqlite")
    try:
        add_own_rows(copy, "Babergh", "Copy", review=False, fund=False)
        first, second = export(offices.babergh, tmp_path / "a.sqlite"), export(copy, tmp_path / "b.sqlite")
    finally:
        copy.close()
    county = tmp_path / "suffolk.sqlite"
    code, out, err = cli_output(["merge", str(county), str(first), str(second), *accept_key_args()])
    assert code == 1 and out == ""
    assert "two files have each been making this office's exports" in err
    assert not county.exists()  # nothing merged: the county file made for the merge is not left behind


def test_a_forked_copys_next_export_named_with_the_office_export_merges_nothing(offices, tmp_path):
    # The copy's export number 2 says its number 1 is another export than the office's number 1 named with it.
    copy = _copy_of(offices.babergh, tmp_path / "babergh-copy.sqlite")
    office_first = export(offices.babergh, tmp_path / "a1.sqlite")
    try:
        export(copy, tmp_path / "c1.sqlite")
        copy_second = export(copy, tmp_path / "c2.sqlite")
    finally:
        copy.close()
    county = tmp_path / "suffolk.sqlite"
    shutil.copyfile(offices.county.path, county)
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(office_first), str(copy_second), *accept_key_args()])
    assert code == 1 and out == ""
    assert "its own Safer Desk file" in err and "The county file has not been changed." in err
    assert file_sha256(county) == before


def test_an_office_first_and_second_export_named_together_still_merge(offices, tmp_path):
    first = export(offices.babergh, tmp_path / "a1.sqlite")
    add_own_rows(offices.babergh, "Babergh", review=False, fund=False)
    second = export(offices.babergh, tmp_path / "a2.sqlite")
    report = merge_accepting(offices.county, [second, first, first])
    assert report.refused == [] and [s.file_name for s in report.merged] == [first.name, second.name]


def test_an_office_exports_merge_in_their_numbers_order_whatever_the_clocks_said(offices, tmp_path, monkeypatch):
    # Several officers may sign for one office from one shared file: its export number 2 made on a laptop whose clock
    # ran an hour behind is dated before number 1. Named together, number 2 was merged first and number 1 then
    # refused as "older than an export already merged" (exit 1, "The county file has not been changed").
    from safer_desk.exchange import county_export

    first = export(offices.babergh, tmp_path / "a1.sqlite")
    add_own_rows(offices.babergh, "Babergh", review=False, fund=False)
    with monkeypatch.context() as m:
        m.setattr(county_export, "utc_now", lambda: "2020-01-01T09:00:00.000000+00:00")
        second = export(offices.babergh, tmp_path / "a2.sqlite")
    county = tmp_path / "suffolk.sqlite"
    code, out, err = cli_output(["merge", str(county), str(first), str(second), *accept_key_args()])
    assert code == 0, err
    assert out.index(f"{first.name} (Babergh office)") < out.index(f"{second.name} (Babergh office)")
    store = open_store(county)
    try:
        assert store.scalar("SELECT count(*) FROM projects WHERE title = 'Babergh youth diversion'") == 1
    finally:
        store.close()
