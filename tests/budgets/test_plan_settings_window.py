"""Plan settings… in the Budgets tab: a plan's unit (£ or £'000), its total's name, its Total column and the
report's changes, which the service and the command line could set and the window could not. Changing the unit
changes how figures are typed and shown, never an amount held; each change is one step of Edit > Undo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from tests.budgets.test_budgets_round22 import add_line, add_section, new_plan
from tests.budgets.test_budgets_view import choose_plan, type_cell

WESTERN = "Western Suffolk"


def _plan(store):
    plan = svc.create_plan(store, "ESCC revenue budget", columns=["2011/12", "2012/13"])
    section = svc.add_section(store, plan, "Revenue", kind="budget")
    line = svc.add_line(store, section, "A Gross Expenditure")
    svc.set_cell(store, line, "2011/12", "£878,000")
    svc.set_cell(store, line, "2012/13", "£7,525.58")
    return plan, line


def _amounts(store, line):
    return {r["column_id"]: r["amount_pence"] for r in store.rows("SELECT column_id, amount_pence FROM budget_cells "
                                                                  "WHERE line_id = ?", (line,))}


# -- the presenter, without a window -----------------------------------------------------------------------------

def test_settings_change_the_unit_and_total_in_one_undo_step_and_keep_every_penny(store):
    plan, line = _plan(store)
    held = _amounts(store, line)
    log = ActionLog()
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    form = p.settings_form()
    assert form.values == {"unit": "pound", "total_label": "Total", "show_total_column": "no", "show_changes": "no"}
    assert "never an amount held" in form.heading
    form.set_value("unit", "thousand")
    form.set_value("total_label", "  C = A+B Gross budget ")
    form.set_value("show_total_column", "yes")
    assert form.save()
    assert log.undo_text == ("Undo change plan ESCC revenue budget: unit £'000, total's name “C = A+B Gross "
                             "budget”, Total column shown")
    line_row = next(r for r in p.rows if r.kind == "line")
    assert [c.text for c in line_row.cells] == ["878", "7.52558"]  # shown in thousands, to the penny
    assert line_row.cells[1].edit_text == "7.52558"  # typed back as shown, it is the same amount
    assert svc.read_cell(line_row.cells[1].edit_text, "thousand").pence == 752558
    assert next(r for r in p.rows if r.kind == "total").label == "C = A+B Gross budget"
    assert p.shows_total_column and line_row.across.text == "885.52558"
    assert p.summary().startswith("ESCC revenue budget, in £'000:")
    assert _amounts(store, line) == held  # no stored amount changed
    log.undo()
    head = svc.load_plan(store, plan)
    assert (head.unit, head.total_label, head.show_total_column) == ("pound", "Total", False)
    assert [c.text for c in next(r for r in p.rows if r.kind == "line").cells] == ["£878,000", "£7,525.58"]
    log.redo()
    assert svc.load_plan(store, plan).unit == "thousand"


def test_nothing_changed_writes_nothing_and_a_blank_total_is_total(store):
    plan, _ = _plan(store)
    log = ActionLog()
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    form = p.settings_form()
    assert form.save() and log.undo_text == ""  # Save with nothing changed: no step to undo
    svc.update_plan(store, plan, total_label="Net Effect")
    p.reload()
    form = p.settings_form()
    form.set_value("total_label", "")
    assert form.save()
    assert svc.load_plan(store, plan).total_label == "Total"


def test_a_bad_unit_is_refused_beside_its_field_and_nothing_is_written(store):
    plan, _ = _plan(store)
    log = ActionLog()
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    form = p.settings_form()
    form.set_value("unit", "dollars")
    assert not form.save()
    assert form.message("unit") == "“dollars” is not one of the choices."
    assert svc.load_plan(store, plan).unit == "pound" and log.undo_text == ""


def test_the_plan_gone_while_the_form_was_open_is_said_in_the_form(store):
    plan, _ = _plan(store)
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    form = p.settings_form()
    svc.delete_plan(store, plan)
    form.set_value("unit", "thousand")
    assert not form.save()
    assert form.form_message == "Not saved: That plan is no longer in the file."


def test_no_plan_chosen_says_so_and_a_read_only_file_cannot_save(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.settings_form() is None and p.error == "Choose or make a plan first."
    _plan(store)
    p = BudgetsPresenter(store, perform=ActionLog(), read_only=True)
    p.reload()
    form = p.settings_form()
    form.set_value("unit", "thousand")
    assert not form.save() and svc.load_plan(store, p.selected).unit == "pound"


# -- the window --------------------------------------------------------------------------------------------------

def _open_settings(qtbot, tab):
    qtbot.mouseClick(tab.settings_button, Qt.MouseButton.LeftButton)
    dialog = tab.settings_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def _choose(dialog, key, value):
    combo = dialog.view.widgets[key]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))  # as a click on the item does: the form is told


def _retype(qtbot, dialog, key, text):
    edit = dialog.view.widgets[key]
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # what it holds, chosen and typed over
    qtbot.keyClicks(edit, text)


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)


def _grid(tab):
    return {tab.model.index(r, 0).data(): [tab.model.index(r, c).data() for c in tab.model.year_columns]
            for r in range(tab.model.rowCount())}


def test_an_officer_sets_a_new_plan_in_thousands_with_the_papers_total_and_types_its_figures(qtbot, empty_tab):
    """Seed 004's revenue table is in £'000 and names its total “C = A+B Gross budget”: set in the window, the
    figures are typed as the paper prints them and the grid shows the paper's words."""
    tab = empty_tab
    new_plan(qtbot, tab, "ESCC revenue budget", "2011/12, 2012/13")
    add_section(qtbot, tab, "Revenue", "budget")
    add_line(qtbot, tab, "A Gross Expenditure")
    add_line(qtbot, tab, "B Drugs and alcohol")
    dialog = _open_settings(qtbot, tab)
    assert dialog.view.widgets["unit"].currentText() == "£ (pounds)"
    _choose(dialog, "unit", "thousand")
    _retype(qtbot, dialog, "total_label", "C = A+B Gross budget")
    _choose(dialog, "show_total_column", "yes")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert "in £'000" in tab.summary.text()
    assert tab.model.headerData(tab.model.columnCount() - 1, Qt.Orientation.Horizontal) == "Total"
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "A Gross Expenditure")
    type_cell(qtbot, tab, row, tab.model.year_columns[0], "878")
    type_cell(qtbot, tab, row + 1, tab.model.year_columns[0], "62.499")
    grid = _grid(tab)
    assert grid["A Gross Expenditure"][0] == "878"
    assert grid["C = A+B Gross budget"][0] == "940.499"
    line = tab.presenter.rows[row].line_id
    assert tab.presenter.rows[row].cells[0].pence == 87_800_000
    # Back in £: the same amounts, shown in pounds; Edit > Undo puts the plan back in £'000.
    dialog = _open_settings(qtbot, tab)
    assert dialog.view.widgets["total_label"].text() == "C = A+B Gross budget"
    _choose(dialog, "unit", "pound")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert _grid(tab)["A Gross Expenditure"][0] == "£878,000"
    assert _grid(tab)["C = A+B Gross budget"][0] == "£940,499"
    assert _amounts(tab.session.store, line)  # still held
    tab.window().undo()
    assert _grid(tab)["A Gross Expenditure"][0] == "878" and "in £'000" in tab.summary.text()


def test_the_example_plans_pence_are_shown_in_thousands_and_back_unchanged(qtbot, demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    choose_plan(tab, WESTERN)
    before = [r.cells for r in tab.presenter.rows]
    dialog = _open_settings(qtbot, tab)
    assert dialog.view.widgets["total_label"].text() == "Net Effect"
    _choose(dialog, "unit", "thousand")
    _retype(qtbot, dialog, "total_label", "Net effect on the partnership")
    _choose(dialog, "show_total_column", "no")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    grid = _grid(tab)
    assert grid["Domestic Homicide Reviews (DHRs)"][0] == "7.52558"
    assert "Net effect on the partnership" in grid and "Net Effect" not in grid
    assert tab.model.headerData(tab.model.columnCount() - 1, Qt.Orientation.Horizontal) != "Total"
    assert [[c.pence for c in cells] for cells in (r.cells for r in tab.presenter.rows)] == \
        [[c.pence for c in cells] for cells in before]
    tab.window().undo()
    assert _grid(tab)["Domestic Homicide Reviews (DHRs)"][0] == "£7,525.58" and "Net Effect" in _grid(tab)
    assert tab.model.headerData(tab.model.columnCount() - 1, Qt.Orientation.Horizontal) == "Total"


def test_without_a_plan_the_button_says_to_choose_one(qtbot, empty_tab):
    qtbot.mouseClick(empty_tab.settings_button, Qt.MouseButton.LeftButton)
    assert empty_tab.message.isVisible() and empty_tab.message.text() == "Choose or make a plan first."


@pytest.mark.parametrize("key", ["unit", "total_label", "show_total_column", "show_changes"])
def test_each_setting_has_a_label_with_its_alt_letter(qtbot, demo_window, key):
    tab = demo_window.show_tab("budgets")
    dialog = tab.plan_settings()
    assert dialog.view.labels[key].buddy() is dialog.view.widgets[key]
    dialog.reject()
