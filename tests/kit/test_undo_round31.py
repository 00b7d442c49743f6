"""Round 31: Edit > Undo / Redo across the window: a refused change keeps Redo, a change made in a reference dialog
is named in the History of Changes as its undo and redo are, and Save answered before an undo is not undone instead."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from safer_desk.presenters.actions import Action
from safer_desk.services import projects_commissioning as com
from safer_desk.ui.kit.undo import push_action, redo_step, undo_step
from tests.projects.test_commissioning_page import RETAINED, tick


def test_a_refused_action_leaves_redo_on_offer(qtbot):
    """QUndoStack.push drops the redo steps before it runs the command: a refusal then lost them, nothing done."""
    stack, lines = QUndoStack(), []
    push_action(stack, Action("Add", do=lambda: lines.append(1), undo=lines.pop))
    undo_step(stack)

    def refuse():
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        push_action(stack, Action("Refused", do=refuse, undo=lambda: None))
    assert stack.count() == 1 and stack.redoText() == "Add"
    redo_step(stack)
    assert lines == [1]


def test_a_refused_save_as_new_after_an_undo_keeps_redo_in_the_window(demo_window, qtbot, prompts):
    """Save a scenario with Recre8 ticked, Edit > Undo, then Save as new under a name already used: refused, and
    Edit > Redo still puts the tick back (the menu still offered it, but the refusal had dropped the step: Redo did
    nothing)."""
    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    store = demo_window.session.store
    tick(page, qtbot, "7")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = next(s for s in com.list_scenarios(store) if s.name == RETAINED)
    demo_window.undo()
    assert com.get_scenario(store, saved.id) != saved
    assert demo_window.redo_action.isEnabled()
    prompts.texts.append(RETAINED)  # Save as new… asks the name: the same name, refused
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and "already a scenario" in prompts.errors[-1][1]
    assert demo_window.redo_action.text() == f"&Redo save scenario “{RETAINED}”"
    demo_window.redo()
    assert com.get_scenario(store, saved.id) == saved


def test_a_district_corrected_is_named_in_the_history_as_its_undo_and_redo_are(demo_window, qtbot):
    """View > Districts…, Edit district…: the correction's audit entries had no action (the History of Changes read
    an unnamed change), while its undo and redo were "Undo edit district …" and "Redo edit district …"."""
    store = demo_window.session.store
    mark = store.scalar("SELECT max(id) FROM audit_log")
    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    qtbot.addWidget(dialog)
    page = dialog.districts
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "Babergh"))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    form.editors["county"].clear()
    qtbot.keyClicks(form.editors["county"], "Essex")
    assert form.save()
    demo_window.undo()
    demo_window.redo()
    labels = [r[0] for r in store.rows("SELECT action_label FROM audit_log WHERE id > ? AND table_name = 'districts' "
                                       "ORDER BY id", (mark,))]
    assert labels == ["Edit district Babergh: county", "Undo edit district Babergh: county",
                      "Redo edit district Babergh: county"]


def test_undo_answered_save_while_redo_is_on_offer_saves_and_does_not_undo_the_save(demo_window, qtbot, prompts):
    """Save a project, Undo it (Redo on offer), type a new title, Ctrl+Z and answer Save: the edit was saved and at
    once undone, unsaid (the window compared the stack's count, which the save left as it was by dropping the redo
    step). Saved, it is what Undo undoes next, as the guide says."""
    from safer_desk.presenters.screens import UnsavedChoice
    from tests.foundation.test_window_files import edited_register

    page = edited_register(demo_window, qtbot)
    stack, title = demo_window.session.undo_stack, page.editor.widgets["title"]

    def retype(text):
        title.setFocus()
        title.selectAll()
        qtbot.keyClicks(title, text)

    assert page.save_editor()
    retype("Homeshield Plus second")
    assert page.save_editor()
    demo_window.undo()
    assert stack.canRedo() and title.text() == "Homeshield Plus renamed"
    retype("Homeshield Plus again")
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    demo_window.undo_action.trigger()
    assert title.text() == "Homeshield Plus again" and stack.index() == 2
    assert demo_window.statusBar().currentMessage() == "Saved. Undo again to undo it."
    assert demo_window.undo_action.text() == "&Undo change title of Homeshield Plus renamed to Homeshield Plus again"


def test_undo_from_another_tab_answered_save_does_not_undo_that_save_instead(demo_window, qtbot, prompts):
    """A cell set on Budgets, then a title typed on Projects: Ctrl+Z brings Budgets into view and asks about the
    unsaved title; Save saved it and at once undid it, unsaid (the title back as it was), and the Budgets cell
    stayed set. Saved, the save is what Undo undoes next, as an answer of Save on the tab itself does."""
    from safer_desk.presenters.screens import UnsavedChoice
    from tests.foundation.test_window_files import edited_register, show_active

    show_active(demo_window, qtbot)
    budgets = demo_window.show_tab("budgets").presenter
    line = next(r for r in budgets.rows if r.line_id)
    assert budgets.set_cell(line.line_id, budgets.columns[0], "£1,234")
    page = edited_register(demo_window, qtbot)
    stack = demo_window.session.undo_stack
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    demo_window.undo_action.trigger()
    assert prompts.unsaved_questions[-1][1] == "Project Homeshield Plus has unsaved changes to Title."
    assert page.editor.project.title == "Homeshield Plus renamed" and stack.index() == 2
    assert demo_window.undo_action.text() == "&Undo change title of Homeshield Plus to Homeshield Plus renamed"
    assert demo_window.statusBar().currentMessage() == "Saved. Undo again to undo it."
