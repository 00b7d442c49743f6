"""Kit forms, round 31: a choice box whose record holds a value not among its choices.

A value kept in the file from an older program, a merge or an import, or one the list no longer offers (a DHR cost
line's "Chair fees", a fund accepting medium and standard risk) was shown as the list's FIRST choice: the form showed a
value the record does not hold; after Revert, or once the box had shown another record, the form held that first
choice and Save wrote it without a word (a chair's cost line made "Independent chair/author", the capped payer's
base). The box now shows the value held, marked "(not in the list)"; Save without touching it keeps it or refuses
beside the field saying why, never writes another choice. Choosing by label or value works as before.

A needed choice not made yet showed the first entry too: View > Populations… > Add… with no area in view on the
Indicators tab showed "Suffolk (county)" under Area, and Save said "This field is needed." beside it. The box now
shows nothing chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.budgets import SETTINGS_FIELDS
from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
from safer_desk.services import dhr, funds
from safer_desk.ui.budgets.settings_dialog import PlanSettingsDialog
from safer_desk.ui.indicators.populations import PopulationsDialog
from safer_desk.ui.kit.forms import NOT_IN_LIST, FormDialog, FormView
from tests.costs.test_dhr_round28 import TODAY, UNDER_WAY
from tests.costs.test_fund_forms_round30e import fund_page, new_office
from tests.costs.test_search_choice_round22 import reviews_page

CHOICES = (("a", "Apple"), ("b", "Banana"), ("c", "Cherry"))


def _form(saved: list) -> FormPresenter:
    return FormPresenter([Field("name", "&Name"), Field("fruit", "&Fruit", FieldKind.CHOICE, choices=CHOICES)],
                         save_fn=lambda values, parsed: saved.append(parsed))


# -- the kit's form, reused record to record (as the Projects editor is) ---------------------------------------------

def test_a_value_not_in_the_list_is_shown_as_held_and_the_form_is_not_changed(qtbot):
    form = _form([])
    view = FormView(form)
    qtbot.addWidget(view)
    box = view.widgets["fruit"]
    form.load({"name": "one", "fruit": "b"})
    form.load({"name": "two", "fruit": "durian"})  # the box had shown Banana: it went to Apple, and the form too
    assert (box.currentText(), box.currentData()) == ("durian" + NOT_IN_LIST, "durian")
    assert form.value("fruit") == "durian" and not form.is_dirty
    form.load({"name": "three", "fruit": "elder"})
    assert [box.itemText(i) for i in range(box.count())] == ["Apple", "Banana", "Cherry", "elder" + NOT_IN_LIST]
    form.load({"name": "four", "fruit": "c"})  # back to a choice of the list: the entry goes
    assert box.currentText() == "Cherry" and box.count() == 3 and not form.is_dirty


def test_save_untouched_keeps_the_value_held_and_a_value_typed_outside_the_list_is_refused(qtbot):
    saved: list = []
    form = _form(saved)
    view = FormView(form)
    qtbot.addWidget(view)
    form.load({"name": "two", "fruit": "durian"})
    view.type_into("name", "three")
    assert view.save() and saved[-1]["fruit"] == "durian"  # the held value kept, not refused nor changed
    form.set_value("fruit", "elderberry")  # typed now, and not in the list: refused beside the field
    assert not view.save() and form.message("fruit") == "“elderberry” is not one of the choices."
    view.type_into("fruit", "Cherry")  # chosen by its label, as before
    assert form.value("fruit") == "c" and view.widgets["fruit"].count() == 3
    assert view.save() and saved[-1]["fruit"] == "c"


def test_revert_puts_back_the_value_held_not_the_first_choice(qtbot, prompts):
    form = _form([])
    view = FormView(form)
    qtbot.addWidget(view)
    form.load({"name": "two", "fruit": "durian"})
    view.type_into("fruit", "b")
    prompts.answers.append(True)  # Revert asks (session 69): Discard
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert form.value("fruit") == "durian" and not form.is_dirty
    assert view.widgets["fruit"].currentText() == "durian" + NOT_IN_LIST


def test_a_kit_form_dialog_reads_its_choice_from_the_widget_as_before(qtbot):
    saved: list = []
    form = _form(saved)
    form.load({"name": "one", "fruit": "durian"})
    dialog = FormDialog(None, form)
    qtbot.addWidget(dialog)
    assert dialog.editors["fruit"].currentData() == "durian"
    dialog.set_value("fruit", "Banana")
    assert form.value("fruit") == "b" and dialog.save() and saved[-1]["fruit"] == "b"


# -- Costs > Reviews: a cost line's category ----------------------------------------------------------------------

def _cost_line_dialog(demo_window, qtbot, category: str):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id = dhr.case_id_by_reference(page.store, UNDER_WAY)
    line = dhr.add_cost_line(page.store, case_id, category=category, amount="1000", invoiced_on="01/07/2018")
    page.presenter.reload()
    assert page.select_case(case_id)
    page.details.setCurrentIndex(1)
    assert page.costs.select_where(lambda row: row["id"] == line)
    return page, line, page.edit_cost_line_dialog()


def _category(store, line_id: str) -> str:
    return store.one("SELECT category FROM dhr_cost_lines WHERE id = ?", (line_id,))["category"]


def test_a_cost_lines_category_not_in_the_list_is_shown_as_it_is(demo_window, qtbot):
    page, line, dialog = _cost_line_dialog(demo_window, qtbot, "Chair fees")
    box = dialog.view.widgets["category"]
    assert (box.currentText(), box.currentData()) == ("Chair fees" + NOT_IN_LIST, "Chair fees")
    dialog.view.type_into("amount", "1,200")
    assert dialog.save()  # only the amount corrected: the category is kept as the file holds it
    assert _category(page.store, line) == "Chair fees"
    assert page.store.one("SELECT amount_pence FROM dhr_cost_lines WHERE id = ?", (line,))["amount_pence"] == 120000


def test_revert_then_save_keeps_the_category_held(demo_window, qtbot, prompts):
    page, line, dialog = _cost_line_dialog(demo_window, qtbot, "Chair fees")
    box = dialog.view.widgets["category"]
    box.setCurrentIndex(box.findData("Legal"))
    assert dialog.form.value("category") == "Legal"
    prompts.answers.append(True)  # Revert asks (session 69): Discard
    qtbot.mouseClick(dialog.view.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.form.value("category") == "Chair fees" and not dialog.form.is_dirty
    assert dialog.save()  # a correction with nothing changed: nothing written
    assert _category(page.store, line) == "Chair fees"


# -- Costs > Pooled funds: a fund's risk levels -------------------------------------------------------------------

def test_a_funds_risk_levels_not_in_the_list_are_shown_and_kept(window, qtbot, tmp_path, prompts):
    page = fund_page(window, qtbot, new_office(tmp_path))
    store = window.session.store
    funds.update_fund(store, page.fund_id, risk_levels="medium,standard")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    dialog = page.edit_fund_dialog()
    box = dialog.view.widgets["risk_levels"]
    assert box.currentData() == "medium,standard" and box.currentText().endswith(NOT_IN_LIST)
    box.setCurrentIndex(box.findData("high"))
    prompts.answers.append(True)  # Revert asks (session 69): Discard
    qtbot.mouseClick(dialog.view.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.save()
    assert funds.get_fund(store, page.fund_id).rules.risk_levels == {"medium", "standard"}


# -- Budgets > Plan settings… (the kit's FormDialog) ---------------------------------------------------------------

def test_the_plan_settings_dialog_shows_a_unit_it_does_not_offer(qtbot):
    saved: list = []
    form = FormPresenter(SETTINGS_FIELDS, save_fn=lambda values, parsed: saved.append(parsed))
    form.load({"unit": "million", "total_label": "Total", "show_total_column": "no", "show_changes": "yes"})
    dialog = PlanSettingsDialog(None, form)
    qtbot.addWidget(dialog)
    assert dialog.view.widgets["unit"].currentText() == "million" + NOT_IN_LIST
    assert dialog.view.widgets["show_changes"].currentData() == "yes" and not form.is_dirty
    assert dialog.save() and saved[-1]["unit"] == "million"  # untouched: kept as held, for the service to judge


# -- Indicators > View > Populations…: a needed choice not made yet ----------------------------------------------

def test_a_new_population_with_no_area_in_view_shows_no_area_chosen(demo_window, qtbot):
    records = PopulationsDialog(demo_window.session, demo_window)  # no area in view on the Indicators tab
    records.add_clicked()
    dialog = records.dialog
    box = dialog.view.widgets["area"]
    assert (box.currentIndex(), box.currentText(), dialog.form.value("area")) == (-1, "", "")
    dialog.view.type_into("year", "2019/20")
    dialog.view.type_into("population", "1,000")
    assert not dialog.save() and dialog.form.message("area") == "This field is needed."
    dialog.set_value("area", box.itemText(0))
    assert dialog.form.value("area") == box.currentData() != ""
