"""A plan's years go oldest first, as the paper's columns do: "Change to" a year is worked out from the year before
it. Typed newest first ("2020/21, 2019/20"), the change into 2019/20 was worked out from 2020/21, a wrong figure
under the wrong heading, without a word."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.budgets import BudgetError
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc


def test_a_new_plan_with_its_years_newest_first_is_refused_saying_they_go_oldest_first(store):
    with pytest.raises(BudgetError, match="oldest first") as refused:
        svc.create_plan(store, "Financial implications", columns=["2020/21", "2019/20"])
    assert "2019/20, 2020/21" in str(refused.value)
    assert svc.list_plans(store) == []


def test_the_new_plan_form_says_so_and_makes_nothing(store):
    p = BudgetsPresenter(store)
    p.reload()
    assert p.new_plan("Financial implications", "2020/21, 2019/20") is None
    assert "oldest first" in p.error and "2019/20, 2020/21" in p.error
    assert svc.list_plans(store) == []
    assert p.new_plan("Financial implications", "2019/20, 2020/21") is not None and p.error == ""


def test_a_heading_beside_its_year_may_come_after_a_later_year(store):
    """Seed 004's unit costs: "East Sussex 2009/10", "Benchmark 2009/10": a heading beside a year is not a year
    column of its own, and years given once each, oldest first, are taken."""
    plan = svc.create_plan(store, "Unit costs", columns=["2009/10", "2010/11", ("Benchmark 2009/10", "")])
    assert [c.label for c in svc.load_plan(store, plan).columns] == ["2009/10", "2010/11", "Benchmark 2009/10"]


def test_a_year_added_out_of_order_is_refused(store):
    plan = svc.create_plan(store, "Plan", columns=["2019/20", "2020/21"])
    with pytest.raises(BudgetError, match="oldest first"):
        svc.add_column(store, plan, "2018/19")  # at the end, after 2020/21
    svc.add_column(store, plan, "2018/19", position=0)
    svc.add_column(store, plan, "2021/22")
    assert [c.label for c in svc.load_plan(store, plan).columns] == ["2018/19", "2019/20", "2020/21", "2021/22"]


def test_a_plan_already_in_the_file_newest_first_shows_no_change_worked_out_from_the_following_year(store):
    """A plan saved newest first before this was refused: each change is worked out from the year before it,
    whatever the order of the columns, never from the year after."""
    plan = svc.create_plan(store, "Plan", columns=["2019/20", "2020/21"])
    line = svc.add_line(store, svc.add_section(store, plan, "Spend"), "Target hardening")
    svc.set_cell(store, line, "2019/20", "£4,000")
    svc.set_cell(store, line, "2020/21", "£5,000")
    with store.transaction():  # as an older version saved it: the columns the other way round
        store.conn.execute("UPDATE budget_columns SET position = 1 - position WHERE plan_id = ?", (plan,))
    view = svc.plan_view(store, plan)
    assert [c.label for c in view.plan.columns] == ["2020/21", "2019/20"]
    row = next(r for r in view.rows if r.kind == "line")
    newest, oldest = row.cells
    assert oldest.change is None  # 2019/20 is the first year: no change into it
    assert newest.change is not None and newest.change.change_pence == 100_000  # +£1,000 into 2020/21


def newest_first_plan(path):
    """Three years and two lines, saved with the years newest first as an older version could; the file is closed.

    Spend 2018/19 → 2019/20 → 2020/21: Target hardening £4,000 → £5,000 → £4,500;
    Sanctuary £1,000 → £1,000 → £2,000.
    """
    from safer_desk.storage.store import open_store

    store = open_store(path, create=True)
    try:
        plan = svc.create_plan(store, "Old plan", columns=["2018/19", "2019/20", "2020/21"], show_changes=True)
        section = svc.add_section(store, plan, "Spend")
        for label, figures in (("Target hardening", ("£4,000", "£5,000", "£4,500")),
                               ("Sanctuary", ("£1,000", "£1,000", "£2,000"))):
            line = svc.add_line(store, section, label)
            for year, text in zip(("2018/19", "2019/20", "2020/21"), figures):
                svc.set_cell(store, line, year, text)
        with store.transaction():
            store.conn.execute("UPDATE budget_columns SET position = 2 - position WHERE plan_id = ?", (plan,))
        view = svc.plan_view(store, plan)
    finally:
        store.close()
    assert [c.label for c in view.plan.columns] == ["2020/21", "2019/20", "2018/19"]
    return view


def test_a_plan_saved_newest_first_shows_its_newest_years_change_in_the_grid(window, tmp_path, qtbot):
    """The grid followed column position: no change column for 2020/21 (the first column), and an always empty
    "Change to 2018/19" (the first year). Each year's change is shown against the year before it."""
    newest_first_plan(tmp_path / "old.sqlite")
    assert window.open_path(tmp_path / "old.sqlite")
    tab = window.show_tab("budgets")
    tab.plan_list.setCurrentRow(0)
    m = tab.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["Line", "2020/21", "Change to 2020/21", "2019/20", "Change to 2019/20", "2018/19"]
    rows = {m.index(r, 0).data(): r for r in range(m.rowCount())}
    into_2020, into_2019 = headers.index("Change to 2020/21"), headers.index("Change to 2019/20")
    # By hand: 4,500 - 5,000 = -500, -500 / 5,000 = -10.0%; 5,000 - 4,000 = +1,000, +25.0%.
    assert m.index(rows["Target hardening"], into_2020).data() == "-£500 (-10.0%)"
    assert m.index(rows["Target hardening"], into_2019).data() == "+£1,000 (+25.0%)"
    # 2,000 - 1,000 = +1,000, +100.0%; 1,000 - 1,000 = £0, 0.0%.
    assert m.index(rows["Sanctuary"], into_2020).data() == "+£1,000 (+100.0%)"
    assert m.index(rows["Sanctuary"], into_2019).data() == "£0 (0.0%)"
    # The subtotal: 6,500 - 6,000 = +500, +8.3%; 6,000 - 5,000 = +1,000, +20.0%.
    subtotal = next(r for r in range(m.rowCount()) if m.row(r).kind == "subtotal")
    assert m.index(subtotal, into_2020).data() == "+£500 (+8.3%)"
    assert m.index(subtotal, into_2019).data() == "+£1,000 (+20.0%)"


def test_a_plan_saved_newest_first_prints_its_newest_years_annual_change_in_the_report(tmp_path):
    """The report's "Annual change %" went before each column but the first: 2020/21's change was not printed, and
    the column before 2019/20 held 2019/20's change against 2018/19, printed beside 2020/21. Each change now stands
    between the two years it compares."""
    from safer_desk.services.report_sections.budgets import plan_table

    table = plan_table(newest_first_plan(tmp_path / "old.sqlite"))
    assert table.header == ["", "2020/21", "Annual change %", "2019/20", "Annual change %", "2018/19"]
    rows = {r[0].strip(): r[1:] for r in table.rows}
    # By hand, as the paper prints a change (a fall in brackets, no change as "-"): 4,500 on 5,000 is -10.0%,
    # 5,000 on 4,000 +25.0%; 2,000 on 1,000 +100.0%; the spend 6,500 on 6,000 +8.3%, 6,000 on 5,000 +20.0%.
    assert rows["Target hardening"] == ["£4,500", "(10.0)", "£5,000", "25.0", "£4,000"]
    assert rows["Sanctuary"] == ["£2,000", "100.0", "£1,000", "-", "£1,000"]
    assert rows["Spend: subtotal"] == rows["Total"] == ["£6,500", "8.3", "£6,000", "20.0", "£5,000"]
