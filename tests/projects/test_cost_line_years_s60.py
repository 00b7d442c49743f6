"""Projects, round s60: each year's cost lines added up, under the lines, and found by the register's search.

Seed 000 gives Suffolk ELEV8 as Yr1 2009/10 £46,500 (18,000 + 4,000 + 5,000 + 19,500) and Yr2 2010/11 £55,000. The
editor showed the nine lines and the £101,500 total, never a year's figure: the officer checking the lines against the
paper added them up by hand, and the register's search for "£46,500", the figure the paper prints, found nothing. The
editor now says each year's lines added up under the grid, and the search finds a project by them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.projects import read_line_amount, year_totals_words
from tests.projects.conftest import kept as _kept  # the fixture ``register`` is the conftest's
from tests.window_sizes import resize_window


def test_each_years_lines_added_up():
    lines = [("2009/10", read_line_amount(a)) for a in ("£18,000", "£4,000", "£5,000", "£19,500")]
    lines += [("2010/11", read_line_amount(a)) for a in ("18000", "4k", "£7,000", "£23,500", "£2,500")]
    assert year_totals_words(lines) == "By year: 2009/10 £46,500; 2010/11 £55,000"
    assert year_totals_words([("", read_line_amount("£5,000"))]) == ""  # no line names a year: nothing to add
    ranged = [("2009/10", read_line_amount("£1,000 - £2,000")), ("2009/10", read_line_amount("£500")),
              ("2009/10", read_line_amount("£3.250"))]
    assert year_totals_words(ranged) == "By year: 2009/10 £1,500 - £2,500 (and 1 queried line, not counted)"


@pytest.mark.parametrize("typed", ["£46,500", "£46.5k", "46500", "£55,000"])
def test_the_search_finds_a_project_by_a_years_figure(register, typed):
    assert "Suffolk ELEV8" in _kept(register, typed)


def test_a_figure_is_not_part_of_another(register):
    assert "Suffolk ELEV8" not in _kept(register, "£6,500")
    assert "Suffolk ELEV8" not in _kept(register, "£25")


def test_the_editor_says_it_under_the_lines_and_follows_an_edit(demo_window, qtbot, prompts):
    resize_window(demo_window, (1093, 582))
    page = demo_window.show_tab("projects").register
    qtbot.keyClicks(page.search, "ELEV8")
    page.view.selectRow(0)
    lines = page.editor.cost_lines
    assert page.editor.project.title == "Suffolk ELEV8"
    assert lines.years.isVisible() and lines.years.text() == "By year: 2009/10 £46,500; 2010/11 £55,000"
    item = lines.table.item(0, 3)
    item.setText("£20,000")  # as a person types over a cell
    assert lines.years.text() == "By year: 2009/10 £48,500; 2010/11 £55,000"
    prompts.answers.append(True)  # Revert asks (session 69): Discard
    qtbot.keyClick(page.editor.discard_button, Qt.Key.Key_Space)
    assert lines.years.text() == "By year: 2009/10 £46,500; 2010/11 £55,000"
