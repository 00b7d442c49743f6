"""S72 (privacy5): the county's papers give no month whose only spend is an office's part on one or two victims.

Babergh office began from the example and keyed one more door chain (£45, 03/07/2018) for TH-2018-001, a victim the
example helped in April. Its export sends that line as its own part of the pilot: a row of July 2018 with no victim
first supported and one spend line. The county's board report then gave "Jul-18: 0 victims, £45" on its own line
(and its burn-down the spend to date at July): what was spent on one victim helped before. The office's own papers
join such a month with the next, since the office knows the victims a month's spend was on; the county knows only
the row, whose one spend line says it was on one victim. Such a month is now small at the county too.
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds
from safer_desk.services import reference as ref
from safer_desk.services.demo import build_demo
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 9, 20)


def test_a_county_month_of_one_spend_line_is_given_with_the_month_next_to_it(tmp_path):
    store = open_store(build_demo(tmp_path / "Babergh.sqlite"))
    try:
        store.set_meta("office_name", "Babergh office")
        ref.set_office_scope(store, districts=["Babergh"], county="Suffolk")
        fund = funds.fund_by_name(store, PILOT).id
        referral = funds.referral_id_by_reference(store, fund, "TH-2018-001")
        funds.add_spend_line(store, referral, spent_on="03/07/2018", item="Door chain", amount="£45")
        own, _ = funds.months_shared(funds.fund_figures(store, fund, today=TODAY))
        sent = export(store, tmp_path / "Babergh-export.sqlite")
    finally:
        store.close()
    assert ("Jun-18 to Jul-18", 5, 78_700 + 4_500) in own  # the office's own papers join it
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [sent]).conflicts == []
        figures = funds.fund_figures(county, funds.fund_by_name(county, PILOT).id, today=TODAY)
        assert (figures.spent_pence, figures.victims) == (241_700 + 4_500, 15)
        rows, notes = funds.months_shared(figures)
        assert ("Jul-18", 0, 4_500) not in rows
        assert [r for r in rows if "Jul-18" in r[0]] == [("Jun-18 to Jul-18", 5, 78_700 + 4_500)]
        assert funds.SMALL_MONTHS_WORDS in notes
        assert Month.parse("2018-06") in funds.months_within_spans(figures)  # no spend to date at June alone
    finally:
        county.close()
