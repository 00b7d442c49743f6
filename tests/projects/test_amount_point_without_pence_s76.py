"""An amount typed with a point and no pence after it ("£100.", a slip of the finger or a figure cut from a
sentence): a budget cell said "ends with a point and no pence after it: type £100", but every other amount field (a
project's cost, a payment, an award's year) said only "is not an amount of money (try a form like £1,234.56)", not
what to type, as the guide's "Amounts are typed as people write them" promises ("refused saying what to type")."""

import pytest

from safer_desk.domain.money import MoneyError, parse_cost, parse_pence


@pytest.mark.parametrize("typed, offered", [("£100.", "£100"), ("2,500.", "2,500"), ("£30K.", "£30K"),
                                            ("(6,957).", "(6,957)")])
def test_a_point_with_no_pence_says_what_to_type(typed, offered):
    with pytest.raises(MoneyError) as refused:
        parse_pence(typed)
    assert str(refused.value) == f"“{typed}” ends with a point and no pence after it: type {offered}."


def test_a_projects_cost_says_it_too():
    with pytest.raises(MoneyError, match="ends with a point and no pence after it: type £125,000"):
        parse_cost("£125,000.")


@pytest.mark.parametrize("typed", [".", "£.", "abc.", "£100.."])
def test_what_is_no_figure_before_the_point_is_still_not_an_amount(typed):
    with pytest.raises(MoneyError) as refused:
        parse_pence(typed)
    assert "ends with a point" not in str(refused.value)
