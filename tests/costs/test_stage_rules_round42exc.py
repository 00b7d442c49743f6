"""Costs > Reviews > More > Stage rules…, round 42 (exc).

Choosing a stage left the form showing the first rule's "due after", months and days (Decision: 1 month after
notification), not the chosen stage's. Choosing Published and typing 2 months saved "Published: 2 months after
notification": what it follows changed from the Quality Assurance Panel letter without a word, and every review's
Published due date moved. An undo of a rule typed over one the file held as impossible did nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter

TODAY = date(2018, 9, 1)


def rules_stored(store) -> dict[str, tuple]:
    return {r["id"]: (r["after_stage"], r["months"], r["days"])
            for r in store.rows("SELECT id, after_stage, months, days FROM dhr_stage_rules")}


@pytest.fixture
def presenter(demo_store):
    p = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload()
    return p


def test_choosing_a_stage_shows_its_own_rule(presenter):
    form = presenter.stage_rule_form()
    form.set_value("stage", "published")
    assert (form.value("after"), form.value("months"), form.value("days")) == ("qa_letter", "1", "0")
    form.set_value("stage", "qa_submitted")
    assert (form.value("after"), form.value("months"), form.value("days")) == ("decision", "6", "0")
    assert not form.is_dirty  # looking at a stage's rule changes nothing: Cancel asks nothing


def test_a_stage_chosen_then_its_months_changed_keeps_what_it_follows(presenter, demo_store):
    before = rules_stored(demo_store)
    form = presenter.stage_rule_form()
    form.set_value("stage", "published")
    form.set_value("months", "2")
    assert form.save(), form.form_message
    assert rules_stored(demo_store) == {**before, "published": ("qa_letter", 2, 0)}
    presenter.perform.undo()
    assert rules_stored(demo_store) == before


def test_what_was_typed_before_choosing_the_stage_is_kept(presenter, demo_store):
    """Months typed first, then the stage chosen: the months typed stay; what was not typed follows the stage."""
    form = presenter.stage_rule_form()
    form.set_value("months", "3")
    form.set_value("stage", "qa_letter")
    assert (form.value("after"), form.value("months"), form.value("days")) == ("qa_submitted", "3", "0")
    assert form.is_dirty
    assert form.save(), form.form_message
    assert rules_stored(demo_store)["qa_letter"] == ("qa_submitted", 3, 0)


def test_saving_a_stage_looked_at_and_left_as_it_is_adds_no_step(presenter, demo_store):
    before = rules_stored(demo_store)
    form = presenter.stage_rule_form()
    form.set_value("stage", "chair_appointed")
    assert form.save()
    assert rules_stored(demo_store) == before and presenter.perform.done == []


def test_a_rule_left_aside_as_impossible_is_typed_afresh_and_undo_puts_the_file_back(presenter, demo_store):
    """A rule an older file holds that no rule can be (left aside when the cases are read) shows blank, to be typed;
    Edit > Undo of the new one did nothing before (there was no rule to put back), now the file is as it was."""
    with demo_store.transaction():
        demo_store.conn.execute("UPDATE dhr_stage_rules SET months = 99999999 WHERE id = 'decision'")
    before = rules_stored(demo_store)
    form = presenter.stage_rule_form()
    form.set_value("stage", "decision")
    assert (form.value("after"), form.value("months"), form.value("days")) == ("", "", "")
    for key, value in (("after", "notification"), ("months", "1"), ("days", "0")):
        form.set_value(key, value)
    assert form.save(), form.form_message
    assert rules_stored(demo_store)["decision"] == ("notification", 1, 0)
    presenter.perform.undo()
    assert rules_stored(demo_store) == before


def test_the_stage_rule_dialog_follows_the_stage_chosen(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    dialog = page.stage_rule_dialog()
    stage = dialog.editors["stage"]
    stage.setCurrentIndex(stage.findData("published"))  # as the person picks it from the list
    assert dialog.editors["after"].currentData() == "qa_letter"
    assert dialog.editors["months"].text() == "1"
    dialog.reject()
