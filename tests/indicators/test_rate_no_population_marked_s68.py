"""A rate's count typed in the grid's Numerator row where the area has no population recorded for the year was
refused only above the grid ("Not saved: Violent crime rate, Apr-16: no population is recorded for Babergh …"), no
cell marked, though every other figure the grid refuses is marked beside it. The Population cell of that month is
now marked with the reason, where the population is to be typed (session 68)."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)


def test_a_count_with_no_population_marks_the_population_cell(tmp_path):
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "office.sqlite", create=True)
    try:
        area = svc.ensure_area(store, "Babergh", "district")
        ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
        svc.save_values(store, ind, area, [svc.PeriodValue("2016-04", 12, 12, 90000)])
        p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: date(2017, 1, 10))
        p.load(area, FY16)
        p.choose_indicator(ind, lambda *a: True)
        p.figures.set_text(svc.GRID_NUMERATOR, 1, "15")
        assert not p.figures.save()
        said = p.figures.message(svc.GRID_DENOMINATOR, 1)
        assert said.startswith("no population is recorded for Babergh in 2016/17, so the count alone is not a rate"), \
            said
        assert p.figures.form_message == "Not saved: correct the figures marked."
        assert store.one("SELECT 1 FROM indicator_values WHERE period = '2016-05'") is None
        p.figures.set_text(svc.GRID_DENOMINATOR, 1, "90,000")
        assert p.figures.save(), p.figures.form_message
    finally:
        store.close()
