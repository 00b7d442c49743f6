"""A tester's findings (h26c) on the Budgets tab: a total with a TBC or N/K in it ("£9,000 + TBC") pasted into Excel
as 9000 alone, a figure that reads as complete; and "£9,000 + TBC" typed into a cell is refused saying how to enter
it."""

import pytest

from safer_desk.domain.budgets import BudgetError, parse_cell
from safer_desk.services import budgets as svc
from tests.budgets.test_budgets_round25 import plan_with_figures, presenter_on
from tests.budgets.test_budgets_view import choose_plan, type_cell_left_open
from tests.clipboard import copied_with_ctrl_c

WESTERN = "Western Suffolk"


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("budgets")


def test_a_total_with_tbc_in_it_is_copied_for_excel_with_what_it_leaves_out_beside_the_line(qtbot, tab):
    """Seed 002 §6's 2018/19 Net Effect is shown “£9,000 + TBC”: Ctrl+C gave Excel 9000, and nothing in the pasted
    block said the DHRs' TBC was not in it. The figure stays a number Excel adds, and a column beside the line's name
    says what each of its totals leaves out."""
    choose_plan(tab, WESTERN)
    rows = copied_with_ctrl_c(qtbot, tab.view)
    assert rows[0][:3] == ["Line", "Not in the figures", "2017/18"]
    by_line = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    net = by_line["Net Effect"]
    assert (net["2018/19"], net["2019/20"], net["Total"]) == ("9000", "N/K", "21525.58")
    assert net["Not in the figures"] == "2018/19: TBC; Total: TBC + N/K"
    assert by_line["Domestic Homicide Reviews (DHRs)"]["Not in the figures"] == "Total: TBC + N/K"
    assert by_line["E-CINS/Athena Partnership Platform"]["Not in the figures"] == "Total: N/K"
    assert by_line["Revenue/Capital/Expenditure/Income Item"]["Not in the figures"] == ""
    for row in rows:
        assert len(row) == len(rows[0])


def test_a_plan_whose_totals_are_complete_copies_no_such_column(qtbot, tab):
    choose_plan(tab, "East Sussex Community Safety MTFP")
    assert "Not in the figures" not in copied_with_ctrl_c(qtbot, tab.view)[0]


@pytest.mark.parametrize("typed, figure, word", [("£9,000 + TBC", "£9,000", "TBC"), ("9000+tbc", "9000", "TBC"),
                                                 ("TBC + £9,000", "£9,000", "TBC"), ("£2,500 + N/K", "£2,500", "N/K")])
def test_a_figure_and_tbc_in_one_cell_is_refused_saying_how_to_enter_them(typed, figure, word):
    with pytest.raises(BudgetError) as refused:
        parse_cell(typed)
    assert str(refused.value) == (
        f"“{typed}” is part known and part {word}, and a cell holds one or the other: type {figure} here and {word} in "
        f"a line of its own, so the totals read “+ {word}”, or {word} with the known part as its note: {word} "
        f"({figure} known so far).")
    # Either way it advises reads as it says.
    assert parse_cell(figure).status == "amount"
    advised = parse_cell(f"{word} ({figure} known so far)")
    assert (advised.status, advised.note) == ({"TBC": "tbc", "N/K": "nk"}[word], f"{figure} known so far")


@pytest.mark.parametrize("typed", ["£9,000 + £3,000", "£9,000 + extra", "£9,000.123 + TBC", "nil + TBC"])
def test_other_sums_in_a_cell_keep_the_general_refusal(typed):
    with pytest.raises(BudgetError, match="A cell is an amount"):
        parse_cell(typed)


def test_typed_into_the_grid_the_refusal_is_said_beside_it_and_the_cell_keeps_what_it_held(qtbot, tab):
    choose_plan(tab, WESTERN)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith("Domestic"))
    type_cell_left_open(qtbot, tab, row, tab.model.year_columns[1], "£9,000 + TBC")
    assert tab.message.isVisible()
    assert "type £9,000 here and TBC in a line of its own" in tab.message.text()
    assert tab.presenter.rows[row].cells[1].text == "TBC"


def test_the_presenter_refuses_it_and_writes_nothing(store):
    plan, _, line = plan_with_figures(store)
    before = svc.snapshot_plan(store, plan)
    p, log = presenter_on(store)
    assert not p.set_cell(line, "2019/20", "£9,000 + TBC")
    assert p.error.startswith("Target hardening, 2019/20: “£9,000 + TBC” is part known and part TBC")
    assert svc.snapshot_plan(store, plan) == before and log.done == []


# -- a line linked to a project with a queried cost line -------------------------------------------------------------

def test_a_line_linked_to_a_project_with_a_queried_cost_line_shows_its_cost_not_the_lines_read(demo_store):
    """Seed 000's Recre8 costs £26,000 in 2009/10; one of its lines is the paper's “£3.250”, queried. A plan line linked
    to it showed “Actually” £22,750 for 2009/10 (the queried line left out without a word), where Commissioning
    commits £26,000 for that year."""
    from safer_desk.services import projects as projects_svc

    recre8 = next(p for p in projects_svc.load_projects(demo_store) if p.ref == "7")
    plan = svc.create_plan(demo_store, "Partnership plan 2009/10", columns=["2009/10", "2010/11"])
    line = svc.add_line(demo_store, svc.add_section(demo_store, plan, "Projects"), "Recre8")
    svc.set_cell(demo_store, line, "2009/10", "£26,000")
    svc.link_line(demo_store, line, project=recre8.title)
    row = next(r for r in svc.plan_view(demo_store, plan).rows if r.line_id == line)
    assert [a.pence for a in row.actuals] == [2_600_000, None]
    # ELEV8's lines reconcile with its £101,500: each year as its lines give it, as before.
    elev8 = next(p for p in projects_svc.load_projects(demo_store) if p.ref == "5")
    svc.unlink_line(demo_store, row.links[0].id)
    svc.link_line(demo_store, line, project=elev8.title)
    row = next(r for r in svc.plan_view(demo_store, plan).rows if r.line_id == line)
    assert [a.pence for a in row.actuals] == [4_650_000, 5_500_000]
