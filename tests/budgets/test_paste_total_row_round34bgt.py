"""The Budgets tab, round 34 (bgt): a block pasted from the paper's sheet with its total row.

1. Seed 004's Community Safety lines copied from Excel down to the paper's "Total Expenditure" row, and pasted on a
   section with a line more than the paper's (a "Contingency" line added to fill in later), put the total's figures
   on that line, without a word: the 2011/12 subtotal came out £1,849,000, twice the paper's £924,500, and the base
   budget with it. A last row copied that adds up the rows above it is asked about (pasted again, kept);
   copied with its name ("Total Expenditure"), it is refused saying it is the paper's total.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.budgets.test_budgets_round32bud import COMMUNITY_SAFETY, _figures, _plan, _row, excel

TOTAL = ("Total Expenditure", "924,500", "845,300", "834,200", "834,200")


def _with_contingency(store):
    p = _plan(store)
    section = next(r.section_id for r in p.rows if r.kind == "line" and r.label == "Employees")
    assert p.add_line(section, "Contingency"), p.error
    return p


def _subtotal(p):
    return [c.pence for c in next(r for r in p.rows if r.kind == "subtotal"
                                  and r.label.startswith("Community Safety")).cells]


def test_the_papers_total_row_pasted_with_its_lines_is_asked_about_not_added_to_a_line(store):
    p = _with_contingency(store)
    block = [list(r[1:]) for r in (*COMMUNITY_SAFETY, TOTAL)]
    assert not p.paste_block(_row(p, "Employees"), 0, block)
    assert "adds up the 5 rows above it" in p.error and "Contingency" in p.error and "Nothing was pasted" in p.error
    assert "Copy the lines without their total row" in p.error
    assert _figures(p, "Employees") == ["", "", "", ""] and _figures(p, "Contingency") == ["", "", "", ""]
    assert "paste" not in p.perform.undo_text.casefold()
    # The lines without the total row paste as they are.
    assert p.paste_block(_row(p, "Employees"), 0, block[:-1]), p.error
    assert _subtotal(p) == [924_500_00, 845_300_00, 834_200_00, 834_200_00]
    assert _figures(p, "Contingency") == ["", "", "", ""]


def test_a_last_row_that_adds_up_the_rows_above_is_kept_when_pasted_again(store):
    p = _with_contingency(store)
    block = [["1,000", "2,000"], ["500", "500"], ["1,500", "2,500"]]
    rows = ("Third Party Payments", "Support Services", "Contingency")
    assert not p.paste_block(_row(p, rows[0]), 0, block)
    assert "Paste the same cells again to keep it" in p.error
    assert p.paste_block(_row(p, rows[0]), 0, block), p.error
    assert p.error == ""
    assert _figures(p, "Contingency") == ["£1,500", "£2,500", "", ""]


def test_rows_that_do_not_add_up_or_are_all_nil_are_not_asked_about(store):
    p = _with_contingency(store)
    assert p.paste_block(_row(p, "Third Party Payments"), 0, [["1,000"], ["500"], ["1,400"]]), p.error
    assert p.paste_block(_row(p, "Third Party Payments"), 0, [["0"], ["0"], ["0"]]), p.error
    assert p.paste_block(_row(p, "Third Party Payments"), 0, [["TBC"], ["500"], ["500"]]), p.error
    assert p.paste_block(_row(p, "Support Services"), 0, [["500"], ["500"]]), p.error  # two rows: a line like another
    assert p.error == ""


def test_the_papers_total_row_copied_with_its_name_is_refused_saying_so(store):
    p = _with_contingency(store)
    assert not p.paste_block(_row(p, "Employees"), 0, [list(r) for r in (*COMMUNITY_SAFETY, TOTAL)], with_names=True)
    assert "“Total Expenditure” is the paper's total" in p.error and "Nothing was pasted" in p.error
    assert _figures(p, "Contingency") == ["", "", "", ""]


def test_the_total_row_pasted_in_the_window_is_asked_about_beside_the_grid(window, tmp_path, qtbot):
    from safer_desk.storage.store import open_store

    path = tmp_path / "mtfp.sqlite"
    store = open_store(path, create=True)
    try:
        plan_id = _with_contingency(store).selected
    finally:
        store.close()
    assert window.open_path(path)
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(plan_id)
    model, view = tab.model, tab.view

    def grid_row(label):
        return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == label)

    view.setCurrentIndex(model.index(grid_row("Employees"), model.year_columns[0]))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QGuiApplication.clipboard().setText(excel([r[1:] for r in (*COMMUNITY_SAFETY, TOTAL)]))
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(tab.message.isVisible)
    assert "adds up the 5 rows above it" in tab.message.text()
    assert [model.index(grid_row("Contingency"), c).data() for c in model.year_columns] == ["", "", "", ""]
    assert [model.index(grid_row("Employees"), c).data() for c in model.year_columns] == ["", "", "", ""]


# -- the invariant: a last row that adds up the rows above is asked about; a penny off, it is a line like any other --

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.integers(min_value=-10**9, max_value=10**9), min_size=4, max_size=4), min_size=2,
                max_size=4), st.integers(min_value=0, max_value=3), st.sampled_from([1, -1]))
def test_a_total_row_is_asked_about_to_the_penny(tmp_path_factory, pence_rows, column, off):
    from safer_desk.domain.money import format_money
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path_factory.mktemp("plan") / "plan.sqlite", create=True)
    try:
        p = _with_contingency(store)  # Community Safety: five lines and Contingency
        sums = [sum(column_pence) for column_pence in zip(*pence_rows)]
        block = [[format_money(x) for x in r] for r in (*pence_rows, sums)]
        start = _row(p, "Employees") + 6 - len(block)  # the block ends on Contingency
        if any(sums):
            assert not p.paste_block(start, 0, block) and "adds up the" in p.error
            assert p.rows[_row(p, "Contingency")].cells[0].text == ""
        near = [list(r) for r in block]
        near[-1][column] = format_money(sums[column] + off)
        assert p.paste_block(start, 0, near), p.error  # a penny off the sum: pasted as it is, not asked about
        assert [c.pence for c in p.rows[_row(p, "Contingency")].cells] == [*sums[:column], sums[column] + off,
                                                                          *sums[column + 1:]]
    finally:
        store.close()
