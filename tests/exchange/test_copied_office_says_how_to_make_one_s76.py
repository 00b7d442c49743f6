"""Two offices working from a plain copy of one office file are refused at the county, as they must be (the copy
keeps the first office's identity). The words said why but not how to make a file of one's own: they now name
File > New… and `safer-desk demo` then Office Details…."""

from __future__ import annotations

import shutil

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export
from tests.exchange.helpers import accept_key_args, cli_output


def test_a_copied_office_file_is_refused_saying_how_to_make_a_new_one(offices, tmp_path):
    add_own_rows(offices.babergh, "Babergh", review=False, fund=False)
    offices.babergh.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(offices.babergh.path, tmp_path / "ipswich.sqlite")  # Ipswich's "own" file: Babergh's copied
    copy = open_store(tmp_path / "ipswich.sqlite")
    try:
        add_own_rows(copy, "Ipswich", "Ipswich", review=False, fund=False)
        first, second = export(offices.babergh, tmp_path / "a.sqlite"), export(copy, tmp_path / "b.sqlite")
    finally:
        copy.close()
    code, out, err = cli_output(["merge", str(tmp_path / "suffolk.sqlite"), str(first), str(second),
                                 *accept_key_args()])
    assert code == 1 and out == ""
    assert "a second office needs its own Safer Desk file" in err
    assert "File > New…" in err and "safer-desk demo" in err and "Office Details…" in err
