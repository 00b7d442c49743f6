"""What the Costs tests share: the example file's Costs tab, shown and read."""

import pytest


@pytest.fixture
def costs_tab(demo_window, qtbot):
    """The example's Costs tab in a window of 1280x690, shown, once its first read has ended."""
    demo_window.resize(1280, 690)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    return tab
