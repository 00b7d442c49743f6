"""Session 47: the Indicators figures grid draws a figure cut by its right edge in the part in view.

Seen in the window at 1200x705: the grid's Aug-16 column ran past the right edge and read "1,6" for 1,637, "7,8" for
7,851 and "+2" for +251: a figure cut short reads as another figure. The kit's tables draw such a figure in the part
in view (elided when even that is too narrow, never cut), and now the grid does too."""

from PySide6.QtWidgets import QStyledItemDelegate

from safer_desk.domain.periods import FinancialYear


def test_a_figure_half_in_view_is_drawn_in_the_part_in_view(demo_window, qtbot, monkeypatch):
    demo_window.resize(1200, 705)
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))
    tab.select_indicator("All crime")
    grid = tab.grid
    qtbot.waitUntil(lambda: grid.columnCount() == 12)
    width = grid.viewport().width()
    cut = next(c for c in range(grid.columnCount())
               if grid.columnViewportPosition(c) < width < grid.columnViewportPosition(c) + grid.columnWidth(c))
    painted = {}
    paint = QStyledItemDelegate.paint

    def spy(self, painter, option, index):
        painted[(index.row(), index.column())] = (option.rect.left(), option.rect.right(), index.data())
        paint(self, painter, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "paint", spy)
    grid.viewport().grab()
    figures = {k: v for k, v in painted.items() if k[1] == cut and v[2] and v[2][0].isdigit()}
    assert figures  # the month half in view has figures, drawn by the kit's delegate (Qt's own drew them cut)
    assert all(right < width for _, right, _ in figures.values()), (width, figures)
