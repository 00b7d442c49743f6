"""The Commissioning presenter without a window: scenarios saved and saved as new, the working set
compared with its saved scenario, a scale above 1 queried, and commissioning against the PCC's award."""

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.commissioning import CHANGED, NOT_SAVED, CommissioningPresenter
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com

RETAINED = "Retained budget 2009/10: pilot and DV coordinators"


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    p = CommissioningPresenter(demo_store, perform=log)
    p.set_projects(svc.load_projects(demo_store))
    p.load(next(s.id for s in com.list_scenarios(demo_store) if s.name == RETAINED))
    return p


def ref(p, r):
    return next(x.id for x in p.projects if x.ref == r and x.title)


def names(store):
    return sorted(s.name for s in com.list_scenarios(store))


def test_a_loaded_scenario_is_as_saved_until_changed(presenter):
    assert presenter.status_text() == "" and not presenter.has_unsaved_changes()
    assert "remaining £512" in presenter.result().summary()
    presenter.tick(ref(presenter, "7"))
    assert presenter.status_text() == CHANGED and presenter.has_unsaved_changes()
    assert RETAINED in presenter.describe_unsaved()
    presenter.tick(ref(presenter, "7"), False)
    assert presenter.status_text() == ""  # back to what is saved: nothing to say


def test_saving_under_a_new_name_never_overwrites_the_loaded_scenario(presenter, demo_store, log):
    original = com.get_scenario(demo_store, presenter.loaded.id)
    presenter.tick(ref(presenter, "7"))
    presenter.set_name("Retained budget with Recre8")
    assert presenter.save()
    assert com.get_scenario(demo_store, original.id) == original  # the loaded one is untouched
    assert "Retained budget with Recre8" in names(demo_store) and RETAINED in names(demo_store)
    assert presenter.loaded.name == "Retained budget with Recre8" and presenter.status_text() == ""
    assert log.undo_text == "Undo save new scenario “Retained budget with Recre8”"
    log.undo()
    assert "Retained budget with Recre8" not in names(demo_store)
    # Found by the commissioning walk: the set was then "not saved", though it came from the retained budget.
    assert presenter.loaded == original and presenter.status_text() == CHANGED
    log.redo()
    assert presenter.loaded.name == "Retained budget with Recre8" and presenter.status_text() == ""


def test_save_keeps_the_name_and_writes_the_loaded_scenario_and_undo_puts_it_back(presenter, demo_store, log):
    original = com.get_scenario(demo_store, presenter.loaded.id)
    presenter.set_scale(ref(presenter, "10"), "1/2")
    assert presenter.save()
    again = com.get_scenario(demo_store, original.id)
    assert again.scale_of(ref(presenter, "10")).describe() == "1/2" and len(names(demo_store)) == len(
        com.list_scenarios(demo_store))
    log.undo()
    assert com.get_scenario(demo_store, original.id).scale_of(ref(presenter, "10")).describe() == "1/3"


def test_save_as_new_adds_one_and_a_clashing_name_is_refused(presenter, demo_store):
    before = names(demo_store)
    assert not presenter.save_as_new()  # same name as the loaded one
    assert "already a scenario" in presenter.error and names(demo_store) == before
    presenter.set_name("Copy of the retained budget")
    assert presenter.save_as_new()
    assert len(names(demo_store)) == len(before) + 1 and RETAINED in names(demo_store)


def test_a_new_working_set_is_not_saved_until_saved(presenter, demo_store):
    presenter.new()
    assert presenter.status_text() == "" and presenter.loaded is None
    presenter.tick(ref(presenter, "4"))
    assert presenter.status_text() == NOT_SAVED and presenter.has_unsaved_changes()
    assert not presenter.save()  # no name
    assert "name" in presenter.error


def test_leaving_asks_and_discard_goes_back_to_the_saved_scenario(presenter):
    presenter.tick(ref(presenter, "7"))
    asked = []
    assert not presenter.may_leave(lambda text: asked.append(text) or UnsavedChoice.CANCEL)
    assert asked and presenter.has_unsaved_changes()
    assert presenter.may_leave(lambda text: UnsavedChoice.DISCARD)
    assert set(presenter.ticks) == {ref(presenter, "4"), ref(presenter, "10")}


def test_a_scale_of_6_is_queried_once_and_kept_when_typed_again(presenter):
    pid = ref(presenter, "4")
    assert not presenter.set_scale(pid, "6")
    assert "six times the project's cost" in presenter.message and "6 of 12 months" in presenter.message
    assert presenter.ticks[pid].describe() == "in full"  # nothing committed six times over
    assert presenter.set_scale(pid, "6 of 12 months") and presenter.ticks[pid].describe() == "6 of 12 months"
    assert not presenter.set_scale(pid, "6")
    assert presenter.set_scale(pid, "6")  # the same figure again: kept as typed
    assert presenter.ticks[pid].fraction == 6 and presenter.message == ""


def test_commissioning_against_the_pcc_award_counts_its_share_only(demo_store, log):
    p = CommissioningPresenter(demo_store, perform=log)
    p.set_projects(svc.load_projects(demo_store))
    p.new()
    award = next(a for a in p.awards() if a.funder in ("OPCC", "PCC") or "PCC" in a.name)
    p.set_award(award.id, "2017/18")
    assert p.fund_text == "£400,568"
    plymouth = [x for x in p.projects if funders.award_share(x, award, "2017/18") is not None
                and funders.award_share(x, award, "2017/18").state == "stated"]
    for project in plymouth:
        p.tick(project.id)
    summary = p.result().summary()
    assert "committed £233,500 of OPCC's money; remaining £167,068" in summary


def test_a_suggestion_of_one_project_is_said_in_the_singular(presenter):
    from safer_desk.domain.commissioning import Suggestion

    one = next(p for p in presenter.projects if p.ref == "6")
    text = presenter.suggestion_text(Suggestion(keys=(one.id,), score=1, cost_pence=100_000))
    assert text.startswith("Suggestion (not applied): 1 project meeting 1 criterion in total for ")


def test_what_fits_is_said_in_words_and_applied_only_when_accepted(presenter):
    s = presenter.suggest()
    text = presenter.suggestion_text(s)
    assert text.startswith("Suggestion (not applied): 4 projects meeting 15 criteria") and "leaving £512" in text
    assert set(presenter.ticks) == {ref(presenter, "4"), ref(presenter, "10")}
    presenter.accept(s.keys)
    assert {p.ref for p in presenter.projects if p.id in presenter.ticks} == {"6", "7", "8", "15"}
    presenter.set_fund("£1")
    assert presenter.suggestion_text(presenter.suggest()).startswith("Suggestion: no project")
    presenter.set_fund("")  # nothing to fit within: said, never nothing at all
    assert presenter.suggest() is None
    assert presenter.suggestion_text(None) == "Type the fund first: What fits? proposes the projects within it."
    presenter.set_fund("-5")
    assert presenter.suggestion_text(None) == "Fund: a fund cannot be negative."


def test_saving_a_scenario_changes_only_the_ticks_that_changed(presenter, demo_store, log):
    """Each save deleted every tick and wrote them again under new ids: the history and the county saw every
    project of the scenario removed and added for one more tick."""
    def ticks():
        return dict(tuple(r) for r in demo_store.rows("SELECT project_id, id FROM scenario_items WHERE scenario_id = ?",
                                                      (presenter.loaded.id,)))

    before = ticks()
    presenter.tick(ref(presenter, "7"))
    assert presenter.save()
    after = ticks()
    assert {k: after[k] for k in before} == before and len(after) == len(before) + 1
    entries = demo_store.rows("SELECT table_name, action FROM audit_log WHERE action_label = ?", (log.done[-1].text,))
    assert sorted((r[0], r[1]) for r in entries if r[0] == "scenario_items") == [("scenario_items", "insert")]
    log.undo()
    assert ticks() == before


def test_save_of_the_set_as_saved_writes_nothing(presenter, demo_store, log):
    loaded = presenter.loaded
    changes = demo_store.conn.total_changes
    assert presenter.status_text() == "" and presenter.save()
    assert demo_store.conn.total_changes == changes and not log.done
    assert com.get_scenario(demo_store, loaded.id) == loaded


def test_the_awards_year_and_the_end_of_a_range_are_chosen_saved_and_compared_with_what_is_saved(presenter, log):
    """Both were held and saved, but nothing chose them: a scenario always committed against an award's first year
    and counted a range's upper end."""
    pcc = next(a for a in presenter.awards() if a.name == "PCC grant to Safer Plymouth 2017-19")
    presenter.set_range_end("lower")
    assert presenter.status_text() == CHANGED and presenter.working().range_end == "lower"
    with pytest.raises(com.ScenarioError):
        presenter.set_range_end("middle")
    assert presenter.award_years() == []  # no award: no year to choose
    presenter.set_award(pcc.id)
    assert presenter.award_years() == ["2017/18", "2018/19"] and presenter.award_year == "2017/18"
    presenter.set_award_year("2018/19")
    assert (presenter.award_year, presenter.fund_text, presenter.working().award_year) == (
        "2018/19", "£400,568", "2018/19")
    assert presenter.save()
    saved = com.get_scenario(presenter.store, presenter.loaded.id)
    assert (saved.award_year, saved.range_end) == ("2018/19", "lower") and presenter.status_text() == ""
    presenter.set_range_end("upper")
    assert presenter.status_text() == CHANGED
    presenter.discard()
    assert (presenter.award_year, presenter.range_end) == ("2018/19", "lower")
    log.undo()  # the save undone: the scenario as it was, counting the first year's money and the upper end
    saved = com.get_scenario(presenter.store, saved.id)
    assert (saved.award_id, saved.award_year, saved.range_end) == (None, "", "upper")
