"""A tester's findings (t28o) on a plan's structure in the Budgets tab: a section added as Expenditure by mistake could
not be made Income in the window (and the service's kind alone left it adding to the total); a line typed under the
wrong section could only be typed again; "£(1,234)" was refused with "“£” is not an amount of money"; and in a plan in
£'000, "£4,000 (£2,000 per District)" was answered "type 4", which dropped the split."""

from PySide6.QtCore import Qt

from safer_desk.domain import budgets as rules
from safer_desk.services import budgets as svc
from tests.budgets.test_budgets_round22 import add_line, add_section, new_plan, revenue, western_suffolk
from safer_desk.ui.main_window import undo_words
from tests.budgets.test_budgets_view import type_cell

WESTERN = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
DHR = "Domestic Homicide Reviews (DHRs)"


def _row(tab, label):
    return next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == label)


def _menu_entry(tab, row, title):
    """The grid's right-click menu on ``row``'s name: the submenu called ``title`` (its "&" taken out)."""
    tab.view.setCurrentIndex(tab.model.index(row, 0))
    menu = tab.view.context_menu(0)
    return next(a.menu() for a in menu.actions() if a.menu() is not None and a.text().replace("&", "") == title)


def _total(tab, column=1):
    return tab.model.index(_row(tab, "Total"), column).data()


# -- 1. a section's kind changed in the window --------------------------------------------------------------------

def test_a_sections_kind_changed_in_the_service_changes_how_it_counts(store):
    plan = svc.create_plan(store, "P", columns=["2017/18"])
    spend, grants = svc.add_section(store, plan, "Expenditure"), svc.add_section(store, plan, "Grants")
    svc.set_cell(store, svc.add_line(store, spend, "Staff"), "2017/18", "£10,000")
    svc.set_cell(store, svc.add_line(store, grants, "PCC grant"), "2017/18", "£4,000")
    svc.update_section(store, grants, kind="income")
    view = svc.plan_view(store, plan)
    assert view.plan.sections[1].sign == -1
    assert [r.cells[0].text for r in view.rows if r.kind == "total"] == ["£6,000"]


def test_a_section_added_as_expenditure_by_mistake_is_made_income_from_the_grid_menu(qtbot, window, empty_tab):
    tab = empty_tab
    new_plan(qtbot, tab, "CSP budget", "2017/18")
    add_section(qtbot, tab, "Expenditure", "expenditure")
    add_line(qtbot, tab, "Staff")
    add_section(qtbot, tab, "Grants", "expenditure")  # meant as income
    add_line(qtbot, tab, "PCC grant")
    type_cell(qtbot, tab, _row(tab, "Staff"), 1, "£10,000")
    type_cell(qtbot, tab, _row(tab, "PCC grant"), 1, "£4,000")
    assert _total(tab) == "£14,000"
    kinds = _menu_entry(tab, _row(tab, "Grants"), "Section Kind")
    checked = [a.text().replace("&", "") for a in kinds.actions() if a.isChecked()]
    assert checked == ["Expenditure (adds to the total)"]
    next(a for a in kinds.actions() if a.text().replace("&", "").startswith("Income")).trigger()
    assert _total(tab) == "£6,000" and tab.presenter.error == ""
    tip = tab.model.index(_row(tab, "Grants"), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Income and grants (takes away)" in tip
    assert window.undo_action.text().replace("&", "") == ("Undo change section Grants to Income and grants "
                                                                "(takes away) in plan CSP budget")
    window.undo()
    assert _total(tab) == "£14,000"
    window.redo()
    assert _total(tab) == "£6,000"


# -- 2. a line moved to another section -----------------------------------------------------------------------------

def test_a_line_moves_to_another_section_with_its_figures_notes_links_and_printed_changes(qtbot, window, demo_path):
    assert window.open_path(demo_path)
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("budgets")
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count()) if tab.plan_list.item(i).text() == WESTERN)
    tab.plan_list.setCurrentItem(item)
    p = tab.presenter
    line = next(r for r in p.rows if r.label == DHR)
    assert p.set_printed_change(line, p.columns[1], "(10.0)")
    before = next(r for r in p.rows if r.label == DHR)
    assert before.links and before.cells[0].note
    assert next(r for r in p.rows if r.kind == "total").cells[0].text == "£12,525.58"
    add_section(qtbot, tab, "Costs met by partners", "other")  # outside the total
    entries = _menu_entry(tab, _row(tab, DHR), "Move to Section")
    assert [a.text().replace("&", "") for a in entries.actions()] == ["Costs met by partners"]
    entries.actions()[0].trigger()
    assert p.error == ""
    sections = [r for r in p.rows if r.kind == "section"]
    moved = next(r for r in p.rows if r.label == DHR)
    assert moved.section_id == sections[1].section_id
    assert moved.line_id == before.line_id and moved.links == before.links
    assert [c.edit_text for c in moved.cells] == [c.edit_text for c in before.cells]
    assert [c.stated_change for c in moved.cells] == [c.stated_change for c in before.cells]
    assert not any(r.kind == "line" and r.label == DHR and r.section_id == sections[0].section_id for r in p.rows)
    total = next(r for r in p.rows if r.kind == "total")
    assert total.cells[0].text == "£5,000"  # the DHRs' £7,525.58 now outside the total
    assert window.undo_action.text().replace("&", "") == "Undo " + undo_words(f"move line {DHR} to Costs met by "
                                                                                    f"partners in plan {WESTERN}")
    window.undo()
    back = next(r for r in p.rows if r.label == DHR)
    assert back.section_id == sections[0].section_id
    assert [r.label for r in p.rows if r.kind == "line" and r.section_id == back.section_id][0] == DHR
    assert next(r for r in p.rows if r.kind == "total").cells[0].text == "£12,525.58"


def test_a_line_moved_in_the_service_goes_at_the_end_and_its_old_section_closes_up(demo_store):
    p = western_suffolk(demo_store)
    plan = p.view.plan
    old = plan.sections[0]
    new = svc.add_section(demo_store, plan.id, "Other costs", kind="other")
    first = old.lines[0]
    assert svc.move_line_to_section(demo_store, first.id, new) == old.id
    after = svc.load_plan(demo_store, plan.id)
    assert [line.id for line in after.sections[0].lines] == [line.id for line in old.lines[1:]]
    assert [line.id for line in after.sections[1].lines] == [first.id]
    assert after.sections[1].lines[0].cells == first.cells
    positions = [r[0] for r in demo_store.rows("SELECT position FROM budget_lines WHERE section_id = ? "
                                               "ORDER BY position", (old.id,))]
    assert positions == list(range(len(old.lines) - 1))


def test_a_line_is_not_moved_into_another_plans_section(demo_store):
    p = western_suffolk(demo_store)
    other = next(plan for plan in svc.list_plans(demo_store) if plan.id != p.selected)
    section = svc.load_plan(demo_store, other.id).sections[0]
    line = p.view.plan.sections[0].lines[0]
    try:
        svc.move_line_to_section(demo_store, line.id, section.id)
    except rules.BudgetError as exc:
        assert "section of its own plan" in str(exc)
    else:
        raise AssertionError("moved into another plan")


# -- 3. "£(1,234)" --------------------------------------------------------------------------------------------------

def test_a_pound_sign_before_the_brackets_reads_as_a_negative_amount():
    assert rules.parse_cell("£(1,234)").amount_pence == -123_400
    assert rules.parse_cell("£ (1,234.50)").amount_pence == -123_450
    cell = rules.parse_cell("£(1,234) (Underspend brought forward)")
    assert (cell.amount_pence, cell.note) == (-123_400, "Underspend brought forward")
    # In a plan in £'000 it is asked about as "(£1,234)" is.
    assert "type -1.234" in rules.pounds_in_thousands_query("£(1,234)", "thousand")
    assert rules.parse_cell("£(1.5)", unit="thousand").amount_pence == -150_000


# -- 4. a split typed as pounds in a plan in £'000 ----------------------------------------------------------------

def test_the_query_in_a_thousands_plan_gives_the_whole_cell_to_type_with_its_split_and_note():
    query = rules.pounds_in_thousands_query("£4,000 (£2,000 per District)", "thousand")
    assert query.endswith("if it means £4,000, type 4 (2 per District).")
    query = rules.pounds_in_thousands_query("£4,000 (£2,000 per District) (Agreed at the board)", "thousand")
    assert query.endswith("type 4 (2 per District) (Agreed at the board).")
    query = rules.pounds_in_thousands_query("£62,499 (Agreed, £5,000 of it from the PCC)", "thousand")
    assert query.endswith("type 62.499 (Agreed, £5,000 of it from the PCC).")  # a note is kept as typed
    cell = rules.parse_cell("4 (2 per District)", unit="thousand")
    assert (cell.amount_pence, cell.per_district_pence) == (400_000, 200_000)


def test_following_the_query_keeps_the_split(demo_store):
    p, line, column = revenue(demo_store)
    assert not p.set_cell(line, column, "£4,000 (£2,000 per District)")
    typed = p.error.split(", type ")[1].split(". Type ")[0]
    assert typed == "4 (2 per District)"
    assert p.set_cell(line, column, typed), p.error
    cell = next(r for r in p.rows if r.line_id == line).cells[p.columns.index(column)]
    assert (cell.pence, cell.text) == (400_000, "4 (2 per district)")
