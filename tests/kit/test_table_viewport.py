"""The kit's tables bring a viewport of their own (made in Python, so PySide6 need not look for its class at
start-up): it must be the viewport Qt would have made, in every attribute and in what it draws."""

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QTableView

from safer_desk.ui.kit.table_view import DataTableView, own_viewport


def _viewport_state(view: QTableView) -> dict:
    viewport = view.viewport()
    state = {"name": viewport.objectName(), "background": viewport.backgroundRole(),
             "foreground": viewport.foregroundRole(), "fills": viewport.autoFillBackground(),
             "focus": viewport.focusPolicy(), "focus proxy is the view": viewport.focusProxy() is view,
             "tracking": viewport.hasMouseTracking(), "drops": viewport.acceptDrops(),
             "menu": viewport.contextMenuPolicy(), "geometry": viewport.geometry(),
             "parent is the view": viewport.parentWidget() is view, "visible": viewport.isVisible()}
    for attribute in Qt.WidgetAttribute:
        state[attribute.name] = viewport.testAttribute(attribute)
    return state


def _shown(qtbot, view: QTableView) -> QTableView:
    qtbot.addWidget(view)
    view.setModel(QStringListModel([f"Row {n}" for n in range(40)], view))
    view.resize(320, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_own_viewport_is_the_one_qt_makes(qtbot):
    """Qt's own viewport and ours, on two plain tables alike: every attribute, and the picture, the same."""
    theirs = _shown(qtbot, QTableView())
    ours = QTableView()
    own_viewport(ours)
    ours = _shown(qtbot, ours)
    assert ours.viewport() is not None
    assert _viewport_state(ours) == _viewport_state(theirs)
    assert ours.grab().toImage() == theirs.grab().toImage()


def test_kit_table_uses_its_own_viewport_and_draws_rows(qtbot):
    view = _shown(qtbot, DataTableView(accessible_name="Rows"))
    viewport = view.viewport()
    assert viewport.objectName() == "qt_scrollarea_viewport"
    assert viewport.autoFillBackground()
    assert viewport.isVisible() and viewport.width() > 0
    assert view.indexAt(viewport.rect().topLeft()).data() == "Row 0"
