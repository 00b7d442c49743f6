"""Fixtures the Budgets tab's window tests share."""

import pytest

from safer_desk.storage.store import open_store


@pytest.fixture
def empty_tab(window, tmp_path):
    path = tmp_path / "new.sqlite"
    open_store(path, create=True).close()
    assert window.open_path(path)
    window.resize(1280, 800)
    window.show()
    return window.show_tab("budgets")


@pytest.fixture
def tab(demo_window):
    """The example's Budgets tab in a desk-sized window."""
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("budgets")
