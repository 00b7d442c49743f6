"""Round 59 (ref): a partnership's From typed wrong is corrected, with the districts and members that began with it.

Western Suffolk CSP added From 01/04/2018 where 01/04/2017 was meant (its districts and partners ticked took that
day too): a member from 01/04/2017 was then refused "before Western Suffolk CSP began", 2017/18's figures and
reviews had no partnership, and nothing could change a partnership's From (End partnership… moves its To), nor
remove it once a review named it. Correct start… moves the From, and those that began on the old day with it.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import dhr
from safer_desk.services import reference as ref
from tests.foundation.test_partnership_members import open_partnership

PID = "partnership:western-suffolk-csp"


@pytest.fixture
def western(store):
    ref.set_office_scope(store, districts=["Babergh", "Mid Suffolk"])
    ref.add_organisation(store, "Babergh District Council", "district council")
    ref.add_organisation(store, "Suffolk Constabulary", "police")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Babergh"],
                        members=[("Babergh District Council", True), ("Suffolk Constabulary", True)],
                        valid_from="01/04/2018")
    ref.add_partnership_district(store, PID, "district:mid-suffolk", date(2019, 4, 1))  # joined later: stays
    dhr.add_case(store, reference="DHR 1/18", partnership="Western Suffolk CSP")  # so it cannot be removed
    return store


def test_correct_start_moves_the_from_and_what_began_with_it_as_one_undoable_step(window, western, qtbot, prompts):
    _dialog, page = open_partnership(window, western, qtbot)
    qtbot.mouseClick(page.correct_start_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    assert form.editors["valid_from"].edit.text() == "01/04/2018"
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2020")  # after Mid Suffolk joined: refused, named
    assert not form.save() and "Mid Suffolk joined" in form.form.message("valid_from")
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2017")
    assert form.save() and not form.isVisible()
    assert window.undo_action.text() == "&Undo correct Western Suffolk CSP's From to 01/04/2017"
    assert [d.name for d in ref.office_districts(western, FinancialYear(2017))] == ["Babergh", "Mid Suffolk"]
    assert [o.name for o in ref.statutory_partners(western, PID, date(2017, 6, 1))] == [
        "Babergh District Council", "Suffolk Constabulary"]
    covers = dict((words.split(" (")[0], words) for _, words in ref.partnership_district_covers(western, PID))
    assert covers == {"Babergh": "Babergh (from 01/04/2017)", "Mid Suffolk": "Mid Suffolk (from 01/04/2019)"}
    window.undo_action.trigger()
    assert ref.statutory_partners(western, PID, date(2017, 6, 1)) == []
    assert next(p for p in ref.list_partnerships(western) if p.id == PID).valid_from == "2018-04-01"
    window.redo_action.trigger()
    assert next(p for p in ref.list_partnerships(western) if p.id == PID).valid_from == "2017-04-01"


def test_a_from_that_would_put_a_district_in_two_csps_is_refused(western):
    ref.add_partnership(western, "Babergh CSP", districts=["Babergh"], valid_from="01/04/2009",
                        valid_to="31/03/2017")
    with pytest.raises(ref.MembershipError, match="Babergh is in Babergh CSP") as caught:
        ref.correct_partnership_from(western, PID, "01/04/2016")
    assert caught.value.field == "valid_from"
    assert next(p for p in ref.list_partnerships(western) if p.id == PID).valid_from == "2018-04-01"
