"""Round 38 (rof): a record's form opened in a file open read-only says so, and offers Close only.

In a file open read-only (another copy has it open, or a county file opened to read), Change… in View > Funders'
Awards… and Populations… (and Edit… in the other record forms) opened a form with greyed fields, a greyed Save and
not a word of why. Its top now says the file is open read-only and the record can be read, not changed; Save and
Revert are gone and Cancel is Close, the default button: Enter and Esc close it, and Ctrl+S says why nothing is saved.
A writable file's form is as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from safer_desk.presenters.forms import Field, FormPresenter
from safer_desk.services import funders

NOTE = "The file is open read-only: this record can be read, not changed"


def _read_only(window, demo_path):
    assert window.open_path(demo_path, read_only=True)
    window.resize(1280, 800)
    window.show()


def _buttons(dialog) -> dict[str, QPushButton]:
    return {b.text().replace("&", ""): b for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)}


def _opened(qtbot, records):
    """Change… on the first row of a records dialog: the form it opens."""
    qtbot.waitUntil(records.isVisible, timeout=5000)
    records.view.setFocus()
    records.view.selectRow(0)
    qtbot.mouseClick(records.edit_button, Qt.MouseButton.LeftButton)
    form = records.dialog
    assert form is not None
    qtbot.waitUntil(form.isVisible, timeout=5000)
    return form


def _says_read_only_and_closes_only(form) -> None:
    note = form.view.read_only_note
    assert note is not None and note.isVisibleTo(form) and note.text().startswith(NOTE), note
    assert form.view.layout().indexOf(note) == 1  # under the heading naming the record, above the fields
    buttons = _buttons(form)
    assert list(buttons) == ["Close"], buttons  # no Save (greyed, it said nothing), no Revert
    assert buttons["Close"].isDefault()
    assert not any(w.isEnabled() for w in form.view.widgets.values())


def test_an_award_opened_read_only_says_so_and_enter_closes_it(window, demo_path, qtbot):
    _read_only(window, demo_path)
    window.awards_action.trigger()
    records = window._awards_dialog
    count = len(funders.list_awards(window.session.store))
    form = _opened(qtbot, records)
    _says_read_only_and_closes_only(form)
    qtbot.keyClick(form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert len(funders.list_awards(window.session.store)) == count


def test_a_population_opened_read_only_says_so_and_esc_closes_it(window, demo_path, qtbot, prompts):
    from safer_desk.ui.indicators.populations import PopulationsDialog

    _read_only(window, demo_path)
    records = PopulationsDialog(window.session, window)
    qtbot.addWidget(records)
    records.show()
    form = _opened(qtbot, records)
    _says_read_only_and_closes_only(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    qtbot.keyClick(form.focusWidget() or form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # says why
    assert form.isVisible() and form.view.form_message.isVisibleTo(form)
    assert form.view.form_message.text().startswith("Not saved: the file is open read-only")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert not prompts.questions  # nothing typed: nothing asked on closing


def test_the_kit_s_form_dialog_says_it_too(qtbot):
    from safer_desk.ui.kit.forms import FormDialog

    form = FormPresenter([Field("name", "&Name")], save_fn=lambda *_: None, title="Plan settings")
    form.load({"name": "Revenue"}, heading="Plan settings")
    form.read_only = True
    dialog = FormDialog(None, form)
    qtbot.addWidget(dialog)
    dialog.show()
    _says_read_only_and_closes_only(dialog)


def test_a_writable_file_s_award_form_is_as_before(demo_window, qtbot):
    demo_window.show()
    demo_window.awards_action.trigger()
    form = _opened(qtbot, demo_window._awards_dialog)
    assert form.view.read_only_note is None
    buttons = _buttons(form)
    assert {"Save", "Revert", "Cancel"} <= set(buttons) and buttons["Save"].isDefault()
    assert all(w.isEnabled() for w in form.view.widgets.values())
