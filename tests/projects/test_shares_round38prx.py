"""Round 38 (prx): a funder's share typed as the papers print it, with its year after the amount.

Seed 000 prints a share as "£10,000 (2009/10)": typed after the funder ("OPCC: £10,000 (2009/10)") it was refused as
"not an amount of money", and "OPCC - TBC (2009/10)" was kept as a funder called "OPCC - TBC" whose share said
nothing, so Commissioning against the OPCC's award read the project as naming no OPCC share and counted it whole.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import projects as svc
from safer_desk.services.projects import FundingSource


def _read(text: str):
    problems: list = []
    return svc.parse_funding_sources(text, problems), [m for _, m in problems]


@pytest.mark.parametrize("typed, share", [
    ("OPCC: £10,000 (2009/10)", FundingSource("OPCC", 1_000_000, "", "2009/10")),
    ("OPCC: £35K (FY 2009/10)", FundingSource("OPCC", 3_500_000, "", "2009/10")),
    ("OPCC – £10,000 (2009/10)", FundingSource("OPCC", 1_000_000, "", "2009/10")),
    ("OPCC - TBC (2009/10)", FundingSource("OPCC", None, "TBC", "2009/10")),
    ("OPCC: Tbc (2009-10)", FundingSource("OPCC", None, "Tbc", "2009/10")),
])
def test_the_year_after_the_amount_is_the_year_of_the_share(typed, share):
    assert _read(typed) == ((share,), [])


def test_a_share_with_two_years_is_still_refused():
    """A year before the colon and another after the amount: which is it? Asked, not guessed."""
    sources, problems = _read("OPCC (2010/11): £10,000 (2009/10)")
    assert sources == () and problems and "2009/10" in problems[0] and "2010/11" in problems[0]


@pytest.mark.parametrize("typed", ["£35K", "£10,000 (2009/10)"])
def test_an_amount_with_no_funder_asks_for_the_funder(typed):
    """"£35K" alone was told to put "each funder's share on its own line", though it is one share with no funder."""
    sources, problems = _read(typed)
    assert sources == ()
    assert problems == [f"line 1: say who the money comes from before the amount (“OPCC: {typed}”)."]


def test_the_editor_reads_the_papers_share_back_and_saves_it(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    page.clear_filters()
    page.view.selectRow(0)
    editor = page.editor
    editor.widgets["funding_sources"].setPlainText("OPCC - TBC (2009/10)\nLottery: £10,000 (2009/10)")
    assert editor.funders.text().splitlines()[:2] == ["OPCC (2009/10): TBC",
                                                      "Lottery (2009/10): £10,000 of £125,000 (8.0%)"]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = svc.get_project(demo_window.session.store, page.project_at(0).id)
    assert saved.funding_sources == (FundingSource("OPCC", None, "TBC", "2009/10"),
                                     FundingSource("Lottery", 1_000_000, "", "2009/10"))
