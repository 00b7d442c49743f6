"""The windows a tab or a menu opens fit inside the main window on a 1366x768 laptop at 125% (1093x582): the
Districts dialog opened 620 high and the Conflicts dialog 1100 wide there, so their buttons were off the screen."""

from __future__ import annotations

import pytest

from tests.window_sizes import resize_window


def dialogs(window):
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog
    from safer_desk.ui.exchange.dialogs import SigningKeysDialog
    from safer_desk.ui.history import HistoryDialog
    from safer_desk.ui.indicators.comparison import AreaComparisonDialog
    from safer_desk.ui.office_dialog import OfficeDialog
    from safer_desk.ui.reference import ReferenceDialog

    session = window.session
    yield "districts", ReferenceDialog(session, window)
    yield "conflicts", ConflictsDialog(session, window)
    yield "signing keys", SigningKeysDialog(session, window)
    yield "history", HistoryDialog(session, window)
    yield "compare areas", AreaComparisonDialog(session.store, window)
    yield "office", OfficeDialog(session, window)


@pytest.mark.parametrize("size", [(1093, 582), (1280, 690)])
def test_dialogs_fit_inside_the_window_at_laptop_sizes(demo_window, qtbot, size):
    resize_window(demo_window, size)
    too_big = {}
    for name, dialog in dialogs(demo_window):
        qtbot.addWidget(dialog)
        if dialog.width() > size[0] or dialog.height() > size[1]:
            too_big[name] = (dialog.width(), dialog.height())
    assert too_big == {}
