"""File > Import District Files…: a key the county lead does not accept is said, not met with silence.

Found in round 64: after Do Not Accept nothing at all was said; the merge's summary (when other files merged) still
read "…: you are asked next whether to accept it", so the lead could not tell afterwards whether the file was merged.
The status bar now says which files were not merged and why, and what merges them later."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.exchange.test_ui_exchange import district_exports  # noqa: F401  (the fixture)


def test_do_not_accept_says_the_file_was_not_merged(window, qtbot, prompts, tmp_path, district_exports):  # noqa: F811
    from safer_desk.ui.exchange.dialogs import import_district_files

    assert window.open_path(tmp_path / "county.sqlite")
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(district_exports[0])])
    qtbot.waitUntil(lambda: getattr(window, "key_dialog", None) is not None and window.key_dialog.isVisible())
    qtbot.mouseClick(window.key_dialog.refuse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.key_dialog is None)
    said = window.statusBar().currentMessage()
    assert said == (f"Not merged: {district_exports[0].name} (Babergh office's key was not accepted). Import it "
                    "again once its fingerprint is confirmed by phone.")
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 0
