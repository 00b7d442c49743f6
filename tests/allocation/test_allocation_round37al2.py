"""Allocation, round 37 (al2): a second look after alb.

1. A weight of "-1" was refused as "is not a number", on the command line and in the factors table: it is a number,
   and negative. Said so, as amounts and counts are ("“-5” is negative"), with the rule: above zero.
2. A factor could be titled "Last year" or "Partnership" (or like another factor, whatever its case or dashes): the
   inputs table then had two columns headed alike, and a refusal or a pasted heading could not say which. Refused,
   saying what to do.
3. A blank Last year's total (or Pot) was taken as £0 and the page said "Pot £0 (last year's £0 less 10% retained)"
   and every partnership "£70,725 (100.0%) less than last year": a split of nothing against a pot never given. It
   says plainly that no last year's total (or pot) was given, and what to do.
4. At 1093x582 the inputs table showed three of the five partnerships whole (a fourth cut), while the results had
   room to spare under their totals line: the pages' least height (the Top-slice page's seven rows of fields) kept
   the bar between them from moving down, by hand or otherwise. The room the results do not need goes to the inputs,
   and a bar moved by hand is remembered. (Its columns, three of four in view, are left: the options beside it need
   that width.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.allocation import AllocationError, parse_weight
from safer_desk.services import allocation_workbench as bench
from tests.cli_run import run

SEED_CSV = Path(__file__).resolve().parent / "suffolk-2009-10-allocation.csv"


# -- 1. a negative weight ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["-1", "\u22121", "-25%", "-1/3", " -2 "])
def test_a_negative_weight_is_said_to_be_negative_not_not_a_number(typed):
    with pytest.raises(AllocationError) as caught:
        parse_weight(typed, what="Factor Population")
    said = str(caught.value)
    assert f"“{typed.strip()}” is negative" in said and "not a number" not in said
    assert "above zero (to leave a factor out, remove it)" in said


def test_words_are_still_not_a_number():
    with pytest.raises(AllocationError, match="is not a number"):
        parse_weight("-x")


def test_the_command_says_a_negative_weight_is_negative(capsys):
    code, out, err = run(capsys, "allocate", SEED_CSV, "--pot", "589608", "--factor", "basis=-1")
    assert code == 2 and out == ""
    assert "--factor: “basis=-1”: the weight “-1” is negative" in err and "not a number" not in err


def test_the_window_says_a_negative_weight_is_negative_and_keeps_the_weight(qtbot, demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    before = tab.state
    tab.factors_table.item(0, 1).setText("-1")
    assert tab.state == before and tab.factors_table.item(0, 1).text() == "1"
    said = prompts.errors[-1][1]
    assert "the weight “-1” is negative" in said and "not a number" not in said


# -- 2. a factor titled like another column ----------------------------------------------------------------------------

@pytest.fixture
def state():
    from safer_desk.services.demo_data.allocation import suffolk_inputs, suffolk_options

    return bench.with_new_factor(bench.WorkState(tuple(suffolk_inputs()), suffolk_options()), "Population")


@pytest.mark.parametrize("title, column", [("Last year", "Last year"), ("last  YEAR", "Last year"),
                                           ("Partnership", "Partnership"), ("Fixed units", "Fixed units"),
                                           ("previous", "Last year"), ("This year", "This year"),
                                           ("Variance", "Variance"), ("Weighted share", "Weighted share")])
def test_a_factor_titled_like_another_column_is_refused_saying_what_to_do(state, title, column):
    with pytest.raises(AllocationError) as caught:
        bench.with_factor_title(state, 1, title)
    said = str(caught.value)
    assert f"“{title.strip()}” already names the {column} column" in said
    assert "name the factor for what it counts" in said


@pytest.mark.parametrize("title", ["bcs comparator offences 2007\u201308", "BCS  Comparator Offences 2007-08",
                                   "basis"])
def test_a_factor_titled_like_another_factor_in_other_case_or_dashes_is_refused(state, title):
    with pytest.raises(AllocationError, match="already a factor called BCS comparator offences 2007-08: name this one"):
        bench.with_factor_title(state, 1, title)


def test_a_factor_titled_like_another_factors_share_column_is_refused(state):
    with pytest.raises(AllocationError, match="already names the BCS comparator offences 2007-08 % column"):
        bench.with_factor_title(state, 1, "BCS comparator offences 2007-08 %")


def test_a_factor_renamed_in_another_case_of_its_own_title_is_not_refused(state):
    assert bench.with_factor_title(state, 1, "POPULATION").options.factors[1].title == "POPULATION"


def test_every_heading_of_the_results_is_one_a_factor_cannot_take(state):
    from safer_desk.domain.allocation import allocate_by_formula
    from safer_desk.domain.text import typed_name_key
    from safer_desk.ui.allocation.models import result_columns

    damped = bench.with_option(state, "damping", "5")
    for row in range(len(damped.partnerships)):  # a figure for Population, so the split has two factors to show
        damped = bench.with_cell(damped, row, damped.input_columns()[3], str(1000 * (row + 1)))
    result = allocate_by_formula(damped.partnerships, damped.options)
    titles = {typed_name_key(f.title) for f in damped.options.factors}
    fixed = {typed_name_key(c.header) for c in result_columns(result)} - titles
    fixed -= {f"{t} %" for t in titles}
    assert fixed <= set(bench.TAKEN_HEADINGS)


def test_a_new_factor_never_takes_a_title_another_factor_has(state):
    renamed = bench.with_factor_title(state, 1, "Factor 3")  # the title the next factor added would have had
    added = bench.with_new_factor(renamed)
    titles = [f.title.casefold() for f in added.options.factors]
    assert len(set(titles)) == 3


def test_in_the_window_a_factor_titled_last_year_is_refused_and_the_headings_stay_apart(qtbot, demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    tab.add_factor()
    before = tab.state
    tab.factors_table.item(1, 0).setText("Last year")
    assert tab.state == before and tab.factors_table.item(1, 0).text() == before.options.factors[1].title
    assert "“Last year” already names the Last year column" in prompts.errors[-1][1]
    model = tab.inputs_model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert len(set(headings)) == len(headings)


# -- 3. a blank pot or last year's total -------------------------------------------------------------------------------

@pytest.fixture
def suffolk():
    from safer_desk.services.demo_data.allocation import suffolk_inputs, suffolk_options

    return bench.WorkState(tuple(suffolk_inputs()), suffolk_options())


def test_a_blank_last_years_total_is_said_to_be_missing_not_split_as_nothing(suffolk):
    from safer_desk.presenters.allocation import summary_text

    blank = bench.with_option(suffolk, "previous_total", "")
    result, problem = blank.calculate()
    assert result is None
    assert problem.startswith("No last year's total given")
    assert "type it in Last year, or press = Sum to use the Last year column's £655,120" in problem
    said = summary_text(result, problem)
    assert "last year's £0" not in said and "less than last year" not in said


def test_a_blank_pot_is_said_to_be_missing(suffolk):
    blank = bench.with_option(suffolk, "pot", " ")
    result, problem = blank.calculate()
    assert result is None and problem.startswith("No pot given") and "type the pot to split in Pot" in problem


def test_a_pot_all_retained_is_still_a_split_of_what_is_left(suffolk):
    """Not a missing figure: last year's total is given, and the retained % keeps all of it (said as it is)."""
    result, problem = bench.with_option(suffolk, "retain", "100").calculate()
    assert problem == "" and result.pot_pence == 0 and result.previous_total_pence == 655_120_00


def test_a_new_files_first_word_is_still_to_add_the_partnerships():
    result, problem = bench.empty_state().calculate()
    assert result is None and "add the partnerships" in problem


def test_in_the_window_clearing_last_years_total_says_it_is_not_given(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    field = tab.option_edits["previous_total"]
    field.setText("")
    field.editingFinished.emit()
    assert tab.result is None
    assert "No last year's total given" in tab.summary_label.text()
    assert "No last year's total given" in tab.problem_label.text()
    assert "less than last year" not in tab.explanation_label.text()
    tab.previous_sum_button.click()  # = Sum: the Last year column's total, and the split is back
    assert tab.result is not None and tab.result.pot_pence == 589_608_00


# -- 4. the inputs at a laptop's size ----------------------------------------------------------------------------------

def _splitter(tab):
    from PySide6.QtWidgets import QSplitter

    return next(s for s in tab.findChildren(QSplitter) if s.widget(1) is tab.pages)


def test_at_1093x582_every_partnership_is_in_view_in_the_inputs_and_the_results(demo_window):
    """Round 37: the inputs showed three of the five partnerships (the results had room to spare under their totals
    line, which the pages' least height kept from the inputs)."""
    from tests.window_sizes import resize_window, rows_in_view

    tab = demo_window.show_tab("allocation")
    resize_window(demo_window, (1093, 582))
    assert rows_in_view(tab.inputs_view) == tab.inputs_model.rowCount() == 5
    assert rows_in_view(tab.results_view) == tab.results_proxy.rowCount() == 6  # and the totals line


def test_the_officer_can_give_the_inputs_more_room_and_it_is_remembered(qtbot, window, demo_path):
    from safer_desk.ui.main_window import MainWindow
    from tests.window_sizes import resize_window, rows_in_view

    assert window.open_path(demo_path)
    tab = window.show_tab("allocation")
    resize_window(window, (1280, 800))
    for _ in range(10):  # fifteen partnerships: more than the room there is for both tables
        tab.add_partnership()
    before = rows_in_view(tab.inputs_view)
    splitter = _splitter(tab)
    top, pages = splitter.sizes()
    splitter.moveSplitter(top + 66, 1)  # the handle dragged down three rows (a drag says splitterMoved, as this does)
    assert splitter.sizes()[0] == top + 66 and rows_in_view(tab.inputs_view) == before + 3
    dragged = splitter.sizes()
    window.close()  # the file closed, and opened again in a new window
    again = MainWindow()
    again.persist_state = False
    qtbot.addWidget(again)
    assert again.open_path(demo_path)
    other = again.show_tab("allocation")
    resize_window(again, (1280, 800))
    assert _splitter(other).sizes() == dragged
    assert rows_in_view(other.inputs_view) == before + 3
