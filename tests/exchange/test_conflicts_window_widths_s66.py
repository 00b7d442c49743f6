"""Session 66: the Conflicts window on a laptop (1093x582) gave its list of groups ("All (32)", "Projects (30)",
"Budgets and plans (2)") a fixed 250 pixels, most of it empty, while the table beside it was cut off at its
"About" column behind a horizontal scroll bar. The group list now takes the width its labels need, and where the
lead drags the divider is kept for the next time the window opens."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QSplitter

from tests.exchange.test_county_conflicts_keyboard_round35cnt import county_with_many_conflicts


@pytest.fixture
def county_path(tmp_path):
    return county_with_many_conflicts(tmp_path)


def _open(window, qtbot):
    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    d = open_conflicts_dialog(window)
    d.resize(1093, 582)
    qtbot.waitUntil(lambda: d.isVisible() and d.view.viewport().width() > 0)
    QApplication.processEvents()
    return d


def test_the_group_list_is_as_wide_as_its_labels_and_the_table_is_seen_whole(window, qtbot, county_path):
    assert window.open_path(county_path)
    window.show()
    d = _open(window, qtbot)
    try:
        labels = d.groups.sizeHintForColumn(0)
        assert labels <= d.groups.viewport().width() <= labels + 60, (labels, d.groups.width())
        last = d.model.columnCount() - 1
        assert d.view.columnViewportPosition(last) + d.view.columnWidth(last) <= d.view.viewport().width()
        assert not d.view.horizontalScrollBar().isVisible()
    finally:
        d.close()


def test_the_divider_stays_where_the_lead_left_it(window, qtbot, county_path):
    assert window.open_path(county_path)
    window.show()
    d = _open(window, qtbot)
    splitter = d.findChild(QSplitter)
    first = splitter.sizes()
    splitter.moveSplitter(first[0] + 100, 1)  # as dragging the divider does (it emits splitterMoved)
    moved = splitter.sizes()[0]
    assert moved > first[0]
    d.close()
    d.deleteLater()
    again = _open(window, qtbot)
    try:
        assert again is not d
        assert again.findChild(QSplitter).sizes()[0] == moved
    finally:
        again.close()
