"""A pooled fund seen before its first day (next year's fund set up in advance, or `safer-desk fund --today` a day
before it): its status read "open" and its sentence "No spend yet, so no forecast.", as if it were running. It is
now *not begun*, in the page, `safer-desk fund` and the sentence, which says when it begins."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from safer_desk.cli import main
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"  # the example's fund: 01/04/2018 to 30/09/2019


def figures_on(store, day):
    return funds.fund_figures(store, funds.fund_by_name(store, PILOT).id, today=day)


def test_before_its_first_day_a_fund_has_not_begun(demo_store):
    figures = figures_on(demo_store, date(2018, 3, 31))
    assert funds.status_word(figures) == "not_begun"
    assert funds.forecast_sentence(figures).startswith("The fund begins on 01/04/2018: no spend yet, so no "
                                                       "forecast.")


@pytest.mark.parametrize("day", [date(2018, 4, 1), date(2018, 7, 20)])
def test_from_its_first_day_it_is_open(demo_store, day):
    figures = figures_on(demo_store, day)
    assert funds.status_word(figures) == "open"
    assert not funds.forecast_sentence(figures).startswith("The fund begins")


def test_closed_before_it_begins_is_closed(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.update_fund(demo_store, fund.id, status="closed")
    assert funds.status_word(figures_on(demo_store, date(2018, 1, 1))) == "closed"


def test_the_command_line_says_not_begun(demo_path, capsys):
    assert main(["fund", str(demo_path), PILOT, "--today", "01/01/2018"]) == 0
    rows = dict(list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:])
    assert rows["status"] == "not_begun"


def test_the_page_says_not_begun_and_when_it_begins(demo_window, qtbot):
    from tests.costs.test_fund_page_round30d import _page_on

    page = _page_on(demo_window, qtbot, date(2018, 2, 1), PILOT)
    text = page.sentence.text()
    assert text.startswith(f"{PILOT} (not begun, 01/04/2018 to 30/09/2019;")
    assert "The fund begins on 01/04/2018: no spend yet, so no forecast." in text
