"""A population refused as "“abc” is not a population (try a form like 1,234 or 88.9)" (session 45).

A population is a whole number of people: suggesting 88.9 invites the next refusal ("not a whole number of people").
The refusal now suggests a population's own form, in the window's Populations dialog and on the command line alike.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.checks import NumberError, parse_number
from safer_desk.services.indicators import IndicatorError, read_population


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "12a"])
def test_a_population_refused_suggests_a_whole_number(typed):
    with pytest.raises(IndicatorError) as refused:
        read_population(typed)
    assert str(refused.value) == f"“{typed}” is not a population (try a form like 104,000)."


def test_a_figure_still_suggests_a_decimal_form():
    with pytest.raises(NumberError, match=r"try a form like 1,234 or 88\.9"):
        parse_number("abc", what="a figure")


def test_the_command_line_says_the_same(tmp_path, capsys):
    from safer_desk.cli import main

    path = tmp_path / "office.sqlite"
    assert main(["demo", str(path)]) == 0
    with pytest.raises(SystemExit) as ended:
        main(["population", str(path), "Ipswich", "2016/17", "abc"])
    assert ended.value.code == 2
    assert "“abc” is not a population (try a form like 104,000)." in capsys.readouterr().err
