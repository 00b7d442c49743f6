"""Round 39 (awf): what a paper or a sheet writes where it has no figure, typed as an amount.

"N/A", "TBA", "TBD", "t.b.c.", "tbc" and "-" were refused in the generic words ("is not an amount of money (try a
form like £1,234.56)"), as if a figure had been mistyped. They are now said for what they are: a figure not known yet
(leave the amount blank until it is known) or no figure (type £0 for none). Every figure read before reads the same.
An error Excel shows in place of a figure ("#REF!", "#N/A") is said to be one, to correct in the sheet.
A paper's "nil" says to type £0.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.money import MAX_PENCE, MoneyError, format_money, no_figure_words, parse_pence

NOT_KNOWN = ": it says the figure is not known yet. Leave the amount blank until it is known (type £0 only if there " \
            "is none)."
NO_FIGURE = ": it stands for no figure (none, or one not known yet). Type £0 for none, or leave the amount blank " \
            "until it is known."


@pytest.mark.parametrize("typed", ["TBC", "tbc", "t.b.c.", "T.B.C", "TBA", "tba.", "TBD", "t.b.d.", "N/K", "n.k.",
                                   "to be confirmed", "To be agreed", "not known", "unknown", "?"])
def test_words_for_a_figure_not_known_yet_say_to_leave_the_amount_blank(typed):
    with pytest.raises(MoneyError) as caught:
        parse_pence(typed)
    assert str(caught.value) == f"“{typed}” is not an amount of money{NOT_KNOWN}"


@pytest.mark.parametrize("typed", ["N/A", "n/a", "N.A.", "-", "\u2013", "\u2014", "£ -", "£-", " - "])
def test_marks_for_no_figure_say_to_type_0_or_leave_it_blank(typed):
    with pytest.raises(MoneyError) as caught:
        parse_pence(typed)
    assert str(caught.value) == f"“{typed.strip()}” is not an amount of money{NO_FIGURE}"


@pytest.mark.parametrize("typed", ["tbcx", "na", "lots", "£", "-£", "()"])
def test_other_text_is_refused_as_before(typed):
    with pytest.raises(MoneyError, match=r"is not an amount of money \(try a form like £1,234\.56\)\.$"):
        parse_pence(typed)


amounts = st.integers(min_value=-MAX_PENCE, max_value=MAX_PENCE)


@given(amounts, st.sampled_from(["{}", " {} ", "{}-", "({})", "GBP {}", "~{}", "approx. {}"]))
def test_every_figure_read_before_reads_the_same(pence, form):
    shown = format_money(abs(pence))
    if form in ("{}-", "({})") and pence == 0:
        return
    typed = form.format(shown.removeprefix("£") if form.startswith("GBP") else shown)
    expected = -abs(pence) if form in ("{}-", "({})") else abs(pence)
    assert no_figure_words(typed) == ""
    assert parse_pence(typed) == expected
    assert parse_pence(format_money(pence)) == pence


@pytest.mark.parametrize("typed, pence", [("0", 0), ("£0", 0), ("-0", 0), ("£-5", -500), ("- 5", -500),
                                          ("5-", -500), ("50p", 50), ("£1.5k", 150_000)])
def test_figures_with_a_dash_or_a_letter_still_read(typed, pence):
    assert parse_pence(typed) == pence


@pytest.mark.parametrize("typed", ["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#num!"])
def test_an_error_excel_shows_in_place_of_a_figure_says_to_correct_it_in_the_sheet(typed):
    # It was refused as "is not an amount of money (try a form like £1,234.56)", as if it had been mistyped here.
    with pytest.raises(MoneyError) as caught:
        parse_pence(typed)
    assert str(caught.value) == (f"“{typed}” is an error from the sheet, not an amount: correct it there, then copy "
                                 "the figure again.")


@pytest.mark.parametrize("typed", ["nil", "Nil.", "£nil", "none", "Nothing"])
def test_a_papers_word_for_none_says_to_type_0(typed):
    with pytest.raises(MoneyError) as caught:
        parse_pence(typed)
    assert str(caught.value) == f"“{typed}” is not an amount of money: it says there is none. Type £0."
