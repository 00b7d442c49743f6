"""Lines of a CSV file pasted into the Partnership column are refused, not made partnerships (session 72).

The command line's input (or its output) opened in Notepad, or lines from an e-mail, copied and pasted on a new row:
each line, commas and figures, became one partnership's name ("Newtown CSP,1,2442,70725", and the header line
"partnership,fixed_units,basis,previous" another), each with a fixed unit and no figures, so each took a fixed fee
out of the pot without a word. Such a line is now refused, saying the values are separated by commas (or
semicolons) and how to paste them as cells; a name with a comma in it ("Babergh, Mid Suffolk") is still a name.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_inputs, suffolk_options


@pytest.fixture
def state():
    return bench.WorkState(tuple(suffolk_inputs()), suffolk_options())


@pytest.mark.parametrize(("text", "line", "said"), [
    ("Newtown CSP,1,2442,70725\r\nOther CSP,1,100,5\r\n", "Newtown CSP,1,2442,70725", "commas"),
    ('partnership,fixed_units,basis,previous\r\nNewtown,1,2442,"70,725"\r\n', "partnership,fixed_units,basis,previous",
     "commas"),
    ("Newtown CSP;1;2442;£70,725\r\n", "Newtown CSP;1;2442;£70,725", "semicolons"),
])
def test_a_csv_line_pasted_as_a_name_is_refused(state, text, line, said):
    with pytest.raises(AllocationError) as refused:
        bench.with_pasted(state, 5, 0, parse_tsv(text, keep_blank_rows=True))
    assert str(refused.value) == (
        f"Pasted row 1: “{line}” is a line of values separated by {said}, not cells, and would be one partnership's "
        "name. Open the file in Excel and copy the cells from there (Excel copies them with tabs between).")


def test_typed_as_a_name_it_is_refused_too(state):
    with pytest.raises(AllocationError, match=r"^Row 1 \(Babergh CSP\): “Babergh,1,2442” is a line of values"):
        bench.with_cell(state, 0, bench.NAME, "Babergh,1,2442")


@pytest.mark.parametrize("name", ["Babergh, Mid Suffolk", "Babergh, Mid Suffolk and Ipswich", "Area 1, North",
                                  "Brighton & Hove"])
def test_a_name_with_a_comma_is_still_a_name(state, name):
    pasted = bench.with_pasted(state, 5, 0, [[name, "1", "10", ""]])
    assert pasted.partnerships[5].name == name


@pytest.mark.parametrize(("line", "said"), [("Population,50", "a comma"), ("Crime; 25%", "a semicolon")])
def test_a_factor_and_its_weight_on_one_line_are_refused_as_a_factors_name(state, line, said):
    """"Population,50" pasted (or typed) as a factor's name was a factor named so, weighted 1, not 50."""
    with pytest.raises(AllocationError) as refused:
        bench.with_factors_pasted(state, 1, 0, [[line]])
    assert str(refused.value) == (
        f"Pasted row 1: Factor: “{line}” is a name and a weight separated by {said}, not cells: type the weight in "
        "the Weight column (or copy the cells from Excel, which copies them with tabs between).")
    with pytest.raises(AllocationError, match="is a name and a weight"):
        bench.with_factor_title(state, 0, line)


@pytest.mark.parametrize("title", ["Crime, 2008/09", "Crime, 2008", "Population; census"])
def test_a_factor_named_with_a_comma_and_a_year_is_still_a_name(state, title):
    assert bench.with_factor_title(state, 0, title).options.factors[0].title == title
