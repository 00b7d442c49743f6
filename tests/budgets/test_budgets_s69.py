"""Round 69's hunt on the Budgets tab, as a district officer types a plan from the papers."""

from __future__ import annotations

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service


def test_years_typed_with_semicolons_between_them_are_each_a_column(store):
    """'2026/27; 2027/28' (as a list is often written) made a column headed "2026/27;", semicolon and all, shown so
    in the grid, the board report and the workbook: the semicolon separates the years as a comma does."""
    presenter = BudgetsPresenter(store)
    presenter.reload()
    plan = presenter.new_plan("CSP budget", "2026/27; 2027/28;2028/29")
    assert plan is not None, presenter.error
    assert presenter.columns == ["2026/27", "2027/28", "2028/29"]
    assert [c.financial_year for c in service.load_plan(store, plan).columns] == ["2026/27", "2027/28", "2028/29"]


def _plan_with_a_grant_to_be_confirmed(store) -> BudgetsPresenter:
    """Staff £1,234.50 and £1,200; a PCC grant (income, taken away) of £1,000, then TBC: 2025/26's total is shown
    "£1,200 − TBC"."""
    presenter = BudgetsPresenter(store)
    presenter.reload()
    plan = presenter.new_plan("CSP budget", "2024/25, 2025/26")
    assert presenter.add_section("Spend") and presenter.add_line(presenter.sections()[-1][0], "Staff")
    assert presenter.add_section("Income", "income") and presenter.add_line(presenter.sections()[-1][0], "PCC grant")
    lines = {r.label: r.line_id for r in presenter.rows if r.kind == "line"}
    service.set_cells(store, [(lines["Staff"], "2024/25", "£1,234.50"), (lines["Staff"], "2025/26", "£1,200"),
                              (lines["PCC grant"], "2024/25", "£1,000"), (lines["PCC grant"], "2025/26", "TBC")])
    presenter.select(plan)
    return presenter


def test_a_total_less_a_grant_to_be_confirmed_says_so_beside_it_when_copied(store):
    """The grid shows 2025/26's total "£1,200 − TBC" (a grant still to be confirmed comes off it), but Ctrl+C and
    Export… gave Excel 1200 with no "Not in the figures" column: a total read as complete. Only a TBC added ("+ TBC")
    was said; one taken away is said too, with its sign."""
    from safer_desk.presenters.budgets import LEFT_OUT_HEADING, left_out_words

    presenter = _plan_with_a_grant_to_be_confirmed(store)
    total = next(r for r in presenter.rows if r.kind == "total")
    assert [c.text for c in total.cells] == ["£234.50", "£1,200 − TBC"]
    assert left_out_words(total, presenter.columns) == "2025/26: − TBC"
    sheet = presenter.plan_sheet()
    assert sheet.header[:2] == ["Line", LEFT_OUT_HEADING]
    by_line = {r[0]: dict(zip(sheet.header, r)) for r in sheet.rows}
    assert by_line["Total"][LEFT_OUT_HEADING] == "2025/26: − TBC" and by_line["Total"]["2025/26"] == 120000
    assert by_line["Staff"][LEFT_OUT_HEADING] == ""


def test_a_year_added_with_a_semicolon_after_it_is_headed_as_the_year(store):
    """Add year… typed "2027/28;" (the separator of a list typed out of habit) headed the new column "2027/28;" and
    Edit > Undo said "Undo add year 2027/28;"; a separator after the heading is not part of it."""
    from safer_desk.presenters.actions import ActionLog

    log = ActionLog()
    presenter = BudgetsPresenter(store, perform=log)
    presenter.reload()
    plan = presenter.new_plan("CSP budget", "2025/26, 2026/27")
    assert presenter.add_year("2027/28;"), presenter.error
    assert presenter.columns == ["2025/26", "2026/27", "2027/28"]
    assert log.undo_text == "Undo add year 2027/28 in plan CSP budget"
    log.undo()
    assert presenter.columns == ["2025/26", "2026/27"]
    log.redo()
    assert presenter.columns == ["2025/26", "2026/27", "2027/28"]
    service.add_column(store, plan, "2028/29 Budget,")
    assert [c.label for c in service.load_plan(store, plan).columns][-1] == "2028/29 Budget"


def test_a_figure_typed_as_a_line_name_is_refused_saying_where_figures_go(store):
    """"£4,000" typed in the Line box (the figure meant for the line) made a line named "£4,000" with no figure: the
    plan's total read £0 and nothing said why. A name that is an amount, or a formula copied from Excel's formula
    bar, is refused saying where the figure goes; a name with figures in it stays a name."""
    presenter = BudgetsPresenter(store)
    presenter.reload()
    presenter.new_plan("CSP budget", "2025/26")
    assert presenter.add_section("Spend")
    section = presenter.sections()[-1][0]
    for typed in ("£4,000", "4000", "(1,250.50)", "=SUM(B2:B4)"):
        assert not presenter.add_line(section, typed)
        assert f"“{typed}”" in presenter.error and "name" in presenter.error
    assert "type its figures in the grid" in presenter.error or "formula" in presenter.error
    assert [r.label for r in presenter.rows if r.kind == "line"] == []
    for name in ("1:1 support", "10% retained", "Target hardening (£2,000 per District)"):
        assert presenter.add_line(section, name), presenter.error
    line = next(r for r in presenter.rows if r.kind == "line")
    try:
        service.update_line(store, line.line_id, label="£4,000")
    except service.BudgetError as exc:
        assert "“£4,000”" in str(exc)
    else:
        raise AssertionError("a line renamed to a figure was taken")
