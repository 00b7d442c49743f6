"""Round 30, fourth look: a rate typed with another base ("1,500 per 1,000" for a rate per 100,000) refused saying
what is wrong, a rate's trajectory written with its label ("15 per 1,000, 30 per 1,000") taken as Target figure
takes it, and a percentage typed with two % signs refused quoting what was typed."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

FY10 = FinancialYear(2010)
EAST_SUSSEX = "county:east-sussex"
ADMISSIONS = "indicator:alcohol-related-hospital-admissions"  # a rate per 100,000


def _indicator_form(store, indicator_id, area_id, year):
    from safer_desk.presenters.indicators import IndicatorForm

    view = svc.year_view(store, indicator_id, area_id, year, today=date(2011, 5, 1))
    return IndicatorForm.make(store, view, area_id, year)


# -- 1. a rate typed with the other base ---------------------------------------------------------------------------
def test_a_target_typed_per_1000_for_a_rate_per_100000_says_the_rate_s_base(demo_store):
    """"1,500 per 1,000" typed as the target of a rate per 100,000 was refused as "not a target figure (try a form
    like 1,234 or 88.9)", where the figure reads: it is the base that is wrong."""
    form = _indicator_form(demo_store, ADMISSIONS, EAST_SUSSEX, FY10)
    form.set_value("target_kind", "threshold")
    form.set_value("target_value", "1,500 per 1,000")
    assert not form.save()
    message = form.message("target_value")
    assert "this rate is per 100,000" in message and "“1,500 per 1,000”" in message
    assert "not a target figure" not in message
    form.set_value("target_value", "1,500 per 100,000")  # its own base is left aside, as before
    assert form.save(), form.message("target_value")
    assert svc.get_target(demo_store, ADMISSIONS, EAST_SUSSEX, FY10).value == 1500


def test_a_grid_figure_typed_with_the_other_base_says_the_rate_s_base(demo_store):
    from safer_desk.domain.checks import NumberError

    ind = svc.get_indicator(demo_store, ADMISSIONS)
    with pytest.raises(NumberError, match="this rate is per 100,000"):
        svc.parse_figure(ind, "1,610 per 1,000")
    assert svc.parse_figure(ind, "1,610 per 100,000") == 1610


# -- 2. a rate's trajectory with its label ---------------------------------------------------------------------------
def test_a_rate_s_trajectory_takes_the_figures_with_their_label(demo_store):
    """"15 per 1,000, 30 per 1,000, …" as the trajectory of a rate per 1,000 was refused, though Target figure takes
    "15 per 1,000"; the other base is refused saying so."""
    rate = svc.save_indicator(demo_store, "Violent crime rate", unit="rate", rate_per=1000, frequency="quarterly",
                              area_id=EAST_SUSSEX)
    form = _indicator_form(demo_store, rate, EAST_SUSSEX, FY10)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "15 per 1,000, 30 per 1,000, 45 per 1,000, 60 per 1,000")
    assert form.save(), form.message("trajectory")
    view = svc.year_view(demo_store, rate, EAST_SUSSEX, FY10)
    assert [t for t in view.target_at if t is not None] == [15, 30, 45, 60]

    form = _indicator_form(demo_store, rate, EAST_SUSSEX, FY10)
    form.set_value("trajectory", "15 per 100,000, 30")
    assert not form.save()
    assert "this rate is per 1,000" in form.message("trajectory")


# -- 3. two % signs --------------------------------------------------------------------------------------------------
def test_parse_percentage_quotes_a_second_percent_sign_as_typed():
    """parse_percentage("28%%") said "“28%” is not a percentage", quoting what the guide says to type."""
    from safer_desk.domain.checks import NumberError, parse_percentage

    with pytest.raises(NumberError) as caught:
        parse_percentage("28%%")
    assert "“28%%”" in str(caught.value) and "one % sign" in str(caught.value)
    assert parse_percentage("28%") == 28
