"""A trajectory typed with its thousands grouped by spaces ("1 000, 2 000"), as the Target figure field takes "1 200":
it was read as four figures (1, 0, 2, 0) and refused as "cannot go down" above the buttons, naming neither the field
nor the cause. A figure with a space inside it, in a trajectory whose figures are separated by commas, could be one
figure or two, so it is refused beside the field saying how to write it, never read as a guess (as "55,108" is not).
A trajectory that goes down is refused beside the field too, saying where."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.checks import NumberError
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import trajectory_figures
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)
PLYMOUTH = "district:plymouth"
REPORTED = "indicator:level-two-ist-incidents-reported"  # a count


@pytest.mark.parametrize("typed, grouped", [("1 000, 2 000", "1 000"), ("500; 1 000; 1 500", "1 000"),
                                            ("1\u00a0000, 2\u00a0000", "1\u00a0000"), ("900, 1 000.5", "1 000.5"),
                                            ("1 000 2 000", "000")])
def test_a_figure_grouped_by_spaces_is_refused_saying_how_to_write_it(typed, grouped):
    with pytest.raises(NumberError) as refused:
        trajectory_figures(typed, "count")
    message = str(refused.value)
    assert f"“{grouped}”" in message and "1,000" in message and "comma and a space" in message


@pytest.mark.parametrize("typed, figures", [("55 108 162 214", [55, 108, 162, 214]), ("1,000, 2,000", [1000, 2000]),
                                            ("29 %, 30 %", [29, 30]), ("1000; 2000", [1000, 2000])])
def test_figures_separated_by_spaces_alone_still_read(typed, figures):
    unit = "percentage" if "%" in typed else "count"
    assert trajectory_figures(typed, unit) == figures


def _form(store):
    from safer_desk.presenters.indicators import IndicatorForm

    view = svc.year_view(store, REPORTED, PLYMOUTH, FY16, today=date(2017, 1, 10))
    form = IndicatorForm.make(store, view, PLYMOUTH, FY16)
    form.set_value("target_kind", "trajectory")
    return form


def test_the_form_says_it_beside_the_trajectory_and_keeps_the_target(demo_store):
    before = svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16)
    form = _form(demo_store)
    form.set_value("trajectory", "1 000, 2 000, 3 000")
    assert not form.save()
    assert "“1 000”" in form.message("trajectory") and "cannot go down" not in form.form_message
    assert svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16) == before
    form.set_value("trajectory", "1,000, 2,000, 3,000")
    assert form.save(), form.message("trajectory")
    assert list(svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16).trajectory.values())[:3] == [1000, 2000, 3000]


def test_a_trajectory_that_goes_down_is_refused_beside_the_field_saying_where(demo_store):
    form = _form(demo_store)
    form.set_value("trajectory", "55, 108, 100, 214")
    assert not form.save()
    message = form.message("trajectory")
    assert "goes down" in message and "“108”" in message and "“100”" in message
