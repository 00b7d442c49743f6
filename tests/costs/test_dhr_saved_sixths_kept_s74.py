"""Session 74: a review saved before session 73 with 16.67% four times and 16.66% twice (the old Share equally among
six) keeps its percentages and what it billed.

Such a review was billed £1,389.17 to four partners and £1,388.33 or £1,388.34 to two of £8,333.35. Nothing in the
file says whether the percentages came from the old button or were agreed by the partnership (DESIGN.md 2.3: areas split
"a percentage per partner"), the invoices were sent and may be paid, and billed figures never change silently. So
opening the review or its Split… changes nothing: the percentages show as saved, the split is not unsaved, the file
is as it was, and a cost added since is billed by the same percentages. To bill equal shares from now the officer
chooses Equal shares and Bill again…, a decision made with the partners, not by the program.
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, percent_to_bp
from safer_desk.exchange.county_schema import content_checksums, data_tables
from safer_desk.presenters.dhr import DhrPresenter, SplitKind
from safer_desk.services import dhr

TODAY = date(2024, 12, 7)
SIXTHS = {"org:devon-and-cornwall-police": "16.67", "org:devon-and-cornwall-police-and-crime-commissioner": "16.67",
          "org:devon-and-somerset-fire-and-rescue-service": "16.67", "org:nhs-devon-icb": "16.67",
          "org:national-probation-service": "16.66", "org:plymouth-city-council": "16.66"}


def _content(store):
    return content_checksums(store.conn, data_tables(store.conn))[1]


def test_a_review_billed_by_sixths_to_two_decimals_keeps_them(demo_store):
    case_id = dhr.add_case(demo_store, reference="SP-DHR-2024-03", district="Plymouth", partnership="Safer Plymouth",
                           lead_organisation="Plymouth City Council", notified_on="2024-05-02")
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="7000.01",
                      invoiced_on="2024-09-30")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1,333.34", invoiced_on="2024-10-02")
    dhr.set_split_rule(demo_store, case_id, "percentages", percentages=SIXTHS)
    billed = dhr.bill_partners(demo_store, case_id, invoiced_on="2024-10-15")
    assert sorted(billed.values()) == [138833, 138834] + [138917] * 4
    before = _content(demo_store)

    reviews = DhrPresenter(demo_store, today=lambda: TODAY)
    reviews.reload()
    reviews.select(case_id)
    split = reviews.split_form()
    assert split.kind == SplitKind.PERCENTAGES and not split.is_dirty
    assert {r.organisation_id: (r.percent_text, r.share_pence) for r in split.rows()} == {
        oid: (pct, billed[oid]) for oid, pct in SIXTHS.items()}
    split.discard()
    assert _content(demo_store) == before  # opened and closed: the file as it was

    dhr.add_cost_line(demo_store, case_id, category="Legal", amount="600", invoiced_on="2024-11-01")
    further = dhr.bill_partners(demo_store, case_id, invoiced_on="2024-11-15")
    assert sum(further.values()) == 60000
    total = {oid: billed[oid] + further[oid] for oid in SIXTHS}
    # the whole £8,933.35 by the same percentages, not equal shares (£1,488.89 each)
    assert total == dhr_cost_shares(893335, list(SIXTHS), SplitRule("percentages", {
        oid: percent_to_bp(pct) for oid, pct in SIXTHS.items()})), total
    assert max(total.values()) - min(total.values()) > 1
