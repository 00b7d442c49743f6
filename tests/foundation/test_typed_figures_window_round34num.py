"""Figures with spaces for thousands typed where officers type them: a form's Amount, a grid cell, a paste, and the
command line, each read by the one shared reader (round 34, helper num)."""

import csv
import io

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.budgets import pounds_in_thousands_query
from safer_desk.services import dhr
from tests.allocation.test_cli import SEED_CSV
from tests.allocation.test_tab import edit_cell
from tests.cli_run import run
from tests.indicators.test_tab_unsaved import click_indicator, stored, type_in_cell

NBSP, NNBSP = "\u00a0", "\u202f"  # Excel and Word's no-break space; the narrow one some number formats use


@pytest.fixture
def costs(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    return tab


def test_a_cost_line_s_amount_typed_with_spaces_is_read_as_with_commas(costs, qtbot, demo_window):
    reviews = costs.reviews
    case_id = dhr.case_id_by_reference(reviews.store, "WSCSP-DHR-2017-01")
    reviews.select_case(case_id)
    qtbot.waitUntil(lambda: not costs.is_busy(), timeout=10000)
    before = dhr.case_cost_pence(reviews.store, case_id)
    dialog = reviews.cost_line_dialog()
    dialog.set_value("category", "Administration")
    amount = dialog.editors["amount"]
    amount.setFocus()
    qtbot.keyClicks(amount, f"£12{NBSP}34")
    assert not dialog.apply()
    assert "space between digits" in dialog.message_text() and "£1,234.56" in dialog.message_text()
    amount.selectAll()
    qtbot.keyClicks(amount, f"£1{NBSP}234.56")
    assert dialog.apply()
    qtbot.waitUntil(lambda: not costs.is_busy(), timeout=10000)
    assert dhr.case_cost_pence(reviews.store, case_id) == before + 123_456


@pytest.fixture
def allocation_tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def test_an_allocation_grid_cell_typed_with_a_space_for_thousands_is_the_count(allocation_tab, qtbot, prompts):
    # (QTest types Latin-1 only: the narrow no-break space comes in by paste, below)
    column = allocation_tab.state.input_columns().index("factor:basis")
    edit_cell(qtbot, allocation_tab, 0, column, f"2{NBSP}443")
    assert allocation_tab.state.partnerships[0].values["basis"] == 2443 and not prompts.errors
    assert not allocation_tab.edit_input(0, "factor:basis", "24 43")  # as the cell's editor passes it on
    assert allocation_tab.state.partnerships[0].values["basis"] == 2443  # refused, not read as 2,443 again
    assert prompts.errors and "24 43" in prompts.errors[-1][1]


def test_a_paste_into_the_allocation_grid_reads_spaces_for_thousands(allocation_tab, prompts):
    allocation_tab.inputs_view.selectAll()
    text = allocation_tab.inputs_view.selected_rows_text()
    before = allocation_tab.state.partnerships
    spaced = text.replace("2442", f"2{NBSP}442").replace("7937", f"7{NNBSP}937")
    assert spaced != text
    allocation_tab.inputs_view.setCurrentIndex(allocation_tab.inputs_model.index(0, 0))
    allocation_tab.paste_inputs(spaced)
    assert allocation_tab.state.partnerships == before and not prompts.errors


@pytest.fixture
def indicators_tab(demo_window, qtbot):
    from safer_desk.domain.periods import FinancialYear

    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    click_indicator(tab, qtbot, "All crime")
    return tab


def test_an_indicator_grid_cell_typed_with_a_space_for_thousands_is_stored(demo_window, indicators_tab, qtbot):
    store = demo_window.session.store
    type_in_cell(indicators_tab, qtbot, "2016/17", 0, "12 34")
    qtbot.mouseClick(indicators_tab.save_button, Qt.MouseButton.LeftButton)
    assert "“12 34” has a space between digits" in indicators_tab.grid_messages.text()
    assert stored(store, "2016-04") == 1335
    type_in_cell(indicators_tab, qtbot, "2016/17", 0, f"1{NBSP}236")
    qtbot.mouseClick(indicators_tab.save_button, Qt.MouseButton.LeftButton)
    assert stored(store, "2016-04") == 1236 and not indicators_tab.grid_messages.isVisible()


def test_the_command_line_reads_spaces_for_thousands_as_the_window_does(capsys, tmp_path):
    spaced = tmp_path / "spaced.csv"
    text = SEED_CSV.read_text(encoding="utf-8")
    spaced.write_text(text.replace('"2,442"', "2 442").replace('"70,725"', f"70{NBSP}725")
                      .replace('"7,937"', f'"7{NNBSP}937"'), encoding="utf-8")
    code, with_commas, err = run(capsys, "allocate", SEED_CSV, "--pot", "£589,608")
    assert code == 0, err
    code, with_spaces, err = run(capsys, "allocate", spaced, "--pot", f"£589{NBSP}608")
    assert code == 0, err
    assert with_spaces == with_commas
    rows = list(csv.DictReader(io.StringIO(with_spaces)))
    assert rows[0]["basis"] == "2442" and rows[0]["previous"] == "70725"


def test_the_command_line_refuses_a_space_out_of_place_saying_how_to_type_it(capsys, tmp_path):
    code, out, err = run(capsys, "allocate", SEED_CSV, "--pot", "£5896 08")
    assert code != 0 and out == ""
    assert "£5896 08" in err and "£1,234.56" in err


def test_pounds_with_spaces_in_a_plan_in_thousands_are_asked_about_as_with_commas():
    # "£62,499" in a plan in £'000 is asked about (it reads as £62,499,000); "£62 499" must be asked about too, now
    # that money reads spaces for thousands, not taken 1,000 times over unsaid.
    assert pounds_in_thousands_query("£62,499", "thousand")
    query = pounds_in_thousands_query(f"£62{NBSP}499", "thousand")
    assert query and "£62,499,000" in query and "type 62.499" in query
