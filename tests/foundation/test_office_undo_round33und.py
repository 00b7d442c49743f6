"""Undo and redo of the office set-up changes (View > Districts, Partnerships and Partners…), round 33 (und).

Undo and Redo of End partnership…, Add district…, Add member… and End membership… put back the rows as they were
before or after the change, without the checks a change made by hand passes. After a change made outside the undo
stack (another window on the same file, a merge), that could put a district in two community safety partnerships at
once, count a member twice, date a membership outside its partnership, or silently delete a row added since. Such an
undo or redo is now refused in words that name what is in the way and when; nothing is changed and Edit still offers
the step.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters import office
from safer_desk.presenters.actions import run_now
from safer_desk.services import reference as ref

BABERGH = ref.reference_id("district", "Babergh")


def suffolk(store) -> tuple[str, str]:
    """Babergh CSP (Babergh, from 2009, no end) and Western Suffolk CSP (Mid Suffolk, from 2009)."""
    for name in ("Babergh", "Mid Suffolk"):
        ref.add_district(store, name, county="Suffolk")
    ref.add_partnership(store, "Babergh CSP", districts=["Babergh"], valid_from="01/04/2009")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Mid Suffolk"], valid_from="01/04/2009")
    return ref.reference_id("partnership", "Babergh CSP"), ref.reference_id("partnership", "Western Suffolk CSP")


def csps_of_babergh(store, year: int) -> list[str]:
    return [p.name for p in ref.list_partnerships(store)
            if BABERGH in ref.partnership_district_ids(store, p.id, FinancialYear(year))]


def babergh_in_western_row(store, western: str) -> str:
    return store.scalar("SELECT id FROM partnership_districts WHERE partnership_id = ? AND district_id = ?",
                        (western, BABERGH))


# -- without a window ----------------------------------------------------------------------------------------------
def test_undoing_an_end_after_another_csp_took_the_district_is_refused_and_changes_nothing(store):
    babergh_csp, western = suffolk(store)
    action = office.end_partnership_action(store, babergh_csp, date(2018, 3, 31))
    assert action.text == "End Babergh CSP on 31/03/2018"
    run_now(action)
    # Another window on the same file: Babergh joins Western Suffolk CSP from the day after.
    ref.add_partnership_district(store, western, BABERGH, "01/04/2018")
    rows = store.rows("SELECT * FROM partnership_districts ORDER BY id")
    with pytest.raises(ref.ReferenceError) as refused:
        action.perform_undo()
    words = str(refused.value)
    assert "Babergh is in Western Suffolk CSP from 01/04/2018 with no end" in words
    assert "one community safety partnership at a time" in words and "Babergh CSP" in words
    assert not words.endswith(".")  # the window adds ". Nothing was changed, …"
    assert [tuple(r) for r in store.rows("SELECT * FROM partnership_districts ORDER BY id")] == \
        [tuple(r) for r in rows]
    assert csps_of_babergh(store, 2018) == ["Western Suffolk CSP"]
    assert [p.valid_to for p in ref.list_partnerships(store) if p.id == babergh_csp] == ["2018-03-31"]
    # Babergh taken out of Western Suffolk CSP again: the undo goes ahead, and the redo after it.
    ref.put_partnership_district(store, babergh_in_western_row(store, western), None)
    action.perform_undo()
    assert csps_of_babergh(store, 2018) == ["Babergh CSP"]
    action.perform_redo()
    assert csps_of_babergh(store, 2018) == [] and csps_of_babergh(store, 2017) == ["Babergh CSP"]


def test_an_undo_keeps_a_district_in_two_csps_the_file_had_already(store):
    """An overlap the file held before the step (a file from before the rule) is not this undo's doing."""
    babergh_csp, western = suffolk(store)
    store.conn.execute("INSERT INTO partnership_districts(id, partnership_id, district_id, valid_from) "
                       "VALUES ('old', ?, ?, '2015-04-01')", (western, BABERGH))
    action = office.end_partnership_action(store, babergh_csp, date(2018, 3, 31))
    run_now(action)
    action.perform_undo()
    assert csps_of_babergh(store, 2019) == ["Babergh CSP", "Western Suffolk CSP"]


def test_redoing_a_later_end_after_another_csp_took_the_district_is_refused(store):
    """Ended again on a later day, a partnership takes the districts that ended with it on to the new day: a redo of
    that after another CSP took one in the days between would put it in two."""
    babergh_csp, western = suffolk(store)
    ref.end_partnership(store, babergh_csp, "31/03/2017")
    action = office.end_partnership_action(store, babergh_csp, date(2018, 3, 31))
    run_now(action)
    action.perform_undo()
    ref.add_partnership_district(store, western, BABERGH, "01/04/2017")
    with pytest.raises(ref.ReferenceError, match="Babergh is in Western Suffolk CSP from 01/04/2017"):
        action.perform_redo()
    assert csps_of_babergh(store, 2017) == ["Western Suffolk CSP"]


def test_undoing_an_end_refuses_to_delete_a_district_added_to_the_partnership_since(store):
    babergh_csp, _ = suffolk(store)
    action = office.end_partnership_action(store, babergh_csp, date(2018, 3, 31))
    run_now(action)
    ref.add_district(store, "Ipswich", county="Suffolk")
    ipswich = ref.reference_id("district", "Ipswich")
    ref.add_partnership_district(store, babergh_csp, ipswich, "01/04/2009", "31/03/2010")  # in another window
    with pytest.raises(ref.ReferenceError) as refused:
        action.perform_undo()
    assert "Babergh CSP has district Ipswich (from 01/04/2009 to 31/03/2010) added" in str(refused.value)
    assert store.scalar("SELECT count(*) FROM partnership_districts WHERE partnership_id = ?", (babergh_csp,)) == 2


def test_redoing_an_end_refuses_to_delete_a_district_that_joined_after_it(store):
    babergh_csp, _ = suffolk(store)
    action = office.end_partnership_action(store, babergh_csp, date(2018, 3, 31))
    run_now(action)
    action.perform_undo()
    ref.add_district(store, "Ipswich", county="Suffolk")
    ref.add_partnership_district(store, babergh_csp, ref.reference_id("district", "Ipswich"), "01/04/2019")
    with pytest.raises(ref.ReferenceError, match="Ipswich"):
        action.perform_redo()
    assert [p.valid_to for p in ref.list_partnerships(store) if p.id == babergh_csp] == [None]


def test_redoing_add_district_after_another_csp_took_it_is_refused(store):
    babergh_csp, western = suffolk(store)
    ref.end_partnership(store, babergh_csp, "31/03/2018")
    action = office.add_partnership_district_action(store, western, BABERGH, date(2018, 4, 1))
    assert action.text == "Add Babergh to Western Suffolk CSP from 01/04/2018"
    run_now(action)
    action.perform_undo()
    assert csps_of_babergh(store, 2018) == []
    ref.add_partnership(store, "South Suffolk CSP", districts=["Babergh"], valid_from="01/04/2018")
    with pytest.raises(ref.ReferenceError) as refused:
        action.perform_redo()
    assert "Babergh is in South Suffolk CSP from 01/04/2018 with no end" in str(refused.value)
    assert csps_of_babergh(store, 2018) == ["South Suffolk CSP"]


def test_redoing_add_district_into_a_partnership_ended_since_is_refused(store):
    babergh_csp, western = suffolk(store)
    ref.end_partnership(store, babergh_csp, "31/03/2018")
    action = office.add_partnership_district_action(store, western, BABERGH, date(2018, 4, 1))
    run_now(action)
    action.perform_undo()
    ref.end_partnership(store, western, "31/03/2017")
    with pytest.raises(ref.ReferenceError, match="Western Suffolk CSP ended on 31/03/2017"):
        action.perform_redo()
    assert babergh_in_western_row(store, western) is None


def test_redoing_add_district_twice_over_is_refused(store):
    babergh_csp, western = suffolk(store)
    ref.end_partnership(store, babergh_csp, "31/03/2018")
    action = office.add_partnership_district_action(store, western, BABERGH, date(2018, 4, 1))
    run_now(action)
    action.perform_undo()
    ref.add_partnership_district(store, western, BABERGH, "01/04/2019")
    with pytest.raises(ref.ReferenceError, match="Western Suffolk CSP covers Babergh from 01/04/2019"):
        action.perform_redo()
    assert store.scalar("SELECT count(*) FROM partnership_districts WHERE district_id = ? AND partnership_id = ?",
                        (BABERGH, western)) == 1


def members(store, partnership_id: str) -> list[tuple]:
    return [(m.name, m.valid_from, m.valid_to) for m in ref.partnership_members(store, partnership_id)]


def test_undoing_an_end_of_membership_after_the_member_rejoined_is_refused(store):
    babergh_csp, _ = suffolk(store)
    ccg = ref.add_organisation(store, "Suffolk CCG", "health")
    member = ref.add_membership(store, babergh_csp, ccg, "01/04/2013")
    action = office.end_membership_action(store, member, date(2022, 6, 30))
    assert action.text == "End membership of Suffolk CCG in Babergh CSP on 30/06/2022"
    run_now(action)
    ref.add_membership(store, babergh_csp, ccg, "01/04/2023")  # rejoined, in another window
    before = members(store, babergh_csp)
    with pytest.raises(ref.ReferenceError) as refused:
        action.perform_undo()
    assert "Suffolk CCG is a member of Babergh CSP from 01/04/2023" in str(refused.value)
    assert members(store, babergh_csp) == before


def test_undoing_an_end_of_membership_after_the_partnership_ended_is_refused(store):
    babergh_csp, _ = suffolk(store)
    ccg = ref.add_organisation(store, "Suffolk CCG", "health")
    member = ref.add_membership(store, babergh_csp, ccg, "01/04/2013")
    action = office.end_membership_action(store, member, date(2017, 6, 30))
    run_now(action)
    ref.end_partnership(store, babergh_csp, "31/03/2018")
    with pytest.raises(ref.ReferenceError, match="Babergh CSP ended on 31/03/2018"):
        action.perform_undo()
    assert members(store, babergh_csp) == [("Suffolk CCG", date(2013, 4, 1), date(2017, 6, 30))]


def test_redoing_add_member_after_the_partnership_ended_before_it_is_refused(store):
    babergh_csp, _ = suffolk(store)
    icb = ref.add_organisation(store, "Suffolk and North East Essex ICB", "health")
    action = office.add_membership_action(store, babergh_csp, icb, date(2022, 7, 1))
    assert action.text == "Add Suffolk and North East Essex ICB to Babergh CSP from 01/07/2022"
    run_now(action)
    action.perform_undo()
    ref.end_partnership(store, babergh_csp, "31/03/2018")
    with pytest.raises(ref.ReferenceError, match="Babergh CSP ended on 31/03/2018"):
        action.perform_redo()
    assert members(store, babergh_csp) == []


# -- the window, through its widgets and Ctrl+Z / Ctrl+Y -------------------------------------------------------------
def open_partnerships(window, store, qtbot):
    """View > Districts, Partnerships and Partners… on its Partnerships page, the dialog the active window (where
    the officer presses Ctrl+Z: the window's own keys did not reach it)."""
    from PySide6.QtWidgets import QApplication

    window.set_store(store)
    window.show()
    window.show_reference()
    dialog = window._reference_dialog
    dialog.pages.setCurrentWidget(dialog.partnerships)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_ctrl_z_of_an_end_after_another_window_put_the_district_in_another_csp_says_why_and_stays(
        window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    babergh_csp, western = suffolk(store)
    dialog = open_partnerships(window, store, qtbot)
    page = dialog.partnerships
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "Babergh CSP"))
    qtbot.mouseClick(page.end_partnership_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2018")
    assert form.save() and prompts.errors == []
    stack = window.session.undo_stack
    depth = stack.index()
    ref.add_partnership_district(store, western, BABERGH, "01/04/2018")  # another window on the same file
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [(title, text)] = prompts.errors
    assert title == "Cannot undo"
    assert text.startswith("“End Babergh CSP on 31/03/2018” could not be undone: Babergh is in Western Suffolk CSP "
                           "from 01/04/2018 with no end")
    assert text.endswith("Nothing was changed, and Edit > Undo still offers it.") and ".." not in text
    assert stack.index() == depth and window.undo_action.text() == "&Undo end Babergh CSP on 31/03/2018"
    assert csps_of_babergh(store, 2018) == ["Western Suffolk CSP"]
    to_cell = next(page.proxy.index(r, 5).data() for r in range(page.proxy.rowCount())
                   if page.proxy.index(r, 0).data() == "Babergh CSP")
    assert to_cell == "31/03/2018"
    # What the message says to do, done (Babergh out of Western Suffolk CSP again): Ctrl+Z now undoes the end.
    ref.put_partnership_district(store, babergh_in_western_row(store, western), None)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(prompts.errors) == 1 and stack.index() == depth - 1
    assert csps_of_babergh(store, 2018) == ["Babergh CSP"]


def test_ctrl_y_of_add_district_after_another_csp_took_it_says_why_and_stays(window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    babergh_csp, western = suffolk(store)
    ref.end_partnership(store, babergh_csp, "31/03/2018")
    dialog = open_partnerships(window, store, qtbot)
    page = dialog.partnerships
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "Western Suffolk CSP"))
    qtbot.mouseClick(page.add_district_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    form.set_value("district", BABERGH)
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2018")
    assert form.save() and prompts.errors == []
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert csps_of_babergh(store, 2018) == []
    stack = window.session.undo_stack
    depth = stack.index()
    ref.add_partnership(store, "South Suffolk CSP", districts=["Babergh"], valid_from="01/04/2018")  # elsewhere
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    [(title, text)] = prompts.errors
    assert title == "Cannot redo"
    assert text.startswith("“Add Babergh to Western Suffolk CSP from 01/04/2018” could not be redone: Babergh is in "
                           "South Suffolk CSP from 01/04/2018 with no end")
    assert text.endswith("Edit > Redo still offers it.") and ".." not in text
    assert stack.index() == depth and window.redo_action.text() == "&Redo add Babergh to Western Suffolk CSP from " \
                                                                    "01/04/2018"
    assert csps_of_babergh(store, 2018) == ["South Suffolk CSP"]


def test_undoing_a_district_edit_whose_successor_began_later_since_is_refused(store):
    """Waveney became East Suffolk on 01/04/2019. Its Became taken off (a step), East Suffolk's From corrected to
    2020 in another window: the undo would give Waveney back a successor beginning a year after its To."""
    ref.add_district(store, "East Suffolk", county="Suffolk", valid_from="01/04/2019")
    waveney = ref.add_district(store, "Waveney", county="Suffolk", successor="East Suffolk", valid_to="31/03/2019")
    east = ref.reference_id("district", "East Suffolk")
    before = ref.district_snapshot(store, waveney)
    ref.edit_district(store, waveney, name="Waveney", county="Suffolk")
    after = ref.district_snapshot(store, waveney)
    ref.edit_district(store, east, name="East Suffolk", county="Suffolk", valid_from="01/04/2020")
    with pytest.raises(ref.ReferenceError) as refused:
        ref.put_district_snapshot(store, waveney, before)  # what Edit > Undo does
    words = str(refused.value)
    assert words.startswith("Waveney's dates cannot be put back as they were")
    assert "long before East Suffolk began (01/04/2020)" in words and not words.endswith(".")
    assert ref.district_snapshot(store, waveney) == after
    ref.edit_district(store, east, name="East Suffolk", county="Suffolk", valid_from="01/04/2019")
    ref.put_district_snapshot(store, waveney, before)
    assert [d.successor_id for d in ref.list_districts(store) if d.id == waveney] == [east]


def test_undoing_the_removal_of_a_partnership_after_another_csp_took_its_district_is_refused(store):
    """Remove selected on the Partnerships page, undone after another window put its district in another CSP."""
    babergh_csp, _ = suffolk(store)
    saved = ref.remove_references(store, "partnership", [babergh_csp])
    ref.add_partnership(store, "South Suffolk CSP", districts=["Babergh"], valid_from="01/04/2018")
    with pytest.raises(ref.ReferenceError, match="Babergh is in South Suffolk CSP from 01/04/2018 with no end"):
        ref.restore_references(store, saved)
    assert [p.name for p in ref.list_partnerships(store)] == ["South Suffolk CSP", "Western Suffolk CSP"]
