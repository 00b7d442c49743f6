"""Figures typed or pasted as officers have them: a space (or the no-break and narrow no-break spaces Excel and Word
put in) as the thousands separator, and a % sign on a figure (round 34, helper num)."""

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from safer_desk.domain import allocation
from safer_desk.domain.checks import NumberError, parse_number, parse_percentage, typed_digits
from safer_desk.domain.money import MoneyError, format_money, parse_cost, parse_pence

# A space, a no-break space (Excel, Word), a narrow no-break space (Excel's French-style formats, macOS), a thin
# space and a figure space: each is a thousands separator between groups of three digits.
SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\u2007"]


@pytest.mark.parametrize("space", SPACES)
def test_an_amount_with_spaces_for_thousands_reads_as_with_commas(space):
    assert parse_pence(f"£1{space}234.56") == 123_456
    assert parse_pence(f"1{space}234{space}567") == 123_456_700
    assert parse_pence(f"(6{space}957)") == -695_700
    assert parse_pence(f"£1{space}500k") == parse_pence("£1,500k")
    assert parse_cost(f"£54{space}372 - £62{space}372").describe() == "£54,372 - £62,372"


@pytest.mark.parametrize("typed", ["£12 34", "1 2345", "£1 234 56", "12\u00a034.50", "£1  234", "0.123 456"])
def test_an_amount_with_a_space_out_of_place_is_refused_saying_how_to_type_it(typed):
    with pytest.raises(MoneyError) as refused:
        parse_pence(typed)
    message = str(refused.value)
    assert "space" in message and "£1,234.56" in message, message


@pytest.mark.parametrize("space", SPACES)
def test_a_figure_with_spaces_for_thousands_reads_as_with_commas(space):
    assert parse_number(f"2{space}442") == Decimal(2442)
    assert parse_number(f"1{space}234{space}567.5") == Decimal("1234567.5")
    assert parse_percentage(f"1{space}234%") == Decimal(1234)
    assert typed_digits(f"2{space}442") == 2442  # the allocation factors' reader
    assert allocation.parse_number(f"2{space}442", what="Babergh, basis") == 2442


@pytest.mark.parametrize("typed", ["12 34", "1 2345", "1 234 56"])
def test_a_figure_with_a_space_out_of_place_is_refused_not_joined(typed):
    # "12 34" was read as 1234: two figures in one cell, or a slip, taken as another number
    with pytest.raises(NumberError) as refused:
        parse_number(typed)
    message = str(refused.value)
    assert "space" in message and "1,234" in message, message


def test_a_sign_or_bracket_spaced_from_its_figure_still_reads():
    assert parse_number("- 74") == Decimal(-74)
    assert parse_number("+ 1 652") == Decimal(1652)
    assert parse_percentage("9.08 %") == Decimal("9.08")


def test_a_percentage_typed_for_a_count_is_refused_saying_what_to_type():
    with pytest.raises(NumberError) as refused:
        parse_number("9.08%")
    message = str(refused.value)
    assert "%" in message and "9.08" in message and "without" in message, message
    assert parse_percentage("9.08%") == Decimal("9.08")  # where a percentage is meant, it is that percentage


def test_a_percentage_typed_as_an_amount_is_refused_saying_what_to_type():
    with pytest.raises(MoneyError) as refused:
        parse_pence("9.08%")
    assert "percentage" in str(refused.value) and "£1,234.56" in str(refused.value)


def test_shares_and_percentages_still_read_a_percent_sign():
    assert allocation.parse_percent("9.08%") == Fraction(908, 10000)
    assert allocation.parse_fraction("9.08%") == Fraction(908, 10000)
    assert allocation.parse_weight("25%") == 25


def test_a_percentage_typed_as_a_factor_figure_says_what_to_type():
    with pytest.raises(allocation.AllocationError) as refused:
        allocation.parse_number("9.08%", what="Babergh, basis")
    message = str(refused.value)
    assert message.startswith("Babergh, basis: ") and "without" in message and "9.08" in message, message
    with pytest.raises(allocation.AllocationError) as refused:
        allocation.parse_number("24 43", what="Babergh, basis")
    assert "space between digits" in str(refused.value) and "1,234" in str(refused.value)


@given(st.integers(min_value=-10 ** 14, max_value=10 ** 14), st.sampled_from(SPACES))
def test_every_amount_reads_alike_with_commas_or_spaces(pence, space):
    with_commas = format_money(pence, show_pence=True)  # "-£1,234.56"
    assert parse_pence(with_commas) == pence
    assert parse_pence(with_commas.replace(",", space)) == pence
    assert parse_pence(with_commas.replace(",", space).replace("£", "")) == pence


@given(st.text(alphabet="0123456789 ,.", min_size=1, max_size=14))
def test_a_spaced_figure_reads_as_its_comma_form_or_is_refused(typed):
    """Nothing read with spaces is read as another number than the same text with commas for its spaces."""
    def reading(read, text):
        try:
            return read(text)
        except ValueError:
            return None

    commas = re.sub(r"(?<=\d) +(?=\d)", ",", typed)  # the spaces between digits as commas
    for read in (parse_pence, parse_number, typed_digits):
        spaced = reading(read, typed)
        if spaced is not None and commas != typed:
            assert spaced == reading(read, commas), (read.__name__, typed)
