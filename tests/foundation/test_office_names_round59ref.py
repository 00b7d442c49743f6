"""Round 59 (ref): a new office names its districts as its officers say them.

A Bristol officer's `safer-desk office FILE --district Bristol` was refused ("There is no district called
“Bristol”"), and Herefordshire's was asked "did you mean East Hertfordshire?", though the police.uk lookup the
import uses knows both (ONS writes them "Bristol, City of" and "Herefordshire, County of"). A district since merged
("Waveney", now East Suffolk) was met with "did you mean Waverley?", a district in Surrey: it now says what the
district became, so the officer names that one.
"""

from __future__ import annotations

import pytest

from safer_desk.services import reference as ref


@pytest.mark.parametrize("typed, held", [("Bristol", "Bristol, City of"),
                                         ("herefordshire", "Herefordshire, County of"),
                                         ("Kingston upon Hull", "Kingston upon Hull, City of"),
                                         ("The Vale of Glamorgan", "Vale of Glamorgan")])
def test_a_district_named_without_onss_formal_wording_is_the_district_the_import_files_figures_under(
        store, typed, held):
    scope = ref.set_office_scope(store, districts=[typed])
    assert [a.name for a in scope.districts] == [held]
    assert store.scalar("SELECT name FROM districts") == held  # where the police.uk import files its figures


@pytest.mark.parametrize("typed, became", [("Waveney", "East Suffolk"), ("Shepway", "Folkestone and Hythe"),
                                           ("Harrogate", "North Yorkshire")])
def test_a_district_since_merged_or_renamed_says_what_it_became_not_a_district_of_a_like_name(store, typed, became):
    with pytest.raises(ref.ReferenceError) as caught:
        ref.set_office_scope(store, districts=[typed])
    said = str(caught.value)
    assert f"{typed} is no longer a district" in said and f"name {became}" in said, said
    assert "did you mean" not in said
    assert store.scalar("SELECT count(*) FROM districts") == 0 and not ref.office_scope(store).is_set


def test_a_file_that_records_the_old_district_still_names_it(demo_path):
    """The example file holds Waveney (to 31/03/2019, Became East Suffolk): naming it is the office's choice."""
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        scope = ref.set_office_scope(store, partnerships=[], districts=["waveney"])
        assert [a.name for a in scope.districts] == ["Waveney"]
    finally:
        store.close()


def test_add_district_bristol_is_the_district_the_import_files_bristols_figures_under(window, store, qtbot, prompts):
    """Districts page, Add district "Bristol": it was added as a district of its own ("district:bristol") that no
    police.uk figure is ever filed under (they go to Bristol, City of), so Bristol's figures never showed for it and
    the lists held both. A district merged since (Waveney, to record a reorganisation) is still added as typed."""
    from PySide6.QtCore import Qt

    window.set_store(store)
    window.reference_action.trigger()
    page = window._reference_dialog.districts
    qtbot.addWidget(window._reference_dialog)
    for typed in ("Bristol", "Waveney"):
        qtbot.keyClicks(page.name_edit, typed)
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert sorted(d.name for d in ref.list_districts(store)) == ["Bristol, City of", "Waveney"]
    assert {page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())} == {"Bristol, City of", "Waveney"}
    assert window.session.undo_stack.undoText() == "Add district Waveney"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert ref.list_districts(store) == []


def test_office_details_filter_typed_with_a_merged_districts_name_says_what_it_became(window, qtbot, prompts,
                                                                                      tmp_path):
    """A new file's Office Details…, "Waveney" typed in the district filter: the list went empty with "No district's
    name contains "Waveney"", and the officer could not tell it had become East Suffolk (the list holds today's
    districts). The note now names it, and "East Suffolk" typed next finds it."""
    assert window.open_path(tmp_path / "waveney office.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    qtbot.keyClicks(dialog.district_filter, "waveney")
    assert dialog.district_list.count() == 0 and dialog.filter_note.isVisibleTo(dialog)
    assert "Waveney is part of East Suffolk now" in dialog.filter_note.text(), dialog.filter_note.text()
    dialog.district_filter.clear()
    qtbot.keyClicks(dialog.district_filter, "narnia")  # a name nobody knows: as before
    assert dialog.filter_note.text() == 'No district\'s name contains "narnia". Press Esc to clear the filter.'
    dialog.district_filter.clear()
    qtbot.keyClicks(dialog.district_filter, "East Suffolk")
    assert [dialog.district_list.item(i).text() for i in range(dialog.district_list.count())] == ["East Suffolk"]
    dialog.reject()


def test_edit_district_keeps_a_name_with_its_spaces_tidied_as_add_district_does(window, store, qtbot, prompts):
    """Edit district…, "Mid  Suffolk" typed with two spaces (or "ST  EDMUNDSBURY"): the name was kept with both,
    so every list, the office's scope and the board report said "Mid  Suffolk", though Add district and the other
    names of the file are held with their spaces tidied. An edit that tidies back to the name as it is changes
    nothing and leaves no step to undo."""
    from PySide6.QtCore import Qt

    ref.set_office_scope(store, districts=["Mid Suffolk"], county="Suffolk")
    window.set_store(store)
    window.show_reference()
    page = window._reference_dialog.districts
    qtbot.addWidget(window._reference_dialog)

    def edit(name: str) -> None:
        page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                                 if page.proxy.index(r, 0).data() in ("Mid Suffolk", "mid suffolk")))
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
        form = page.edit_dialog
        form.editors["name"].clear()
        qtbot.keyClicks(form.editors["name"], name)
        assert form.save()

    before = window.session.undo_stack.count()
    edit("Mid  Suffolk ")
    assert ref.held_name(store, "district", "district:mid-suffolk") == "Mid Suffolk"
    assert window.session.undo_stack.count() == before  # nothing corrected
    edit("mid  suffolk")
    assert ref.held_name(store, "district", "district:mid-suffolk") == "mid suffolk"
    assert [a.name for a in ref.office_scope(store).districts] == ["mid suffolk"]
    assert window.undo_action.text() == "&Undo edit district Mid Suffolk: name"


def test_a_welsh_district_ticked_for_an_english_county_is_asked_about_as_brighton_is(
        window, store, qtbot, prompts):
    """A Suffolk office's Office Details…, Cardiff ticked (the list holds every district of England and Wales): Save
    took it with no word, though a district of another county is asked about first, since its figures never count in
    the county's. Wales is not in the list of English counties, so its districts had no county to compare. (Scotland's
    council areas are not in the list: test_england_and_wales_only_s69.)"""
    from PySide6.QtCore import Qt

    from safer_desk.ui.office_dialog import OfficeDialog

    ref.set_office_scope(store, county="Suffolk")
    window.set_store(store)
    dialog = OfficeDialog(window.session, window)
    qtbot.addWidget(dialog)
    for name in ("Cardiff", "Newport"):
        dialog.district_filter.clear()
        qtbot.keyClicks(dialog.district_filter, name)
        dialog.set_checked(dialog.district_list, name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # answered No: back to the form
    assert prompts.questions == [("Office Details", "Cardiff (Wales) and Newport (Wales) are not in Suffolk "
                                                    "(the office's county): they would be listed among the office's "
                                                    "areas, but their figures would not be counted in Suffolk's. Save "
                                                    "them anyway?")]
    assert ref.office_scope(store).districts == ()


def test_the_command_line_warns_of_a_welsh_district_in_an_english_office_but_not_in_a_welsh_one(store, capsys):
    from tests.cli_run import run

    path = store.path
    store.close()
    code, out, err = run(capsys, "office", path, "--county", "Suffolk", "--district", "Cardiff")
    assert code == 0 and "Cardiff is in Wales, not Suffolk (the office's county)" in err, err
    code, out, err = run(capsys, "office", path, "--county", "Gwent", "--district", "Newport", "--district", "Torfaen")
    assert code == 0 and "is in Wales" not in err and "Districts named: Newport, Torfaen" in out, err


@pytest.mark.parametrize("typed, held", [("Caerdydd", "Cardiff"), ("Ynys Môn", "Isle of Anglesey"),
                                         ("ynys mon", "Isle of Anglesey"), ("Bro Morgannwg", "Vale of Glamorgan"),
                                         ("Sir Ddinbych", "Denbighshire"), ("Wrecsam", "Wrexham")])
def test_a_welsh_district_named_in_welsh_is_the_district_the_import_files_its_figures_under(store, typed, held):
    """A Welsh office names its district as its council does in Welsh ("Cyngor Caerdydd", "Ynys Môn"): it was refused
    with "Type its name as the council spells it", which the officer had. The police.uk lookup files the figures
    under the English name, so that is the district named; Add district holds it so too."""
    assert [a.name for a in ref.set_office_scope(store, districts=[typed]).districts] == [held]
    assert ref.district_spelling(store, typed) == held


def test_office_details_finds_a_welsh_district_by_its_welsh_name(window, qtbot, prompts, tmp_path):
    assert window.open_path(tmp_path / "caerdydd.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    qtbot.keyClicks(dialog.district_filter, "abertawe")
    assert [dialog.district_list.item(i).text() for i in range(dialog.district_list.count())] == ["Swansea"]
    dialog.reject()
