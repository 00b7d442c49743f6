"""Session 44 (in4): what the Indicators tab and the other areas' figures say when a figure is typed as an
officer would type it, and that what they say to do is then accepted."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from tests.indicators.test_tab import plymouth_tab

SATISFACTION = "Level Two \u201cist\u201d incidents satisfaction"


@pytest.mark.parametrize("typed, not_said, said", [
    # "5 of 0" said to give 5 as the numerator and 0 as the denominator, which Save then refused ("the denominator
    # cannot be 0"); "20 of 18" said to give 20 and 18 (refused as over 100%) or "the percentage itself (111.1%)".
    ("5 of 0", "give 5 as the numerator", "out of 0"),
    ("20 of 18", "give 20 as the numerator", "more than"),
    ("-5 of 18", "give -5 as the numerator", "below nothing"),
])
def test_a_proportion_that_cannot_be_a_percentage_is_not_told_to_go_where_it_is_refused(
        demo_window, prompts, typed, not_said, said):
    store = demo_window.session.store
    tab = plymouth_tab(demo_window)
    tab.select_indicator(SATISFACTION)
    before = store.conn.total_changes
    tab.grid.edit_text(svc.GRID_VALUE, 8, typed)
    assert not tab.save_figures()
    message = tab.grid_messages.text()
    assert "Dec-16" in message and not_said not in message and said in message, message
    assert "%)" not in message, message  # no percentage offered of two counts that give none
    assert store.conn.total_changes == before and tab.view.values[8] is None
    # What it does say to type is taken: the two counts checked, as numerator and denominator.
    tab.grid.edit_text(svc.GRID_VALUE, 8, "")
    tab.grid.edit_text(svc.GRID_NUMERATOR, 8, "16")
    tab.grid.edit_text(svc.GRID_DENOMINATOR, 8, "18")
    assert tab.save_figures(), tab.grid_messages.text()
    assert round(tab.view.values[8], 1) == 88.9


@pytest.mark.parametrize("typed, figure", [
    ("£1,200", "1,200"),  # blamed its comma ("has a comma where a thousands separator cannot be")
    ("£ 1,200", "1,200"),
    ("£1200", "1200"),  # "is not a number (try a form like 1,234 or 88.9)", never naming the £
    ("-£1,200", "-1,200"),
])
def test_a_number_typed_with_a_pound_sign_is_refused_saying_to_leave_out_the_pound_not_blaming_its_comma(
        typed, figure):
    from safer_desk.domain.checks import NumberError, parse_number, parse_percentage

    for read in (parse_number, parse_percentage):
        with pytest.raises(NumberError) as refused:
            read(typed)
        message = str(refused.value)
        assert "£ sign" in message and f"({figure})" in message and "comma" not in message, message
        read(figure)  # what it says to type is taken


def test_a_forms_number_field_with_a_pound_sign_says_to_leave_out_the_pound():
    # A number field of any form (a DHR's days to pay, a target's Amber within) took the £ for a comma out of place.
    from datetime import date

    from safer_desk.presenters.forms import Field, FieldKind, read_value

    value, error, _ = read_value(Field("due_days", "Days to &pay", FieldKind.NUMBER), "£1,200", today=date(2026, 12, 3))
    assert value is None and "£ sign" in error and "(1,200)" in error and "comma" not in error, error


def test_a_rates_figure_typed_with_a_pound_sign_says_to_leave_out_the_pound(demo_window, prompts):
    svc.save_indicator(demo_window.session.store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Violent crime rate")
    tab.grid.edit_text(svc.GRID_VALUE, 0, "£1,200")
    assert not tab.save_figures()
    message = tab.grid_messages.text()
    assert "£ sign" in message and "comma" not in message, message
    assert tab.view.values[0] is None
