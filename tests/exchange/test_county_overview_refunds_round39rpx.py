"""Round 39 (rpx): the county overview's recovery per partner has the Refunded column, as the reviews' table does.

A county file holding Babergh office's review, on which Babergh District Council paid £752.56 and was refunded £250
of it, read in one board report: "Cost recovery per partner" (the reviews' section) with Refunded £250.00 beside the
council, and the County overview's "recovery per partner" with the same partners and no Refunded column at all, as if
the council had kept the £752.56 (`dhr-ledger` has the column too). The overview's table gains the trailing Refunded
column where something was refunded, as the reviews' section has it; without a refund it is as it was.
"""

from __future__ import annotations

from safer_desk.services.report import build_report
from tests.exchange.district_offices import export, merge
from tests.exchange.test_refund_beyond_credit_round39 import billed_lower_and_refunded, merged_once
from tests.exchange.test_refund_merge_round38 import TODAY


def _tables(report) -> dict:
    return {t.title.split(",")[0]: t for s in report.sections for t in s.tables if "per partner" in t.title}


def test_the_overview_says_the_refund_as_the_reviews_section_does(tmp_path):
    with merged_once(tmp_path) as (county, babergh, case):
        before = _tables(build_report(county, today=TODAY))
        assert "Refunded" not in before["Domestic Homicide Reviews: recovery per partner"].header
        billed_lower_and_refunded(babergh, case)
        merge(county, [export(babergh, tmp_path / "b2.sqlite")])
        tables = _tables(build_report(county, today=TODAY))
        section = tables["Cost recovery per partner"]
        overview = tables["Domestic Homicide Reviews: recovery per partner"]
        assert overview.header == section.header and overview.header[-1] == "Refunded"
        assert overview.rows == section.rows and overview.total_row == section.total_row
        council = next(r for r in overview.rows if r[0] == "Babergh District Council")
        assert council[-1] == "£250.00", council
