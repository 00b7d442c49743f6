"""The Allocation presenter without a window: Save and Save as new (a loaded scenario is never overwritten under
another name), the working set compared with its saved scenario, the money helper's warnings."""

from fractions import Fraction

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import CHANGED, NOT_SAVED, AllocationPresenter
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    return AllocationPresenter(demo_store, perform=log)


def titles(store):
    return sorted(s.title for s in service.list_scenarios(store))


def test_opens_on_the_agreed_scenario_as_saved(presenter):
    assert presenter.loaded is not None and presenter.loaded.adopted
    assert presenter.status_text() == "" and "✓ as saved" in presenter.scenario_label()
    assert presenter.result.total_pence == 589_608_00


def test_an_edit_says_changed_since_saved_and_undo_takes_it_back(presenter, log):
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    assert presenter.status_text() == CHANGED and CHANGED in presenter.scenario_label()
    assert not presenter.has_unsaved_changes()  # kept in the file as the working draft: nothing to lose
    assert log.undo_text == "Undo change Retained %"
    log.undo()
    assert presenter.status_text() == ""


def test_the_draft_remembers_which_scenario_it_came_from(presenter, demo_store):
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    again = AllocationPresenter(demo_store)
    assert again.loaded.id == presenter.loaded.id and again.status_text() == CHANGED


def test_saving_under_a_new_name_never_overwrites_the_loaded_scenario(presenter, demo_store, log):
    agreed = presenter.loaded
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    assert presenter.save("Keep 5%", "2009/10")
    assert service.load_scenario(demo_store, agreed.id) == agreed
    assert presenter.loaded.name == "Keep 5%" and presenter.status_text() == ""
    assert log.undo_text == "Undo save new scenario Keep 5%"
    log.undo()
    assert not any("Keep 5%" in t for t in titles(demo_store)) and presenter.loaded == agreed


def test_save_under_its_own_name_writes_the_loaded_scenario_and_undo_puts_it_back(presenter, demo_store, log):
    agreed = presenter.loaded
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    assert presenter.save(agreed.name, agreed.year)
    again = service.load_scenario(demo_store, agreed.id)
    assert again.options.retain == Fraction(5, 100) and again.adopted and again.name == agreed.name
    assert len(titles(demo_store)) == 2 and presenter.status_text() == ""
    log.undo()
    assert service.load_scenario(demo_store, agreed.id).options.retain == agreed.options.retain


def test_save_as_new_with_the_loaded_name_is_refused(presenter, demo_store):
    before = titles(demo_store)
    assert not presenter.save_as_new(presenter.loaded.name, presenter.loaded.year)
    assert "already" in presenter.error and titles(demo_store) == before
    assert not presenter.save("", "2009/10") and "needs a name" in presenter.error


def test_a_working_set_from_nothing_is_not_saved(store):
    p = AllocationPresenter(store)
    assert p.loaded is None and p.status_text() == ""
    p.edit(bench.with_new_row, "Add partnership")
    assert p.status_text() == NOT_SAVED


def test_the_money_helpers_warnings_are_offered(presenter):
    assert presenter.warnings() == ()
    presenter.edit(lambda s: bench.with_factor_weight(s, 0, "50"), "Change factor")
    assert any("has the weight 50; as the only factor it was counted as 100%" in w for w in presenter.warnings())
