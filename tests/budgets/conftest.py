"""Fixtures the Budgets tab's window tests share."""

import pytest


@pytest.fixture
def empty_tab(new_file_window):
    """The Budgets tab of a new, empty file (tests/conftest.py's new_file_window)."""
    return new_file_window.show_tab("budgets")


@pytest.fixture
def tab(demo_window):
    """The example's Budgets tab in a desk-sized window."""
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("budgets")
