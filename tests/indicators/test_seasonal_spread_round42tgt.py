"""Round 42 (tgt): a target spread over the months seasonally is not spread again without a word.

A yearly target spread "in last year's seasonal profile" was spread again, from last year's figures as they were at
that moment, on every save of Indicator and Target…: after a police.uk import corrected last year's figures (or a
figure was typed), saving the form with only Amber within changed moved April's target to date from 5 to 34.5, and
every month's RAG with it, without a word. A board-agreed monthly profile now stays as it was spread while its target
figure and its profile stay; the form says when last year's figures have changed since it was spread, and its box
Spread again (Alt+A) spreads it from them as they are now, one undoable step. A new figure or profile is spread from
the figures as they are now, as before.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from safer_desk.domain.periods import FinancialYear, format_uk_date
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorForm
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY15, FY16 = FinancialYear(2015), FinancialYear(2016)
LAST = [10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 10, 50]  # 200 in 2015/16
AS_SPREAD = [5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 70.0, 75.0, 100.0]  # 100 in 2016/17, by LAST's shares
# April 2015 corrected from 10 to 100 (290 in the year): 100 spread from the figures as they are now.
SPREAD_NOW = [100 * c / 290 for c in (100, 110, 120, 130, 140, 150, 170, 190, 210, 230, 240)] + [100.0]


@pytest.fixture
def log():
    return ActionLog()


def _file(store):
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    ind = svc.save_indicator(store, "Burglary")
    svc.save_values(store, ind, area, [PeriodValue(m.iso, v) for m, v in zip(FY15.months, LAST)])
    return ind, area


def _form(store, ind, area, log):
    view = svc.year_view(store, svc.get_indicator(store, ind), area, FY16)
    return IndicatorForm.make(store, view, area, FY16, perform=log)


def _months(store, ind, area) -> list[float]:
    t = svc.get_target(store, ind, area, FY16)
    return [t.trajectory[m.iso] for m in FY16.months]


def _spread(store, log):
    """A seasonal target of 100 set through the form; then last year's April corrected from 10 to 100."""
    ind, area = _file(store)
    form = _form(store, ind, area, log)
    for key, value in (("target_kind", "annual"), ("target_value", "100"), ("profile", "seasonal")):
        form.set_value(key, value)
    assert form.save(), (form.errors, form.form_message)
    assert _months(store, ind, area) == AS_SPREAD
    svc.save_values(store, ind, area, [PeriodValue("2015-04", 100)])
    return ind, area


def test_saving_only_amber_within_keeps_every_month_as_spread(store, log):
    ind, area = _spread(store, log)
    form = _form(store, ind, area, log)
    form.set_value("tolerance", "7")
    assert form.save(), (form.errors, form.form_message)
    assert svc.get_indicator(store, ind).tolerance_pct == 7
    assert _months(store, ind, area) == AS_SPREAD  # was 34.5, 37.9, … : spread again from the corrected figures
    assert svc.year_view(store, svc.get_indicator(store, ind), area, FY16).target_at[0] == 5
    log.undo()
    assert svc.get_indicator(store, ind).tolerance_pct == 5 and _months(store, ind, area) == AS_SPREAD
    log.redo()
    assert svc.get_indicator(store, ind).tolerance_pct == 7 and _months(store, ind, area) == AS_SPREAD


def test_the_form_says_last_years_figures_have_changed_since_the_spread(store, log):
    ind, area = _file(store)
    svc.set_target(store, ind, area, FY16, kind="annual", value=100, profile="seasonal")
    assert _form(store, ind, area, log).spread_note == ""  # spread from the figures as they are: nothing to say
    svc.save_values(store, ind, area, [PeriodValue("2015-04", 100)])
    note = _form(store, ind, area, log).spread_note
    assert note == (f"Spread over the months from 2015/16's figures as they were on {format_uk_date(date.today())}. "
                    "They have changed since: spread again, Apr-16's target to date would be 34.5, not 5. Saving "
                    "keeps the months as they are unless the box is ticked; a new figure or profile is spread from "
                    "the figures as they are now.")


def test_spread_again_is_one_undoable_step_and_undo_puts_back_every_month(store, log):
    ind, area = _spread(store, log)
    form = _form(store, ind, area, log)
    form.set_value("respread", "yes")
    assert form.save(), (form.errors, form.form_message)
    assert _months(store, ind, area) == pytest.approx(SPREAD_NOW)
    assert len(log.done) == 2  # the target set, then spread again: one step
    assert _form(store, ind, area, log).spread_note == ""
    spread_now = _months(store, ind, area)
    log.undo()
    assert _months(store, ind, area) == AS_SPREAD
    note = _form(store, ind, area, log).spread_note
    assert note.startswith(f"Spread over the months from 2015/16's figures as they were on "
                           f"{format_uk_date(date.today())}. They have changed since"), note
    log.redo()
    assert _months(store, ind, area) == spread_now


def test_a_new_target_figure_or_profile_is_spread_from_the_figures_as_they_are_now(store, log):
    ind, area = _spread(store, log)
    form = _form(store, ind, area, log)
    form.set_value("target_value", "120")
    assert form.save(), (form.errors, form.form_message)
    assert _months(store, ind, area) == pytest.approx([1.2 * c for c in SPREAD_NOW])
    log.undo()
    assert _months(store, ind, area) == AS_SPREAD
    form = _form(store, ind, area, log)
    form.set_value("profile", "even")
    assert form.save()
    assert _months(store, ind, area) == pytest.approx([100 * (i + 1) / 12 for i in range(12)])
    form = _form(store, ind, area, log)
    form.set_value("profile", "seasonal")
    assert form.save()
    assert _months(store, ind, area) == pytest.approx(SPREAD_NOW)


def test_a_month_of_last_year_cleared_since_keeps_the_spread_and_says_it_cannot_spread_again(store, log):
    # Saving the tolerance was refused ("a seasonal trajectory needs every period of 2015/16 entered") though the
    # officer asked for nothing to be spread.
    ind, area = _spread(store, log)
    svc.save_values(store, ind, area, [PeriodValue("2015-05", None)])
    form = _form(store, ind, area, log)
    assert form.spread_note.endswith("They have changed since, and cannot spread it again: Burglary: a seasonal "
                                     "trajectory needs every period of 2015/16 entered. Saving keeps the months as "
                                     "they are."), form.spread_note
    assert not form.respread_offered
    form.set_value("tolerance", "7")
    assert form.save(), (form.errors, form.form_message)
    assert _months(store, ind, area) == AS_SPREAD


def test_withdrawing_and_reinstating_the_target_keep_its_months(store, log):
    ind, area = _spread(store, log)
    svc.withdraw_target(store, ind, area, FY16, on="01/06/2016", reason="Board review")
    assert _months(store, ind, area) == AS_SPREAD
    svc.reinstate_target(store, ind, area, FY16)
    assert _months(store, ind, area) == AS_SPREAD
    assert svc.seasonal_spread_change(store, ind, area, FY16).again == pytest.approx(
        dict(zip([m.iso for m in FY16.months], SPREAD_NOW)))


def _tab(window, tmp_path, qtbot):
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        ind, area = _file(store)
        svc.set_target(store, ind, area, FY16, kind="annual", value=100, profile="seasonal")
        svc.save_values(store, ind, area, [PeriodValue("2015-04", 100)])
    finally:
        store.close()
    assert window.open_path(path)
    window.resize(1093, 582)
    window.show()
    tab = window.show_tab("indicators")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    assert tab.select_area(area) and tab.select_year(FY16) is not False and tab.select_indicator("Burglary")
    return tab, ind, area


def _open(tab, qtbot):
    tab.edit_indicator()
    dialog = tab._indicator_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_the_dialog_keeps_the_months_says_why_and_alt_a_spreads_again(window, qtbot, tmp_path):
    from tests.indicators.test_indicators_keys_round40akx import repeated_keys
    from tests.indicators.test_tab import type_in

    tab, ind, area = _tab(window, tmp_path, qtbot)
    store = window.session.store
    dialog = _open(tab, qtbot)
    note, box = dialog.spread_note, dialog.form.widgets["respread"].findChild(QCheckBox)
    assert note.isVisible() and note.text().startswith("Spread over the months from 2015/16's figures as they were "
                                                       "on "), note.text()
    assert box.isVisible() and box.isEnabled() and not box.isChecked()
    assert box.text() == "Spread &again from 2015/16's figures as they are now"
    assert repeated_keys(dialog) == []
    dialog.grab().save(str(tmp_path / "spread.png"))  # looked at by eye in round 42
    type_in(qtbot, dialog.form.widgets["tolerance"], "7")
    with qtbot.waitSignal(dialog.saved_indicator, timeout=5000):
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_indicator(store, ind).tolerance_pct == 7
    assert _months(store, ind, area) == AS_SPREAD
    assert tab.view.target_at[0] == 5

    dialog = _open(tab, qtbot)
    box = dialog.form.widgets["respread"].findChild(QCheckBox)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.isChecked, timeout=5000)
    assert dialog.presenter.is_dirty
    with qtbot.waitSignal(dialog.saved_indicator, timeout=5000):
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert _months(store, ind, area) == pytest.approx(SPREAD_NOW)
    assert tab.view.target_at[0] == pytest.approx(100 * 100 / 290)
    assert window.session.undo_stack.undoText() == "Save indicator Burglary and spread its target again"
    window.session.undo_stack.undo()
    assert _months(store, ind, area) == AS_SPREAD
    window.session.undo_stack.redo()
    assert _months(store, ind, area) == pytest.approx(SPREAD_NOW)

    dialog = _open(tab, qtbot)  # spread from the figures as they are: nothing to say, no box
    assert not dialog.spread_note.isVisible() and not dialog.form.widgets["respread"].isVisible()
    dialog.reject()
