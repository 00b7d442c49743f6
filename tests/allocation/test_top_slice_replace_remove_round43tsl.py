"""Allocation, round 43 (tsl): a saved top-slice can be put right, or taken out, from the window.

Save top-slice… kept the page's figures under a name and a year, and nothing afterwards could change or remove what it
kept: an officer who saved a wrong grant (£2,900,000 for £2,900,692), or under a wrong name or year, had it in the
board report and the county workbook for good (Save refuses a name the year has: a saved top-slice is not written
over without being asked). Under the fields now, *Replace saved* (Alt+=) puts the page's figures in place of those of
the top-slice chosen in Saved top-slices, after a question naming each figure that changes, and *Remove saved* (Alt+/)
takes it out of the file, after a question (its figures stay on the page, to save again under another name or year).
Each is one step of Edit > Undo. Refused, with the reason beside the fields and in a message: a file open read-only
(the buttons greyed too), no saved top-slice, figures that do not work out, the very figures it holds (nothing to
replace), a top-slice removed meanwhile.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation as service
from safer_desk.services.county_workbook import top_slice_sheet
from tests.allocation.test_allocation_round42exa import type_in_field
from tests.allocation.test_top_slice_save_round42tsv import PRG, listed, saved, top_slice_page

TITLE = f"2009/10 — {PRG}"


def test_replace_puts_the_pages_figures_in_after_naming_each_change_and_undo_puts_the_old_back(
        qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    assert tab.top_slice_combo.currentText() == TITLE  # shown whole: the buttons are under the fields now
    assert tab.top_slice_replace_button.text() == "Replace saved (&=)"
    assert tab.top_slice_replace_button.accessibleName() == "Replace saved top-slice"
    before = saved(demo_window)[TITLE]
    type_in_field(qtbot, tab.top_fields["total"], "2900000")  # the grant saved wrong, put right
    type_in_field(qtbot, tab.top_fields["partners"], "8")
    prompts.answers.append(True)
    qtbot.mouseClick(tab.top_slice_replace_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == []
    (title, question), = prompts.questions
    assert title == "Replace saved top-slice"
    assert question == (f"Replace the figures of the saved top-slice {TITLE} with those on the page?\n\n"
                        "Total grant: £2,900,692 → £2,900,000\nEqual shares: 9 → 8\n\nIts name and year stay; the "
                        "board report and the county workbook show the new figures. Edit > Undo puts the old ones "
                        "back.")
    after = saved(demo_window)[TITLE]
    assert (after.id, after.name, after.year, after.remainder_label) == (before.id, PRG, "2009/10", "SSP share")
    assert (after.total_pence, after.partners, after.retained) == (2_900_000_00, 8, Fraction(1, 10))
    assert listed(tab) == [TITLE] and tab.top_slice_combo.currentText() == TITLE
    assert dict(tab.top_slice_model.rows)["Each of 8 partners (equal share)"] == 163_125_00
    assert top_slice_sheet(demo_window.session.store).blocks[0].rows[0] == ["Total", 2_900_000_00]
    assert demo_window.undo_action.text() == f"&Undo replace top-slice {PRG}"

    tab.pages.setCurrentIndex(0)  # undone from another page: the Top-slice page shows the figures put back
    demo_window.undo_action.trigger()
    assert saved(demo_window)[TITLE] == before and tab.pages.currentIndex() == 3
    assert (tab.top_fields["total"].text(), tab.top_fields["partners"].text()) == ("£2,900,692", "9")
    assert dict(tab.top_slice_model.rows)["Each of 9 partners (equal share)"] == 145_034_60
    demo_window.redo_action.trigger()
    assert saved(demo_window)[TITLE] == after and tab.top_fields["total"].text() == "£2,900,000"


def test_replace_cancelled_changes_nothing(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    undo_text = demo_window.undo_action.text()
    type_in_field(qtbot, tab.top_fields["total"], "£2,900,000")
    prompts.answers.append(False)
    tab.replace_top_slice()
    assert len(prompts.questions) == 1 and prompts.errors == []
    assert saved(demo_window)[TITLE].total_pence == 2_900_692_00 and demo_window.undo_action.text() == undo_text
    assert tab.top_fields["total"].text() == "£2,900,000"  # what was typed stays


def test_replace_with_the_figures_it_holds_or_figures_refused_asks_nothing_and_says_why(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    undo_text = demo_window.undo_action.text()
    type_in_field(qtbot, tab.top_fields["total"], "2900692")  # typed another way, the same grant
    tab.replace_top_slice()
    said = (f"Not replaced: the figures on the page are the saved top-slice {TITLE}'s already; there is nothing to "
            "change.")
    assert prompts.questions == [] and prompts.errors == [("Replace saved top-slice", said)]
    assert tab.top_slice_problem.text() == f"⚠ {said}"
    type_in_field(qtbot, tab.top_fields["partners"], "0")
    tab.replace_top_slice()
    assert prompts.questions == [] and prompts.errors[-1] == (
        "Replace saved top-slice", "Not replaced: Equal shares: there must be at least one partner to share with.")
    assert saved(demo_window)[TITLE].partners == 9 and demo_window.undo_action.text() == undo_text


def test_remove_takes_it_out_leaving_its_figures_to_save_again_and_undo_brings_it_back(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    assert tab.top_slice_remove_button.text() == "Remove saved (&/)"
    before = saved(demo_window)[TITLE]
    prompts.answers.append(True)
    qtbot.mouseClick(tab.top_slice_remove_button, Qt.MouseButton.LeftButton)
    assert prompts.questions == [("Remove saved top-slice", (
        f"Remove the saved top-slice {TITLE} from the file? Its section leaves the board report and the county "
        "workbook; its figures stay on the page, to save again. Edit > Undo brings it back."))]
    assert saved(demo_window) == {} and listed(tab) == [] and top_slice_sheet(demo_window.session.store) is None
    assert not tab.top_slice_replace_button.isEnabled() and not tab.top_slice_remove_button.isEnabled()
    assert tab.top_fields["total"].text() == "£2,900,692"  # to save again, under the right name or year
    assert dict(tab.top_slice_model.rows)["Each of 9 partners (equal share)"] == 145_034_60
    assert demo_window.undo_action.text() == f"&Undo remove top-slice {PRG}"

    demo_window.undo_action.trigger()
    assert saved(demo_window) == {TITLE: before} and listed(tab) == [TITLE]
    assert tab.top_slice_combo.currentText() == TITLE and tab.top_slice_remove_button.isEnabled()
    demo_window.redo_action.trigger()
    assert saved(demo_window) == {} and listed(tab) == []


def test_remove_cancelled_keeps_it(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    tab.remove_top_slice()  # the question answered No
    assert len(prompts.questions) == 1 and list(saved(demo_window)) == [TITLE] and listed(tab) == [TITLE]


def test_a_file_open_read_only_greys_them_and_refuses_them(qtbot, window, demo_path, prompts):
    assert window.open_path(demo_path, read_only=True)
    tab = top_slice_page(window, qtbot)
    assert not tab.top_slice_replace_button.isEnabled() and not tab.top_slice_remove_button.isEnabled()
    type_in_field(qtbot, tab.top_fields["total"], "£2,900,000")
    tab.replace_top_slice()  # reached some other way: refused all the same, nothing asked or written
    tab.remove_top_slice()
    assert prompts.questions == [] and [title for title, _ in prompts.errors] == [
        "Replace saved top-slice", "Remove saved top-slice"]
    assert prompts.errors[0][1].startswith("Not replaced: The file is open read-only: “Replace top-slice” was not")
    assert prompts.errors[1][1].startswith("Not removed: The file is open read-only: “Remove top-slice” was not")
    assert saved(window)[TITLE].total_pence == 2_900_692_00


def test_the_keys_alt_equals_and_alt_slash_reach_them(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    type_in_field(qtbot, tab.top_fields["total"], "£2,900,000")
    qtbot.keyClick(tab.top_fields["total"], Qt.Key.Key_Equal, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(prompts.questions) == 1, timeout=5000)  # a button's key clicks it a moment later
    assert prompts.questions[0][0] == "Replace saved top-slice"
    qtbot.keyClick(tab.top_fields["total"], Qt.Key.Key_Slash, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(prompts.questions) == 2, timeout=5000)
    assert prompts.questions[1][0] == "Remove saved top-slice"


def test_a_top_slice_removed_meanwhile_or_none_chosen_is_refused(demo_store):
    presenter = AllocationPresenter(demo_store)
    (item,) = service.list_top_slices(demo_store)
    fields = {"total": "£1,000,000", "slice": "50", "slice_label": "LSP share", "retained": "10", "partners": "9",
              "scenario": "20"}
    assert presenter.replace_top_slice_question(item.id, fields).startswith("Replace the figures")
    service.delete_top_slice(demo_store, item.id)  # a merge, another copy of the window
    assert not presenter.replace_top_slice(item.id, fields)
    assert presenter.top_slice_error == ("Not replaced: That top-slice is no longer in the file (removed meanwhile); "
                                         "nothing was changed.")
    assert not presenter.remove_top_slice(item.id)
    assert presenter.top_slice_error.startswith("Not removed: That top-slice is no longer in the file")
    assert not presenter.remove_top_slice(None)
    assert presenter.top_slice_error == "Not removed: There is no saved top-slice to remove."
    assert not presenter.replace_top_slice(None, fields)
    assert presenter.top_slice_error == ("Not replaced: There is no saved top-slice to replace (Save top-slice… keeps "
                                         "the figures as a new one).")


def test_the_service_replaces_figures_keeping_name_year_and_id_and_removes(store):
    slice_id = service.save_top_slice(store, "PRG", "2009/10", 2_900_692_00, slices=[("LSP share", Fraction(1, 2))],
                                      remainder_label="SSP share", retained=Fraction(1, 10), partners=9,
                                      scenario=Fraction(1, 5))
    was = service.replace_top_slice(store, slice_id, 2_900_000_00, slices=[("LSPs", Fraction(2, 5))],
                                    remainder_label="SSP share", retained=Fraction(0), partners=8,
                                    scenario=Fraction(1, 10))
    assert was.total_pence == 2_900_692_00
    (now,) = service.list_top_slices(store)
    assert (now.id, now.name, now.year, now.total_pence, now.slices, now.retained, now.partners, now.scenario) == (
        slice_id, "PRG", "2009/10", 2_900_000_00, (("LSPs", Fraction(2, 5)),), Fraction(0), 8, Fraction(1, 10))
    assert service.delete_top_slice(store, slice_id) == now and service.list_top_slices(store) == []
    with pytest.raises(service.ScenarioError, match="no longer in the file"):
        service.delete_top_slice(store, slice_id)
    with pytest.raises(service.ScenarioError, match="no longer in the file"):
        service.replace_top_slice(store, slice_id, 1, slices=(), remainder_label="Rest", retained=Fraction(0),
                                  partners=1, scenario=Fraction(0))


def test_save_under_a_name_the_year_has_says_how_to_change_that_one(qtbot, demo_window, prompts):
    """Save top-slice… still writes no saved top-slice over; its refusal says the way to put the figures in it."""
    tab = top_slice_page(demo_window, qtbot)
    type_in_field(qtbot, tab.top_fields["total"], "£2,900,000")
    prompts.texts += [PRG, "2009-10"]
    tab.save_top_slice()
    assert prompts.errors == [("Save top-slice", (
        f"Not saved: There is already a 2009/10 top-slice called “{PRG}”; choose another name (a saved top-slice is "
        "not written over). To put the figures on the page in it, choose it under Saved top-slices and press Replace "
        "saved."))]
    assert saved(demo_window)[TITLE].total_pence == 2_900_692_00
