"""Session 69: a project's save and an award's correction say what they changed.

Every save of a project read "Undo save project Outreach worker" and every award correction "Change award …",
whatever was edited, where other corrections name theirs ("Change referral TH-2018-008 …: district Mid Suffolk"):
an officer who saved the same project three times could not tell which save Edit > Undo would take back. One
field saved says what and to what ("Change cost of 17. Outreach worker to £30,000"); several are named, then
counted ("Change cost, status and 2 more of …"); free text and people's names are named, never quoted. The same
words are the History of Changes' action.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import ActionLog, change_text
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import add_projects, project_from_fields
from safer_desk.storage.store import open_store


@pytest.fixture
def office(tmp_path):
    store = open_store(tmp_path / "babergh.sqlite", create=True, office_name="Babergh office")
    add_projects(store, [project_from_fields({"title": "Outreach worker", "ref": "16", "cost": "£10,000"}),
                         project_from_fields({"title": "Outreach worker", "ref": "17", "cost": "£12,000",
                                              "status": "proposed", "notes": "Ask J Smith"}),
                         project_from_fields({"title": "Youth diversion", "ref": "3"})])
    yield store
    store.close()


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def register(office, log):
    p = ProjectsPresenter(office, perform=log)
    p.reload()
    return p


def _choose(register, ref):
    register.select(next(p for p in register.rows if p.ref == ref).id)
    return register.editor


def test_one_field_saved_says_what_and_to_what_with_twins_told_apart_by_ref(register, office, log):
    editor = _choose(register, "17")
    editor.set_value("cost", "£30,000")
    assert editor.save()
    assert log.undo_text == "Undo change cost of 17. Outreach worker to £30,000"
    assert history_lines(office)[0].action == "Change cost of 17. Outreach worker to £30,000"
    log.undo()
    assert history_lines(office)[0].action == "Undo change cost of 17. Outreach worker to £30,000"
    editor = _choose(register, "3")
    editor.set_value("start_date", "01/04/2025")
    assert editor.save()
    assert log.done[-1].text == "Change start date of Youth diversion to 01/04/2025"
    editor = _choose(register, "3")
    editor.set_value("start_date", "")
    assert editor.save()
    assert log.done[-1].text == "Change start date of Youth diversion to (blank)"  # as the History's detail says


def test_several_fields_are_named_then_counted(register, log):
    editor = _choose(register, "17")
    editor.set_value("cost", "£30,000")
    editor.set_value("status", "commissioned")
    assert editor.save()
    assert log.done[-1].text == "Change status and cost of 17. Outreach worker"
    editor = _choose(register, "17")
    for key, value in (("cost", "£31,000"), ("status", "proposed"), ("lead_organisation", "Suffolk Council"),
                       ("funding_route", "Grant")):
        editor.set_value(key, value)
    assert editor.save()
    assert log.done[-1].text == "Change lead organisation, status and 2 more of 17. Outreach worker"
    editor = _choose(register, "17")
    editor.set_value("cross_cutting", "yes")
    editor.set_value("csp_priority", "yes")
    assert editor.save()
    assert log.done[-1].text == "Change CSP priority and cross cutting of 17. Outreach worker"


def test_the_window_s_undo_redo_and_their_tooltips_say_the_same_words(demo_window, qtbot):
    from tests.foundation.test_window_history import save_capital

    save_capital(demo_window, qtbot, "4321.09")
    said = "change capital of Homeshield Plus to £4,321.09"
    assert demo_window.session.undo_stack.undoText() == "C" + said[1:]
    assert demo_window.undo_action.text() == f"&Undo {said}" and demo_window.undo_action.toolTip() == f"Undo {said}"
    demo_window.undo_action.trigger()
    assert demo_window.redo_action.text() == f"&Redo {said}" and demo_window.redo_action.toolTip() == f"Redo {said}"


def test_free_text_is_named_never_quoted_and_a_title_changed_alone_names_it_as_it_was(register, log):
    editor = _choose(register, "17")
    editor.set_value("notes", "Ask K Jones")
    assert editor.save()
    assert log.done[-1].text == "Change notes of 17. Outreach worker"
    editor = _choose(register, "3")
    editor.set_value("title", "Youth diversion (Mid Suffolk)")
    assert editor.save()
    assert log.done[-1].text == "Change title of Youth diversion to Youth diversion (Mid Suffolk)"


@pytest.mark.parametrize("changed, said", [
    ([("cost", "£30,000")], "Change cost of X to £30,000"),
    ([("notes", None)], "Change notes of X"),
    ([("end date", "")], "Change end date of X to (blank)"),
    ([("cost", "£1"), ("status", "Approved")], "Change cost and status of X"),
    ([("cost", "£1"), ("status", "Approved"), ("notes", None)], "Change cost, status and notes of X"),
    ([("cost", "£1"), ("status", "Approved"), ("notes", None), ("ref", "")], "Change cost, status and 2 more of X"),
])
def test_change_text(changed, said):
    assert change_text(changed, "X") == said


LONG = "Suffolk, Norfolk and Essex joint youth diversion programme for young people at risk of exploitation"


def test_a_long_title_is_cut_from_its_start_to_leave_the_change_whole_on_the_menu(office, register, log):
    from safer_desk.ui.main_window import UNDO_TEXT_MOST, undo_words

    add_projects(office, [project_from_fields({"title": LONG, "ref": "9", "cost": "£1,000"})])
    register.reload()
    editor = _choose(register, "9")
    for key, value in (("cost", "£31,000"), ("status", "commissioned"), ("lead_organisation", "Suffolk Council"),
                       ("funding_route", "Grant")):
        editor.set_value(key, value)
    assert editor.save()
    text = log.done[-1].text
    assert text.startswith("Change lead organisation, status and 2 more of Suffolk, Norfolk and Essex")
    assert len(text) <= UNDO_TEXT_MOST and undo_words(text) == text  # shown whole: the menu does not cut it again
    editor = _choose(register, "9")
    editor.set_value("cost", "£32,000")
    assert editor.save()
    text = log.done[-1].text
    assert text.startswith("Change cost of Suffolk, Norfolk and Essex") and text.endswith("… to £32,000")
    assert undo_words(text) == text


# -- an award's correction ------------------------------------------------------------------------------------------
CSP = "CSP funding 2018-2021"


def _correct_award(store, log, **typed):
    from safer_desk.presenters.awards import AwardsPresenter

    awards = AwardsPresenter(store, perform=log)
    form = awards.edit_form(next(a for a in awards.rows() if a.name == typed.pop("award", CSP)).id)
    for key, value in typed.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.form_message  # a total the years do not make is asked once
    return log.done[-1].text


def test_an_award_s_correction_says_what_and_to_what(demo_store, log):
    assert _correct_award(demo_store, log, total="£95,000") == f"Change total stated of award {CSP} to £95,000"
    assert history_lines(demo_store)[0].action == f"Change total stated of award {CSP} to £95,000"
    log.undo()
    assert history_lines(demo_store)[0].action == f"Undo change total stated of award {CSP} to £95,000"
    assert log.undone[-1].text == f"Change total stated of award {CSP} to £95,000"
    years = "2018/19: £30,000\n2019/20: £32,500\n2020/21: £30,000"
    assert _correct_award(demo_store, log, years=years) == f"Change amount for 2019/20 of award {CSP} to £32,500"
    # a year added moves the last year with it: one change, the years
    more = years + "\n2021/22: £30,000"
    assert _correct_award(demo_store, log, years=more) == f"Change amount for 2021/22 of award {CSP} to £30,000"


def test_an_award_s_several_changes_are_named_free_text_never_quoted_and_a_rename_says_both_names(demo_store, log):
    assert _correct_award(demo_store, log, notes="Ask J Smith") == f"Change notes of award {CSP}"
    text = _correct_award(demo_store, log, revenue="70", capital="30", conditions="Quarterly returns",
                          total="£91,000")
    assert text == f"Change total stated, revenue/capital split and conditions of award {CSP}"
    assert _correct_award(demo_store, log, name="CSP funding 2018-22") == (
        f"Change name of award {CSP} to CSP funding 2018-22")
