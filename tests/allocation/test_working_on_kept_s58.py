"""Session 58 (alloc): the name and year typed in Working on are kept with the working inputs, as the inputs are.

Next year's allocation begun from a saved scenario: its name and year typed in Working on, figures changed, the file
closed. Opened again, the inputs were there but Working on showed the scenario they came from, under its own name and
year: the chart's legend named the wrong years, and Save wrote the new figures over that scenario (only the agreed
one asks first). The guide says closing loses nothing; the name and year typed now come back with the inputs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from safer_desk.services import allocation as service
from tests.allocation.test_tab_scenarios import type_option


def chosen(combo, words: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if words in combo.itemText(i)))


def test_a_typed_name_and_year_come_back_when_the_file_is_opened_again(qtbot, demo_window, demo_path, prompts):
    tab = demo_window.show_tab("allocation")
    chosen(tab.scenario_combo, "with exact shares")
    tab.open_selected_scenario()
    tab.scenario_name.setText("Next year draft")
    tab.scenario_year.setText("2010/11")
    type_option(qtbot, tab, "retain", "12")
    demo_window.set_store(None)  # closed, and opened again
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the closed file's tabs gone, as in use
    assert demo_window.open_path(Path(demo_path))
    again = demo_window.show_tab("allocation")
    assert again is not tab
    assert (again.scenario_name.text(), again.scenario_year.text()) == ("Next year draft", "2010/11")
    assert again.chart.years == ("2010/11", "2009/10")
    before = {s.id: s.total_pence for s in service.list_scenarios(again.store)}
    again.save_scenario()  # a new scenario beside the one the inputs came from, which is left as it was
    after = {s.id: s.total_pence for s in service.list_scenarios(again.store)}
    assert len(after) == len(before) + 1 and all(after[k] == v for k, v in before.items())
    assert any(s.name == "Next year draft" and s.year == "2010/11" for s in service.list_scenarios(again.store))


def test_a_name_typed_with_no_edit_after_it_comes_back_too(qtbot, demo_window, demo_path):
    tab = demo_window.show_tab("allocation")
    tab.scenario_name.setText("Option 3")
    demo_window.set_store(None)
    assert demo_window.open_path(Path(demo_path))
    assert demo_window.show_tab("allocation").scenario_name.text() == "Option 3"


def test_a_name_typed_then_an_earlier_edit_undone_comes_back_as_typed(demo_store):
    """The undo of an edit made before the name was typed put the kept working inputs back as they were before that
    edit, and the name kept with them: the window still showed the name typed, but opened again the file had the
    scenario's own name, and Save wrote over it."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.allocation import AllocationPresenter
    from safer_desk.services import allocation_workbench as bench

    log = ActionLog()
    presenter = AllocationPresenter(demo_store, perform=log)
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    presenter.set_name("Next year draft")
    presenter.set_year("2010/11")
    log.undo()
    assert (presenter.name, presenter.year) == ("Next year draft", "2010/11")
    again = AllocationPresenter(demo_store)
    assert (again.name, again.year) == ("Next year draft", "2010/11")
    log.redo()
    redone = AllocationPresenter(demo_store)
    assert (redone.name, redone.year) == ("Next year draft", "2010/11")
