"""The start page of a new office file (round 29), as a new officer meets it in the window: File > Office Details…
saved from the page's "Set Your Districts and Partnerships…" left the page saying "Nothing has been added to this
file yet" with the step as if not done, and nothing said the office was still called after its file ("safer-desk",
what the county would call it) until it is named.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from safer_desk.presenters.start import Step, start_page
from safer_desk.services import reference
from safer_desk.storage.store import open_store


def new_office(window, tmp_path, qtbot):
    """The default file as a new officer first has it: safer-desk.sqlite, new and empty, in the window."""
    assert window.open_path(tmp_path / "safer-desk.sqlite", create=True)
    window.show()
    qtbot.waitUntil(lambda: not window.is_busy())
    return window.start_banner


def office_details(window, qtbot, *, name: str | None = None, county: str | None = None) -> None:
    """The page's Set Your Districts and Partnerships… clicked, the Office Details filled in and saved."""
    qtbot.mouseClick(window.start_banner.button(Step.PLACES), Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible() and d.windowTitle() == "Office Details")
    if name is not None:
        dialog.name_box.setText(name)
    if county is not None:
        dialog.county_combo.setCurrentIndex(dialog.county_combo.findData(county))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_office_details_saved_from_the_start_page_show_the_step_done(window, tmp_path, qtbot):
    banner = new_office(window, tmp_path, qtbot)
    assert banner.heading.text() == "safer-desk.sqlite is new and empty"
    assert banner.text.text().startswith("Nothing has been added to this file yet")
    assert not banner.notes[Step.PLACES].text().startswith("Done")
    office_details(window, qtbot, name="Babergh and Mid Suffolk CSP office", county="Suffolk")
    assert banner.isVisible()  # no work yet: the other steps are still to do
    assert banner.heading.text() == "safer-desk.sqlite is new"
    assert "Nothing has been added" not in banner.text.text()
    assert banner.notes[Step.PLACES].text().startswith("Done: county Suffolk")
    assert not banner.notes[Step.PROJECT].text().startswith("Done")
    window.session.undo_stack.undo()  # Edit > Undo: the file is as new again
    assert banner.heading.text() == "safer-desk.sqlite is new and empty"
    assert banner.text.text().startswith("Nothing has been added to this file yet")
    assert not banner.notes[Step.PLACES].text().startswith("Done")


def test_the_start_page_says_the_office_is_still_called_after_its_file_until_it_is_named(window, tmp_path, qtbot):
    banner = new_office(window, tmp_path, qtbot)
    assert banner.reminder.isVisible()
    words = banner.reminder.text()
    assert "“safer-desk”" in words and "File > Office Details…" in words and "\n" not in words
    office_details(window, qtbot, county="Suffolk")  # the county alone: still called after its file
    assert banner.reminder.isVisible() and banner.reminder.text() == words
    office_details(window, qtbot, name="Babergh and Mid Suffolk CSP office")
    assert not banner.reminder.isVisible()
    assert "Babergh and Mid Suffolk CSP office" in banner.text.text()
    window.session.undo_stack.undo()  # Edit > Undo: called after its file again
    assert banner.reminder.isVisible() and banner.reminder.text() == words


def test_a_named_office_with_no_areas_yet_is_not_said_empty_nor_its_places_done(store):
    assert start_page(store).reminder  # office.sqlite: called "office"
    reference.set_office_name(store, "Babergh office")
    page = start_page(store)
    assert page.heading == "office.sqlite is new" and not page.reminder
    assert "Nothing has been added" not in page.text and "Babergh office" in page.text
    assert page.done == {}


def test_a_read_only_new_file_is_not_told_to_name_its_office(tmp_path):
    path = tmp_path / "safer-desk.sqlite"
    open_store(path, create=True).close()
    store = open_store(path, read_only=True)
    try:
        assert start_page(store).reminder == ""  # nothing can be saved in it
    finally:
        store.close()


def test_the_page_goes_once_work_is_added_after_the_office_details(window, tmp_path, qtbot):
    banner = new_office(window, tmp_path, qtbot)
    office_details(window, qtbot, name="Babergh office", county="Suffolk")
    qtbot.mouseClick(banner.button(Step.PROJECT), Qt.MouseButton.LeftButton)
    page = window.current_tab().register
    page.editor.widgets["title"].setText("Nightsafe")
    page.editor.widgets["title"].textEdited.emit("Nightsafe")
    assert page.save_editor()
    assert not banner.isVisible()


def test_the_page_goes_once_police_figures_are_imported_from_it(window, tmp_path, qtbot, prompts):
    from tests.conftest import shared_data

    banner = new_office(window, tmp_path, qtbot)
    office_details(window, qtbot, county="Suffolk")
    prompts.file_names.append(str(shared_data("police-uk", "suffolk-2021-01", "2021-01-suffolk-street.csv")))
    qtbot.mouseClick(banner.button(Step.POLICE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_busy() and bool(prompts.infos + prompts.errors), timeout=60000)
    assert prompts.errors == []
    assert not banner.isVisible()
