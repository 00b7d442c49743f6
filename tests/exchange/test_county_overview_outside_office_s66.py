"""Session 66: Suffolk's county file, with Babergh's, Mid Suffolk's and a Plymouth office's exports merged, printed
(All areas) a County overview that said "Plymouth office lies outside Suffolk …: its figures are … not counted in
Suffolk's" and, under it, "Domestic Homicide Reviews: recovery per partner, all 3 reviews" totalling Plymouth's
review's £9,000 with Suffolk's, and Plymouth's fund among "the pooled funds the merged files hold". The overview's
totals are the county's, as its note says: the outside office's review and fund are left out of them (they keep
their own sections of the report, each saying whose it is)."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.ids import new_id
from safer_desk.services import dhr, funds, reference
from safer_desk.services.projects import Project, add_projects
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template


def _plymouth_rows(store) -> None:
    add_projects(store, [Project(id=new_id(), title="Plymouth youth diversion", areas=("Plymouth",))])
    case = dhr.add_case(store, reference="PLY-DHR-2025-01", district="Plymouth", partnership="Safer Plymouth",
                        notified_on="2025-06-02")
    dhr.add_cost_line(store, case, category="Independent chair/author", amount="9000")
    dhr.bill_partners(store, case, invoiced_on="2025-09-01")
    fund = funds.add_fund(store, name="Plymouth target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                          risk_levels="high")
    funds.add_contribution(store, fund, organisation="Plymouth City Council", amount="£3,000",
                           received_on="01/04/2025")


def _county_with_plymouth(tmp_path):
    base = template(tmp_path, police=False)
    sent = []
    for name, district, county in (("Babergh office", "Babergh", "Suffolk"),
                                   ("Mid Suffolk office", "Mid Suffolk", "Suffolk"),
                                   ("Plymouth office", "Plymouth", "Devon")):
        office = office_from(base, tmp_path / f"{district}.sqlite", name, districts=[district], county=county)
        try:
            _plymouth_rows(office) if district == "Plymouth" else add_own_rows(office, district)
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    reference.set_office_scope(store, county="Suffolk")
    merge(store, sent)
    return store


def test_the_county_overview_counts_the_county_s_reviews_and_funds_only(tmp_path):
    county = _county_with_plymouth(tmp_path)
    try:
        doc = build_report(county, today=date(2025, 12, 1))
    finally:
        county.close()
    overview = next(s for s in doc.sections if s.title == "County overview")
    said = " ".join(overview.paragraphs)
    assert "Plymouth office lies outside Suffolk" in said and "not counted in Suffolk's" in said
    recovery = next(t for t in overview.tables if "recovery per partner" in t.title)
    assert recovery.title.endswith("all 2 reviews"), recovery.title
    assert recovery.total_row[1] == "£15,051.16"  # Babergh's and Mid Suffolk's £7,525.58 each, not Plymouth's £9,000
    assert "Plymouth City Council" not in [r[0] for r in recovery.rows]
    assert "Plymouth target hardening" not in said
    # Plymouth's review keeps its place in the report's own reviews section, said as Plymouth office's.
    cases = next(t for s in doc.sections for t in s.tables if t.title == "Cost recovery per case")
    assert ["PLY-DHR-2025-01", "Plymouth office"] in [r[:2] for r in cases.rows]
