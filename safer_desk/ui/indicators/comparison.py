"""Indicators > Compare Areas…: the county view (issue 13), one indicator's year for the office's areas.

Shows presenters.area_comparison: a table (area, kind, figure to date, population, rate, change, RAG in
words) and a horizontal bar chart drawn with QPainter, with names beside the bars, £-free figures with
thousands separators and an accessible name and description (the presenter's summary sentence).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QSizePolicy, QSplitter,
                               QVBoxLayout, QWidget)

from safer_desk.domain.indicators import format_number
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.presenters.formats import Unit, plain_shown
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import RIGHT, Column, RowTableModel, SortProxy
from safer_desk.ui.kit import fitting_size


MOST_ROWS = 12  # the table's rows given room before the chart (a county of twelve districts is rare)


def comparison_columns() -> list[Column]:
    return [
        Column("area", "Area"),
        Column("kind", "Kind"),
        Column("figure", "Year to date", align=RIGHT, unit=Unit.NUMBER, text_of=lambda r: r.figure_text,
               copy_of=lambda r: "" if r.figure is None else plain_shown(r.figure_text)),
        Column("period", "Period"),
        Column("population", "Population", align=RIGHT, unit=Unit.COUNT, text_of=lambda r: r.population_text,
               tooltip=lambda r: r.population_tip or None),
        Column("rate", "Rate", align=RIGHT, unit=Unit.NUMBER, text_of=lambda r: r.rate_text,
               copy_of=lambda r: "" if r.rate is None else plain_shown(r.rate_text)),
        # Sorted by the change and the RAG's order (red first), as the tab's summary sorts, not by their words.
        Column("change_text", "Change on last year", get=lambda r: r.change, text_of=lambda r: r.change_text),
        Column("rag", "RAG", get=lambda r: r.rag_order, text_of=lambda r: r.rag),
    ]


class BarChart(QWidget):
    """Horizontal bars, one per area, the name at the left and the figure at the end of each bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = ""
        self.bars: list[tuple[str, float]] = []
        self.texts: list[str] = []  # each bar's figure as the table shows it
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, title: str, bars: list[tuple[str, float]], summary: str, texts: list[str] | None = None) -> None:
        self.title, self.bars = title, bars
        self.texts = list(texts or [])
        self.setAccessibleName(f"Chart: {title}" if title else "Chart")
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.drawText(QRectF(4, 2, self.width() - 8, line), Qt.AlignmentFlag.AlignLeft, self.title)
        if not self.bars:
            painter.drawText(QRectF(0, 0, self.width(), self.height()), Qt.AlignmentFlag.AlignCenter,
                             "No figures to compare for this year.")
            painter.end()
            return
        label_width = min(max(metrics.horizontalAdvance(name) for name, _ in self.bars) + 12, self.width() // 3)
        top = line + 8
        step = max(line + 6, (self.height() - top - 4) / len(self.bars))
        largest = max((v for _, v in self.bars), default=0) or 1
        value_width = max(metrics.horizontalAdvance(self.bar_text(i)) for i in range(len(self.bars))) + 12
        room = max(self.width() - label_width - value_width - 8, 10)
        fill = QColor(palette.color(QPalette.ColorRole.Highlight))
        for i, (name, value) in enumerate(self.bars):
            y = top + i * step
            height = min(step - 6, line + 4)
            elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(QRectF(4, y, label_width - 8, height), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignRight, elided)
            length = room * max(value, 0) / largest
            painter.fillRect(QRectF(label_width, y, length, height), fill)
            painter.drawText(QRectF(label_width + length + 4, y, value_width, height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.bar_text(i))
        painter.end()

    def bar_text(self, index: int) -> str:
        """The figure at the end of a bar: as the table shows it, else the number with one decimal at most."""
        if index < len(self.texts) and self.texts[index]:
            return self.texts[index]
        value = self.bars[index][1]
        return format_number(value, 0 if float(value).is_integer() else 1)


class AreaComparisonDialog(QDialog):
    """The table and the chart side by side, over the indicator, year and "per" choices."""

    def __init__(self, store, parent=None, *, indicator_id: str | None = None, year=None):
        super().__init__(parent)
        self.setWindowTitle("Compare Areas")
        self.presenter = AreaComparisonPresenter(store)
        self._rows_given_room = -1  # the rows the table was last given the height of
        self.indicator = ChoiceBox()
        # Sized to a name of ordinary length, not the longest (159 letters in the example: the dialog was wider
        # than a laptop's screen, Rate per and Close off its edge); a long name is elided, whole in the list.
        self.indicator.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.indicator.setMinimumContentsLength(30)
        self.year = ChoiceBox()
        self.per = ChoiceBox()
        for choice in self.presenter.rate_choices():
            self.per.addItem(choice.label, int(choice.key))
        choices = QHBoxLayout()
        for text, combo in (("&Indicator:", self.indicator), ("&Year:", self.year), ("Rate &per:", self.per)):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(text.replace("&", "").rstrip(":"))
            choices.addWidget(label)
            choices.addWidget(combo, 3 if combo is self.indicator else 0)
        self.model = RowTableModel(comparison_columns())
        self.proxy = SortProxy()
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(accessible_name="Areas compared")
        self.view.setModel(self.proxy)
        self.chart = BarChart()
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        split.addWidget(self.view)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(*fitting_size(parent, 900, 560))
        self.presenter.changed.connect(self.show_state)
        self.presenter.load(indicator_id, year)
        self.indicator.currentIndexChanged.connect(self._indicator_chosen)
        self.year.currentIndexChanged.connect(self._year_chosen)
        self.per.currentIndexChanged.connect(lambda _i: self.presenter.set_rate_per(self.per.currentData()))

    def _indicator_chosen(self, _index: int) -> None:
        if self.indicator.currentData():
            self.presenter.set_indicator(self.indicator.currentData())

    def _year_chosen(self, _index: int) -> None:
        if self.year.currentText():
            self.presenter.set_year(self.year.currentText())

    def show_state(self) -> None:
        p = self.presenter
        for combo, items, current in ((self.indicator, [(c.label, c.key) for c in p.indicators], p.indicator_id),
                                      (self.year, [(y.label, y.label) for y in reversed(p.years)],
                                       p.year.label if p.year else None)):
            combo.blockSignals(True)
            combo.clear()
            for label, key in items:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        # Only a count is worked out per head of population: for a percentage or a rate the choice changed nothing.
        self.per.setEnabled(p.unit == "count")
        self.per.setToolTip("" if p.unit == "count" else "Rates per population are worked out for counts only: this "
                            f"indicator is a {'rate already' if p.unit == 'rate' else 'percentage'}.")
        self.model.set_rows(p.rows)
        self.view.resizeColumnsToContents()
        title, bars = p.chart_bars()
        self.chart.set_bars(title, bars, p.summary(), p.bar_texts())
        self.summary.setText(p.summary())
        if self.model.rowCount() != self._rows_given_room:  # another year's areas (a divider dragged is kept else)
            self._room_for_rows()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._room_for_rows()

    def _room_for_rows(self) -> None:
        """The table the height its rows need (up to MOST_ROWS), the chart the rest: on a laptop the table gave two
        of Suffolk's eight areas to its scroll bar while half the chart under it was empty."""
        rows = min(self.model.rowCount(), MOST_ROWS)
        total = sum(self.split.sizes())
        if not rows or total <= 0 or not self.isVisible():
            return
        self._rows_given_room = self.model.rowCount()
        view = self.view
        needed = (view.horizontalHeader().height() + rows * view.rowHeight(0) + 2 * view.frameWidth() + 2
                  + (view.horizontalScrollBar().sizeHint().height() if view.horizontalScrollBar().maximum() else 0))
        table = max(min(needed, total - self.chart.minimumHeight()), 0)
        self.split.setSizes([table, total - table])
