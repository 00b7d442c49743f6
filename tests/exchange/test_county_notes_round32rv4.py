"""Round 32 (rv4): a second look at the reviews' notes kept at the county (b2cf6ab)."""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output
from tests.exchange import test_case_notes_round32cty as cty
from tests.exchange.test_case_notes_round32cty import REVIEW, _export, _notes

merged_with_notes = cty.merged_with_notes  # the example's export with its notes, merged

CHANGED = "Report sent to the Home Office; the chair's last invoice is paid."


def test_notes_the_office_changes_while_sending_none_arrive_with_its_next_export_with_them(merged_with_notes, tmp_path):
    office, county = merged_with_notes
    store = open_store(office)
    try:
        dhr.update_case(store, dhr.case_id_by_reference(store, REVIEW), notes=CHANGED)
    finally:
        store.close()
    code, out, err = cli_output(["merge", str(county), str(_export(office, tmp_path / "ex2.sqlite"))])
    assert code == 0, err
    assert _notes(county)[REVIEW] != CHANGED  # not sent: the county's copy stands
    code, out, err = cli_output(["merge", str(county), str(_export(office, tmp_path / "ex3.sqlite",
                                                                    "--include-referrals"))])
    assert code == 0, err
    assert _notes(county)[REVIEW] == CHANGED, out  # sent now: the office's own notes, as it has them
    store = open_store(county)
    try:
        assert not list_conflicts(store)
    finally:
        store.close()


def test_notes_changed_at_both_ends_meanwhile_are_a_conflict_when_the_office_sends_them(merged_with_notes, tmp_path):
    office, county = merged_with_notes
    assert cli_output(["merge", str(county), str(_export(office, tmp_path / "ex2.sqlite"))])[0] == 0
    for path, notes in ((office, CHANGED), (county, "Checked at the county.")):
        store = open_store(path)
        try:
            dhr.update_case(store, dhr.case_id_by_reference(store, REVIEW), notes=notes)
        finally:
            store.close()
    code, out, err = cli_output(["merge", str(county), str(_export(office, tmp_path / "ex3.sqlite",
                                                                    "--include-referrals"))])
    assert code == 0, err
    assert _notes(county)[REVIEW] == "Checked at the county."  # kept until the lead decides
    store = open_store(county)
    try:
        assert [c for c in list_conflicts(store) if REVIEW in c.detail], out
    finally:
        store.close()
