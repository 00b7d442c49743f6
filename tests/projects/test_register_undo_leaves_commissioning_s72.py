"""Session 72: on Projects > Register, deleting two projects and pressing Ctrl+Z jumped to Projects > Commissioning and
asked Save / Discard / Cancel about Commissioning's unsaved set, though neither project was ticked there: the undo
re-reads the register's rows, and Commissioning keeps its ticks through that. The undo of a register step now asks
only about a change typed on the Register page, stays on that page, and leaves the set as it was, unsaved.

Undo (and Redo) of a delete or paste of several projects chose only the first of them again: all are now chosen, as
the step names them ("Delete 2 projects (Suffolk Recre8 and Suffolk Strive)")."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.domain.ids import new_id
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from tests.projects.test_commissioning_page import page, tick  # noqa: F401 - the fixture

__all__ = ["page"]


def _ids(presenter, *refs: str) -> list[str]:
    by_ref = {p.ref: p.id for p in presenter.rows}
    return [by_ref[r] for r in refs]


def test_undo_of_a_register_delete_leaves_the_commissioning_set_alone(demo_window, page, qtbot,  # noqa: F811
                                                                     prompts):
    tab = demo_window.show_tab("projects")
    register = tab.register
    ids = _ids(register.presenter, "7", "6")
    untouched = next(p for p in page.presenter.shown_projects()
                     if p.id not in page.presenter.ticks and p.id not in ids)
    tick(page, qtbot, untouched.ref)  # the set now differs from its saved scenario: unsaved
    ticks = dict(page.presenter.ticks)
    assert tab.has_unsaved_changes() and not set(ids) & set(ticks)
    tab.pages.setCurrentWidget(register)
    assert tab.pages.currentWidget() is register and not prompts.unsaved_questions
    register.presenter.delete(ids)
    assert demo_window.session.undo_stack.undoText() == "Delete 2 projects (Suffolk Recre8 and Suffolk Strive)"
    register.view.setFocus()
    qtbot.keyClick(register.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert prompts.unsaved_questions == []  # nothing asked about the set
    assert tab.pages.currentWidget() is register  # the Register page stays in view
    assert page.presenter.ticks == ticks and page.presenter.has_unsaved_changes()  # the set kept, still unsaved
    assert {p.id for p in register.presenter.rows} >= set(ids)  # both back
    assert sorted(p.id for p in register.selected_projects()) == sorted(ids)  # both chosen again, as named
    demo_window.redo_action.trigger()
    assert prompts.unsaved_questions == [] and page.presenter.ticks == ticks
    demo_window.undo_action.trigger()
    assert sorted(p.id for p in register.selected_projects()) == sorted(ids)


def test_undo_of_a_register_step_still_asks_about_a_change_typed_on_the_register(demo_window, page, qtbot,  # noqa
                                                                                 prompts):
    tab = demo_window.show_tab("projects")
    register = tab.register
    tick(page, qtbot, next(p for p in page.presenter.shown_projects() if p.id not in page.presenter.ticks).ref)
    tab.pages.setCurrentWidget(register)
    register.presenter.delete(_ids(register.presenter, "7"))
    register.presenter.select(_ids(register.presenter, "5")[0])
    title = register.editor.widgets["title"]
    title.selectAll()
    title.insert("Suffolk ELEV8 (renamed)")
    prompts.unsaved_answers[:] = ["cancel"]
    demo_window.undo_action.trigger()
    assert len(prompts.unsaved_questions) == 1 and "ELEV8" in prompts.unsaved_questions[0][1]
    assert "Commissioning" not in prompts.unsaved_questions[0][1] and tab.pages.currentWidget() is register
    assert demo_window.session.undo_stack.undoText().startswith("Delete project")  # cancelled: nothing undone


def test_presenter_chooses_every_project_of_a_step_again(demo_store):
    log = ActionLog()
    p = ProjectsPresenter(demo_store, perform=log)
    p.reload()
    chosen: list = []
    p.rows_chosen.connect(chosen.append)
    ids = _ids(p, "7", "6")
    p.delete(ids)
    log.undo()
    assert chosen == [ids] and p.selected is None and p.editor.project is None  # both chosen, neither in the editor
    log.redo()
    assert chosen == [ids]  # gone again: the page chooses the row in their place
    copies = [replace(p.project(i), id=new_id(), ref="") for i in _ids(p, "5", "12")]
    p.add_pasted(copies)
    assert chosen[-1] == [c.id for c in copies]
    log.undo()
    log.redo()
    assert chosen[-1] == [c.id for c in copies] and len(chosen) == 3
    one = [replace(p.project(_ids(p, "5")[0]), id=new_id(), ref="")]
    p.add_pasted(one)
    assert len(chosen) == 3 and p.selected == one[0].id  # one alone: chosen and in the editor, as before


def test_a_step_on_a_ticked_project_says_what_the_set_now_counts(demo_window, page, qtbot, prompts):  # noqa: F811
    """Recre8 ticked in the set, not saved, then deleted on the Register page: Ctrl+Z asks nothing, the tick stays,
    and the status bar says the set counts Recre8 again; Ctrl+Y that it no longer does."""
    tab = demo_window.show_tab("projects")
    register = tab.register
    recre8 = _ids(register.presenter, "7")[0]
    tick(page, qtbot, "7")
    assert recre8 in page.presenter.ticks and page.presenter.has_unsaved_changes()
    tab.pages.setCurrentWidget(register)
    register.presenter.delete([recre8])
    register.view.setFocus()
    qtbot.keyClick(register.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert prompts.unsaved_questions == [] and tab.pages.currentWidget() is register
    assert recre8 in page.presenter.ticks
    said = demo_window.statusBar().currentMessage()
    assert said.endswith("Edit > Redo puts it back. The Commissioning set not saved counts Suffolk Recre8 again."), said
    demo_window.redo_action.trigger()
    said = demo_window.statusBar().currentMessage()
    assert said.endswith("The Commissioning set not saved no longer counts Suffolk Recre8 (still ticked there)."), said
    assert recre8 in page.presenter.ticks and prompts.unsaved_questions == []
    tab.pages.setCurrentWidget(tab._commissioning_holder)
    assert recre8 not in {i.project_id for i in page.presenter.items()}  # not counted while it is out
