"""Costs > Reviews, round 24.

1. A refused share re-split after the partnership's statutory partners changed (a county merge, or partners added
   to the partnership since the invoices: the CCGs became the ICB) went to the partners the partnership has now,
   not to the partners that were billed: a partner never invoiced for the review was sent a re-split invoice, and a
   partner holding the review's invoices was left out. DESIGN.md §2.3: a refusal "is re-split among the others",
   the other partners who shared the cost, as costs added since are billed "to the same partners".
2. A refusal about one field was said at the top of its dialog, not beside the field (below).
3. The capped part of a split had no message beside its fields, where a partner's percentage has one.
4. The split of a billed review listed the partnership's partners now, with its total among them.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services.reference import add_organisation, add_partnership
from safer_desk.storage.store import open_store
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"
PARTNERSHIP = "Western Suffolk CSP"
PROBATION = "org:national-probation-service"
CCGS = ("Ipswich and East CCG", "West Suffolk CCG")


def billed_partners(store, case_id) -> set[str]:
    return {s.organisation_id for s in dhr.list_shares(store, today=TODAY, case_id=case_id) if s.kind == "share"}


def probation_share(store, case_id):
    return next(s for s in dhr.list_shares(store, today=TODAY, case_id=case_id)
                if s.organisation_id == PROBATION and s.kind == "share")


def leave_partnership(store, names) -> None:
    """Partners that left the partnership since the invoices (as a county merge or a change of partners leaves it)."""
    with store.transaction():
        store.conn.executemany(
            "DELETE FROM partnership_members WHERE organisation_id = (SELECT id FROM organisations WHERE name = ?) "
            "AND partnership_id = (SELECT id FROM partnerships WHERE name = ?)", [(n, PARTNERSHIP) for n in names])


def join_partnership(store, names) -> None:
    for name in names:
        add_organisation(store, name, "health")
    add_partnership(store, PARTNERSHIP, members=[(name, True) for name in names])


def test_a_refusal_is_re_split_among_the_partners_billed_when_the_partnership_changed_since(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    billed = billed_partners(demo_store, case_id)
    assert len(billed) == 11
    leave_partnership(demo_store, CCGS)  # 2022: the CCGs became the ICB
    join_partnership(demo_store, ["Suffolk and North East Essex ICB"])
    parts = dhr.resolve_refusal(demo_store, probation_share(demo_store, case_id).id, "re-split", on="01/09/2018")
    assert set(parts) == billed - {PROBATION}  # the ten partners billed, the CCGs too; never the ICB
    assert sum(parts.values()) == 68414
    assert sorted(parts.values()) == [6841] * 6 + [6842] * 4
    case = next(c for c in dhr.list_cases(demo_store, today=TODAY) if c.id == case_id)
    assert case.net_billed_pence == case.cost_pence == 752558 and case.shortfall_pence == 0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(leaving=st.sets(st.integers(0, 9)), joining=st.integers(0, 3))
def test_a_re_split_goes_to_the_partners_billed_and_adds_up_to_the_penny(tmp_path_factory, demo_master, leaving,
                                                                          joining):
    path = tmp_path_factory.mktemp("resplit") / "office.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        case_id = dhr.case_id_by_reference(store, BILLED)
        billed = billed_partners(store, case_id)
        names = sorted(store.scalar("SELECT name FROM organisations WHERE id = ?", (o,)) for o in billed - {PROBATION})
        leave_partnership(store, [names[i] for i in leaving])
        join_partnership(store, [f"New partner {i}" for i in range(joining)])
        parts = dhr.resolve_refusal(store, probation_share(store, case_id).id, "re-split", on="01/09/2018")
        assert set(parts) == billed - {PROBATION}
        assert sum(parts.values()) == 68414 and min(parts.values()) > 0
        case = next(c for c in dhr.list_cases(store, today=TODAY) if c.id == case_id)
        assert case.net_billed_pence == case.cost_pence and case.shortfall_pence == 0
    finally:
        store.close()


# -- 2. a refusal about a field is said beside it, however the figure was typed -------------------------------------
#
# A payment of "300" (or "£1,234.5") on the County Council's £284.14 was refused at the top of the dialog, while
# "£300" was refused beside Amount (the message only met its field when it quoted the figure as typed); a second panel
# meeting on a date, a reference another case has, a cost line corrected below what was billed and a partnership
# changed after billing were refused at the top too, the field they are about left unmarked.

@pytest.fixture
def presenter(demo_store):
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, BILLED))
    return p


def county_share(presenter):
    return next(s for s in presenter.details().shares if s.partner == "Suffolk County Council")


@pytest.mark.parametrize("typed, said", [("300", "£300"), ("300.00", "£300"), ("£1,234.5", "£1,234.50")])
def test_a_payment_more_than_is_outstanding_is_refused_beside_the_amount_however_typed(presenter, typed, said):
    form = presenter.payment_form(county_share(presenter))
    form.set_value("amount", typed)
    assert not form.save()
    assert form.message("amount").startswith(f"{said} is more than the £284.14 outstanding on this share.")
    assert form.form_message == "Not saved: correct the field marked."


def test_a_payment_too_large_and_dated_after_today_is_refused_before_the_date_is_asked_about(presenter, demo_store):
    form = presenter.payment_form(county_share(presenter))
    form.set_value("amount", "300")
    form.set_value("paid_on", "01/09/2019")
    assert not form.save()
    assert "more than the £284.14 outstanding" in form.message("amount")
    assert not form.save()  # Save again: still refused, never kept
    assert demo_store.scalar("SELECT count(*) FROM dhr_payments WHERE amount_pence = 30000") == 0


def test_a_second_panel_meeting_on_a_date_is_refused_beside_the_date(presenter):
    first = presenter.panel_meeting_form()
    first.set_value("met_on", "01/01/2018")
    assert first.save(), first.form_message
    again = presenter.panel_meeting_form()
    again.set_value("met_on", "1/1/18")
    assert not again.save()
    assert "already" in again.message("met_on") and "01/01/2018" in again.message("met_on")


@pytest.mark.parametrize("make", ["new_case_form", "edit_case_form"])
def test_a_reference_another_case_has_is_refused_beside_the_reference(presenter, make):
    form = getattr(presenter, make)()
    form.set_value("reference", "wscsp-dhr-2017-02")
    assert not form.save()
    assert "already a case with the reference WSCSP-DHR-2017-02" in form.message("reference")


def test_a_cost_line_corrected_below_what_was_billed_is_refused_beside_the_amount(presenter, demo_store):
    lines = dhr.cost_lines(demo_store, presenter.selected)
    line = next(c for c in lines if c["category"] == "Independent chair/author")
    form = presenter.edit_cost_line_form(line)
    form.set_value("amount", "1")
    assert not form.save()  # less than the partners paid: refused (above it, they are billed again: asked first)
    assert "paid, refused or written off" in form.message("amount")


def test_the_partnership_changed_after_billing_is_refused_beside_the_partnership(presenter):
    form = presenter.edit_case_form()
    form.set_value("partnership", "")
    assert not form.save()
    assert "billed for this review" in form.message("partnership")


def test_the_payment_dialog_shows_the_refusal_of_300_beside_the_amount(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.partner == "Suffolk County Council" and s.kind == "share")
    dialog = page.payment_dialog()
    type_into(qtbot, field(dialog, "Amount"), "300")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    beside = next(label for label in dialog.findChildren(QLabel) if label.accessibleName() == "Message about Amount")
    assert beside.isVisible() and "£300 is more than the £284.14 outstanding" in beside.text()
    assert "£300" not in dialog.view.form_message.text()


# -- 3. the split's capped part: its refusals beside its fields, as a partner's percentage has its own ---------------

def split_message(dialog, name):
    return next(label for label in dialog.findChildren(QLabel) if label.accessibleName() == f"Message about {name}")


@pytest.mark.parametrize("name, typed, said", [
    ("Up to", "five grand", "“five grand” is not"), ("Up to", "-5000", "cannot be negative"),
    ("Share of the chair's costs", "0.5", "For 50% type 50"), ("Share of the chair's costs", "150", "more than 100%")])
def test_the_capped_parts_refusals_are_beside_their_fields(demo_window, qtbot, name, typed, said):
    page = reviews_page(demo_window, qtbot, TODAY)
    page.presenter.select(dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-02"))
    dialog = page.split_dialog()
    type_into(qtbot, field(dialog, "Split"), "One partner pays a capped part first")
    type_into(qtbot, field(dialog, "Partner paying first"), "Suffolk Constabulary")
    type_into(qtbot, field(dialog, name), typed)
    beside = split_message(dialog, name)
    assert beside.isVisible() and said in beside.text()
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert beside.isVisible() and said in beside.text()
    assert dhr.split_rule(page.store, page.presenter.selected).kind == "equal"  # nothing saved
    other = "Up to" if name != "Up to" else "Share of the chair's costs"
    assert not split_message(dialog, other).isVisible()
    dialog.reject()


# -- 4. the billed split after the partnership changed: the partners billed, and the total under them ----------------
#
# The grid listed the partnership's partners now (the ICB that joined since, "£0.00", never billed) and put the
# partners billed that have left it (the CCGs) after its Total line, which stood between them.

def test_the_billed_split_lists_the_partners_billed_with_its_total_under_them(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    store = page.store
    case_id = dhr.case_id_by_reference(store, BILLED)
    leave_partnership(store, CCGS)
    join_partnership(store, ["Suffolk and North East Essex ICB"])
    page.presenter.select(case_id)
    dialog = page.split_dialog()
    rows = dialog.split.rows()
    shown = {r.partner for r in rows}
    assert shown >= set(CCGS) and "Suffolk and North East Essex ICB" not in shown
    assert len(rows) == 11 and sum(r.net_pence for r in rows) == 752558 - 68414  # the refusal not yet re-split
    grid = dialog.grid
    total_row = grid.getItemPosition(grid.indexOf(dialog.total))[0]
    partner_rows = [grid.getItemPosition(grid.indexOf(label))[0] for label in dialog.share_labels.values()]
    assert total_row > max(partner_rows)
    dialog.reject()


# -- 5. a stage or a completion dated after today ------------------------------------------------------------------
#
# A stage keyed with a date after today (01/09/2019 typed for 01/09/2018, 12/01 for 01/12) was taken as done at once:
# the case's stage reached read "Published", its overdue stages were no longer overdue, and nothing asked. A payment,
# a refusal or a write-off dated after today is asked about once; so is a stage or a recommendation's completion.

@pytest.mark.parametrize("key", ["decision_on", "home_office_told_on", "chair_appointed_on",
                                 "qa_submitted_on", "qa_letter_on", "published_on"])
def test_a_case_stage_dated_after_today_is_asked_about_once(presenter, demo_store, key):
    presenter.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02"))
    form = presenter.edit_case_form()
    form.set_value(key, "01/09/2019")
    assert not form.save()
    assert form.message(key).startswith("01/09/2019 is after today (01/09/2018)")
    assert dhr.case_record(demo_store, presenter.selected)[key] != "2019-09-01"  # nothing written yet
    assert form.save(), form.form_message  # Save again keeps it
    assert dhr.case_record(demo_store, presenter.selected)[key] == "2019-09-01"


def test_a_new_case_notified_after_today_is_asked_about_once(presenter, demo_store):
    form = presenter.new_case_form()
    form.set_value("reference", "WSCSP-DHR-2018-03")
    form.set_value("notified_on", "12/10/2018")  # 10/12 keyed the other way round
    assert not form.save()
    assert form.message("notified_on").startswith("12/10/2018 is after today (01/09/2018): a notification")
    assert form.save(), form.form_message


def test_a_learning_workshop_planned_after_today_is_not_asked_about(presenter, demo_store):
    presenter.select(dhr.case_id_by_reference(demo_store, "WSCSP-LR-2017-01"))
    form = presenter.edit_case_form()
    form.set_value("workshop_on", "01/10/2018")
    assert form.save(), form.form_message


def test_a_recommendation_completed_after_today_is_asked_about_once(presenter, demo_store):
    form = presenter.recommendation_form()
    form.set_value("text", "Training for GP practices")
    assert form.save(), form.form_message
    rec = dhr.recommendations(demo_store, presenter.selected, today=TODAY)[-1]
    complete = presenter.complete_recommendation_form(rec)
    complete.set_value("completed_on", "01/09/2019")
    assert not complete.save()
    assert complete.message("completed_on").startswith("01/09/2019 is after today (01/09/2018)")
    assert complete.save(), complete.form_message
