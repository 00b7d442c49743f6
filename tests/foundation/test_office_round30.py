"""Office Details as a new office fills it in (round 30): Babergh named on its own first, then the partnership Babergh
CSP (added in Partnerships…, covering Babergh) ticked. Babergh stayed ticked under "Districts the partnerships do not
cover", and Save recorded it twice: named through the partnership and on its own."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.office import OfficePresenter
from safer_desk.services import reference as ref
from safer_desk.ui.office_dialog import NAME_ROLE, OfficeDialog


def babergh_office(store):
    ref.set_office_scope(store, districts=["Babergh"], county="Suffolk")
    ref.add_partnership(store, "Babergh CSP", districts=["Babergh"])


def row(dialog, name):
    return next(dialog.district_list.item(i) for i in range(dialog.district_list.count())
                if dialog.district_list.item(i).data(NAME_ROLE) == name)


def test_a_district_the_ticked_partnership_covers_leaves_the_list_and_is_saved_once(window, store, qtbot):
    babergh_office(store)
    window.set_store(store)
    dialog = OfficeDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert row(dialog, "Babergh").checkState() == Qt.CheckState.Checked
    dialog.set_checked(dialog.partnership_list, "Babergh CSP")
    babergh = row(dialog, "Babergh")
    assert babergh.checkState() == Qt.CheckState.Unchecked and "Babergh CSP" in babergh.text()
    assert not babergh.flags() & Qt.ItemFlag.ItemIsEnabled  # covered: not ticked on its own
    assert dialog.ticked_line.text() == "Ticked: none"
    dialog.set_checked(dialog.partnership_list, "Babergh CSP", False)  # changed their mind: named on its own again
    assert row(dialog, "Babergh").checkState() == Qt.CheckState.Checked
    dialog.set_checked(dialog.partnership_list, "Babergh CSP")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    scope = ref.office_scope(store)
    assert [a.name for a in scope.partnerships] == ["Babergh CSP"] and scope.districts == ()
    assert "Districts named" not in "\n".join(scope.lines())


def test_a_partnership_that_has_ended_covers_nothing_today(store):
    """Babergh CSP ended in 2010 (as in the example): Babergh named on its own still counts, and stays ticked."""
    ref.set_office_scope(store, districts=["Babergh"])
    ref.add_partnership(store, "Babergh CSP", districts=["Babergh"], valid_to="31/03/2010")
    picker = OfficePresenter(store).district_picker()
    picker.set_partnerships([ref.reference_id("partnership", "Babergh CSP")])
    assert picker.ticked_names() == ["Babergh"]
