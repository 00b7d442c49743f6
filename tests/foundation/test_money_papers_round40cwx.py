"""Money as the papers write it (round 40, cwx).

"2,500 GBP", "£2,500 pa", "£2,500.00 (est)" and a date pasted into a money cell were all refused with the same
"is not an amount of money (try a form like £1,234.56)". What is exact is now read ("2,500 GBP" is £2,500; "£125k"
and "£1.2m" were already); what is not is refused saying what it is and what to type. Whatever is read, written
back by format_money, reads as the same pence.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.money import MAX_PENCE, MoneyError, format_money, no_figure_words, parse_pence

EXACT = [("2,500 GBP", 250_000), ("2500gbp", 250_000), ("GBP 2,500", 250_000), ("£2,500 GBP", 250_000),
         ("£125k", 12_500_000), ("£1.2m", 120_000_000), ("125K GBP", 12_500_000)]


@pytest.mark.parametrize("typed, pence", EXACT)
def test_what_is_exact_is_read(typed, pence):
    assert parse_pence(typed) == pence


@pytest.mark.parametrize("typed", ["£2,500 pa", "£2,500 p.a.", "£2,500 per annum", "£2,500 per year",
                                   "£2,500 a year", "£2,500/yr", "2,500 GBP pa"])
def test_a_years_amount_says_to_type_the_figure_alone(typed):
    with pytest.raises(MoneyError) as said:
        parse_pence(typed)
    assert str(said.value) == (f"“{typed}” is an amount a year: an amount here is already the one for its year (or "
                               "for the period it is asked for), so type the figure alone, £2,500.")


@pytest.mark.parametrize("typed", ["£2,500 pcm", "£2,500 per month", "£2,500 a month", "£2,500/month"])
def test_a_months_amount_says_what_a_year_of_it_is(typed):
    with pytest.raises(MoneyError) as said:
        parse_pence(typed)
    assert str(said.value) == (f"“{typed}” is an amount a month: type the amount for the whole period it is asked "
                               "for (twelve months of £2,500 are £30,000).")


@pytest.mark.parametrize("typed", ["£2,500.00 (est)", "£2,500.00 (est.)", "£2,500.00 est", "£2,500.00 (estimate)",
                                   "£2,500.00 estimated", "est. £2,500.00", "Estimated £2,500.00"])
def test_an_estimate_is_read_as_its_figure(typed):
    # Round 41 (mwd): read as "about £2,500" always was, in every money field (see money._APPROX_BEFORE).
    assert parse_pence(typed) == 250_000


@pytest.mark.parametrize("typed", ["01/04/2024", "1/4/24", "2024-04-01", "2024-04-01 00:00:00", "01-Apr-2024",
                                   "1 April 2024", "01/04/2024 00:00"])
def test_a_date_in_a_money_cell_is_said_as_a_date(typed):
    with pytest.raises(MoneyError) as said:
        parse_pence(typed)
    assert str(said.value) == (f"“{typed}” is a date, not an amount of money: copy or type the amount (a date "
                               "pasted here most likely came from the column beside it).")


def test_the_words_for_a_blank_amount_are_the_callers():
    """Where an amount cannot be blank, the refusal says what to do instead in its own words, not rewritten."""
    assert no_figure_words("TBC", blank="leave the year's line out") == (
        "“TBC” is not an amount of money: it says the figure is not known yet. Leave the year's line out until it is "
        "known (type £0 only if there is none).")
    assert no_figure_words("N/A", blank="leave out --year 2017/18") == (
        "“N/A” is not an amount of money: it stands for no figure (none, or one not known yet). Type £0 for none, "
        "or leave out --year 2017/18 until it is known.")
    with pytest.raises(MoneyError, match="or leave out --year 2017/18 until it is known"):
        parse_pence("N/A", blank="leave out --year 2017/18")
    assert no_figure_words("TBC").endswith("Leave the amount blank until it is known (type £0 only if there is none).")


# -- what is read round-trips ------------------------------------------------------------------------------------

_pence = st.integers(min_value=-MAX_PENCE, max_value=MAX_PENCE)


def _grouped(pounds: int) -> str:
    return f"{pounds:,}"


@st.composite
def typed_amounts(draw) -> str:
    """An amount as a paper may write it: a sign or brackets, £ or GBP before or after, thousands grouped or not,
    pence or none, a k/m scale."""
    pounds = draw(st.integers(min_value=0, max_value=10 ** 9))
    pence = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=99)))
    figure = _grouped(pounds) if draw(st.booleans()) else str(pounds)
    if pence is not None:
        figure += f".{pence:02d}"
    elif draw(st.booleans()):
        figure = f"{draw(st.integers(min_value=0, max_value=999))}{draw(st.sampled_from(['k', 'K', 'm']))}"
    currency = draw(st.sampled_from(["£{}", "GBP {}", "{} GBP", "£{} GBP", "{}gbp", "{}"]))
    text = currency.format(figure)
    return draw(st.sampled_from(["{}", "-{}", "({})"])).format(text)


@given(typed_amounts())
def test_anything_read_is_written_back_as_the_same_pence(typed):
    try:
        pence = parse_pence(typed)
    except MoneyError:
        return  # refused (larger than Safer Desk holds): nothing was read to write back
    assert parse_pence(format_money(pence)) == pence
    assert parse_pence(format_money(pence, show_pence=True)) == pence


@given(_pence)
def test_every_amount_written_reads_back(pence):
    assert parse_pence(format_money(pence)) == pence
