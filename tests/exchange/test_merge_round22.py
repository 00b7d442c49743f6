"""County decisions that must leave a ledger the DHR rules allow, and merges again after a county edit (round 22).

Found by a tester with three offices built from one template (each its own id, name and scope):
- Babergh office recorded the National Probation Service's share of a review both offices hold as paid in full,
  Mid Suffolk office recorded it refused. The conflict said nothing of the payment the county held, and Keep
  District Version made the county's share refused while it still carried Babergh's payment in full: a share the
  office's own services refuse to make ("This share is paid in full; there is nothing to refuse").
- After the county lead edited the project Babergh sent (the cost typed in the county file), merging Babergh's very
  same export again raised a new "edited at the county" conflict, though Babergh had not changed its version.
"""

from __future__ import annotations


import pytest

from safer_desk.domain.ids import new_id
from safer_desk.services import dhr
from safer_desk.services import projects as ps
from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import Offices, merge
from tests.exchange.helpers import cli_output

TITLE = "Western Suffolk youth work"
REVIEW = "WSCSP-DHR-2025-01"
NPS = "National Probation Service"


def set_cost(store, text: str) -> None:
    """The cost typed as the Projects tab saves it."""
    p = ps.get_project(store, "p-shared")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": text}, base=p))


def add_own_project(store) -> None:
    """Something else changed in the office's file: a project of its own."""
    add_projects(store, [Project(id=new_id(), title="Babergh youth diversion", areas=("Babergh",))])


def share_of(store, partner: str = NPS) -> str:
    return store.scalar("SELECT s.id FROM dhr_shares s JOIN organisations o ON o.id = s.organisation_id "
                        "WHERE o.name = ? AND s.kind = 'share'", (partner,))


def county_share(offices: Offices, partner: str = NPS) -> tuple:
    """The county's share of the partner: status, billed, paid."""
    c = offices.county
    sid = share_of(c, partner)
    return (c.scalar("SELECT status FROM dhr_shares WHERE id = ?", (sid,)),
            c.scalar("SELECT amount_pence FROM dhr_shares WHERE id = ?", (sid,)),
            c.scalar("SELECT coalesce(sum(amount_pence), 0) FROM dhr_payments WHERE share_id = ?", (sid,)))


# -- 1. keeping an office's version of a share the county's payments contradict ---------------------------------
@pytest.fixture
def paid_and_refused(offices):
    """Both offices sent the review alike; then Babergh recorded NPS's share paid in full and Mid Suffolk recorded it
    refused. Both files merged, Babergh's first (as the tester did)."""
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    dhr.record_payment(offices.babergh, share_of(offices.babergh), paid_on="2025-10-01", amount="940.70")
    dhr.refuse_share(offices.mid, share_of(offices.mid), on="2025-10-02", reason="NPS will not contribute")
    offices.b2, offices.m2 = offices.send(offices.babergh), offices.send(offices.mid)
    report = merge(offices.county, [offices.b2, offices.m2])
    assert report.refused == []
    return offices


def test_a_share_conflict_says_the_payment_the_county_holds_and_which_office_it_came_from(paid_and_refused):
    [conflict] = paid_and_refused.about("dhr_shares")
    assert conflict.detail == (
        f"{NPS}'s share of {REVIEW}: status invoiced from Babergh office (the county holds £940.70 paid towards it, "
        "from Babergh office), refused on 02/10/2025 (“NPS will not contribute”) from Mid Suffolk office")
    assert "£940.70 paid towards it, from Babergh office" in conflict.county_side


def test_keeping_a_refusal_of_a_share_the_county_holds_paid_is_refused_and_changes_nothing(paid_and_refused):
    o = paid_and_refused
    [conflict] = o.about("dhr_shares")
    decisions = o.county.scalar("SELECT count(*) FROM _county_decisions")
    trail = o.county.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(CountyError) as caught:
        resolve_conflicts(o.county, "district", which=conflict.id)
    message = str(caught.value)
    assert message.startswith(f"{NPS}'s share of {REVIEW}: Mid Suffolk office's version cannot be kept")
    assert "refused on 02/10/2025" in message and "£940.70 paid towards it, from Babergh office" in message
    assert "Keep the county's version" in message and "ask Mid Suffolk office to correct its record" in message
    assert message.endswith("Nothing was changed.")
    assert county_share(o) == ("invoiced", 94070, 94070)
    assert [c.id for c in o.about("dhr_shares")] == [conflict.id]
    assert o.county.scalar("SELECT count(*) FROM _county_decisions") == decisions
    assert o.county.scalar("SELECT count(*) FROM audit_log") == trail
    # Keeping the county's version is the way on, and it stands.
    resolve_conflicts(o.county, "county", which=conflict.id)
    assert merge(o.county, [o.b2, o.m2]).conflicts == [] and o.about("dhr_shares") == []
    assert county_share(o) == ("invoiced", 94070, 94070)


def test_a_group_decision_keeping_the_districts_versions_is_refused_for_the_share_too(paid_and_refused):
    o = paid_and_refused
    with pytest.raises(CountyError, match="Mid Suffolk office's version cannot be kept"):
        resolve_conflicts(o.county, "district", which="dhr-share")
    with pytest.raises(CountyError, match="cannot be kept"):
        resolve_conflicts(o.county, "district")  # every conflict at once: nothing of it is kept
    assert county_share(o) == ("invoiced", 94070, 94070) and len(o.about("dhr_shares")) == 1
    assert len(list_conflicts(o.county)) == 1


def test_a_refusal_the_county_holds_a_part_payment_of_from_another_office_is_refused_too(offices):
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    dhr.record_payment(offices.babergh, share_of(offices.babergh), paid_on="2025-10-01", amount="100")
    dhr.write_off_share(offices.mid, share_of(offices.mid), on="2025-10-02", reason="dissolved")
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    [conflict] = offices.about("dhr_shares")
    assert "(the county holds £100.00 paid towards it, from Babergh office)" in conflict.detail
    with pytest.raises(CountyError, match="Mid Suffolk office's version cannot be kept") as caught:
        resolve_conflicts(offices.county, "district", which=conflict.id)
    assert "written off on 02/10/2025" in str(caught.value)
    assert county_share(offices) == ("invoiced", 94070, 10000)


def test_a_payment_merged_after_the_conflict_was_found_is_said_in_it(offices):
    """Mid Suffolk's refusal merged first; Babergh's payment comes with a later file: the conflict says it then."""
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    dhr.refuse_share(offices.mid, share_of(offices.mid), on="2025-10-02", reason="NPS will not contribute")
    merge(offices.county, [offices.send(offices.mid)])
    [before] = offices.about("dhr_shares")
    assert "the county holds" not in before.detail
    dhr.record_payment(offices.babergh, share_of(offices.babergh), paid_on="2025-10-01", amount="940.70")
    merge(offices.county, [offices.send(offices.babergh)])
    [after] = offices.about("dhr_shares")
    assert after.id == before.id
    assert after.detail == (
        f"{NPS}'s share of {REVIEW}: status invoiced from Babergh office (the county holds £940.70 paid towards it, "
        "from Babergh office), refused on 02/10/2025 (“NPS will not contribute”) from Mid Suffolk office")
    with pytest.raises(CountyError, match="cannot be kept"):
        resolve_conflicts(offices.county, "district", which=after.id)
    assert county_share(offices) == ("invoiced", 94070, 94070)


def test_a_refusal_after_the_office_s_own_part_payment_is_kept_as_the_office_holds_it(offices):
    """What the rules allow is kept: Mid Suffolk's own £100 paid, then the rest refused."""
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    dhr.record_payment(offices.mid, share_of(offices.mid), paid_on="2025-10-01", amount="100")
    dhr.refuse_share(offices.mid, share_of(offices.mid), on="2025-10-02", reason="NPS will not contribute")
    m2 = offices.send(offices.mid)
    merge(offices.county, [m2])
    [conflict] = offices.about("dhr_shares")
    assert "(the county holds £100.00 paid towards it, from Mid Suffolk office)" in conflict.detail
    resolve_conflicts(offices.county, "district", which=conflict.id)
    assert county_share(offices) == ("refused", 94070, 10000)
    assert merge(offices.county, [m2]).conflicts == []


def test_keeping_a_version_billing_less_than_the_county_holds_paid_is_refused(offices):
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    dhr.record_payment(offices.babergh, share_of(offices.babergh), paid_on="2025-10-01", amount="940.70")
    with offices.mid.transaction():  # Mid Suffolk billed NPS £600 (its own split)
        offices.mid.conn.execute("UPDATE dhr_shares SET amount_pence = 60000 WHERE id = ?", (share_of(offices.mid),))
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    [conflict] = offices.about("dhr_shares")
    with pytest.raises(CountyError) as caught:
        resolve_conflicts(offices.county, "district", which=conflict.id)
    assert "bills £600.00" in str(caught.value) and "£940.70 paid towards it" in str(caught.value)
    assert county_share(offices) == ("invoiced", 94070, 94070)


def test_the_conflicts_command_refuses_the_district_version_with_the_reason(paid_and_refused):
    o = paid_and_refused
    [conflict] = o.about("dhr_shares")
    o.county.close()
    code, _out, err = cli_output(["conflicts", str(o.folder / "county.sqlite"), "--keep", "district", "--conflict",
                                 str(conflict.id)])
    assert code != 0
    assert "Mid Suffolk office's version cannot be kept" in err and "Nothing was changed." in err
    o.county = open_store(o.folder / "county.sqlite")
    assert county_share(o) == ("invoiced", 94070, 94070)


def test_the_conflicts_window_says_why_the_district_version_cannot_be_kept(paid_and_refused, window, qtbot, prompts):
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    o = paid_and_refused
    o.county.close()
    assert window.open_path(o.folder / "county.sqlite")
    dialog = open_conflicts_dialog(window)
    dialog.groups.setCurrentRow(1)
    assert dialog.groups.item(1).text() == "Shares of review costs (1)"
    dialog.view.setCurrentIndex(dialog.proxy.index(0, 1))
    assert "£940.70 paid towards it, from Babergh office" in dialog.detail_label.text()
    qtbot.mouseClick(dialog.keep_district_button, Qt.MouseButton.LeftButton)
    assert "Mid Suffolk office's version cannot be kept" in prompts.errors[-1][1]
    assert dialog.model.rowCount() == 1
    store = window.session.store
    sid = share_of(store)
    assert store.scalar("SELECT status FROM dhr_shares WHERE id = ?", (sid,)) == "invoiced"
    assert not window.session.undo_stack.canUndo()
    dialog.close()


def test_a_payment_towards_a_share_the_county_holds_refused_is_reported_not_merged(offices):
    """The other way round: Mid Suffolk's refusal kept first, Babergh's payment then merged onto the refused share
    made it refused and paid in full without anyone deciding. It is held back and said, and decided like any."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    dhr.refuse_share(o.mid, share_of(o.mid), on="2025-10-02", reason="NPS will not contribute")
    merge(o.county, [o.send(o.mid)])
    resolve_conflicts(o.county, "district", which="dhr-share")  # nothing paid yet: the refusal is kept
    assert county_share(o) == ("refused", 94070, 0)
    dhr.record_payment(o.babergh, share_of(o.babergh), paid_on="2025-10-01", amount="940.70")
    b2 = o.send(o.babergh)
    report = merge(o.county, [b2])
    assert county_share(o) == ("refused", 94070, 0)
    payment = next(c for c in report.merged[0].conflicts if c.table == "dhr_payments")
    assert (payment.group, payment.detail) == ("dhr-share", (
        f"Payment of 01/10/2025 towards {NPS}'s share of {REVIEW}: £940.70 from Babergh office, not merged: the "
        "county holds that share refused on 02/10/2025 (“NPS will not contribute”), and a refused share takes no "
        "payment"))
    with pytest.raises(CountyError, match="Babergh office's version cannot be kept"):
        resolve_conflicts(o.county, "district", which=payment.id)
    assert county_share(o) == ("refused", 94070, 0)
    assert o.about("dhr_shares") == []  # Babergh's invoiced version was set aside when the refusal was kept
    # The partner paid after all: the share reopened in the county file, Babergh's payment comes in with its file.
    dhr.reopen_share(o.county, share_of(o.county))
    assert county_share(o) == ("invoiced", 94070, 0)
    again = merge(o.county, [b2])
    assert again.conflicts == [] and list_conflicts(o.county) == [], again.text()
    assert county_share(o) == ("invoiced", 94070, 94070)


def test_a_refusal_merged_first_keeps_the_other_office_s_payment_out_until_decided(offices):
    dhr.refuse_share(offices.mid, share_of(offices.mid), on="2025-10-02", reason="NPS will not contribute")
    dhr.record_payment(offices.babergh, share_of(offices.babergh), paid_on="2025-10-01", amount="940.70")
    merge(offices.county, [offices.send(offices.mid), offices.send(offices.babergh)])
    assert county_share(offices) == ("refused", 94070, 0)
    assert sorted(c.table for c in list_conflicts(offices.county)) == ["dhr_payments", "dhr_shares"]
    resolve_conflicts(offices.county, "county", which="dhr-share")
    assert county_share(offices) == ("refused", 94070, 0)


def test_a_payment_both_offices_recorded_on_their_own_dates_is_not_counted_twice(offices):
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    dhr.record_payment(offices.babergh, share_of(offices.babergh), paid_on="2025-10-01", amount="940.70")
    dhr.record_payment(offices.mid, share_of(offices.mid), paid_on="2025-10-03", amount="940.70")
    report = merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    assert county_share(offices) == ("invoiced", 94070, 94070)
    [payment] = report.merged[1].conflicts
    assert payment.detail == (
        f"Payment of 03/10/2025 towards {NPS}'s share of {REVIEW}: £940.70 from Mid Suffolk office, not merged: the "
        "county holds £940.70 paid towards that share already, which bills £940.70: a share cannot be paid more "
        "than it bills")
    with pytest.raises(CountyError, match="cannot be paid more than it bills"):
        resolve_conflicts(offices.county, "district", which=payment.id)
    resolve_conflicts(offices.county, "county", which=payment.id)
    assert merge(offices.county, [offices.send(offices.mid)]).conflicts == []
    assert county_share(offices) == ("invoiced", 94070, 94070)


# -- 2. merging an export again after the county edited one of its rows ------------------------------------------
@pytest.fixture
def county_edited(offices):
    """Babergh's project at the county (£30,000), Mid Suffolk's £40,000 in conflict with it; the county lead then
    types £35,000 in the county file."""
    set_cost(offices.babergh, "£30,000")
    set_cost(offices.mid, "£40,000")
    offices.b1, offices.m1 = offices.send(offices.babergh), offices.send(offices.mid)
    merge(offices.county, [offices.b1, offices.m1])
    assert [c.kind for c in offices.about("projects")] == ["other-office"]
    set_cost(offices.county, "£35,000")
    return offices


def test_the_same_export_merged_again_after_a_county_edit_raises_no_conflict(county_edited):
    o = county_edited
    before = o.open_conflicts()
    imports = o.county.rows("SELECT * FROM _county_imports ORDER BY number")
    report = merge(o.county, [o.b1])
    assert report.merged[0].conflicts == [], report.text()
    assert o.open_conflicts() == before and o.county_cost() == 3_500_000
    assert [dict(r) for r in o.county.rows("SELECT * FROM _county_imports ORDER BY number")] == \
        [dict(r) for r in imports]


def test_a_newer_export_in_which_the_row_has_not_changed_raises_no_conflict(county_edited):
    o = county_edited
    add_own_project(o.babergh)
    report = merge(o.county, [o.send(o.babergh)])
    assert report.merged[0].conflicts == [] and report.merged[0].added >= 1, report.text()
    assert o.county_cost() == 3_500_000
    assert [c.office_name for c in o.about("projects")] == ["Mid Suffolk office"]


def test_a_new_version_of_a_row_edited_at_the_county_is_still_a_conflict_and_its_decision_stands(county_edited):
    o = county_edited
    set_cost(o.babergh, "£32,000")
    b2 = o.send(o.babergh)
    report = merge(o.county, [b2])
    [conflict] = report.merged[0].conflicts
    assert conflict.kind == "edited-at-county"
    assert conflict.detail == (f"Project '{TITLE}': cost £35,000 at the county (edited there since it was merged), "
                               "£32,000 from Babergh office")
    resolve_conflicts(o.county, "county", which=conflict.id)
    assert merge(o.county, [b2]).conflicts == [] and o.county_cost() == 3_500_000
    # A newer file in which Babergh's project is as it was decided on raises nothing either.
    add_own_project(o.babergh)
    assert merge(o.county, [o.send(o.babergh)]).conflicts == []
    assert [c.office_name for c in o.about("projects")] == ["Mid Suffolk office"]


def test_decisions_on_the_county_edit_stand_when_every_file_is_merged_again(county_edited):
    """The tester's longer run: both project conflicts decided with Keep County, then the same files again."""
    o = county_edited
    set_cost(o.babergh, "£32,000")
    b2 = o.send(o.babergh)
    merge(o.county, [b2])
    assert len(o.about("projects")) == 2
    resolve_conflicts(o.county, "county", which="project")
    resolve_conflicts(o.county, "county", which="edited-at-county")
    assert o.about("projects") == []
    again = merge(o.county, [b2, o.m1])
    assert again.conflicts == [] and o.about("projects") == [], again.text()
    assert o.county_cost() == 3_500_000


def test_a_row_both_offices_hold_edited_at_the_county_is_not_raised_again_by_their_same_files(offices):
    b1, m1 = offices.send(offices.babergh), offices.send(offices.mid)
    merge(offices.county, [b1, m1])
    set_cost(offices.county, "£35,000")
    again = merge(offices.county, [b1, m1])
    assert again.conflicts == [] and offices.about("projects") == [], again.text()
    assert offices.county_cost() == 3_500_000


def test_the_county_edit_of_a_row_the_office_then_sends_alike_is_kept_as_the_office_s(county_edited):
    o = county_edited
    set_cost(o.babergh, "£35,000")
    report = merge(o.county, [o.send(o.babergh)])
    assert report.merged[0].conflicts == []
    set_cost(o.babergh, "£36,000")  # its version from then on is compared with the county's, as merged
    report = merge(o.county, [o.send(o.babergh)])
    assert report.merged[0].replaced >= 1 and o.county_cost() == 3_600_000, report.text()
