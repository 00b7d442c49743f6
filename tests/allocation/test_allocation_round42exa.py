"""Allocation, round 42 (exa): the tab used as a county lead would.

1. The Top-slice page's figures typed to try another grant went back to the saved top-slice's, without a word,
   whenever a scenario was saved (or the file changed under the tab): the page's breakdown went back with them.
2. A column of crime counts copied from a sheet whose first cell shows "#N/A" (a lookup that found no row) was
   refused as "not a number … The first row pasted looks like a heading: copy the figures without it": copied without
   it and pasted again from the same cell, every count went on the partnership above its own. An error from the
   sheet or a formula is said as that, pasted or in the command's CSV, and never taken for a heading.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.allocation.test_tab import edit_cell


def type_in_field(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # editingFinished: the breakdown worked out again


def test_top_slice_figures_typed_stay_when_a_scenario_is_saved(qtbot, demo_window, prompts):
    """1. Seed 000's £2,900,692 grant tried as £1,000,000 over seven partners; then the allocation is saved as a new
    scenario: the page still shows the grant and the partners typed, and their breakdown."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    tab.pages.setCurrentIndex(3)
    type_in_field(qtbot, tab.top_fields["total"], "£1,000,000")
    type_in_field(qtbot, tab.top_fields["partners"], "7")
    lines = dict(tab.top_slice_model.rows)
    assert lines["Total"] == 1_000_000_00 and lines["Each of 7 partners (equal share)"] == 64_285_71
    tab.pages.setCurrentIndex(0)
    edit_cell(qtbot, tab, 0, 2, "2500")
    tab.scenario_name.setText("Option 3")
    tab.save_scenario_as_new()
    assert not prompts.errors
    assert tab.scenario_combo.currentText().startswith("2009/10 — Option 3")
    assert (tab.top_fields["total"].text(), tab.top_fields["partners"].text()) == ("£1,000,000", "7")
    assert dict(tab.top_slice_model.rows) == lines
    demo_window.session.notify("")  # the file changed under the tab (a merge): the saved top-slice is as it was
    assert tab.top_fields["total"].text() == "£1,000,000" and dict(tab.top_slice_model.rows) == lines
    demo_window.undo_action.trigger()  # the save undone: the list again, the figures typed still there
    assert tab.top_fields["total"].text() == "£1,000,000" and dict(tab.top_slice_model.rows) == lines


def test_choosing_a_saved_top_slice_still_puts_its_figures_in(qtbot, demo_window):
    """The other way: the saved top-slice chosen again from the list puts its figures back (the PRG's £2,900,692)."""
    tab = demo_window.show_tab("allocation")
    type_in_field(qtbot, tab.top_fields["total"], "£1,000,000")
    combo = tab.top_slice_combo
    assert combo.count() == 1
    combo.currentIndexChanged.emit(0)  # chosen again in the list (the demo file holds the one)
    assert tab.top_fields["total"].text() == "£2,900,692"
    assert dict(tab.top_slice_model.rows)["Each of 9 partners (equal share)"] == 145_034_60


def test_an_error_from_the_sheet_pasted_first_is_not_taken_for_a_heading(qtbot, demo_window, prompts):
    """2. Pasted over the crime counts from Babergh down: refused naming the error, with nothing said of a heading,
    and nothing changes; a formula copied with its formulas likewise."""
    tab = demo_window.show_tab("allocation")
    before = tab.state
    for first, said in (("#N/A", "“#N/A” is an error from the sheet, not a figure: correct it there"),
                        ("=VLOOKUP(A2,Crime!A:B,2,FALSE)", "is a formula, not a figure: paste the values")):
        tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 2))
        QGuiApplication.clipboard().setText(f"{first}\n7,937\n4,857\n3,324\n8,335\n")
        tab.inputs_view.paste_rows()
        message = prompts.errors[-1][1]
        assert message.startswith("Pasted row 1, BCS comparator offences 2007-08: ") and said in message
        assert "heading" not in message
        assert tab.state == before
    QGuiApplication.clipboard().setText("#DIV/0!\n160,607\n")  # last year's column: money says it so already
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 3))
    tab.inputs_view.paste_rows()
    assert "error from the sheet" in prompts.errors[-1][1] and "heading" not in prompts.errors[-1][1]
    QGuiApplication.clipboard().setText("Crimes\n2,442\n")  # a real heading is still said to be one
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 2))
    tab.inputs_view.paste_rows()
    assert prompts.errors[-1][1].endswith("The first row pasted looks like a heading: copy the figures without it.")


def test_the_command_says_an_error_from_the_sheet_in_a_count(tmp_path):
    """2. `safer-desk allocate` on a CSV saved from that sheet: the row, the column and what the cell is."""
    csv = tmp_path / "allocation.csv"
    csv.write_text('partnership,fixed_units,basis,previous\nBabergh,1,#N/A,"70,725"\nIpswich,1,7937,160607\n',
                   encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "safer_desk", "allocate", str(csv), "--pot", "589608"],
                         capture_output=True, text=True)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.strip() == ("safer-desk: allocation.csv row 2 (Babergh): basis “#N/A” is an error from the "
                                  "sheet, not a figure: correct it there, then copy the figure again.")
