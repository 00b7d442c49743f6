"""A re-split of a refusal the county does not hold refused is held back and listed, never billed twice (round 22).

Found by an engineer with two offices built from one template (each its own id, name and scope): Mid Suffolk office
refused the National Probation Service's share of a review both offices hold and re-split it among the other ten
partners, while Babergh office held the share invoiced (or paid). The county kept the share invoiced (the conflict
open, awaiting the county lead), yet merged Mid Suffolk's ten re-split invoices all the same: the partners were
billed NPS's £684.14 twice, a Keep County decision left it so, and the ledger that goes to the board said it.
(Eleven partners then; eight in 2025 in the example: the 2019 councils one, the CRC and CCGs gone, the ICB in.)

After every step here the county's ledger must be one an office obeying the Costs tab's rules could hold.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.exchange.county_schema import content_checksums, data_tables
from safer_desk.services import dhr
from safer_desk.services.county import ConflictsPresenter, CountyError, list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_merge_round22 import NPS, REVIEW, county_share, share_of

TODAY = date(2026, 1, 15)
HELD = (f"{NPS}'s share of {REVIEW}: re-split among the other partners, from Mid Suffolk office (7 invoices, "
        f"£940.70: {REVIEW}-03-R01 to {REVIEW}-03-R07), not merged: the county holds that share invoiced, not "
        "refused, so its £940.70 would be billed twice")


def ledger(store) -> dict[str, tuple[int, int, int, int]]:
    """The Ledger page per partner: billed, paid, refused, outstanding."""
    return {p.partner: (p.billed_pence, p.paid_pence, p.refused_pence, p.outstanding_pence)
            for p in dhr.partner_ledger(store, today=TODAY)}


def assert_an_office_could_hold(store) -> None:
    """The reviews as an office obeying the Costs tab's rules could hold them: no share paid more than it bills or
    refused once paid in full; only a refused share has a re-split or a carrying, of its kind, adding up to what was
    refused (never two); no review billed, net, more than it costs."""
    shares = {r["id"]: dict(r) for r in store.rows(
        "SELECT s.*, (SELECT coalesce(sum(p.amount_pence), 0) FROM dhr_payments p WHERE p.share_id = s.id) AS paid "
        "FROM dhr_shares s")}
    for s in shares.values():
        assert s["paid"] <= s["amount_pence"], s
        if s["status"] != "invoiced":
            assert s["paid"] < s["amount_pence"], s
        followers = [f for f in shares.values() if f["source_share_id"] == s["id"]]
        if followers:
            assert s["status"] == "refused", s
            kind = {"re-split": "re-split", "lead authority": "carried"}.get(s["refusal_handling"])
            assert {f["kind"] for f in followers} == {kind}, (s, followers)
            assert sum(f["amount_pence"] for f in followers) == s["amount_pence"] - s["paid"], s
    for case in dhr.list_cases(store, today=TODAY):
        assert case.net_billed_pence <= case.cost_pence, case.billing_text


def resplits(store) -> int:
    return store.scalar("SELECT count(*) FROM dhr_shares WHERE kind != 'share'")


def refuse_and_resplit(office, handling: str = "re-split") -> None:
    dhr.refuse_share(office, share_of(office), on="2025-10-02", reason="NPS will not contribute")
    dhr.resolve_refusal(office, share_of(office), handling, on="2025-10-05")


def mid_resplit_merged(o, handling: str = "re-split"):
    """Both offices' first files merged alike; then Mid Suffolk refused NPS's share and dealt with it (handling), and
    its file was merged alone. Returns that file."""
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    refuse_and_resplit(o.mid, handling)
    m2 = o.send(o.mid)
    merge(o.county, [m2])
    return m2


def state(county) -> tuple:
    """The county's data, open conflicts and decisions (what an undo must put back exactly)."""
    return (content_checksums(county.conn, data_tables(county.conn))[1],
            [tuple(r) for r in county.rows("SELECT * FROM _county_conflicts ORDER BY id")],
            [tuple(r) for r in county.rows("SELECT * FROM _county_decisions ORDER BY id")])


@pytest.fixture(params=["invoiced", "paid"])
def resplit(request, offices):  # noqa: F811
    """Both offices' first files merged alike; then Babergh held NPS's share invoiced (or recorded it paid in full)
    and Mid Suffolk refused it and re-split it among the other seven partners. Both files merged, Babergh's first."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    if request.param == "paid":
        dhr.record_payment(o.babergh, share_of(o.babergh), paid_on="2025-10-01", amount="940.70")
    refuse_and_resplit(o.mid)
    o.b2, o.m2 = o.send(o.babergh), o.send(o.mid)
    report = merge(o.county, [o.b2, o.m2])
    assert report.refused == [], report.text()
    o.paid = request.param == "paid"
    o.report = report
    return o


def held_resplit(o):
    return next(c for c in list_conflicts(o.county) if c.kind == "share-cannot-take" and c.table == "dhr_shares")


def refusal(o):
    return next(c for c in list_conflicts(o.county) if c.table == "dhr_shares" and c.kind != "share-cannot-take")


# -- held back while the county holds the share invoiced -------------------------------------------------------
def test_a_resplit_of_a_share_the_county_holds_invoiced_is_held_back_and_listed_with_the_share(resplit):
    o = resplit
    assert resplits(o.county) == 0
    assert ledger(o.county) == ledger(o.babergh)  # the county holds Babergh's version: NPS's share owed (or paid)
    assert county_share(o) == ("invoiced", 94070, 94070 if o.paid else 0)
    assert_an_office_could_hold(o.county)
    [case] = dhr.list_cases(o.county, today=TODAY)
    assert case.billed_pence == case.cost_pence == 752558
    held = held_resplit(o)
    assert (held.group, held.office_name, held.detail) == ("dhr-share", "Mid Suffolk office", HELD)
    assert held in o.report.merged[1].conflicts
    assert [c.group for c in list_conflicts(o.county)] == ["dhr-share", "dhr-share"]  # with the refusal's conflict
    assert "refused on 02/10/2025" in refusal(o).detail


def test_merging_the_same_files_again_holds_it_back_again_and_changes_nothing(resplit):
    o = resplit
    before = state(o.county)
    again = merge(o.county, [o.b2, o.m2])
    assert not any(m.changed for m in again.merged), again.text()
    assert state(o.county)[1:] == before[1:] and state(o.county)[0] == before[0]
    assert ledger(o.county) == ledger(o.babergh)


def test_the_mid_suffolk_file_merged_first_holds_it_back_too(offices):  # noqa: F811
    o = offices
    mid_resplit_merged(o)
    assert resplits(o.county) == 0 and ledger(o.county) == ledger(o.babergh)
    assert held_resplit(o).detail == HELD
    dhr.record_payment(o.babergh, share_of(o.babergh), paid_on="2025-10-01", amount="940.70")
    merge(o.county, [o.send(o.babergh)])
    assert resplits(o.county) == 0 and ledger(o.county) == ledger(o.babergh)
    assert_an_office_could_hold(o.county)


# -- the county lead's decisions ----------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["refusal", "held re-split"])
def test_keep_county_decides_the_resplit_with_the_refusal_and_the_decision_stands(resplit, which):
    o = resplit
    chosen = refusal(o) if which == "refusal" else held_resplit(o)
    resolve_conflicts(o.county, "county", which=chosen.id)
    assert list_conflicts(o.county) == []  # one disagreement: Mid Suffolk's refusal of the share, and its re-split
    assert resplits(o.county) == 0 and ledger(o.county) == ledger(o.babergh)
    assert_an_office_could_hold(o.county)
    again = merge(o.county, [o.b2, o.m2])
    assert again.conflicts == [] and list_conflicts(o.county) == [], again.text()
    assert again.merged[1].decided == 1  # one disagreement, already decided
    assert resplits(o.county) == 0 and ledger(o.county) == ledger(o.babergh)


def test_keep_district_of_the_refusal_lets_the_resplit_in_with_the_office_s_next_file(offices):  # noqa: F811
    o = offices
    m2 = mid_resplit_merged(o)
    resolve_conflicts(o.county, "district", which=refusal(o).id)
    assert list_conflicts(o.county) == []  # the held re-split is closed with the refusal: it comes in with the file
    assert county_share(o) == ("refused", 94070, 0) and resplits(o.county) == 0
    nps = ledger(o.county)[NPS]
    assert nps == (94070, 0, 94070, 0)  # refused, not yet re-split at the county: what an office holds in between
    assert_an_office_could_hold(o.county)
    report = merge(o.county, [m2])
    assert report.conflicts == [] and report.merged[0].added == 7, report.text()
    assert ledger(o.county) == ledger(o.mid)
    assert_an_office_could_hold(o.county)
    assert merge(o.county, [o.send(o.babergh)]).conflicts == []  # Babergh's invoiced version stays set aside
    assert ledger(o.county) == ledger(o.mid)


def test_keep_district_for_the_group_keeps_the_refusal_and_its_resplit_comes_with_the_next_file(offices):  # noqa: F811
    o = offices
    m2 = mid_resplit_merged(o)
    decided = resolve_conflicts(o.county, "district", which="dhr-share")
    assert [c.kind for c in decided][:1] != ["share-cannot-take"]
    assert list_conflicts(o.county) == [] and resplits(o.county) == 0
    assert_an_office_could_hold(o.county)
    merge(o.county, [m2])
    assert ledger(o.county) == ledger(o.mid)


def test_keeping_the_office_s_version_of_the_held_resplit_is_refused_with_the_way_on(resplit):
    o = resplit
    held, refused = held_resplit(o), refusal(o)
    before = state(o.county)
    with pytest.raises(CountyError) as caught:
        resolve_conflicts(o.county, "district", which=held.id)
    message = str(caught.value)
    assert message.startswith(f"{NPS}'s share of {REVIEW}: Mid Suffolk office's re-split cannot be kept")
    assert "the county holds that share invoiced, not refused, so its £940.70 would be billed twice" in message
    assert f"Keep Mid Suffolk office's version of the share first (conflict #{refused.id})" in message
    assert "its re-split then comes in with Mid Suffolk office's next file" in message
    assert message.endswith("Nothing was changed.")
    assert state(o.county) == before and ledger(o.county) == ledger(o.babergh)


@pytest.mark.parametrize("choice, which", [("county", "refusal"), ("county", "held re-split"),
                                           ("district", "refusal"), ("district", "group")])
def test_undo_of_a_decision_puts_back_exactly_what_was_there(offices, choice, which):  # noqa: F811
    """The window's undo step (ConflictsPresenter.rows and put_back) and its redo."""
    o = offices
    m2 = mid_resplit_merged(o)
    presenter = ConflictsPresenter(o.county)
    conflict = {"refusal": refusal(o), "held re-split": held_resplit(o)}.get(which)
    group = "dhr-share" if which == "group" else None
    plan = presenter.plan(choice, conflict=conflict, group=group)
    before_rows, before = presenter.rows(plan), state(o.county)
    presenter.keep(choice, conflict=conflict, group=group)
    after_rows, after = presenter.rows(plan), state(o.county)
    assert after != before and presenter.conflicts == []
    presenter.put_back(before_rows)
    assert state(o.county) == before
    assert ledger(o.county) == ledger(o.babergh) and resplits(o.county) == 0
    presenter.put_back(after_rows)
    assert state(o.county) == after
    presenter.put_back(before_rows)
    # Undone, the re-split is held back again by the next merge of the same file, and listed as before.
    report = merge(o.county, [m2])
    assert resplits(o.county) == 0 and ledger(o.county) == ledger(o.babergh), report.text()
    assert held_resplit(o).detail == HELD
    assert_an_office_could_hold(o.county)


# -- the other way round: the county holds the refusal re-split ------------------------------------------------
def test_keeping_an_invoiced_version_of_a_share_the_county_holds_resplit_is_refused(offices):  # noqa: F811
    """Mid Suffolk's refusal and re-split merged first: keeping Babergh's invoiced version would bill it twice."""
    o = offices
    refuse_and_resplit(o.mid)
    dhr.record_payment(o.babergh, share_of(o.babergh), paid_on="2025-10-01", amount="940.70")
    merge(o.county, [o.send(o.mid), o.send(o.babergh)])
    assert resplits(o.county) == 7 and ledger(o.county) == ledger(o.mid)
    assert_an_office_could_hold(o.county)
    babergh = refusal(o)
    assert babergh.office_name == "Babergh office"
    before = state(o.county)
    with pytest.raises(CountyError) as caught:
        resolve_conflicts(o.county, "district", which=babergh.id)
    message = str(caught.value)
    assert message.startswith(f"{NPS}'s share of {REVIEW}: Babergh office's version cannot be kept")
    assert ("the county holds its refusal re-split among the other partners (7 invoices, £940.70, from Mid "
            "Suffolk office): the share would be billed twice") in message
    assert "ask Mid Suffolk office to correct its record" in message and message.endswith("Nothing was changed.")
    assert state(o.county) == before and ledger(o.county) == ledger(o.mid)
    resolve_conflicts(o.county, "county", which="dhr-share")
    assert ledger(o.county) == ledger(o.mid)
    assert_an_office_could_hold(o.county)


def test_a_second_office_s_resplit_of_a_refusal_the_county_holds_resplit_is_held_back(offices):  # noqa: F811
    """Both offices refused the share alike and each re-split it (its own invoices): the county takes one."""
    o = offices
    refuse_and_resplit(o.mid)
    refuse_and_resplit(o.babergh)
    merge(o.county, [o.send(o.mid), o.send(o.babergh)])
    assert resplits(o.county) == 7 and ledger(o.county) == ledger(o.mid)
    assert_an_office_could_hold(o.county)
    [held] = list_conflicts(o.county)
    assert held.detail == (
        f"{NPS}'s share of {REVIEW}: re-split among the other partners, from Babergh office (7 invoices, £940.70: "
        f"{REVIEW}-03-R01 to {REVIEW}-03-R07), not merged: the county holds that refusal re-split among the other "
        "partners already (7 invoices, £940.70, from Mid Suffolk office), so its £940.70 would be billed twice")
    resolve_conflicts(o.county, "county", which=held.id)
    assert merge(o.county, [o.send(o.babergh)]).conflicts == []
    assert ledger(o.county) == ledger(o.mid)


# -- what goes with a re-split ------------------------------------------------------------------------------------
def test_the_lead_authority_s_carrying_is_held_back_too(offices):  # noqa: F811
    o = offices
    for office in (o.babergh, o.mid):  # both offices name the lead authority alike
        dhr.update_case(office, dhr.case_id_by_reference(office, REVIEW),
                        lead_organisation="Mid Suffolk District Council")
    m2 = mid_resplit_merged(o, "lead authority")
    assert resplits(o.county) == 0 and ledger(o.county) == ledger(o.babergh)
    assert held_resplit(o).detail == (
        f"{NPS}'s share of {REVIEW}: carried by the lead authority, from Mid Suffolk office (Mid Suffolk District "
        f"Council, £940.70: {REVIEW}-03-L), not merged: the county holds that share invoiced, not refused, so its "
        "£940.70 would be billed twice")
    resolve_conflicts(o.county, "district", which=refusal(o).id)
    merge(o.county, [m2])
    assert ledger(o.county) == ledger(o.mid)
    assert_an_office_could_hold(o.county)


def test_payments_and_resplits_of_the_held_invoices_are_held_with_them(offices):  # noqa: F811
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    refuse_and_resplit(o.mid)
    first, second = [r[0] for r in o.mid.rows("SELECT id FROM dhr_shares WHERE kind = 're-split' "
                                              "ORDER BY invoice_ref LIMIT 2")]
    dhr.record_payment(o.mid, first, paid_on="2025-11-01", amount="68.42")
    dhr.refuse_share(o.mid, second, on="2025-11-02", reason="not ours")
    dhr.resolve_refusal(o.mid, second, "re-split", on="2025-11-05")
    m2 = o.send(o.mid)
    report = merge(o.county, [m2])
    assert resplits(o.county) == 0 and o.county.scalar("SELECT count(*) FROM dhr_payments") == 0
    assert ledger(o.county) == ledger(o.babergh)
    assert [c.table for c in report.merged[0].conflicts] == ["dhr_shares", "dhr_shares"], report.text()
    assert held_resplit(o).detail == (
        f"{NPS}'s share of {REVIEW}: re-split among the other partners, from Mid Suffolk office (7 invoices, "
        f"£940.70: {REVIEW}-03-R01 to {REVIEW}-03-R07, 6 more re-split from them in turn; £68.42 paid towards them), "
        "not merged: the county holds that share invoiced, not refused, so its £940.70 would be billed twice")
    resolve_conflicts(o.county, "district", which=refusal(o).id)
    assert merge(o.county, [m2]).conflicts == []
    assert ledger(o.county) == ledger(o.mid) and resplits(o.county) == 13
    assert_an_office_could_hold(o.county)


def test_a_refusal_and_its_resplit_in_one_file_come_in_together(offices):  # noqa: F811
    """The office's own review: the share changed to refused and its re-split invoices, merged at once, whatever the
    order of their ids (the re-split invoices numbered before the share here)."""
    o = offices
    case = dhr.add_case(o.mid, reference="MID-DHR-2025-02", district="Mid Suffolk", partnership="Western Suffolk CSP",
                        notified_on="2025-06-02")
    dhr.add_cost_line(o.mid, case, category="Independent chair/author", amount="7525.58")
    dhr.bill_partners(o.mid, case, invoiced_on="2025-09-01")
    merge(o.county, [o.send(o.mid)])
    sid = o.mid.scalar("SELECT s.id FROM dhr_shares s JOIN organisations g ON g.id = s.organisation_id "
                       "WHERE g.name = ? AND s.case_id = ?", (NPS, case))
    dhr.refuse_share(o.mid, sid, on="2025-10-02", reason="NPS will not contribute")
    dhr.resolve_refusal(o.mid, sid, "re-split", on="2025-10-05")
    with o.mid.transaction():
        for n, (fid,) in enumerate(o.mid.rows("SELECT id FROM dhr_shares WHERE source_share_id = ?", (sid,))):
            o.mid.conn.execute("UPDATE dhr_shares SET id = ? WHERE id = ?", (f"{n:032x}", fid))
    report = merge(o.county, [o.send(o.mid)])
    assert report.conflicts == [] and report.merged[0].added == 7, report.text()
    assert ledger(o.county) == ledger(o.mid)
    assert_an_office_could_hold(o.county)


def test_a_share_reopened_at_the_county_keeps_the_office_s_resplit_out(offices):  # noqa: F811
    """The county lead reopened the share in the county file (its re-split went with it): the office's same file,
    merged again, does not bring the re-split back on a share the county holds owed."""
    o = offices
    refuse_and_resplit(o.mid)
    m1 = o.send(o.mid)
    merge(o.county, [m1])
    assert resplits(o.county) == 7
    dhr.reopen_share(o.county, share_of(o.county))
    assert resplits(o.county) == 0 and county_share(o) == ("invoiced", 94070, 0)
    report = merge(o.county, [m1])
    assert resplits(o.county) == 0 and county_share(o) == ("invoiced", 94070, 0), report.text()
    assert_an_office_could_hold(o.county)
    [held] = list_conflicts(o.county)  # the county's edit of the share stands: only the re-split is said
    assert held.detail == HELD
    with pytest.raises(CountyError) as caught:
        resolve_conflicts(o.county, "district", which=held.id)
    assert ("Keep the county's version, or ask Mid Suffolk office to correct its record (reopen the share, which "
            "takes its re-split away) and send its file again.") in str(caught.value)
    resolve_conflicts(o.county, "county", which=held.id)
    assert merge(o.county, [m1]).conflicts == [] and resplits(o.county) == 0
