"""Round 31 (t31d): the window's dialogs on a council laptop, by keyboard alone.

1. Enter in the Conflicts window's list of groups or its table of conflicts pressed "Keep County Version" (the
   first button, Qt's default when none is set): the county lead arrowing through the conflicts and pressing Enter
   decided the one chosen, unasked. Close is the default; a decision is taken only by its own button.
2. Office Details tabbed from the name to the Partnerships list, then back up to the County above it, and into the
   districts list before the filter above it (whose Down arrow leads into the list). Tab follows the page.
3. Board Report… opened on Financial year, below the Title; Tab went Year, Area, then back up to Title. It opens on
   Title, the first field, and Tab goes down the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from safer_desk.services.county import list_conflicts


def active(dialog, qtbot):
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def tab_order(dialog, count: int) -> list:
    """The widgets Tab reaches, from the one in focus, as the keyboard moves."""
    reached = [QApplication.focusWidget()]
    for _ in range(count - 1):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return reached


def opened(window, qtbot, action: str, attribute: str):
    """The dialog File > ``action`` opens, active, as the person sees it."""
    window.show()
    window.exchange_actions[action].trigger()
    qtbot.waitUntil(lambda: getattr(window, attribute, None) is not None and getattr(window, attribute).isVisible())
    return active(getattr(window, attribute), qtbot)


def test_enter_in_the_conflicts_window_decides_nothing(window, qtbot, prompts, tmp_path):
    from tests.exchange.test_project_conflicts_round27 import county_of, office_exports

    path = county_of(tmp_path, office_exports(tmp_path))
    assert window.open_path(path)
    store = window.session.store
    before = [c.id for c in list_conflicts(store)]
    assert before
    dialog = opened(window, qtbot, "conflicts", "conflicts_dialog")
    assert dialog.selected() is not None  # a conflict is chosen, as the window opens
    dialog.groups.setFocus()
    QTest.keyClick(dialog.groups, Qt.Key.Key_Down)
    QTest.keyClick(dialog.groups, Qt.Key.Key_Return)
    assert [c.id for c in list_conflicts(store)] == before
    if not dialog.isVisible():  # Enter closed it
        dialog = opened(window, qtbot, "conflicts", "conflicts_dialog")
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    assert [c.id for c in list_conflicts(store)] == before
    assert store.scalar("SELECT count(*) FROM audit_log WHERE column_name = 'conflict decided'") == 0


def test_office_details_tabs_down_the_page(demo_window, qtbot):
    dialog = opened(demo_window, qtbot, "office", "office_dialog")
    assert QApplication.focusWidget() is dialog.name_box
    assert tab_order(dialog, 5) == [dialog.name_box, dialog.county_combo, dialog.partnership_list,
                                    dialog.district_filter, dialog.district_list]


def test_board_report_opens_on_its_title_and_tabs_down_the_form(demo_window, qtbot):
    dialog = opened(demo_window, qtbot, "report", "report_dialog")
    assert tab_order(dialog, 7) == [dialog.title_edit, dialog.year_combo, dialog.area_combo, dialog.meeting_edit,
                                    dialog.as_at.edit, dialog.as_at.button, dialog.path_edit]
