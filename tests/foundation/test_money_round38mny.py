"""Round 38 (mny): money as a finance officer's spreadsheet writes it, and an award's years said whole.

Cells pasted from a finance system or Excel were refused in the generic words: a minus after the figure ("1,234-", a
negative as ledgers print it) is now read; a figure marked CR or DR is refused saying what the marks mean (a credit
adds in one ledger and takes away in another: not guessed); a formula ("=SUM(A1:A3)") says to paste the values.
An award saved with only its last year described itself "OPCC: £500,000", its year lost.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.commissioning import Award
from safer_desk.domain.money import MoneyError, parse_cost, parse_pence
from safer_desk.presenters.awards import AwardsPresenter

FORMULA = "is a formula, not an amount: paste the values, not the formulas (Paste Special > Values in Excel)."


@pytest.mark.parametrize("typed, pence", [
    ("1,234-", -123_400), ("£1,234.00-", -123_400), ("1,234 -", -123_400), ("53,400\u2212", -5_340_000),
    ("1,234", 123_400), ("(1,234)", -123_400),
])
def test_a_minus_after_the_figure_is_a_negative(typed, pence):
    assert parse_pence(typed) == pence


@pytest.mark.parametrize("typed", ["(1,234-)", "-1,234-", "£-1,234-"])
def test_a_minus_after_the_figure_and_another_sign_is_negative_twice(typed):
    with pytest.raises(MoneyError, match="negative twice"):
        parse_pence(typed)


def test_a_cost_with_a_minus_after_it_is_a_negative_cost_not_a_range():
    with pytest.raises(MoneyError, match="a cost cannot be negative"):
        parse_cost("£50,000-")


@pytest.mark.parametrize("typed, words", [
    ("£1,234.00 CR", "“£1,234.00 CR” is marked CR (credit), as a ledger prints it, and whether a credit adds or "
                     "takes away depends on the ledger, so it is not guessed: type the amount as it counts here "
                     "(£1,234.00, or -£1,234.00 on a budget line it reduces)."),
    ("1,234.00 DR", "“1,234.00 DR” is marked DR (debit), as a ledger prints it, and whether a debit adds or takes "
                    "away depends on the ledger, so it is not guessed: type the amount as it counts here (1,234.00, "
                    "or -1,234.00 on a budget line it reduces)."),
    ("=SUM(A1:A3)", f"“=SUM(A1:A3)” {FORMULA}"),
    ("=B4*0.5", f"“=B4*0.5” {FORMULA}"),
])
def test_a_ledgers_marks_and_a_formula_are_refused_saying_what_was_seen(typed, words):
    with pytest.raises(MoneyError) as caught:
        parse_pence(typed)
    assert str(caught.value) == words


@pytest.mark.parametrize("typed", ["DR", "CR", "-", "£ -"])
def test_a_mark_or_a_dash_alone_is_still_not_an_amount(typed):
    with pytest.raises(MoneyError, match="is not an amount of money"):
        parse_pence(typed)


@pytest.mark.parametrize("typed, said", [
    ("OPCC: =B4*0.5", f"line 1: “=B4*0.5” {FORMULA}"),
    ("OPCC: =SUM(A1:A3)", f"line 1: “=SUM(A1:A3)” {FORMULA}"),
    ("OPCC: £1,234.00 CR", "line 1: “£1,234.00 CR” is marked CR (credit)"),
    ("OPCC: 1,234-", "line 1: a funder's share cannot be negative (“1,234-”)."),
])
def test_a_share_pasted_from_a_ledger_says_what_was_seen(typed, said):
    from safer_desk.services.projects import parse_funding_sources

    problems: list = []
    assert parse_funding_sources(typed, problems) == ()
    assert [m for _, m in problems][0].startswith(said)


def _award(**fields) -> Award:
    return Award("a1", "OPCC", "Grant", total_pence=50_000_000, **fields)


def test_an_award_saved_with_only_its_last_year_says_its_year():
    award = _award(last_year="2019/20")
    assert award.describe() == "OPCC: £500,000 (to 2019/20)"
    assert AwardsPresenter.amounts_text(award) == "£500,000 (to 2019/20)"
    assert _award(first_year="2018/19", last_year="2019/20").describe() == "OPCC: £500,000 (2018/19 to 2019/20)"
    assert _award(first_year="2019/20").describe() == "OPCC: £500,000 (2019/20)"
    assert _award().describe() == "OPCC: £500,000"


def test_the_awards_form_refuses_a_formula_in_its_total_in_those_words(demo_store):
    from safer_desk.presenters.forms import FormError

    values = {"funder": "OPCC", "name": "T", "years": "", "total": "=SUM(B2:B4)", "first_year": "2017/18",
              "last_year": "", "revenue": "", "capital": "", "conditions": "", "notes": ""}
    with pytest.raises(FormError) as caught:
        AwardsPresenter(demo_store)._read(values, None)
    assert caught.value.by_field == {"total": f"Total: “=SUM(B2:B4)” {FORMULA}"}  # beside the Total (round 39 awf)
