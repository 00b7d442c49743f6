"""A bare figure of six digits or more ("884000", "884,000") in a plan in £'000 was read as hundreds of millions of
pounds without a question: a column pasted from a finance sheet kept in pounds went in a thousand times too large.
It is asked about as "£884,000" already was; a county's own £'000 figures ("62,499", "1,234") are not."""

import pytest

from safer_desk.domain import budgets as rules
from tests.budgets.test_budgets_view import type_cell, type_cell_left_open
from tests.budgets.test_refusals_queries_and_changes import revenue, said, tab  # noqa: F401 (the tab fixture)


@pytest.mark.parametrize("typed, read, meant, type_instead", [
    ("884000", "£884,000,000", "£884,000", "type 884."),
    ("884,000", "£884,000,000", "£884,000", "type 884."),
    ("(884,000)", "-£884,000,000", "-£884,000", "type -884."),
    ("100000", "£100,000,000", "£100,000", "type 100."),
    ("1,234,567", "£1,234,567,000", "£1,234,567", "type 1,234.567."),
    ("884000 (2 per District)", "£884,000,000", "£884,000", "type 884 (2 per District)."),
])
def test_a_bare_figure_of_a_hundred_thousand_or_more_is_asked_about(typed, read, meant, type_instead):
    message = rules.pounds_in_thousands_query(typed, "thousand")
    assert f"reads as {read};" in message and f"if it means {meant}," in message and message.endswith(type_instead)
    assert rules.pounds_in_thousands_query(typed, "pound") is None  # a plan in pounds reads it as it is


@pytest.mark.parametrize("typed", ["62,499", "99999", "99,999", "1,234", "62", "884000K", "£884K", "12.5"])
def test_a_thousands_figure_or_one_with_its_own_scale_is_not(typed):
    assert rules.pounds_in_thousands_query(typed, "thousand") is None


def test_the_presenter_asks_once_then_keeps_what_is_typed_again(demo_store):
    p = revenue(demo_store)
    line = next(r for r in p.rows if r.kind == "line" and r.label.startswith("B "))
    column = p.columns[-1]
    before = line.cells[-1].pence
    assert not p.set_cell(line.line_id, column, "884000")
    assert "£884,000,000" in p.error and "type 884." in p.error and "again" in p.error
    assert next(r for r in p.rows if r.line_id == line.line_id).cells[-1].pence == before  # nothing saved yet
    assert p.set_cell(line.line_id, column, "884000") and p.error == ""
    assert next(r for r in p.rows if r.line_id == line.line_id).cells[-1].pence == 88_400_000_000
    assert p.set_cell(line.line_id, column, "884") and p.error == ""  # what the question said to type
    assert next(r for r in p.rows if r.line_id == line.line_id).cells[-1].pence == 88_400_000


def test_the_window_says_it_beside_the_grid_and_changes_nothing_until_typed_again(qtbot, tab):  # noqa: F811
    plans = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(plans) if "revenue budget" in n))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith("B "))
    column = tab.model.year_columns[-1]
    before = tab.model.index(row, column).data()
    type_cell_left_open(qtbot, tab, row, column, "884,000")
    assert "£884,000,000" in said(tab) and tab.model.index(row, column).data() == before
    type_cell(qtbot, tab, row, column, "884")
    assert said(tab) == "" and tab.model.index(row, column).data().endswith("884")
