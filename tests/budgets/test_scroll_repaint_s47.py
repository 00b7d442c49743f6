"""Session 47: a figure drawn at the table's right edge is drawn whole once scrolled into view.

Seen in the window (Budgets, East Sussex MTFP at 1200x705): 2014/15 ran past the right edge, so the kit drew its
figures in the part in view, "£393,2…" (``WholeNumbers``). One click on the scroll bar's arrow and the column read
"£393,2… 00": Qt moves the pixels already drawn and draws only the strip that comes into view, so the figure drawn
for the edge stayed, with the end of the whole one beside it. A sideways scroll now has the whole view drawn again.
"""

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QAbstractSlider, QApplication

from tests.budgets.test_budgets_view import choose_plan



class Painted(QObject):
    """The part of a widget painted since it was last emptied."""

    def __init__(self):
        super().__init__()
        self.region = QRegion()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.region = self.region.united(event.region())
        return False


def test_a_sideways_scroll_draws_the_whole_grid_again(qtbot, demo_window, tab):
    demo_window.resize(1200, 705)
    choose_plan(tab, "East Sussex Community Safety MTFP")
    qtbot.waitExposed(demo_window)
    view = tab.view
    assert view.horizontalScrollBar().maximum() > 0  # a column runs past the right edge
    painted = Painted()
    view.viewport().installEventFilter(painted)
    view.viewport().repaint()
    painted.region = QRegion()
    view.horizontalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)  # the arrow clicked
    QApplication.processEvents()
    whole = QRegion(QRect(0, 0, view.viewport().width(), view.viewport().height()))
    # Scrolled sideways, the line names are drawn over the left edge (session 62): the grid under them is not seen.
    names = view.line_names
    assert names.isVisible()
    whole = whole.subtracted(QRegion(QRect(view.viewport().mapFrom(view, names.geometry().topLeft()), names.size())))
    assert whole.subtracted(painted.region).isEmpty(), [r for r in painted.region]
