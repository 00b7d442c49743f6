"""Session 64: the register sorted by Status put its projects in alphabetical order (Commissioned, Completed, Declined,
Live, Proposed, Shortlisted, Withdrawn), so the proposed sat between live and shortlisted. An officer sorting by status
expects the lifecycle (DESIGN.md 2.1): proposed → shortlisted → commissioned → live → completed, then declined and
withdrawn; the heading clicked again gives the reverse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from safer_desk.services import projects as svc
from safer_desk.storage.store import open_store

LIFECYCLE = ["Proposed", "Shortlisted", "Commissioned", "Live", "Completed", "Declined", "Withdrawn"]


def test_status_sorts_by_the_lifecycle(window, qtbot, tmp_path):
    path = tmp_path / "register.sqlite"
    store = open_store(path, create=True, office_name="Safer Plymouth")
    # added in an order that is neither alphabetical nor the lifecycle
    statuses = ["live", "withdrawn", "proposed", "completed", "declined", "shortlisted", "commissioned"]
    svc.add_projects(store, [svc.project_from_fields({"title": f"Project {n}", "status": s})
                             for n, s in enumerate(statuses, start=1)])
    store.close()
    assert window.open_path(path)
    page = window.show_tab("projects").register
    column = [c.key for c in page.model.columns].index("status")
    header = page.view.horizontalHeader()
    window.show()
    centre = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # the officer clicks the heading
    shown = [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]
    order = header.sortIndicatorOrder()
    assert shown == (LIFECYCLE if order == Qt.SortOrder.AscendingOrder else LIFECYCLE[::-1])
    page.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())] == LIFECYCLE

