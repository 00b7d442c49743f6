"""Dialogs on a 1366x768 laptop at 150% (DESIGN.md §5: readable at 150% scaling), round 36.

At 150% the screen is 910x512 logical pixels; less the taskbar (40) about 910x472 are left, and less a dialog's
title bar (about 30) a dialog has about 910x442 inside its frame. Qt lays out in logical pixels, so a dialog's least
size read at 100% is its least size at 150%: one whose layout cannot be made that small runs off the screen.

1. View > Districts, Partnerships and Partners could not be made less than 544 high: the Partnerships page stacked
   five member buttons, a Name, a Kind, a From and a To row, so the dialog ran off the bottom of the screen with its
   Close button. The name and its kind share a row, so do From and To (as on the Districts page), and the member
   buttons sit two by two: 432 high.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.window_sizes import resize_window, widget_in_window

AT_150 = (910, 480)  # the window on 1366x768 at 150% (as tests/projects/test_projects_round29.py)
ROOM = (886, 440)  # inside a dialog's frame on that screen, less the taskbar and the title bar


def fits(dialog) -> bool:
    least = dialog.minimumSizeHint()
    return least.width() <= ROOM[0] and least.height() <= ROOM[1]


@pytest.mark.parametrize("page", [0, 1, 2], ids=["districts", "partnerships", "partners"])
def test_the_districts_partnerships_and_partners_dialog_fits_a_laptop_at_150_percent(demo_window, qtbot, page):
    resize_window(demo_window, AT_150)
    demo_window.reference_action.trigger()
    dialog = demo_window._reference_dialog
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentIndex(page)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == page)
    assert fits(dialog), (dialog.size(), dialog.minimumSizeHint())
    dialog.resize(*ROOM)  # as small as the screen leaves it
    qtbot.waitUntil(lambda: dialog.height() <= ROOM[1])
    close = dialog.findChild(QDialogButtonBox)
    assert close.mapTo(dialog, close.rect().bottomLeft()).y() < dialog.height()  # Close on the screen
    shown = dialog.pages.currentWidget()
    assert shown.view.viewport().height() >= shown.view.verticalHeader().defaultSectionSize()  # a row of its table


def test_the_window_maximised_on_a_laptop_at_150_percent_is_no_taller_than_the_screen(demo_window, qtbot):
    """2. Maximised on 1366x768 at 150%, the window has about 910x442 inside its frame (512, less a 40 taskbar and
    a 30 title bar), but it could not be made less than 500 high: its status bar and the foot of every tab (the
    Budgets tab's Add line, the Reviews' Stages) lay under the taskbar. Below its least size a tab's page scrolls."""
    resize_window(demo_window, (910, 442))
    assert demo_window.height() == 442
    area = demo_window.tabs.currentWidget()
    assert widget_in_window(demo_window.statusBar(), demo_window)
    qtbot.waitUntil(lambda: area.widget().height() <= area.viewport().height()
                    or area.verticalScrollBar().isVisible())  # what does not fit scrolls
