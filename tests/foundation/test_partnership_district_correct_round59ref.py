"""Round 59 (ref): the day a district joined a partnership, typed wrong, is corrected.

Western Suffolk CSP, Add district… Babergh from 01/04/2019 where 01/04/2018 was meant: the partnership's 2018/19
figures left Babergh out, and End district… moves only the To, so the From stood once Edit > Undo had gone past
it. Correct district… changes the From and To of one district's cover, checked as Add district… checks them.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref
from tests.foundation.test_partnership_members import open_partnership

PID = "partnership:western-suffolk-csp"


@pytest.fixture
def western(store):
    ref.set_office_scope(store, county="Suffolk")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Mid Suffolk"], valid_from="01/04/2017")
    ref.add_partnership_district(store, PID, "district:babergh", date(2019, 4, 1))  # typed a year late
    ref.add_partnership(store, "Babergh CSP", districts=["Babergh"], valid_from="01/04/2009", valid_to="31/03/2018")
    return store


def _in_2018(store):
    return sorted(ref.partnership_district_ids(store, PID, FinancialYear(2018)))


def test_correct_district_moves_the_day_babergh_joined_as_one_undoable_step(window, western, qtbot, prompts):
    assert _in_2018(western) == ["district:mid-suffolk"]
    _dialog, page = open_partnership(window, western, qtbot)
    qtbot.mouseClick(page.correct_district_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    row_id = next(i for i, words in ref.partnership_district_covers(western, PID) if words.startswith("Babergh"))
    form.set_value("district", row_id)
    assert form.editors["valid_from"].edit.text() == "01/04/2019"  # the chosen cover's days, to correct
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2017")  # Babergh CSP had it then: refused, named
    assert not form.save() and "Babergh is in Babergh CSP" in form.form.message("valid_from")
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2018")
    assert form.save() and not form.isVisible()
    assert window.undo_action.text() == "&Undo correct Babergh in Western Suffolk CSP: from 01/04/2018"
    assert _in_2018(western) == ["district:babergh", "district:mid-suffolk"]
    window.undo_action.trigger()
    assert _in_2018(western) == ["district:mid-suffolk"]
    window.redo_action.trigger()
    assert _in_2018(western) == ["district:babergh", "district:mid-suffolk"]


def test_a_correction_before_the_partnership_began_or_with_to_before_from_is_refused(western):
    row_id = next(i for i, words in ref.partnership_district_covers(western, PID) if words.startswith("Babergh"))
    with pytest.raises(ref.MembershipError, match="before Western Suffolk CSP began") as caught:
        ref.correct_partnership_district(western, row_id, "01/04/2016", None)
    assert caught.value.field == "valid_from"
    with pytest.raises(ref.MembershipError, match="is before From") as caught:
        ref.correct_partnership_district(western, row_id, "01/04/2019", "31/03/2019")
    assert caught.value.field == "valid_to"
