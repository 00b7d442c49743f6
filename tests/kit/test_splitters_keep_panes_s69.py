"""Splitters at a laptop's size (session 69): the Projects register's divider dragged to the right edge took the
editor away to nothing (sizes [1081, 0] at 1093 wide), as on Commissioning, the Allocation results, the reviews, the
pooled funds and Budgets, and the sizes were remembered, so next week the editor was still gone with only a line at
the window's edge to say it was there. Every pane now keeps at least its smallest size (as the Indicators tab's did),
and a pane an earlier version saved as collapsed comes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QSplitter, QTabWidget

from safer_desk.ui import settings
from tests.window_sizes import resize_window

TABS = ["projects", "allocation", "costs", "indicators", "budgets"]


def splitters_in_view(tab):
    """Each page of the tab (its sub-tabs chosen in turn) and the splitters shown there."""
    pages = [(tw, i) for tw in tab.findChildren(QTabWidget) for i in range(tw.count())] or [(None, 0)]
    for tw, i in pages:
        if tw is not None:
            if not tw.isVisible():
                continue
            tw.setCurrentIndex(i)
            QApplication.processEvents()
        for splitter in tab.findChildren(QSplitter):
            if splitter.isVisible():
                yield (tw.tabText(i) if tw is not None else ""), splitter


def length(splitter: QSplitter) -> int:
    return splitter.width() if splitter.orientation() == Qt.Orientation.Horizontal else splitter.height()


@pytest.mark.parametrize("key", TABS)
def test_a_divider_dragged_to_the_edge_leaves_each_pane_in_view(demo_window, key):
    resize_window(demo_window, (1093, 560))
    tab = demo_window.show_tab(key)
    QApplication.processEvents()
    gone, seen = [], 0
    for page, splitter in splitters_in_view(tab):
        seen += 1
        for handle in range(1, splitter.count()):
            for end in (0, length(splitter)):
                splitter.moveSplitter(end, handle)  # as a drag of the divider does
                QApplication.processEvents()
                if 0 in splitter.sizes():
                    gone.append((page, handle, end, splitter.sizes()))
    assert seen and gone == []


def test_a_pane_saved_collapsed_comes_back(demo_window, qtbot):
    """An earlier version kept the Projects editor collapsed (and the collapsibility with it) in the settings."""
    from safer_desk.ui.main_window import MainWindow
    from safer_desk.ui.projects.tab import SPLITTER_KEY

    resize_window(demo_window, (1093, 560))
    splitter = demo_window.show_tab("projects").register.splitter
    splitter.setChildrenCollapsible(True)
    splitter.setSizes([length(splitter), 0])
    assert splitter.sizes()[1] == 0
    settings.write(SPLITTER_KEY, QByteArray(splitter.saveState()))
    again = MainWindow()
    again.persist_state = False
    qtbot.addWidget(again)
    try:
        assert again.open_path(demo_window.session.store.path, read_only=True)
        resize_window(again, (1093, 560))
        restored = again.show_tab("projects").register.splitter
        QApplication.processEvents()
        assert 0 not in restored.sizes() and not restored.childrenCollapsible()
    finally:
        again.session.close()
