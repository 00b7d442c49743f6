"""A tester's findings (h25d) on the Budgets tab: an officer starting a new year's plan could not add the year from
the window (nor remove a year keyed by mistake), though the services could."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.budgets import Cell
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.ui.main_window import undo_words
from tests.budgets.test_budgets_round22 import add_line, add_section, new_plan
from tests.budgets.test_budgets_view import type_cell


def plan_with_figures(store):
    plan = svc.create_plan(store, "WSCSP financial implications", columns=["2017/18", "2018/19", "2019/20"])
    section = svc.add_section(store, plan, "Revenue")
    line = svc.add_line(store, section, "Target hardening")
    svc.set_cell(store, line, "2017/18", "£0")
    svc.set_cell(store, line, "2018/19", "£4,000 (£2,000 per District)")
    return plan, section, line


def presenter_on(store):
    log = ActionLog()
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    return p, log


# -- 1. a year added and removed, without a window ------------------------------------------------------------------

def test_a_new_year_is_offered_added_at_the_end_and_undone_in_one_step(store):
    plan_with_figures(store)
    p, log = presenter_on(store)
    assert p.next_year() == "2020/21"
    assert p.add_year("2020/21")
    assert p.columns == ["2017/18", "2018/19", "2019/20", "2020/21"]
    assert log.undo_text == "Undo add year 2020/21 in plan WSCSP financial implications"
    assert p.change_heading(3) == "Change to 2020/21"
    log.undo()
    assert p.columns == ["2017/18", "2018/19", "2019/20"]
    log.redo()
    assert p.columns == ["2017/18", "2018/19", "2019/20", "2020/21"]


def test_an_earlier_or_skipped_year_goes_where_it_falls_oldest_first(store):
    plan = svc.create_plan(store, "MTFP", columns=["2011/12", "2013/14"])
    p, _ = presenter_on(store)
    assert p.add_year("2012/13")
    assert p.add_year("10/11")
    assert p.add_year("Benchmark 2012/13")  # beside its year, as seed 004's unit costs print it
    assert p.columns == ["10/11", "2011/12", "2012/13", "Benchmark 2012/13", "2013/14"]
    assert [c.financial_year for c in svc.load_plan(store, plan).columns] == [
        "2010/11", "2011/12", "2012/13", "", "2013/14"]


@pytest.mark.parametrize("heading, said", [
    ("2018/19", "The plan already has a column “2018/19”."),
    ("18/19", "2018/19 is given twice"),
    ("Outturn", "Column “Outturn” has no financial year in it"),
    ("2019/21", "is not a financial year"),
    ("", "Year: type the year's heading"),
])
def test_a_year_the_plan_cannot_take_is_refused_saying_why_and_nothing_changes(store, heading, said):
    plan, _, _ = plan_with_figures(store)
    before = svc.snapshot_plan(store, plan)
    p, log = presenter_on(store)
    assert not p.add_year(heading)
    assert said in p.error
    assert svc.snapshot_plan(store, plan) == before
    assert log.done == []


def test_a_year_with_figures_is_asked_about_and_its_removal_undone_with_them(store):
    plan, section, _ = plan_with_figures(store)
    svc.set_stated_total(store, plan, "2018/19", "£4,000", section_id=section)
    before = svc.snapshot_plan(store, plan)
    p, log = presenter_on(store)
    assert p.remove_year_question(1) == ("Remove the year “2018/19” with its 1 figure and 1 printed total? "
                                         "Edit > Undo brings it back.")
    assert p.remove_year_question(2) == ""  # 2019/20 holds nothing: it goes without asking
    assert p.remove_year(1)
    assert p.columns == ["2017/18", "2019/20"]
    assert log.undo_text == "Undo remove year 2018/19 in plan WSCSP financial implications"
    log.undo()
    assert svc.snapshot_plan(store, plan) == before
    assert next(r for r in p.rows if r.kind == "line").cells[1].text == "£4,000 (£2,000 per district)"


def test_remove_year_with_no_year_chosen_says_what_to_do(store):
    plan_with_figures(store)
    p, log = presenter_on(store)
    assert not p.remove_year(None)
    assert p.error.startswith("Choose a figure in the year to remove")
    assert log.done == []


def test_a_plan_made_read_only_adds_no_year(store):
    plan_with_figures(store)
    p = BudgetsPresenter(store, read_only=True)
    p.reload()
    assert not p.add_year("2020/21")
    assert p.columns == ["2017/18", "2018/19", "2019/20"]


# -- 2. the same through the window ----------------------------------------------------------------------------------

def year_headings(tab):
    return [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in tab.model.year_columns]


def test_a_new_years_plan_gets_its_year_from_the_window_and_edit_undo_names_it(qtbot, empty_tab, prompts):
    tab = empty_tab
    window = tab.window()
    new_plan(qtbot, tab, "WSCSP financial implications", "2017/18, 2018/19")
    add_section(qtbot, tab, "Revenue", "expenditure")
    add_line(qtbot, tab, "E-CINS")
    prompts.texts.append("2019/20")
    qtbot.mouseClick(tab.add_year_button, Qt.MouseButton.LeftButton)
    assert prompts.text_questions[-1][0] == "Add year"
    assert year_headings(tab) == ["2017/18", "2018/19", "2019/20"]
    assert "Change to 2019/20" in [tab.model.headerData(c, Qt.Orientation.Horizontal)
                                   for c in range(tab.model.columnCount())]
    line_row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "line")
    type_cell(qtbot, tab, line_row, tab.model.year_columns[2], "£5,000")
    assert tab.model.row(line_row).cells[2].text == "£5,000"
    window.undo()  # the figure
    assert window.undo_action.text() == "&Undo add year 2019/20 in plan WSCSP financial implications"
    window.undo()
    assert year_headings(tab) == ["2017/18", "2018/19"]


def test_the_year_offered_is_the_next_one_and_a_refusal_is_said_beside_the_grid(qtbot, empty_tab, prompts,
                                                                                 monkeypatch):
    tab = empty_tab
    new_plan(qtbot, tab, "MTFP", "2011/12, 2012/13")
    offered = []
    from safer_desk.ui import prompts as module

    def ask_text(parent, title, label, text=""):
        offered.append(text)
        return "2012/13"

    monkeypatch.setattr(module, "ask_text", ask_text)
    qtbot.mouseClick(tab.add_year_button, Qt.MouseButton.LeftButton)
    assert offered == ["2013/14"]
    assert tab.message.isVisible()
    assert tab.message.text() == "The plan already has a column “2012/13”."
    assert year_headings(tab) == ["2011/12", "2012/13"]


def test_a_year_with_figures_is_removed_from_the_grid_menu_after_asking(qtbot, demo_window, prompts):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    name = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count()) if tab.plan_list.item(i).text() == name)
    tab.plan_list.setCurrentItem(item)
    assert year_headings(tab) == ["2017/18", "2018/19", "2019/20"]
    line_row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "line")
    tab.view.setCurrentIndex(tab.model.index(line_row, tab.model.year_columns[1]))
    menu = tab.view.context_menu(tab.model.year_columns[1] + 1)  # its change column names the same year
    remove = next(a for a in menu.actions() if a.text().startswith("Remove Year"))
    assert remove.text() == "Remove Year 2018/19…"
    remove.trigger()  # answered Cancel
    assert prompts.questions[-1][0] == "Remove year"
    assert prompts.questions[-1][1].startswith("Remove the year “2018/19” with its 3 figures")
    assert year_headings(tab) == ["2017/18", "2018/19", "2019/20"]
    prompts.answers.append(True)
    qtbot.mouseClick(tab.remove_year_button, Qt.MouseButton.LeftButton)  # the chosen cell's year
    assert year_headings(tab) == ["2017/18", "2019/20"]
    assert demo_window.undo_action.text() == "&Undo " + undo_words(f"remove year 2018/19 in plan {WSCSP}")
    demo_window.undo()
    assert year_headings(tab) == ["2017/18", "2018/19", "2019/20"]
    assert tab.model.row(line_row).cells[1].text



# -- 3. a line linked (and unlinked) from the window: what actually happened beside the plan --------------------------

WSCSP = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
FUND = "Suffolk Target Hardening Pilot"


def test_a_line_is_linked_to_a_review_shown_with_what_it_cost_and_unlinked_each_in_one_step(demo_store):
    p, log = presenter_on(demo_store)
    p.select(svc.plan_id_by_name(demo_store, WSCSP))
    row = next(r for r in p.rows if r.label == "E-CINS/Athena Partnership Platform")
    review = next(i for i, name in p.link_choices()["review"] if name == "WSCSP-DHR-2017-01")
    assert p.link_line(row.line_id, "review", review)
    assert log.undo_text == ("Undo link line E-CINS/Athena Partnership Platform to review WSCSP-DHR-2017-01 in plan "
                             f"{WSCSP}")
    row = next(r for r in p.rows if r.label == "E-CINS/Athena Partnership Platform")
    assert row.label_tip == "Linked to Review WSCSP-DHR-2017-01: cost"
    assert [c.actual for c in row.cells] == ["£7,525.58", "", ""]
    assert not p.link_line(row.line_id, "review", review)  # twice would count it twice
    assert p.error == "The line is already linked to that review's cost: a second link would count it twice."
    log.undo()
    row = next(r for r in p.rows if r.label == "E-CINS/Athena Partnership Platform")
    assert row.links == () and [c.actual for c in row.cells] == ["", "", ""]
    log.redo()
    row = next(r for r in p.rows if r.label == "E-CINS/Athena Partnership Platform")
    assert p.unlink_line(row, row.links[0])
    assert log.undo_text == ("Undo unlink line E-CINS/Athena Partnership Platform from Review WSCSP-DHR-2017-01: "
                             f"cost in plan {WSCSP}")
    assert next(r for r in p.rows if r.label == "E-CINS/Athena Partnership Platform").links == ()


def test_a_link_with_nothing_chosen_is_refused_saying_what_to_choose(demo_store):
    p, log = presenter_on(demo_store)
    p.select(svc.plan_id_by_name(demo_store, WSCSP))
    row = next(r for r in p.rows if r.kind == "line")
    assert not p.link_line(row.line_id, "fund", None)
    assert p.error == ("Link: choose the project, pooled fund or review the line “Domestic Homicide Reviews "
                       "(DHRs)” is linked to.")
    assert not p.link_line(None, "fund", "x")
    assert p.error.startswith("Choose a line first")
    assert log.done == []


def test_a_line_is_linked_to_one_councils_contributions_through_the_window(qtbot, demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count()) if tab.plan_list.item(i).text() == WSCSP)
    tab.plan_list.setCurrentItem(item)
    at = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label.startswith("E-CINS"))
    tab.view.setCurrentIndex(tab.model.index(at, tab.model.year_columns[1]))
    qtbot.mouseClick(tab.link_line_button, Qt.MouseButton.LeftButton)
    dialog = tab.link_dialog
    assert dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("fund"))
    dialog.target.setCurrentIndex(dialog.target.findText(FUND))
    assert not dialog.organisation.isEnabled()  # the fund's spend: from no one in particular
    dialog.measure.setCurrentIndex(dialog.measure.findData("contributions"))
    dialog.organisation.setCurrentIndex(dialog.organisation.findText("Babergh District Council"))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert demo_window.undo_action.text() == "&Undo " + undo_words(
        f"link line E-CINS/Athena Partnership Platform to fund {FUND} (contributions from Babergh District Council) in "
        f"plan {WSCSP}")
    tip = tab.model.index(at, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Linked to Fund {FUND}: contributions from Babergh District Council\n" \
        f"“—” (not started) in 2017/18: {FUND} began in April 2018."
    assert "Actually (what the line is linked to shows): £2,000" in tab.model.index(
        at, tab.model.year_columns[1]).data(Qt.ItemDataRole.ToolTipRole)
    menu = tab.view.context_menu(tab.model.year_columns[1])
    unlink = next(a for a in menu.actions() if a.text().startswith("Unlink from"))
    unlink.trigger()
    assert tab.model.index(at, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    demo_window.undo()
    assert tab.model.index(at, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("Linked to Fund")


def test_link_line_with_a_section_chosen_says_to_choose_a_line(qtbot, demo_window):
    tab = demo_window.show_tab("budgets")
    tab.view.setCurrentIndex(tab.model.index(0, 0))  # a section's name
    assert tab.link_line() is None
    assert tab.message.text().startswith("Choose a line first")


# -- 4. splits an older version kept as notes: said, and read as splits only when asked -------------------------------

def plan_saved_by_an_older_version(store):
    """As versions before splits per borough were read saved "£4,000 (£1,500 per Borough)": an amount with a note."""
    plan, _, line = plan_with_figures(store)
    svc.set_cell(store, line, "2019/20", Cell("amount", 400_000, "£4,000 (£1,500 per Borough)",
                                               "£1,500 per Borough"))
    svc.set_cell(store, line, "2017/18", Cell("amount", 400_000, "£4,000 (£2,000 per district, agreed)",
                                               "£2,000 per district, agreed", stated_change="1.7"))
    return plan, line


def test_a_split_kept_as_a_note_is_said_and_read_as_a_split_only_when_asked(store):
    plan, _ = plan_saved_by_an_older_version(store)
    p, log = presenter_on(store)
    said, every = p.splits_in_notes()
    assert every.count("\n") == 1
    assert said == ("ℹ 2 cells keep a split in their notes, as an older version saved them, so they are not checked "
                    "against the amount: Target hardening, 2017/18 (“£2,000 per district, agreed”); Target "
                    "hardening, 2019/20 (“£1,500 per Borough”).")
    row = next(r for r in p.rows if r.kind == "line")
    assert p.split_note_tip(row, 2).startswith("Its note states a split")
    assert p.split_note_tip(row, 1) == ""  # typed now: read as a split already
    assert p.warnings() == ()  # nothing read differently until asked
    assert p.read_notes_as_splits()
    assert log.undo_text == "Undo read 2 notes as splits in plan WSCSP financial implications"
    assert p.splits_in_notes() == ("", "")
    assert p.warnings() == ("Target hardening, 2019/20: £4,000 is not a whole number of £1,500 borough shares.",)
    cells = svc.load_plan(store, plan).sections[0].lines[0].cells
    first = cells[svc.column_id(store, plan, "2017/18")]
    assert (first.amount_pence, first.per_district_pence, first.note, first.stated_change) == (
        400_000, 200_000, "agreed", "1.7")
    assert next(r for r in p.rows if r.kind == "line").cells[2].text == "£4,000 (£1,500 per borough)"
    log.undo()
    assert p.splits_in_notes()[0].startswith("ℹ 2 cells")
    assert p.warnings() == ()


def test_a_plain_note_and_a_plan_in_thousands_are_read_as_typed_now(store):
    plan = svc.create_plan(store, "Revenue", columns=["2011/12"], unit="thousand")
    line = svc.add_line(store, svc.add_section(store, plan, "Costs"), "Employees")
    svc.set_cell(store, line, "2011/12", Cell("amount", 300_000, "3 (1.5 per district)", "1.5 per district"))
    other = svc.add_line(store, svc.add_section(store, plan, "More"), "Transport")
    svc.set_cell(store, other, "2011/12", "£5,000 (Agreed at the board)")
    found = svc.splits_in_notes(svc.load_plan(store, plan))
    assert [(ln.label, cell.per_district_pence) for ln, _, cell in found] == [("Employees", 150_000)]


def test_the_window_says_which_cells_and_reads_them_with_the_button(qtbot, empty_tab):
    tab = empty_tab
    plan_saved_by_an_older_version(tab.presenter.store)
    tab.presenter.reload()
    assert tab.split_notes_row.isVisible()
    assert tab.split_notes.text().startswith("ℹ 2 cells keep a split in their notes")
    at = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "line")
    tip = tab.model.index(at, tab.model.year_columns[2]).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("£1,500 per Borough\n") and "Its note states a split" in tip
    qtbot.mouseClick(tab.read_splits_button, Qt.MouseButton.LeftButton)
    assert not tab.split_notes_row.isVisible()
    assert tab.window().undo_action.text() == "&Undo read 2 notes as splits in plan WSCSP financial implications"
    assert "⚠" in tab.model.index(at, tab.model.year_columns[2]).data()


# -- 5. a year removed takes the changes the paper printed on it ----------------------------------------------------

REVENUE = "East Sussex Community Safety revenue budget 2010/11 – 2014/15 (£'000)"


def test_removing_a_year_does_not_flag_the_papers_printed_changes_on_it_as_wrong_two_year_changes(demo_store):
    """Seed 004's revenue table prints each annual change, e.g. (27.5) into 2012/13 on 2011/12. With 2011/12 removed
    that change was checked against 2010/11 and flagged as a "2-year change" the paper never printed (three times)."""
    p, log = presenter_on(demo_store)
    p.select(svc.plan_id_by_name(demo_store, REVENUE))
    before = p.warnings()
    assert p.remove_year_question(1) == (
        "Remove the year “2011/12 Budget” with its 2 figures, 1 printed total and the 3 changes the paper printed "
        "into it? The 3 changes the paper printed into “2012/13 Budget” were on “2011/12 Budget”, and go with it. "
        "Edit > Undo brings it back.")
    assert p.remove_year(1)
    assert p.warnings() == ()
    assert not any("2-year change" in w for w in p.view.unchecked)
    log.undo()
    assert p.warnings() == before
    rows = {r.label: r for r in p.view.rows}
    assert rows["A Budget Net"].cells[2].change is not None
