"""Edit > Undo after saving the figures of an indicator with a long name (session 59, helper hist).

The Edit menu named the step whole, "Undo save figures of People who agree the police and local council are dealing
with the anti-social behaviour and crime issues that matter in their area for Suffolk, 2010/11": the menu
grew wider than a 1093-pixel window, its keys (Ctrl+Z, Ctrl+Y) off the edge, and after Ctrl+Z the status bar cut
"Undone: “…" off before "Edit > Redo puts it back". A step that long is now shortened in its middle in the menu and
the status bar, keeping what it did and the area and year it ends with; the History of Changes keeps it whole.
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.history import history_lines
from safer_desk.services import indicators as svc
from safer_desk.ui.app import wait_until_idle
from safer_desk.ui.main_window import STATUS_TEXT_MOST, UNDO_TEXT_MOST, undo_words
from tests.window_sizes import resize_window

NAME = ("People who agree the police and local council are dealing with the anti-social behaviour and crime issues "
        "that matter in their area")
WHOLE = f"Change Q1 2010/11 of {NAME} for Suffolk, 2010/11 to 45%"  # session 72: what the save changed


def test_a_long_step_is_shortened_in_the_edit_menu_and_the_status_bar_and_whole_in_the_history(demo_window):
    window = demo_window
    resize_window(window, (1093, 582))
    window.show()
    tab = window.show_tab("indicators")
    assert tab.select_area("county:suffolk") and tab.select_year(FinancialYear(2010)) and tab.select_indicator(NAME)
    wait_until_idle(window)
    tab.grid.edit_text(svc.GRID_VALUE, 0, "45")
    assert tab.save_figures()
    assert window.session.undo_stack.undoText() == WHOLE
    menu = window.undo_action.text()
    assert menu.startswith("&Undo change Q1 2010/11 of People who") and menu.endswith(" Suffolk, 2010/11 to 45%")
    assert "… " in menu and len(menu) <= len("&Undo ") + UNDO_TEXT_MOST, menu
    assert window.edit_menu.sizeHint().width() < window.width(), window.edit_menu.sizeHint().width()

    window.undo_action.trigger()
    said = window.statusBar().currentMessage()
    assert said.startswith("Undone: “Change Q1 2010/11 of People") and said.endswith("”. Edit > Redo puts it back.")
    assert len(said) <= len("Undone: “”. Edit > Redo puts it back.") + STATUS_TEXT_MOST, said
    assert window.redo_action.text().startswith("&Redo change Q1 2010/11 of") and "… " in window.redo_action.text()
    assert history_lines(window.session.store)[0].action == f"Undo c{WHOLE[1:]}"  # the history keeps it whole


def test_words_are_cut_in_the_middle_at_a_space_and_short_ones_are_left_alone():
    short = "Add NHS Suffolk and North East Essex ICB to Western Suffolk CSP from 01/07/2022"
    assert undo_words(short) == short
    said = undo_words(WHOLE, 80)
    assert len(said) <= 80 and said.startswith("Change Q1 2010/11 of People who agree")
    assert said.endswith(" Suffolk, 2010/11 to 45%") and "… " in said
    head, tail = said.split("… ")
    assert WHOLE.startswith(head) and WHOLE.endswith(" " + tail)
    assert undo_words("Delete  the\n  project") == "Delete the project"  # on one line
