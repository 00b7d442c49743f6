"""Weights copied from a paper with their own headings ("Measure  Weighting") were refused as 'Factor Measure: the
weight “Weighting” is not a number', with nothing saying the line was taken for a factor; and a title line over them
("Oxfordshire weights 2010/11") became a factor weighing 1 with no figures. As in the partnerships' paste, a first
line of words where the weight goes is said to look like a heading, and a title over weighted lines is refused."""
from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_options


@pytest.fixture
def state():
    return bench.with_pasted(bench.WorkState((), suffolk_options()), 0, 0,
                             [["Babergh", "1", "2442", "70725"], ["Ipswich", "1", "7937", "160607"]])


@pytest.mark.parametrize("heading", ["Measure\tWeighting", "Factors\tWeight"])
def test_a_heading_of_other_words_is_said_to_look_like_one(state, heading):
    with pytest.raises(AllocationError) as caught:
        bench.with_factors_pasted(state, 0, 0, parse_tsv(f"{heading}\r\nPopulation\t50%\r\n", keep_blank_rows=True))
    assert str(caught.value).endswith("The first row pasted looks like a heading: copy the factors without it.")


def test_a_title_over_weighted_lines_is_refused(state):
    text = "Oxfordshire weights 2010/11\r\nPopulation\t50%\r\nCrime\t25%\r\n"
    with pytest.raises(AllocationError, match=r"^Pasted row 1, “Oxfordshire weights 2010/11”, has no weight while "
                                              r"the lines under it have theirs: it looks like a title\."):
        bench.with_factors_pasted(state, 0, 0, parse_tsv(text, keep_blank_rows=True))


def test_names_alone_are_still_factors_weighing_one(state):
    pasted = bench.with_factors_pasted(state, 0, 0, [["Population"], ["Crime 2008/09"]])
    assert [(f.title, f.weight) for f in pasted.options.factors] == [("Population", 1), ("Crime 2008/09", 1)]
