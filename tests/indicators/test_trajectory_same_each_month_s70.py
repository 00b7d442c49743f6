"""Session 70 (ind2): a district analyst with a monthly target of 300 crimes typed it as the form's cumulative
trajectory, "300, 300, 300, …" for every month, and it was saved as "Cumulative trajectory to 300": 300 crimes for the
whole year, reached in April, so Babergh's 2,869 crimes to December read red against a target to date of 300. The
same figure for every period of a count is asked about beside the field, once (Save again keeps it, as "at most 1
all year" may mean), saying what it means and what to type for so many a month."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files
from tests.conftest import shared_data

FY25 = FinancialYear(2025)
ALL_CRIME, BABERGH = "indicator:all-crime", "district:babergh"


def _form(store):
    from safer_desk.presenters.indicators import IndicatorForm

    view = svc.year_view(store, ALL_CRIME, BABERGH, FY25, today=date(2026, 1, 15))
    return IndicatorForm.make(store, view, BABERGH, FY25)


def test_the_same_figure_each_month_is_asked_about_once_then_kept(store):
    import_police_files(store, [shared_data("police-uk", "suffolk-2025", "2025-04-suffolk-street.csv")])
    form = _form(store)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", ", ".join(["300"] * 12))
    assert not form.save()
    assert form.message("trajectory") == (
        "300 is typed for every month: a trajectory is cumulative (the year so far), so this is 300 for the whole "
        "year, reached by Apr-25. For 300 a month, type 300, 600, 900 … (or choose Annual figure: 3,600). Save again "
        "to keep it."), form.message("trajectory")
    assert svc.get_target(store, ALL_CRIME, BABERGH, FY25) is None
    assert form.save(), form.message("trajectory")  # asked once: kept as typed
    assert svc.get_target(store, ALL_CRIME, BABERGH, FY25).value == 300


def test_a_rising_trajectory_or_one_figure_is_not_asked_about(store):
    import_police_files(store, [shared_data("police-uk", "suffolk-2025", "2025-04-suffolk-street.csv")])
    for typed in ("300, 600, 900", "3600", "0, 0, 0"):
        form = _form(store)
        form.set_value("target_kind", "trajectory")
        form.set_value("trajectory", typed)
        assert form.save(), (typed, form.message("trajectory"))
