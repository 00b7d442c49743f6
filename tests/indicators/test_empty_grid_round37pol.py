"""Round 37 (pol): the figures grid with nothing to show.

A file with police.uk counts and no office set opens on Indicators with no area chosen (its place says to name the
office or find an area), and the empty figures grid showed the column headings "1 2 3 4 5 6 …" (the table's own
numbers), as if six periods were there to type into. With no indicator chosen it now shows no columns at all; once an
area and indicator are chosen it shows their periods, and deleting the only indicator empties it again (the grid
shown before stayed).
"""

from __future__ import annotations

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.storage.store import open_store
from tests.indicators.police_helpers import FIXTURES

STREET = FIXTURES / "suffolk-2021-01" / "2021-01-suffolk-street.csv"  # a cut of the real file, in tests/


def _headings(grid) -> list[str]:
    return [grid.horizontalHeaderItem(c).text() if grid.horizontalHeaderItem(c) else str(c + 1)
            for c in range(grid.columnCount())]


def test_a_file_with_no_office_shows_no_period_headings_in_the_empty_grid(window, tmp_path):
    path = tmp_path / "office.sqlite"
    assert main(["import-police", str(path), str(STREET)]) == 0
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    assert tab.presenter.view is None
    assert "File > Office Details" in tab.empty_state.text()  # what to do, said once in the chart's place
    assert (tab.grid.columnCount(), tab.grid.rowCount()) == (0, 0), _headings(tab.grid)
    assert tab.select_area("district:ipswich") and tab.select_year(FinancialYear(2020))
    assert tab.presenter.view is not None
    assert _headings(tab.grid)[:2] == ["Apr-20", "May-20"] and tab.grid.columnCount() == 12


def test_deleting_the_only_indicator_empties_the_grid_it_showed(window, tmp_path, prompts):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    ind = svc.save_indicator(store, "Burglary")
    svc.save_values(store, ind, svc.ensure_area(store, "Ipswich", "district"), [PeriodValue("2020-04", 12.0)])
    store.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    assert tab.select_area("district:ipswich") and tab.select_year(FinancialYear(2020))
    assert tab.grid.columnCount() == 12
    prompts.answers.append(True)  # Delete
    tab.delete_indicator()
    assert tab.presenter.view is None
    # The grid it showed stayed, Apr-20 to Mar-21 with Burglary's figure, under the words of a file without one.
    assert (tab.grid.columnCount(), tab.grid.rowCount()) == (0, 0), _headings(tab.grid)
