"""The indicator chart: one kit chart whose series are built once and updated with setData.

Modes (``presenters.indicators.ChartMode``): this year against last by month (bars or lines),
cumulative against the target trajectory, rolling 12 months ("Mar 2020"), several areas on one chart.
What it shows comes from the presenter's ``ChartData``; the legend names the years and sits below the
axis, off the data; series differ by line style, marker or outline as well as colour; the chart's
accessible name is its title and its description the presenter's short summary in words.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QKeySequence, QPainter, QPalette, QPen

from safer_desk.exchange.files import to_tsv

from safer_desk.presenters.indicators import ChartData
from safer_desk.ui.kit import copy_to_clipboard
from safer_desk.ui.kit.chart import Chart, Layout, Series, number_tick, percent_tick

AREA_PENS = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b8860b"]
THIS_COLOUR, LAST_COLOUR, TARGET_COLOUR = "#1f5fa8", "#9aa5b1", "#c0392b"
# Areas differ by line style as well as colour (never by colour alone): four styles, then the same four with a
# marker each, so no two of the eight share both (Suffolk and Ipswich were both plain solid lines).
AREA_STYLES = ["solid", "dash", "dot", "dashdot"]
AREA_MARKERS = [None, None, None, None, "o", "s", "t", "s"]


class IndicatorChart(Chart):
    """The chart of the Indicators tab."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Indicator chart")
        self.setMinimumHeight(180)
        # A click gives it the focus, so Ctrl+C (Edit > Copy) copies its figures (copy_selection), not the row of the
        # list the focus was left on; so does Tab (the tab puts it in its order), for an officer at the keyboard.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.mode = "year"
        self.bars = True
        self.data = ChartData([], {})
        # Built once; every refresh is setData on these. Last year first: it stands left of this year.
        # Last year's bars are outlined and dashed as well as lighter: not told apart by colour alone.
        self.last_bars = self.add_bars("Last year", "#d5dbe1", outline="#4a4f55", outline_style="dash")
        self.this_bars = self.add_bars("This year", THIS_COLOUR)
        self.this_line = self.add_line("This year", THIS_COLOUR, width=2.5, marker="o", marker_size=7)
        self.last_line = self.add_line("Last year", LAST_COLOUR, width=2, marker="s", marker_size=6)
        self.target_line = self.add_line("Target", TARGET_COLOUR, width=2, style="dash")
        self.area_lines = [self.add_line(f"Area {i + 1}", c, style=AREA_STYLES[i % len(AREA_STYLES)],
                                         marker=AREA_MARKERS[i], marker_size=6)
                           for i, c in enumerate(AREA_PENS)]
        self.curves: list[Series] = list(self.series)
        for item in self.curves:
            item.setVisible(False)
        self._visible: list[tuple[Series, str, list[float | None]]] = []
        self.set_categories([])

    # -- data ---------------------------------------------------------------------------------
    def show_data(self, mode: str, data: ChartData, *, bars: bool | None = None) -> None:
        """Show a mode's data: updates the existing series, never rebuilds them."""
        self.mode, self.data = mode, data
        self.set_value_format(percent_tick if data.unit == "percentage" else number_tick)
        # A rate's ticks are bare numbers: the axis says their base (a count's and a percentage's ticks say theirs).
        self.set_value_label(f"Rate per {data.rate_per:,}" if data.unit == "rate" and data.rate_per else "")
        self.setAccessibleName(f"Chart: {data.title}" if data.title else "Indicator chart")
        self.setAccessibleDescription(data.summary)
        self.set_title(data.title, show=False)  # drawn only when exporting
        if bars is not None:
            self.bars = bars
        names = list(data.series)
        visible: list[tuple[Series, str, list[float | None]]] = []
        if mode == "year" and names:
            this = data.series.get(names[0], [])
            last = data.series.get(names[1], []) if len(names) > 1 else []
            last_item, this_item = (self.last_bars, self.this_bars) if self.bars else (self.last_line, self.this_line)
            visible += [(last_item, names[1] if len(names) > 1 else "Last year", last),
                        (this_item, names[0], this)]
        elif mode in ("cumulative", "rolling"):
            visible += [(item, name, data.series[name])
                        for item, name in zip((self.this_line, self.last_line, self.target_line), names)]
        elif mode == "areas":
            visible += [(item, name, data.series[name]) for item, name in zip(self.area_lines, names)]
        for item, name, values in visible:
            item.set_name(name)
            item.setData(range(len(values)), values)
        shown = {id(item) for item, _, _ in visible}
        for item in self.curves:
            item.setVisible(id(item) in shown)
        self._visible = visible
        # The legend names what is drawn: a year with no figures (none last year) named beside no bar read as figures
        # lost; the words under the chart say it has none.
        self.set_legend_order([item for item, _, values in visible if any(v is not None for v in values)])
        if self.categories != list(data.labels):
            self.set_categories(data.labels)

    def layout_for(self, width: float, height: float, metrics: QFontMetricsF | None = None) -> Layout:
        """The kit's layout, a count's value ticks in whole numbers: 0, 1, 2, 3 robberies, never 0.5; 0, 5, 10, never
        a tick at 7.5 of a step of 2.5."""
        layout = super().layout_for(width, height, metrics)
        if self.data.unit != "count" or float(layout.y_step).is_integer():
            return layout
        whole = [t for t in layout.y_ticks if float(t).is_integer()]
        if len(whole) < 2:
            return layout
        return replace(layout, y_ticks=whole, y_step=max(1.0, whole[1] - whole[0]))

    # -- copy ---------------------------------------------------------------------------------
    def copy_selection(self) -> bool:
        """Ctrl+C and Edit > Copy: the figures drawn, as a table for Excel (``ChartData.copy_rows``), in the legend's
        order."""
        if self.data.empty:
            return False
        copy_to_clipboard(to_tsv(self.data.copy_rows([name for _, name, _ in self._visible])))
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.hasFocus():  # where Ctrl+C will copy from
            # Two pixels, unbroken, all round: a one-pixel dotted line on the white chart, reached by Tab, was hard to
            # see (a focus frame must be seen to be used: the accessibility duty of a public body)
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.SolidLine)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
            painter.end()

    # -- hover --------------------------------------------------------------------------------
    def hover_text(self, index: int) -> str:
        """The values at one category, as the tooltip shows them."""
        if not (0 <= index < len(self.data.labels)):
            return ""
        lines = [self.data.labels[index]]
        for _, name, _values in self._visible:
            # As the table and the line under the chart say it: the rate's base, the places against target.
            lines.append(f"{name}: {self.data.text(name, index) or '—'}")
        return "\n".join(lines)

    def hover_text_at(self, pos: QPointF) -> str:
        layout = self.layout_for(self.width(), self.height())
        if not self.has_figures() or not layout.plot.adjusted(0, -8, 0, 8).contains(pos):
            return ""
        return self.hover_text(int(round(layout.x_of_px(pos.x()))))

    # -- export -------------------------------------------------------------------------------
    def export(self, target: Path | str) -> Path:
        """Write the chart with its title as PNG or SVG (by the file's suffix), atomically. The picture is drawn in
        memory and written as every export is, each write checked: Qt's own writes into the file said nothing of a
        disk that filled part way (an SVG cut short was moved over the earlier chart)."""
        from PySide6.QtCore import QBuffer, QIODevice

        from safer_desk.exchange.files import write_bytes_atomically

        target = Path(target)
        suffix = target.suffix.lower()
        if suffix not in (".png", ".svg"):
            raise ValueError(f"Charts are exported as .png or .svg, not “{target.suffix or 'no extension'}”.")
        width, height = max(self.width(), 800), max(self.height(), 400)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.set_title(self.data.title, show=True)
        try:
            if suffix == ".png":
                if not self.render_image(width, height).save(buffer, "PNG"):
                    raise ValueError("The chart could not be drawn as a PNG picture.")
            else:
                self.write_svg(buffer, width, height)
        finally:
            self.set_title(self.data.title, show=False)
        return write_bytes_atomically(target, bytes(buffer.data()))
