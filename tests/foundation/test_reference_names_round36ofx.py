"""Round 36 (ofx): names as a new officer types them in View > Districts, Partnerships and Partners… and on the
command line. What the dialog shows, the DHR ledger prints and the History of Changes says is the name held."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.history import history_lines
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


def _dialog(window, store, qtbot):
    window.set_store(store)
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    return dialog


def _type(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_a_partner_or_partnership_typed_with_odd_spaces_is_held_with_single_spaces(store):
    """"suffolk  constabulary" (two spaces) was held as typed: the dialog and `safer-desk dhr-ledger` showed the two
    spaces, the History of Changes one, so what was shown and what was held differed. Spaces are tidied as typed."""
    org = ref.add_organisation(store, "  suffolk  constabulary ", "police")
    assert [o.name for o in ref.list_organisations(store)] == ["suffolk constabulary"]
    ref.add_partnership(store, "Western \t Suffolk  CSP", members=[("Suffolk Constabulary", True)],
                        valid_from="1/4/18")
    assert [p.name for p in ref.list_partnerships(store)] == ["Western Suffolk CSP"]
    assert [o.id for o in ref.statutory_partners(store, "partnership:western-suffolk-csp")] == [org]


def test_a_partner_already_there_under_another_case_is_named_as_held_and_what_to_do_said(window, store, qtbot,
                                                                                        prompts):
    """"Suffolk Constabulary" added where "suffolk constabulary" is: the refusal named the one typed, as if it
    were there under that spelling, and said nothing of what to do."""
    ref.add_organisation(store, "suffolk constabulary", "police")
    ref.add_partnership(store, "western suffolk csp")
    dialog = _dialog(window, store, qtbot)
    page = dialog.organisations
    _type(qtbot, page.name_edit, "Suffolk Constabulary")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    title, text = prompts.errors[-1]
    assert "called suffolk constabulary" in text and "Suffolk Constabulary" not in text, text
    assert "use that one" in text, text
    page = dialog.partnerships
    _type(qtbot, page.name_edit, "Western Suffolk CSP")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    title, text = prompts.errors[-1]
    assert "called western suffolk csp" in text and "use that one" in text, text
    assert [o.name for o in ref.list_organisations(store)] == ["suffolk constabulary"]


def test_a_district_typed_with_odd_spaces_or_case_is_named_as_held_by_undo_and_the_history(window, store, qtbot,
                                                                                           prompts):
    """"forest  heath" is added as Forest Heath (the police.uk lookup's spelling), but Edit > Undo said "Undo add
    district forest  heath" and the History of Changes' action "Add district forest  heath"."""
    page = _dialog(window, store, qtbot).districts
    _type(qtbot, page.name_edit, "forest  heath")
    _type(qtbot, page.county_edit, "Suffolk")
    _type(qtbot, page.to_edit, "31/3/19")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors
    assert [(d.name, d.valid_to) for d in ref.list_districts(store)] == [("Forest Heath", "2019-03-31")]
    assert window.undo_action.text() == "&Undo add district Forest Heath"
    assert history_lines(store)[0].action == "Add district Forest Heath"


def test_a_partnership_or_district_mistyped_on_the_command_line_is_quoted_in_words_not_as_python(tmp_path):
    """`safer-desk office FILE --partnership "Westren Suffolk CSP"` said "There is no partnership called 'Westren
    Suffolk CSP'", quoted as Python writes a string (a name with an apostrophe came in double quotes)."""
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True, office_name="West Suffolk office")
    ref.add_partnership(store, "Western Suffolk CSP")
    store.close()
    code, out, err = cli_output(["office", str(path), "--partnership", "Westren Suffolk CSP"])
    said = "there is no partnership called “Westren Suffolk CSP” (did you mean Western Suffolk CSP?)"
    assert code == 1 and said in err, err
    code, out, err = cli_output(["office", str(path), "--district", "King's Lynnn and West Norfolk"])
    assert code == 1 and "there is no district called “King's Lynnn and West Norfolk”" in err, err
    assert "\"King's" not in err, err
