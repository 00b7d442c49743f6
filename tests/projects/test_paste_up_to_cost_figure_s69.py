"""Projects, round s69: a cost "Up to £20,000" pasted from a paper's table.

The refusal said: "“Up to £20,000” gives only an upper figure: type the cost (£30,000), or a range (£20,000 -
£30,000) where the lower figure is known": figures of its own example, not the cell's, which told the officer to
make £20,000 the lower figure of the range. It now names the cell's own figure: "type the cost (£20,000) if that
is it, or a range ending at it (… - £20,000) where the lower figure is known".
"""

from __future__ import annotations

import pytest

from safer_desk.domain.money import MoneyError, parse_cost
from safer_desk.presenters.projects import ProjectsPresenter


@pytest.mark.parametrize("text, upper", [("Up to £20,000", "£20,000"), ("Maximum £30K", "£30,000"),
                                         ("no more than 12500", "£12,500")])
def test_the_refusal_names_the_cells_own_figure(text, upper):
    with pytest.raises(MoneyError) as err:
        parse_cost(text)
    assert str(err.value) == (f"“{text}” gives only an upper figure: type the cost ({upper}) if that is it, or a "
                              f"range ending at it (… - {upper}) where the lower figure is known.")


def test_words_after_up_to_that_are_no_figure_are_still_refused_as_an_upper_figure():
    with pytest.raises(MoneyError, match=r"^“Up to a third” gives only an upper figure: type the cost, or a range "
                                         r"ending at it, where the lower figure is known\.$"):
        parse_cost("Up to a third")


def test_the_paste_preview_says_it_of_the_row(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    problems = presenter.paste_preview([["Title", "Cost"], ["Nightsafe", "Up to £20,000"]]).problems()
    assert "Row 1: Cost: “Up to £20,000” gives only an upper figure: type the cost (£20,000) if that is it" in problems
    assert "£30,000" not in problems
