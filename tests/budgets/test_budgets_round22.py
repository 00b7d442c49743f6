"""A tester's findings (h14) on the Budgets tab: a line typed after Add section went into the section before it; the
column headings the papers print ("Benchmark 2009/10", "2010/11 Budget", "11/12 £") were refused; in a plan in £'000
"62.499" was refused, the refusal's advice read 1,000 times bigger, and a cell's own edit text could not be typed back;
the question before deleting a section did not say what its linked lines would stop counting."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from safer_desk.domain import budgets as rules
from safer_desk.domain.budgets import BudgetError, Cell
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from tests.budgets.test_budgets_view import type_cell


# -- 1. Add section chooses the new section for the next line ------------------------------------------------------

def new_plan(qtbot, tab, name, years):
    qtbot.keyClicks(tab.plan_name, name)
    qtbot.keyClicks(tab.plan_years, years)
    qtbot.mouseClick(tab.new_plan_button, Qt.MouseButton.LeftButton)


def add_section(qtbot, tab, name, kind):
    tab.section_name.clear()
    qtbot.keyClicks(tab.section_name, name)
    tab.section_kind.setCurrentIndex(tab.section_kind.findData(kind))
    qtbot.mouseClick(tab.add_section_button, Qt.MouseButton.LeftButton)


def add_line(qtbot, tab, label):
    qtbot.keyClicks(tab.line_label, label)
    qtbot.keyClick(tab.line_label, Qt.Key.Key_Return)


def sections_of_lines(tab) -> dict[str, str]:
    out, section = {}, None
    for row in tab.presenter.rows:
        if row.kind == "section":
            section = row.label
        elif row.kind == "line":
            out[row.label] = section
    return out


def test_each_line_typed_after_add_section_goes_into_that_section(qtbot, empty_tab):
    tab = empty_tab
    new_plan(qtbot, tab, "ESCC MTFP", "2011/12, 2012/13, 2013/14, 2014/15")
    add_section(qtbot, tab, "Community Safety", "expenditure")
    assert tab.section_choice.currentText() == "Community Safety"
    for label in ("Employees", "Transport"):
        add_line(qtbot, tab, label)
    add_section(qtbot, tab, "Income and grants", "income")
    assert tab.section_choice.currentText() == "Income and grants"
    for label in ("LAA Reward Grant", "Underspend Brought Forward"):
        add_line(qtbot, tab, label)
    add_section(qtbot, tab, "Savings", "savings")
    assert tab.section_choice.currentText() == "Savings"
    add_line(qtbot, tab, "Savings to be identified")
    assert sections_of_lines(tab) == {
        "Employees": "Community Safety", "Transport": "Community Safety", "LAA Reward Grant": "Income and grants",
        "Underspend Brought Forward": "Income and grants", "Savings to be identified": "Savings"}
    for label, text in (("Employees", "327,800"), ("Transport", "5,000"), ("LAA Reward Grant", "20,000"),
                        ("Underspend Brought Forward", "21,100"), ("Savings to be identified", "0")):
        row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == label)
        type_cell(qtbot, tab, row, tab.model.year_columns[0], text)
    total = next(r for r in tab.presenter.rows if r.kind == "total")
    assert total.cells[0].pence == 29_170_000  # 327,800 + 5,000 - 20,000 - 21,100 - 0 (seed 004's lines)


def test_a_section_chosen_by_hand_keeps_its_lines_and_an_undone_section_is_not_chosen(qtbot, empty_tab):
    tab = empty_tab
    new_plan(qtbot, tab, "Plan", "2017/18")
    add_section(qtbot, tab, "Spend", "expenditure")
    add_section(qtbot, tab, "Grants", "income")
    tab.section_choice.setCurrentIndex(tab.section_choice.findText("Spend"))
    add_line(qtbot, tab, "Staff")
    add_line(qtbot, tab, "Venue")
    assert tab.section_choice.currentText() == "Spend"
    assert sections_of_lines(tab) == {"Staff": "Spend", "Venue": "Spend"}
    add_section(qtbot, tab, "Savings", "savings")
    assert tab.section_choice.currentText() == "Savings"
    tab.session.undo_stack.undo()  # the Savings section goes: the chooser is on a section that is there
    assert tab.section_choice.findText("Savings") == -1
    assert tab.section_choice.currentText() in ("Spend", "Grants")
    tab.section_name.clear()
    qtbot.keyClicks(tab.section_name, "Total")  # refused: the chooser stays where it was
    before = tab.section_choice.currentText()
    qtbot.mouseClick(tab.add_section_button, Qt.MouseButton.LeftButton)
    assert "looks like a total" in tab.message.text() and tab.section_choice.currentText() == before


# -- 2. Column headings as the papers print them -------------------------------------------------------------------

@pytest.mark.parametrize("heading, year", [
    ("2011/12", "2011/12"), ("11/12", "2011/12"), ("2011-12", "2011/12"), ("Benchmark 2009/10", "2009/10"),
    ("East Sussex 2009/10", "2009/10"), ("2010/11 Budget", "2010/11"), ("11/12 £", "2011/12"),
    ("Budget 2011-2012", "2011/12"), ("Outturn (2016/17)", "2016/17")])
def test_the_year_is_read_from_a_heading(heading, year):
    assert rules.column_year(heading) == year


@pytest.mark.parametrize("heading, says", [
    ("Total", "Benchmark 2009/10"), ("Next year", "Benchmark 2009/10"), ("31/03/2012", "Benchmark 2009/10"),
    ("2010/11 to 2011/12", "more than one year"), ("10/12 Budget", "“10/12” is not a financial year"),
    ("12/11 £", "“12/11” is not a financial year")])
def test_a_heading_without_one_year_is_refused_saying_a_form_that_works(heading, says):
    with pytest.raises(BudgetError) as refused:
        rules.column_year(heading)
    message = str(refused.value)
    assert says in message and f"“{heading}”" in message
    assert "heading with its year" not in message  # what was typed is not asked for again
    if says == "Benchmark 2009/10":
        assert rules.column_year("Benchmark 2009/10") == "2009/10"  # the form it says works


@pytest.mark.parametrize("years, columns", [
    ("East Sussex 2009/10, Benchmark 2009/10, East Sussex 2010/11",
     [("East Sussex 2009/10", "2009/10"), ("Benchmark 2009/10", ""), ("East Sussex 2010/11", "2010/11")]),
    ("2010/11 Budget, 2011/12 Budget", [("2010/11 Budget", "2010/11"), ("2011/12 Budget", "2011/12")]),
    ("11/12 £, 12/13 £", [("11/12 £", "2011/12"), ("12/13 £", "2012/13")]),
    ("2017/18, 2018/19", [("2017/18", "2017/18"), ("2018/19", "2018/19")])])
def test_the_papers_headings_make_a_plan_through_the_presenter(store, years, columns):
    p = BudgetsPresenter(store)
    p.reload()
    plan = p.new_plan("Plan", years)
    assert plan and p.error == ""
    assert [(c.label, c.financial_year) for c in svc.load_plan(store, plan).columns] == columns
    assert p.columns == [label for label, _ in columns]


def test_a_benchmark_beside_its_year_is_not_counted_as_another_year(store):
    # Seed 004's unit costs: the benchmark stands beside East Sussex's 2009/10, as the example file holds it.
    plan = svc.create_plan(store, "Unit costs", columns=["East Sussex 2009/10", "Benchmark 2009/10",
                                                         "East Sussex 2010/11"], show_total_column=True)
    line = svc.add_line(store, svc.add_section(store, plan, "Services"), "IDVA")
    for column, text in (("East Sussex 2009/10", "£193,000"), ("Benchmark 2009/10", "£150,000"),
                         ("East Sussex 2010/11", "£200,000")):
        svc.set_cell(store, line, column, text)
    row = next(r for r in svc.plan_view(store, plan).rows if r.kind == "line")
    assert row.across.pence == 39_300_000  # 193,000 + 200,000: the benchmark is not added in
    assert row.cells[2].change.change_pence == 700_000  # into 2010/11 from East Sussex's own 2009/10


def test_a_column_with_no_year_or_a_year_twice_is_refused_saying_what_works(store):
    p = BudgetsPresenter(store)
    p.reload()
    assert p.new_plan("Impl", "Total, 2017/18, 2018/19") is None
    assert "Column “Total”" in p.error and "Benchmark 2009/10" in p.error and "2011/12" in p.error
    assert "heading with its year" not in p.error
    assert p.new_plan("Impl", "2017/18, 17/18") is None
    assert "2017/18" in p.error and "twice" in p.error
    assert p.plans == []
    plan = svc.create_plan(store, "Plan", columns=["2017/18"])
    assert svc.add_column(store, plan, "Benchmark 2017/18")
    with pytest.raises(BudgetError, match="twice"):
        svc.add_column(store, plan, "17/18")
    assert [(c.label, c.financial_year) for c in svc.load_plan(store, plan).columns] == \
        [("2017/18", "2017/18"), ("Benchmark 2017/18", "")]


# -- 3. A plan in £'000 -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, pence", [
    ("62.499", 6_249_900), ("62.4995", 6_249_950), ("884", 88_400_000), ("(884)", -88_400_000),
    ("-0.5", -50_000), ("1,234.5", 123_450_000), ("£4.000", 400_000), ("£30K", 3_000_000), ("£1.5m", 150_000_000),
    ("£62,499", 6_249_900_000), ("62.499 (Agreed at the board)", 6_249_900)])
def test_a_figure_in_a_thousands_plan_is_read_in_thousands(typed, pence):
    assert rules.parse_cell(typed, unit="thousand").amount_pence == pence


def test_a_pounds_plan_still_refuses_a_point_and_three_digits():
    with pytest.raises(BudgetError, match="point followed by three digits"):
        rules.parse_cell("62.499")


@pytest.mark.parametrize("typed", ["abc", "62.499999", "£", "1.2.3", "884)"])
def test_a_refusal_in_a_thousands_plan_advises_only_forms_read_as_meant(typed):
    with pytest.raises(BudgetError) as refused:
        rules.parse_cell(typed, unit="thousand")
    message = str(refused.value)
    assert f"“{typed}”" in message
    assert "£4,000" not in message and "£1,234.56" not in message and "£2,000" not in message
    assert "884 for £884,000" in message
    assert rules.parse_cell("884", unit="thousand").amount_pence == 88_400_000  # as the advice says


def test_the_query_for_pounds_in_a_thousands_plan_advises_the_guides_form():
    message = rules.pounds_in_thousands_query("£62,499", "thousand")
    assert "£62,499,000" in message and "type 62.499" in message and "K" not in message.split("type")[-1]
    assert rules.parse_cell("62.499", unit="thousand").amount_pence == 6_249_900


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(["", "Agreed at the board"]),
       st.booleans())
def test_a_cells_edit_text_in_a_thousands_plan_reads_back_as_the_same_cell(pence, note, split):
    per = abs(pence) // 2 if split and pence > 1 else None
    cell = Cell.amount(pence, note=note, per_district_pence=per)
    again = rules.parse_cell(cell.edit_text("thousand"), unit="thousand")
    assert (again.amount_pence, again.note, again.per_district_pence) == (pence, note, per)


def plan_presenter(store, chosen) -> BudgetsPresenter:
    """A presenter on the first plan whose name ``chosen`` accepts."""
    p = BudgetsPresenter(store)
    p.reload()
    p.select(next(plan.id for plan in p.plans if chosen(plan.name)))
    return p


def western_suffolk(store) -> BudgetsPresenter:
    return plan_presenter(store, lambda name: name.startswith("Western Suffolk"))


def revenue(demo_store) -> tuple[BudgetsPresenter, str, str]:
    p = plan_presenter(demo_store, lambda name: "revenue budget" in name)
    assert p.view.plan.unit == "thousand"
    line = next(r for r in p.rows if r.kind == "line" and r.label.startswith("B "))
    return p, line.line_id, p.columns[1]


def cell_of(p, line_id, column):
    return next(r for r in p.rows if r.line_id == line_id).cells[p.columns.index(column)]


def test_the_guides_form_is_taken_and_a_refusal_asks_about_pounds_again(demo_store):
    p, line, column = revenue(demo_store)
    before = cell_of(p, line, column).pence
    assert not p.set_cell(line, column, "£62,499")
    assert "type 62.499" in p.error
    assert not p.set_cell(line, column, "62.49999999")  # refused: not a whole number of pence
    assert "“62.49999999”" in p.error
    assert not p.set_cell(line, column, "£62,499")  # asked again, not kept as £62,499,000
    assert "£62,499,000" in p.error and cell_of(p, line, column).pence == before
    assert p.set_cell(line, column, "62.499") and p.error == ""
    assert cell_of(p, line, column).pence == 6_249_900
    assert not p.set_cell(line, column, "£62,499")  # the memory went with the change that succeeded
    assert cell_of(p, line, column).pence == 6_249_900


def test_a_thousands_cells_own_edit_text_is_taken_back_with_a_note(demo_store):
    p, line, column = revenue(demo_store)
    assert p.set_cell(line, column, "£62.499K")
    cell = cell_of(p, line, column)
    assert cell.text == "62.499" and cell.edit_text == "62.499"
    assert p.set_cell(line, column, cell.edit_text + " (Agreed at the board)"), p.error
    cell = cell_of(p, line, column)
    assert (cell.pence, cell.note, cell.edit_text) == (6_249_900, "Agreed at the board", "62.499 (Agreed at the board)")
    assert p.set_cell(line, column, "62.5 (Agreed at the board)")
    assert cell_of(p, line, column).pence == 6_250_000


def test_a_thousands_cell_retyped_in_the_grid_keeps_its_figure(qtbot, demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    qtbot.waitUntil(tab.view.isVisible, timeout=3000)  # the tab is shown once the window has had its events
    plans = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(plans) if "revenue budget" in n))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith("B "))
    column = tab.model.year_columns[1]
    type_cell(qtbot, tab, row, column, "62.499")
    assert tab.model.index(row, column).data().endswith(" 62.499") and not tab.message.isVisible()  # ⚠: its change
    type_cell(qtbot, tab, row, column, "62.499 (Agreed at the board)")
    assert not tab.message.isVisible()
    assert tab.model.index(row, column).data(Qt.ItemDataRole.EditRole) == "62.499 (Agreed at the board)"


# -- 6. Deleting a section with linked lines ------------------------------------------------------------------------

def test_the_question_before_deleting_a_section_says_what_its_linked_lines_stop_counting(demo_store):
    p = western_suffolk(demo_store)
    links = [(r.label, r.links) for r in p.view.rows if r.kind == "line" and r.links]
    assert len(links) == 2
    section = next(r for r in p.rows if r.kind == "section")
    question = p.delete_question(section)
    assert question.startswith(f"Delete the section “{section.label}” with its 3 lines?")
    for label, line_links in links:
        assert f"“{label}” counts" in question
        for link in line_links:
            assert link.describe() in question
    assert question.endswith("which they will no longer do.")
    line = next(r for r in p.rows if r.kind == "line" and r.label.startswith("Domestic Homicide"))
    assert "which it will no longer do." in p.delete_question(line)


def test_a_section_with_one_linked_line_or_none_is_asked_about_plainly(demo_store):
    p = western_suffolk(demo_store)
    target = next(r for r in p.rows if r.kind == "line" and r.label.startswith("Target Hardening"))
    assert p.delete_row(target)
    section = next(r for r in p.rows if r.kind == "section")
    question = p.delete_question(section)
    assert "with its 2 lines?" in question and question.endswith(", which it will no longer do.")
    assert "Domestic Homicide Reviews (DHRs)" in question and "Target" not in question
    p.select(next(plan.id for plan in p.plans if "revenue budget" in plan.name))
    section = next(r for r in p.rows if r.kind == "section")
    assert p.delete_question(section).endswith("lines?")
