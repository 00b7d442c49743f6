"""Round 29: an area's population by financial year, recorded in the window (View > Populations…) and on the command
line (`safer-desk population`, `safer-desk populations`). Before, only the example data could record one: an officer
typed the population beside every month's count of a rate, and a count typed alone was refused asking for it."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.cli import main
from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.populations import PopulationsPresenter
from safer_desk.services import indicators as svc
from tests.costs.test_new_case_then_cost_line import button, field, type_into

BABERGH = "district:babergh"
FY19 = FinancialYear(2019)


@pytest.fixture
def office(store):
    """A new file holding Babergh (an area of the Indicators tab)."""
    assert svc.ensure_area(store, "Babergh", "district") == BABERGH
    return store


def _rate(store) -> str:
    return svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the presenter, without a window --------------------------------------------------------------------------------
def test_a_population_is_recorded_changed_and_removed_each_as_one_undoable_step(office):
    store = office
    log = ActionLog()
    page = PopulationsPresenter(store, perform=log)
    form = page.new_form(BABERGH, FY19)
    assert form.values["area"] == BABERGH and form.values["year"] == "2019/20"
    for typed, said in (("1,04,000", "thousands separator"), ("104000.5", "whole number"), ("0", "more than 0"),
                        ("-5", "more than 0"), ("many", "is not a population")):
        form.set_value("population", typed)
        assert not form.save(), typed
        assert said in form.message("population"), (typed, form.message("population"))
    assert page.rows() == [] and not log.done  # nothing written by a refusal
    form.set_value("population", "104,000")
    form.set_value("source", "ONS mid-2019 estimate")
    assert form.save(), form.form_message
    [row] = page.rows()
    assert (row.area, row.year, row.population_text, row.source) == ("Babergh", "2019/20", "104,000",
                                                                      "ONS mid-2019 estimate")
    assert log.undo_text == "Undo record population of Babergh for 2019/20"
    log.undo()
    assert page.rows() == [] and svc.population_for(store, BABERGH, FY19) is None
    log.redo()
    assert svc.population_for(store, BABERGH, FY19).population == 104_000

    change = page.edit_form(BABERGH, "2019/20")
    assert change.values["population"] == "104,000"
    change.set_value("population", "105000")
    assert change.save(), change.form_message
    assert svc.get_population(store, BABERGH, FY19).population == 105_000
    assert log.undo_text == "Undo change population of Babergh for 2019/20"

    assert "Edit > Undo brings it back" in page.delete_question(BABERGH, "2019/20")
    page.delete(BABERGH, "2019/20")
    assert page.rows() == [] and log.undo_text == "Undo remove population of Babergh for 2019/20"
    log.undo()
    assert svc.get_population(store, BABERGH, FY19) == svc.Population(BABERGH, "2019/20", 105_000,
                                                                        "ONS mid-2019 estimate")


def test_adding_a_year_that_has_a_population_asks_once_before_replacing_it(office):
    store = office
    svc.set_population(store, BABERGH, FY19, 100_000, source="ONS mid-2018 estimate")
    page = PopulationsPresenter(store, perform=ActionLog())
    form = page.new_form(BABERGH, FY19)
    form.set_value("population", "104,000")
    assert not form.save()
    assert "100,000 recorded for 2019/20" in form.message("year")
    assert svc.get_population(store, BABERGH, FY19).population == 100_000
    assert form.save()
    assert svc.get_population(store, BABERGH, FY19).population == 104_000


def test_a_count_typed_alone_is_a_rate_over_the_population_recorded(office):
    store = office
    """Refused before (no population could be recorded outside the example); over it once recorded."""
    ind = _rate(store)
    with pytest.raises(IndicatorError, match="no population is recorded"):
        svc.save_values(store, ind, BABERGH, [svc.PeriodValue("2019-04", numerator=52)])
    form = PopulationsPresenter(store, perform=ActionLog()).new_form(BABERGH, FY19)
    form.set_value("population", "104,000")
    assert form.save()
    svc.save_values(store, ind, BABERGH, [svc.PeriodValue("2019-04", numerator=52),
                                          svc.PeriodValue("2019-05", numerator=26)])
    view = svc.year_view(store, ind, BABERGH, FY19, today=date(2019, 7, 1))
    assert view.ytd.denominator == 104_000 and round(view.ytd.value, 2) == 0.75  # the guide's worked example
    assert view.population_text() == "per 1,000 of a population 104,000"


def test_recording_the_years_own_population_keeps_the_figures_saved_over_the_earlier_one_and_says_so(office):
    store = office
    ind = _rate(store)
    svc.set_population(store, BABERGH, FinancialYear(2018), 100_000, source="ONS mid-2018 estimate")
    svc.save_values(store, ind, BABERGH, [svc.PeriodValue("2019-04", numerator=52),
                                          svc.PeriodValue("2019-05", numerator=26)])
    before = svc.year_view(store, ind, BABERGH, FY19, today=date(2019, 7, 1)).ytd
    page = PopulationsPresenter(store, perform=ActionLog())
    form = page.new_form(BABERGH, FY19)
    form.set_value("population", "104,000")
    assert not form.save()  # asked first: the figures saved keep the population they were saved over
    said = form.message("population")
    assert "2 figures of Violent crime rate (over 100,000)" in said and "keep it" in said and "104,000" in said
    assert svc.get_population(store, BABERGH, FY19) is None
    assert form.save()
    view = svc.year_view(store, ind, BABERGH, FY19, today=date(2019, 7, 1))
    assert view.ytd == before  # not rewritten
    assert view.population_text() == ("per 1,000 of a population 100,000, as the figures give it (104,000 is "
                                      "recorded for 2019/20)")
    again = page.edit_form(BABERGH, "2019/20")  # changing only its source asks nothing more
    again.set_value("source", "ONS mid-2019 estimate")
    assert again.save(), again.form_message


# -- the window -----------------------------------------------------------------------------------------------------
def test_view_populations_types_saves_and_edit_undo_takes_it_back(demo_window, qtbot, prompts):
    demo_window.populations_action.trigger()
    dialog = demo_window.populations_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert [r.area for r in dialog.presenter.rows()] == ["East Sussex (county)"] * 2
    qtbot.mouseClick(button(dialog, "Add"), Qt.MouseButton.LeftButton)
    form = dialog.dialog
    qtbot.waitUntil(form.isVisible)
    type_into(qtbot, field(form, "Area"), "Babergh")
    type_into(qtbot, field(form, "Year"), "2019/20")
    type_into(qtbot, field(form, "Population"), "104,000.5")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    assert "whole number" in form.message_text() and svc.get_population(demo_window.session.store, BABERGH,
                                                                         FY19) is None
    type_into(qtbot, field(form, "Population"), "104,000")
    type_into(qtbot, field(form, "Source"), "ONS mid-2019 estimate")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert svc.get_population(demo_window.session.store, BABERGH, FY19).population == 104_000
    shown = [(dialog.model.index(r, 0).data(), dialog.model.index(r, 2).data()) for r in range(dialog.model.rowCount())]
    assert ("Babergh", "104,000") in shown
    assert demo_window.undo_action.text() == "&Undo record population of Babergh for 2019/20"
    from safer_desk.presenters.history import history_lines

    assert history_lines(demo_window.session.store)[0].action == "Record population of Babergh for 2019/20"
    row = next(r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 0).data() == "Babergh")
    dialog.view.selectRow(row)
    prompts.answers.append(True)
    qtbot.mouseClick(button(dialog, "Remove"), Qt.MouseButton.LeftButton)
    assert "Remove the population of Babergh for 2019/20 (104,000, ONS mid-2019 estimate)" in prompts.questions[-1][1]
    assert svc.get_population(demo_window.session.store, BABERGH, FY19) is None and dialog.model.rowCount() == 2
    demo_window.undo_action.trigger()  # the removal
    assert svc.get_population(demo_window.session.store, BABERGH, FY19).population == 104_000
    demo_window.undo_action.trigger()  # the recording
    assert svc.get_population(demo_window.session.store, BABERGH, FY19) is None
    assert dialog.model.rowCount() == 2  # the list read again after the undo
    assert not prompts.errors


# -- the command line -----------------------------------------------------------------------------------------------
def test_population_on_the_command_line_records_it_and_populations_prints_the_csv(demo_path, capsys):
    assert main(["population", str(demo_path), "babergh", "2019/20", "104,000", "--source",
                 "ONS mid-2019 estimate"]) == 0
    assert capsys.readouterr().out == "Babergh, 2019/20: population 104,000, ONS mid-2019 estimate.\n"
    assert main(["population", str(demo_path), "Suffolk (county)", "2019/20", "758000"]) == 0
    assert main(["population", str(demo_path), "Babergh", "2019/20", "105000"]) == 0  # its source is kept
    assert "population 105,000 (was 104,000), ONS mid-2019 estimate" in capsys.readouterr().out
    assert main(["populations", str(demo_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "area,year,population,source", "East Sussex,2009/10,512100,ONS mid-2009 estimate",  # as `indicators` says
        "East Sussex,2010/11,515500,ONS mid-2010 estimate", "Suffolk,2019/20,758000,",
        "Babergh,2019/20,105000,ONS mid-2019 estimate"]


def test_population_on_the_command_line_says_the_number_with_its_thousands_separator(demo_path, capsys):
    """Round 62: `population` printed "population 369202" where every other sentence (and the window) says 369,202;
    the `populations` CSV stays plain for a spreadsheet."""
    assert main(["population", str(demo_path), "Babergh", "2019/20", "369202"]) == 0
    assert main(["population", str(demo_path), "Babergh", "2019/20", "369,202"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Babergh, 2019/20: population 369,202.",
        "Babergh, 2019/20: the population 369,202 is recorded already; nothing was changed."]
    assert main(["populations", str(demo_path)]) == 0
    assert "Babergh,2019/20,369202," in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("args, code, said", [
    (["Nowhere", "2019/20", "1000"], 1, "no area named “Nowhere”"),
    (["Babergh", "2019", "1000"], 2, "not a financial year"),
    (["Babergh", "2019/20", "1,04,000"], 2, "thousands separator"),
    (["Babergh", "2019/20", "0"], 2, "more than 0"),
    (["Babergh", "2019/20", "12.5"], 2, "whole number"),
])
def test_a_bad_population_command_exits_with_its_code_and_leaves_the_file_as_it_was(demo_path, capsys, args, code,
                                                                                    said):
    before = _sha(demo_path)
    try:
        exit_code = main(["population", str(demo_path), *args])
    except SystemExit as exc:  # argparse's usage errors (a value of the wrong kind)
        exit_code = exc.code
    assert exit_code == code
    assert said in capsys.readouterr().err
    assert _sha(demo_path) == before
