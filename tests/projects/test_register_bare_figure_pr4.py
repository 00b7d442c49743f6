"""The register's search finds a project by a bare figure typed without its commas (session 44, pr4).

"125,000" found Homeshield Plus (the register shows £125,000) but "125000", the same figure as a spreadsheet writes
it, found nothing. A figure typed alone is now looked for among the amounts shown too, as well as among the words.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.projects.conftest import kept as _kept  # the fixture ``register`` is the conftest's


@pytest.mark.parametrize("typed", ["125000", "125,000", " 125000 ", "125000.00"])
def test_a_bare_figure_finds_the_project_showing_that_amount(register, typed):
    assert _kept(register, typed) == ["Homeshield Plus"]


def test_a_bare_figure_finds_only_that_amount(register):
    assert _kept(register, "2500") == ["Suffolk ELEV8"]  # its £2,500 evaluation line: not £12,500 or £22,500
    assert _kept(register, "999999") == []


def test_the_search_box_finds_it(qtbot, demo_window):
    register = demo_window.show_tab("projects").register
    qtbot.keyClicks(register.search, "125000")
    shown = [register.proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole)
             for row in range(register.proxy.rowCount()) for column in range(register.proxy.columnCount())]
    assert register.proxy.rowCount() == 1 and "Homeshield Plus" in shown, shown
