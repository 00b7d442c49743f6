"""The county lead's board report and merges, on district files as the county receives them."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge


def county_overview(store, **kwargs):
    doc = build_report(store, today=date(2025, 12, 1), **kwargs)
    return next(s for s in doc.sections if s.title == "County overview")


def test_a_pooled_fund_running_with_nothing_spent_yet_is_not_said_to_be_no_fund(tmp_path):
    """Babergh's fund runs through 2025/26 with £2,000 contributed and nothing spent yet: the report has its
    burn-down, and its county overview said "The merged files hold … no pooled fund running in 2025/26"."""
    exports = district_exports(tmp_path, ["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert not merge(county, exports).conflicts
        overview = county_overview(county, year="2025/26")
        said = " ".join(overview.paragraphs)
        assert "no pooled fund running" not in said
        assert "nothing spent yet in Babergh target hardening" in said
        # A year no fund runs in still says so.
        assert "no pooled fund running in 2030/31" in " ".join(county_overview(county, year="2030/31").paragraphs)
    finally:
        county.close()


def test_the_illustrative_notes_are_only_for_the_reviews_the_report_shows(demo_store):
    """The merged Babergh review (no example figures) in a report for Babergh: its table was noted "Payments marked
    (illustrative) are example figures" and "The split of a review's cost into cost lines is illustrative", of the
    example file's WSCSP-DHR-2017-01, which that report does not show."""
    from safer_desk.services import dhr

    case = dhr.add_case(demo_store, reference="BAB-DHR-2025-01", district="Babergh",
                        partnership="Western Suffolk CSP", notified_on="2025-06-02")
    dhr.add_cost_line(demo_store, case, category="Independent chair/author", amount="7525.58")
    dhr.bill_partners(demo_store, case, invoiced_on="2025-09-01")
    doc = build_report(demo_store, year="2025/26", area="Babergh", today=date(2025, 12, 1))
    table = next(t for s in doc.sections for t in s.tables if t.title == "Cost recovery per case")
    assert [r[0] for r in table.rows] == ["BAB-DHR-2025-01"]
    assert "illustrative" not in table.note  # (the note still says what "Overdue (n)" counts)
    # The example file's own report, which shows WSCSP-DHR-2017-01, keeps them.
    doc = build_report(demo_store, year="2018/19", today=date(2025, 12, 1))
    table = next(t for s in doc.sections for t in s.tables if t.title == "Cost recovery per case")
    assert "WSCSP-DHR-2017-01" in [r[0] for r in table.rows] and "(illustrative)" in table.note
