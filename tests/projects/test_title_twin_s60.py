"""Projects, round s60: a second project given the title of one already in the register.

Added in the editor (Add project, "Homeshield Plus", Enter), a second Homeshield Plus was saved without a word:
a scenario and the board report count each, so the board paper showed the project twice and its £125,000 could be
committed twice. The papers give each project its own title (seed 000's fifteen, seed 003's eight), Paste rows
already says so of a row with a register title, and other doubles in the product (a contribution keyed twice, an
award's name) are asked about once. The editor now asks once beside Title; Save again keeps it (a second year's
bid may share a title), and a title the project already had is not asked about (a county file's merged offices
may each have an "Outreach worker").
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc


def _titles(store) -> list[str]:
    return [p.title for p in svc.load_projects(store)]


def test_a_new_project_with_a_register_title_is_asked_about_once_then_kept(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.add_project()
    editor = presenter.editor
    editor.set_value("title", "homeshield  plus")  # another case and spacing is the same title
    assert editor.save() is False
    said = editor.message("title")
    assert said == ("Another project (ref 1) is titled “Homeshield Plus”: a scenario and the board report would "
                    "count both. Save changes again to keep it.")
    assert editor.form_message == "Not saved yet: check the title queried below, then Save changes again to keep it."
    assert _titles(demo_store).count("Homeshield Plus") == 1  # nothing written yet
    assert editor.save() is True  # asked once: kept as typed
    assert [" ".join(t.casefold().split()) for t in _titles(demo_store)].count("homeshield plus") == 2


def test_a_title_changed_to_another_projects_is_asked_about_but_a_kept_title_is_not(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    strive = next(p for p in svc.load_projects(demo_store) if p.title == "Suffolk Strive")
    presenter.select(strive.id)
    editor = presenter.editor
    editor.set_value("title", "Suffolk Recre8")
    assert editor.save() is False and "Suffolk Recre8" in editor.message("title")
    editor.set_value("title", "Suffolk Strive")  # put back: nothing asked, the cost saves
    editor.set_value("cost", "£29,500")
    assert editor.save() is True and editor.message("title") == ""
    editor.set_value("title", "Suffolk Strive 2")
    assert editor.save() is True


def test_the_window_asks_beside_title_and_a_second_enter_adds_it(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    page = tab.register
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    qtbot.keyClicks(editor.widgets["title"], "Suffolk ELEV8")
    qtbot.keyClick(editor.widgets["title"], Qt.Key.Key_Return)
    assert editor.messages["title"].isVisibleTo(editor)
    assert "Another project (ref 5) is titled “Suffolk ELEV8”" in editor.messages["title"].text()
    assert tab.session.undo_stack.count() == 0
    qtbot.keyClick(editor.widgets["title"], Qt.Key.Key_Return)
    assert _titles(tab.session.store).count("Suffolk ELEV8") == 2
    assert tab.session.undo_stack.undoText() == "Add project Suffolk ELEV8"
