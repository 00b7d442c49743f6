"""Oxfordshire's weights copied from the paper with their total line ("Population 50%, Crime 25%, Non-crime demand
25%, Total 100%") and pasted into "Variable part shared by" added a fourth factor called Total weighing 100, twice
the others together: Population then counted for a quarter of the variable part, not a half, and the inputs grew a
Total column. The partnerships' paste refuses a total line; the factors' paste now does too, naming it, and applies
nothing. A factor named with the word ("Total crime") is still a factor."""
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


@pytest.mark.parametrize("total", ["Total\t100%", "Totals\t100", "Grand total\t100%", "Oxfordshire total\t100%"])
def test_the_weights_total_line_is_refused_not_made_a_factor(state, total):
    text = f"Factor\tWeight\r\nPopulation\t50%\r\nCrime\t25%\r\nNon-crime demand\t25%\r\n{total}\r\n"
    with pytest.raises(AllocationError) as caught:
        bench.with_factors_pasted(state, 0, 0, parse_tsv(text, keep_blank_rows=True))
    name = total.split("\t")[0]
    assert str(caught.value).startswith(f"Pasted row 5: “{name}” looks like the weights' total line, not a factor")
    without = bench.with_factors_pasted(state, 0, 0, parse_tsv(text.rsplit("\r\n", 2)[0], keep_blank_rows=True))
    assert [(f.title, f.weight) for f in without.options.factors] == [
        ("Population", 50), ("Crime", 25), ("Non-crime demand", 25)]


def test_a_factor_named_with_the_word_total_is_a_factor(state):
    text = "Total crime\t2\r\nPopulation\t1\r\nAll crime total\t1\r\n"
    pasted = bench.with_factors_pasted(state, 0, 0, parse_tsv(text, keep_blank_rows=True))
    assert [f.title for f in pasted.options.factors] == ["Total crime", "Population", "All crime total"]
