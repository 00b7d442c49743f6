"""Round 59 (ref): a partnership member's From typed wrong, or a member added as a statutory partner that is not
one, is corrected in place.

View > Districts, Partnerships and Partners…, Partnerships: the CCG added as a member from 01/04/2018 where
01/04/2017 was meant left a review billed in 2017/18 without it, and a co-opted member added with Statutory ticked
was billed a share of every review. End membership… moves only the To and a member cannot be taken out, so
neither could be put right once Edit > Undo had gone past it. Correct membership… changes From, To and Statutory,
checked as Add member… checks them, as one undoable step.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import reference as ref
from tests.foundation.test_partnership_members import open_partnership

PID = "partnership:western-suffolk-csp"
CCG, SCC, YOS = "NHS West Suffolk CCG", "Suffolk County Council", "Youth Offending Service"


@pytest.fixture
def western(store):
    for name in (SCC, CCG, YOS):
        ref.add_organisation(store, name, "other")
    ref.add_partnership(store, "Western Suffolk CSP", members=[(SCC, True)], valid_from="2017-04-01")
    ref.add_membership(store, PID, ref.reference_id("org", CCG), "01/04/2018")  # typed a year late
    ref.add_membership(store, PID, ref.reference_id("org", YOS), "01/04/2017")  # co-opted: not statutory
    ref.add_organisation(store, "Unrelated", "other")
    return store


def _partners(store, day):
    return [o.name for o in ref.statutory_partners(store, PID, day)]


def _open_correct(window, store, qtbot, member: str):
    _dialog, page = open_partnership(window, store, qtbot)
    page.members_view.selectRow(next(r for r in range(page.members_model.rowCount())
                                     if page.members_model.row(r).name == member))
    assert page.correct_button.isEnabled()
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    return page, page.member_dialog


def test_a_members_from_typed_a_year_late_is_corrected_and_undo_puts_it_back(window, western, qtbot, prompts):
    assert _partners(western, date(2017, 6, 1)) == [SCC, YOS]
    page, form = _open_correct(window, western, qtbot, CCG)
    assert form.editors["valid_from"].edit.text() == "01/04/2018"
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2016")  # before the partnership began: refused
    assert not form.save() and "before Western Suffolk CSP began" in form.form.message("valid_from")
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2017")
    assert form.save() and not form.isVisible()
    assert _partners(western, date(2017, 6, 1)) == [CCG, SCC, YOS]  # billed for 2017/18 reviews
    assert window.undo_action.text() == "&Undo correct the membership of NHS West Suffolk CCG in Western Suffolk CSP"
    assert [m.valid_from for m in page.members_model.rows if m.name == CCG] == [date(2017, 4, 1)]
    window.undo_action.trigger()
    assert _partners(western, date(2017, 6, 1)) == [SCC, YOS]
    window.redo_action.trigger()
    assert _partners(western, date(2017, 6, 1)) == [CCG, SCC, YOS]


def test_a_member_added_as_statutory_by_mistake_stops_sharing_costs(window, western, qtbot, prompts):
    page, form = _open_correct(window, western, qtbot, YOS)
    from PySide6.QtWidgets import QCheckBox

    box = next(w for w in form.findChildren(QCheckBox) if w.accessibleName() == "Statutory partner")
    assert box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert form.save()
    assert _partners(western, date(2020, 1, 1)) == [CCG, SCC]
    assert [m.statutory for m in ref.partnership_members(western, PID) if m.name == YOS] == [False]


def test_saving_the_correction_unchanged_leaves_no_step_and_overlaps_are_refused(window, western, qtbot, prompts):
    page, form = _open_correct(window, western, qtbot, CCG)
    before = window.session.undo_stack.count()
    assert form.save() and window.session.undo_stack.count() == before
    with pytest.raises(ref.MembershipError, match="To .* is before From"):
        ref.correct_membership(western, page.members_model.row(0).id, "01/04/2020", "01/04/2019", statutory=True)
    ccg = next(m for m in ref.partnership_members(western, PID) if m.name == CCG)
    ref.end_membership(western, ccg.id, "30/06/2022")
    ref.add_membership(western, PID, ref.reference_id("org", CCG), "01/04/2023")
    with pytest.raises(ref.MembershipError, match="already a member") as caught:
        ref.correct_membership(western, ccg.id, "01/04/2018", None, statutory=True)  # would run into the second
    assert caught.value.field == "organisation"
    assert next(m for m in ref.partnership_members(western, PID) if m.id == ccg.id).valid_to == date(2022, 6, 30)
