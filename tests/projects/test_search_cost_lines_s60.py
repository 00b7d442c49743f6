"""Projects, round s60: the register's search and a project's cost lines.

Suffolk ELEV8's cost lines (seed 000) are Yr1 2009/10 £18,000 + £4,000 + £5,000 + £19,500 = £46,500, and Yr2.
Each line's amount is found as the editor shows it ("£18,000", "£2.5k" its £2,500 line), and only that amount ("£25"
is not £250 or £2,500). Its year and category, which the editor's Cost lines grid shows beside the amount, found
nothing: "2009/10" and "volunteers" kept no project, where the guide says the search looks in everything the editor
shows.
"""

from __future__ import annotations

import pytest

from tests.projects.conftest import kept as _kept  # the fixture ``register`` is the conftest's


@pytest.mark.parametrize("typed", ["£18,000", "£19,500", "19500", "£19.5k", "£23,500"])
def test_a_cost_line_amount_finds_its_project(register, typed):
    assert "Suffolk ELEV8" in _kept(register, typed)


def test_an_amount_is_not_part_of_another(register):
    assert "Suffolk ELEV8" not in _kept(register, "£25")
    assert "Suffolk ELEV8" not in _kept(register, "£250")


@pytest.mark.parametrize("typed", ["2009/10", "2010/11", "volunteers", "Volunteers 2010/11"])
def test_a_cost_line_year_or_category_finds_its_project(register, typed):
    assert "Suffolk ELEV8" in _kept(register, typed)
