"""F1 in a window of its own (session 74): History of Changes, Districts, Partnerships and Partners, Funders' Awards
and Populations stay open beside the main window, yet F1 in them did nothing, where in the window it opens the
user guide (Help > User Guide), as a Windows program's F1 does wherever the keyboard is. F1 in each now opens the
guide, as from the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog


@pytest.mark.parametrize("opener", ["show_history", "show_reference", "show_awards"])
def test_f1_in_a_window_of_its_own_opens_the_guide(demo_window, qtbot, opener):
    window = demo_window
    window.show()
    shown = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    getattr(window, opener)()
    own = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QDialog) and w.isVisible() and id(w) not in shown)
    own.activateWindow()
    qtbot.waitUntil(own.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or own, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window._guide_window is not None and window._guide_window.isVisible(), timeout=5000)
    window._guide_window.close()
    own.close()
