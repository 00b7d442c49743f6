"""An export's line in the History of Changes names the key that signed it (s74, audit).

Two officers sign for one office (DESIGN §3), each with a key of their own. Their exports read "Export for the county
to …" and "Made export number N for the county" alike in the office's trail: when the county lead asks which key
signed export number 2 (one to be withdrawn, say), the office's History could not tell, though the export records
it. The action's name, kept in the hash-chained trail, now says it.
"""

from __future__ import annotations

from safer_desk.exchange.signing import existing_officer_key
from safer_desk.presenters.history import history_lines
from safer_desk.services.county import export_for_county


def test_each_export_names_the_key_it_was_signed_with(demo_store, tmp_path, monkeypatch):
    monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / "first-officer"))
    first_result = export_for_county(demo_store, tmp_path / "first.sqlite")
    first_key = existing_officer_key().fingerprint
    monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / "second-officer"))
    export_for_county(demo_store, tmp_path / "second.sqlite")
    second_key = existing_officer_key().fingerprint
    assert first_key != second_key and first_result.key_fingerprint == first_key
    second, first = history_lines(demo_store, limit=2)
    assert first.action == ("Export for the county to first.sqlite (individual referrals and the reviews' notes "
                            f"left out), signed with key {first_key}")
    assert second.action == ("Export for the county to second.sqlite (individual referrals and the reviews' notes "
                             f"left out), signed with key {second_key}")
    assert first.details == ("Made export number 1 for the county",)
