"""Round 39 (rpx): the county overview's recovery per partner has the Refunded column, as the reviews' table does.

A county file holding Babergh office's review, on which Babergh District Council paid £752.56 and was refunded £250
of it, read in one board report: "Cost recovery per partner" (the reviews' section) with Refunded £250.00 beside the
council, and the County overview's "recovery per partner" with the same partners and no Refunded column at all, as if
the council had kept the £752.56 (`dhr-ledger` has the column too). The overview's table gains the trailing Refunded
column where something was refunded, as the reviews' section has it; without a refund it is as it was.
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template
from tests.exchange.test_refund_beyond_credit_round39 import _billed_lower, _paid_in_full
from tests.exchange.test_refund_merge_round38 import BABERGH, TODAY


def _tables(report) -> dict:
    return {t.title.split(",")[0]: t for s in report.sections for t in s.tables if "per partner" in t.title}


def test_the_overview_says_the_refund_as_the_reviews_section_does(tmp_path):
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(babergh, "Babergh", fund=False)
        case = _paid_in_full(babergh)
        merge(county, [export(babergh, tmp_path / "b1.sqlite")])
        before = _tables(build_report(county, today=TODAY))
        assert "Refunded" not in before["Domestic Homicide Reviews: recovery per partner"].header
        _billed_lower(babergh, case)
        dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="250", reference="BACS 4471")
        merge(county, [export(babergh, tmp_path / "b2.sqlite")])
        tables = _tables(build_report(county, today=TODAY))
        section = tables["Cost recovery per partner"]
        overview = tables["Domestic Homicide Reviews: recovery per partner"]
        assert overview.header == section.header and overview.header[-1] == "Refunded"
        assert overview.rows == section.rows and overview.total_row == section.total_row
        council = next(r for r in overview.rows if r[0] == "Babergh District Council")
        assert council[-1] == "£250.00", council
    finally:
        babergh.close()
        county.close()
