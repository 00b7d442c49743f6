"""Session 59: the window's merge summary said a file was refused for its key while the window asked about that key.

The county lead merged Babergh's export (its key registered) with Ipswich's first export (signed with a key not yet
registered). The summary of Babergh's merge opened with "Refused: Ipswich office export.sqlite … accept it (in the
window, or merge again with --accept-key …)" beside the window asking whether to accept Ipswich's key; once accepted
and merged, that summary still said Ipswich's file was refused. It now says the file is not merged yet and that its
key is being asked about; a refusal for any other reason is still a refusal.
"""

from __future__ import annotations

from safer_desk.ui.exchange.dialogs import import_district_files
from tests.exchange.test_ui_exchange import accept_in_key_dialog, district_exports  # noqa: F401 (fixture)


def test_the_first_summary_says_the_key_is_asked_not_that_the_file_is_refused(window, qtbot, prompts, tmp_path,
                                                                                 district_exports):  # noqa: F811
    babergh, ipswich = district_exports
    assert window.open_path(tmp_path / "county.sqlite")
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(babergh)])
    accept_in_key_dialog(window, qtbot, "Babergh office")
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None and window.merge_result.isVisible(),
                    timeout=20000)
    window.merge_result.close()
    # Babergh's second export (its key now registered) with Ipswich's first (its key not yet registered).
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "Babergh office.sqlite")
    try:
        second = export_for_county(store, tmp_path / "Babergh office export 2.sqlite").path
    finally:
        store.close()
    window.merge_result = None
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(second), str(ipswich)])
    qtbot.waitUntil(lambda: getattr(window, "key_dialog", None) is not None and window.key_dialog.isVisible())
    first = window.merge_result
    assert first is not None and first.isVisible()
    text = first.summary_label.text()
    assert "Babergh office export 2.sqlite (Babergh office)" in text
    assert "Refused:" not in text and "--accept-key" not in text, text
    assert (f"Not merged yet: {ipswich.name} is signed with a key the county has not registered for Ipswich office"
            in text), text
    assert "you are asked next whether to accept it" in text, text
    assert prompts.errors == []
    accept_in_key_dialog(window, qtbot, "Ipswich office")
    qtbot.waitUntil(lambda: window.merge_result is not first and window.merge_result.isVisible(), timeout=20000)
    assert "Ipswich office export.sqlite (Ipswich office)" in window.merge_result.summary_label.text()
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 3
