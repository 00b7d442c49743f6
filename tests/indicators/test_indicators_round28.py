"""Round 28 on the Indicators tab: what an officer was shown or lost without being told.

- Compare Areas copied its rates to Excel rounded another way than the table shows them (2.25 per 1,000 shown
  "2.3 per 1,000" was copied 2.2), and its figures to date with two places the table does not show (225 crimes
  copied 225.00, 88.9% copied 88.89).
- Indicator and Target… saved a trajectory beside the Target figure field's old number: the target read
  "Cumulative trajectory to 640" (or an annual target's 18,000) while the periods were judged against 600.
- Indicator and Target… on a "Tbc" target given a figure of another kind (or a trajectory) closed as saved and left
  the target "to be confirmed", the figure thrown away without a word.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)


# -- Compare Areas copies what it shows ---------------------------------------------------------------------------
def test_compare_areas_copies_the_figures_and_rates_it_shows(store, qtbot):
    from safer_desk.ui.indicators.comparison import AreaComparisonDialog

    area = svc.ensure_area(store, "Mid Suffolk", "district")
    crime = svc.save_indicator(store, "Violent crime", unit="count", polarity="lower")
    svc.set_population(store, area, FY16, 100000)
    svc.save_values(store, crime, area, [PeriodValue("2016-04", 225)])
    dialog = AreaComparisonDialog(store, indicator_id=crime)
    qtbot.addWidget(dialog)
    [row] = dialog.model.rows
    assert (row.figure_text, row.rate_text) == ("225", "2.25 per 1,000")  # 2.25 per 1,000 as it is (s74)
    view = dialog.view
    view.selectionModel().select(view.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    heading, line = [cells.split("\t") for cells in view.copy_text().splitlines()]
    copied = dict(zip(heading, line))
    assert copied["Year to date"] == "225"  # was 225.00
    assert copied["Rate"] == "2.25"  # was 2.2: the table says 2.25 per 1,000


def test_compare_areas_copies_a_percentage_as_shown(store, qtbot):
    from safer_desk.ui.indicators.comparison import AreaComparisonDialog

    area = svc.ensure_area(store, "Mid Suffolk", "district")
    satisfied = svc.save_indicator(store, "Satisfied", unit="percentage", polarity="higher")
    svc.save_values(store, satisfied, area, [PeriodValue("2016-04", numerator=16, denominator=18)])
    dialog = AreaComparisonDialog(store, indicator_id=satisfied)
    qtbot.addWidget(dialog)
    [row] = dialog.model.rows
    assert row.figure_text == "88.9%"
    view = dialog.view
    view.selectionModel().select(view.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    heading, line = [cells.split("\t") for cells in view.copy_text().splitlines()]
    assert dict(zip(heading, line))["Year to date"] == "88.9"  # was 88.89


# -- Indicator and Target…: what the form saves is what the target says -------------------------------------------
def form_on(store, area_id: str, year: FinancialYear, name: str):
    from datetime import date

    from safer_desk.presenters.indicators import IndicatorForm, IndicatorsPresenter

    p = IndicatorsPresenter(store, today=lambda: date(2026, 11, 28))
    p.load(area_id, year)
    assert p.choose_indicator(svc.get_indicator(store, name).id, lambda *a: None)
    return p, IndicatorForm.make(store, p.view, p.area_id, p.year)


def test_a_trajectory_changed_in_the_form_is_the_target_the_tab_states(demo_store):
    # The form kept the Target figure field's 640 beside a trajectory typed to end at 600: the summary's Target
    # column and the board report said "Cumulative trajectory to 640" while the periods were judged against 600.
    p, form = form_on(demo_store, "district:plymouth", FY16, "Level Two \u201cist\u201d incidents reported")
    assert form.value("target_value") == "640"
    form.set_value("trajectory", "50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600")
    assert form.save()
    p.refresh()
    assert p.view.target_at[-1] == 600
    assert p.view.target_words() == "Cumulative trajectory to 600"


def test_an_annual_target_switched_to_a_trajectory_states_the_trajectory_s_end(demo_store):
    p, form = form_on(demo_store, "district:plymouth", FY16, "All crime")
    form.set_value("target_kind", "annual")
    form.set_value("target_value", "18000")
    assert form.save()
    p.refresh()
    form = form_on(demo_store, "district:plymouth", FY16, "All crime")[1]
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "1500, 3000, 4500, 6000, 7500, 9000, 10500, 12000, 13500, 15000, 16500, 17000")
    assert form.save()
    p.refresh()
    assert p.view.target_words() == "Cumulative trajectory to 17,000"  # was "… to 18,000"


SAFE_FROM_HARM = "\u201cSafe from Harm\u201d service users reporting reduced risk from anti-social behaviour"


def test_a_tbc_target_given_a_figure_of_another_kind_is_set(demo_store):
    # East Sussex's 2012/13 target is "Tbc" (a threshold). Choosing Annual figure, typing 85 and pressing Save closed
    # the form as saved, yet the target stayed "Target to be confirmed": the 85 was thrown away without a word.
    p, form = form_on(demo_store, "county:east-sussex", FinancialYear(2012), SAFE_FROM_HARM)
    assert p.view.target.status == "tbc"
    form.set_value("target_kind", "annual")
    form.set_value("target_value", "85")
    assert form.save()
    p.refresh()
    t = p.view.target
    assert (t.kind, t.status, t.value) == ("annual", "set", 85)
    assert p.view.target_words() == "85% for the year"


def test_a_tbc_target_given_a_trajectory_is_set(demo_store):
    p, form = form_on(demo_store, "county:east-sussex", FinancialYear(2012), SAFE_FROM_HARM)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "80")
    assert form.save()
    p.refresh()
    t = p.view.target
    assert (t.kind, t.status, list(t.trajectory.values())) == ("trajectory", "set", [80])


def test_a_tbc_target_saved_without_a_figure_stays_tbc(demo_store):
    p, form = form_on(demo_store, "county:east-sussex", FinancialYear(2012), SAFE_FROM_HARM)
    form.set_value("source", "Portfolio plan")
    assert form.save()
    p.refresh()
    assert p.view.target.status == "tbc" and p.view.target_words() == "Target to be confirmed"


def test_a_figure_that_is_not_zero_is_never_shown_as_zero():
    """Compare Areas learnt to show 3 homicides among 104,000 as 0.03 per 1,000; the grid, the report and a typed
    rate still said '0 per 1,000' (a percentage of 0.004 said '0%'), which reads as none."""
    from safer_desk.domain.indicators import format_value

    assert format_value(0.0288, "rate", rate_per=1000) == "0.03 per 1,000"
    assert format_value(0.03, "rate", rate_per=1000) == "0.03 per 1,000"
    assert format_value(0.004, "percentage") == "0.004%"
    assert format_value(0.0, "rate", rate_per=1000) == "0 per 1,000"
    assert format_value(88.888, "percentage") == "88.9%" and format_value(4.2, "rate", rate_per=1000) == "4.2 per 1,000"
    assert format_value(0.0288, "rate", 1, rate_per=1000) == "0.0 per 1,000"  # places asked for are kept


def test_a_figure_typed_with_no_target_chosen_is_refused_beside_it_not_thrown_away(demo_store):
    """With the target list on No target, 9999 typed in Target figure was saved without a word: the figure was dropped
    and the summary said No target. Removing a target (its old figure still in the field) is still one save."""
    p, form = form_on(demo_store, "district:plymouth", FY16, "Level Two \u201cist\u201d incidents reported")
    assert form.value("target_value") == "640"
    form.set_value("target_kind", "")
    assert form.save()  # the target removed: the field's 640 was the target's own figure
    p.refresh()
    assert p.view.target is None
    form = IndicatorForm_for(demo_store, p)
    form.set_value("target_value", "9999")
    assert not form.save()
    assert "No target is chosen" in form.message("target_value")


def IndicatorForm_for(store, p):
    from safer_desk.presenters.indicators import IndicatorForm

    return IndicatorForm.make(store, p.view, p.area_id, p.year)
