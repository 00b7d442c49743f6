"""Money words and pasted figures (round 41, mwd).

1. An Excel date serial ("45383", 1 April 2024 when a date column is copied as numbers) cannot be told from an amount
   by the number alone, and is read as one: a source that says it is a date does so in its text, which is refused
   as a date ("01/04/2024", "2024-04-01 00:00:00" from an .xlsx date cell, "Apr-24" and "1 Apr" as Excel shows a
   month or a day), in every money field.
2. "about £2,500" was read as £2,500 while "£2,500 (est)" was refused: an approximate or estimated figure is now read
   as its figure in every money field (a budget cell keeps the word as its note).
3. Odd text an officer types or pastes is read exactly or refused saying what to type, the same in every field and
   on the command line; what Safer Desk writes reads back as the same pence.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.cli.common import read_amount
from safer_desk.domain import budgets
from safer_desk.domain.money import (MAX_PENCE, MoneyError, approximate_figure, format_money, format_pounds_plain,
                                     parse_cost, parse_pence)
from safer_desk.presenters import formats
from safer_desk.presenters.forms import Field, FieldKind, read_value
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.dhr import as_pence
from tests.cli_run import run

TODAY = date(2026, 12, 2)
MONEY_FIELD = Field("amount", "Amount", FieldKind.MONEY, allow_negative=True)


def _window_field(text: str) -> int:
    value, error, _ = read_value(MONEY_FIELD, text, today=TODAY)
    if error:
        raise MoneyError(error)
    return value


def _budget_cell(text: str) -> int:
    cell = budgets.parse_cell(text)
    if cell.status != "amount":
        raise ValueError(f"a {cell.status} cell")
    return cell.pence


def _cost(text: str) -> int:
    return parse_cost(text).planning_pence


def _dhr(text: str) -> int:
    return as_pence(text, "Amount")


def _allocation_option(text: str) -> int:
    return bench.amount_option("Pot", text)


# Every place an amount is typed, by its reader: (name, reader, reads negatives).
FIELDS = [("money", parse_pence, True), ("command line", read_amount, False), ("form field", _window_field, True),
          ("budget cell", _budget_cell, True), ("cost", _cost, False), ("DHR amount", _dhr, False),
          ("allocation option", _allocation_option, False)]


def _each_field(text: str):
    """(name, pence or the refusal's words) for every field."""
    for name, reader, _ in FIELDS:
        try:
            yield name, reader(text)
        except ValueError as exc:  # MoneyError, BudgetError, DhrError, AllocationError, the command's ValueError
            yield name, str(exc)


# -- 1. an Excel date serial, and dates as a source shows them ------------------------------------------------------

def test_a_number_typed_by_hand_is_an_amount_in_every_field_even_where_a_date_serial_would_be_it():
    for name, got in _each_field("45383"):
        assert got == 45_383_00, name
    assert parse_pence("45383.0") == 45_383_00  # an .xlsx number cell, read as its value


@pytest.mark.parametrize("shown", ["01/04/2024", "1/4/24", "2024-04-01", "2024/04/01", "Apr-24", "April 2024",
                                   "1 Apr", "1-Apr-24", "01.04.2024", str(datetime(2024, 4, 1)), str(date(2024, 4, 1))])
def test_a_date_as_its_source_shows_it_is_refused_as_a_date_in_every_field(shown):
    for name, got in _each_field(shown):
        assert isinstance(got, str) and f"“{shown}” is a date, not an amount of money" in got, (name, got)


# -- 2. approximate and estimated figures -----------------------------------------------------------------------------

APPROXIMATE = ["about £2,500", "£2,500 (est)", "approx £2,500", "approx. £2,500", "£2,500 approx", "£2,500 (approx)",
               "c. £2,500", "circa £2,500", "~£2,500", "around £2,500", "est. £2,500", "£2,500 estimated",
               "Estimated £2,500", "2,500 (estimate)", "£2,500.00 (est.)", "about\u00a0£2,500", "about 2.5k"]


@pytest.mark.parametrize("typed", APPROXIMATE)
def test_an_approximate_or_estimated_figure_reads_as_its_figure_in_every_field(typed):
    for name, got in _each_field(typed):
        assert got == 2_500_00, (name, got)


@pytest.mark.parametrize("typed, word", [("about £2,500", "about"), ("£2,500 (est)", "est"), ("~£2,500", "approx."),
                                         ("£2,500 approx", "approx")])
def test_a_budget_cell_keeps_the_word_as_its_note(typed, word):
    cell = budgets.parse_cell(typed)
    assert (cell.pence, cell.note, cell.text) == (2_500_00, word, typed)
    assert cell.edit_text() == f"£2,500 ({word})"
    assert budgets.parse_cell(cell.edit_text()) == budgets.Cell.amount(2_500_00, text=cell.edit_text(), note=word)


def test_a_budget_cell_in_thousands_reads_an_estimate_in_thousands_and_keeps_its_split():
    assert budgets.parse_cell("884 (est)", unit="thousand").pence == 884_000_00
    cell = budgets.parse_cell("about £4,000 (£2,000 per District)")
    assert (cell.pence, cell.per_district_pence, cell.note) == (4_000_00, 2_000_00, "about")


@pytest.mark.parametrize("typed, pence", [("(about 2,500)", -2_500_00), ("about (2,500)", -2_500_00),
                                          ("about -£2,500", -2_500_00)])
def test_an_approximate_negative_reads_either_way_round(typed, pence):
    assert parse_pence(typed) == pence


@pytest.mark.parametrize("typed", ["about", "est.", "about TBC", "approx N/K"])
def test_a_word_with_no_figure_is_still_no_amount(typed):
    assert approximate_figure(typed) is None
    with pytest.raises(MoneyError):
        parse_pence(typed)


def test_what_is_not_known_yet_is_still_refused_with_the_callers_words():
    with pytest.raises(MoneyError, match="Leave the year's line out until it is known"):
        parse_pence("TBC", blank="leave the year's line out")


# -- 3. odd text, the same way in every field -------------------------------------------------------------------------

READ = [("£2,500\u00a0", 2_500_00), ("2\u00a0500", 2_500_00), ("2\u202f500", 2_500_00), ("2\u2009500.50", 2_500_50),
        ("\u22122,500", -2_500_00), ("£\u22122,500", -2_500_00), ("£1.2m", 1_200_000_00), ("1.2k", 1_200_00),
        ("£ 2,500.5", 2_500_50), ("(2,500)", -2_500_00), ("GBP2500", 2_500_00), ("2500p", 25_00),
        ("2,500\t", 2_500_00), ("\t2,500\r\n", 2_500_00), ("£\t2,500", 2_500_00), ("+2,500", 2_500_00),
        ("£+2,500", 2_500_00), ("\u200b2,500", 2_500_00), ("\ufeff£2,500", 2_500_00), ("45383", 45_383_00)]


@pytest.mark.parametrize("typed, pence", READ)
def test_odd_text_that_is_an_amount_reads_the_same_in_every_field(typed, pence):
    for (name, got), (_, _, negatives) in zip(_each_field(typed), FIELDS):
        if pence < 0 and not negatives:
            assert isinstance(got, str) and "negative" in got, (name, got)
        else:
            assert got == pence, (name, got)


REFUSED = [
    ("2.500,00", "“2.500,00” is written with a comma before the pence and points for thousands, as much of Europe "
                 "writes money: for pounds and pence, type £2,500.00."),
    ("2 500,00", "is written with a comma before the pence, as much of Europe writes money: for pounds and pence, "
                 "type £2,500.00."),
    ("12,50", "type £12.50 (a comma separates thousands, as in £1,250)."),
    ("2.500.000", "“2.500.000” has points between its groups of thousands: type £2,500,000."),
    ("£2,500.999", "“£2,500.999” has more than two decimal places; amounts are in pounds and pence."),
    ("=2500", "“=2500” is a formula, not an amount: paste the values, not the formulas"),
    ("2,500\t3,000", "“2,500 | 3,000” is more than one cell (a tab or a new line between figures, as a copy of "
                     "several cells gives): copy or type one amount."),
    ("2,500\n3,000", "“2,500 | 3,000” is more than one cell"),
    ("-", "“-” is not an amount of money: it stands for no figure"),
    ("+-2,500", "“+-2,500” has a plus and another sign: type the amount with one sign"),
    ("£2,500 pa", "“£2,500 pa” is an amount a year"),
]


@pytest.mark.parametrize("typed, words", REFUSED)
def test_odd_text_that_is_not_an_amount_is_refused_with_the_same_words_in_every_field(typed, words):
    for name, got in _each_field(typed):
        if typed == "-" and name == "budget cell":
            continue  # a paper's table prints nil so (below)
        assert isinstance(got, str) and words in got, (name, got)


def test_a_dash_in_a_budget_cell_is_the_papers_nil():
    assert budgets.parse_cell("-").status == "nil"


def test_a_blank_amount_is_said_as_none_given():
    for text in ("", "   ", "\u200b"):
        with pytest.raises(MoneyError, match="No amount was given"):
            parse_pence(text)


def test_the_command_line_says_what_the_window_says(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nA,1,100\nB,1,300\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "2.500,00")
    assert code == 2 and out == ""
    assert "type £2,500.00" in " ".join(err.split())
    code, out, err = run(capsys, "allocate", path, "--pot", "£1,000 (est)")
    assert code == 0 and err == ""
    assert (0, out, "") == run(capsys, "allocate", path, "--pot", "about £1,000") == run(capsys, "allocate", path,
                                                                                          "--pot", "1000")


# -- round trips: what Safer Desk writes reads back as the same pence -------------------------------------------------

_pence = st.integers(min_value=-MAX_PENCE, max_value=MAX_PENCE)


@given(_pence)
def test_every_way_money_is_written_reads_back(pence):
    assert parse_pence(format_money(pence)) == pence
    assert parse_pence(format_money(pence, show_pence=True)) == pence
    assert parse_pence(format_pounds_plain(pence)) == pence
    shown = formats.display(pence, formats.Unit.MONEY)
    assert parse_pence(shown) == pence
    assert parse_pence(formats.plain(pence, formats.Unit.MONEY)) == pence
    assert parse_pence(formats.plain_shown(shown)) == pence


@given(_pence, st.sampled_from(["pound", "thousand"]))
def test_a_budget_cell_written_in_its_unit_reads_back(pence, unit):
    assert budgets.parse_cell(budgets.format_amount(pence, unit), unit=unit).pence == pence


@given(st.integers(min_value=0, max_value=MAX_PENCE),
       st.sampled_from(["{} (est)", "about {}", "~{}", "{}\t", "\u200b{}", "+{}", "{}\u00a0", " {} approx"]))
def test_a_written_amount_with_a_pastes_or_a_papers_decorations_reads_back(pence, form):
    shown = format_money(pence).replace(",", "\u00a0") if "\u00a0" in form else format_money(pence)
    assert parse_pence(form.format(shown)) == pence


def test_an_approximate_figure_that_cannot_be_read_is_refused_naming_all_that_was_typed():
    for name, got in _each_field("about £2,500.999"):
        assert isinstance(got, str) and "“about £2,500.999” has more than two decimal places" in got, (name, got)
