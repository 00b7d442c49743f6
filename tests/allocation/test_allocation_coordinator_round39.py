"""Round 39 (alx): the Allocation tab as a county coordinator uses it.

1. With no result on the page (no pot given, one partnership listed twice …) Copy Table did nothing and said
   nothing: the clipboard kept what was copied before, and pasted into Excel beside the board paper it passed for this
   split. It says why there is nothing to copy, as Export does.
2. A scenario with no pot (the page said "No pot given" or "No last year's total given") was saved, and could be
   agreed, as a split of £0 with every partnership 100% down on last year. Save and Save as new refuse it, saying
   what is missing.
3. The words under the chart wrote the fixed share as a fraction of its own ("1/4", "333/1000", "1" of the pot) where
   the Fixed share field, the line above the table and the Compare page show "25%", "33.3%", "100%".
4. Del over several input cells (a column of Last year chosen) emptied the current one only: the others kept their
   figures, unsaid. It empties every cell chosen, as one step to undo (a count or a name, which cannot be empty, is
   refused naming it, and nothing changes).
5. ``safer-desk allocate --pot 0`` (or ``--previous-total 0``) printed a split of £0, every partnership 100% down,
   where the window says no pot was given: refused, saying what to give (a total all retained is still split).
6. The chart's legend named the years of the scenario the inputs were opened from, not the year typed in Working on
   (to save the inputs as next year's): the two disagreed until saved. It follows the year typed.
7. DESIGN.md §2.2's Warwickshire example (a fixed £30k per area plus a central fund) had no test of its own.
8. Redistribute, in whole pounds, gave the odd pence of an amount typed with pence (£65,512.50) to one partnership
   unsaid, where the Results page names who has them and why: said under the amount too.
9. Last year's total typed by hand that is not what the Last year column adds up to (a figure mistyped in either)
   went unsaid: the pot came from the total while the Totals row's Last year and Variance added up the column, so
   the page's figures did not agree (£655,120 less 10% beside a Last year total of £655,000). Said above the table,
   on the command line and in the export's notes, with the way to put it right.
10. Damping typed as its label reads, "±5" (the field is "Damping ±%"), was refused as not a percentage: it is 5%.
11. A Fixed share of "30000" (Warwickshire's £30k per area, typed without its £) was refused as not between 0 and 1,
    not saying that an amount per unit is typed with £: said, on the command line too.
12. A partnership renamed in the inputs while chosen in the results: its row stayed chosen there, under its new name,
    and the words under the chart asked to select a partnership. They explain the row chosen.
13. A block pasted with its heading row was read as a heading only when its first cell said "Partnership": the
    paper's "CSP" (or Excel's blank corner) over the names had "Fixed units" refused as not a whole number. A row
    whose cells name the columns they land on is a heading too; one not known ("2008/09" over Last year) is refused
    saying it looks like a heading and what to do.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication

from safer_desk.domain.allocation import (AllocationError, AllocationOptions, Factor, PartnershipInput,
                                          allocate_by_formula, parse_fraction)
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter, redistribution
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench
from tests.allocation.seed import options as seed_options, partnerships
from tests.cli_run import run


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1093, 582)
    demo_window.show()
    return demo_window.show_tab("allocation")


def _type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


# -- 1. Copy Table with nothing to copy ------------------------------------------------------------------------------

def test_copy_table_with_no_result_says_why_and_copies_nothing(qtbot, tab, prompts):
    QGuiApplication.clipboard().setText("Babergh CSP\t63768")  # an earlier copy, still on the clipboard
    _type_into(qtbot, tab.option_edits["previous_total"], "")
    assert tab.result is None
    copy = next(b for b in tab.findChildren(type(tab.save_button)) if b.accessibleName() == "Copy Table")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert prompts.errors and prompts.errors[-1][0] == "Copy Table"
    assert "No last year's total given" in prompts.errors[-1][1]


def test_copy_table_with_a_result_copies_the_table(qtbot, tab, prompts):
    copy = next(b for b in tab.findChildren(type(tab.save_button)) if b.accessibleName() == "Copy Table")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().splitlines()[-1].startswith("Total\t589608\t655120\t-65512")
    assert prompts.errors == []


# -- 2. no pot, no scenario ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("blank", ["previous_total", "pot"])
def test_a_scenario_with_no_pot_is_not_saved(demo_store, blank):
    presenter = AllocationPresenter(demo_store, perform=ActionLog())
    if blank == "pot":
        presenter.edit(lambda s: bench.with_option(s, "pot_mode", "pot"), "Pot given")
    presenter.edit(lambda s: bench.with_option(s, blank, ""), "Blank")
    assert presenter.result is None
    before = service.list_scenarios(demo_store)
    assert not presenter.save_as_new("Next year", "2010/11")
    assert service.list_scenarios(demo_store) == before
    assert presenter.error.startswith("Not saved: No ") and "given" in presenter.error
    # Save under the loaded scenario's own name would have written £0 over the board's agreed split.
    loaded = presenter.loaded
    assert not presenter.save(loaded.name, loaded.year)
    assert service.load_scenario(demo_store, loaded.id).result().total_pence == 589_608_00


def test_the_window_says_the_scenario_with_no_pot_is_not_saved(qtbot, tab, prompts):
    _type_into(qtbot, tab.option_edits["previous_total"], "")
    tab.scenario_name.setText("Next year")
    tab.scenario_year.setText("2010/11")
    qtbot.mouseClick(tab.save_new_button, Qt.MouseButton.LeftButton)
    assert prompts.errors[-1][0] == "Save scenario" and "No last year's total given" in prompts.errors[-1][1]
    assert all(s.name != "Next year" for s in service.list_scenarios(tab.store))


# -- 3. the fixed share in the words as in the field -----------------------------------------------------------------

@pytest.mark.parametrize("typed, words", [("25%", "25% of the £589,608 pot"), ("33.3%", "33.3% of the £589,608 pot"),
                                          ("100%", "100% of the £589,608 pot"), ("1/3", "1/3 of the £589,608 pot")])
def test_the_explanation_writes_the_fixed_share_as_the_field_shows_it(typed, words):
    state = bench.with_option(bench.WorkState(tuple(partnerships()), AllocationOptions(pot_pence=589_608_00)),
                              "fixed_share", typed)
    assert bench.option_text(state.options, "fixed_share") == typed
    result, problem = state.calculate()
    assert problem == "" and words in result.explain("West")


# -- 4. Del over several cells ----------------------------------------------------------------------------------------

def _choose(tab, top: int, bottom: int, column: int) -> None:
    view, model = tab.inputs_view, tab.inputs_model
    view.setFocus()
    view.setCurrentIndex(model.index(top, column))
    view.selectionModel().select(QItemSelection(model.index(top, column), model.index(bottom, column)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_delete_empties_every_cell_chosen_as_one_step(qtbot, tab, demo_window, prompts):
    before = [p.previous_pence for p in tab.state.partnerships]
    last_year = tab.inputs_model.keys.index("previous")
    _choose(tab, 0, 4, last_year)
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_Delete)
    assert [p.previous_pence for p in tab.state.partnerships] == [None] * 5
    assert prompts.errors == []
    stack = demo_window.session.undo_stack
    assert stack.undoText() == "Clear 5 cells"
    stack.undo()
    assert [p.previous_pence for p in tab.state.partnerships] == before


def test_delete_over_counts_is_refused_naming_the_cell_and_changes_nothing(qtbot, tab, prompts):
    state = tab.state
    _choose(tab, 1, 3, tab.inputs_model.keys.index("factor:basis"))
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_Delete)
    assert tab.state == state
    assert "Row 2 (Ipswich CSP), BCS comparator offences 2007-08: the cell is empty" in prompts.errors[-1][1]


def test_cells_emptied_in_the_workbench():
    state = bench.WorkState(tuple(partnerships()), AllocationOptions(pot_pence=589_608_00))
    emptied = bench.with_cells_emptied(state, [(0, "previous"), (2, "previous")])
    assert [p.previous_pence for p in emptied.partnerships] == [None, 160_607_00, None, 86_775_00, 223_181_00]


# -- 5. the command and a pot of £0 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, option", [(["--pot", "0"], "--pot"), (["--pot", "£0", "--retain", "10"], "--pot"),
                                          (["--previous-total", "0", "--retain", "10"], "--previous-total")])
def test_the_command_refuses_a_pot_of_nothing(capsys, tmp_path, argv, option):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis,previous\nA,1,100,1000\nB,1,300,3000\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, *argv)
    assert code == 1 and out == ""
    assert f"{option}: " in err and "nothing to split" in err


def test_the_command_still_splits_a_total_all_retained(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nA,1,100\nB,1,300\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--previous-total", "1000", "--retain", "100")
    assert code == 0 and out.splitlines()[-1].startswith("Totals,2,400,100.00,0,0,0")


# -- 6. the chart's years ----------------------------------------------------------------------------------------------

def test_the_chart_names_the_year_typed_in_working_on(qtbot, tab):
    assert tab.chart.years == ("2009/10", "2008/09")
    tab.scenario_year.clear()
    qtbot.keyClicks(tab.scenario_year, "2010/11")
    assert tab.chart.years == ("2010/11", "2009/10")
    assert tab.chart.summary.startswith("2010/11: ") and "in 2009/10" in tab.chart.summary
    tab.scenario_year.setText("not a year")
    assert tab.chart.years == ("This year", "Last year")


# -- 7. DESIGN.md §2.2: Warwickshire ----------------------------------------------------------------------------------

def test_warwickshire_a_fixed_30k_per_area_plus_a_central_fund():
    """"Warwickshire a fixed £30k per area plus a central fund": this year's grant less the central fund (held back,
    as a retained share of the grant), £30,000 to each area, the rest by crime."""
    areas = [PartnershipInput(name, 1, {"crime": crime}) for name, crime in
             (("North Warwickshire", 2_000), ("Nuneaton and Bedworth", 5_000), ("Rugby", 3_000),
              ("Stratford-on-Avon", 3_000), ("Warwick", 7_000))]
    result = allocate_by_formula(areas, AllocationOptions(
        pot_pence=400_000_00, retain=Fraction(1, 10), fixed_per_unit_pence=30_000_00,
        factors=(Factor("crime"),)))
    assert (result.grant_pence, result.retained_pence, result.pot_pence) == (400_000_00, 40_000_00, 360_000_00)
    assert result.fixed_total_pence == 150_000_00 and result.variable_total_pence == 210_000_00
    assert result.row("Warwick").total_pence == 30_000_00 + 73_500_00  # 7,000 of 20,000 of £210,000
    assert result.total_pence == 360_000_00
    assert "a set £30,000 per unit" in result.explain("Rugby")


def test_warwickshire_from_the_command_line(capsys, tmp_path):
    path = tmp_path / "warwickshire.csv"
    path.write_text("partnership,fixed_units,crime\nNorth Warwickshire,1,2000\nNuneaton and Bedworth,1,5000\n"
                    "Rugby,1,3000\nStratford-on-Avon,1,3000\nWarwick,1,7000\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "£400,000", "--retain", "10", "--fixed-share", "£30,000",
                         "--factor", "crime=100")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[5] == "Warwick,1,7000,35.00,30000,73500,103500,,"
    assert lines[-1] == "Totals,5,20000,100.00,150000,210000,360000,,"


# -- 8. Redistribute's odd pence ---------------------------------------------------------------------------------------

def test_redistribute_says_who_has_the_odd_pence():
    # Exact shares; under the paper's rounding the note on the printed percentages names them (session 73)
    result = allocate_by_formula(partnerships(), seed_options(rounding="exact"))
    # An amount with pence within the £65,512 retained (session 60: £65,512.50, 50p more than retained, is said to be
    # more, after this same sentence: test_redistribute_over_retained_s60).
    rows, note = redistribution(result, "£65,511.50", "basis")
    assert rows[-1] == ("Total", 65_511_50)
    odd = [name for name, pence in rows[:-1] if pence % 100]
    assert len(odd) == 1
    assert note == ("£65,511.50 shared back; the shares add up exactly. In whole pounds the odd 50p goes to "
                    f"{odd[0]} (the next in line for a whole pound, by largest remainder).")
    assert redistribution(result, "£65,512", "basis")[1] == "£65,512 shared back; the shares add up exactly."
    legacy = allocate_by_formula(partnerships(), seed_options())
    rows, note = redistribution(legacy, "£65,511.50", "basis")
    odd = [name for name, pence in rows[:-1] if pence % 100]
    assert len(odd) == 1 and note.count("odd 50p") == 1 and f"the odd 50p to {odd[0]}" in note


# -- 9. last year's total and the Last year column ---------------------------------------------------------------------

def test_last_years_total_not_the_columns_sum_is_said():
    rows = partnerships()
    rows[0] = PartnershipInput("Babergh", 1, {"basis": 2442}, 70_605_00)  # £120 short
    result = allocate_by_formula(rows, seed_options())
    assert result.previous_sum_pence == 655_000_00 and result.previous_total_pence == 655_120_00
    said = [w for w in result.warnings if w.startswith("Last year's total")]
    assert said == ["Last year's total, £655,120, is not what the partnerships' figures for last year add up to "
                    "(£655,000, £120 less): the pot is last year's total less the retained %, but the Totals row's "
                    "last year and variance add up the partnerships' figures. Put right the figure that is wrong, or "
                    "take their sum as last year's total (= Sum)."]
    assert not [w for w in allocate_by_formula(partnerships(), seed_options()).warnings
                if w.startswith("Last year's total")]


def test_the_window_says_it_above_the_table(qtbot, tab):
    _type_into(qtbot, tab.option_edits["previous_total"], "£655,000")
    assert "Last year's total, £655,000, is not what" in tab.summary_label.text()
    qtbot.mouseClick(tab.previous_sum_button, Qt.MouseButton.LeftButton)
    assert "Last year's total," not in tab.summary_label.text()


# -- 10. damping typed as its label reads ------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["±5", "± 5%", "+/-5", "+/- 5%", "5"])
def test_damping_typed_with_plus_or_minus(typed):
    state = bench.with_option(bench.WorkState(tuple(partnerships()), seed_options()), "damping", typed)
    assert state.options.damping == Fraction(1, 20) and bench.option_text(state.options, "damping") == "5"


def test_damping_plus_or_minus_in_the_window(qtbot, tab):
    _type_into(qtbot, tab.option_edits["damping"], "±5")
    assert tab.state.options.damping == Fraction(1, 20) and tab.option_edits["damping"].text() == "5"


# -- 11. a fixed amount typed without its £ ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed, amount", [("30000", "£30,000"), ("30,000", "£30,000"), ("2500.50", "£2,500.50")])
def test_a_fixed_share_that_is_an_amount_says_to_type_the_pound_sign(typed, amount):
    with pytest.raises(AllocationError) as caught:
        parse_fraction(typed, what="Fixed share")
    said = str(caught.value)
    assert said.startswith(f"Fixed share: “{typed}” would be {typed}%") and f"type it with £ ({amount})" in said


def test_the_command_says_so_too(capsys):
    from tests.allocation.test_allocation_round37al2 import SEED_CSV

    code, out, err = run(capsys, "allocate", SEED_CSV, "--pot", "589608", "--fixed-share", "30000")
    assert code == 2 and out == "" and "type it with £ (£30,000)" in " ".join(err.split())


# -- 12. renamed while chosen ------------------------------------------------------------------------------------------

def test_a_partnership_renamed_while_chosen_is_still_explained(qtbot, tab, demo_window):
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab.results_view.setCurrentIndex(tab.results_proxy.index(1, 0))
    assert tab.explanation_label.text().startswith("Ipswich CSP gets")
    view = tab.inputs_view
    view.setCurrentIndex(tab.inputs_model.index(1, 0))
    view.setFocus()
    for key in "Ipswich":  # typing over the name, as in Excel
        qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert tab.state.partnerships[1].name == "Ipswich"
    assert tab.results_view.currentIndex().data() == "Ipswich"
    assert tab.explanation_label.text().startswith("Ipswich gets a fixed fee of £28,077")


# -- 13. a heading row spelt the paper's way ---------------------------------------------------------------------------

@pytest.mark.parametrize("corner", ["CSP", "", "Partnership name"])
def test_a_heading_row_is_known_by_the_columns_it_names(corner):
    state = bench.WorkState(tuple(partnerships()), seed_options())
    pasted = bench.with_pasted(state, 5, 0, [[corner, "Fixed units", "basis", "Last year"],
                                             ["Mid Suffolk", "1", "2,000", "£50,000"]])
    assert len(pasted.partnerships) == 6
    assert pasted.partnerships[5] == PartnershipInput("Mid Suffolk", 1, {"basis": Fraction(2000)}, 50_000_00)


def test_a_heading_not_known_is_said_to_look_like_one():
    state = bench.WorkState(tuple(partnerships()), seed_options())
    with pytest.raises(AllocationError) as caught:
        bench.with_pasted(state, 0, 3, [["2008/09"], ["£70,725"], ["£160,607"]])
    said = str(caught.value)
    assert said.startswith("Pasted row 1, last year: “2008/09” is not an amount of money")
    assert "looks like a heading: copy the figures without it" in said


def test_a_heading_row_pasted_in_the_window(qtbot, tab, prompts):
    QGuiApplication.clipboard().setText("CSP\tFixed units\tBCS comparator offences 2007–08\tLast year\r\n"
                                        "Mid Suffolk\t1\t2,000\t£50,000\r\n")
    before = len(tab.state.partnerships)
    view = tab.inputs_view
    view.setFocus()
    view.selectionModel().clearCurrentIndex()  # no cell chosen: pasted as new rows at the end
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert prompts.errors == []
    assert len(tab.state.partnerships) == before + 1 and tab.state.partnerships[-1].name == "Mid Suffolk"
