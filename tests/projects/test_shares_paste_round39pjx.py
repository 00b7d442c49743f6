"""Round 39 (pjx): a project's funders' shares copied from a sheet into the editor's Funding sources.

Cells copied from Excel come with a tab between them. "OPCC⇥2017/18⇥£110,000" was refused with the tab shown raw
("put a colon between the funder and the amount (“OPCC	2017/18: £110,000”)"), and the sheet's heading row
("Funder⇥Year⇥Amount") was kept, without a word, as a share from a funder called "Funder	Year	Amount". Now the cells
read as the funder, the year and the amount; the heading row is skipped (it holds no money); two amounts on one row
are named, and nothing said of a row shows a raw tab.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import projects as svc
from safer_desk.services.projects import FundingSource


def _read(text: str):
    problems: list = []
    sources = svc.parse_funding_sources(text, problems)
    messages = [m for _, m in problems]
    assert not any("\t" in m for m in messages), messages
    return sources, messages


OPCC = FundingSource("OPCC", 11_000_000, "", "2017/18")


@pytest.mark.parametrize("typed, shares", [
    ("OPCC\t£110,000", (FundingSource("OPCC", 11_000_000, "", ""),)),
    ("OPCC\t2017/18\t£110,000", (OPCC,)),
    ("OPCC\t£110,000\t2017/18", (OPCC,)),
    ("FY 2017/18\tOPCC\t£110k", (OPCC,)),
    ("Funder\tYear\tAmount\r\nOPCC\t2017/18\t£110,000\r\nSCC\t2017/18\tTBC\r\n",
     (OPCC, FundingSource("SCC", None, "TBC", "2017/18"))),
    ("Funding source\tAmount (£)\nOPCC \t 110000 \t\n", (FundingSource("OPCC", 11_000_000, "", ""),)),
    ("Funder: Amount\nOPCC (2017/18): £110,000", (OPCC,)),  # headings typed above the lines
])
def test_a_sheets_cells_read_as_funder_year_and_amount(typed, shares):
    assert _read(typed) == (shares, [])


@pytest.mark.parametrize("typed", ["OPCC\t£110,000\t£50,000", "OPCC: £110,000 £50,000", "OPCC 2017/18: 110,000 50,000"])
def test_two_amounts_on_a_row_are_named(typed):
    sources, problems = _read(typed)
    assert sources == ()
    assert len(problems) == 1 and problems[0].startswith("line 1: two amounts for OPCC, £110,000 and £50,000: put "
                                                         "each share on its own line"), problems


def test_a_heading_alone_is_still_a_funder_named():
    """"Funder" typed alone is not skipped: one line of words is a funder whose share is not stated."""
    assert _read("Funder")[0] == (FundingSource("Funder", None, "", ""),)


def test_the_editor_takes_the_sheets_rows_pasted(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    page.clear_filters()
    page.view.selectRow(0)
    editor = page.editor
    editor.widgets["funding_sources"].setPlainText("Funder\tYear\tAmount\nOPCC\t2017/18\t£10,000\nLottery\t\t£5k\n")
    assert editor.funders.text().splitlines()[:2] == ["OPCC (2017/18): £10,000 of £125,000 (8.0%)",
                                                      "Lottery: £5,000 of £125,000 (4.0%)"]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = svc.get_project(demo_window.session.store, page.project_at(0).id)
    assert saved.funding_sources == (FundingSource("OPCC", 1_000_000, "", "2017/18"),
                                     FundingSource("Lottery", 500_000, "", ""))
