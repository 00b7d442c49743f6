"""Session 72: ``wait_until_idle`` warned "libpyside: Failed to disconnect (… quit …) from signal "loaded()"" after a
wait in which a page was still loading at two turns of its loop: each turn connected every page's ``loaded`` to the
loop again and kept the signal in its list once more, and the end disconnected each entry; Qt takes out every
connection of that slot at the first, so PySide6 warned at the second (it warns, not raises, on a slot not
connected). Each page's signal is now connected once and disconnected once."""

from __future__ import annotations

import warnings

from PySide6.QtCore import QObject, QTimer, Signal

from safer_desk.ui.app import wait_until_idle


class _Page(QObject):
    """A page that stays loading for ``turns`` of its own ``loaded`` signal (a register read, then its cost lines)."""

    loaded = Signal()

    def __init__(self, turns: int) -> None:
        super().__init__()
        self.left = turns

    def is_busy(self) -> bool:
        return self.left > 0

    def finish_one(self) -> None:
        self.left -= 1
        self.loaded.emit()


class _Window:
    def __init__(self, pages: dict) -> None:
        self.tab_widgets = pages

    def is_busy(self) -> bool:
        return any(page.is_busy() for page in self.tab_widgets.values())


def test_a_page_loading_over_two_turns_is_disconnected_once_without_a_warning(qapp):
    slow, quick = _Page(2), _Page(1)
    window = _Window({"projects": slow, "costs": quick})
    timers = []
    for page, delays in ((slow, (5, 40)), (quick, (20,))):
        for delay in delays:
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(page.finish_one)
            timer.start(delay)
            timers.append(timer)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        wait_until_idle(window, guard_ms=10_000)
    assert not window.is_busy()
    assert [str(w.message) for w in seen if "disconnect" in str(w.message)] == []
    for page in (slow, quick):  # nothing left connected to the wait's loop
        assert page.receivers("2loaded()") == 0
