"""Undo and redo as the History of Changes reads them, and as exactly as the file had it (round 25).

Found by saving a project's capital, pressing Edit > Undo and Edit > Redo and opening View > History of Changes:
the undo read "Undo save project Homeshield Plus", but the redo read "Save project Homeshield Plus", the very words
of the first save, so an auditor could not tell a redo from a second save made by hand.

And by pressing Edit > Undo with the other page of a two-page tab in view (Costs: Reviews / Pooled funds; Projects:
Register / Commissioning): the tab came forward, but the change was undone on the page out of sight.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoStack

from safer_desk.presenters.actions import Action, ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import dhr, reference
from safer_desk.ui.kit.undo import ActionCommand, push_action, redo_step, undo_step
from tests.foundation.test_window_files import show_active
from tests.foundation.test_window_history import column, save_capital

SAVED = "capital of Homeshield Plus to £4,321.09"  # what a save changed, as its step names it (session 69)


def add_district(store, name: str) -> Action:
    added = {}

    def do():
        added["id"] = reference.add_district(store, name)

    return Action(f"Add district {name}", do, lambda: reference.remove_reference(store, "district", added["id"]))


def test_a_redo_through_a_presenter_is_named_a_redo_in_the_history(demo_store):
    log = ActionLog()
    register = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    register.reload()
    register.select(next(p.id for p in register.rows if p.title == "Homeshield Plus"))
    register.editor.set_value("capital", "4321.09")
    assert register.save()
    log.undo()
    log.redo()
    actions = [line.action for line in history_lines(demo_store)[:3]]
    assert actions == [f"Redo change {SAVED}", f"Undo change {SAVED}", f"Change {SAVED}"]


def test_a_redo_on_the_undo_stack_is_named_a_redo_and_its_first_run_keeps_its_own_name(demo_store, qtbot):
    stack = QUndoStack()
    push_action(stack, add_district(demo_store, "Babergh Extra"))
    assert history_lines(demo_store)[0].action == "Add district Babergh Extra"
    undo_step(stack)
    redo_step(stack)
    assert history_lines(demo_store)[0].action == "Redo add district Babergh Extra"
    stack.undo()
    stack.redo()  # QUndoStack's own redo (a command pushed again after undo runs redo itself)
    assert [line.action for line in history_lines(demo_store)[:2]] == ["Redo add district Babergh Extra",
                                                                       "Undo add district Babergh Extra"]
    assert stack.redoText() == "" and stack.undoText() == "Add district Babergh Extra"


def test_an_action_done_before_it_is_pushed_is_named_a_redo_when_redone(demo_store, qtbot):
    stack = QUndoStack()
    push_action(stack, add_district(demo_store, "Babergh Extra"), run_first=True)
    assert isinstance(stack.command(0), ActionCommand)
    undo_step(stack)
    redo_step(stack)
    assert [line.action for line in history_lines(demo_store)[:3]] == [
        "Redo add district Babergh Extra", "Undo add district Babergh Extra", "Add district Babergh Extra"]


def test_the_window_s_redo_reads_as_a_redo_in_the_history_and_the_menu_is_unchanged(demo_window, qtbot):
    show_active(demo_window, qtbot)
    save_capital(demo_window, qtbot, "4321.09")
    demo_window.undo_action.trigger()
    assert demo_window.redo_action.text() == f"&Redo change {SAVED}"
    demo_window.redo_action.trigger()
    assert demo_window.undo_action.text() == f"&Undo change {SAVED}"
    demo_window.history_action.trigger()
    dialog = demo_window._history_dialog
    qtbot.addWidget(dialog)
    assert column(dialog, "Action")[:3] == [f"Redo change {SAVED}", f"Undo change {SAVED}", f"Change {SAVED}"]
    redone = "Changed the capital of project Homeshield Plus from (blank) to £4,321.09"
    assert column(dialog, "What changed")[0] == redone
    dialog.close()



# Edit > Undo brings the action's tab into view, but not the page of a two-page tab the action was made on (only the
# Pooled funds page is brought forward, by ui/costs/tab.py): the change is undone out of sight. The fix belongs in
# ui/costs/tab.py and ui/projects/tab.py (not this helper's files); these fail until it is made.


def test_undoing_a_review_change_from_the_pooled_funds_page_brings_the_reviews_page_forward(demo_window, qtbot):
    from safer_desk.ui.costs.tab import FUNDS

    demo_window.resize(1280, 690)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    case_id = dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-02")
    assert page.select_case(case_id)
    before = dhr.case_cost_pence(page.store, case_id)
    form = page.presenter.cost_line_form()
    form.set_value("amount", "1000")
    assert form.save() or form.save(), (form.errors, form.form_message)
    tab.pages.setCurrentIndex(FUNDS)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    demo_window.undo_action.trigger()
    assert dhr.case_cost_pence(page.store, case_id) == before
    assert tab.pages.currentWidget() is tab.reviews


def test_undoing_a_project_save_from_the_commissioning_page_brings_the_register_forward(demo_window, qtbot):
    show_active(demo_window, qtbot)
    save_capital(demo_window, qtbot, "4321.09")
    tab = demo_window.show_tab("projects")
    tab.show_commissioning()
    demo_window.undo_action.trigger()
    store = demo_window.session.store
    assert store.scalar("SELECT capital_pence FROM projects WHERE title = 'Homeshield Plus'") is None
    assert tab.pages.currentWidget() is tab.register


def test_undoing_a_commissioning_save_from_the_register_brings_commissioning_forward(demo_window, qtbot):
    show_active(demo_window, qtbot)
    tab = demo_window.show_tab("projects")
    page = tab.show_commissioning()
    p = page.presenter
    p.set_name("Round 25 pot")
    p.set_fund("£50,000")
    p.tick(p.shown_projects()[0].id)
    assert p.save(), p.message
    tab.pages.setCurrentWidget(tab.register)
    demo_window.undo_action.trigger()
    assert "Round 25 pot" not in [s.name for s in p.scenarios()]
    assert tab.pages.currentWidget() is tab._commissioning_holder
