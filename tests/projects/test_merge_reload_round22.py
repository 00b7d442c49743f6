"""A project open in the editor when the file changes under it (round 22, h19 F2).

A merge of district files changed Suffolk Strive's description and capital while it was open on Projects. The
register and the editor kept the old values, and a later Save of only the status wrote the old description and a
blank capital back: the merge was undone without a word. Now:
(a) the register and the editor read the file again on the window's notice; what is typed is kept, and the person is
    told the file changed under it (and what the file holds now where they had typed too);
(b) a save changes only the fields the person changed, over the record as the file holds it when it is written; a
    field the file changed too is not overwritten without a word: the save is refused once, beside that field, with
    what the file holds now (Save again puts what was typed in its place). Undo puts back what the file held just
    before the save.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc
from safer_desk.ui.kit.undo import undo_step

STRIVE = "Suffolk Strive"
DISTRICT = "DISTRICT CHANGED THIS"


def strive(store) -> svc.Project:
    return next(p for p in svc.load_projects(store) if p.title.startswith(STRIVE))


def change_elsewhere(store, **fields) -> svc.Project:
    """What a merge (or an undo made elsewhere) does to the record: written, the presenter not told."""
    return svc.save_project(store, replace(strive(store), **fields))


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    p = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    p.reload()
    p.select(strive(demo_store).id)
    return p


# -- (b) the save, without a window ------------------------------------------------------------------------------
def test_a_save_after_the_file_changed_changes_only_what_was_changed(presenter, demo_store, log):
    change_elsewhere(demo_store, description=DISTRICT, capital_pence=1234500)
    file_before_save = svc.snapshot(demo_store, presenter.selected)
    presenter.editor.set_value("status", "live")
    assert presenter.save()
    saved = strive(demo_store)
    assert (saved.status, saved.description, saved.capital_pence) == ("live", DISTRICT, 1234500)
    assert presenter.editor.value("description") == DISTRICT and presenter.editor.value("capital") == "£12,345"
    log.undo()
    assert svc.snapshot(demo_store, presenter.selected) == file_before_save  # exactly what the file held
    log.redo()
    assert (strive(demo_store).status, strive(demo_store).description) == ("live", DISTRICT)


def test_a_field_the_file_changed_too_is_asked_about_once(presenter, demo_store):
    change_elsewhere(demo_store, description=DISTRICT, capital_pence=1234500)
    presenter.editor.set_value("description", "Our own words")
    assert not presenter.save()
    assert strive(demo_store).description == DISTRICT  # nothing written
    message = presenter.editor.message("description")
    assert f"“{DISTRICT}”" in message and "Save again" in message
    assert presenter.editor.value("description") == "Our own words"  # what was typed is kept
    assert presenter.editor.value("capital") == "£12,345"  # the field not typed in shows the file's
    assert presenter.save()  # asked once: Save again puts it in
    saved = strive(demo_store)
    assert (saved.description, saved.capital_pence) == ("Our own words", 1234500)


def test_the_service_writes_the_changed_fields_over_the_file_as_it_is(demo_store):
    loaded = strive(demo_store)
    change_elsewhere(demo_store, description=DISTRICT, capital_pence=1234500)
    saved = svc.save_project(demo_store, replace(loaded, title="Suffolk Strive (county)"), loaded=loaded)
    assert (saved.title, saved.description, saved.capital_pence) == ("Suffolk Strive (county)", DISTRICT, 1234500)
    with pytest.raises(svc.ChangedInFile) as refused:
        svc.save_project(demo_store, replace(loaded, description="Ours"), loaded=loaded)
    assert list(refused.value.by_field) == ["description"] and DISTRICT in refused.value.by_field["description"]
    assert strive(demo_store).description == DISTRICT
    svc.delete_projects(demo_store, [loaded.id])
    with pytest.raises(svc.ProjectError, match="no longer in the register"):
        svc.save_project(demo_store, replace(loaded, title="Back"), loaded=loaded)


def test_each_criterion_and_the_cost_lines_are_merged_on_their_own(demo_store):
    from safer_desk.domain.projects import parse_criterion

    loaded = strive(demo_store)
    assert loaded.cost_lines  # the paper's breakdown
    change_elsewhere(demo_store, criteria={**loaded.criteria, "laa_outcome": parse_criterion("X for Ipswich only")})
    ours = replace(loaded, criteria={**loaded.criteria, "innovative": parse_criterion("? unknown at this stage")},
                   cost_lines=loaded.cost_lines[:1])
    saved = svc.save_project(demo_store, ours, loaded=loaded)
    assert saved.criterion("laa_outcome").describe() == "X for Ipswich only"  # the file's, kept
    assert saved.criterion("innovative").describe() == "? unknown at this stage"  # ours
    assert saved.cost_lines == loaded.cost_lines[:1]
    with pytest.raises(svc.ChangedInFile) as refused:
        maybe = {**loaded.criteria, "laa_outcome": parse_criterion("? maybe")}
        svc.save_project(demo_store, replace(loaded, criteria=maybe), loaded=loaded)
    assert "“X for Ipswich only”" in refused.value.by_field["laa_outcome"]


# -- (a) the notice, without a window -------------------------------------------------------------------------------
def test_the_editor_reads_the_file_again_and_keeps_what_is_typed(presenter, demo_store):
    presenter.editor.set_value("title", "Suffolk Strive (county)")
    change_elsewhere(demo_store, description=DISTRICT, capital_pence=1234500)
    presenter.file_changed()
    editor = presenter.editor
    assert editor.value("title") == "Suffolk Strive (county)" and editor.is_dirty
    assert (editor.value("description"), editor.value("capital")) == (DISTRICT, "£12,345")
    assert editor.project == strive(demo_store) and presenter.selected_project == strive(demo_store)
    assert "changed" in editor.form_message and "Suffolk Strive" in editor.form_message
    assert editor.describe_unsaved().endswith("unsaved changes to Title.")
    assert presenter.save()
    saved = strive(demo_store)
    assert (saved.title, saved.description, saved.capital_pence) == ("Suffolk Strive (county)", DISTRICT, 1234500)


def test_a_field_typed_that_the_file_changed_too_is_said_with_what_the_file_holds(presenter, demo_store):
    presenter.editor.set_value("description", "Our own words")
    change_elsewhere(demo_store, description=DISTRICT)
    presenter.file_changed()
    assert presenter.editor.value("description") == "Our own words"
    assert f"“{DISTRICT}”" in presenter.editor.message("description")
    assert presenter.save()  # told already: Save puts it in
    assert strive(demo_store).description == "Our own words"


def test_an_editor_with_nothing_typed_shows_the_file_quietly(presenter, demo_store):
    change_elsewhere(demo_store, description=DISTRICT)
    presenter.file_changed()
    assert presenter.editor.value("description") == DISTRICT
    assert not presenter.editor.is_dirty and presenter.editor.form_message == ""


def test_a_project_taken_out_of_the_file_keeps_what_is_typed_and_save_adds_it_again(presenter, demo_store):
    pid = presenter.selected
    presenter.editor.set_value("title", "Suffolk Strive (kept)")
    svc.delete_projects(demo_store, [pid])
    presenter.file_changed()
    assert presenter.editor.value("title") == "Suffolk Strive (kept)" and presenter.has_unsaved_changes()
    assert "no longer in the file" in presenter.editor.form_message
    assert presenter.save()
    assert strive(demo_store).title == "Suffolk Strive (kept)"


# -- the window, with a real merge ----------------------------------------------------------------------------------
@pytest.fixture
def county_and_export(tmp_path, demo_path):
    """The example office exported twice: the county file holds export 1; export 2 has Suffolk Strive's description
    and capital changed at the office."""
    from tests.exchange.helpers import county_then_office_changes

    return county_then_office_changes(demo_path, tmp_path,
                                      lambda office: change_elsewhere(office, description=DISTRICT,
                                                                      capital_pence=1234500))


def in_file(path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT title, status, description, capital_pence FROM projects "
                            "WHERE title LIKE 'Suffolk Strive%'").fetchall()
    finally:
        conn.close()


def open_strive(qtbot, window, county):
    assert window.open_path(county)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_tab("projects").register
    page.editor  # noqa: B018 - built now, as it is just after the first paint
    column = page.model.column_index("title")
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, column).data() == STRIVE)
    page.view.scrollTo(page.proxy.index(row, column))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.view.visualRect(page.proxy.index(row, column)).center())
    assert page.editor.project.title == STRIVE
    return page


def merge(qtbot, window, export) -> None:
    from safer_desk.ui.exchange.dialogs import import_district_files

    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(export)])
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None, timeout=20000)
    assert window.merge_result.report.merged
    window.merge_result.close()


def test_a_title_typed_before_a_merge_is_kept_and_saved_over_what_the_merge_brought(qtbot, window, prompts,
                                                                                   county_and_export):
    county, export = county_and_export
    page = open_strive(qtbot, window, county)
    box = page.editor.widgets["title"]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "Suffolk Strive (county)")
    merge(qtbot, window, export)
    assert in_file(county)[0][2:] == (DISTRICT, 1234500)
    editor = page.editor
    assert editor.widgets["title"].text() == "Suffolk Strive (county)"
    assert editor.widgets["description"].toPlainText() == DISTRICT and editor.widgets["capital"].text() == "£12,345"
    assert editor.form_message.isVisibleTo(editor) and "changed" in editor.form_message.text()
    assert window.isWindowModified() and prompts.unsaved_questions == []  # kept, not asked about, not lost
    assert [p.title for p in page.selected_projects()] == [STRIVE]  # still the row chosen
    assert window.show_tab("projects").save_changes()
    assert in_file(county) == [("Suffolk Strive (county)", "proposed", DISTRICT, 1234500)]
    assert prompts.errors == []


def test_a_status_saved_after_a_merge_keeps_what_the_merge_brought(qtbot, window, prompts, county_and_export):
    county, export = county_and_export
    page = open_strive(qtbot, window, county)
    merge(qtbot, window, export)
    shown = next(p for p in page.model.rows if p.title == STRIVE)
    assert shown == strive(window.session.store)  # the register's row as the file has it
    editor = page.editor
    assert editor.widgets["description"].toPlainText() == DISTRICT and editor.widgets["capital"].text() == "£12,345"
    assert not window.isWindowModified() and not editor.form_message.isVisibleTo(editor)
    assert [p.title for p in page.selected_projects()] == [STRIVE]
    status = editor.widgets["status"]
    status.setCurrentIndex(status.findData("live"))
    assert window.isWindowModified()
    assert window.show_tab("projects").save_changes()
    assert in_file(county) == [(STRIVE, "live", DISTRICT, 1234500)]
    undo_step(window.session.undo_stack)  # Edit > Undo: the file as it was just before the save, merge and all
    assert in_file(county) == [(STRIVE, "proposed", DISTRICT, 1234500)]
    assert prompts.errors == []


def test_every_field_a_save_writes_is_merged_on_its_own():
    # merge_changes lists the saved parts by hand: a field added to Project and not listed would be written back as
    # the file held it when read, losing what was typed. Every field is a saved part, a criterion, or not the
    # editor's to write.
    import dataclasses

    from safer_desk.services.projects import _SAVED_PARTS

    saved = {name for names, _ in _SAVED_PARTS for name in names}
    assert {f.name for f in dataclasses.fields(svc.Project)} - saved == {"id", "criteria", "created_at", "updated_at"}
