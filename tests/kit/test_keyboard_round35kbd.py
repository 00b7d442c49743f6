"""Round 35 (kbd): the whole window by keyboard alone, on a council laptop (1366×768 at 125%: 1093×582).

1. Allocation: Tab in the factors table went from cell to cell and round again, never out: Add Factor, Remove
   Factor and everything below (the results, the chart in words) were out of the keyboard's reach. Tab now leaves
   it, as it leaves every other table (Ctrl+Tab moves within a table).
2. Indicators: Tab went Area, Find, Year, then down to the chart's Show, Bars and Export Chart, then back up to the
   top row's buttons right to left (Import Figures, Indicator and Target, Baseline and Benchmarks). It follows the
   screen now: the top row left to right, the indicators, then the chart's row and the figures.
3. Budgets: Tab went from the list of plans down to the new plan's Name, Years and New plan, then back up to
   Rename, Delete, Plan settings, Add year and Remove year. It goes down the column now.
4. Costs > Pooled funds: Tab reached More before Export (which stands left of it), and the tables before the list
   beside them that chooses which is shown.

5. Indicators: the Comment cell of a red period with no comment was said by its colour alone: a screen reader
   heard an empty cell. It is given the cell's tip ("Red against target: a comment saying why is needed.").
6. Budgets: at 1093×582 the list of plans scrolled sideways: two East Sussex plans read alike and the ⚠ after a
   name was out of sight. Each name wraps within the list.
7. View > Districts, Partnerships and Partners…: a name typed into a page's form was lost without a word by Esc or
   Close. It is asked about (Save adds it, Cancel stays), except when another file opened closes the dialog.
8. Costs > Pooled funds: after Del on a referral the table kept the keyboard with nothing chosen in it. The row
   that took its place is chosen.

One check covers every dialog the window opens from its menus, the tabs' buttons and their More menus: each
Alt letter used once in it, focus inside it as it opens, Tab leaving its tables, its tables named for a screen
reader, its size within the laptop's window, and after Esc the window's focus back on the control that opened it.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog, QGroupBox, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QTabBar, QWidget)
from shiboken6 import isValid

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui.app import wait_until_idle
from tests.foundation.test_window_least_size import every_page
from tests.window_sizes import resize_window

LAPTOP = (1093, 582)


def alt_letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def own(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisible() and widget.window() is root


def alt_letter_clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt letters used more than once among what ``root`` shows: buttons, labels with a buddy, tabs, group boxes."""
    seen: dict[str, list[str]] = defaultdict(list)

    def note(text: str, what: str) -> None:
        letter = alt_letter(text)
        if letter:
            seen[letter].append(f"{what} {text!r}")

    for button in root.findChildren(QAbstractButton):
        if own(button, root):
            note(button.text(), "button")
    for label in root.findChildren(QLabel):
        if own(label, root) and label.buddy() is not None:
            note(label.text(), "label")
    for bar in root.findChildren(QTabBar):
        if own(bar, root):
            for i in range(bar.count()):
                note(bar.tabText(i), "tab")
    for group in root.findChildren(QGroupBox):
        if own(group, root):
            note(group.title(), "group")
    return {letter: things for letter, things in seen.items() if len(things) > 1}


def tables_tab_cannot_leave(root: QWidget) -> list[str]:
    """Tables (and lists) Tab reaches but moves within, cell by cell, instead of leaving."""
    return [f"{type(v).__name__} {v.accessibleName()!r}" for v in root.findChildren(QAbstractItemView)
            if own(v, root) and not isinstance(v, QHeaderView) and v.tabKeyNavigation()
            and v.focusPolicy() & Qt.FocusPolicy.TabFocus]


def unnamed_tables(root: QWidget) -> list[str]:
    return [type(v).__name__ for v in root.findChildren(QAbstractItemView)
            if own(v, root) and not isinstance(v, QHeaderView) and not v.accessibleName()]


class DialogsShown(QObject):
    """Every dialog (a window of its own) shown while it listens."""

    def __init__(self):
        super().__init__()
        self.shown: list[QDialog] = []

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow() \
                and not isinstance(watched, QMessageBox) and watched not in self.shown:
            self.shown.append(watched)
        return False


def test_tab_leaves_the_factors_table_for_add_factor(demo_window, qtbot):
    resize_window(demo_window, LAPTOP)
    tab = demo_window.show_tab("allocation")
    wait_until_idle(demo_window)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    table = tab.factors_table
    table.setFocus()
    table.setCurrentCell(0, 0)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # a second Tab: the table's second cell, before
    reached = QApplication.focusWidget()
    assert reached is not table
    assert isinstance(reached, QPushButton) and reached.accessibleName() == "Remove Factor"


@pytest.mark.parametrize("key", ["allocation", "costs", "indicators", "budgets"])
def test_tab_leaves_every_table_on_every_page(demo_window, qtbot, key):
    resize_window(demo_window, LAPTOP)
    trapped = {}
    for where in every_page(demo_window, qtbot, key):
        wait_until_idle(demo_window)  # the tab shown, not only built
        if found := tables_tab_cannot_leave(demo_window):
            trapped[where] = found
    assert trapped == {}


def test_tab_leaves_every_sheet_table(qtbot):
    from safer_desk.ui.kit.sheet_table import SheetTable

    table = SheetTable(2, 2)
    qtbot.addWidget(table)
    assert not table.tabKeyNavigation()


def tab_stops(window, first: QWidget, count: int) -> list[QWidget]:
    first.setFocus()
    reached = [QApplication.focusWidget()]
    for _ in range(count - 1):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return reached


def active_tab(window, qtbot, key):
    resize_window(window, LAPTOP)
    tab = window.show_tab(key)
    wait_until_idle(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return tab


def test_indicators_tab_follows_the_screen(demo_window, qtbot):
    tab = active_tab(demo_window, qtbot, "indicators")
    assert tab_stops(demo_window, tab.area_combo, 9) == [
        tab.area_combo, tab.area_search, tab.year_combo, tab.indicator_button, tab.framework_button,
        tab.import_button, tab.summary_view, tab.mode_combo, tab.bars_check]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.export_button
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the chart, under its row: Ctrl+C copies its figures
    assert QApplication.focusWidget() is tab.chart
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # Discard Typed and Save Figures: grey, nothing typed
    assert QApplication.focusWidget() is tab.grid


def test_budgets_tab_goes_down_the_column_of_plans(demo_window, qtbot):
    tab = active_tab(demo_window, qtbot, "budgets")
    assert tab_stops(demo_window, tab.plan_list, 11) == [
        tab.plan_list, tab.rename_plan_button, tab.delete_plan_button, tab.settings_button, tab.export_button,
        tab.add_year_button, tab.remove_year_button, tab.plan_name, tab.plan_years, tab.new_plan_button, tab.view]


def test_pooled_funds_tab_follows_the_screen(demo_window, qtbot):
    tab = active_tab(demo_window, qtbot, "costs")
    tab.pages.setCurrentIndex(2)
    funds = tab.funds
    qtbot.waitUntil(funds.isVisible)
    qtbot.waitUntil(lambda: funds.export_button.isEnabled(), timeout=10000)
    assert tab_stops(demo_window, funds.edit_buttons[-1], 3) == [funds.edit_buttons[-1], funds.export_button,
                                                                funds.more]
    assert tab_stops(demo_window, funds.search, 4) == [funds.search, funds.district_filter, funds.table_list,
                                                      funds.referrals.view]


def opening_controls(window):
    """What opens a window of its own: the menus' actions, the shown tab's buttons ending "…" and its More menus'."""
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            text = action.text()
            if text.endswith("…") and not any(w in text for w in ("New", "Open", "Save", "Import", "Find")):
                yield f"{menu_action.text()} > {text}", action, None  # New, Open…: a file chooser (stubbed)


def tab_controls(tab):
    for button in tab.findChildren(QPushButton):
        if not (button.isVisible() and button.isEnabled()):
            continue
        if button.text().endswith("…"):
            yield button.text(), None, button
        if button.menu() is not None:
            button.menu().aboutToShow.emit()  # greys what has nothing to act on
            for action in button.menu().actions():
                if action.text().endswith("…") and action.isEnabled() and "Export" not in action.text():
                    yield f"{button.text()} > {action.text()}", action, button


def look_at(dialog, window, qtbot, where, problems):
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    focus = QApplication.focusWidget()
    if focus is None or focus.window() is not dialog:
        problems.append((where, "no focus inside it as it opens"))
    if clashes := alt_letter_clashes(dialog):
        problems.append((where, f"Alt letters used twice: {clashes}"))
    if trapped := tables_tab_cannot_leave(dialog):
        problems.append((where, f"Tab cannot leave {trapped}"))
    if unnamed := unnamed_tables(dialog):
        problems.append((where, f"tables with no name: {unnamed}"))
    if dialog.width() > LAPTOP[0] or dialog.height() > LAPTOP[1]:
        problems.append((where, f"{dialog.width()}×{dialog.height()}: larger than the window"))
    QTest.keyClick(focus or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=3000)


def test_every_dialog_the_window_opens_keeps_each_alt_letter_once_and_the_keyboard_in_reach(demo_window, qtbot,
                                                                                            prompts):
    window = demo_window
    resize_window(window, LAPTOP)
    shown = DialogsShown()
    QApplication.instance().installEventFilter(shown)
    problems = []
    looked = []
    try:
        for key in ("allocation", "costs", "indicators", "budgets"):
            for where in every_page(window, qtbot, key):
                wait_until_idle(window)
                tab = window.tabs.currentWidget()
                for name, action, button in list(tab_controls(tab)):
                    if not (button is None or (isValid(button) and button.isVisible() and button.isEnabled())):
                        continue
                    window.activateWindow()
                    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
                    before = len(shown.shown)
                    button.setFocus()
                    if action is None:
                        QTest.keyClick(button, Qt.Key.Key_Space)
                    else:
                        action.trigger()
                    opened = [d for d in shown.shown[before:] if isValid(d) and d.isVisible()]
                    if not opened:
                        continue  # nothing chosen to act on: a message said so
                    looked.append(f"{where}: {name}")
                    look_at(opened[0], window, qtbot, f"{where}: {name}", problems)
                    if isValid(button) and button.isVisible() and window.focusWidget() is not button:
                        problems.append((f"{where}: {name}", f"after Esc the focus is on {window.focusWidget()!r}"))
        for name, action, _ in opening_controls(window):
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
            before = len(shown.shown)
            action.trigger()
            opened = [d for d in shown.shown[before:] if isValid(d) and d.isVisible()]
            if opened:
                looked.append(name)
                look_at(opened[0], window, qtbot, name, problems)
    finally:
        QApplication.instance().removeEventFilter(shown)
    assert len(looked) >= 20, looked  # the menus' ten, the Costs forms, the indicator's, the plan's settings
    assert problems == []


def test_a_red_period_s_empty_comment_cell_says_a_comment_is_needed_to_a_screen_reader(demo_window, qtbot):
    """The Comment cell of a red period with no comment was said by its colour alone (and a pointer's tip): a screen
    reader arrowing along the grid heard an empty cell."""
    tab = active_tab(demo_window, qtbot, "indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))  # the paper's targets
    view = tab.summary_view
    names = [view.model().index(r, 1).data() for r in range(view.model().rowCount())]
    row = next(r for r, name in enumerate(names) if "ist” incidents reported" in name)  # red periods, no comment
    view.selectRow(row)
    wait_until_idle(demo_window)
    grid = tab.grid
    comment = next(r for r in range(grid.rowCount()) if grid.verticalHeaderItem(r).text() == "Comment")
    assert grid.item(comment, 0).text() == ""
    cell = grid.model().index(comment, 0)  # what Qt's accessible table cell reads: its text, then its description
    said = " ".join(filter(None, (cell.data(Qt.ItemDataRole.AccessibleTextRole) or cell.data(),
                                  cell.data(Qt.ItemDataRole.AccessibleDescriptionRole))))
    assert said == "Red against target: a comment saying why is needed."


def test_the_plans_names_and_their_warning_are_in_view_at_the_laptop_size(demo_window, qtbot):
    """At 1093×582 the list of plans scrolled sideways: "East Sussex Community Safety MTF…" and "East Sussex
    Community Safety reve…" could not be told apart, and the ⚠ after the MTFP's name (a printed figure that disagrees
    with its lines) was out of sight. Each name now wraps within the list."""
    tab = active_tab(demo_window, qtbot, "budgets")
    plans = tab.plan_list
    assert not plans.horizontalScrollBar().isVisible()
    width = plans.viewport().width()
    for row in range(plans.count()):
        item = plans.item(row)
        rect = plans.visualItemRect(item)
        needed = plans.fontMetrics().horizontalAdvance(item.text())
        assert rect.left() >= 0 and rect.right() <= width, item.text()
        lines = -(-needed // max(1, rect.width() - 8))  # a name wider than the list needs more than one line
        assert rect.height() >= lines * plans.fontMetrics().lineSpacing(), item.text()
    assert any("⚠" in plans.item(r).text() for r in range(plans.count()))


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_esc_in_districts_partnerships_and_partners_asks_about_a_name_typed_and_not_added(demo_window, qtbot,
                                                                                         prompts, answer):
    """A district's name (and its code and dates) typed into View > Districts, Partnerships and Partners… was lost
    without a word by Esc or Close, where every other form asks first. Save adds it, as Add does; Cancel stays."""
    from safer_desk.services import reference as ref

    demo_window.show()
    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    before = len(ref.list_districts(demo_window.session.store))
    page = dialog.districts
    page.name_edit.setFocus()
    QTest.keyClicks(page.name_edit, "Newtown")
    prompts.unsaved_answers.append(answer)
    QTest.keyClick(page.name_edit, Qt.Key.Key_Escape)
    assert prompts.unsaved_questions == [("Districts, Partnerships and Partners",
                                          "The district “Newtown” is typed in but not added.")]
    names = [d.name for d in ref.list_districts(demo_window.session.store)]
    if answer == "cancel":
        assert dialog.isVisible() and page.name_edit.text() == "Newtown" and len(names) == before
        assert QApplication.focusWidget() is page.name_edit
        return
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    assert ("Newtown" in names) == (answer == "save") and len(names) == before + (answer == "save")


def test_a_name_typed_in_districts_is_asked_about_before_another_file_opens(demo_window, qtbot, prompts, demo_master,
                                                                            demo_path, tmp_path):
    """Round 35: another file opened closed the dialog and dropped a name typed in it without a word (Esc and Close
    asked). It is asked about while its file is open: Save adds it there, never to the file opened next; Cancel
    keeps the file and the name."""
    import shutil

    from safer_desk.services import reference as ref
    from safer_desk.storage.store import open_store

    demo_window.show()
    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    QTest.keyClicks(dialog.districts.name_edit, "Newtown")
    other = tmp_path / "other.sqlite"
    shutil.copyfile(demo_master, other)
    prompts.unsaved_answers.append("cancel")
    assert not demo_window.open_path(other)
    assert demo_window.session.store.path == demo_path and dialog.districts.name_edit.text() == "Newtown"
    prompts.unsaved_answers.append("save")
    assert demo_window.open_path(other)
    assert [q for q in prompts.unsaved_questions if "Newtown" in q[1]] and len(prompts.unsaved_questions) == 2
    assert "Newtown" not in [d.name for d in ref.list_districts(demo_window.session.store)]
    with open_store(demo_path, read_only=True) as before:
        assert "Newtown" in [d.name for d in ref.list_districts(before)]


def test_a_referral_deleted_by_del_leaves_the_next_one_chosen(demo_window, qtbot, prompts):
    """Costs > Pooled funds: after Del on a referral (or a spend line, a contribution, a catalogue item) the table
    kept the keyboard but nothing in it was chosen: a second Del said "Choose a referral first", and the arrows
    started again from the top. The row that took its place is chosen, as in a list of files."""
    tab = active_tab(demo_window, qtbot, "costs")
    tab.pages.setCurrentIndex(2)
    funds = tab.funds
    qtbot.waitUntil(lambda: funds.referrals.shown.rowCount() > 2, timeout=10000)
    view = funds.referrals.view
    view.setFocus()
    view.selectRow(1)
    following = funds.referrals.selected_rows()[0]
    view.selectRow(0)
    deleted = funds.referrals.current()
    prompts.answers.append(True)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: deleted["reference"] not in [r["reference"] for r in funds.referrals.rows])
    wait_until_idle(demo_window)
    assert QApplication.focusWidget() is view
    assert funds.referrals.current() is not None
    assert funds.referrals.current()["reference"] == following["reference"]
