"""s67: View > History of Changes, Help > User Guide and View > Districts, Partnerships and Partners… opened at their
first size in every new window, their dividers back where they started, though the main window and its tabs' dividers
are remembered. Each now keeps its size and dividers as the person left them (QSettings, window state only), read by
the next window made, as in the next session."""

from __future__ import annotations

from PySide6.QtCore import QSize

from safer_desk.ui import settings
from safer_desk.ui.guide import GuideWindow
from safer_desk.ui.history import HistoryDialog

SIZE = QSize(700, 460)  # neither window's first size


def _leave(qtbot, dialog, splitter) -> list[int]:
    """Resized and its divider dragged, as the person does, then closed: the sizes it was left with."""
    qtbot.waitUntil(dialog.isVisible)
    dialog.resize(SIZE)
    qtbot.waitUntil(lambda: dialog.size() == SIZE)
    first = splitter.sizes()[0]
    splitter.moveSplitter(first - 20, 1)  # as a drag of the handle does (within the pages' least heights)
    left = splitter.sizes()
    assert left[0] < first
    dialog.close()
    return left


def test_the_history_window_keeps_its_size_and_divider(demo_window, qtbot):
    demo_window.show_history()
    dialog = demo_window._history_dialog
    assert dialog.size() != SIZE
    left = _leave(qtbot, dialog, dialog.splitter)
    assert not settings.read_bytes("history/geometry").isEmpty()
    again = HistoryDialog(demo_window.session, demo_window)
    again.show()
    qtbot.waitUntil(again.isVisible)
    assert again.size() == SIZE and again.splitter.sizes() == left
    again.close()


def test_the_user_guide_keeps_its_size_and_divider(demo_window, qtbot):
    demo_window.show_guide()
    guide = demo_window._guide_window
    assert guide.size() != SIZE
    left = _leave(qtbot, guide, guide.splitter)
    again = GuideWindow(demo_window)
    again.show()
    qtbot.waitUntil(again.isVisible)
    assert again.size() == SIZE and again.splitter.sizes() == left
    again.close()


def test_the_districts_window_keeps_its_size_and_the_partnerships_dividers(demo_window, qtbot):
    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    assert dialog.size() != SIZE
    dialog.pages.setCurrentWidget(dialog.partnerships)
    left = _leave(qtbot, dialog, dialog.partnerships.splitter)
    demo_window.show_reference()  # a new window
    again = demo_window._reference_dialog
    assert again is not dialog
    again.pages.setCurrentWidget(again.partnerships)
    qtbot.waitUntil(again.isVisible)
    assert again.size() == SIZE and again.partnerships.splitter.sizes() == left
    again.close()
