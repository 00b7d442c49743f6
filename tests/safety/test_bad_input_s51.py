"""Bad input found by trying the program as its users do (round 51): each refusal names what is wrong."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("unit", "said"), [("rate", "population"), ("percentage", "how many")])
def test_a_zero_denominator_says_what_the_denominator_is(demo_store, unit, said):
    # "the denominator cannot be 0" named neither what the denominator stands for (a rate's population, a
    # percentage's whole) nor what to type instead.
    from safer_desk.services.indicators import PeriodValue
    from safer_desk.services import indicators as svc

    ind = next(i for i in svc.list_indicators(demo_store) if i.unit == unit)
    with pytest.raises(svc.IndicatorError) as refused:
        svc.check_value(ind, PeriodValue("2016-04", None, 5, 0))
    message = str(refused.value)
    assert said in message and "5" in message, message
    assert message != f"{ind.name}, Apr-16: the denominator cannot be 0."


def test_a_name_with_its_accent_written_another_way_is_the_same_name():
    # "Café" with a composed é and with e and a combining accent (as a Mac or a web form may write it) were two
    # partnerships to `allocate`, both shown as "Café", and split the pot between them.
    from safer_desk.domain.text import typed_name_key

    assert typed_name_key("Caf\u00e9") == typed_name_key("Cafe\u0301") == typed_name_key(" CAF\u00c9 ")


def test_allocate_refuses_a_partnership_listed_twice_with_its_accent_written_two_ways(tmp_path, capsys):
    from tests.cli_run import run

    sheet = tmp_path / "in.csv"
    sheet.write_text("partnership,fixed_units,basis\nCaf\u00e9,1,10\nCafe\u0301,1,20\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", sheet, "--pot", "1000")
    assert code == 1 and out == "", out
    assert "twice" in err, err
