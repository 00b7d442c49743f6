"""Budgets, round 44 (bu4).

1. A line linked to a project whose cost lines give a year for some lines only (its staff by year, its evaluation
   undated) showed the whole stated cost under the dated lines' years: £30,000 read as £30,000 in 2025/26, where
   the lines date £10,000 there. A line without a year counts where the cost would without lines by year (the start
   date's year), as Commissioning counts it; with no start date either, it is in no year's actual, and the line's
   note says so.
2. In a county file where Babergh keyed a "Sanctuary fund" and Mid Suffolk a "Sanctuary Fund", Link line… listed two
   "Sanctuary fund"s alike, the linked line's tooltip and the board report named whichever as the bare name, and a
   fund typed as "sanctuary FUND" took whichever came first. Each is named with its office, as Costs names it; a
   typed name takes the fund spelt so, and one reading as both is refused, naming each.
3. Del on a line's name with several rows chosen (Shift+Down from the name) deleted that one line; the others chosen
   stayed, unsaid. Each line and section of the rows chosen is deleted, asked once, as one step of Edit > Undo.
4. `safer-desk budget` printed "£4,000 (£2,000 per District)" as 4000 alone: the split the paper states was lost. A
   per_district column gives it (2000), empty for a cell with none.
5. The board report's budgets section named a linked project by its title alone ("actual: Project Sanctuary
   scheme: cost") where the grid names it by ref and title, and in a county file its office.
Found: a new plan's Years typed with spaces between them ("2024/25 2025/26") was refused as one heading naming two
years; each is now a column, as with commas.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.budgets import BudgetError
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.report_sections.budgets import plan_table
from safer_desk.services.projects import add_projects, load_projects, project_from_fields, save_project
from safer_desk.storage.store import open_store
from tests.budgets.test_link_dialog_round42tsv import LINE, MID, files  # noqa: F401 (the fixture)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "office.sqlite", create=True)
    yield s
    s.close()


def _plan_with_line(store):
    plan = svc.create_plan(store, "Community safety budget", columns=["2024/25", "2025/26"])
    line = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), "Street pastors")
    return plan, line


def _linked_row(store, **fields):
    add_projects(store, [project_from_fields(
        {"title": "Street pastors", "ref": "7", "laa_outcome": "yes", **fields},
        cost_lines=[("2025/26", "staff", "coordinator", "£10,000"),
                    ("", "evaluation", "independent evaluation", "£20,000")])])
    plan, line = _plan_with_line(store)
    (project,) = load_projects(store)
    svc.link_line(store, line, project=project.id)
    view = svc.plan_view(store, plan)
    row = next(r for r in view.rows if r.line_id == line)
    return {c.financial_year: a.pence for c, a in zip(view.plan.columns, row.actuals)}, row


@pytest.mark.parametrize("cost", ["£30,000", ""])
def test_a_cost_line_without_a_year_is_not_counted_in_the_dated_lines_years(store, cost):
    shown, row = _linked_row(store, cost=cost, start_date="01/04/2024")
    assert shown == {"2024/25": 2_000_000, "2025/26": 1_000_000}
    assert row.actuals_note == ""


@pytest.mark.parametrize("cost", ["£30,000", ""])
def test_a_cost_line_with_no_year_and_no_start_date_is_said_as_in_no_years_actual(store, cost):
    shown, row = _linked_row(store, cost=cost)
    assert shown == {"2024/25": None, "2025/26": 1_000_000}
    assert row.actuals_note == ("Project 7. Street pastors: cost: £20,000 of it is in no year (the project has no "
                                "start date, and no cost line gives that money a year), so no year's actual counts "
                                "it; give the project its start date, or its cost lines their years, to count it.")


def test_a_stated_cost_with_no_year_at_all_is_said_beside_the_actual_and_in_the_board_report(store):
    add_projects(store, [project_from_fields({"title": "Outreach", "ref": "8", "laa_outcome": "yes",
                                              "cost": "£5,000"})])
    plan, line = _plan_with_line(store)
    svc.link_line(store, line, project=load_projects(store)[0].id)
    view = svc.plan_view(store, plan)
    said = "Project 8. Outreach: cost: £5,000 of it is in no year"
    assert said in next(r for r in view.rows if r.line_id == line).actuals_note
    assert said in plan_table(view).note


# -- 2. two offices' funds whose names read alike --------------------------------------------------------------------

@pytest.fixture
def county(tmp_path):
    from tests.costs.test_fund_alike_names_round43cpd import _files

    made = _files(tmp_path)
    made.plan, made.line = _plan_with_line(made.county)
    yield made
    made.county.close()


FUND_B = "Sanctuary fund (merged from Babergh office)"
FUND_M = "Sanctuary Fund (merged from Mid Suffolk office)"


def _actual_label(store, plan, line):
    view = svc.plan_view(store, plan)
    row = next(r for r in view.rows if r.line_id == line)
    table = plan_table(view)
    return row, next(r[0] for r in table.rows if r[0].startswith("    actual:"))


def test_link_line_lists_each_offices_fund_with_its_office(county):
    p = BudgetsPresenter(county.county)
    p.reload()
    assert sorted(name for _, name in p.link_choices()["fund"]) == ["Babergh sanctuary top-up", FUND_M, FUND_B]
    assert dict(p.link_choices()["fund"])[county.mid] == FUND_M


def test_a_linked_fund_is_named_with_its_office_in_the_tooltip_and_the_board_report(county):
    svc.link_line(county.county, county.line, fund=county.mid)
    row, actual = _actual_label(county.county, county.plan, county.line)
    assert [k.describe() for k in row.links] == [f"Fund {FUND_M}: spend"]
    assert actual == f"    actual: Fund {FUND_M}: spend"
    p = BudgetsPresenter(county.county)
    p.reload()
    p.select(county.plan)
    assert f"Linked to Fund {FUND_M}: spend" in next(r for r in p.rows if r.line_id == county.line).label_tip


def test_a_typed_fund_name_takes_the_fund_spelt_so_and_refuses_one_reading_as_both(county):
    with pytest.raises(BudgetError) as refused:
        svc.link_line(county.county, county.line, fund="SANCTUARY FUND")
    assert str(refused.value) == (f"“SANCTUARY FUND” reads as 2 funds: {FUND_M}; {FUND_B}. Give the name as it is "
                                  "spelt there.")
    assert not svc.line_links(county.county, county.plan)
    svc.link_line(county.county, county.line, fund="Sanctuary Fund")
    (link,) = svc.line_links(county.county, county.plan)[county.line]
    assert link.target_id == county.mid


# -- 5. the board report names a linked project as the grid does ------------------------------------------------------

def test_the_board_report_names_a_linked_project_by_ref_title_and_office(files):  # noqa: F811
    store = open_store(files.county)
    try:
        line = next(r.line_id for r in svc.plan_view(store, files.plan).rows if r.label == LINE)
        svc.link_line(store, line, project=files.mid_id)
        view = svc.plan_view(store, files.plan)  # its cost in no year: said under the table
        assert f"Project {MID}: cost: £12,000 of it is in no year" in plan_table(view).note
        (project,) = load_projects(store, [files.mid_id])
        save_project(store, replace(project, start_date="2025-04-01"))
        assert _actual_label(store, files.plan, line)[1] == f"    actual: Project {MID}: cost"
    finally:
        store.close()


# -- 3. Del on the names of several chosen lines -----------------------------------------------------------------

FIRST, SECOND = "Target Hardening for High Risk DV Victims", "E-CINS/Athena Partnership Platform"


@pytest.fixture
def western(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    names = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(names) if "Western Suffolk" in n))
    return tab


def _labels(tab) -> list[str]:
    return [tab.model.row(r).label for r in range(tab.model.rowCount())]


def _chosen_down(qtbot, tab, label: str, column: int = 0) -> None:
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(_labels(tab).index(label), column))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)


def test_del_on_two_chosen_lines_names_deletes_both_after_asking_once_as_one_undo_step(qtbot, western, prompts,
                                                                                       demo_window):
    before = _labels(western)
    _chosen_down(qtbot, western, FIRST)
    prompts.answers.append(True)
    qtbot.keyClick(western.view, Qt.Key.Key_Delete)
    title, question = prompts.questions[-1]
    assert title == "Delete lines"
    assert question.startswith(f"Delete 2 lines, “{FIRST}” with its 3 figures and “{SECOND}” with its 3 figures? "
                               f"“{FIRST}” counts Fund Suffolk Target Hardening Pilot")
    assert _labels(western) == [x for x in before if x not in (FIRST, SECOND)]
    at = western.view.currentIndex()  # the row in the first one's place is chosen
    assert (at.data(), at.column()) == (before[before.index(SECOND) + 1], 0)
    assert demo_window.session.undo_stack.undoText() == f"Delete 2 lines in plan {western.presenter.view.plan.name}"
    demo_window.undo_action.trigger()
    assert _labels(western) == before


def test_del_on_chosen_names_answered_cancel_deletes_nothing(qtbot, western, prompts):
    before = _labels(western)
    _chosen_down(qtbot, western, FIRST)
    prompts.answers.append(False)
    qtbot.keyClick(western.view, Qt.Key.Key_Delete)
    assert prompts.questions and _labels(western) == before


def test_a_chosen_section_takes_its_chosen_lines_with_it(store):
    from safer_desk.presenters.actions import ActionLog

    plan = svc.create_plan(store, "Community safety budget", columns=["2025/26"])
    spend = svc.add_section(store, plan, "Expenditure")
    for label in ("Outreach", "Refuge"):
        svc.add_line(store, spend, label)
    svc.add_line(store, svc.add_section(store, plan, "Income and grants", kind="income"), "Grant")
    log = ActionLog()
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    p.select(plan)
    chosen = [r for r in p.rows if r.label in ("Expenditure", "Outreach", "Grant")]
    assert [r.label for r in p.rows_to_delete(chosen)] == ["Expenditure", "Grant"]
    assert p.delete_rows_question(chosen) == "Delete 2 rows, the section “Expenditure” with its 2 lines and “Grant”?"
    assert p.delete_rows(chosen)
    assert [r.label for r in p.rows if r.kind in ("section", "line")] == ["Income and grants"]
    log.undo()
    assert [r.label for r in p.rows if r.kind in ("section", "line")] == ["Expenditure", "Outreach", "Refuge",
                                                                          "Income and grants", "Grant"]


# -- 4. the command line's CSV with a cell's split per district -----------------------------------------------------

def test_budget_csv_gives_a_cells_split_per_district(demo_path, capsys):
    import csv
    import io

    from safer_desk.cli import main
    from safer_desk.services.demo_data import budgets as demo

    assert main(["budget", str(demo_path), demo.IMPLICATIONS]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    hardening = {r["year"]: (r["amount"], r["status"], r["per_district"]) for r in rows
                 if r["line"] == FIRST}
    assert hardening == {"2017/18": ("0", "amount", ""), "2018/19": ("4000", "amount", "2000"),
                         "2019/20": ("", "nk", "")}
    assert all(r["per_district"] == "" for r in rows if r["status"] != "amount")


# -- found: a plan's years typed with spaces between them ------------------------------------------------------------

@pytest.mark.parametrize(("years", "columns"), [
    ("2024/25 2025/26 2026/27", ["2024/25", "2025/26", "2026/27"]),
    ("24/25  25/26 26/27", ["24/25", "25/26", "26/27"]),  # each heading kept as typed, as with commas
])
def test_new_plan_years_typed_with_spaces_between_are_each_a_column(qtbot, empty_tab, years, columns):
    qtbot.keyClicks(empty_tab.plan_name, "Community safety budget")
    qtbot.keyClicks(empty_tab.plan_years, years)
    qtbot.keyClick(empty_tab.plan_years, Qt.Key.Key_Return)
    assert empty_tab.presenter.error == ""
    assert empty_tab.presenter.columns == columns


def test_a_heading_with_words_beside_its_year_is_still_one_column(qtbot, empty_tab):
    qtbot.keyClicks(empty_tab.plan_name, "Revenue budget")
    qtbot.keyClicks(empty_tab.plan_years, "2010/11 Budget, 2011/12 Budget")
    qtbot.keyClick(empty_tab.plan_years, Qt.Key.Key_Return)
    assert empty_tab.presenter.columns == ["2010/11 Budget", "2011/12 Budget"]
