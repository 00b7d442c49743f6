"""Session 73: an office that sends its individual referrals after the county held the fund's spend by district and
month read two contradictory sentences in the merge's summary.

Babergh's and Mid Suffolk's offices began from the example, so each sent the Suffolk pilot's spend as five summary rows
the offices hold alike. Mid Suffolk office then exported with its referrals (--include-referrals): the county now holds
the pilot's referrals, and the five summary rows of the same spend were set aside ("never counted twice"), as the
History's "Removed 6 spend summary lines" says. Yet the summary also said "Kept, as Babergh office still sends them:
5 rows of pooled funds' spend by district and month …; they go once no office that sent them has them any more" of
the very rows it had just taken out. Rows set aside are no longer said as kept.
"""

from __future__ import annotations

from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from

FUND = "Suffolk Target Hardening Pilot"


def test_summaries_set_aside_are_not_said_as_kept(demo_path, tmp_path):
    babergh = office_from(demo_path, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(demo_path, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [export(babergh, tmp_path / "b1.sqlite"), export(mid, tmp_path / "m1.sqlite")])
        assert county.scalar("SELECT count(*) FROM fund_spend_summary") == 5
        with_referrals = export_for_county(mid, tmp_path / "m2.sqlite", include_referrals=True).path
        report = merge(county, [with_referrals])
        notes = report.merged[0].conflict_notes
        assert county.scalar("SELECT count(*) FROM fund_spend_summary") == 0
        assert any(n.startswith(f"Fund '{FUND}': the county holds its individual referrals now, so 5 summary rows")
                   for n in notes), notes
        assert not any(n.startswith("Kept, as Babergh office still sends them") for n in notes), notes
    finally:
        county.close()
        babergh.close()
        mid.close()
