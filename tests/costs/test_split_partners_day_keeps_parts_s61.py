"""Costs > Reviews > Split…: a change of the day in Partners on dropped, with no word, the percentages typed for the
partners not statutory partners on the new day, and typing the day back did not bring them back.

WSCSP-DHR-2017-02's split is listed among the Western Suffolk CSP's eleven partners of 13/11/2017. An officer typed
ten percent for each of nine and five for two, then tried today's partners: Forest Heath and St Edmundsbury (West
Suffolk Council since 01/04/2019) left the grid with their 10% each, the total said 80% with nothing to say where the
other 20% went, and going back to 13/11/2017 showed them blank. The percentages of partners still listed are kept; those
of the others are set aside, named above the grid, and put back when their day is typed again; so is a capped
split's partner paying first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.dhr import SplitKind
from safer_desk.services import dhr
from tests.costs.test_split_partners_on_review_day_s60 import NOW, THEN, TODAY, costed_case_split_dialog, names
from tests.costs.test_split_partners_on_review_day_s60 import presenter as review_presenter

presenter = review_presenter  # the fixture: the example's WSCSP-DHR-2017-02 costed, selected on the Reviews page

REVIEW_DAY = "13/11/2017"


def typed_split(split):
    split.set_kind(SplitKind.PERCENTAGES)
    for i, (oid, _name) in enumerate(split.partners):
        split.set_percent(oid, "10" if i < 9 else "5")
    assert split.total_bp == 10000
    return {name: split.percents[oid] for oid, name in split.partners}


def test_another_day_keeps_the_parts_of_partners_still_listed_and_names_those_set_aside(presenter):
    split = presenter.split_form()
    typed = typed_split(split)
    assert split.set_partners_on(TODAY.strftime("%d/%m/%Y"))
    now = {name: split.percents[oid] for oid, name in split.partners}
    assert all(now[name] == typed[name] for name in typed if name not in THEN) and now[NOW] == ""
    said = split.partners_said()
    assert all(f"{name} (10%)" in said for name in THEN) and TODAY.strftime("%d/%m/%Y") in said, said
    assert split.problem() == "The percentages add up to 80%, not 100%."
    assert split.set_partners_on(REVIEW_DAY)  # the day typed back: every part as typed
    assert {name: split.percents[oid] for oid, name in split.partners} == typed
    assert "10%" not in split.partners_said() and split.total_bp == 10000
    assert split.save(), split.form_message


def test_a_part_set_aside_is_not_saved_and_a_part_cleared_is_not_put_back(presenter):
    split = presenter.split_form()
    typed_split(split)
    split.set_partners_on(TODAY.strftime("%d/%m/%Y"))
    babergh = next(oid for oid, name in split.partners if name == "Babergh District Council")
    split.set_percent(babergh, "")
    split.set_partners_on(REVIEW_DAY)
    assert split.percents[babergh] == ""
    split.set_partners_on(TODAY.strftime("%d/%m/%Y"))
    split.share_equally()
    assert split.save(), split.form_message
    saved = dhr.split_rule(presenter.store, presenter.selected).percent_bp
    assert len(saved) == 10 and not names(presenter.store, saved) & THEN


def test_the_window_split_dialog_says_which_parts_are_set_aside(demo_window, qtbot):
    page, case_id, dialog = costed_case_split_dialog(demo_window, qtbot)
    try:
        dialog.kind.setCurrentIndex(dialog.kind.findData(SplitKind.PERCENTAGES.value))
        for i, edit in enumerate(dialog.percent_edits.values()):
            qtbot.keyClicks(edit, "10" if i < 9 else "5")
        for day in (TODAY.strftime("%d/%m/%Y"), REVIEW_DAY):
            dialog.partners_on.setFocus()
            dialog.partners_on.edit.selectAll()
            qtbot.keyClicks(dialog.partners_on.edit, day)
            dialog.partners_on.edit.editingFinished.emit()  # the day is taken as the field is left
            if day != REVIEW_DAY:
                note = dialog.partners_note.text()
                assert dialog.partners_note.isVisibleTo(dialog) and all(f"{n} (10%)" in note for n in THEN), note
        assert sorted(e.text() for e in dialog.percent_edits.values()) == sorted(["10"] * 9 + ["5"] * 2)
        assert dialog.split.total_bp == 10000
    finally:
        dialog.reject()


def test_enter_in_partners_on_takes_the_day_and_saves_nothing(demo_window, qtbot):
    """Enter in Partners on took the day and pressed Save, the dialog's default button, too: with the percentages
    adding up the split was saved and the dialog closed under the officer, who had only typed a day; with them not,
    it said "Not saved: …" of a save nobody asked for."""
    page, case_id, dialog = costed_case_split_dialog(demo_window, qtbot)
    try:
        dialog.kind.setCurrentIndex(dialog.kind.findData(SplitKind.PERCENTAGES.value))
        for edit in list(dialog.percent_edits.values())[:10]:  # Share equally makes eleven Equal shares
            qtbot.keyClicks(edit, "10")
        assert dialog.split.total_bp == 10000
        for day, partners in (("20/09/2018", 11), (TODAY.strftime("%d/%m/%Y"), 10)):
            dialog.partners_on.setFocus()
            dialog.partners_on.edit.selectAll()
            qtbot.keyClicks(dialog.partners_on.edit, day)
            qtbot.keyClick(dialog.partners_on.edit, Qt.Key.Key_Return)
            assert dialog.isVisible() and len(dialog.split.partners) == partners
            assert "Not saved" not in dialog.message.text(), dialog.message.text()
            assert dhr.split_rule(page.store, case_id).kind != "percentages"  # nothing saved
        assert dialog.split.is_dirty
    finally:
        dialog.reject()


def test_the_partner_paying_first_is_set_aside_and_put_back_as_the_percentages_are(presenter):
    """A capped split's partner paying first, Forest Heath, went from the choice with no word when today's partners
    were listed, and was not chosen again when the review's day was typed back."""
    split = presenter.split_form()
    forest_heath = next(oid for oid, name in split.partners if name == "Forest Heath District Council")
    split.set_kind(SplitKind.CAPPED)
    split.set_cap(payer=forest_heath, percent="50")
    split.set_partners_on(TODAY.strftime("%d/%m/%Y"))
    assert split.cap_payer == ""
    said = split.partners_said()
    assert "Forest Heath District Council, paying first" in said and TODAY.strftime("%d/%m/%Y") in said, said
    split.set_partners_on(REVIEW_DAY)
    assert split.cap_payer == forest_heath and "Set aside" not in split.partners_said()
    assert split.save(), split.form_message
