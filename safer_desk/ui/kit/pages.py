"""Pages left only when they may be: the window's tabs, and the pages inside a tab (Projects: Register and
Commissioning).

``QTabWidget`` has moved its bar already when ``currentChanged`` says so. ``LeaveGuard`` puts the bar back on the page
being left while what was typed there is finished and any question asked (Save / Discard / Cancel), so the question is
asked over the figures it is about, and moves on only when the page may be left; Cancel stays on it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QTabWidget


class LeaveGuard:
    """Asks ``may_leave(left, going_to)`` (page indexes) before ``tabs`` moves on, the bar back on the page left
    meanwhile; ``shown(index)`` follows each move made."""

    def __init__(self, tabs: QTabWidget, may_leave: Callable[[int, int], bool],
                 shown: Callable[[int], None] | None = None):
        self.tabs = tabs
        self.may_leave = may_leave
        self.shown = shown
        self.shown_index = tabs.currentIndex()  # the page in view as far as the guard knows: the one left next
        self._switching_back = False
        tabs.currentChanged.connect(self._changed)

    def _changed(self, index: int) -> None:
        if self._switching_back:
            return
        left = self.shown_index
        if 0 <= left < self.tabs.count() and index != left:
            self.show_unasked(left)
            if not self.may_leave(left, index):
                return
            self.show_unasked(index)
        self.shown_index = index
        if self.shown is not None:
            self.shown(index)

    def show_unasked(self, index: int, *, settle: bool = False) -> None:
        """To a page without asking about the one in view (which stays as it was); ``settle`` makes it the page
        in view as far as the guard knows (one shown because what was typed there was refused)."""
        self._switching_back = True
        try:
            self.tabs.setCurrentIndex(index)
        finally:
            self._switching_back = False
        if settle:
            self.shown_index = self.tabs.currentIndex()

    def settle(self) -> None:
        """The page in view now is the one the guard knows (after the window's layout is put back)."""
        self.shown_index = self.tabs.currentIndex()
