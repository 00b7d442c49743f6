"""Session 67: a target spread over the year wrote its monthly trajectory into the History as stored, to six places:
an annual target of 188 for All crime in Plymouth read "Added trajectory point Apr 2016: target Plymouth, All crime,
2016/17; cumulative 15.666667", "… cumulative 172.333333". The Indicators tab shows that target to date as 15.7
(a count's usual place); the History now says each point as the tab does."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.indicators import IndicatorForm, IndicatorsPresenter


def test_a_spread_target_s_points_are_said_as_the_tab_shows_them(demo_store):
    log = ActionLog()
    page = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    page.load("district:plymouth", FinancialYear(2016))
    page.choose_indicator(next(r.indicator.id for r in page.rows if r.indicator.name == "All crime"), lambda t: None)
    form = IndicatorForm.make(demo_store, page.view, page.area_id, page.year, perform=log)
    form.set_value("target_kind", "annual")
    form.set_value("target_value", "188")
    assert form.save() or form.save(), form.errors
    details = [d for line in history_lines(demo_store)[:1] for d in line.details if "trajectory point" in d]
    assert details, history_lines(demo_store)[0].details
    said = "\n".join(details)
    assert "15.666667" not in said and "172.333333" not in said, said
    assert any(d.startswith("Added trajectory point Apr 2016") and d.endswith("cumulative 15.7") for d in details), said
    assert any(d.startswith("Added trajectory point Mar 2017") and d.endswith("cumulative 188") for d in details), said
