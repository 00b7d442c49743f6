"""The MTFP's table prints its section's subtotal as a row of figures with no name, under the named lines. Copied with
the paper's heading row and pasted on the first line's name, it was refused as "3 rows were copied, but from DAAT
grant the section Community Safety has only 2 lines" (or, with a third line below, "The row copied as “” would go on
the line “Other”"): as if the officer had copied a line too many, or a line without its name. A row with no name
that adds up the rows above it is now said to be the paper's subtotal, in the words a "Total" row copied with the
lines is refused in (the plan works it out); a row with no name that does not add up is refused as before."""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter

HEAD = ["Community Safety including Drugs and Alcohol Portfolio", "11/12 £", "12/13 £", "13/14 £"]
LINES = [["DAAT grant", "100,000", "90,000", "80,000"], ["Community safety grant", "50,000", "40,000", "30,000"]]
SUBTOTAL = ("The row copied with no name under “Community safety grant” adds up the 2 rows above it: it is the paper's "
            "subtotal, which the plan works out (pasted on a line, it would count every line twice). Nothing was "
            "pasted: copy the lines without it and paste again (to keep the subtotal the paper printed, type it over "
            "the worked-out one).")


def _presenter(store, lines: str) -> tuple[BudgetsPresenter, int]:
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", "\t".join(HEAD)), p.error
    assert p.add_section("Community Safety"), p.error
    assert p.add_line(p.added_section, lines), p.error
    return p, next(r for r, row in enumerate(p.rows) if row.kind == "line")


def _figures(p):
    return [[c.text for c in r.cells] for r in p.rows if r.kind == "line"]


@pytest.mark.parametrize("lines", ["DAAT grant\nCommunity safety grant", "DAAT grant\nCommunity safety grant\nOther"],
                         ids=["the section's lines", "a line below"])
def test_the_papers_unnamed_subtotal_is_said_to_be_its_subtotal(store, lines):
    p, first = _presenter(store, lines)
    assert not p.paste_block(first, 0, [HEAD, *LINES, ["", "150,000", "130,000", "110,000"]], with_names=True)
    assert p.error == SUBTOTAL
    assert all(text == "" for row in _figures(p) for text in row)


def test_a_row_with_no_name_that_does_not_add_up_is_refused_as_before(store):
    p, first = _presenter(store, "DAAT grant\nCommunity safety grant")
    assert not p.paste_block(first, 0, [HEAD, *LINES, ["", "150,000", "130,001", "110,000"]], with_names=True)
    assert p.error.startswith("3 rows were copied, but from DAAT grant the section Community Safety has only 2 lines")


def test_the_lines_alone_paste(store):
    p, first = _presenter(store, "DAAT grant\nCommunity safety grant")
    assert p.paste_block(first, 0, [HEAD, *LINES], with_names=True), p.error
    assert _figures(p) == [["£100,000", "£90,000", "£80,000"], ["£50,000", "£40,000", "£30,000"]]
