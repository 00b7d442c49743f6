"""Session 69: a screenshot of Costs > Pooled funds caught the page before it had finished loading ("£805.67 a m"
cut, "(projected)" missing) though the real window settles. The wait polled the thread pool and gave up after 20
seconds by the clock, then drew the window as it stood: on a machine that busy the picture showed a page half
loaded. It now waits for each page's own signal that it has loaded, with no clock in it.

A busy machine is stood in for by a clock that runs 100 seconds between any two readings: a wait that goes by the
clock gives up at once, one that waits for the pages' signals is not moved by it."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QImage


@pytest.fixture
def busy_clock(monkeypatch):
    ticks = itertools.count(step=100.0)
    monkeypatch.setattr("time.monotonic", lambda: next(ticks))


def test_the_wait_ends_only_when_the_funds_page_has_shown_its_fund(busy_clock, demo_window, qtbot):
    from safer_desk.ui.app import wait_until_idle

    demo_window.resize(1093, 582)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    tab.pages.setCurrentIndex(2)
    assert tab.funds.is_busy()  # its fund is read on the thread pool
    wait_until_idle(demo_window)
    labels = tab.funds.figure_labels
    assert not demo_window.is_busy()
    assert labels["burn"].text() == "£805.67 a month" and labels["runs_out"].text() == "Apr 2020 (projected)"
    for key in ("burn", "runs_out"):  # laid out whole: the words fit the label, none cut
        label = labels[key]
        assert label.width() >= label.minimumSizeHint().width(), key
        assert label.height() >= label.heightForWidth(label.width()), key


@pytest.mark.parametrize("tab", ["projects", "costs"])
def test_the_screenshot_command_draws_each_tab_loaded(busy_clock, demo_path, tmp_path, monkeypatch, tab):
    """The tabs that load on the thread pool (the register, the reviews) are drawn once loaded."""
    from safer_desk.ui import app
    from safer_desk.ui.main_window import MainWindow

    seen = {}
    grab = MainWindow.grab

    def grabbed(window, *args):
        seen["busy"] = window.is_busy()
        seen["reviews"] = window.current_tab().reviews.presenter.rows if tab == "costs" else None
        return grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", grabbed)
    out = app.screenshot(tmp_path / "shot.png", demo_path, tab=tab)
    assert seen["busy"] is False
    if tab == "costs":
        assert len(seen["reviews"]) == 4
    assert not QImage(str(out)).isNull()
