"""Round 35 (edt): a form shows a record without taking what it shows for typing.

A record written on another computer or by another program may hold text the form's widgets show otherwise: a
description with Windows line endings (a multi-line box shows "\\r\\n" as one new line) or a choice stored as its
label. Showing it told the form it had been typed, so the record was "changed" the moment it was chosen: the window
asked about unsaved changes to the description nobody had touched, and Save wrote the record over.
"""

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
from safer_desk.services import projects as service
from safer_desk.storage.store import open_store
from safer_desk.ui.kit.forms import FormView

CRLF_TEXT = "Target hardening for victims of domestic abuse.\r\nFunded jointly with the county."


def test_a_description_with_windows_line_endings_is_not_taken_for_typing(window, demo_path, qtbot, prompts):
    """Babergh's register as another program left it: one description ends its lines the Windows way. Choosing the
    project and then another asked "Project … has unsaved changes to Description" (nothing typed), and its Save
    would have written the description over, an entry in the history for a change nobody made."""
    store = open_store(demo_path)
    project = service.load_projects(store)[0]
    service.save_project(store, replace(project, description=CRLF_TEXT))
    store.close()
    assert window.open_path(demo_path)
    window.resize(1280, 800)
    window.show()
    page = window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and page.proxy.rowCount() > 1)
    row = next(r for r in range(page.proxy.rowCount()) if page.project_at(r).id == project.id)
    page.view.selectRow(row)
    assert page.presenter.selected == project.id
    editor = page.presenter.editor
    shown = page.editor.widgets["description"].toPlainText()
    assert shown == CRLF_TEXT.replace("\r\n", "\n")  # shown as two lines
    assert not editor.is_dirty and not window.has_unsaved_changes()
    assert not window.isWindowModified()
    page.view.selectRow(0 if row else 1)
    assert prompts.unsaved_questions == []
    store = window.session.store
    assert service.get_project(store, project.id).description == CRLF_TEXT  # the file as it was
    assert not window.undo_action.isEnabled()  # nothing was saved


def test_showing_a_record_again_in_the_same_form_changes_nothing(qtbot):
    """The kit's form over one record, then another (as the register's editor is): a choice held as its label and a
    list value the list shows by its label are shown, not typed; what the person picks still goes in."""
    fields = [Field("status", "Status", FieldKind.CHOICE, choices=(("proposed", "Proposed"), ("live", "Live"))),
              Field("route", "Route", FieldKind.EDITABLE_CHOICE, choices=(("prg", "PRG"),)),
              Field("notes", "Notes", FieldKind.LONG_TEXT)]
    form = FormPresenter(fields)
    view = FormView(form)
    qtbot.addWidget(view)
    form.load({"status": "live", "route": "", "notes": "one"})
    assert not form.is_dirty
    form.load({"status": "Proposed", "route": "prg", "notes": "a\r\nb"})  # as another program wrote them
    assert not form.is_dirty, form.dirty_fields()
    assert view.widgets["status"].currentText() == "Proposed"
    assert view.widgets["notes"].toPlainText() == "a\nb"
    view.widgets["status"].setCurrentIndex(1)  # picked by the person: typed
    assert form.value("status") == "live" and form.dirty_fields() == ["Status"]
    view.widgets["notes"].setPlainText("a\nb\nc")
    assert form.value("notes") == "a\nb\nc"
    assert QApplication.instance() is not None
