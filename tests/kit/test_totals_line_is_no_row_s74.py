"""S74 (kit): the bold totals line answered Enter and Del as if it were a row. On a fund's Referrals, Enter on it said
"Select a referral on the Referrals page first." (the officer was on that table, a line highlighted); on Reviews Del
on it said "Select a case in the list first." while Enter did nothing at all; the right-click menu offered Edit… and
Delete for it. The totals line is no one's row: Enter, Del, a double-click and the menu's Edit… and Delete now leave
it be, on every kit table, and a real row still opens and deletes as before."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.ui.costs.widgets import make_table, sum_row
from safer_desk.ui.kit.tables import Column, money_column

ROWS = [{"id": 1, "name": "Babergh", "amount_pence": 10_000}, {"id": 2, "name": "Ipswich", "amount_pence": 20_000}]


def _table(qtbot, calls, *, large=False):
    table = make_table([Column("name", "Name"), money_column("amount_pence", "Amount")], "Grants",
                       totals=sum_row("name", ["amount_pence"]), large=large,
                       on_edit=lambda: calls.append(("edit", table.current())),
                       on_delete=lambda: calls.append(("delete", table.current())))
    qtbot.addWidget(table.view)
    table.set_rows(ROWS)
    table.view.show()
    qtbot.waitExposed(table.view)
    return table


def test_enter_del_and_the_menu_leave_the_totals_line_be(qtbot):
    for large in (False, True):
        calls: list = []
        table = _table(qtbot, calls, large=large)
        view, last = table.view, table.shown.rowCount() - 1
        view.setFocus()
        view.selectRow(last)  # the bold Total
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Delete):
            qtbot.keyClick(view, key)
        rect = view.visualRect(table.shown.index(last, 0))
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        menu = view.context_menu(0)
        enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
        assert calls == [], large
        assert not enabled["E&dit…"] and not enabled["De&lete"], large
        assert enabled["Copy with &Headings"], large  # the line still copies
        view.selectRow(0)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        qtbot.keyClick(view, Qt.Key.Key_Delete)
        assert [what for what, _ in calls] == ["edit", "delete"] and calls[0][1]["name"] == "Babergh", large


def test_referrals_total_line_enter_says_nothing(demo_window, qtbot, prompts):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.referrals.model.rowCount() > 0, timeout=10000)
    view = page.referrals.view
    view.setFocus()
    view.selectRow(page.referrals.shown.rowCount() - 1)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert prompts.errors == [] and prompts.questions == []
