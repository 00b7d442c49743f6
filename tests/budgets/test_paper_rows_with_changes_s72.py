"""Session 72: the paper's table copied with its heading row and its Annual Change columns pastes, changes and all.

Seed 004's revenue table (Data Tables 1.11) prints each year's budget in £'000 with the annual change between the
years: "Revenue | 2010/11 Budget | Annual Change | 2011/12 Budget | …", a row of units "£'000 | % | …", then
"A Budget Net | 878 | (0.7) | 884 | (27.5) | 641 …". Copied from the paper as it stands and pasted on the first
line's name, it was refused with words that were not true: "3 rows were copied, but from A Budget Net the section
Revenue has only 2 lines" (the heading row counted as a line); copied without the heading, "9 figures were copied
across, but … the plan has only 5 years … add the years first" (the years were there; four of the nine were the
paper's changes). Now the heading row places each figure in its year and each Annual Change beside the year it is
into, as a printed change (checked, and (0.7) for 878 to 884 flagged as typed in would be), the units row left
aside; one step of Edit > Undo. Without the heading the refusal says what the extra figures may be.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

HEAD = ("Revenue\t2010/11 Budget\tAnnual Change\t2011/12 Budget\tAnnual Change\t2012/13 Budget\tAnnual Change\t"
        "2013/14 Budget\tAnnual Change\t2014/15 Budget")
UNITS = "\t£'000\t%\t£'000\t%\t£'000\t%\t£'000\t%\t£'000"
ROWS = ("A Budget Net\t878\t(0.7)\t884\t(27.5)\t641\t1.7\t652\t(0.6)\t648\n"
        "B Income or specific grant\t582\t(45.5)\t317\t(69.4)\t97\t(36.1)\t62\t-\t62")
YEARS = "2010/11 Budget, 2011/12 Budget, 2012/13 Budget, 2013/14 Budget, 2014/15 Budget"


def _plan(tab):
    p = tab.presenter
    assert p.new_plan("East Sussex revenue budget", YEARS, unit="thousand"), p.error
    assert p.add_section("Revenue"), p.error
    assert p.add_line(p.added_section, "A Budget Net\nB Income or specific grant"), p.error
    return p


def _paste(tab, text: str, column: int = 0) -> bool:
    QGuiApplication.clipboard().setText(text)
    first = next(r for r, row in enumerate(tab.presenter.rows) if row.kind == "line")
    tab.view.setCurrentIndex(tab.model.index(first, column))
    tab.view.paste_rows()
    return not tab.presenter.error


def _lines(p):
    return {r.label: [(c.text, c.stated_change) for c in r.cells] for r in p.rows if r.kind == "line"}


def test_the_papers_rows_paste_with_their_heading_and_changes(empty_tab, new_file_window):
    p = _plan(empty_tab)
    assert _paste(empty_tab, "\n".join((HEAD, UNITS, ROWS))), p.error
    assert _lines(p) == {
        "A Budget Net": [("878", ""), ("884", "(0.7)"), ("641", "(27.5)"), ("652", "1.7"), ("648", "(0.6)")],
        "B Income or specific grant": [("582", ""), ("317", "(45.5)"), ("97", "(69.4)"), ("62", "(36.1)"),
                                       ("62", "-")]}
    a = next(r for r in p.rows if r.label == "A Budget Net")
    assert a.cells[1].flag and "(0.7)" in a.cells[1].flag  # the paper's (0.7) for a rise, flagged as typed
    assert new_file_window.session.undo_stack.undoText().startswith(
        "Paste 10 figures and 8 printed changes into A Budget Net – B Income or specific grant"), \
        new_file_window.session.undo_stack.undoText()
    new_file_window.undo_action.trigger()  # one step: figures and changes go together
    assert all(c == ("", "") for cells in _lines(p).values() for c in cells)


def test_without_the_heading_the_changes_are_placed_and_said(empty_tab):
    """S73: refused before ("9 figures were copied across … copy its heading row"); nine figures over five years
    are the years with a change between each two, placed so and said under the grid."""
    p = _plan(empty_tab)
    assert _paste(empty_tab, ROWS), p.error  # on the first line's name, the rows with their names
    assert _lines(p)["A Budget Net"][1] == ("884", "(0.7)")
    assert empty_tab.message.isVisibleTo(empty_tab) and "annual change" in empty_tab.message.text(), \
        empty_tab.message.text()


SUFFOLK = ("Revenue/Capital/ Expenditure/Income Item\tTotal\t2017/18\t2018/19\t2019/20\n"
           "Domestic Homicide Reviews (DHRs)\t\t£7525.58 (Cost to be reimbursed from WSCSP key statutory partners)\t"
           "TBC\tN/K\n"
           "Target Hardening for High Risk DV Victims\t\t£0\t£4,000 (£2,000 per District)\tN/K\n"
           "E-CINS/Athena Partnership Platform\t\t£5,000 (£2,500 per District)\t£5,000 (£2,500 per District)\tN/K")


def test_seed_002s_table_with_its_heading_and_empty_total_column(empty_tab):
    """Seed 002's Financial Implications copied with its heading row: its Total column (empty in the paper) before
    the years; the rows were refused as "4 rows were copied, but … only 3 lines"."""
    p = empty_tab.presenter
    assert p.new_plan("Western Suffolk CSP", "2017/18, 2018/19, 2019/20"), p.error
    assert p.add_section("Items"), p.error
    names = [r.split("\t")[0] for r in SUFFOLK.splitlines()[1:]]
    assert p.add_line(p.added_section, "\n".join(names)), p.error
    assert _paste(empty_tab, SUFFOLK), p.error
    assert {k: [t for t, _ in v] for k, v in _lines(p).items()} == {
        names[0]: ["£7,525.58", "TBC", "N/K"], names[1]: ["£0", "£4,000 (£2,000 per district)", "N/K"],
        names[2]: ["£5,000 (£2,500 per district)", "£5,000 (£2,500 per district)", "N/K"]}
    total = next(r for r in p.rows if r.kind == "total")
    assert [c.text for c in total.cells] == ["£12,525.58", "£9,000 + TBC", "N/K"]


def test_seed_004s_mtfp_rows_under_its_heading_of_short_years(store):
    """The MTFP (seed 004, Appendix 1) heads its years "11/12 £": its rows copied with that heading were refused as
    "3 rows were copied, but from Employees the section Community Safety has only 2 lines"."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.budgets import BudgetsPresenter

    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", "2011/12, 2012/13, 2013/14, 2014/15"), p.error
    assert p.add_section("Community Safety"), p.error
    assert p.add_line(p.added_section, "Employees\nTransport"), p.error
    block = [["Community Safety including Drugs and Alcohol Portfolio", "11/12 £", "12/13 £", "13/14 £", "14/15 £"],
             ["Employees", "327,800", "384,300", "393,200", "393,200"],
             ["Transport", "5,000", "5,000", "5,000", "5,000"]]
    employees = next(i for i, r in enumerate(p.rows) if r.label == "Employees")
    assert p.paste_block(employees, None, block, with_names=True), p.error
    assert [c.text for c in next(r for r in p.rows if r.kind == "total").cells] == [
        "£332,800", "£389,300", "£398,200", "£398,200"]


def test_the_whole_table_with_its_blank_net_effect_row_and_a_total_row_said_as_such(store):
    """Seed 002's table ends with "Net Effect", blank in the paper: copied whole, it was refused as "4 rows were
    copied, but … only 3 lines". A blank named row under the lines has nothing to paste and is left aside; the
    paper's total row with figures under them is said to be the total, not a fourth line."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.budgets import BudgetsPresenter

    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Western Suffolk CSP", "2017/18, 2018/19, 2019/20"), p.error
    assert p.add_section("Items"), p.error
    table = [r.split("\t") for r in SUFFOLK.splitlines()]
    assert p.add_line(p.added_section, "\n".join(r[0] for r in table[1:])), p.error
    first = next(i for i, r in enumerate(p.rows) if r.kind == "line")
    totalled = [*table, ["Total Expenditure", "", "£12,525.58", "£9,000", ""]]
    assert not p.paste_block(first, None, totalled, with_names=True)
    assert p.error.startswith("The row copied as “Total Expenditure” is the paper's total"), p.error
    assert p.paste_block(first, None, [*table, ["Net Effect", "", "", "", ""]], with_names=True), p.error
    assert [c.text for c in next(r for r in p.rows if r.kind == "total").cells] == [
        "£12,525.58", "£9,000 + TBC", "N/K"]


def test_two_columns_of_one_year_are_refused_not_one_pasted_over_the_other(store):
    """A paper's "2017/18 Budget | 2017/18 Actual" both read as 2017/18: the actual went over the budget figure."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.budgets import BudgetsPresenter

    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Western Suffolk CSP", "2017/18, 2018/19"), p.error
    assert p.add_section("Items"), p.error
    assert p.add_line(p.added_section, "Target hardening"), p.error
    first = next(i for i, r in enumerate(p.rows) if r.kind == "line")
    block = [["Item", "2017/18 Budget", "2017/18 Actual", "Total"], ["Target hardening", "4,000", "2,417", ""]]
    assert not p.paste_block(first, None, block, with_names=True)
    assert p.error.startswith("The rows copied hold 2017/18 Budget and 2017/18 Actual, which would go in the same "
                              "year of this plan: nothing was pasted."), p.error
    assert [c.text for c in next(r for r in p.rows if r.kind == "line").cells] == ["", ""]


def test_rows_in_thousands_by_their_units_row_are_refused_in_a_plan_in_pounds(empty_tab):
    """The units row says £'000: pasted into a plan in pounds, 878 would read as £878, not £878,000."""
    p = empty_tab.presenter
    assert p.new_plan("East Sussex revenue budget", YEARS), p.error
    assert p.add_section("Revenue"), p.error
    assert p.add_line(p.added_section, "A Budget Net\nB Income or specific grant"), p.error
    assert not _paste(empty_tab, "\n".join((HEAD, UNITS, ROWS)))
    assert p.error.startswith("The rows copied are in £'000, as their row of units says, but this plan is in "
                              "pounds: nothing was pasted."), p.error
    assert all(c == ("", "") for cells in _lines(p).values() for c in cells)


def test_the_mtfps_rows_under_pound_headings_are_refused_in_a_plan_in_thousands(store):
    """The MTFP heads its years "11/12 £": its 327,800 pasted into a plan in £'000 read as £327.8 million."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.budgets import BudgetsPresenter

    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", "2011/12, 2012/13", unit="thousand"), p.error
    assert p.add_section("Community Safety"), p.error
    assert p.add_line(p.added_section, "Employees"), p.error
    block = [["Community Safety including Drugs and Alcohol Portfolio", "11/12 £", "12/13 £"],
             ["Employees", "327,800", "384,300"]]
    employees = next(i for i, r in enumerate(p.rows) if r.label == "Employees")
    assert not p.paste_block(employees, None, block, with_names=True)
    assert p.error.startswith("The rows copied are in pounds, as their headings say, but this plan is in £'000"), \
        p.error
