"""S74 (kit): on Costs > Pooled funds every money table (Referrals, Per district, Per item, Per month, Contributions)
ended in a totals line but Spend lines, the amounts of the one fund shown, did not: an officer had to add them up in
Excel, and a district's lines filtered gave no sum to check against Per district. Spend lines now ends in a totals
line as the others do, over the lines shown, worded as they are under a filter."""

from __future__ import annotations

from safer_desk.ui.kit.tables import RAW_ROLE


def _funds(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.lines.model.rowCount() > 0,
                    timeout=10000)
    return page


def _last(table, key, role=None):
    shown = table.shown
    column = table.model.column_index(key)
    index = shown.index(shown.rowCount() - 1, column)
    return index.data() if role is None else index.data(role)


def test_spend_lines_end_in_a_total_of_the_lines_shown(demo_window, qtbot):
    page = _funds(demo_window, qtbot)
    lines = page.lines.source_rows()
    assert _last(page.lines, "reference") == "Total"
    assert _last(page.lines, "amount_pence", RAW_ROLE) == sum(r["amount_pence"] for r in lines)
    page.district_filter.setCurrentIndex(page.district_filter.findText("Babergh"))
    shown = page.lines.source_rows()
    assert 0 < len(shown) < len(lines)
    assert _last(page.lines, "reference") == f"Total of the {len(shown)} shown (of {len(lines)} spend lines)"
    assert _last(page.lines, "amount_pence", RAW_ROLE) == sum(r["amount_pence"] for r in shown)
