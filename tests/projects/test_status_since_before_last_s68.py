"""Session 68: a status's *since* date before the status it follows.

Plymouth's P1 was proposed on 24/01/2017 (the Commissioning Intentions paper). Set to Commissioned since 01/01/2017
(a slip for 01/07/2017), it saved without a word, and its History read backwards: "proposed 24/01/2017 →
commissioned 01/01/2017". Such a date is now queried beside the field, naming the status before it and its date;
Save again keeps it (the earlier date may be the wrong one), and a date on or after it saves at once.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter

BEFORE_PROPOSED = ("01/01/2017 is before 24/01/2017, when it was proposed: the History would read backwards. Is the "
                   "date right?")


@pytest.fixture
def p1(demo_store):
    register = ProjectsPresenter(demo_store, perform=ActionLog())
    register.reload()
    project = next(p for p in register.rows if p.ref == "P1")
    register.select(project.id)
    return register


def test_a_new_status_dated_before_the_last_is_queried_then_kept(p1):
    editor = p1.editor
    editor.set_value("status", "commissioned")
    editor.set_value("status_date", "01/01/2017")
    assert not editor.save()
    assert editor.slips["status_date"].message == BEFORE_PROPOSED
    assert editor.form_message == "Not saved yet: check the date queried below, then Save changes again to keep it."
    assert editor.save()  # asked once
    assert [h.changed_on for h in p1.selected_project.status_history] == ["2017-01-24", "2017-01-01"]


def test_a_date_on_or_after_the_last_saves_at_once(p1):
    editor = p1.editor
    editor.set_value("status", "commissioned")
    editor.set_value("status_date", "24/01/2017")
    assert editor.save()
    assert "status_date" not in editor.slips


def test_the_date_of_the_status_held_is_compared_with_the_one_before_it(p1):
    editor = p1.editor
    editor.set_value("status", "commissioned")
    editor.set_value("status_date", "01/06/2017")
    assert editor.save()
    editor.set_value("status_date", "01/01/2017")  # the commissioned date retyped: still after proposed?
    assert not editor.save()
    assert editor.slips["status_date"].message == BEFORE_PROPOSED


def test_the_window_asks_beside_since(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    page = tab.register
    p1 = next(p for p in page.presenter.rows if p.ref == "P1")
    page.presenter.select(p1.id)
    page.presenter.editor.set_value("status", "commissioned")
    editor = page.editor
    since = editor.widgets["status_date"]
    field = since.edit
    field.clear()
    qtbot.keyClicks(field, "01/01/2017")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.messages["status_date"].isVisibleTo(editor)
    assert BEFORE_PROPOSED in editor.messages["status_date"].text()
    assert tab.session.undo_stack.count() == 0
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert tab.session.undo_stack.undoText() == "Change status of Plymouth Domestic Abuse contract to Commissioned"
