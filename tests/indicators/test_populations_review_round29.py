"""Round 29, a second look at View > Populations…: changes that would replace a recorded population without a word."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.populations import PopulationsPresenter
from safer_desk.services import indicators as svc

BABERGH = "district:babergh"


@pytest.fixture
def office(store):
    assert svc.ensure_area(store, "Babergh", "district") == BABERGH
    svc.set_population(store, BABERGH, FinancialYear(2019), 90_000, source="ONS mid-2019 estimate")
    svc.set_population(store, BABERGH, FinancialYear(2020), 90_000, source="ONS mid-2020 estimate")
    return store


def _held(store) -> list[tuple[str, int, str]]:
    return [(p.year, p.population, p.source) for p in svc.list_populations(store)]


def test_change_moving_a_population_onto_a_year_that_has_one_asks_before_replacing_it(office):
    """Change… of 2019/20 to 2020/21, which holds the same number from another source: 2020/21's went without a
    question (only a different number was asked about)."""
    log = ActionLog()
    page = PopulationsPresenter(office, perform=log)
    form = page.edit_form(BABERGH, "2019/20")
    form.set_value("year", "2020/21")
    assert not form.save()
    assert "ONS mid-2020 estimate" in form.message("year")
    assert _held(office) == [("2019/20", 90_000, "ONS mid-2019 estimate"), ("2020/21", 90_000, "ONS mid-2020 estimate")]
    assert not log.done
    assert form.save(), form.form_message  # Save again keeps it
    assert _held(office) == [("2020/21", 90_000, "ONS mid-2019 estimate")]
    log.undo()
    assert _held(office) == [("2019/20", 90_000, "ONS mid-2019 estimate"), ("2020/21", 90_000, "ONS mid-2020 estimate")]


def test_adding_a_year_with_its_number_but_another_source_asks_before_replacing_the_source(office):
    page = PopulationsPresenter(office, perform=ActionLog())
    form = page.new_form(BABERGH, FinancialYear(2020))
    form.set_value("population", "90,000")
    form.set_value("source", "Census 2021")
    assert not form.save()
    assert "ONS mid-2020 estimate" in form.message("year") and "Census 2021" in form.message("year")
    assert _held(office)[-1] == ("2020/21", 90_000, "ONS mid-2020 estimate")
    form.set_value("source", "ONS mid-2020 estimate")  # the same as recorded: nothing to ask
    assert form.save(), form.form_message


def test_a_population_for_a_year_the_district_did_not_exist_in_is_asked_about_as_the_grid_asks(demo_store):
    """Waveney became part of East Suffolk on 1 April 2019: a population for Waveney in 2019/20 (or East Suffolk in
    2018/19) was recorded without a word, though no total uses it; the figures grid asks about such a year."""
    page = PopulationsPresenter(demo_store, perform=ActionLog())
    for area, year, said in (("district:waveney", 2019, "Waveney ended on 31/03/2019"),
                             ("district:east-suffolk", 2018, "East Suffolk began on 01/04/2019")):
        form = page.new_form(area, FinancialYear(year))
        form.set_value("population", "115,000")
        assert not form.save()
        assert said in form.message("year"), form.message("year")
        assert svc.get_population(demo_store, area, FinancialYear(year)) is None
        assert form.save(), form.form_message  # Save again records it, as asked
    form = page.new_form("district:waveney", FinancialYear(2018))
    form.set_value("population", "115,000")
    assert form.save(), form.form_message  # its last year: nothing to ask


def test_the_command_line_says_on_stderr_when_the_district_did_not_exist_that_year(demo_path, capsys):
    """`safer-desk population FILE Waveney 2019/20 N` recorded without a word what the window asks about beside
    Year (Waveney was part of East Suffolk from 2019/20): a command cannot ask, so it records and warns."""
    from tests.cli_run import run

    code, out, err = run(capsys, "population", demo_path, "Waveney", "2019/20", "115,000")
    assert code == 0 and "Waveney, 2019/20: population 115,000." in out
    assert err.startswith("safer-desk: warning: Waveney ended on 31/03/2019") and "East Suffolk" in err
    code, out, err = run(capsys, "population", demo_path, "Waveney", "2018/19", "115,000")
    assert code == 0 and err == ""
