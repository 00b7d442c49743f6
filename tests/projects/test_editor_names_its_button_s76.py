"""The Projects editor's words name its button, Save changes: a new project's heading said "give it a title, then
Save." and a queried title "then Save again", where the officer looks for a button called Save and finds none."""

from __future__ import annotations

from safer_desk.presenters.projects import ProjectsPresenter


def test_new_projects_heading_names_save_changes(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.add_project()
    assert presenter.editor.heading == "New project — not saved yet: give it a title, then Save changes."


def test_a_queried_title_says_save_changes_again(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.add_project()
    editor = presenter.editor
    editor.set_value("title", "Homeshield Plus")
    assert editor.save() is False
    assert editor.form_message == "Not saved yet: check the title queried below, then Save changes again to keep it."
    assert editor.message("title").endswith("count both. Save changes again to keep it.")


def test_a_queried_figure_says_save_changes_again(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.add_project()
    editor = presenter.editor
    editor.set_value("title", "A new scheme")
    editor.set_value("end_date", "31/03/2110")  # far off: asked about once
    assert editor.save() is False
    assert editor.form_message == ("Not saved yet: check the figures queried below, then Save changes again to keep "
                                   "them.")
    assert editor.message("end_date").endswith("Save changes again to keep it.")
    editor.set_value("end_date", "31/03/2020")  # the query put right: the form's word goes with it
    assert editor.form_message == ""
