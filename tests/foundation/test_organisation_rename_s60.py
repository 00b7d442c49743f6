"""Round s60: a statutory partner renamed, in View > Districts, Partnerships and Partners….

The National Probation Service became The Probation Service in 2021 (Suffolk Probation Trust had become part of it in
2014), and a name may simply be mistyped. The dialog could add and remove an organisation, never rename one: one in
use (a review's bills, a fund's contributions, a membership) could not even be removed. Its reviews' bills, shares,
payments and refunds, fund contributions and memberships name it by its id, so *Edit organisation…* renames it in
place as one undoable step, checked as Add checks a name; the History of Changes says the old name and the new.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from safer_desk.domain.ids import reference_id
from safer_desk.presenters import office
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.services import reference as ref
from tests.exchange.helpers import cli_output

NPS = reference_id("org", "National Probation Service")
WSCSP = reference_id("partnership", "Western Suffolk CSP")


def _ledger(path) -> dict[str, str]:
    code, out, _err = cli_output(["dhr-ledger", str(path)])
    assert code == 0
    rows = out.splitlines()[1:]
    return {r.split(",", 1)[0]: r.split(",", 1)[1] for r in rows}


def test_a_partner_renamed_keeps_its_bills_payments_and_membership(demo_store, demo_path):
    before = _ledger(demo_path)
    ref.edit_organisation(demo_store, NPS, name="The Probation Service")
    after = _ledger(demo_path)
    assert "National Probation Service" not in after
    assert after["The Probation Service"] == before["National Probation Service"]  # billed, refused … as they were
    assert {k: v for k, v in after.items() if k != "The Probation Service"} == \
        {k: v for k, v in before.items() if k != "National Probation Service"}
    assert "The Probation Service" in [o.name for o in ref.statutory_partners(demo_store, WSCSP)]


@pytest.mark.parametrize("typed, said", [
    ("", "An organisation needs a name."),
    ("   ", "An organisation needs a name."),
    ("suffolk  CONSTABULARY", "There is already an organisation called Suffolk Constabulary"),
    ("Suffolk-Constabulary", "There is already an organisation called Suffolk Constabulary "
                             "(“Suffolk-Constabulary” is the same name written another way)"),
])
def test_a_name_add_would_refuse_is_refused(demo_store, typed, said):
    with pytest.raises(ref.ReferenceError) as refused:
        ref.edit_organisation(demo_store, NPS, name=typed)
    assert str(refused.value).startswith(said), str(refused.value)
    assert ref.held_name(demo_store, "organisation", NPS) == "National Probation Service"


def test_its_own_name_in_other_capitals_or_spaces_is_a_correction(demo_store):
    ref.edit_organisation(demo_store, NPS, name="  national  probation service ")
    assert ref.held_name(demo_store, "organisation", NPS) == "national probation service"


def test_the_old_name_is_free_again_and_the_new_one_taken(demo_store):
    """Its id stays the one its old name gave: adding the old name again was the renamed one, silently."""
    ref.edit_organisation(demo_store, NPS, name="The Probation Service")
    assert ref.name_taken(demo_store, "organisation", "National Probation Service") == ""
    assert ref.name_taken(demo_store, "organisation", "the probation  service") == "The Probation Service"
    added = ref.add_organisation(demo_store, "National Probation Service", "probation")
    assert added != NPS
    assert {ref.held_name(demo_store, "organisation", i) for i in (added, NPS)} == \
        {"National Probation Service", "The Probation Service"}
    # a partnership's members named as the list names them now
    ref.add_partnership(demo_store, "Ipswich CSP 2024", members=[("The Probation Service", True)])
    assert [o.id for o in ref.statutory_partners(demo_store, reference_id("partnership", "Ipswich CSP 2024"))] \
        == [NPS]


def test_one_undoable_step_that_the_history_says_old_to_new(demo_store):
    log = ActionLog()
    action = office.edit_organisation_action(demo_store, NPS, "The Probation Service")
    assert action.text == "Rename organisation National Probation Service to The Probation Service"
    log(action)
    line = history_lines(demo_store)[0]
    assert line.action == "Rename organisation National Probation Service to The Probation Service"
    said = " ".join((line.summary, *line.details))
    assert "National Probation Service" in said and "The Probation Service" in said, said
    log.undo()
    assert ref.held_name(demo_store, "organisation", NPS) == "National Probation Service"
    log.redo()
    assert ref.held_name(demo_store, "organisation", NPS) == "The Probation Service"
    assert office.edit_organisation_action(demo_store, NPS, "The Probation Service") is None  # nothing to change


def test_undo_refused_when_the_old_name_has_been_taken_since(demo_store):
    log = ActionLog()
    log(office.edit_organisation_action(demo_store, NPS, "The Probation Service"))
    ref.add_organisation(demo_store, "National Probation Service")
    with pytest.raises(ref.ReferenceError, match="There is already an organisation called National Probation"):
        log.undo()
    assert ref.held_name(demo_store, "organisation", NPS) == "The Probation Service"


def _dialog(window, qtbot):
    window.resize(1093, 582)
    window.show()
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentWidget(dialog.organisations)
    return dialog


def _choose(page, name, qtbot):
    for r in range(page.proxy.rowCount()):
        if page.proxy.index(r, 0).data() == name:
            page.view.selectRow(r)
    assert [o.name for o in page.selected()] == [name]


def test_the_dialog_renames_it_and_edit_undo_puts_it_back(demo_window, qtbot, prompts, tmp_path):
    dialog = _dialog(demo_window, qtbot)
    page = dialog.organisations
    assert not page.edit_button.isEnabled()  # nothing chosen
    _choose(page, "National Probation Service", qtbot)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    qtbot.waitExposed(form)
    name = form.view.widgets["name"]
    name.selectAll()
    qtbot.keyClicks(name, "Suffolk Constabulary")
    qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)
    assert "There is already an organisation called Suffolk Constabulary" in form.view.messages["name"].text()
    assert form.isVisible()
    name.selectAll()
    qtbot.keyClicks(name, "The Probation Service")
    qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert "The Probation Service" in shown and "National Probation Service" not in shown
    assert demo_window.undo_action.text() == \
        "&Undo rename organisation National Probation Service to The Probation Service"
    demo_window.undo_action.trigger()
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert "National Probation Service" in shown and "The Probation Service" not in shown
    assert not prompts.errors


def test_the_edit_form_fits_a_laptop_and_every_button_has_an_alt_key(demo_window, qtbot, tmp_path):
    dialog = _dialog(demo_window, qtbot)
    page = dialog.organisations
    _choose(page, "National Probation Service", qtbot)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    qtbot.waitExposed(form)
    QApplication.processEvents()
    assert form.width() <= 1093 and form.height() <= 582
    assert dialog.width() <= 1093 and dialog.height() <= 582
    # Cancel and Close are the kit's, pressed by Esc as in every form and list window, with no letter (the guide)
    for shown in (dialog, form):
        buttons = [b for b in shown.findChildren(QPushButton) if b.isVisible() and b.text() not in ("Cancel", "Close")]
        assert buttons
        assert [b.text() for b in buttons if "&" not in b.text()] == [], shown
    keys = [b.text().split("&")[1][0].lower() for b in dialog.findChildren(QPushButton)
            if b.isVisible() and b.window() is dialog and "&" in b.text()]
    assert len(keys) == len(set(keys)), keys  # no Alt key used twice on the page in view
    form.grab().save(str(tmp_path / "edit-organisation.png"))
    dialog.grab().save(str(tmp_path / "organisations.png"))
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not form.isVisible())
    assert ref.held_name(demo_window.session.store, "organisation", NPS) == "National Probation Service"


def test_a_read_only_file_offers_no_rename(window, tmp_path, qtbot):
    from safer_desk.storage.store import open_store

    path = tmp_path / "ro.sqlite"
    with open_store(path, create=True) as made:
        ref.add_organisation(made, "National Probation Service", "probation")
    window.set_store(open_store(path, read_only=True))
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    page = dialog.organisations
    _choose(page, "National Probation Service", qtbot)
    assert not page.edit_button.isEnabled()
    page.edit_selected()
    assert page.edit_dialog is None


def test_enter_on_the_row_opens_it_and_the_partnerships_page_names_it_anew(demo_window, qtbot, prompts):
    dialog = _dialog(demo_window, qtbot)
    page = dialog.organisations
    _choose(page, "National Probation Service", qtbot)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    form = page.edit_dialog
    assert form is not None
    qtbot.waitExposed(form)
    name = form.view.widgets["name"]
    name.selectAll()
    qtbot.keyClicks(name, "The Probation Service")
    qtbot.keyClick(name, Qt.Key.Key_Return)  # Enter in a field saves, as in every form
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not form.isVisible())
    members = dialog.partnerships.member_list
    listed = [members.item(i).text() for i in range(members.count())]
    assert "The Probation Service" in listed and "National Probation Service" not in listed
    assert not prompts.errors


def test_the_costs_tab_names_it_anew(costs_tab, demo_window, qtbot):
    from PySide6.QtWidgets import QAbstractItemView

    def shown() -> str:
        cells = []
        for view in costs_tab.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            cells += [str(model.index(r, c).data() or "") for r in range(model.rowCount())
                      for c in range(model.columnCount())]
        return "\n".join(cells)

    assert "National Probation Service" in shown().splitlines()
    dialog = _dialog(demo_window, qtbot)
    page = dialog.organisations
    _choose(page, "National Probation Service", qtbot)
    page.edit_selected()
    form = page.edit_dialog
    name = form.view.widgets["name"]
    name.selectAll()
    qtbot.keyClicks(name, "The Probation Service")
    qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not costs_tab.is_busy(), timeout=10000)
    qtbot.waitUntil(lambda: "The Probation Service" in shown(), timeout=10000)
    # no cell names it by the old name (a refusal's reason, typed as the partner wrote it, is kept as typed)
    assert "National Probation Service" not in shown().splitlines()
