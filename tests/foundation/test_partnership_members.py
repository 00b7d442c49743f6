"""A partnership's members change by date: the papers' CCGs left Western Suffolk CSP on 30/06/2022 and the ICB
that replaced them joined on 01/07/2022. The dialog could not record it (Add refused a partnership that existed,
and members took the partnership's own dates), and its "Statutory partners" column counted every member ever."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.history import history_lines
from safer_desk.services import reference as ref

PID = "partnership:western-suffolk-csp"
CCG, ICB, SCC = "NHS West Suffolk CCG", "NHS Suffolk and North East Essex ICB", "Suffolk County Council"


@pytest.fixture
def western(store):
    for name in (SCC, CCG, ICB):
        ref.add_organisation(store, name, "health" if "NHS" in name else "county council")
    ref.add_partnership(store, "Western Suffolk CSP", members=[(SCC, True), (CCG, True)], valid_from="2017-04-01")
    return store


def _member(store, name):
    return next(m for m in ref.partnership_members(store, PID) if m.name == name)


def _names(store, day):
    return [o.name for o in ref.statutory_partners(store, PID, day)]


# -- the services ----------------------------------------------------------------------------------------------

def test_ending_and_adding_members_changes_the_partners_by_date(western):
    ref.end_membership(western, _member(western, CCG).id, "30/06/2022")
    ref.add_membership(western, PID, "org:" + ICB.lower().replace(" ", "-"), date(2022, 7, 1))
    assert _names(western, date(2022, 6, 30)) == [CCG, SCC]
    assert _names(western, date(2022, 7, 1)) == [ICB, SCC]
    icb = _member(western, ICB)
    assert (icb.valid_from, icb.valid_to, icb.statutory) == (date(2022, 7, 1), None, True)
    assert western.scalar("SELECT valid_to FROM partnership_members WHERE id = ?", (_member(western, CCG).id,)) \
        == "2022-06-30"


def test_impossible_membership_dates_are_refused_naming_the_field(western):
    ccg = _member(western, CCG)
    with pytest.raises(ref.MembershipError, match="before") as caught:
        ref.end_membership(western, ccg.id, "31/03/2017")
    assert caught.value.field == "valid_to"
    with pytest.raises(ref.MembershipError, match="31/02/2022") as caught:
        ref.end_membership(western, ccg.id, "31/02/2022")
    assert caught.value.field == "valid_to"
    icb = ref.reference_id("org", ICB)
    with pytest.raises(ref.MembershipError, match="before") as caught:
        ref.add_membership(western, PID, icb, "01/07/2022", "30/06/2022")
    assert caught.value.field == "valid_to"
    # the CCG is a member from 01/04/2017 with no end: it cannot join again while it is one
    with pytest.raises(ref.MembershipError, match=f"{CCG} is already a member of Western Suffolk CSP") as caught:
        ref.add_membership(western, PID, ccg.organisation_id, "01/07/2022")
    assert caught.value.field == "organisation"
    ref.end_membership(western, ccg.id, "30/06/2022")
    with pytest.raises(ref.MembershipError, match="30/06/2022"):
        ref.add_membership(western, PID, ccg.organisation_id, "01/01/2020", "31/12/2020")
    ref.add_membership(western, PID, ccg.organisation_id, "01/04/2024")  # it rejoins after its time ended
    # and ending a membership cannot make it overlap another of the same organisation's
    assert [m.valid_from for m in ref.partnership_members(western, PID) if m.name == CCG] == [
        date(2017, 4, 1), date(2024, 4, 1)]
    assert _names(western, date(2023, 1, 1)) == [SCC]
    assert _names(western, date(2024, 4, 1)) == [CCG, SCC]


def test_each_change_is_one_transaction_and_reads_in_words_in_the_history(western):
    with western.action("End membership of NHS West Suffolk CCG in Western Suffolk CSP on 30/06/2022"):
        ref.end_membership(western, _member(western, CCG).id, "30/06/2022")
    line = history_lines(western)[0]
    words = " ".join((line.action, line.summary, *line.details))
    assert "partnership member" in words and "30 Jun 2022" in words, words
    assert "Western Suffolk CSP" in words and CCG in words, words
    assert line.areas == ("Districts and partners",)


def test_a_members_dates_read_in_the_history_as_the_dialog_names_them(western):
    """Ending the CCG's membership read "Changed the valid to of partnership member …": the column's name, not the
    dialog's word for it (To, its last day). Dates read as the rest of the History reads them."""
    with western.action("End membership of NHS West Suffolk CCG in Western Suffolk CSP on 30/06/2022"):
        ref.end_membership(western, _member(western, CCG).id, "30/06/2022")
    with western.action("Add NHS Suffolk and North East Essex ICB to Western Suffolk CSP from 01/07/2022"):
        ref.add_membership(western, PID, ref.reference_id("org", ICB), "01/07/2022", statutory=False)
    added, ended = history_lines(western)[:2]
    assert ended.details == (f"Changed the last day of partnership member of {CCG}, Western Suffolk CSP "
                             "from (blank) to 30 Jun 2022",)
    assert "first day 1 Jul 2022" in added.details[0] and "valid" not in added.details[0], added.details
    assert "statutory no" in added.details[0], added.details


# -- the dialog ------------------------------------------------------------------------------------------------

def open_partnership(window, store, qtbot):
    """The reference dialog's Partnerships page with Western Suffolk CSP chosen: (dialog, page)."""
    window.set_store(store)
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    page = dialog.partnerships
    dialog.pages.setCurrentWidget(page)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "Western Suffolk CSP")
    page.view.selectRow(row)
    return dialog, page


def _partners_cell(page) -> str:
    column = next(c for c in range(page.model.columnCount())
                  if page.model.headerData(c, Qt.Orientation.Horizontal) == "Statutory partners")
    return page.proxy.index(0, column).data()


def test_the_window_ends_a_membership_and_adds_a_member_each_as_one_undoable_step(window, western, qtbot, prompts):
    _, page = open_partnership(window, western, qtbot)
    assert _partners_cell(page) == "2"
    # End membership of the CCG on 30/06/2022
    page.members_view.selectRow(next(r for r in range(page.members_model.rowCount())
                                     if page.members_model.row(r).name == CCG))
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2017")
    assert not form.save()
    assert "before" in form.form.message("valid_to")  # refused beside the field
    form.editors["valid_to"].edit.clear()
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/02/2022")
    assert not form.save() and "31/02/2022" in form.form.message("valid_to")
    form.editors["valid_to"].edit.clear()
    qtbot.keyClicks(form.editors["valid_to"].edit, "30/06/2022")
    assert form.save() and not form.isVisible()
    assert window.undo_action.text() == (
        "&Undo end membership of NHS West Suffolk CCG in Western Suffolk CSP on 30/06/2022")
    assert _names(western, date(2022, 7, 1)) == [SCC]
    assert _partners_cell(page) == "1"  # today's partners
    # Add the ICB from 01/07/2022; the CCG cannot come back while it is a member
    qtbot.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    form.set_value("organisation", ref.reference_id("org", CCG))
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/01/2020")
    assert not form.save() and "already a member" in form.form.message("organisation")
    form.set_value("organisation", ref.reference_id("org", ICB))
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/07/2022")
    assert form.save()
    assert window.undo_action.text() == "&Undo add NHS Suffolk and North East Essex ICB to Western Suffolk CSP " \
                                        "from 01/07/2022"
    assert _names(western, date(2022, 6, 30)) == [CCG, SCC]
    assert _names(western, date(2022, 7, 1)) == [ICB, SCC]
    assert _partners_cell(page) == "2"
    assert sorted(page.members_model.row(r).name for r in range(page.members_model.rowCount())) == [ICB, CCG, SCC]
    # undo both, redo both: the same rows
    after = sorted(tuple(r) for r in western.rows("SELECT * FROM partnership_members"))
    window.undo_action.trigger()
    assert _names(western, date(2022, 7, 1)) == [SCC]
    window.undo_action.trigger()
    assert _names(western, date(2022, 7, 1)) == [CCG, SCC] and _partners_cell(page) == "2"
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert sorted(tuple(r) for r in western.rows("SELECT * FROM partnership_members")) == after
    assert not prompts.errors
    line = history_lines(western)[0]
    assert line.action.casefold().endswith(f"add {ICB} to Western Suffolk CSP from 01/07/2022".casefold())
    assert "partnership member" in line.summary and ICB in line.summary


def test_statutory_partners_column_counts_todays_and_says_so(window, western, qtbot, prompts):
    ref.end_membership(western, _member(western, CCG).id, "30/06/2022")
    _, page = open_partnership(window, western, qtbot)
    assert _partners_cell(page) == "1"
    column = next(c for c in range(page.model.columnCount())
                  if page.model.headerData(c, Qt.Orientation.Horizontal) == "Statutory partners")
    tip = page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip and "today" in tip


def test_partnerships_dates_read_dd_mm_yyyy_and_sort_by_date(window, western, qtbot, prompts):
    """The Partnerships table showed its From and To as stored (2017-04-01) above a members table showing
    01/07/2022: both read as typed, and still sort by date (not by the text, where 01/07/2022 comes first)."""
    ref.add_partnership(western, "Babergh CSP", valid_from="2022-07-01", valid_to="2025-03-31")
    western.conn.execute("UPDATE partnerships SET valid_from = '31/03/2017' WHERE name = 'Western Suffolk CSP'")
    _, page = open_partnership(window, western, qtbot)  # a file written before dates were checked holds them as typed
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    first, last = headers.index("From"), headers.index("To")
    page.proxy.sort(first, Qt.SortOrder.AscendingOrder)
    rows = [(page.proxy.index(r, 0).data(), page.proxy.index(r, first).data(), page.proxy.index(r, last).data())
            for r in range(page.proxy.rowCount())]
    assert rows == [("Western Suffolk CSP", "31/03/2017", ""), ("Babergh CSP", "01/07/2022", "31/03/2025")]
    page.proxy.sort(first, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, first).data() == "01/07/2022"


def test_add_member_can_add_a_member_that_is_not_a_statutory_partner(window, western, qtbot, prompts):
    """Add member… always added a statutory partner (the members table has a Statutory column, the form no way to
    say No): a Statutory check box, ticked unless the person unticks it."""
    from PySide6.QtWidgets import QCheckBox

    _, page = open_partnership(window, western, qtbot)
    qtbot.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    box = form.editors["statutory"]
    assert isinstance(box, QCheckBox) and box.isChecked()
    form.set_value("organisation", ref.reference_id("org", ICB))
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/07/2022")
    box.click()
    assert form.save(), form.form.messages
    icb = _member(western, ICB)
    assert (icb.valid_from, icb.statutory) == (date(2022, 7, 1), False)
    assert _names(western, date(2022, 7, 1)) == [CCG, SCC] and _partners_cell(page) == "2"
    row = next(r for r in range(page.members_model.rowCount()) if page.members_model.row(r).name == ICB)
    assert page.members_model.index(row, 1).data() == "No"
    window.undo_action.trigger()
    assert ICB not in [m.name for m in ref.partnership_members(western, PID)]
    window.redo_action.trigger()
    assert _member(western, ICB).statutory is False
    # ticked again by default the next time; a statutory member counts among the partners
    qtbot.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    assert form.editors["statutory"].isChecked()
    form.set_value("organisation", ref.reference_id("org", ICB))
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/07/2022")
    assert not form.save() and "already a member" in form.form.message("organisation")
    assert not prompts.errors


def test_read_only_file_cannot_change_members(window, western, qtbot, tmp_path):
    from safer_desk.storage.store import open_store

    path = western.path
    western.close()
    window.set_store(open_store(path, read_only=True))
    window.show_reference()
    page = window._reference_dialog.partnerships
    qtbot.addWidget(window._reference_dialog)
    page.view.selectRow(0)
    assert not page.end_button.isEnabled() and not page.add_member_button.isEnabled()


@pytest.mark.parametrize("size", [(1093, 582), (1280, 690)], ids=["1366x768@125%", "1920x1080@150%"])
def test_the_members_and_every_button_are_in_view_at_laptop_sizes(demo_window, qtbot, size):
    from safer_desk.ui.reference import ReferenceDialog
    from tests.window_sizes import resize_window, widget_in_window

    resize_window(demo_window, size)
    dialog = ReferenceDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    page = dialog.partnerships
    dialog.pages.setCurrentWidget(page)
    dialog.show()
    qtbot.waitExposed(dialog)
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "Western Suffolk CSP"))
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    out = [w.text() for w in (page.add_button, page.remove_button, page.end_button, page.add_member_button)
           if not widget_in_window(w, dialog)]
    assert out == []
    assert widget_in_window(page.members_view, dialog) and widget_in_window(page.view, dialog)
    row = page.members_view.rowHeight(0)
    assert page.members_view.viewport().height() >= 2 * row  # at least two members in view
    assert page.view.viewport().height() >= 2 * page.view.rowHeight(0)
    assert page.members_model.rowCount() == 13  # the two councils to 2019, then West Suffolk Council; the ICB


def test_a_members_dates_outside_the_partnerships_own_are_refused_beside_the_date(western):
    icb = ref.reference_id("org", ICB)
    began = "before Western Suffolk CSP began: it runs from 01/04/2017"
    with pytest.raises(ref.MembershipError, match=began) as caught:
        ref.add_membership(western, PID, icb, "01/01/2001")  # the partnership began on 01/04/2017
    assert caught.value.field == "valid_from"
    with western.transaction():
        western.conn.execute("UPDATE partnerships SET valid_to = '2030-03-31' WHERE id = ?", (PID,))
    with pytest.raises(ref.MembershipError, match="after Western Suffolk CSP ended") as caught:
        ref.add_membership(western, PID, icb, "01/07/2022", "31/12/2040")
    assert caught.value.field == "valid_to" and "to 31/03/2030" in str(caught.value)
    with pytest.raises(ref.MembershipError, match="31/03/2030") as caught:
        ref.add_membership(western, PID, icb, "01/07/2022")  # open-ended in a partnership that ends
    assert caught.value.field == "valid_to"
    with pytest.raises(ref.MembershipError, match="after Western Suffolk CSP ended") as caught:
        ref.end_membership(western, _member(western, CCG).id, "30/06/2031")
    assert caught.value.field == "valid_to"
    ref.add_membership(western, PID, icb, "01/07/2022", "31/03/2030")  # within: kept
    assert _names(western, date(2030, 3, 31)) == [ICB, CCG, SCC]


def test_the_add_member_dialog_says_the_partnerships_dates_beside_from(window, western, qtbot, prompts):
    _, page = open_partnership(window, western, qtbot)
    qtbot.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    form.set_value("organisation", ref.reference_id("org", ICB))
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/01/2017")
    assert not form.save() and form.isVisible()
    assert "it runs from 01/04/2017" in form.form.message("valid_from")
    assert ICB not in {m.name for m in ref.partnership_members(western, PID)}
