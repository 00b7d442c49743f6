"""The Projects tab, round 24: found keeping the register from the board papers and commissioning against a fund."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import projects_commissioning as com
from tests.projects.test_commissioning_page import tick


@pytest.fixture
def page(demo_window):
    demo_window.show()
    return demo_window.show_tab("projects").register


def retitle(page, qtbot, old, new):
    """A project's title typed over in the editor and saved with the Save button."""
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).title.startswith(old)))
    title = page.editor.widgets["title"]
    title.selectAll()
    title.insert(new)  # as pasted: QTest types no curly quotes
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert page.editor.project.title == new


@pytest.mark.parametrize(("stored", "typed"), [("Street “pastors”", '"pastors"'), ('Street "pastors"', "“pastors”"),
                                                ("Children’s Trust outreach", "children's trust"),
                                                ("Children's Trust outreach", "children’s trust")])
def test_search_finds_straight_and_curly_quotes_alike(page, qtbot, stored, typed):
    """A title or description copied from the board paper (Word writes “pastors” and Children’s) was not found by
    the search box with the quotes a keyboard types ("pastors", children's), nor the reverse: 0 of 23 shown."""
    retitle(page, qtbot, "Homeshield", stored)
    page.search.clear()
    page.search.insert(typed)
    assert [p.title for p in page.proxy.source_rows()] == [stored]
    assert page.count.text() == "1 of 23 projects"


def delete_from_register(demo_window, prompts, ref):
    """The project with ``ref`` deleted on the Register page (Delete, then Delete in the question)."""
    tab = demo_window.show_tab("projects")
    tab.pages.setCurrentWidget(tab.register)
    page = tab.register
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).ref == ref))
    prompts.answers.append(True)
    page.delete_selected()
    return tab


def test_a_ticked_project_deleted_from_the_register_leaves_the_set_savable(demo_window, qtbot, prompts):
    """Strive ticked on Commissioning, then deleted on the Register: back on Commissioning, Save said "A ticked
    project is no longer in the register." and the tick could not be taken off (the project is not listed), so the
    set could never be saved; only Discard, losing every other tick."""
    demo_window.show()
    tab = demo_window.show_tab("projects")
    com_page = tab.show_commissioning()
    tick(com_page, qtbot, "6")  # Strive, £29,000, over the £65,512
    tick(com_page, qtbot, "15")  # Town Centre Triage, £5,000
    assert "OVER-COMMITTED" in com_page.summary.text()
    delete_from_register(demo_window, prompts, "6")
    tab.show_commissioning()
    assert com_page.summary.text() == "⚠ Fund £65,512; committed £70,000; OVER-COMMITTED by £4,488"
    com_page.name.selectAll()
    qtbot.keyClicks(com_page.name, "Retained with the triage")
    qtbot.mouseClick(com_page.save_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors and com_page.status.text() == "✓ as saved"
    saved = com.get_scenario(demo_window.session.store, com_page.presenter.loaded.id)
    refs = {p.id: p.ref for p in tab.register.presenter.rows}
    assert sorted(refs[i.project_id] for i in saved.items) == ["10", "15", "4"]


def test_a_project_of_the_saved_scenario_deleted_leaves_it_as_saved_and_undo_ticks_it_again(demo_window, qtbot,
                                                                                              prompts):
    """Deleting a project the loaded scenario ticks made the page say "changed since saved" (the file had let the
    tick go, the page had not), and closing the window asked about a set nobody had changed."""
    demo_window.show()
    tab = demo_window.show_tab("projects")
    com_page = tab.show_commissioning()
    assert com_page.status.text() == "✓ as saved"
    delete_from_register(demo_window, prompts, "4")  # the DV coordinators, £30,000 of the £65,000 committed
    tab.show_commissioning()
    assert com_page.status.text() == "✓ as saved" and not demo_window.isWindowModified()
    assert "committed £35,000; remaining £30,512" in com_page.summary.text()
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: "committed £65,000; remaining £512" in com_page.summary.text())
    assert com_page.status.text() == "✓ as saved" and not demo_window.isWindowModified()
