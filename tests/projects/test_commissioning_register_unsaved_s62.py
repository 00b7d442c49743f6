"""Round 62: Commissioning says when the Register page holds a change of a project it lists that is not saved.

Commissioning counts the register as saved. With InnKeeper's cost typed as £51,000 on the Register page and not
saved, the Commissioning page showed and committed the saved figure without a word, as if the change were counted.
The page now says so above its table (the project named, and where to save it), as the window's title says unsaved
work; the change stays typed on the Register page, and the note goes once it is saved or taken back.

s67: moving to Commissioning with such a change now asks first (Save / Discard / Cancel), as leaving a tab does
(tests/projects/test_register_to_commissioning_asks_s67.py), so the page is not shown with it unsaved; the words stay
for a change the page lists.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services.projects import load_projects

INNKEEPER = "InnKeeper / Local Target 7 projects"  # ref 3 in the example file


def _edit_innkeeper(demo_window, qtbot):
    demo_window.resize(1400, 900)
    demo_window.show()
    tab = demo_window.show_tab("projects")
    page = tab.register
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == INNKEEPER)
    rect = page.view.visualRect(page.proxy.index(row, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert page.presenter.selected_project.title == INNKEEPER
    cost = page.editor.widgets["cost"]
    cost.selectAll()
    cost.insert("£51,000")
    return tab


def test_the_words_name_only_a_listed_project_with_a_change(demo_store):
    projects = load_projects(demo_store)
    presenter = CommissioningPresenter(demo_store)
    presenter.set_projects(projects)
    innkeeper = next(p for p in projects if p.title == INNKEEPER)
    assert presenter.register_edit_words(innkeeper, unsaved=False) == ""
    assert "3. InnKeeper" in presenter.register_edit_words(innkeeper, unsaved=True)
    presenter.set_projects([p for p in projects if p is not innkeeper])
    assert presenter.register_edit_words(innkeeper, unsaved=True) == ""
