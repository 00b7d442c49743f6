"""Round 38 (prx): an officer's own sheet pasted into the register, headed the way officers head them.

"Project name", "Total cost", "Lead officer" and "Comments" were headings the register did not know: the whole first
row was asked about, and then only the first column of words and the first of amounts were guessed, so the columns
under "Status" and "Notes" (headings it does know) were left out too.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc

SHEET = ("Project name\tTotal cost\tLead officer\tStatus\tComments\r\n"
         "Street pastors\t£2,500\u00a0\tJo Bloggs, Coordinator, Ipswich BC\tShortlisted\tBoard to decide\r\n")


def test_the_headings_officers_use_are_known(demo_store):
    preview = ProjectsPresenter(demo_store).paste_preview(svc_rows(SHEET))
    assert preview.heading_row is True
    assert preview.keys == ["title", "cost", "officers", "status", "notes"]
    (project,) = preview.projects()
    assert (project.title, project.cost_text, project.status, project.notes) == (
        "Street pastors", "£2,500", "shortlisted", "Board to decide")
    assert [o.name for o in project.officers] == ["Jo Bloggs"]


def test_known_headings_keep_their_fields_beside_one_the_register_does_not_know(demo_store):
    """"Scheme" is asked about; "Status" and "Notes" are the register's own headings and fill their fields."""
    rows = svc_rows("Scheme\tCost\tStatus\tNotes\r\nStreet pastors\t£2,500\tProposed\tBoard to decide\r\n")
    preview = ProjectsPresenter(demo_store).paste_preview(rows)
    assert preview.heading_row is None
    assert preview.keys == ["title", "cost", "status", "notes"]
    preview.set_heading_row(True)
    (project,) = preview.projects()
    assert (project.title, project.notes) == ("Street pastors", "Board to decide")


def test_the_preview_shows_the_fields_before_adding(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    QGuiApplication.clipboard().setText(SHEET)
    page.paste_rows()
    dialog = page.paste_dialog
    assert [c.currentText() for c in dialog.mapping] == ["Title", "Cost", "Lead officers", "Status", "Notes"]
    assert not dialog.question.isVisible() and dialog.add_button.isEnabled()
    assert dialog.problems.text() == ""


def svc_rows(text: str):
    from safer_desk.exchange.files import parse_tsv

    return parse_tsv(text)


def test_aliases_are_only_headings(demo_store):
    assert svc.field_of_heading("Project name") == "title"
    assert svc.field_of_heading("Comments") == "notes"
