"""Session 47: the kinds of partnership and partner organisation said in words, not as the file stores them.

View > Districts, Partnerships and Partners showed "csp", "county board", "pcc" and "district council" in its tables
and in the Kind lists, as they are stored. They are now said as an officer writes them ("CSP", "Police and crime
commissioner"); what is stored is unchanged, so files and other offices' exports read as before."""

from PySide6.QtCore import Qt

from safer_desk.presenters.history import history_lines
from safer_desk.presenters.office import ORGANISATION_KINDS, PARTNERSHIP_KINDS


def _column(page, heading: str) -> dict[str, str]:
    model = page.proxy
    col = next(c for c in range(model.columnCount())
               if model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == heading)
    return {model.index(r, 0).data(): model.index(r, col).data() for r in range(model.rowCount())}


def _offered(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def _dialog(window, qtbot):
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_the_tables_and_lists_say_each_kind_in_words(demo_window, qtbot):
    dialog = _dialog(demo_window, qtbot)
    kinds = _column(dialog.partnerships, "Kind")
    assert kinds["Babergh CSP"] == "CSP" and kinds["Safer Suffolk Partnership Board"] == "County board"
    organisations = _column(dialog.organisations, "Kind")
    assert organisations["Suffolk Police and Crime Commissioner"] == "Police and crime commissioner"
    assert organisations["Babergh District Council"] == "District council"
    assert organisations["Suffolk Fire and Rescue Service"] == "Fire and rescue"
    assert _offered(dialog.partnerships.kind_combo) == list(PARTNERSHIP_KINDS.values())
    assert _offered(dialog.organisations.kind_combo) == list(ORGANISATION_KINDS.values())
    assert "csp" not in _offered(dialog.partnerships.kind_combo)


def test_a_kind_chosen_in_words_is_stored_as_before_and_the_history_says_it_in_words(demo_window, qtbot, prompts):
    dialog = _dialog(demo_window, qtbot)
    organisations, partnerships = dialog.organisations, dialog.partnerships
    qtbot.keyClicks(organisations.name_edit, "Norfolk Police and Crime Commissioner")
    organisations.kind_combo.setCurrentIndex(organisations.kind_combo.findText("Police and crime commissioner"))
    qtbot.mouseClick(organisations.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(partnerships.name_edit, "Norfolk County Community Safety Partnership")
    partnerships.kind_combo.setCurrentIndex(partnerships.kind_combo.findText("County board"))
    qtbot.mouseClick(partnerships.add_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors
    store = demo_window.session.store
    assert store.scalar("SELECT kind FROM organisations WHERE name = 'Norfolk Police and Crime Commissioner'") == "pcc"
    assert store.scalar("SELECT kind FROM partnerships WHERE name = 'Norfolk County Community Safety Partnership'") \
        == "county board"
    said = " ".join(d for line in history_lines(store, limit=2) for d in line.details)
    assert "kind Police and crime commissioner" in said and "kind County board" in said
    assert "kind pcc" not in said


def test_a_kind_set_by_its_stored_name_is_chosen_too(demo_window, qtbot):
    """Scripts and tests name a kind as the file stores it ("county board"): the list chooses its words."""
    dialog = _dialog(demo_window, qtbot)
    dialog.partnerships.kind_combo.setCurrentText("county board")
    assert dialog.partnerships.kind_combo.currentText() == "County board"
    dialog.organisations.kind_combo.setCurrentText("police")
    assert dialog.organisations.kind_combo.currentText() == "Police"
