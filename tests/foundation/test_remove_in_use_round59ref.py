"""Round 59 (ref): Remove selected, refused for a district, partner or partnership in use, names what uses it.

"Suffolk Constabulary cannot be removed: it is still used in a partnership's members" left the officer to open every
partnership to find which; "Forest Heath … in a partnership's districts", "Eastern CSP … in reviews (Costs)" and
"East Suffolk … in another district (as its successor)" alike. The partnerships, reviews and districts are named.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import dhr
from safer_desk.services import reference as ref


def _suffolk(store):
    ref.set_office_scope(store, county="Suffolk")
    ref.add_district(store, "Waveney", successor="East Suffolk", valid_to="31/03/2019")
    ref.add_district(store, "Suffolk Coastal", successor="East Suffolk", valid_to="31/03/2019")
    ref.add_organisation(store, "Suffolk Constabulary", "police")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Babergh"], members=[("Suffolk Constabulary", True)])
    ref.add_partnership(store, "Eastern CSP", districts=["Ipswich"], members=[("Suffolk Constabulary", True)])
    dhr.add_case(store, reference="DHR 1/25", partnership="Eastern CSP")
    dhr.add_case(store, reference="DHR 2/25", partnership="Eastern CSP")


def test_remove_names_the_partnerships_reviews_and_districts_that_use_it(window, store, qtbot, prompts):
    _suffolk(store)
    window.set_store(store)
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)

    def remove(page, name: str) -> str:
        dialog.pages.setCurrentWidget(page)
        page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == name))
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
        return prompts.errors[-1][1]

    assert remove(dialog.organisations, "Suffolk Constabulary") == (
        "Suffolk Constabulary cannot be removed: it is still used in a partnership's members (Eastern CSP and "
        "Western Suffolk CSP).")
    assert remove(dialog.districts, "Babergh") == (
        "Babergh cannot be removed: it is still used in a partnership's districts (Western Suffolk CSP).")
    assert remove(dialog.districts, "East Suffolk") == (
        "East Suffolk cannot be removed: it is still used in another district (as its successor: Suffolk Coastal and "
        "Waveney became it).")
    assert remove(dialog.partnerships, "Eastern CSP") == (
        "Eastern CSP cannot be removed: it is still used in reviews (Costs: DHR 1/25 and DHR 2/25).")
    assert {o.name for o in ref.list_organisations(store)} == {"Suffolk Constabulary"}
    assert len(ref.list_partnerships(store)) == 2 and not window.session.undo_stack.canUndo()
