"""Round 38 (lap): Allocation's odd inputs.

- A Pot cleared by the officer showed "£0" in its field while the line above the table said no pot was given: the
  field stays blank, as left, until a figure is typed, and nothing is split.
- ``safer-desk allocate --factor previous=1`` read last year's allocation as a factor (this year pro rata to last
  year, compared with itself). The window refuses a factor named as another column is; the command refuses it too,
  as a usage error naming the column (DESIGN.md §2.2: the variable part is shared by what partnerships count, crime
  or population; staying near last year is what --damping does).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.cli import main
from safer_desk.services import allocation_workbench as bench
from tests.allocation.test_allocation_round37al2 import suffolk  # noqa: F401 (a fixture)


def run(capsys, *argv):
    try:
        code = main(["allocate", *map(str, argv)])
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_blank_pot_is_shown_blank_and_not_split(suffolk):  # noqa: F811
    given = bench.with_option(bench.with_option(suffolk, "pot_mode", "pot"), "pot", "")
    assert bench.field_text(given.options, "pot") == ""
    result, problem = given.calculate()
    assert result is None and problem.startswith("No pot given:") and "£0" not in problem
    assert bench.field_text(bench.with_option(given, "pot", "£589,608").options, "pot") == "£589,608"


def test_a_blank_last_years_total_is_shown_blank(suffolk):  # noqa: F811
    blank = bench.with_option(suffolk, "previous_total", "")
    assert bench.field_text(blank.options, "previous_total") == ""
    result, problem = blank.calculate()
    assert result is None and problem.startswith("No last year's total given:") and "(£0)" not in problem


def test_in_the_window_a_cleared_pot_stays_blank(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    tab.pot_given.click()
    field = tab.option_edits["pot"]
    assert field.isEnabled() and field.text() == "£589,608"
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == ""  # as the officer left it, not "£0"
    assert tab.result is None and tab.results_model.rowCount() == 0
    assert tab.problem_label.text().startswith("⚠ No pot given:")
    tab.inputs_view.setFocus()  # leaving the field puts nothing in
    assert field.text() == "" and tab.result is None
    field.setText("£500,000")
    field.editingFinished.emit()
    assert field.text() == "£500,000" and tab.result is not None and tab.result.pot_pence == 500_000_00


@pytest.mark.parametrize("name", ["previous", "Previous", "last year", "last_year", "fixed_units", "partnership"])
def test_a_factor_named_as_an_input_column_is_refused_as_usage(capsys, tmp_path, name):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis,previous\nA,1,100,1000\nB,1,300,3000\n", encoding="utf-8")
    code, out, err = run(capsys, path, "--pot", "1000", "--factor", f"{name}=1")
    assert code == 2 and out == ""
    assert err.startswith("usage: safer-desk allocate") and f"argument --factor: “{name}=1”: {name} is " in err
    assert "not a factor" in err


def test_previous_refused_names_the_column_and_the_way(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis,previous\nA,1,100,1000\nB,1,300,3000\n", encoding="utf-8")
    code, out, err = run(capsys, path, "--pot", "1000", "--factor", "previous=1")
    assert code == 2 and out == ""
    said = " ".join(err.split())
    assert ("previous is last year's allocation, the column this year is compared with, not a factor: name a column "
            "that counts something (population, crime); to keep near last year, use --damping.") in said


def test_the_help_says_so(capsys):
    with pytest.raises(SystemExit):
        main(["allocate", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "not partnership, fixed_units or previous" in said
