"""The Districts page of View > Districts, Partnerships and Partners…, and a district's own end in a partnership,
round 34 (dst).

Redo of Add district put the district's row back as it was added, without the checks adding it by hand passes: after
a change made outside the undo stack (another window on the same file), it gave Waveney back a Became whose district
now begins a year after Waveney's To, or failed with the database's own words ("UNIQUE constraint failed",
"FOREIGN KEY constraint failed"). It is now refused in words naming what is in the way; nothing is changed and Edit
still offers it.

A district leaving a partnership that goes on (the one-CSP rule then lets another take it) had no way to end: only
the whole partnership could be ended. End district… on the Partnerships page ends one district's cover on a day.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters import office
from safer_desk.presenters.actions import run_now
from safer_desk.services import reference as ref

EAST = ref.reference_id("district", "East Suffolk")
WAVENEY = ref.reference_id("district", "Waveney")
BABERGH = ref.reference_id("district", "Babergh")


def open_reference(window, store, qtbot, page: str):
    """View > Districts, Partnerships and Partners… on one of its pages, the dialog the active window."""
    from PySide6.QtWidgets import QApplication

    window.set_store(store)
    window.show()
    window.show_reference()
    dialog = window._reference_dialog
    dialog.pages.setCurrentWidget(getattr(dialog, page))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def add_waveney_by_hand(dialog, qtbot) -> None:
    """Waveney, to 31/03/2019, Became East Suffolk, typed into the Districts page's form and added."""
    from PySide6.QtCore import Qt

    page = dialog.districts
    qtbot.keyClicks(page.name_edit, "Waveney")
    qtbot.keyClicks(page.county_edit, "Suffolk")
    qtbot.keyClicks(page.to_edit, "31/03/2019")
    page.successor_combo.setCurrentText("East Suffolk")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def district_rows(store) -> list[tuple]:
    return [tuple(r) for r in store.rows("SELECT * FROM districts ORDER BY id")]


# -- Redo of Add district on the Districts page -----------------------------------------------------------------------
def test_ctrl_y_of_add_district_whose_successor_began_later_since_says_why_and_stays(window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    ref.add_district(store, "East Suffolk", county="Suffolk", valid_from="01/04/2019")
    dialog = open_reference(window, store, qtbot, "districts")
    add_waveney_by_hand(dialog, qtbot)
    assert prompts.errors == [] and WAVENEY in {d.id for d in ref.list_districts(store)}
    page = dialog.districts
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert WAVENEY not in {d.id for d in ref.list_districts(store)}
    # Another window on the same file: East Suffolk's From corrected to 2020.
    ref.edit_district(store, EAST, name="East Suffolk", county="Suffolk", valid_from="01/04/2020")
    stack = window.session.undo_stack
    depth, rows = stack.index(), district_rows(store)
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    [(title, text)] = prompts.errors
    assert title == "Cannot redo"
    assert text.startswith("“Add district Waveney” could not be redone: Waveney cannot be put back as it was (a change "
                           "made since this step): To (31/03/2019) is long before East Suffolk began "
                           "(01/04/2020)")
    assert text.endswith("Edit > Redo still offers it.") and ".." not in text
    assert stack.index() == depth and district_rows(store) == rows
    # East Suffolk's From put right again: Ctrl+Y now redoes the add.
    ref.edit_district(store, EAST, name="East Suffolk", county="Suffolk", valid_from="01/04/2019")
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(prompts.errors) == 1 and stack.index() == depth + 1
    assert [d.successor_id for d in ref.list_districts(store) if d.id == WAVENEY] == [EAST]


def added_then_undone(store) -> dict:
    """What Add district wrote for Waveney (to 31/03/2019, Became East Suffolk), taken out again by its undo."""
    ref.add_district(store, "East Suffolk", county="Suffolk", valid_from="01/04/2019")
    written = ref.reference_rows(store, "district", ref.add_district(
        store, "Waveney", county="Suffolk", successor="East Suffolk", valid_to="31/03/2019"))
    ref.remove_reference(store, "district", WAVENEY)
    return written


def test_redoing_add_district_after_another_window_added_it_is_refused_in_words(store):
    written = added_then_undone(store)
    ref.add_district(store, "Waveney", county="Suffolk", valid_from="01/04/1974")  # another window
    rows = district_rows(store)
    with pytest.raises(ref.ReferenceError) as refused:
        ref.restore_reference(store, written)  # what Edit > Redo does
    words = str(refused.value)
    assert words == ("There is a district called Waveney already (a change made since this step): putting Waveney "
                     "back as it was would make two. Correct that one (Edit district…), or leave it as it is")
    assert district_rows(store) == rows


def test_redoing_add_district_after_what_it_became_was_removed_is_refused_in_words(store):
    written = added_then_undone(store)
    ref.remove_reference(store, "district", EAST)  # another window
    with pytest.raises(ref.ReferenceError) as refused:
        ref.restore_reference(store, written)
    assert str(refused.value) == ("East Suffolk, which Waveney became, has been removed (a change made since this "
                                  "step): add East Suffolk again first, or leave Waveney out")
    assert district_rows(store) == []


def test_ctrl_z_of_add_district_another_district_became_since_says_why_once(window, store, qtbot, prompts):
    """The refusal of Remove ends with a full stop; the window's "Nothing was changed" follows it without another."""
    from PySide6.QtCore import Qt

    dialog = open_reference(window, store, qtbot, "districts")
    page = dialog.districts
    qtbot.keyClicks(page.name_edit, "East Suffolk")
    qtbot.keyClicks(page.from_edit, "01/04/2019")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == [] and EAST in {d.id for d in ref.list_districts(store)}
    ref.add_district(store, "Waveney", successor="East Suffolk", valid_to="31/03/2019")  # another window
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [(title, text)] = prompts.errors
    assert title == "Cannot undo"
    assert text.startswith("“Add district East Suffolk” could not be undone: East Suffolk cannot be removed: it is "
                           "still used in another district (as its successor: Waveney became it)")
    assert ".." not in text and EAST in {d.id for d in ref.list_districts(store)}


# -- End district…: one district leaves a partnership that goes on ---------------------------------------------------
MID = ref.reference_id("district", "Mid Suffolk")


def western(store) -> tuple[str, str]:
    """Western Suffolk CSP (Babergh and Mid Suffolk from 01/04/2018, no end) and an Ipswich CSP (Ipswich, from
    2009), which Mid Suffolk is to join."""
    for name in ("Babergh", "Mid Suffolk", "Ipswich"):
        ref.add_district(store, name, county="Suffolk")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Babergh", "Mid Suffolk"], valid_from="01/04/2018")
    ref.add_partnership(store, "Ipswich CSP", districts=["Ipswich"], valid_from="01/04/2009")
    return ref.reference_id("partnership", "Western Suffolk CSP"), ref.reference_id("partnership", "Ipswich CSP")


def cover_row(store, partnership_id: str, district_id: str) -> str:
    return store.scalar("SELECT id FROM partnership_districts WHERE partnership_id = ? AND district_id = ?",
                        (partnership_id, district_id))


def csps_of(store, district_id: str, year: int) -> list[str]:
    return [p.name for p in ref.list_partnerships(store)
            if district_id in ref.partnership_district_ids(store, p.id, FinancialYear(year))]


def test_a_district_ends_in_one_csp_and_joins_another_the_partnership_going_on(store):
    west, ipswich = western(store)
    with pytest.raises(ref.MembershipError, match="or End district… for Mid Suffolk alone"):
        ref.add_partnership_district(store, ipswich, MID, "01/04/2020")  # still in Western Suffolk CSP
    end = office.end_partnership_district_action(store, cover_row(store, west, MID), date(2020, 3, 31))
    assert end.text == "End Mid Suffolk in Western Suffolk CSP on 31/03/2020"
    run_now(end)
    join = office.add_partnership_district_action(store, ipswich, MID, date(2020, 4, 1))
    run_now(join)
    assert csps_of(store, MID, 2019) == ["Western Suffolk CSP"] and csps_of(store, MID, 2020) == ["Ipswich CSP"]
    assert csps_of(store, BABERGH, 2020) == ["Western Suffolk CSP"]  # the partnership goes on
    assert ref.partnership_district_words(store, west) == "Babergh, Mid Suffolk (from 01/04/2018 to 31/03/2020)"
    # Undoing the end while Mid Suffolk is in Ipswich CSP would put it in two CSPs: refused, nothing changed.
    with pytest.raises(ref.ReferenceError, match="Mid Suffolk is in Ipswich CSP from 01/04/2020 with no end"):
        end.perform_undo()
    join.perform_undo()
    end.perform_undo()
    assert csps_of(store, MID, 2020) == ["Western Suffolk CSP"]
    end.perform_redo()
    join.perform_redo()
    assert csps_of(store, MID, 2020) == ["Ipswich CSP"]


@pytest.mark.parametrize("typed, field, words", [
    ("31/03/2018", "valid_to", "To (31/03/2018) is before Mid Suffolk joined Western Suffolk CSP (01/04/2018)"),
    ("", "valid_to", "To: type the last day Western Suffolk CSP covers Mid Suffolk"),
    ("32/03/2020", "valid_to", "To: "),
])
def test_end_district_refuses_a_day_it_cannot_end_on_and_changes_nothing(store, typed, field, words):
    west, _ = western(store)
    rows = [tuple(r) for r in store.rows("SELECT * FROM partnership_districts ORDER BY id")]
    with pytest.raises(ref.MembershipError) as refused:
        ref.end_partnership_district(store, cover_row(store, west, MID), typed)
    assert refused.value.field == field and str(refused.value).startswith(words)
    assert [tuple(r) for r in store.rows("SELECT * FROM partnership_districts ORDER BY id")] == rows


def test_end_district_after_its_partnership_ended_is_refused(store):
    west, _ = western(store)
    ref.end_partnership(store, west, "31/03/2019")
    with pytest.raises(ref.MembershipError, match=r"To \(31/03/2020\) is after Western Suffolk CSP ended"):
        ref.end_partnership_district(store, cover_row(store, west, MID), "31/03/2020")
    ref.end_partnership_district(store, cover_row(store, west, MID), "31/12/2018")  # earlier: it left first
    assert ref.partnership_district_row(store, cover_row(store, west, MID))["valid_to"] == "2018-12-31"


def test_a_later_to_into_another_csps_cover_is_refused(store):
    """Its To corrected later (typed wrong): the days it then covers again are checked as adding it is."""
    west, ipswich = western(store)
    row = cover_row(store, west, MID)
    ref.end_partnership_district(store, row, "31/03/2020")
    ref.add_partnership_district(store, ipswich, MID, "01/04/2020")
    with pytest.raises(ref.MembershipError, match="Mid Suffolk is in Ipswich CSP from 01/04/2020 with no end"):
        ref.end_partnership_district(store, row, "31/03/2021")
    assert ref.partnership_district_row(store, row)["valid_to"] == "2020-03-31"


def test_end_district_in_the_window_is_one_step_ctrl_z_puts_it_back(window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    west, _ = western(store)
    dialog = open_reference(window, store, qtbot, "partnerships")
    page = dialog.partnerships
    assert not page.end_district_button.isEnabled()  # no partnership chosen yet
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "Western Suffolk CSP"))
    assert page.end_district_button.isEnabled()
    qtbot.mouseClick(page.end_district_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    assert [label for _, label in form.form.fields[0].choices][1:] == [
        "Babergh (from 01/04/2018)", "Mid Suffolk (from 01/04/2018)"]
    form.set_value("district", cover_row(store, west, MID))
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2020")
    assert form.save() and prompts.errors == []
    assert window.undo_action.text() == "&Undo end Mid Suffolk in Western Suffolk CSP on 31/03/2020"
    districts = next(page.proxy.index(r, 2).data() for r in range(page.proxy.rowCount())
                     if page.proxy.index(r, 0).data() == "Western Suffolk CSP")
    assert districts == "Babergh, Mid Suffolk (from 01/04/2018 to 31/03/2020)"
    assert csps_of(store, MID, 2020) == []
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert csps_of(store, MID, 2020) == ["Western Suffolk CSP"] and prompts.errors == []


# -- the Partnerships and Partner organisations pages: a name typed another way, dates out of order ------------------
def test_add_partnership_with_its_to_before_its_from_is_refused_in_the_window(window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    dialog = open_reference(window, store, qtbot, "partnerships")
    page = dialog.partnerships
    qtbot.keyClicks(page.name_edit, "Western Suffolk CSP")
    qtbot.keyClicks(page.from_edit, "01/04/2019")
    qtbot.keyClicks(page.to_edit, "31/03/2018")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    [(title, text)] = prompts.errors
    assert title == "Add partnership Western Suffolk CSP"
    assert text == "To (31/03/2018) is before From (01/04/2019): a partnership ends on or after the day it begins."
    assert ref.list_partnerships(store) == [] and not window.session.undo_stack.canUndo()


@pytest.mark.parametrize("kind, first, second", [
    ("partnership", "Brighton and Hove CSP", "Brighton & Hove CSP"),
    ("partnership", "Western Suffolk CSP", "Western-Suffolk C.S.P."),
    ("organisation", "Suffolk and North East Essex ICB", "Suffolk & North East Essex ICB"),
])
def test_a_partnership_or_organisation_typed_another_way_is_the_one_there_not_a_second(store, kind, first, second):
    add = (lambda name: ref.add_partnership(store, name)) if kind == "partnership" else \
        (lambda name: ref.add_organisation(store, name))
    add(first)
    with pytest.raises(ref.ReferenceError) as refused:
        add(second)
    a = "an" if kind == "organisation" else "a"
    assert str(refused.value) == (f"There is already {a} {kind} called {first} (“{second}” is the same name written "
                                  f"another way): use that one, or give the new {kind} a name of its own.")
    held = ref.list_partnerships(store) if kind == "partnership" else ref.list_organisations(store)
    assert [x.name for x in held] == [first]


# -- a merger's day: 31/03, the old district's last day, not 01/04, the new one's first --------------------------------
def west_suffolk_figures(store, forest_heath_to: str):
    """West Suffolk from 01/04/2019 with police.uk's April and May 2019 (filed under today's district), Western
    Suffolk CSP covering Forest Heath and St Edmundsbury, which became it."""
    from safer_desk.services import indicators as svc

    ref.add_district(store, "West Suffolk", county="Suffolk", valid_from="01/04/2019")
    ref.add_district(store, "St Edmundsbury", county="Suffolk", successor="West Suffolk", valid_to="31/03/2019")
    ref.add_district(store, "Forest Heath", county="Suffolk", successor="West Suffolk", valid_to=forest_heath_to)
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Forest Heath", "St Edmundsbury"],
                        valid_from="01/04/2009")
    indicator = svc.save_indicator(store, "All crime")
    area = svc.ensure_area(store, "West Suffolk")
    svc.save_values(store, indicator, area, [svc.PeriodValue("2019-04", 100), svc.PeriodValue("2019-05", 90)])
    return indicator


def test_a_merger_typed_with_the_old_districts_to_on_the_new_ones_first_day_is_refused(store):
    """Forest Heath's To typed 01/04/2019 (the day West Suffolk began) left April 2019 blank in Western Suffolk CSP's
    figures, police.uk's 100 crimes counted nowhere, and Forest Heath listed in 2019/20."""
    with pytest.raises(ref.DistrictError) as refused:
        west_suffolk_figures(store, "01/04/2019")
    assert refused.value.field == "valid_to"
    assert str(refused.value) == ("To (01/04/2019) is the day West Suffolk began, though Forest Heath became West "
                                  "Suffolk: To is Forest Heath's last day, so that month would count Forest Heath's "
                                  "figures, not West Suffolk's. Type 31/03/2019, the day before West Suffolk began, or "
                                  "correct West Suffolk's From.")
    assert "district:forest-heath" not in {d.id for d in ref.list_districts(store)}


def test_a_merger_typed_right_counts_the_new_districts_april(store):
    from safer_desk.services import indicators as svc

    indicator = west_suffolk_figures(store, "31/03/2019")
    western = ref.reference_id("partnership", "Western Suffolk CSP")
    assert svc.area_values(store, indicator, western, FinancialYear(2019))[:2] == [100, 90]
    assert [a.name for a in ref.office_districts(store, FinancialYear(2019))] == ["West Suffolk"]


def test_the_new_districts_from_on_the_old_ones_last_day_is_refused_from_its_end(store):
    """The same slip from the other end: West Suffolk's From corrected to 31/03/2019, Forest Heath's last day."""
    west_suffolk_figures(store, "31/03/2019")
    west = ref.reference_id("district", "West Suffolk")
    with pytest.raises(ref.DistrictError) as refused:
        ref.edit_district(store, west, name="West Suffolk", county="Suffolk", valid_from="31/03/2019")
    assert refused.value.field == "valid_from"
    assert str(refused.value) == ("From (31/03/2019) is Forest Heath's last day (its To), though Forest Heath became "
                                  "West Suffolk: that month would count Forest Heath's figures, not West Suffolk's. "
                                  "Type 01/04/2019, the day after Forest Heath's To, or correct Forest Heath's To.")
