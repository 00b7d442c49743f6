"""A tester's finding (h18): a plan whose years skip one (a paper printing 2011/12 and 2013/14 only) was taken, and its
"Change to 2013/14" column, and the report's "Annual change %", showed a change over two years as if it were a
year's. Such a plan is kept (a paper may skip a year; an older file may hold one): the change says what it compares."""

from PySide6.QtCore import Qt

from safer_desk.services import budgets as svc
from safer_desk.services.report_sections.budgets import plan_table
from tests.budgets.test_budgets_round22 import add_line, add_section, new_plan
from tests.budgets.test_budgets_view import type_cell


def test_the_grid_says_a_change_across_a_skipped_year_is_over_two_years(qtbot, empty_tab):
    tab = empty_tab
    new_plan(qtbot, tab, "Paper skipping a year", "2011/12, 2013/14, 2014/15")
    assert tab.presenter.error == ""
    add_section(qtbot, tab, "Spend", "expenditure")
    add_line(qtbot, tab, "Drugs")
    m = tab.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["Line", "2011/12", "2013/14", "2-year change to 2013/14", "2014/15", "Change to 2014/15"]
    row = next(r for r in range(m.rowCount()) if m.row(r).kind == "line")
    for column, text in ((1, "£1,000"), (2, "£1,210"), (4, "£1,331")):
        type_cell(qtbot, tab, row, column, text)
    # By hand: 1,210 - 1,000 = +210 over the two years, +21.0%; 1,331 - 1,210 = +121 in one, +10.0%.
    assert m.index(row, 3).data() == "+£210 (+21.0%)"
    assert m.index(row, 5).data() == "+£121 (+10.0%)"
    tip = m.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "2011/12" in tip and "two years" in tip and "year before" not in tip
    assert "Change on the year before" in m.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)


def gap_plan(store):
    plan = svc.create_plan(store, "Revenue", columns=["2011/12", "2013/14", "2014/15"], show_changes=True)
    line = svc.add_line(store, svc.add_section(store, plan, "Spend"), "Drugs")
    for year, text in (("2011/12", "£1,000"), ("2013/14", "£1,210"), ("2014/15", "£1,331")):
        svc.set_cell(store, line, year, text)
    return plan


def test_the_report_heads_a_change_across_a_skipped_year_as_a_two_year_change(store):
    table = plan_table(svc.plan_view(store, gap_plan(store)))
    assert table.header == ["", "2011/12", "2-year change %", "2013/14", "Annual change %", "2014/15"]
    assert next(r for r in table.rows if r[0].strip() == "Drugs")[1:] == ["£1,000", "21.0", "£1,210", "10.0",
                                                                          "£1,331"]
    assert "2013/14 is on 2011/12, two years before" in table.note


def test_a_printed_change_across_a_skipped_year_is_checked_as_a_two_year_change(store):
    plan = gap_plan(store)
    line = next(r.line_id for r in svc.plan_view(store, plan).rows if r.kind == "line")
    svc.set_cell(store, line, "2013/14", "£1,210", stated_change="10.5")
    warnings = svc.plan_view(store, plan).warnings
    assert len(warnings) == 1 and "a 2-year change of 10.5" in warnings[0] and "annual" not in warnings[0]
