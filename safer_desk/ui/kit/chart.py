"""One small chart widget painted with QPainter: lines, grouped bars, reference lines, two axes, a legend.

It replaces pyqtgraph (which brought numpy with OpenBLAS and QtOpenGL, 51 MB of the packaged folder, for
three small charts). What the pages need and nothing more:

- series built once and updated with ``Series.setData(xs, ys)`` (``getData()`` gives them back); a ``None``
  figure leaves a gap in a line and no bar;
- lines solid, dashed, dotted or dash-dotted, with circle, square or triangle markers; bars grouped side by
  side at each category, filled or outlined (so two years differ by more than colour);
- horizontal and vertical reference lines with a label at their end;
- a value axis with round ("nice") ticks in the page's format (``pounds_tick``: "£12,000", ``percent_tick``:
  "90%", ``short_pounds_tick``: "£1.2k"; minus is U+2212) and a light grid;
- a category or month axis whose labels come from a callback; labels that would overlap are skipped;
- the legend under the axis, wrapped onto as many rows as it needs: never on the data;
- a tooltip naming the nearest point (series, x label, value); "No figures to chart" centred when empty.

Everything is drawn in logical pixels, so high-DPI screens and resizing need nothing special, and the same
``paint`` draws the widget, a PNG of any size and an SVG.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QIODevice, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MINUS = "\u2212"
EMPTY_TEXT = "No figures to chart"
GRID_COLOUR = QColor(0, 0, 0, 28)
AXIS_COLOUR = QColor("#6b7280")
TEXT_COLOUR = QColor("#222222")
BACKGROUND = QColor("#ffffff")

LINE_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
}
MARKERS = (None, "o", "s", "t")

Formatter = Callable[[float, float], str]


# -- tick values and their words ----------------------------------------------------------------------
def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round values covering low..high: steps of 1, 2, 2.5 or 5 times a power of ten, about ``count`` of them."""
    if high < low:
        low, high = high, low
    if high - low < 1e-9 * max(1.0, abs(low), abs(high)):  # flat: give the line a unit of room
        high = low + max(1.0, abs(low) * 0.1)
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * (1 - 1e-9))
    start = math.floor(low / step + 1e-9) * step
    n = max(1, math.ceil((high - start) / step - 1e-9))
    return [_clean(start + i * step) for i in range(n + 1)]


def _clean(value: float) -> float:
    """0.30000000000000004 → 0.3: tick values printed with a fixed number of places must be exact."""
    return float(f"{value:.12g}")


def _places(step: float) -> int:
    """The places that write every multiple of ``step`` exactly: 2.5 needs one (7.5 was printed "8", −2.5 "−2"),
    0.25 two (0.75 was "0.8"), 25 none."""
    if step <= 0:
        return 0
    return next((p for p in range(7) if abs(round(step, p) - step) <= 1e-9 * max(1.0, step)), 6)


def _signed(text: str, negative: bool) -> str:
    return (MINUS + text) if negative else text


def number_tick(value: float, step: float) -> str:
    """"12,000"; "0.5"; "−200" (a true minus sign)."""
    v = _clean(value)
    return _signed(f"{abs(v):,.{_places(step)}f}", v < 0 and abs(v) >= 10 ** -_places(step) / 2)


def percent_tick(value: float, step: float) -> str:
    """"90%" (the figure is already a percentage)."""
    return number_tick(value, step) + "%"


def pounds_tick(value: float, step: float = 1.0) -> str:
    """"£12,000"; "−£6,957"."""
    v = _clean(value)
    return _signed(f"£{abs(v):,.{_places(step)}f}", v < 0)


def short_pounds_tick(value: float, step: float = 1.0) -> str:
    """"£1.2k", "£3m", "£850": for narrow charts."""
    v = abs(_clean(value))
    for size, suffix in ((1_000_000, "m"), (1_000, "k")):
        if v >= size:
            text = f"{v / size:,.1f}".removesuffix(".0") + suffix
            break
    else:
        text = f"{v:,.0f}"
    return _signed("£" + text, value < 0)


# -- what is drawn -------------------------------------------------------------------------------------
class Series:
    """One named set of points; built once, then updated with ``setData``."""

    kind = "line"

    def __init__(self, chart: Chart, name: str, colour: str):
        self.chart = chart
        self.name = name
        self.colour = QColor(colour)
        self.xs: list[float] = []
        self.ys: list[float | None] = []
        self._visible = True

    def setData(self, xs: Sequence[float], ys: Sequence[float | None]) -> None:  # noqa: N802 (pyqtgraph's name)
        """New figures (``None`` is a gap); the chart repaints once, on the next turn of the event loop."""
        xs, ys = list(xs), list(ys)
        if len(xs) != len(ys):
            raise ValueError(f"{self.name}: {len(xs)} x values against {len(ys)} y values")
        self.xs, self.ys = [float(x) for x in xs], [None if y is None else float(y) for y in ys]
        self.chart.update()

    def getData(self) -> tuple[list[float], list[float | None]]:  # noqa: N802
        return list(self.xs), list(self.ys)

    def set_name(self, name: str) -> None:
        if name != self.name:
            self.name = name
            self.chart.update()

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        if visible != self._visible:
            self._visible = visible
            self.chart.update()

    def isVisible(self) -> bool:  # noqa: N802
        return self._visible

    def points(self) -> list[tuple[float, float]]:
        return [(x, y) for x, y in zip(self.xs, self.ys) if y is not None]


class LineSeries(Series):
    kind = "line"

    def __init__(self, chart: Chart, name: str, colour: str, *, style: str = "solid", width: float = 2.0,
                 marker: str | None = None, marker_size: float = 6.0):
        super().__init__(chart, name, colour)
        if style not in LINE_STYLES:
            raise ValueError(f"line style {style!r} is not one of {sorted(LINE_STYLES)}")
        if marker not in MARKERS:
            raise ValueError(f"marker {marker!r} is not one of {MARKERS}")
        self.style, self.width, self.marker, self.marker_size = style, width, marker, marker_size

    def pen(self) -> QPen:
        pen = QPen(self.colour, self.width, LINE_STYLES[self.style])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen


class BarSeries(Series):
    kind = "bar"

    def __init__(self, chart: Chart, name: str, colour: str, *, filled: bool = True, outline: str | None = None,
                 outline_style: str = "solid"):
        super().__init__(chart, name, colour)
        self.filled = filled
        self.outline = QColor(outline) if outline else (None if filled else QColor(colour))
        self.outline_style = outline_style

    def pen(self) -> QPen:
        if self.outline is None:
            return QPen(Qt.PenStyle.NoPen)
        return QPen(self.outline, 1.2, LINE_STYLES[self.outline_style])

    def brush(self) -> QBrush:
        return QBrush(self.colour) if self.filled else QBrush(Qt.BrushStyle.NoBrush)


class RefLine:
    """A horizontal or vertical line across the plot at one value, with a label at its end."""

    def __init__(self, chart: Chart, vertical: bool, value: float, colour: str, label: str = "",
                 style: str = "solid", width: float = 1.5):
        self.chart, self.vertical = chart, vertical
        self._value, self.colour, self.label = float(value), QColor(colour), label
        self.style, self.width = style, width
        self._visible = True

    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:  # noqa: N802 (pyqtgraph's name)
        self._value = float(value)
        self.chart.update()

    def set_label(self, label: str) -> None:
        self.label = label
        self.chart.update()

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        self._visible = visible
        self.chart.update()

    def show(self) -> None:
        self.setVisible(True)

    def hide(self) -> None:
        self.setVisible(False)

    def isVisible(self) -> bool:  # noqa: N802
        return self._visible

    def pen(self) -> QPen:
        return QPen(self.colour, self.width, LINE_STYLES[self.style])


@dataclass(frozen=True)
class LegendPart:
    """One line of a legend entry's words too wide for the chart (a narrow pane): the swatch on the first only."""

    item: object
    text: str
    first: bool


def legend_entry_text(entry: object) -> str:
    """The words a legend entry (a series, a labelled line, or one line of a wrapped one) draws."""
    if isinstance(entry, LegendPart):
        return entry.text
    return entry.name if isinstance(entry, Series) else entry.label


def _wrap_words(text: str, room: float, fm: QFontMetricsF) -> list[str]:
    """``text`` in lines of whole words no wider than ``room`` (a word wider than that on a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and fm.horizontalAdvance(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [text]


@dataclass(frozen=True)
class Layout:
    """Where things go for one size: the plot's rectangle, the axes' ranges and ticks, the legend's rows."""

    plot: QRectF
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    y_ticks: list[float]
    y_step: float
    x_ticks: list[tuple[float, str]]
    legend_rows: list[list[tuple[object, float]]]  # (series, line or LegendPart, width) per entry
    legend_top: float

    def to_px(self, x: float, y: float) -> QPointF:
        (x0, x1), (y0, y1), r = self.x_range, self.y_range, self.plot
        px = r.left() + (x - x0) / ((x1 - x0) or 1) * r.width()
        py = r.bottom() - (y - y0) / ((y1 - y0) or 1) * r.height()
        return QPointF(px, py)

    def x_of_px(self, px: float) -> float:
        (x0, x1), r = self.x_range, self.plot
        return x0 + (px - r.left()) / (r.width() or 1) * (x1 - x0)


class Chart(QWidget):
    """The chart widget. Build the series once (``add_line``, ``add_bars``, ``add_vline``, ``add_hline``)."""

    PAD = 6.0
    TICK_PX = 34  # about one value tick per this many pixels of height
    LEGEND_SWATCH = 26.0
    ZERO_MARK_PX = 3.0  # the height of a bar of 0's mark on the baseline
    ANTIALIAS_POINTS = 2000  # more points than this on the lines: drawn without antialiasing (speed)

    def __init__(self, parent: QWidget | None = None, *, title: str = "", value_format: Formatter = number_tick):
        super().__init__(parent)
        self.series: list[Series] = []
        self.lines: list[RefLine] = []
        self.title = title
        self.show_title = bool(title)
        self.value_format: Formatter = value_format
        self.value_label = ""
        self.x_label: Callable[[float], str] = lambda x: f"{x:g}"
        self.x_ticks: Callable[[float, float, float], list[float]] | None = None
        self.categories: list[str] | None = None
        self._x_range: tuple[float, float] | None = None
        self._y_range: tuple[float, float] | None = None
        self.legend_order: list[object] | None = None
        self.bar_group_width = 0.8
        self.setMouseTracking(True)
        self.setMinimumSize(200, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title or "Chart")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- building --------------------------------------------------------------------------------
    def add_line(self, name: str, colour: str, *, style: str = "solid", width: float = 2.0,
                 marker: str | None = None, marker_size: float = 6.0) -> LineSeries:
        """A line (``style`` solid/dash/dot/dashdot; ``marker`` None/"o"/"s"/"t")."""
        series = LineSeries(self, name, colour, style=style, width=width, marker=marker, marker_size=marker_size)
        self.series.append(series)
        self.update()
        return series

    def add_bars(self, name: str, colour: str, *, filled: bool = True, outline: str | None = None,
                 outline_style: str = "solid") -> BarSeries:
        """Bars at each x; several visible bar series stand side by side, in the order they were added."""
        series = BarSeries(self, name, colour, filled=filled, outline=outline, outline_style=outline_style)
        self.series.append(series)
        self.update()
        return series

    def add_vline(self, x: float, colour: str, label: str = "", *, style: str = "solid", width: float = 1.5) -> RefLine:
        line = RefLine(self, True, x, colour, label, style, width)
        self.lines.append(line)
        self.update()
        return line

    def add_hline(self, y: float, colour: str, label: str = "", *, style: str = "solid", width: float = 1.5) -> RefLine:
        line = RefLine(self, False, y, colour, label, style, width)
        self.lines.append(line)
        self.update()
        return line

    def clear(self) -> None:
        """Remove every series and line (pages normally keep theirs and call ``setData``)."""
        self.series.clear()
        self.lines.clear()
        self.legend_order = None
        self.update()

    # -- axes --------------------------------------------------------------------------------------
    def set_categories(self, labels: Sequence[str]) -> None:
        """x = 0, 1, 2 … named by ``labels`` (a label may hold a line break)."""
        self.categories = list(labels)
        self.x_label = lambda x: self.categories[int(round(x))] if 0 <= round(x) < len(self.categories) else ""
        self.x_ticks = None
        self._x_range = (-0.6, max(len(self.categories), 1) - 0.4)
        self.update()

    def set_x_axis(self, label: Callable[[float], str],
                   ticks: Callable[[float, float, float], list[float]] | None = None) -> None:
        """x is a number named by ``label(x)``; ``ticks(lo, hi, width_px)`` proposes where (default: whole x)."""
        self.categories = None
        self.x_label, self.x_ticks = label, ticks
        self.update()

    def set_x_range(self, low: float, high: float) -> None:
        self._x_range = (float(low), float(high))
        self.update()

    def set_y_range(self, low: float | None, high: float | None = None) -> None:
        """Fix the value axis (``None`` goes back to fitting the figures)."""
        self._y_range = None if low is None or high is None else (float(low), float(high))
        self.update()

    def set_value_format(self, formatter: Formatter) -> None:
        self.value_format = formatter
        self.update()

    def set_value_label(self, text: str) -> None:
        self.value_label = text
        self.update()

    def set_title(self, title: str, *, show: bool = True) -> None:
        self.title, self.show_title = title, show and bool(title)
        self.update()

    def set_legend_order(self, items: Sequence[object] | None) -> None:
        """The legend's entries in this order (default: visible series, then labelled lines, as added)."""
        self.legend_order = list(items) if items is not None else None
        self.update()

    # -- reading back ------------------------------------------------------------------------------
    def visible_series(self) -> list[Series]:
        return [s for s in self.series if s.isVisible()]

    def has_figures(self) -> bool:
        return any(s.points() for s in self.visible_series())

    def legend_items(self) -> list[object]:
        if self.legend_order is not None:
            return [i for i in self.legend_order if i.isVisible()]
        return [*self.visible_series(), *(line for line in self.lines if line.isVisible() and line.label)]

    def legend_names(self) -> list[str]:
        """The legend's words, in order."""
        return [i.name if isinstance(i, Series) else i.label for i in self.legend_items()]

    def value_ticks(self, height: float | None = None) -> list[str]:
        """The value axis's labels at the widget's present (or a given) height, bottom to top."""
        layout = self.layout_for(self.width(), height if height is not None else self.height())
        return [self.value_format(v, layout.y_step) for v in layout.y_ticks]

    def x_tick_labels(self, width: float | None = None) -> list[str]:
        """The x labels drawn at the present (or a given) width, left to right, after overlapping ones are skipped."""
        layout = self.layout_for(width if width is not None else self.width(), self.height())
        return [text for _, text in layout.x_ticks]

    def value_axis_width(self) -> float:
        return self.layout_for(self.width(), self.height()).plot.left()

    # -- geometry ------------------------------------------------------------------------------------
    def _bar_slots(self) -> tuple[list[BarSeries], float]:
        bars = [s for s in self.visible_series() if isinstance(s, BarSeries)]
        return bars, self.bar_group_width / max(1, len(bars))

    def _data_ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        xs: list[float] = []
        ys: list[float] = []
        bars, _ = self._bar_slots()
        for s in self.visible_series():
            for x, y in s.points():
                xs.append(x)
                ys.append(y)
        if bars:
            ys.append(0.0)
        ys += [line.value() for line in self.lines if line.isVisible() and not line.vertical]
        xs += [line.value() for line in self.lines if line.isVisible() and line.vertical]
        if self._x_range is not None:
            x_range = self._x_range
        elif xs:
            pad = 0.5 if bars else 0.0
            lo, hi = min(xs) - pad, max(xs) + pad
            x_range = (lo, hi if hi > lo else lo + 1)
        else:
            x_range = (0.0, 1.0)
        if self._y_range is not None:
            y_range = self._y_range
        elif ys:
            # From zero (figures of crimes and pounds read wrongly from a cut-off axis), a little headroom.
            lo, hi = min(min(ys), 0.0), max(max(ys), 0.0)
            y_range = (lo, hi + (hi - lo) * 0.04)
        else:
            y_range = (0.0, 1.0)
        return x_range, y_range

    def _title_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def title_lines(self, width: float) -> list[str]:
        """The title in lines of whole words that fit the width: an indicator's long name on one line was cut at
        both edges of an exported chart ("Safe from Harm” service users … against 2015/1")."""
        return _wrap_words(self.title, max(width - 2 * self.PAD, 50), QFontMetricsF(self._title_font()))

    def layout_for(self, width: float, height: float, metrics: QFontMetricsF | None = None) -> Layout:
        """Where everything goes at a size (the same sums paint the widget, a PNG and an SVG)."""
        fm = metrics or QFontMetricsF(self.font())
        line_h = fm.height()
        pad = self.PAD
        top = pad + (len(self.title_lines(width)) * (line_h + 2) + 2 if self.show_title and self.title else 0) \
            + line_h / 2
        x_range, (y_lo, y_hi) = self._data_ranges()
        # Legend rows first (they sit at the bottom and take what they need).
        items = self.legend_items()
        room = max(width - 2 * pad, 50)
        lead = self.LEGEND_SWATCH + 6
        entries: list[tuple[object, float]] = []
        for item in items:
            text = legend_entry_text(item)
            if lead + fm.horizontalAdvance(text) + 14 <= room:
                entries.append((item, lead + fm.horizontalAdvance(text) + 14))
                continue
            # Wider than the chart (a narrow pane): its words go on over lines of their own, never cut at the edge.
            entries += [(LegendPart(item, line, n == 0), lead + fm.horizontalAdvance(line) + 14)
                        for n, line in enumerate(_wrap_words(text, room - lead - 14, fm))]
        rows: list[list[tuple[object, float]]] = []
        for entry in entries:
            alone = isinstance(entry[0], LegendPart) or (rows and isinstance(rows[-1][-1][0], LegendPart))
            if rows and not alone and sum(w for _, w in rows[-1]) + entry[1] <= room:
                rows[-1].append(entry)
            else:
                rows.append([entry])
        legend_h = len(rows) * (line_h + 2) + (4 if rows else 0)
        x_lines = max((self.x_label(x).count("\n") + 1 for x in self._candidate_x(x_range, width)), default=1)
        axis_h = x_lines * line_h + 6
        bottom = height - pad - legend_h - axis_h
        plot_h = max(bottom - top, 20)
        count = max(3, min(8, int(plot_h // self.TICK_PX)))
        if self._y_range is not None:
            ticks = [t for t in nice_ticks(y_lo, y_hi, count) if y_lo - 1e-9 <= t <= y_hi + 1e-9]
            y_range = (y_lo, y_hi)
        else:
            ticks = nice_ticks(y_lo, y_hi, count)
            # The axis ends at a round tick unless that wastes much of a short chart (£0–£400,000 for
            # figures up to £223,181): then at the figures' own top, with the ticks below it.
            span = (y_hi - y_lo) or 1.0
            axis_top = ticks[-1] if ticks[-1] - y_hi <= 0.15 * span else y_hi
            axis_bottom = ticks[0] if y_lo - ticks[0] <= 0.15 * span else y_lo
            ticks = [t for t in ticks if axis_bottom - 1e-9 * span <= t <= axis_top + 1e-9 * span]
            y_range = (axis_bottom, axis_top)
        step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
        label_w = max((fm.horizontalAdvance(self.value_format(t, step)) for t in ticks), default=20)
        left = pad + label_w + 6 + (line_h + 2 if self.value_label else 0)
        right = width - pad - fm.horizontalAdvance("0") * 2
        plot = QRectF(left, top, max(right - left, 20), plot_h)
        layout = Layout(plot, x_range, y_range, ticks, step, [], rows, bottom + axis_h + 4)
        x_ticks = self._x_ticks_that_fit(layout, fm)
        return Layout(plot, x_range, y_range, ticks, step, x_ticks, rows, bottom + axis_h + 4)

    def _candidate_x(self, x_range: tuple[float, float], width: float) -> list[float]:
        lo, hi = x_range
        if self.x_ticks is not None:
            return [x for x in self.x_ticks(lo, hi, width) if lo - 1e-9 <= x <= hi + 1e-9]
        if hi - lo > 2000:  # not categories: a few round numbers
            return nice_ticks(lo, hi, 6)
        return [float(x) for x in range(math.ceil(lo - 1e-9), math.floor(hi + 1e-9) + 1)]

    def _x_ticks_that_fit(self, layout: Layout, fm: QFontMetricsF) -> list[tuple[float, str]]:
        """Labels at the candidate x, at a regular stride so none overlaps its neighbour."""
        candidates = [(x, self.x_label(x)) for x in self._candidate_x(layout.x_range, layout.plot.width())]
        candidates = [(x, t) for x, t in candidates if t]
        if not candidates:
            return []
        gap = fm.horizontalAdvance("  ")

        def widest(text: str) -> float:
            return max(fm.horizontalAdvance(part) for part in text.split("\n"))

        for stride in (1, 2, 3, 4, 6, 12, 24, 48, 120):
            chosen = candidates[::stride]
            ok = True
            # Neighbours, and the labels either side of one a line lower (on one line, a slot apart), where they are
            # drawn: one at an edge moved in (``x_label_rect``).
            for (xa, ta), (xb, tb) in [*zip(chosen, chosen[1:]), *zip(chosen, chosen[2:])]:
                pa, pb = (self.x_label_rect(layout, fm, x, t).center().x() for x, t in ((xa, ta), (xb, tb)))
                if pb - pa < (widest(ta) + widest(tb)) / 2 + gap and not _staggered(ta, tb):
                    ok = False
                    break
            if ok:
                return chosen
        return candidates[:1]

    # -- painting ----------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        try:
            self.paint(painter, self.width(), self.height())
        finally:
            painter.end()

    def paint(self, painter: QPainter, width: float, height: float) -> None:
        """Draw the whole chart into ``painter`` at (0, 0, width, height)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.fillRect(QRectF(0, 0, width, height), BACKGROUND)
        fm = QFontMetricsF(painter.font())
        if self.show_title and self.title:
            painter.save()
            painter.setFont(self._title_font())
            painter.setPen(TEXT_COLOUR)
            for n, line in enumerate(self.title_lines(width)):
                painter.drawText(QRectF(self.PAD, self.PAD + n * (fm.height() + 2), width - 2 * self.PAD,
                                        fm.height() + 2),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, line)
            painter.restore()
        if not self.has_figures():
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, EMPTY_TEXT)
            return
        layout = self.layout_for(width, height, fm)
        self._paint_value_axis(painter, layout, fm)
        self._paint_x_axis(painter, layout, fm)
        painter.save()
        painter.setClipRect(layout.plot.adjusted(-1, -8, 1, 1))
        self._paint_bars(painter, layout, fm)
        self._paint_lines(painter, layout)
        self._paint_ref_lines(painter, layout, fm)
        painter.restore()
        self._paint_legend(painter, layout, fm, width)

    def _paint_value_axis(self, painter: QPainter, layout: Layout, fm: QFontMetricsF) -> None:
        plot = layout.plot
        for value in layout.y_ticks:
            y = layout.to_px(layout.x_range[0], value).y()
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT_COLOUR)
            text = self.value_format(value, layout.y_step)
            painter.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        if self.value_label:
            painter.save()
            painter.setPen(AXIS_COLOUR)
            painter.translate(self.PAD + fm.height() / 2, plot.center().y())
            painter.rotate(-90)
            painter.drawText(QRectF(-plot.height() / 2, -fm.height() / 2, plot.height(), fm.height()),
                             Qt.AlignmentFlag.AlignCenter, fm.elidedText(self.value_label, Qt.TextElideMode.ElideRight,
                                                                         plot.height()))
            painter.restore()
        painter.setPen(QPen(AXIS_COLOUR, 1))
        zero = 0.0 if layout.y_range[0] <= 0 <= layout.y_range[1] else layout.y_range[0]
        y0 = layout.to_px(layout.x_range[0], zero).y()
        painter.drawLine(QPointF(plot.left(), y0), QPointF(plot.right(), y0))

    def x_label_rect(self, layout: Layout, fm: QFontMetricsF, x: float, text: str) -> QRectF:
        """Where the label of ``x`` is drawn: centred under its tick, or moved in from the chart's edge so that it
        is drawn whole (the last month of a fund's chart at the plot's right end read "Apr 202")."""
        lines = text.split("\n")
        w = max(fm.horizontalAdvance(part) for part in lines) + 4
        edge = layout.plot.right() + self.PAD + fm.horizontalAdvance("0") * 2  # the chart's width (``layout_for``)
        left = max(0.0, min(layout.to_px(x, 0).x() - w / 2, edge - w))
        return QRectF(left, layout.plot.bottom() + 4, w, fm.height() * len(lines))

    def x_label_rects(self, layout: Layout, fm: QFontMetricsF) -> list[QRectF]:
        return [self.x_label_rect(layout, fm, x, text) for x, text in layout.x_ticks]

    def _paint_x_axis(self, painter: QPainter, layout: Layout, fm: QFontMetricsF) -> None:
        plot = layout.plot
        painter.setPen(TEXT_COLOUR)
        for x, text in layout.x_ticks:
            px = layout.to_px(x, 0).x()
            painter.setPen(QPen(AXIS_COLOUR, 1))
            painter.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 3))
            painter.setPen(TEXT_COLOUR)
            painter.drawText(self.x_label_rect(layout, fm, x, text),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

    def _bar_rects(self, layout: Layout) -> list[tuple[BarSeries, float, float, QRectF]]:
        """Each bar's rectangle: (series, x, value, rect)."""
        bars, slot = self._bar_slots()
        out = []
        zero = min(max(0.0, layout.y_range[0]), layout.y_range[1])
        for i, series in enumerate(bars):
            offset = (i - (len(bars) - 1) / 2) * slot
            for x, y in series.points():
                a = layout.to_px(x + offset - slot / 2 * 0.94, zero)
                b = layout.to_px(x + offset + slot / 2 * 0.94, y)
                rect = QRectF(a, b).normalized()
                if y != 0 and rect.height() < self.ZERO_MARK_PX:
                    # A figure too small for a pixel of bar (0.0001 beside 100) is at least a 0's mark high, away
                    # from the zero line: nothing drawn read as a period with no figure.
                    if y > 0:
                        rect.setTop(rect.bottom() - self.ZERO_MARK_PX)
                    else:
                        rect.setBottom(rect.top() + self.ZERO_MARK_PX)
                out.append((series, x, y, rect))
        return out

    def _zero_marks(self, layout: Layout, fm: QFontMetricsF) -> list[tuple[BarSeries, float, QRectF, str]]:
        """Each bar of 0 as drawn: a mark on the baseline and, where the bar is wide enough, its figure ("0", "0%")
        above it. A bar of 0 has no height, so it looked like a period with no figure (which has no bar at all)."""
        out = []
        for series, x, y, rect in self._bar_rects(layout):
            if y != 0:
                continue
            mark = QRectF(rect.left(), rect.bottom() - self.ZERO_MARK_PX, rect.width(), self.ZERO_MARK_PX)
            text = self.value_format(0.0, 1.0)  # "0", never "0.0" from a fine axis
            out.append((series, x, mark, text if fm.horizontalAdvance(text) + 2 <= rect.width() else ""))
        return out

    def zero_labels(self, width: float | None = None, height: float | None = None) -> list[tuple[str, float, str]]:
        """(series, x, figure) of each bar of 0 labelled at a size (its mark is drawn whatever the size)."""
        fm = QFontMetricsF(self.font())
        layout = self.layout_for(width or self.width(), height or self.height(), fm)
        return [(series.name, x, text) for series, x, _, text in self._zero_marks(layout, fm) if text]

    def _paint_bars(self, painter: QPainter, layout: Layout, fm: QFontMetricsF) -> None:
        for series, _, y, rect in self._bar_rects(layout):
            if y == 0:
                continue
            painter.setPen(series.pen())
            painter.setBrush(series.brush())
            painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # A bar of 0 is a solid mark on the baseline with its figure above it; no figure is nothing: the two differ
        # by shape and words, not colour.
        for series, _, mark, text in self._zero_marks(layout, fm):
            painter.fillRect(mark, series.outline if series.outline is not None else series.colour)
            if text:
                painter.setPen(TEXT_COLOUR)
                painter.drawText(QRectF(mark.left() - 4, mark.top() - fm.height() - 1, mark.width() + 8, fm.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)

    def _paint_lines(self, painter: QPainter, layout: Layout) -> None:
        # One polyline per unbroken run, with the mapping done inline: a 50-series chart of 120 points
        # repaints in a few ms this way, where a QPainterPath per series and a call per point took ~100 ms.
        (x0, x1), (y0, y1), r = layout.x_range, layout.y_range, layout.plot
        sx, sy = r.width() / ((x1 - x0) or 1), r.height() / ((y1 - y0) or 1)
        left, bottom = r.left(), r.bottom()
        lines = [s for s in self.visible_series() if isinstance(s, LineSeries)]
        # Antialiased wide lines cost ~1 ms per 100 points on these machines: a chart of thousands of points
        # (50 series of 120 months) is drawn without it, as pyqtgraph drew every chart, to repaint in ~20 ms.
        painter.save()
        if sum(len(s.xs) for s in lines) > self.ANTIALIAS_POINTS:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for series in lines:
            runs: list[list[QPointF]] = [[]]
            for x, y in zip(series.xs, series.ys):
                if y is None:
                    if runs[-1]:
                        runs.append([])
                    continue
                runs[-1].append(QPointF(left + (x - x0) * sx, bottom - (y - y0) * sy))
            painter.setPen(series.pen())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for run in self._strokes(series, runs, sx):
                painter.drawPolyline(QPolygonF(run))
            if series.marker:
                painter.setPen(QPen(series.colour, 1))
                painter.setBrush(series.colour)
                for run in runs:
                    for p in run:
                        _draw_marker(painter, series.marker, p, series.marker_size)
                painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.restore()

    def _strokes(self, series: LineSeries, runs: list[list[QPointF]], px_per_x: float) -> list[list[QPointF]]:
        """The polylines a line is drawn with: each run of two points or more; a lone point (a target for the one
        period of an annual indicator, a month between two without a figure) of a line without markers as a short
        level stroke across its place, where it was drawn as nothing: the legend named a target no mark showed."""
        half = max(6.0, px_per_x * self.bar_group_width / 2) if self.categories is not None else 6.0
        return [run if len(run) > 1 else [QPointF(run[0].x() - half, run[0].y()), QPointF(run[0].x() + half,
                                                                                          run[0].y())]
                for run in runs if len(run) > 1 or (run and not series.marker)]

    def drawn_strokes(self, series: LineSeries, width: float | None = None,
                      height: float | None = None) -> list[list[tuple[float, float]]]:
        """The polylines ``series`` is drawn with at a size, in widget pixels (for tests and checks: what the chart
        shows, without reading pixels)."""
        layout = self.layout_for(width or self.width(), height or self.height())
        runs: list[list[QPointF]] = [[]]
        for x, y in zip(series.xs, series.ys):
            if y is None:
                if runs[-1]:
                    runs.append([])
                continue
            runs[-1].append(layout.to_px(x, y))
        (x0, x1), plot = layout.x_range, layout.plot
        if not series.isVisible():
            return []
        return [[(p.x(), p.y()) for p in run]
                for run in self._strokes(series, runs, plot.width() / ((x1 - x0) or 1))]

    def _paint_ref_lines(self, painter: QPainter, layout: Layout, fm: QFontMetricsF) -> None:
        plot = layout.plot
        for line in self.lines:
            if not line.isVisible():
                continue
            painter.setPen(line.pen())
            if line.vertical:
                x = layout.to_px(line.value(), 0).x()
                if not plot.left() - 1 <= x <= plot.right() + 1:
                    continue
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            else:
                y = layout.to_px(0, line.value()).y()
                if not plot.top() - 1 <= y <= plot.bottom() + 1:
                    continue
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    def _paint_legend(self, painter: QPainter, layout: Layout, fm: QFontMetricsF, width: float) -> None:
        y = layout.legend_top
        for row in layout.legend_rows:
            x = self.PAD
            for entry, entry_w in row:
                mid = y + fm.height() / 2
                if not isinstance(entry, LegendPart) or entry.first:  # a wrapped entry's swatch on its first line
                    swatch = entry.item if isinstance(entry, LegendPart) else entry
                    _draw_swatch(painter, swatch, QRectF(x, mid - 6, self.LEGEND_SWATCH, 12))
                painter.setPen(TEXT_COLOUR)
                painter.drawText(QRectF(x + self.LEGEND_SWATCH + 6, y, entry_w, fm.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, legend_entry_text(entry))
                x += entry_w
            y += fm.height() + 2

    # -- hover -------------------------------------------------------------------------------------
    def nearest_point(self, pos: QPointF, within_px: float = 24.0) -> tuple[Series, float, float] | None:
        """The visible point nearest ``pos`` (widget pixels), if one is within ``within_px``."""
        if not self.has_figures():
            return None
        layout = self.layout_for(self.width(), self.height())
        best, best_d = None, within_px
        for series, x, y, rect in self._bar_rects(layout):
            if rect.adjusted(-2, -2 - (self.ZERO_MARK_PX if y == 0 else 0), 2, 2).contains(pos):
                return series, x, y
        for series in self.visible_series():
            if isinstance(series, BarSeries):
                continue
            for x, y in series.points():
                p = layout.to_px(x, y)
                d = math.hypot(p.x() - pos.x(), p.y() - pos.y())
                if d < best_d:
                    best, best_d = (series, x, y), d
        return best

    def hover_text_at(self, pos: QPointF) -> str:
        """What the tooltip says at ``pos``: the nearest point's series, x label and value."""
        found = self.nearest_point(pos)
        if found is None:
            return ""
        series, x, y = found
        step = self.layout_for(self.width(), self.height()).y_step
        label = self.x_label(x).replace("\n", "")
        return f"{series.name}\n{label}: {self.value_format(y, min(step, 1.0) if y != int(y) else step)}"

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        text = self.hover_text_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        QToolTip.hideText()
        super().leaveEvent(event)

    # -- pictures ------------------------------------------------------------------------------------
    def render_image(self, width: int | None = None, height: int | None = None) -> QImage:
        """The chart drawn into an image of a given size in logical pixels (default: the widget's)."""
        w, h = int(width or max(self.width(), 1)), int(height or max(self.height(), 1))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(BACKGROUND)
        painter = QPainter(image)
        try:
            self.paint(painter, w, h)
        finally:
            painter.end()
        return image

    def write_svg(self, out: Path | QIODevice, width: int, height: int) -> None:
        """The chart as an SVG of a given size (vectors and text, no picture inside), to a file or a device (a
        buffer in memory, which an export then writes checked)."""
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        if isinstance(out, QIODevice):
            generator.setOutputDevice(out)
        else:
            generator.setFileName(str(out))
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        generator.setResolution(QImage(1, 1, QImage.Format.Format_ARGB32).logicalDpiX())  # text as on screen
        generator.setTitle(self.title or self.accessibleName())
        generator.setDescription(self.accessibleDescription())
        painter = QPainter(generator)
        try:
            self.paint(painter, width, height)
        finally:
            painter.end()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 260)


def _staggered(a: str, b: str) -> bool:
    """Two labels on different lines ("Ipswich" and "\\nWaveney") never overlap."""
    return a.startswith("\n") != b.startswith("\n")


def _draw_marker(painter: QPainter, marker: str, p: QPointF, size: float) -> None:
    r = size / 2
    if marker == "s":
        painter.drawRect(QRectF(p.x() - r, p.y() - r, size, size))
    elif marker == "t":
        painter.drawPolygon(QPolygonF([QPointF(p.x(), p.y() - r * 1.2), QPointF(p.x() - r * 1.1, p.y() + r * 0.8),
                                       QPointF(p.x() + r * 1.1, p.y() + r * 0.8)]))
    else:
        painter.drawEllipse(p, r, r)


def _draw_swatch(painter: QPainter, item: object, rect: QRectF) -> None:
    painter.save()
    if isinstance(item, BarSeries):
        painter.setPen(item.pen())
        painter.setBrush(item.brush())
        painter.drawRect(rect.adjusted(6, 0, -6, 0))
    elif isinstance(item, LineSeries):
        painter.setPen(item.pen())
        painter.drawLine(QPointF(rect.left(), rect.center().y()), QPointF(rect.right(), rect.center().y()))
        if item.marker:
            painter.setPen(QPen(item.colour, 1))
            painter.setBrush(item.colour)
            _draw_marker(painter, item.marker, rect.center(), item.marker_size)
    elif isinstance(item, RefLine):
        painter.setPen(item.pen())
        if item.vertical:
            painter.drawLine(QPointF(rect.center().x(), rect.top()), QPointF(rect.center().x(), rect.bottom()))
        else:
            painter.drawLine(QPointF(rect.left(), rect.center().y()), QPointF(rect.right(), rect.center().y()))
    painter.restore()
