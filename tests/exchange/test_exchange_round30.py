"""County exchange, round 30: what the county lead reads after merging district files made as offices make them."""

from __future__ import annotations

from safer_desk.services.county import list_conflicts
from safer_desk.services.projects import Project, add_projects
from tests.exchange.test_commissioning_two_offices import both_save_option_a, offices  # noqa: F401 (a fixture)


def test_two_offices_projects_of_one_title_ticked_by_their_scenarios_are_told_apart(offices,  # noqa: F811
                                                                                    monkeypatch):
    """Babergh and Mid Suffolk each typed the county's "Suffolk ELEV8" into their own register (two projects, one
    title) and ticked it in their "Option A". The conflict read "projects ticked “Suffolk ELEV8” from Babergh
    office, “Suffolk ELEV8” from Mid Suffolk office": two sides alike to the letter, nothing to decide between. A
    project whose title another project of the conflict shares is said with the office it came from."""
    _folder, county, babergh, mid = offices
    for store, pid in ((babergh, "babergh-elev8"), (mid, "mid-elev8")):
        add_projects(store, [Project(id=pid, title="Suffolk ELEV8", areas=("Countywide",))])
    both_save_option_a(monkeypatch, offices, ["babergh-elev8", "shared-dv-service"],
                       ["mid-elev8", "shared-dv-service"])
    [conflict] = list_conflicts(county)
    assert conflict.detail == (
        "Commissioning scenario 'Option A': projects ticked “County DV outreach; Suffolk ELEV8 (from Babergh "
        "office)” from Babergh office, “County DV outreach; Suffolk ELEV8 (from Mid Suffolk office)” from Mid "
        "Suffolk office")
    assert conflict.county_side != conflict.district_side


def test_another_download_of_the_same_months_kept_out_is_not_called_a_later_download_than_itself(tmp_path):
    """Two offices downloaded Suffolk's 2025 (both to Dec 2025: two sites' copies, or the same download revised on
    the day), and Ipswich imported its copy later. The county, holding Ipswich's, kept Babergh's out saying "the
    county already holds a later download (Dec 2025) than Babergh office's (Dec 2025)": a month later than itself.
    The tie is settled by the later import, and the summary says so."""
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export, load_police, merge, office_from, template

    bare = template(tmp_path, police=False)
    babergh = office_from(bare, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    ipswich = office_from(bare, tmp_path / "ipswich.sqlite", "Ipswich office", districts=["Ipswich"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        load_police(babergh, ["2025-11", "2025-12"], download="suffolk-2025.zip", sha="1" * 64,
                    imported_at="2026-01-05T09:00:00Z")
        load_police(ipswich, ["2025-11", "2025-12"], download="suffolk-2025.zip", sha="2" * 64, change=1,
                    imported_at="2026-01-20T14:00:00Z")
        early, late = export(babergh, tmp_path / "b-1.sqlite"), export(ipswich, tmp_path / "i-1.sqlite")
        merge(county, [late])
        kept = merge(county, [early]).merged[0]
        assert kept.public == {"older": 2}
        assert kept.public_notes == [(
            "Suffolk Constabulary Nov 2025 to Dec 2025: the county already holds another download of the same months "
            "(to Dec 2025), imported later than Babergh office's (20/01/2026, against 05/01/2026); kept.")]
        # merged the other way round, the later import replaces the earlier one, and the summary says it is that
        county2 = open_store(tmp_path / "county2.sqlite", create=True, office_name="Suffolk county team")
        try:
            merge(county2, [early])
            replaced = merge(county2, [late]).merged[0]
            assert replaced.public_notes == [(
                "Suffolk Constabulary Nov 2025 to Dec 2025: replaced by another download of the same months (to Dec "
                "2025), imported later, from Ipswich office (20/01/2026, against 05/01/2026).")]
        finally:
            county2.close()
    finally:
        for store in (babergh, ipswich, county):
            store.close()


def test_an_older_export_is_refused_naming_when_the_newer_one_was_made_in_british_form(tmp_path):
    """Merging Babergh's export number 1 after its number 2 was refused "… number 2, made 2026-12-01 04:23 UTC, has
    already been merged": the one date of the merge's messages not written as the county lead reads dates (the
    future-dated refusal says "dated 02/12/2026 04:23 UTC")."""
    import re

    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import district_exports, export, merge

    first = district_exports(tmp_path, ["Babergh"])[0]
    office = open_store(tmp_path / "babergh.sqlite")
    try:
        second = export(office, tmp_path / "babergh-2.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [second])
        report = merge(county, [first])
    finally:
        county.close()
    [(_, why)] = report.refused
    assert "it is older than an export from Babergh office already merged" in why
    # on this computer's clock, as every time in the program (session 67: it said the time in UTC)
    assert re.search(r"its number 2, made \d\d/\d\d/\d{4} \d\d:\d\d\)", why), why
