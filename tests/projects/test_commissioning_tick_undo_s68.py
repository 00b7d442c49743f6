"""Edit > Undo on the Commissioning page after ticking a project: the tick was no step of its own, so Ctrl+Z asked
Save / Discard / Cancel about the set and then undid the scenario's save made before it (Recre8 unticked as well,
in the file). Now a tick, an untick or a scale not yet saved is taken back first, as a box's typing is, and the Edit
menu names it ("Undo tick …"); once none is left, Undo is the file's (session 68)."""

from PySide6.QtCore import Qt

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects_commissioning as com
from tests.projects.test_commissioning_page import RETAINED, page, tick  # noqa: F401 - the fixture

__all__ = ["page"]


def _saved_ticks(store):
    return {i.project_id for i in next(s for s in com.list_scenarios(store) if s.name == RETAINED).items}


def test_ctrl_z_takes_back_the_last_tick_before_the_save(demo_window, page, qtbot, prompts):  # noqa: F811
    store, stack = page.session.store, demo_window.session.undo_stack
    presenter = page.presenter
    tick(page, qtbot, "7")  # Recre8
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = _saved_ticks(store)
    assert page.status.text() == "✓ as saved" and stack.undoText() == f"Save scenario “{RETAINED}”"
    depth = stack.index()
    before = dict(presenter.ticks)
    other = next(p for p in presenter.shown_projects() if p.id not in presenter.ticks)
    tick(page, qtbot, other.ref)
    title = other.title
    assert page.status.text() == "⚠ changed since saved"
    assert demo_window.undo_action.text() == f"&Undo tick {title}"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert presenter.ticks == before and page.status.text() == "✓ as saved"
    assert not prompts.unsaved_questions  # nothing asked: the tick went, nothing else
    assert stack.index() == depth and _saved_ticks(store) == saved  # the save stands
    assert demo_window.undo_action.text() == f"&Undo save scenario “{RETAINED}”"
    assert demo_window.redo_action.text() == f"&Redo tick {title}"
    demo_window.redo_action.trigger()
    assert set(presenter.ticks) == set(before) | {other.id}
    assert page.status.text() == "⚠ changed since saved" and stack.index() == depth
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # then the file's step: the save
    assert stack.index() == depth - 1 and not prompts.unsaved_questions
    assert _saved_ticks(store) != saved


def test_register_page_in_view_undoes_the_file(demo_window, page, qtbot):  # noqa: F811
    """Ticks are taken back from Commissioning only: with the Register page in view, Edit > Undo is the file's."""
    tick(page, qtbot, "7")
    assert demo_window.undo_action.text().startswith("&Undo tick ")
    tab = demo_window.show_tab("projects")
    tab.pages.setCurrentWidget(tab.register)
    assert not demo_window.undo_action.text().startswith("&Undo tick ")


def test_presenter_takes_back_ticks_scales_and_a_suggestion_until_saved(demo_store):
    from safer_desk.presenters.commissioning import CommissioningPresenter
    from safer_desk.services.projects import load_projects

    p = CommissioningPresenter(demo_store)
    p.set_projects(load_projects(demo_store))
    p.set_fund("£500,000")
    a, b = [q for q in p.shown_projects() if q.planning_pence][:2]
    p.tick(a.id)
    assert p.set_scale(a.id, "1/2")
    p.accept([b.id])
    assert p.tick_undo_text == f"Accept suggestion: tick {b.title}"  # session 72: what it ticked
    assert p.undo_tick() and set(p.ticks) == {a.id} and p.ticks[a.id].describe() == "1/2"
    assert p.undo_tick() == f"Scale {a.title} to 1/2" and p.ticks[a.id].is_whole
    assert p.undo_tick() == f"Tick {a.title}" and p.ticks == {} and p.tick_undo_text == ""
    assert p.redo_tick() == f"Tick {a.title}" and p.tick_redo_text == f"Scale {a.title} to 1/2"
    p.tick(b.id)  # a new step: nothing left to redo
    assert p.tick_redo_text == "" and p.tick_undo_text == f"Tick {b.title}"
    p.set_name("Two projects")
    assert p.save() and p.tick_undo_text == ""  # saved: Edit > Undo takes back the save itself
    p.tick(a.id, False)
    p.new()
    assert p.tick_undo_text == ""  # another set in view


def test_a_change_to_the_file_after_a_tick_is_undone_first(demo_window, page, qtbot, prompts):  # noqa: F811
    """A tick, then a project saved (newer): Edit > Undo takes back the save, not the tick behind it."""
    from safer_desk.presenters.actions import Action

    stack = demo_window.session.undo_stack
    tick(page, qtbot, "7")
    assert demo_window.undo_action.text().startswith("&Undo tick ")
    done = []
    page.presenter.perform(Action("Note a change", lambda: done.append(1), lambda: done.pop(), tab="projects"))
    assert stack.undoText() == "Note a change"
    assert demo_window.undo_action.text() == "&Undo note a change"
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    demo_window.undo_action.trigger()  # the file's step: the set not saved is asked about first (Cancel here)
    assert prompts.unsaved_questions and done == [1]
