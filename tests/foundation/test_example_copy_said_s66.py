"""Look Around the Example on a first day: "The example office: a copy, removed when Safer Desk closes." was said for
ten seconds; then the window's title read "example.sqlite — Safer Desk" and the status bar a temporary folder's path
(/tmp/safer-desk-demo-…/example.sqlite), as for any file of the officer's own. An officer who came back to the window
later and typed their own projects there lost them when it closed. The title and the status bar say it is the
example's copy, removed on closing, for as long as it is open; the officer's own file is shown as before."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.start import Step
from tests.foundation.test_start_round25 import temp_folder  # noqa: F401


def test_the_example_s_copy_is_said_to_be_one_while_it_is_open(window, store, temp_folder, qtbot):  # noqa: F811
    window.set_store(store)
    window.show()
    qtbot.mouseClick(window.start_banner.button(Step.EXAMPLE), Qt.MouseButton.LeftButton)
    example = window.session.store.path
    assert example.parent.parent == temp_folder
    window.statusBar().clearMessage()  # the ten seconds of the message when it opened are over
    assert "copy of the example" in window.windowTitle()
    said = window.file_label.text()
    assert "example" in said and "removed when Safer Desk closes" in said and str(temp_folder) not in said
    assert window.file_label.toolTip() == str(example)  # where it is, on pointing at it
    assert window.open_path(store.path)  # back to the officer's own file: its path, as before
    assert window.windowTitle() == "office.sqlite[*] — Safer Desk"
    assert window.file_label.text().endswith("office.sqlite") and window.file_label.toolTip() == str(store.path)
    window.close()
