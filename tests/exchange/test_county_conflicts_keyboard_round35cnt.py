"""Round 35 (cnt): the Conflicts window with many conflicts, on a laptop, by keyboard alone.

The county lead arrows down the table to a conflict, keeps one side (Alt+D), and goes on with the next one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

MANY = 30


def county_with_many_conflicts(folder: Path) -> Path:
    """A county file where Babergh and Mid Suffolk offices gave MANY county-wide projects different costs."""
    base = template(folder, police=False)
    store = open_store(base)
    try:
        ps.add_projects(store, [ps.Project(id=f"p-{n:02}", title=f"Shared project {n:02}", areas=("Countywide",))
                                for n in range(MANY)])
    finally:
        store.close()
    sent = []
    for name, district, pounds in (("babergh", "Babergh", 1000), ("mid", "Mid Suffolk", 2000)):
        office = office_from(base, folder / f"{name}.sqlite", f"{district} office", districts=[district])
        try:
            with office.transaction():
                office.conn.execute("UPDATE projects SET cost_min_pence = ? * 100 + CAST(substr(id, 3) AS INTEGER)",
                                    (pounds,))
            sent.append(export(office, folder / f"{name}-export.sqlite"))
        finally:
            office.close()
    county = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, sent)
        assert len(list_conflicts(county)) == MANY
    finally:
        county.close()
    return folder / "county.sqlite"


@pytest.fixture
def dialog(window, qtbot, tmp_path):
    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    assert window.open_path(county_with_many_conflicts(tmp_path))
    window.show()
    d = open_conflicts_dialog(window)
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    yield d
    d.close()


def test_after_a_decision_the_next_conflict_is_chosen_not_the_first(dialog, qtbot, prompts):
    dialog.view.setFocus()
    for _ in range(5):
        QTest.keyClick(dialog.view, Qt.Key.Key_Down)
    chosen = dialog.selected()
    after = dialog.model.row(dialog.proxy.mapToSource(dialog.proxy.index(6, 1)).row())
    with qtbot.waitSignal(dialog.decided):
        QTest.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert chosen.id not in [c.id for c in list_conflicts(dialog.session.store)]
    assert dialog.model.rowCount() == MANY - 1
    assert dialog.selected().id == after.id  # where the lead was in the list, not back at the top
    assert dialog.view.currentIndex().row() == 5
    assert QApplication.focusWidget() is dialog.view  # the arrows go on down the list
    QTest.keyClick(dialog.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.decided):
        QTest.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert dialog.model.rowCount() == MANY - 2 and dialog.view.currentIndex().row() == 6


def test_deciding_the_last_conflict_of_the_list_chooses_the_one_before(dialog, qtbot, prompts):
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.currentIndex().row() == MANY - 1
    with qtbot.waitSignal(dialog.decided):
        QTest.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert dialog.view.currentIndex().row() == MANY - 2 and dialog.selected() is not None
