"""Amber within "5%": the tolerance typed as the paper writes it, with its % sign, is 5% of the target.

The Indicator and Target form refused it as "“5%” is not a number (try a form like 1,234 or 88.9)", beside a
field whose help says the tolerance is a percentage of the target. For a percentage's tolerance, which is in
percentage points, "1%" is not read as a guess: the refusal says to give the points.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import run_now
from safer_desk.presenters.indicators import IndicatorForm
from safer_desk.services import indicators as svc

FY = FinancialYear(2024)


def _form(store, name: str, unit: str = "count", tolerance: str = "5%"):
    area = svc.ensure_area(store, "Babergh", "district")
    form = IndicatorForm.make(store, None, area, FY, perform=run_now)
    for key, value in (("name", name), ("unit", unit), ("tolerance", tolerance), ("target_kind", "annual"),
                       ("target_value", "1,200" if unit == "count" else "85%")):
        form.set_value(key, value)
    return form


def test_a_relative_tolerance_typed_with_its_percent_sign_is_that_share_of_the_target(store):
    form = _form(store, "Burglary", tolerance="5%")
    assert form.save(), (form.errors, form.form_message)
    ind = svc.get_indicator(store, "Burglary")
    assert (ind.tolerance_pct, ind.tolerance_kind) == (5, "relative")
    assert form.values["tolerance"] == "5%"  # what was typed stays as typed
    form = _form(store, "Robbery", tolerance=" 2.5 % ")
    assert form.save(), (form.errors, form.form_message)
    assert svc.get_indicator(store, "Robbery").tolerance_pct == 2.5


def test_a_percentage_s_tolerance_in_points_typed_with_a_percent_sign_says_to_give_the_points(store):
    form = _form(store, "Satisfaction", unit="percentage", tolerance="1%")
    assert not form.save()
    assert form.errors["tolerance"] == ("For a percentage, amber within is in percentage points of the target: "
                                        "type 1 for one point, without the % sign.")
    assert svc.list_indicators(store) == []  # nothing written
    form.set_value("tolerance", "1")
    assert form.save(), (form.errors, form.form_message)
    ind = svc.get_indicator(store, "Satisfaction")
    assert (ind.tolerance_pct, ind.tolerance_kind) == (1, "points")


def test_the_dialog_takes_amber_within_5_percent(window, qtbot, tmp_path):
    from safer_desk.storage.store import open_store
    from safer_desk.ui.indicators.dialogs import IndicatorDialog

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        area = svc.ensure_area(store, "Babergh", "district")
    finally:
        store.close()
    assert window.open_path(path)
    dialog = IndicatorDialog(window.session, None, area, FY, window)
    qtbot.addWidget(dialog)
    widgets = dialog.form.widgets
    qtbot.keyClicks(widgets["name"], "Burglary")
    widgets["tolerance"].clear()
    qtbot.keyClicks(widgets["tolerance"], "5%")
    dialog.form.widgets["target_kind"].setFocus()
    dialog.presenter.validate()  # checked before saving: the field still reads as typed
    assert widgets["tolerance"].text() == "5%" and not dialog.presenter.errors
    with qtbot.waitSignal(dialog.saved_indicator, timeout=5000):
        qtbot.keyClick(widgets["tolerance"], Qt.Key.Key_Return)
    ind = svc.get_indicator(window.session.store, "Burglary")
    assert (ind.tolerance_pct, ind.tolerance_kind) == (5, "relative")
    assert ind.tolerance_text == "amber within 5% of target"
