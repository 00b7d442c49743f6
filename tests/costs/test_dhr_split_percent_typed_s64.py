"""Costs > Reviews > Split…: a partner's percentage typed "-5" was answered "“-5” is not a percentage", as if its digits
were wrong, and "12,5" (a comma for the decimal point, as a keyboard or a colleague abroad has it) got the same words
and no hint of what to type. A negative part now says it cannot be negative, and a decimal comma says to type a point
(12.5); nothing is guessed: "12,5" is never read as 12.5% nor as 125%.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError, cap_percent_to_bp, percent_to_bp
from safer_desk.presenters.dhr import DhrPresenter, SplitKind
from safer_desk.services import dhr


@pytest.mark.parametrize("typed", ["-5", "−5", "-5%", " -12.5 "])
def test_a_negative_percentage_is_said_to_be_negative(typed):
    with pytest.raises(DhrError) as refused:
        percent_to_bp(typed)
    assert "cannot be negative" in str(refused.value) and "not a percentage" not in str(refused.value)


@pytest.mark.parametrize("typed, point", [("12,5", "12.5"), ("12,5%", "12.5"), ("33,33", "33.33")])
def test_a_decimal_comma_is_refused_saying_to_type_a_point(typed, point):
    with pytest.raises(DhrError) as refused:
        percent_to_bp(typed)
    assert f"type {point}" in str(refused.value) and "point" in str(refused.value)


def test_the_capped_part_says_the_same():
    with pytest.raises(DhrError, match="cannot be negative"):
        cap_percent_to_bp("-50")
    with pytest.raises(DhrError, match="type 50.5"):
        cap_percent_to_bp("50,5")


def test_the_split_grid_says_it_beside_the_partner(demo_store):
    p = DhrPresenter(demo_store, today=lambda: date(2018, 9, 1))
    p.reload()
    case = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    dhr.add_cost_line(demo_store, case, category="Independent chair/author", amount="1000")
    p.select(case)
    split = p.split_form()
    split.set_kind(SplitKind.PERCENTAGES)
    police = next(r.organisation_id for r in split.rows() if r.partner == "Suffolk Constabulary")
    split.set_percent(police, "-5")
    assert "cannot be negative" in next(r for r in split.rows() if r.organisation_id == police).problem
    split.set_percent(police, "12,5")
    assert "type 12.5" in next(r for r in split.rows() if r.organisation_id == police).problem
    assert not split.save()
