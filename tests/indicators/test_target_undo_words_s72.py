"""Session 72: Indicator and Target… saved a target for Babergh, 2025/26 and Edit > Undo said only "Undo save indicator
All crime", the same words as for saving its name or Amber within: chosen after moving on to Ipswich, it took
Babergh's target away without naming it. The step now names the target it set or took away, with its area and year
("Save indicator All crime and its target for Mid Suffolk, 2016/17"); a save that leaves the area's target alone
keeps the words it had."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorForm
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)


def _form(store, ind, area, log):
    view = svc.year_view(store, svc.get_indicator(store, ind), area, FY16)
    return IndicatorForm.make(store, view, area, FY16, perform=log)


def test_undo_names_the_target_set_and_the_area_and_year_it_is_for(store):
    log = ActionLog()
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    ind = svc.save_indicator(store, "All crime")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", 349)])
    form = _form(store, ind, area, log)
    for key, value in (("target_kind", "annual"), ("target_value", "3700")):
        form.set_value(key, value)
    assert form.save(), (form.errors, form.form_message)
    assert log.undo_text == "Undo save indicator All crime and its target for Mid Suffolk, 2016/17"

    form = _form(store, ind, area, log)  # Amber within alone: the target is as it was
    form.set_value("tolerance", "7")
    assert form.save(), (form.errors, form.form_message)
    assert log.undo_text == "Undo save indicator All crime"

    form = _form(store, ind, area, log)  # the target taken away
    form.set_value("target_kind", "")
    form.set_value("target_value", "")
    assert form.save(), (form.errors, form.form_message)
    assert svc.get_target(store, ind, area, FY16) is None or not svc.get_target(store, ind, area, FY16).is_set
    assert log.undo_text == "Undo save indicator All crime and its target for Mid Suffolk, 2016/17"
    log.undo()
    assert svc.get_target(store, ind, area, FY16).value == 3700
