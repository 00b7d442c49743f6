"""A project whose title runs to thousands of characters is named briefly in Edit > Undo and the status bar (session
44, pr4).

A title pasted whole from a bid (3,000 characters) made an Edit > Undo entry and a status-bar message as long as the
title, wider than any screen. The register's steps now name such a project by the start of its title, cut at a word,
with "…"; a title of ordinary length is named in full as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc

LONG_TITLE = "Outreach and advocacy for families in Ipswich and Felixstowe " * 50  # 3,050 characters


def test_a_long_title_is_named_briefly_in_the_undo_entry_and_the_status_bar(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    QGuiApplication.clipboard().setText(LONG_TITLE)
    qtbot.keyClick(page.editor.widgets["title"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # pasted from a bid
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_project(demo_window.session.store, page.editor.project.id).title == LONG_TITLE.strip()  # kept whole
    undo = demo_window.session.undo_stack.undoText()
    assert undo.startswith("Add project Outreach and advocacy for families") and undo.endswith("…"), undo
    assert len(undo) <= 80, len(undo)
    assert not undo[:-1].endswith(" ")  # cut at a word, not after a space
    assert len(demo_window.statusBar().currentMessage()) <= 120, demo_window.statusBar().currentMessage()


def test_delete_and_its_question_name_a_long_title_briefly(demo_store):
    register = ProjectsPresenter(demo_store)
    register.reload()
    project = register.rows[0]
    svc.save_project(demo_store, svc.Project(**{**project.__dict__, "title": LONG_TITLE.strip()}), loaded=project)
    register.reload()
    question = register.delete_question([project.id])
    assert question.startswith("Delete project Outreach and advocacy") and len(question) < 400, question
    assert register.said(register.project(project.id)).endswith("…")


def test_an_ordinary_title_is_named_in_full(demo_store):
    register = ProjectsPresenter(demo_store)
    register.reload()
    homeshield = next(p for p in register.rows if p.title == "Homeshield Plus")
    assert register.said(homeshield) == "Homeshield Plus"
    assert register.describe_many([homeshield.id]) == "project Homeshield Plus"
