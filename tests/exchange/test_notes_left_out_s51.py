"""County exchange, round 51: a review several offices hold, two of them exporting without its case notes (the
default) and a third with them. The blank copy the first two left was read as notes "blank, sent alike by Ipswich
office and Mid Suffolk office", and the third office's notes as a conflict with it; the guide says notes an export
leaves out are not sent and raise no conflict. The first office to send them fills the county's copy."""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import export_for_county, list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge, office_from, template

REVIEW = "WSCSP-DHR-2025-01"
NOTES = "Action plan complete to the partnership's satisfaction."


def _exports(folder):
    base = template(folder, police=False)
    store = open_store(base)
    try:
        dhr.add_case(store, reference=REVIEW, district="Babergh", partnership="Western Suffolk CSP",
                     notified_on="2025-06-02", notes=NOTES)
    finally:
        store.close()
    out = {}
    for name, district, notes in (("Mid Suffolk office", "Mid Suffolk", False), ("Ipswich office", "Ipswich", False),
                                  ("Babergh office", "Babergh", True)):
        office = office_from(base, folder / f"{district}.sqlite", name, districts=[district])
        try:
            out[district] = export_for_county(office, folder / f"{district}-1.sqlite", include_referrals=notes).path
        finally:
            office.close()
    return out


def test_notes_left_out_by_some_offices_are_filled_by_the_first_to_send_them_without_a_conflict(tmp_path):
    exports = _exports(tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [exports["Mid Suffolk"], exports["Ipswich"]])
        assert county.scalar("SELECT notes FROM dhr_cases WHERE reference = ?", (REVIEW,)) in (None, "")
        report = merge(county, [exports["Babergh"]])
        assert not list_conflicts(county), [c.detail for c in list_conflicts(county)]
        assert county.scalar("SELECT notes FROM dhr_cases WHERE reference = ?", (REVIEW,)) == NOTES, report.text()
        # Sent again, by any of them: nothing changes, and still no conflict.
        for district in ("Mid Suffolk", "Ipswich", "Babergh"):
            merge(county, [exports[district]])
        assert not list_conflicts(county)
        assert county.scalar("SELECT notes FROM dhr_cases WHERE reference = ?", (REVIEW,)) == NOTES
    finally:
        county.close()
