"""Session 60: Edit > Undo named two conflict decisions alike, so the officer could not tell which it would undo.

A step longer than 80 characters was cut in the middle of its whole line, keeping its last 26 characters: a county's
decision, "Keep Babergh office's version: Project 'Western Suffolk youth work': cost not stated in the county file,
sent alike by Babergh office and Mid Suffolk office, £30,000 from Babergh office", showed as "Undo keep Babergh
office's version: Project 'Western Suffolk… from Babergh office", the same for £30,000 and £45,500, and the project's
name was cut too. The parts that tell least are cut first now: what the step did, the thing's name and its figures
stay. The step names are the longest the program makes from what people type (services/county.py decision_label,
a partner's or project's name, an indicator's whole name from a plan).
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import Action
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.main_window import STATUS_TEXT_MOST, UNDO_TEXT_MOST, undo_words
from tests.window_sizes import resize_window

TITLE = "Western Suffolk youth work"
ALIKE = "in the county file, sent alike by Babergh office and Mid Suffolk office"
INDICATOR = ("People who agree the police and local council are dealing with the anti-social behaviour and crime "
             "issues that matter in their area")


def decision(amount: str) -> str:
    """services/county.py decision_label of a project's cost, as the county's conflict window makes it."""
    return f"Keep Babergh office's version: Project '{TITLE}': cost not stated {ALIKE}, {amount} from Babergh office"


def test_two_decisions_that_differ_in_their_amount_are_told_apart_in_the_edit_menu(window, store):
    window.set_store(store)
    resize_window(window, (1093, 582))  # a 1366x768 laptop at 125%
    window.show()
    stack = window.session.undo_stack
    menus = []
    for amount in ("£30,000", "£45,500"):
        push_action(stack, Action(decision(amount), do=lambda: None, undo=lambda: None))
        menus.append(window.undo_action.text())
    for menu, amount in zip(menus, ("£30,000", "£45,500")):
        assert menu.startswith(f"&Undo keep Babergh office's version: Project '{TITLE}': "), menu
        assert amount in menu and len(menu) <= len("&Undo ") + UNDO_TEXT_MOST, menu
    assert menus[0] != menus[1]
    assert window.edit_menu.sizeHint().width() <= window.width() * 6 // 10  # the menu near half the window still
    window.undo_action.trigger()
    assert "£45,500" in window.redo_action.text() and "£30,000" in window.undo_action.text()
    said = window.statusBar().currentMessage()
    assert "£45,500" in said and f"'{TITLE}'" in said and said.endswith("Edit > Redo puts it back."), said


@pytest.mark.parametrize("step, kept", [
    (decision("£30,000"), ["Keep Babergh office's version", f"Project '{TITLE}'", "£30,000"]),
    # a partner's name with a comma in it is one part; both telephone numbers stay whole
    ("Keep Mid Suffolk office's version: Partner 'Suffolk Constabulary, Western Area': phone 01473 613500 in the "
     "county file, 01473 613888 from Mid Suffolk office", ["Partner 'Suffolk", "01473 613500", "01473 613888"]),
    # an indicator's whole name: its start and end, and the figures after it
    (f"Keep the county's version: Indicator '{INDICATOR}': target 45, 38 from Babergh office",
     ["Keep the county's version: Indicator 'People who", "their area'", "target 45", "38"]),
    (f"Read cost line 3 of Project '{INDICATOR}' as £1,234.56", ["Read cost line 3 of Project 'People", "£1,234.56"]),
    (f"Change population of {INDICATOR} for 2024/25", ["Change population of People who", "for 2024/25"]),
    # brackets are one part: a group decision is not cut into its list
    ("Keep the district version of 12 conflicts (cost lines; officers; status history; match funding; project "
     "titles and descriptions)", ["Keep the district version of 12 conflicts (cost lines", "descriptions)"]),
])
def test_a_long_step_keeps_what_it_did_its_names_and_its_figures(step, kept):
    for most in (UNDO_TEXT_MOST, STATUS_TEXT_MOST):
        said = undo_words(step, most)
        assert len(said) <= most and "…" in said, said
        assert all(words in said for words in kept), said
        assert "……" not in said and "… …" not in said, said


@pytest.mark.parametrize("step, start, end", [
    ("Save project Suffolk, Norfolk and Essex joint youth diversion programme for young people at risk of "
     "exploitation", "Save project Suffolk, Norfolk and Essex", " at risk of exploitation"),
    ("Rename plan Alcohol, drugs and ASB plan 2024-27 to Alcohol, drugs, ASB and serious violence plan 2024-27 "
     "(draft)", "Rename plan Alcohol, drugs and ASB plan 2024-27 to", " plan 2024-27 (draft)"),
])
def test_a_name_with_commas_in_a_step_that_says_no_part_is_cut_in_its_middle(step, start, end):
    """A project's or a plan's name is not quoted in its step ("Save project …"): its commas are the name's."""
    said = undo_words(step)
    assert said.startswith(start) and said.endswith(end) and len(said) <= UNDO_TEXT_MOST, said
    assert said.count("…") == 1 and "  " not in said, said


def test_a_step_that_fits_or_has_no_parts_is_as_before():
    short = "Add NHS Suffolk and North East Essex ICB to Western Suffolk CSP from 01/07/2022"
    assert undo_words(short) == short
    one = f"Delete scenario “{INDICATOR}”"
    said = undo_words(one)
    assert said.startswith("Delete scenario “People who agree") and said.endswith("in their area”") and len(said) <= 80
