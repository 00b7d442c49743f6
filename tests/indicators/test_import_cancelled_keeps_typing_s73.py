"""File > Import Police Data… and the tab's Import Figures… with a figure typed in the grid and not saved: the file is
chosen first, then the figures typed are asked about. Asked first, Discard answered and the file window then closed with
Cancel imported nothing, yet Plymouth's December figure typed (1480) was gone (session 73)."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.screens import UnsavedChoice
from tests.indicators.test_tab_unsaved import click_indicator, stored, type_in_cell

TYPED = "Figures of All crime for Plymouth, 2016/17 have unsaved changes in Dec-16."


@pytest.fixture
def tab(demo_window, qtbot):
    """Plymouth's All crime in 2016/17 on the Indicators tab, December's figure typed as 1480 and not saved."""
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    click_indicator(tab, qtbot, "All crime")
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    return tab


def police_import(window):
    window.import_police_actions[0].trigger()


def import_figures(window):
    window.tab_widgets["indicators"].import_figures()


@pytest.mark.parametrize("start", [police_import, import_figures])
def test_the_file_window_cancelled_keeps_the_figure_typed(demo_window, tab, qtbot, prompts, start):
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    start(demo_window)  # the file window closed without a choice
    assert prompts.unsaved_questions == []
    assert tab.grid.item(0, 8).text() == "1480" and demo_window.isWindowModified()


@pytest.mark.parametrize("start", [police_import, import_figures])
def test_a_file_chosen_then_asks_and_cancel_imports_nothing(demo_window, tab, qtbot, prompts, tmp_path, start):
    csv = tmp_path / "figures.csv"
    csv.write_text("indicator,area,period,value\n", encoding="utf-8")
    prompts.file_names.append(str(csv))
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    start(demo_window)
    assert [text for _title, text in prompts.unsaved_questions] == [TYPED]
    assert tab.grid.item(0, 8).text() == "1480" and demo_window.isWindowModified()
    assert stored(demo_window.session.store, "2016-12") != 1480
