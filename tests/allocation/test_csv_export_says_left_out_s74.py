"""s74: Export… to CSV wrote the first sheet of an export alone and said only "Exported to allocation.csv" (Allocation)
or "Saved the scenario to scenario.csv." (Commissioning): each partnership's explanation, the legacy rounding's odd
pounds and the warnings (Allocation's "How it was worked out" sheet), and how a scenario was counted (its "Notes":
"the upper end of £54,372 - £62,372"), were left out unsaid. The message now names the sheets left out and that a
workbook has them; a workbook's says nothing more."""

from __future__ import annotations

import pytest

from safer_desk.exchange.files import Sheet
from safer_desk.exchange.tables import left_out_of_one_table


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def _status(demo_window) -> str:
    return demo_window.statusBar().currentMessage()


def test_allocation_results_to_csv_say_the_explanations_are_not_in_it(demo_window, tab, prompts, tmp_path):
    target = tmp_path / "allocation.csv"
    prompts.file_names.append(str(target))
    tab.export_results()
    assert not prompts.errors and target.is_file()
    assert _status(demo_window) == (f"Exported to {target}. A CSV file holds one table: the “How it was worked out” "
                                    "sheet is not in it (an Excel workbook, .xlsx, has it).")


def test_allocation_results_to_a_workbook_say_nothing_more(demo_window, tab, prompts, tmp_path):
    target = tmp_path / "allocation.xlsx"
    prompts.file_names.append(str(target))
    tab.export_results()
    assert _status(demo_window) == f"Exported to {target}"


def test_a_commissioning_scenario_to_csv_says_its_notes_are_not_in_it(demo_window, prompts, tmp_path):
    page = demo_window.show_tab("projects").show_commissioning()
    ranged = next(p for p in page.presenter.projects if p.cost is not None and p.cost.kind == "range")
    page.presenter.tick(ranged.id, True)  # counted at the upper end of its range: said in the Notes
    result = page.result()
    assert result is not None and (result.problems or result.notes)
    target = tmp_path / "scenario.csv"
    prompts.file_names.append(str(target))
    page.export()
    assert not prompts.errors and target.is_file()
    assert prompts.infos[-1][1] == (f"Saved the scenario to {target}. A CSV file holds one table: the “Notes” sheet is "
                                    "not in it (an Excel workbook, .xlsx, has it).")


def test_the_words():
    notes, empty = Sheet("Notes", ["Note"], [["a"]]), Sheet("Summary", ["", "Amount"], [])
    assert left_out_of_one_table("x.xlsx", [notes]) == ""
    assert left_out_of_one_table("x.csv", [empty]) == ""
    assert left_out_of_one_table("x.TSV", [notes, Sheet("Summary", ["a"], [[1]])]) == (
        "A tab-separated file holds one table: the “Notes” and “Summary” sheets are not in it (an Excel workbook, "
        ".xlsx, has them).")
