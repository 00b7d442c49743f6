"""The Projects presenter without a window: the nine behaviours where they apply to the register."""

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects as svc


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    p = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    p.reload()
    return p


def count(store):
    return store.scalar("SELECT count(*) FROM projects")


def by_title(p, start):
    return next(r for r in p.rows if r.title.startswith(start))


def test_a_new_project_is_shown_and_written_only_when_saved(presenter, demo_store, log):
    before = count(demo_store)
    presenter.add_project()
    assert presenter.editor.is_new and presenter.editor.title == "New project"
    assert presenter.has_unsaved_changes() and "is new" in presenter.describe_unsaved()
    assert count(demo_store) == before  # nothing written on Add
    presenter.editor.set_value("title", "Nightsafe")
    assert presenter.save()
    assert count(demo_store) == before + 1
    assert presenter.selected_project.title == "Nightsafe" and not presenter.has_unsaved_changes()
    assert log.undo_text == "Undo add project Nightsafe"
    log.undo()
    assert count(demo_store) == before


def test_discarding_a_new_project_writes_nothing(presenter, demo_store):
    before = count(demo_store)
    presenter.add_project()
    presenter.editor.set_value("title", "Never saved")
    assert presenter.may_leave(lambda text: UnsavedChoice.DISCARD)
    assert count(demo_store) == before


def test_leaving_an_edited_record_asks_and_cancel_keeps_the_edit(presenter):
    p = by_title(presenter, "Homeshield")
    presenter.select(p.id)
    presenter.editor.set_value("title", "Homeshield Plus (renamed)")
    asked = []
    assert not presenter.may_leave(lambda text: asked.append(text) or UnsavedChoice.CANCEL)
    assert asked == ["Project Homeshield Plus has unsaved changes to Title."]
    assert presenter.editor.value("title") == "Homeshield Plus (renamed)"
    assert presenter.may_leave(lambda text: UnsavedChoice.SAVE)
    assert svc.get_project(presenter.store, p.id).title == "Homeshield Plus (renamed)"


def test_errors_sit_beside_their_fields_and_nothing_is_saved(presenter, log):
    presenter.select(by_title(presenter, "Homeshield").id)
    presenter.editor.set_value("cost", "£3.250")
    presenter.editor.set_value("start_date", "31/02/2026")
    assert not presenter.save()
    assert "£3,250" in presenter.editor.message("cost")
    assert "not a date" in presenter.editor.message("start_date")
    assert presenter.editor.message("title") == ""
    assert log.done == []


def test_a_date_far_from_the_year_in_view_is_queried_then_kept(presenter, log):
    p = by_title(presenter, "Homeshield")
    presenter.select(p.id)
    presenter.editor.set_value("start_date", "01/04/2206")
    assert not presenter.save()  # asked first
    assert "more than 10 years" in presenter.editor.message("start_date")
    assert presenter.save()  # Save again keeps it
    assert svc.get_project(presenter.store, p.id).start_date == "2206-04-01"


def test_undo_names_the_action_and_its_tab(presenter, log):
    p = by_title(presenter, "Suffolk ELEV8")
    presenter.select(p.id)
    presenter.editor.set_value("cost_note", "checked")
    assert presenter.save()
    assert log.undo_text == "Undo save project Suffolk ELEV8" and log.done[-1].tab == "projects"
    log.undo()
    assert svc.get_project(presenter.store, p.id).cost_note == ""
    assert presenter.editor.value("cost_note") == ""  # the editor shows the file again


def test_delete_and_paste_are_named_actions(presenter, demo_store, log):
    p = by_title(presenter, "Homeshield")
    presenter.delete([p.id])
    assert log.undo_text == "Undo delete project Homeshield Plus" and presenter.project(p.id) is None
    log.undo()
    assert presenter.project(p.id) is not None
    preview = presenter.paste_preview([["Title", "Cost"], ["Nightsafe", "£4,000"]])
    presenter.add_pasted(preview.projects())
    assert log.undo_text == "Undo paste 1 project"


def test_an_unrecognised_heading_row_is_asked_about_never_stored(presenter):
    preview = presenter.paste_preview([["Scheme", "Money", "Who"], ["Nightsafe", "£4,000", "SSPB"],
                                       ["Street pastors", "£2,500", "SSPB"]])
    assert preview.needs_heading_answer and preview.reading.unknown_headings == ("Scheme", "Money", "Who")
    with pytest.raises(svc.ProjectError):
        preview.projects()
    preview.set_heading_row(True)
    for column, key in enumerate(("title", "cost", "funding_route")):
        preview.set_key(column, key)
    titles = [p.title for p in preview.projects()]
    assert titles == ["Nightsafe", "Street pastors"]  # the heading row is not a project
    preview.set_key(1, "title")  # a field moves to the column chosen last
    assert preview.keys[:2] == [None, "title"]


def test_filters_and_export(presenter, tmp_path):
    keep = presenter.filter_predicate(criterion="all")
    assert [p.ref for p in presenter.rows if keep(p)] == ["2", "6", "7", "10"]
    assert presenter.filter_predicate() is None
    out = presenter.export(tmp_path / "r.tsv")
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("Ref\tTitle")


def test_opening_and_selecting_writes_nothing(demo_store):
    version = demo_store.scalar("PRAGMA data_version")
    changes = demo_store.conn.total_changes
    p = ProjectsPresenter(demo_store)
    p.reload()
    for row in p.rows:
        p.select(row.id)
    p.add_project()
    p.editor.discard()
    assert demo_store.conn.total_changes == changes and demo_store.scalar("PRAGMA data_version") == version
