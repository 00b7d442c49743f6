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
