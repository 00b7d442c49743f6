"""Round 33 (xdl): what a district deletes reaches the county.

A district officer deletes something that went to the county in an earlier export and exports again; the county
merges the new export. The county's copy of the office's rows follows the office's latest export: what the office
deleted goes from the county file and from its board report, the merge's summary says how many went of each kind,
and the merge's entry in the History of Changes counts them. Except what the county lead decided on (a row edited
at the county and kept there) and rows the export leaves out on purpose (individual referrals, case notes).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from safer_desk.exchange.report_html import render_html
from safer_desk.services import dhr, funds, indicators, projects, reference
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.services.report import build_report
from tests.exchange.district_offices import add_own_rows, merge

FIGURE = ("indicator:all-crime", "district:babergh", "2025-04")
PARTNER = "Babergh Citizens Advice"


def _board_paper(store) -> str:
    return render_html(build_report(store, year="2025/26"))


def _one(store, sql: str, *args):
    return store.scalar(sql, args)


def _babergh_sends_its_work(o) -> dict[str, str]:
    """Babergh's own work, merged at the county: a project, a review with its costs billed, a pooled fund with a
    partner's contribution and the spend on three victims (sent as one row of totals), a figure typed by hand, and
    a partner the office added. Returns the ids the office deletes later."""
    b = o.babergh
    add_own_rows(b, "Babergh")
    funds.add_default_catalogue(b)
    fund = _one(b, "SELECT id FROM funds WHERE name = 'Babergh target hardening'")
    reference.add_organisation(b, PARTNER)
    funds.add_contribution(b, fund, organisation=PARTNER, amount="£750", received_on="01/05/2025")
    item = funds.list_items(b)[0]["name"]
    for n in range(3):
        referral = funds.add_referral(b, fund, reference=f"TH-{n:03d}", district="Babergh", referred_on="10/05/2025",
                                      risk_level="high", at_marac="yes", idva_assigned="yes",
                                      perpetrator_resident="no")
        funds.add_spend_line(b, referral, spent_on="10/05/2025", item=item, amount="100.00")
    assert indicators.save_indicator(b, "All crime") == FIGURE[0]
    indicators.save_values(b, FIGURE[0], FIGURE[1], [indicators.PeriodValue(FIGURE[2], 1335.0)],
                           require_red_comments=False)
    case = dhr.case_id_by_reference(b, "BABERGH-DHR-2025-01")
    dhr.add_cost_line(b, case, category="Administration", amount="250")
    dhr.bill_partners(b, case, invoiced_on="2025-09-01")
    merge(o.county, [o.send(b)])
    assert list_conflicts(o.county) == []
    return {"project": _one(b, "SELECT id FROM projects WHERE title = 'Babergh youth diversion'"),
            "cost line": _one(b, "SELECT id FROM dhr_cost_lines WHERE category = 'Administration'"),
            "contribution": _one(b, "SELECT id FROM fund_contributions WHERE amount_pence = 75000"),
            "spend line": _one(b, "SELECT s.id FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
                                  "WHERE r.reference = 'TH-002'"),
            "fund": fund}


def _county_holds(county) -> dict[str, object]:
    return {
        "project": _one(county, "SELECT count(*) FROM projects WHERE title = 'Babergh youth diversion'"),
        "cost line": _one(county, "SELECT count(*) FROM dhr_cost_lines WHERE category = 'Administration'"),
        "contribution": _one(county, "SELECT count(*) FROM fund_contributions WHERE amount_pence = 75000"),
        "spend": _one(county, "SELECT sum(amount_pence) FROM fund_spend_summary s JOIN funds f ON f.id = s.fund_id "
                              "WHERE f.name = 'Babergh target hardening'"),
        "figure": _one(county, "SELECT value FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND "
                               "period = ?", *FIGURE),
    }


def test_what_babergh_deleted_goes_from_the_county_file_and_its_board_paper(offices):
    o = offices
    ids = _babergh_sends_its_work(o)
    assert _county_holds(o.county) == {"project": 1, "cost line": 1, "contribution": 1, "spend": 30_000,
                                       "figure": 1335.0}
    before = _board_paper(o.county)
    assert "Babergh youth diversion" in before and "£750" in before

    b = o.babergh
    projects.delete_projects(b, [ids["project"]])
    dhr.delete_cost_line(b, ids["cost line"], bill_again_on=date(2025, 10, 1))
    funds.delete_contribution(b, ids["contribution"])
    funds.delete_spend_line(b, ids["spend line"])
    indicators.save_values(b, FIGURE[0], FIGURE[1], [indicators.PeriodValue(FIGURE[2], None, comment="")],
                           require_red_comments=False)
    merge(o.county, [o.send(b)])

    assert list_conflicts(o.county) == []
    assert _county_holds(o.county) == {"project": 0, "cost line": 0, "contribution": 0, "spend": 20_000,
                                       "figure": None}
    after = _board_paper(o.county)
    assert "Babergh youth diversion" not in after and "£750" not in after


def test_the_merge_summary_says_what_went_of_each_kind_in_words(offices):
    o = offices
    ids = _babergh_sends_its_work(o)
    b = o.babergh
    projects.delete_projects(b, [ids["project"]])
    funds.delete_contribution(b, ids["contribution"])
    referral = _one(b, "SELECT id FROM fund_referrals WHERE reference = 'TH-000'")
    funds.add_spend_line(b, referral, spent_on="12/05/2025", item=funds.list_items(b)[0]["name"], amount="20.00")
    indicators.save_values(b, FIGURE[0], FIGURE[1], [indicators.PeriodValue(FIGURE[2], None, comment="")],
                           require_red_comments=False)
    report = merge(o.county, [o.send(b)])
    text = report.text()
    assert ("Removed, as Babergh office's file no longer has them: 1 project ('Babergh youth diversion'), "
            "1 pooled fund contribution and 1 indicator figure.") in text, text
    # The spend's totals for Babergh in May are sent again, more: not something the office deleted.
    assert "Sent again with new totals: 1 row of a pooled fund's spend by district and month." in text, text


def test_the_merge_s_entry_in_the_history_of_changes_counts_what_went(offices):
    o = offices
    ids = _babergh_sends_its_work(o)
    projects.delete_projects(o.babergh, [ids["project"]])
    merge(o.county, [o.send(o.babergh)])
    details = json.loads(_one(o.county, "SELECT new_value FROM audit_log WHERE action = 'batch' AND action_label "
                                        "LIKE 'Merge Babergh office%' ORDER BY id DESC LIMIT 1"))
    assert details["tables"]["projects"] == {"removed": 1}
    assert details["rows"]["projects"] == {"delete": 1}


def _partner_removed_at_babergh(o) -> str:
    ids = _babergh_sends_its_work(o)
    fund = ids["fund"]
    assert PARTNER in [c["organisation"] for c in funds.contributions(o.county, fund)]
    funds.delete_contribution(o.babergh, ids["contribution"])
    reference.remove_reference(o.babergh, "organisation",
                               _one(o.babergh, "SELECT id FROM organisations WHERE name = ?", PARTNER))
    merge(o.county, [o.send(o.babergh)])
    assert list_conflicts(o.county) == []
    return fund


def test_a_partner_the_office_removed_no_longer_paid_into_its_fund_at_the_county(offices):
    o = offices
    fund = _partner_removed_at_babergh(o)
    assert PARTNER not in [c["organisation"] for c in funds.contributions(o.county, fund)]
    assert funds.fund_figures(o.county, fund).contributions_pence == 200_000


def test_a_partner_only_babergh_named_goes_from_the_county_s_partners_when_babergh_removes_it(offices):
    o = offices
    _partner_removed_at_babergh(o)
    assert PARTNER not in [org.name for org in reference.list_organisations(o.county)]


def test_individual_referrals_sent_once_then_left_out_are_not_read_as_deleted(offices):
    """An export with the victim-level detail, then the usual one without it: the office did not delete its referrals.
    The county holds its totals by district and month in their place (round 29), the fund's spend as it was, and the
    summary says so apart from what the office deleted."""
    from safer_desk.services.county import export_for_county

    from safer_desk.services.illustrative import mark_illustrative

    o = offices
    _babergh_sends_its_work(o)
    # A referral marked illustrative (as the example's are): its mark goes and comes with the referrals (s58).
    mark_illustrative(o.babergh, "fund_referrals", [_one(o.babergh, "SELECT id FROM fund_referrals WHERE reference = "
                                                              "'TH-002'")], "Example referral")
    fund = _one(o.county, "SELECT id FROM funds WHERE name = 'Babergh target hardening'")
    path = export_for_county(o.babergh, o.folder / "with-referrals.sqlite", include_referrals=True).path
    merge(o.county, [path])
    assert _one(o.county, "SELECT count(*) FROM fund_referrals WHERE fund_id = ?", fund) == 3
    text = merge(o.county, [o.send(o.babergh)]).text()
    assert funds.fund_figures(o.county, fund).spent_pence == 30_000
    assert funds.fund_figures(o.county, fund).victims == 3
    assert "Removed, as" not in text, text
    assert ("Babergh office's individual referrals are not in this export (it sends its spend by district and month "
            "instead): the county's copies of 3 individual referrals, 3 referral spend lines and 1 illustrative mark "
            "were taken out, and those totals are the fund's spend at the county now.") in text, text


def test_individual_referrals_sent_in_place_of_totals_are_not_said_to_be_deleted(offices):
    """The other way round (s58): the usual export, then one with the victim-level detail. The office deleted none of
    its spend: its referrals take the place of its totals by district and month, and the summary says so, never
    "Removed, as Babergh office's file no longer has them" of spend the office still has."""
    from safer_desk.services.county import export_for_county

    o = offices
    _babergh_sends_its_work(o)
    fund = _one(o.county, "SELECT id FROM funds WHERE name = 'Babergh target hardening'")
    path = export_for_county(o.babergh, o.folder / "with-referrals.sqlite", include_referrals=True).path
    text = merge(o.county, [path]).text()
    assert funds.fund_figures(o.county, fund).spent_pence == 30_000
    assert "Removed, as" not in text, text
    assert ("Babergh office sends its individual referrals in this export (it sent its spend by district and month "
            "before): the county's 1 row of a pooled fund's spend by district and month was taken out, and the "
            "referrals are the fund's spend at the county now.") in text, text


def test_a_project_edited_at_the_county_and_then_deleted_by_the_office_is_kept_and_asked_about(offices):
    o = offices
    ids = _babergh_sends_its_work(o)
    p = projects.get_project(o.county, ids["project"])
    projects.save_project(o.county, replace(p, title="Babergh youth diversion (county-wide from 2026)"))
    projects.delete_projects(o.babergh, [ids["project"]])
    report = merge(o.county, [o.send(o.babergh)])
    assert [c.kind for c in report.conflicts] == ["removed-but-edited"]
    assert "Babergh youth diversion (county-wide from 2026)" in _board_paper(o.county)
    resolve_conflicts(o.county, "county")  # the county lead keeps it: the county's own from now on
    merge(o.county, [o.send(o.babergh)])  # (nothing new from the office)
    assert list_conflicts(o.county) == []
    assert _one(o.county, "SELECT count(*) FROM projects WHERE id = ?", ids["project"]) == 1


def test_a_project_one_office_deleted_stays_while_the_other_office_still_has_it(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    projects.delete_projects(o.babergh, ["p-shared"])
    merge(o.county, [o.send(o.babergh)])
    assert "Western Suffolk youth work" in _board_paper(o.county)


def test_a_project_both_offices_deleted_goes_from_the_county(offices):
    """The county-wide project both offices recorded is one row at the county, held by both. Both offices drop it;
    the county's board paper still lists it."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    for office in (o.babergh, o.mid):
        projects.delete_projects(office, ["p-shared"])
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert "Western Suffolk youth work" not in _board_paper(o.county)


def test_a_project_both_offices_deleted_and_the_county_lead_deletes_stays_gone(offices):
    """What the guide tells the county lead to do meanwhile: delete it in the county file; neither office's next
    file brings it back."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    for office in (o.babergh, o.mid):
        projects.delete_projects(office, ["p-shared"])
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    projects.delete_projects(o.county, ["p-shared"])
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert "Western Suffolk youth work" not in _board_paper(o.county)
    assert list_conflicts(o.county) == []
