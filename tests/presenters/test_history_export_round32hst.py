"""An export for the county in the History of Changes says where it went and what was left out (round 32, hst).

Both exports below read "Export for the county — Made export number N for the county": an auditor cannot tell the
one that kept the referrals and the reviews' notes with the office from the one that sent them, nor which file
either went to. The words belong in the action's name, which the export gives (exchange/county_export.py).
"""

from __future__ import annotations


from safer_desk.exchange.signing import existing_officer_key
from safer_desk.presenters.history import history_lines
from safer_desk.services.county import export_for_county


def test_each_export_says_its_file_and_whether_the_victim_level_detail_went(demo_store, tmp_path):
    export_for_county(demo_store, tmp_path / "to-county.sqlite")
    export_for_county(demo_store, tmp_path / "with-referrals.sqlite", include_referrals=True)
    second, first = history_lines(demo_store, limit=2)
    signed = f", signed with key {existing_officer_key().fingerprint}"  # (s74: the key that signed it)
    assert first.action == ("Export for the county to to-county.sqlite (individual referrals and the reviews' notes "
                            "left out)" + signed)
    assert second.action == ("Export for the county to with-referrals.sqlite (individual referrals and the reviews' "
                             "notes included)" + signed)
    assert first.details == ("Made export number 1 for the county",)
