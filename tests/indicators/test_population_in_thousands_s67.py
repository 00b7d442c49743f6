"""s67: a population typed in thousands ("104" for Babergh's 104,000) was saved without a question, and every rate per
1,000 over it came out a thousand times too large. No district in England and Wales has fewer than about 2,000
people (the Isles of Scilly), no county fewer than about 8,000 (the City of London): a figure below is refused,
saying it looks like thousands and what to type, on the command line (exit 1), in View > Populations… (beside the
field) and in the service both call."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt

from safer_desk.cli import main
from safer_desk.domain.indicators import IndicatorError, population_too_small
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.populations import PopulationsPresenter
from safer_desk.services import indicators as svc
from tests.costs.test_new_case_then_cost_line import button, field, type_into

BABERGH = "district:babergh"
FY19 = FinancialYear(2019)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("population, kind, refused", [
    (104, "district", True), (1_999, "district", True), (2_000, "district", False), (2_100, "district", False),
    (104, "partnership", True), (104_000, "partnership", False),
    (760, "county", True), (7_999, "county", True), (8_600, "county", False), (760_000, "county", False),
    (5, "unknown", False),  # the crimes police.uk could not place: no population is recorded for them anyway
])
def test_a_population_below_the_smallest_area_of_its_kind_is_refused(population, kind, refused):
    said = population_too_small(population, kind)
    assert bool(said) is refused
    if refused:
        assert "looks like thousands" in said and f"type {population * 1000:,}" in said


def test_the_service_refuses_104_for_a_district_and_keeps_104000(store):
    assert svc.ensure_area(store, "Babergh", "district") == BABERGH
    with pytest.raises(IndicatorError, match="no district in England and Wales has fewer than about 2,000 people"):
        svc.set_population(store, BABERGH, FY19, 104)
    assert svc.get_population(store, BABERGH, FY19) is None
    svc.set_population(store, BABERGH, FY19, 104_000)
    assert svc.get_population(store, BABERGH, FY19).population == 104_000


def test_the_command_line_refuses_104_for_babergh_with_exit_1_and_leaves_the_file(demo_path, capsys):
    before = _sha(demo_path)
    assert main(["population", str(demo_path), "Babergh", "2019/20", "104"]) == 1
    err = capsys.readouterr().err
    assert "looks like thousands" in err and "type 104,000" in err and "Nothing was changed" in err
    assert _sha(demo_path) == before
    assert main(["population", str(demo_path), "Suffolk (county)", "2019/20", "760"]) == 1
    assert "no county in England and Wales has fewer than about 8,000 people" in capsys.readouterr().err
    assert main(["population", str(demo_path), "Babergh", "2019/20", "104,000"]) == 0


def test_the_form_refuses_104_beside_the_population_and_undo_still_gives_back_a_figure_the_file_held(store):
    assert svc.ensure_area(store, "Babergh", "district") == BABERGH
    log = ActionLog()
    page = PopulationsPresenter(store, perform=log)
    form = page.new_form(BABERGH, FY19)
    form.set_value("population", "104")
    assert not form.save()
    assert "looks like thousands" in form.message("population") and "type 104,000" in form.message("population")
    assert page.rows() == [] and not log.done
    # A file that held 104 before this check: corrected to 104,000, then undone, gets its 104 back as it was.
    store.conn.execute("INSERT INTO indicator_populations(id, area_id, year, population, source) "
                       "VALUES ('p', ?, '2019/20', 104, '')", (BABERGH,))
    edit = page.edit_form(BABERGH, "2019/20")
    edit.set_value("population", "104,000")
    assert edit.save(), edit.form_message
    assert svc.get_population(store, BABERGH, FY19).population == 104_000
    log.undo()
    assert svc.get_population(store, BABERGH, FY19).population == 104
    log.redo()
    assert svc.get_population(store, BABERGH, FY19).population == 104_000


def test_view_populations_says_beside_the_field_that_104_looks_like_thousands(demo_window, qtbot, prompts):
    demo_window.populations_action.trigger()
    dialog = demo_window.populations_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(button(dialog, "Add"), Qt.MouseButton.LeftButton)
    form = dialog.dialog
    qtbot.waitUntil(form.isVisible)
    type_into(qtbot, field(form, "Area"), "Babergh")
    type_into(qtbot, field(form, "Year"), "2019/20")
    type_into(qtbot, field(form, "Population"), "104")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "looks like thousands" in form.form.message("population") and "type 104,000" in form.message_text()
    assert svc.get_population(demo_window.session.store, BABERGH, FY19) is None
    form.reject()
