"""Round 38 (rdo): a file open read-only says why nothing changed in the awards and populations lists and on
Commissioning.

Del on an award (View > Funders' Awards…) or a population did nothing without a word, as the Delete button was greyed;
on Commissioning, projects ticked said "changed since saved" and Ctrl+S saved nothing without a reason.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import funders
from safer_desk.services import projects_commissioning as com

SAID = ("was not done, as nothing in it can be changed (the title bar says read-only). To change it, open it again "
        "when nobody else has it open, or use File > Save a Copy… and work in the copy.")


def _read_only(window, demo_path):
    assert window.open_path(demo_path, read_only=True)
    window.resize(1280, 800)
    window.show()


def _choose_first_and_press_del(qtbot, dialog) -> None:
    dialog.view.setFocus()
    dialog.view.selectRow(0)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)


def test_del_on_an_award_says_why_nothing_is_deleted(window, demo_path, prompts, qtbot):
    _read_only(window, demo_path)
    window.awards_action.trigger()
    dialog = window._awards_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    count = len(funders.list_awards(window.session.store))
    assert "The file is open read-only: each can be read (Edit… shows it), not changed." in dialog.summary.text()
    _choose_first_and_press_del(qtbot, dialog)
    assert prompts.errors == [("Delete award", f"The file is open read-only: “Delete award” {SAID}")]
    assert not prompts.questions and len(funders.list_awards(window.session.store)) == count


def test_del_on_a_population_says_it_too(window, demo_path, prompts, qtbot):
    from safer_desk.ui.indicators.populations import PopulationsDialog

    _read_only(window, demo_path)
    dialog = PopulationsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = dialog.model.rowCount()
    assert rows and "each can be read (Change… shows it), not changed." in dialog.summary.text()
    _choose_first_and_press_del(qtbot, dialog)
    assert prompts.errors == [("Remove population", f"The file is open read-only: “Remove population” {SAID}")]
    assert not prompts.questions and dialog.model.rowCount() == rows


def test_a_writable_file_still_asks_before_deleting_an_award(demo_window, prompts, qtbot):
    demo_window.show()
    demo_window.awards_action.trigger()
    dialog = demo_window._awards_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "read-only" not in dialog.summary.text()
    _choose_first_and_press_del(qtbot, dialog)
    assert not prompts.errors and [title for title, _ in prompts.questions] == ["Delete award"]


WHAT_IF = "⚠ what-if: this file is open read-only, so it cannot be saved"
REFUSED = ("The file is open read-only: “Save scenario {}” was not done, as nothing in it can be changed (the title "
           "bar says read-only). The projects ticked are a what-if, kept here until the file is closed; to save them "
           "as a scenario, use File > Save a Copy… and work in the copy.")


@pytest.fixture
def what_if(window, demo_path, qtbot):
    """Commissioning in a file open read-only, a project ticked over the scenario loaded."""
    _read_only(window, demo_path)
    page = window.show_tab("projects").show_commissioning()
    assert page.status.text() == "✓ as saved"
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "7")  # Recre8
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(row, page.model.TICK))
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    return page


def test_a_tick_in_a_read_only_file_is_a_what_if_that_says_it_cannot_be_saved(window, what_if):
    page = what_if
    assert page.status.text() == WHAT_IF
    assert page.status.toolTip() == REFUSED.format(page.name.text())
    assert not page.save_button.isEnabled() and "The file is open read-only" in page.save_button.toolTip()
    assert not window.isWindowModified()  # nothing the file could take: no Save / Discard asked on leaving


def test_the_pages_save_says_why_nothing_was_saved(window, what_if, prompts):
    page = what_if
    count = len(com.list_scenarios(window.session.store))
    assert not page.save() and not page.save_as_new()
    said = ("Save scenario", REFUSED.format(page.name.text()))
    assert prompts.errors == [said, said]
    assert len(com.list_scenarios(window.session.store)) == count


def test_ctrl_s_says_why_nothing_was_saved(window, what_if, prompts, qtbot):
    page = what_if
    tab = window.tab_widgets["projects"]
    tab.pages.setCurrentWidget(tab.register)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert prompts.errors == [("Save", REFUSED.format(page.name.text()))]
    assert tab.pages.currentWidget() is tab._commissioning_holder
    assert window.statusBar().currentMessage() == "Not saved: the file is open read-only."


def test_the_presenter_calls_a_read_only_set_a_what_if_and_refuses_to_save_it(demo_path):
    from safer_desk.presenters.commissioning import WHAT_IF as SAID_BESIDE, CommissioningPresenter
    from safer_desk.services import projects as projects_service
    from safer_desk.storage.store import open_store

    store = open_store(demo_path, read_only=True)
    try:
        presenter = CommissioningPresenter(store)
        presenter.set_projects(projects_service.load_projects(store))
        presenter.load(com.list_scenarios(store)[0].id)
        assert presenter.status_text() == "" and presenter.not_saved_why() == ""
        presenter.tick(next(p.id for p in presenter.projects if p.id not in presenter.ticks))
        assert presenter.status_text() == SAID_BESIDE and not presenter.has_unsaved_changes()
        assert presenter.not_saved_why() == REFUSED.format(presenter.name.strip())
        assert not presenter.save() and presenter.error == REFUSED.format(presenter.name.strip())
    finally:
        store.close()
