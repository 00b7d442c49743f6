"""A filter chosen or a word typed while the editor holds unsaved changes (round 22, h18 F1).

The window asks Save / Discard / Cancel when the filter would hide the project being edited. Afterwards the
register shows what the filter widgets say: the filter chosen applied (the saved project in view and chosen when it
matches, the editor emptied when it does not), every letter typed kept in the search box. Cancel stays on the
project: the filter goes back to what it was, the edit kept. Driven through the real widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects as svc

STRIVE = "Suffolk Strive"


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1366, 768)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    page = demo_window.show_tab("projects").register
    page.editor  # noqa: B018 - built now, as it is just after the first paint
    return page


def titles_shown(page) -> list[str]:
    return [p.title for p in page.proxy.source_rows()]


def click_title(page, qtbot, title: str) -> None:
    column = page.model.column_index("title")
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, column).data() == title)
    page.view.scrollTo(page.proxy.index(row, column))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.view.visualRect(page.proxy.index(row, column)).center())


def edit_title(page, qtbot, title: str, new_title: str) -> None:
    click_title(page, qtbot, title)
    assert page.editor.project.title == title
    box = page.editor.widgets["title"]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, new_title)
    assert page.presenter.has_unsaved_changes()


def titles_in_file(page) -> list[str]:
    return sorted(p.title for p in svc.load_projects(page.session.store))


def choose_status(page, label: str) -> None:
    page.status_filter.setFocus()
    page.status_filter.setCurrentIndex(page.status_filter.findText(label))


def choose_route(page, route: str) -> None:
    page.route_filter.setFocus()
    page.route_filter.setCurrentIndex(page.route_filter.findData(route))


def test_a_funding_route_chosen_then_save_shows_that_route_and_empties_the_editor(page, qtbot, prompts):
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")  # funded through "PRG &/or SSPB"
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    choose_route(page, "SSPB")
    assert prompts.unsaved_questions[-1][1] == "Project Suffolk Strive has unsaved changes to Title."
    assert "Suffolk Strive 2" in titles_in_file(page)
    assert page.route_filter.currentData() == "SSPB"
    sspb = sorted(p.title for p in svc.load_projects(page.session.store) if p.funding_route == "SSPB")
    assert len(sspb) == 6 and sorted(titles_shown(page)) == sspb  # what the filter says, not an empty table
    assert page.count.text() == "6 of 23 projects"
    assert page.presenter.selected is None and page.selected_projects() == []  # the saved project is filtered out
    assert not page.presenter.has_unsaved_changes()
    choose_route(page, "")
    assert len(titles_shown(page)) == 23 and "Suffolk Strive 2" in titles_shown(page)


def test_a_status_no_project_has_shows_none_and_says_so(page, qtbot, prompts):
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")  # every project of the example is proposed
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    choose_status(page, "Commissioned")
    assert "Suffolk Strive 2" in titles_in_file(page)
    assert page.status_filter.currentText() == "Commissioned"  # the empty table is the filter's, and says so
    assert titles_shown(page) == [] and page.count.text() == "None shown (of 23 projects)"
    choose_status(page, "All statuses")
    assert len(titles_shown(page)) == 23 and "Suffolk Strive 2" in titles_shown(page)
    assert page.count.text() == "23 of 23 projects"


def test_every_letter_typed_in_search_is_kept_through_the_question(page, qtbot, prompts):
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    page.search.setFocus()
    for letter in "Recre8":
        qtbot.keyClicks(page.search, letter)
    assert len(prompts.unsaved_questions) == 1  # asked once, when the search would hide the project
    assert page.search.text() == "Recre8"
    assert titles_shown(page) == ["Suffolk Recre8"] and page.count.text() == "1 of 23 projects"
    assert "Suffolk Strive 2" in titles_in_file(page)
    assert page.presenter.selected is None


def test_the_saved_project_stays_chosen_when_the_search_finds_it_once_saved(page, qtbot, prompts):
    edit_title(page, qtbot, STRIVE, "Suffolk Strive Recovery")
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Reco")  # "Suffolk Strive" as the file had it does not hold "Reco"; as saved, it does
    assert len(prompts.unsaved_questions) == 1
    assert page.search.text() == "Reco"
    assert "Suffolk Strive Recovery" in titles_shown(page)
    assert [p.title for p in page.selected_projects()] == ["Suffolk Strive Recovery"]
    assert page.editor.project.title == "Suffolk Strive Recovery"


def test_discard_applies_the_filter_and_writes_nothing(page, qtbot, prompts):
    before = titles_in_file(page)
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")
    prompts.unsaved_answers[:] = [UnsavedChoice.DISCARD]
    choose_route(page, "SSPB")
    assert titles_in_file(page) == before
    assert page.route_filter.currentData() == "SSPB" and len(titles_shown(page)) == 6
    assert STRIVE not in titles_shown(page) and page.presenter.selected is None


def test_cancel_stays_on_the_project_with_the_filter_as_it_was(page, qtbot, prompts):
    before = titles_in_file(page)
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    choose_route(page, "SSPB")
    assert page.route_filter.currentData() == "" and len(titles_shown(page)) == 23
    assert page.editor.widgets["title"].text() == "Suffolk Strive 2" and page.presenter.has_unsaved_changes()
    assert [p.title for p in page.selected_projects()] == [STRIVE]
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Rec")
    assert page.search.text() == "Re"  # the letter that would have hidden it is not taken; the others are
    assert STRIVE in titles_shown(page) and page.editor.widgets["title"].text() == "Suffolk Strive 2"
    assert titles_in_file(page) == before


def test_a_filter_that_keeps_the_project_in_view_asks_nothing(page, qtbot, prompts):
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")
    choose_status(page, "Proposed")  # Suffolk Strive is proposed
    assert prompts.unsaved_questions == []
    assert STRIVE in titles_shown(page) and page.editor.widgets["title"].text() == "Suffolk Strive 2"
    assert page.presenter.has_unsaved_changes()


def test_a_column_filter_that_hides_the_project_asks_once_it_is_applied(page, qtbot, prompts):
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    title = page.model.column_index("title")
    page.view.filter_column(title, "ELEV8")  # the right-click menu's "Show rows whose … contains"
    assert len(prompts.unsaved_questions) == 1 and "Suffolk Strive 2" in titles_in_file(page)
    assert page.proxy.column_filter(title) == "elev8" and titles_shown(page) == ["Suffolk ELEV8"]
    assert page.presenter.selected is None and page.count.text() == "1 of 23 projects"


def test_cancel_at_a_column_filter_shows_every_row_again_and_keeps_the_edit(page, qtbot, prompts):
    edit_title(page, qtbot, STRIVE, "Suffolk Strive 2")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    title = page.model.column_index("title")
    page.view.filter_column(title, "ELEV8")
    assert page.proxy.column_filter(title) == "" and len(titles_shown(page)) == 23
    assert [p.title for p in page.selected_projects()] == [STRIVE]
    assert page.editor.widgets["title"].text() == "Suffolk Strive 2" and page.presenter.has_unsaved_changes()
