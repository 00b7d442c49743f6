"""Round 36 (ofx): an office's scope changed after its data exists. A review of West Suffolk, billed £7,525.58,
was kept in the file but left the board report's "All areas" without a word when the office was made
Norfolk's (a slip in Office Details…, or `safer-desk office FILE --clear --county Norfolk`). Now it is said."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import dhr
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from safer_desk.ui.office_dialog import OfficeDialog
from tests.exchange.helpers import cli_output


def _western(store):
    ref.add_organisation(store, "Suffolk Constabulary", "police")
    ref.add_partnership(store, "Western Suffolk CSP", members=[("Suffolk Constabulary", True)], valid_from="1/4/18")
    ref.set_office_scope(store, partnerships=["Western Suffolk CSP"], county="Suffolk")
    ref.add_partnership_district(store, "partnership:western-suffolk-csp", "district:west-suffolk", "1/4/19")
    dhr.add_case(store, reference="WS-DHR-01", partnership="Western Suffolk CSP", district="West Suffolk")


def test_the_command_line_says_what_a_new_scope_leaves_outside_and_that_it_is_kept(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True, office_name="West Suffolk office")
    _western(store)
    store.close()
    code, out, err = cli_output(["office", str(path), "--clear", "--county", "Norfolk"])
    assert code == 0, err
    assert "(1 review)" in err and "West Suffolk" in err and "Western Suffolk CSP" in err, err
    assert "Kept in the file" in err and "All areas" in err, err
    # naming the scope again as it is, or widening it, says nothing of the kind
    code, out, err = cli_output(["office", str(path), "--partnership", "Western Suffolk CSP"])
    assert code == 0 and "review" not in err, err
    code, out, err = cli_output(["office", str(path), "--partnership", "Western Suffolk CSP"])
    assert code == 0 and err == "", err


def test_office_details_says_what_the_saved_scope_leaves_outside(window, store, qtbot, prompts):
    _western(store)
    window.set_store(store)
    dialog = OfficeDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.set_checked(dialog.partnership_list, "Western Suffolk CSP", False)
    dialog.county_combo.setCurrentIndex(dialog.county_combo.findData("Norfolk"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors and ref.office_scope(store).county.name == "Norfolk"
    assert prompts.infos, prompts.questions
    title, text = prompts.infos[-1]
    assert "(1 review)" in text and "West Suffolk" in text and "Edit > Undo" in text, text
