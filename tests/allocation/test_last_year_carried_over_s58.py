"""Session 58 (alloc): next year's allocation compared with the year before's own last year, said.

Next year's allocation is made by opening this year's agreed scenario, typing next year in Working on and the new
crime counts. With the Last year column left as it was, it held the figures this year's allocation was itself
compared with (2008/09's for the 2009/10 paper), not what it allocated: the variance, and the chart's bars its legend
names 2009/10, were against 2008/09, and nothing said so: not on the tab, in its export, the board report or the
workbook. Now they say it, with what the year before allocated, and say nothing once the column holds those figures.
"""

from __future__ import annotations

from dataclasses import replace

from openpyxl import load_workbook

from safer_desk.services import allocation as service
from safer_desk.services.county_workbook import allocation_sheet
from safer_desk.services.report_sections.allocation import board_report_sections


def test_the_tab_says_the_last_year_figures_are_the_year_befores_own(qtbot, demo_window, prompts, tmp_path):
    tab = demo_window.show_tab("allocation")
    assert "Last year figures" not in tab.summary_label.text()  # 2009/10 against 2008/09: as the paper has it
    tab.scenario_year.setText("2010/11")
    said = tab.summary_label.text()
    assert tab.chart.years == ("2010/11", "2009/10")
    assert ("⚠ The Last year figures (and last year's total, £655,120, which the pot comes from) are the ones the "
            "2009/10 allocation “Option 2 - As per 2008/09 with updated crime figures, 10% retained” was itself "
            "compared with, 2008/09's, not what it allocated (Babergh CSP £63,768, Ipswich CSP £144,072, Waveney CSP "
            "£99,065 …): the variance is against 2008/09, not 2009/10.") in said
    # Exported, the workbook's explanations say it too, as the line above the results does.
    prompts.file_names.append(str(tmp_path / "allocation.xlsx"))
    tab.export_results()
    explained = [row[0] for row in load_workbook(tmp_path / "allocation.xlsx")["How it was worked out"].values]
    assert any(str(line).startswith("The Last year figures (and last year's total") for line in explained)
    # The 2009/10 allocations typed in the column (pasted from the results): nothing more to say.
    agreed = tab.presenter._scenario(service.adopted_scenario(tab.store, "2009/10").id)
    state = replace(tab.state, partnerships=tuple(replace(p, previous_pence=agreed.saved_totals[p.name][3])
                                                  for p in tab.state.partnerships))
    tab.apply(state, "Paste")
    assert "Last year figures" not in tab.summary_label.text()
    assert tab.presenter.warnings() == tab.result.warnings


def test_the_board_report_says_it_under_the_next_years_allocation(demo_store):
    agreed = service.load_scenario(demo_store, service.adopted_scenario(demo_store, "2009/10").id)
    with demo_store.action("Save"):
        service.save_scenario(demo_store, "Draft", "2010/11", agreed.partnerships, agreed.options)
    (section,) = [s for s in board_report_sections(demo_store) if s.title.startswith("Allocation")]
    assert section.title == "Allocation 2010/11"
    assert any(p.startswith("The Last year figures (and last year's total, £655,120, which the pot comes from) are "
                            "the ones the 2009/10 allocation") for p in section.paragraphs)
    (earlier,) = [s for s in board_report_sections(demo_store, year=_year("2009/10")) if s.title.startswith("Alloc")]
    assert not any("Last year figures" in p for p in earlier.paragraphs)
    # The office's workbook says it under that allocation, and not under the 2009/10 ones.
    notes = {block.title: block.note for block in allocation_sheet(demo_store).blocks}
    assert "The Last year figures (and last year's total, £655,120" in notes["2010/11: Draft"]
    assert not any("Last year figures" in note for title, note in notes.items() if title.startswith("2009/10"))


def _year(label: str):
    from safer_desk.domain.periods import FinancialYear

    return FinancialYear.parse(label)
