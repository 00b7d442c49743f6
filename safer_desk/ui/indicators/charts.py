"""The indicator chart: one pyqtgraph plot whose curves are built once and updated with setData.

Modes (``presenters.indicators.ChartMode``): this year against last by month (bars or lines),
cumulative against the target trajectory, rolling 12 months ("Mar 2020"), several areas on one chart.
What it shows comes from the presenter's ``ChartData``; the legend names the years and sits below the
axis, off the data; series differ by line style, marker or outline as well as colour; the chart's
accessible name is its title and its description the presenter's short summary in words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt  # noqa: F401  (PySide6 before pyqtgraph)

import pyqtgraph as pg

from safer_desk.domain.indicators import format_value
from safer_desk.presenters.indicators import ChartData

AREA_PENS = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b8860b"]
THIS_COLOUR, LAST_COLOUR, TARGET_COLOUR = "#1f5fa8", "#9aa5b1", "#c0392b"


def _xy(values: list[float | None]) -> tuple[list[float], list[float]]:
    xs = [float(i) for i, v in enumerate(values) if v is not None]
    ys = [float(v) for v in values if v is not None]
    return xs, ys


class FigureAxis(pg.AxisItem):
    """The value axis in the unit's format: "12,000", "90%" (never "12000")."""

    unit = "count"

    def tickStrings(self, values, scale, spacing):
        places = 0 if spacing >= 1 else 1
        suffix = "%" if self.unit == "percentage" else ""
        return [f"{v * scale:,.{places}f}{suffix}".replace("-", "\u2212") for v in values]


class IndicatorChart(pg.PlotWidget):
    """The chart of the Indicators tab."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w", axisItems={"left": FigureAxis(orientation="left")})
        self.setAccessibleName("Indicator chart")
        self.setMinimumHeight(180)
        self.plot_item = self.getPlotItem()
        self.plot_item.showGrid(x=False, y=True, alpha=0.25)
        self.plot_item.setMenuEnabled(False)
        self.plot_item.getViewBox().setMouseEnabled(x=False, y=False)
        # Wide enough for "12,000" from the first paint: pyqtgraph widens an axis only on a later
        # repaint, so a new chart (and every screenshot) would drop the labels that do not fit.
        self.plot_item.getAxis("left").setWidth(56)
        # The legend sits in the plot's layout under the month axis: never on the data.
        self.legend = pg.LegendItem(labelTextColor="#222", colCount=4)
        self.plot_item.layout.addItem(self.legend, 4, 1)
        self.mode = "year"
        self.bars = True
        self.data = ChartData([], {})
        # Built once; every refresh is setData / setOpts on these.
        self.this_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=THIS_COLOUR, pen=None, name="This year")
        # Last year's bars are outlined and dashed as well as lighter: not told apart by colour alone.
        self.last_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush="#d5dbe1",
                                         pen=pg.mkPen("#4a4f55", width=1.2, style=Qt.PenStyle.DashLine),
                                         name="Last year")
        self.this_line = pg.PlotDataItem([], [], pen=pg.mkPen(THIS_COLOUR, width=2.5), symbol="o", symbolSize=7,
                                         symbolBrush=THIS_COLOUR, name="This year")
        self.last_line = pg.PlotDataItem([], [], pen=pg.mkPen(LAST_COLOUR, width=2), symbol="s", symbolSize=6,
                                         symbolBrush=LAST_COLOUR, name="Last year")
        self.target_line = pg.PlotDataItem([], [], pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine),
                                           name="Target")
        # Areas differ by line style as well as colour (never by colour alone).
        styles = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine]
        self.area_lines = [pg.PlotDataItem([], [], pen=pg.mkPen(c, width=2, style=styles[i % len(styles)]),
                                           name=f"Area {i + 1}") for i, c in enumerate(AREA_PENS)]
        self.curves = [self.this_bars, self.last_bars, self.this_line, self.last_line, self.target_line,
                       *self.area_lines]
        for item in self.curves:
            self.plot_item.addItem(item)
            item.setVisible(False)
        self.hover = pg.TextItem("", color="#111", fill=pg.mkBrush(255, 255, 255, 230), border="#888",
                                 anchor=(0, 1))
        self.hover.setZValue(100)
        self.hover.setVisible(False)
        self.plot_item.addItem(self.hover, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self._visible: list[tuple[object, str, list[float | None]]] = []
        self._legend_key: list = []
        self._labels: list[str] = []

    # -- data ---------------------------------------------------------------------------------
    def show_data(self, mode: str, data: ChartData, *, bars: bool | None = None) -> None:
        """Show a mode's data: updates the existing curves, never rebuilds them."""
        self.mode, self.data = mode, data
        self.plot_item.getAxis("left").unit = data.unit
        self.setAccessibleName(f"Chart: {data.title}" if data.title else "Indicator chart")
        self.setAccessibleDescription(data.summary)
        if bars is not None:
            self.bars = bars
        names = list(data.series)
        visible: list[tuple[object, str, list[float | None]]] = []
        if mode == "year" and names:
            this, last = data.series.get(names[0], []) if names else [], \
                data.series.get(names[1], []) if len(names) > 1 else []
            if self.bars:
                xs, ys = _xy(last)
                self.last_bars.setOpts(x=[x - 0.2 for x in xs], height=ys)
                xs, ys = _xy(this)
                self.this_bars.setOpts(x=[x + 0.2 for x in xs], height=ys)
                visible += [(self.last_bars, names[1] if len(names) > 1 else "Last year", last),
                            (self.this_bars, names[0] if names else "This year", this)]
            else:
                self.last_line.setData(*_xy(last))
                self.this_line.setData(*_xy(this))
                visible += [(self.last_line, names[1] if len(names) > 1 else "Last year", last),
                            (self.this_line, names[0] if names else "This year", this)]
        elif mode in ("cumulative", "rolling"):
            for item, name in zip((self.this_line, self.last_line, self.target_line), names):
                values = data.series[name]
                item.setData(*_xy(values))
                visible.append((item, name, values))
        elif mode == "areas":
            for item, name in zip(self.area_lines, names):
                values = data.series[name]
                item.setData(*_xy(values))
                visible.append((item, name, values))
        shown = {id(item) for item, _, _ in visible}
        for item in self.curves:
            item.setVisible(id(item) in shown)
        self._visible = visible
        # The legend, ticks and x range change only when what they show changes: rebuilding them on
        # every switch costs more than the new figures (the title is drawn only when exporting).
        legend_key = [(id(item), name) for item, name, _ in visible]
        if legend_key != self._legend_key:
            self.legend.clear()
            for item, name, _ in visible:
                self.legend.addItem(item, name)
            self._legend_key = legend_key
        if data.labels != self._labels:
            axis = self.plot_item.getAxis("bottom")
            step = 1 if len(data.labels) <= 14 else 3 if len(data.labels) <= 40 else 6
            axis.setTicks([[(i, lab) for i, lab in enumerate(data.labels) if i % step == 0]])
            self.plot_item.setXRange(-0.7, max(len(data.labels), 1) - 0.3, padding=0)
            self._labels = list(data.labels)
        ys = [v for _, _, vals in visible for v in vals if v is not None]
        top = max(ys) if ys else 1.0
        bottom = min(0.0, min(ys)) if ys else 0.0
        self.plot_item.setYRange(bottom, top * 1.1 if top > 0 else 1.0, padding=0)
        self.hover.setVisible(False)

    # -- hover --------------------------------------------------------------------------------
    def hover_text(self, index: int) -> str:
        """The values at one category, as the hover box shows them."""
        if not (0 <= index < len(self.data.labels)):
            return ""
        lines = [self.data.labels[index]]
        for _, name, values in self._visible:
            v = values[index] if index < len(values) else None
            lines.append(f"{name}: {format_value(v, self.data.unit) if v is not None else '—'}")
        return "\n".join(lines)

    def _mouse_moved(self, pos) -> None:
        vb = self.plot_item.getViewBox()
        if not self.plot_item.sceneBoundingRect().contains(pos):
            self.hover.setVisible(False)
            return
        point = vb.mapSceneToView(pos)
        index = int(round(point.x()))
        text = self.hover_text(index)
        if not text:
            self.hover.setVisible(False)
            return
        self.hover.setText(text)
        self.hover.setPos(point.x(), point.y())
        self.hover.setVisible(True)

    # -- export -------------------------------------------------------------------------------
    def _export_svg(self, out: Path) -> None:
        # pyqtgraph 0.14's SVGExporter fails on this Qt's path data ("not enough values to unpack"),
        # so the widget is painted straight into Qt's own SVG generator.
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        size = QSize(max(self.width(), 800), max(self.height(), 400))
        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(self.data.title or "Indicator chart")
        painter = QPainter(generator)
        try:
            self.scene().render(painter, QRect(0, 0, size.width(), size.height()), self.sceneRect())
        finally:
            painter.end()

    def export(self, target: Path | str) -> Path:
        """Write the chart as PNG or SVG (by the file's suffix), atomically."""
        target = Path(target)
        suffix = target.suffix.lower()
        if suffix not in (".png", ".svg"):
            raise ValueError(f"Charts are exported as .png or .svg, not “{target.suffix or 'no extension'}”.")
        self.hover.setVisible(False)
        self.plot_item.setTitle(self.data.title, color="#222", size="11pt")
        try:
            self._export_to(target, suffix)
        finally:
            self.plot_item.setTitle(None)
        return target

    def _export_to(self, target: Path, suffix: str) -> None:
        from pyqtgraph import exporters

        from safer_desk.exchange.files import atomic_path

        with atomic_path(target) as tmp:
            out = tmp.with_suffix(suffix)
            try:
                if suffix == ".png":
                    exporter = exporters.ImageExporter(self.plot_item)
                    exporter.parameters()["width"] = max(800, int(self.width()))
                    exporter.export(str(out))
                else:
                    self._export_svg(out)
                out.replace(tmp)
            finally:
                out.unlink(missing_ok=True)
