"""Session 70: an export that could not be moved into place (the earlier export of that name open in another program,
a folder whose permission changed) once its number was recorded gives the number back, as the guide promises of an
export that fails: "its number is recorded in your file only once the export is whole on the disk … so the next
export takes the same number".

Seen: `safer-desk export office.sqlite babergh.sqlite --replace` refused with "babergh.sqlite could not be written:
permission denied (… the file is open in another program). Nothing was written.", yet the office file had recorded
export number 2 (its History of Changes said "Export for the county to babergh.sqlite", "Made export number 2 for the
county") for a file that was never written; the next export was number 3, and the county's merge summary said export
number 2 had never been merged.
"""

from __future__ import annotations

import errno

import pytest

from safer_desk.presenters.history import _meta_words
from safer_desk.services.county import CountyError, export_for_county
from safer_desk.services.history import AuditEntry
from safer_desk.storage import audit_chain, safe_write


def _refuse_the_move(tmp, target):
    raise PermissionError(errno.EACCES, "Access is denied", str(target))


def test_an_export_not_moved_into_place_gives_its_number_back(district, tmp_path, monkeypatch):
    first = export_for_county(district, tmp_path / "for-county.sqlite")
    assert first.sequence == 1
    before = (tmp_path / "for-county.sqlite").read_bytes()
    with monkeypatch.context() as m:
        m.setattr(safe_write, "replace_into_place", _refuse_the_move)
        with pytest.raises(CountyError, match="for-county.sqlite could not be written: for-county.sqlite is open in "
                                              "another program, such as Excel .* close it there and try again"):
            export_for_county(district, tmp_path / "for-county.sqlite")
    assert (tmp_path / "for-county.sqlite").read_bytes() == before  # the earlier export as it was
    assert sorted(p.name for p in tmp_path.iterdir() if "for-county.sqlite" in p.name) == ["for-county.sqlite"]
    assert district.scalar("SELECT count(*) FROM _export_anchors") == 1
    again = export_for_county(district, tmp_path / "for-county-2.sqlite")
    assert again.sequence == 2  # the number the export that was not written had taken
    assert [r[0] for r in district.conn.execute("SELECT sequence FROM _export_anchors ORDER BY sequence")] == [1, 2]
    assert audit_chain.verify_chain(district.conn).problems == []


def test_the_history_says_the_number_was_given_back(district, tmp_path, monkeypatch):
    export_for_county(district, tmp_path / "for-county.sqlite")
    with monkeypatch.context() as m:
        m.setattr(safe_write, "replace_into_place", _refuse_the_move)
        with pytest.raises(CountyError):
            export_for_county(district, tmp_path / "for-county.sqlite")
    labels = [r[0] for r in district.conn.execute("SELECT action_label FROM audit_log WHERE action_label IS NOT NULL")]
    # what happened, as History keeps it: not the advice the refusal gave then, nor brackets within brackets
    assert ("Export for the county to for-county.sqlite not written (for-county.sqlite was open in another program, "
            "such as Excel, or marked read-only): its number 2 is free again") in labels, labels
    entries = [AuditEntry(*r) for r in district.conn.execute(
        "SELECT at, who, table_name, row_id, action, column_name, old_value, new_value FROM audit_log "
        "WHERE table_name = 'meta' AND row_id = 'export_sequence' ORDER BY id")]
    assert [_meta_words(e) for e in entries][-2:] == [
        "Made export number 2 for the county",
        "Gave back export number 2, which was not written: the next export takes that number"]


def test_an_export_moved_into_place_before_a_later_step_failed_keeps_its_number(district, tmp_path, monkeypatch):
    """Once the export is in place its number is the export's: never given back (two exports would share it)."""
    def fail_after_the_move(target):
        raise OSError(errno.EIO, "Input/output error")

    with monkeypatch.context() as m:
        m.setattr(safe_write, "fsync_folder", fail_after_the_move)
        with pytest.raises(Exception):
            export_for_county(district, tmp_path / "for-county.sqlite")
    assert (tmp_path / "for-county.sqlite").is_file()
    assert district.scalar("SELECT count(*) FROM _export_anchors") == 1
    assert export_for_county(district, tmp_path / "for-county-2.sqlite").sequence == 2
