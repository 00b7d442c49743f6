"""View > History of Changes read after this round's new actions (round 29).

Found by recording a population (View > Populations…, `safer-desk population`) and closing a fund (Fund settings…,
Status Closed), then reading the History: a changed population read "Changed the population of population of
Babergh, 2019/20 from 92,000 to 92,500", and a fund's status and risk levels were said as the file stores them
("from open to closed", "from high to high,medium") where Fund settings… says "Closed" and "High and medium risk",
and its Starts and Ends as "the starts date" and "the ends date".
"""

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.cli import main
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.presenters.history import INDICATORS, filter_predicate, history_lines
from safer_desk.storage.store import open_store
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.foundation.test_window_history import column

BABERGH = "district:babergh"


def test_a_population_changed_reads_as_the_populations_dialog_names_it(demo_path, capsys):
    for number in ("92,000", "92,500"):
        assert main(["population", str(demo_path), "babergh", "2019/20", number, "--source", "ONS"]) == 0
    assert main(["population", str(demo_path), "babergh", "2019/20", "92,600", "--source", "ONS mid-2019"]) == 0
    capsys.readouterr()
    store = open_store(demo_path, read_only=True)
    try:
        both, changed, recorded = history_lines(store, limit=3)
    finally:
        store.close()
    assert changed.action == "Change population of Babergh for 2019/20"
    assert changed.summary == "Changed the population of Babergh, 2019/20 from 92,000 to 92,500"
    assert changed.details == ("Changed the population of Babergh, 2019/20 from 92,000 to 92,500",)
    assert both.details == ("Changed the population of Babergh, 2019/20 from 92,500 to 92,600",
                            "Changed the source of population of Babergh, 2019/20 from ONS to ONS mid-2019")
    assert recorded.details == ("Added population of Babergh, 2019/20: area Babergh; year 2019/20; population 92,000; "
                                "source ONS",)
    assert all(line.areas == (INDICATORS,) for line in (both, changed, recorded))
    assert [filter_predicate(text="92500")(line) for line in (both, changed, recorded)] == [True, True, False]


def test_a_fund_closed_and_its_risk_levels_read_as_fund_settings_says_them(demo_store):
    log = ActionLog()
    page = FundsPresenter(demo_store, perform=log, today=lambda: date(2019, 3, 12))
    page.reload()
    form = page.edit_fund_form()
    form.set_value("status", "closed")
    form.set_value("risk_levels", "high,medium")
    form.set_value("ends_on", "31/03/2020")
    assert form.save(), form.form_message
    log.undo()
    undone, closed = history_lines(demo_store, limit=2)
    assert closed.action == ("Change the settings of Suffolk Target Hardening Pilot: ends 31/03/2020, status Closed, "
                             "risk levels accepted High and medium risk")  # s73: what changed, as the form words it
    assert closed.details == (
        "Changed the end date of fund Suffolk Target Hardening Pilot from 30 Sep 2019 to 31 Mar 2020",
        "Changed the status of fund Suffolk Target Hardening Pilot from Open to Closed",
        "Changed the risk levels of fund Suffolk Target Hardening Pilot from High risk only to High and medium risk")
    assert undone.action == "Undo " + closed.action[0].lower() + closed.action[1:]
    assert undone.details == (
        "Changed the end date of fund Suffolk Target Hardening Pilot from 31 Mar 2020 to 30 Sep 2019",
        "Changed the status of fund Suffolk Target Hardening Pilot from Closed to Open",
        "Changed the risk levels of fund Suffolk Target Hardening Pilot from High and medium risk to High risk only")
    assert filter_predicate(text="closed")(closed)


def test_the_history_window_left_open_adds_a_population_recorded_undone_and_redone(demo_window, qtbot, prompts):
    demo_window.history_action.trigger()
    history = demo_window._history_dialog
    qtbot.addWidget(history)
    demo_window.populations_action.trigger()
    dialog = demo_window.populations_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(button(dialog, "Add"), Qt.MouseButton.LeftButton)
    form = dialog.dialog
    qtbot.waitUntil(form.isVisible)
    type_into(qtbot, field(form, "Area"), "Babergh")
    type_into(qtbot, field(form, "Year"), "2019/20")
    type_into(qtbot, field(form, "Population"), "92,000")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    row = next(r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 0).data() == "Babergh")
    dialog.view.selectRow(row)
    qtbot.mouseClick(button(dialog, "Change"), Qt.MouseButton.LeftButton)
    form = dialog.dialog
    qtbot.waitUntil(form.isVisible)
    type_into(qtbot, field(form, "Population"), "92,500")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: column(history, "Action")[0] == "Undo change population of Babergh for 2019/20")
    assert column(history, "What changed")[:2] == [
        "Changed the population of Babergh, 2019/20 from 92,500 to 92,000",
        "Changed the population of Babergh, 2019/20 from 92,000 to 92,500"]
    history.area_combo.setCurrentText(INDICATORS)
    assert column(history, "Action")[:3] == ["Undo change population of Babergh for 2019/20",
                                             "Change population of Babergh for 2019/20",
                                             "Record population of Babergh for 2019/20"]
    assert not prompts.errors
