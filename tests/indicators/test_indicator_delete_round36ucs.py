"""Indicators, round 36 (ucs): Del on an indicator in the list chooses the next one, as Del does elsewhere.

After Del the first indicator of the list was chosen, wherever the deleted one stood: the officer, going down the
list deleting duplicates, was sent back to the top. Now the indicator after it is chosen (the one before it when the
last is deleted), and Edit > Undo brings the deleted one back chosen (Redo: the next one again).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui.kit.tables import ROW_ROLE

FY16 = FinancialYear(2016)


def _tab(demo_window):
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    return tab


def _shown(tab) -> list[str]:
    proxy = tab.summary_proxy
    return [proxy.index(r, 0).data(ROW_ROLE).indicator.name for r in range(proxy.rowCount())]


def _chosen(tab) -> str:
    """The indicator highlighted in the list, which must be the one the tab shows."""
    rows = tab.summary_view.selectionModel().selectedRows()
    assert len(rows) == 1
    name = rows[0].data(ROW_ROLE).indicator.name
    assert tab.presenter.view is not None and tab.presenter.view.indicator.name == name
    return name


def _delete(qtbot, tab, prompts, name: str) -> None:
    tab.select_indicator(name)
    tab.window().activateWindow()
    tab.summary_view.setFocus()
    qtbot.waitUntil(tab.summary_view.hasFocus)
    prompts.answers.append(True)
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_Delete)
    assert name not in _shown(tab)


def test_del_chooses_the_next_indicator_and_undo_brings_the_deleted_one_back_chosen(demo_window, qtbot, prompts):
    tab = _tab(demo_window)
    names = _shown(tab)
    assert len(names) > 3
    middle, after = names[2], names[3]
    _delete(qtbot, tab, prompts, middle)
    assert _chosen(tab) == after
    assert tab.summary_view.hasFocus()  # Del again goes on down the list
    demo_window.undo_action.trigger()
    assert _shown(tab) == names
    assert _chosen(tab) == middle
    demo_window.redo_action.trigger()
    assert _chosen(tab) == after


def test_del_on_the_last_indicator_chooses_the_one_before(demo_window, qtbot, prompts):
    tab = _tab(demo_window)
    names = _shown(tab)
    _delete(qtbot, tab, prompts, names[-1])
    assert _chosen(tab) == names[-2]
    demo_window.undo_action.trigger()
    assert _chosen(tab) == names[-1]
