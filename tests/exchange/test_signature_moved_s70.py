"""Session 70: a signature moved from one office's export into another's file (its signed statement, signature and
key) is refused saying so, not by the first field that differs.

Seen: Babergh office's signature put into Mid Suffolk office's export was refused as "its audit trail length was
changed after it was signed (it says '3432'; it was signed as '3433')", sending the county lead to ask Mid Suffolk
office about its audit trail, which nobody had touched.
"""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.exchange.county_merge import ExportRefused, read_export
from tests.exchange.district_offices import district_exports

MOVED = ("signed_statement", "signature", "public_key", "key_fingerprint")


def move_signature(source, target) -> None:
    signed = dict(sqlite3.connect(str(source)).execute("SELECT key, value FROM _export_manifest").fetchall())
    conn = sqlite3.connect(str(target))
    conn.executemany("UPDATE _export_manifest SET value = ? WHERE key = ?", [(signed[k], k) for k in MOVED])
    conn.commit()
    conn.close()


def test_a_signature_moved_from_another_office_s_export_is_said_to_be_that_export_s(tmp_path):
    babergh, mid = district_exports(tmp_path, ["Babergh", "Mid Suffolk"])
    move_signature(babergh, mid)
    with pytest.raises(ExportRefused) as refused:
        read_export(mid)
    assert ("mid-suffolk-export.sqlite cannot be merged: its signature was made for another export (Babergh office's "
            "export number 1), not for this file: a signature moved from one file to another says nothing of it"
            ) in str(refused.value), str(refused.value)


def test_an_edited_export_id_alone_is_still_said_as_an_edit(tmp_path):
    (babergh,) = district_exports(tmp_path, ["Babergh"])
    conn = sqlite3.connect(str(babergh))
    conn.execute("UPDATE _export_manifest SET value = 'abc' WHERE key = 'export_id'")
    conn.commit()
    conn.close()
    with pytest.raises(ExportRefused, match="its export id was changed after it was signed"):
        read_export(babergh)
