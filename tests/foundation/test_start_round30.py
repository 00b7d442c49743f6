"""The start page of a new county file (round 30): the county lead's new suffolk-county.sqlite was offered only a
district office's steps (Import Police Data…, Add the First Project, a reminder to name the office "before your
first export … what the county will call you"), and no Import District Files… step, the county's first."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.start import Step, start_page
from safer_desk.services import reference
from safer_desk.storage.store import open_store
from tests.foundation.test_window_guard import clashes


def new_file(tmp_path, name):
    return open_store(tmp_path / name, create=True)


def test_a_new_county_file_is_offered_the_county_steps(tmp_path):
    store = new_file(tmp_path, "suffolk-county.sqlite")
    try:
        page = start_page(store)
        assert page.steps == (Step.EXAMPLE, Step.MERGE, Step.PLACES)
        assert "district" in page.note(Step.MERGE) and not page.reminder
    finally:
        store.close()


def test_a_file_whose_office_is_named_a_county_is_a_county_file(tmp_path):
    store = new_file(tmp_path, "safer-desk.sqlite")
    try:
        assert Step.MERGE not in start_page(store).steps  # a district office's new file, as before
        reference.set_office_name(store, "Suffolk County Council community safety team")
        assert Step.MERGE in start_page(store).steps
        reference.set_office_name(store, "Babergh and Mid Suffolk CSP office")
        assert Step.MERGE not in start_page(store).steps
    finally:
        store.close()


def test_the_county_step_opens_import_district_files(window, tmp_path, qtbot, monkeypatch):
    from safer_desk.ui.exchange import dialogs

    calls = []
    monkeypatch.setattr(dialogs, "import_district_files", lambda w, *a, **k: calls.append(w))
    assert window.open_path(tmp_path / "suffolk-county.sqlite", create=True)
    window.show()
    qtbot.waitUntil(lambda: not window.is_busy())
    banner = window.start_banner
    assert banner.isVisible() and Step.POLICE not in banner.buttons and not banner.reminder.isVisible()
    assert clashes(window) == []  # its Alt letter beside the Projects page's
    qtbot.mouseClick(banner.button(Step.MERGE), Qt.MouseButton.LeftButton)
    assert calls == [window]
