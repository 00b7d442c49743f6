"""The bar chart: this year against last year per partnership (built once, updated with setOpts).

Money axis in pounds with £ and thousands separators; the legend names the years ("2009/10",
"2008/09") and sits above the plot, off the data; an accessible name and a short text summary.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

import pyqtgraph as pg  # imported only when the Allocation tab is built (PySide6 first)

from safer_desk.domain.allocation import AllocationResult
from safer_desk.domain.money import format_money
from safer_desk.domain.periods import FinancialYear, PeriodError

THIS_YEAR_BRUSH = (31, 119, 180)
LAST_YEAR_BRUSH = (190, 190, 190)


def pounds_tick(value: float) -> str:
    """An axis label in pounds: "£200,000" (ASCII minus below nothing)."""
    return ("-" if value < 0 else "") + f"£{abs(value):,.0f}"


class PoundsAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [pounds_tick(v * scale) for v in values]


def year_labels(year: str) -> tuple[str, str]:
    """The legend's names: the scenario's year and the one before ("2009/10", "2008/09")."""
    try:
        fy = FinancialYear.parse(year)
    except PeriodError:
        return "This year", "Last year"
    return fy.label, FinancialYear(fy.start_year - 1).label


def _swatch(rgb: tuple[int, int, int], text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setText(f'<span style="color: rgb{rgb}; font-size: 14px;">■</span> {text}')
    label.setAccessibleName(text)
    return label


class AllocationChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Chart of each partnership's allocation against the year before")
        self.plot = pg.PlotWidget(background="w", axisItems={"left": PoundsAxis("left")})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.getAxis("left").setWidth(64)  # room for "£200,000"
        self.plot.getAxis("bottom").setHeight(44)  # room for the two staggered rows of names
        self.this_year = pg.BarGraphItem(x=[], height=[], width=0.38, brush=THIS_YEAR_BRUSH)
        self.last_year = pg.BarGraphItem(x=[], height=[], width=0.38, brush=LAST_YEAR_BRUSH)
        self.plot.addItem(self.this_year)
        self.plot.addItem(self.last_year)
        self.legend = QHBoxLayout()
        self.legend.setContentsMargins(4, 0, 4, 0)
        self.legend_this = _swatch(THIS_YEAR_BRUSH, "This year", self)
        self.legend_last = _swatch(LAST_YEAR_BRUSH, "Last year", self)
        self.legend.addWidget(self.legend_this)
        self.legend.addWidget(self.legend_last)
        self.legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.legend)  # the legend above the plot, never on the bars
        layout.addWidget(self.plot, 1)
        self.names: list[str] = []
        self.this_year_pounds: list[float] = []
        self.last_year_pounds: list[float] = []
        self.years = ("This year", "Last year")
        self.summary = ""

    def set_year(self, year: str) -> None:
        self.years = year_labels(year)
        self.legend_this.setText(f'<span style="color: rgb{THIS_YEAR_BRUSH}; font-size: 14px;">■</span> '
                                 f'{self.years[0]} (left bar)')
        self.legend_last.setText(f'<span style="color: rgb{LAST_YEAR_BRUSH}; font-size: 14px;">■</span> '
                                 f'{self.years[1]} (right bar)')
        self.legend_this.setAccessibleName(f"{self.years[0]}, the left bar of each pair")
        self.legend_last.setAccessibleName(f"{self.years[1]}, the right bar of each pair")

    def show_result(self, result: AllocationResult | None, year: str = "") -> None:
        self.set_year(year)
        rows = result.rows if result is not None else ()
        names = [r.name for r in rows]
        # Pounds as floats for drawing only; every figure shown in words or tables stays int pence.
        this_year = [r.total_pence / 100 for r in rows]
        last_year = [(r.previous_pence or 0) / 100 for r in rows]
        xs = list(range(len(rows)))
        self.this_year.setOpts(x=[x - 0.2 for x in xs], height=this_year)
        self.last_year.setOpts(x=[x + 0.2 for x in xs], height=last_year)
        if names != self.names:
            step = max(1, len(names) // 12)  # no more than a dozen labels, so they stay readable
            labels = _tick_labels(names)
            self.plot.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(len(names)) if i % step == 0]])
        self.names, self.this_year_pounds, self.last_year_pounds = names, this_year, last_year
        if rows:
            top = max(this_year + last_year) or 1
            self.plot.setXRange(-0.6, len(rows) - 0.4, padding=0)
            self.plot.setYRange(0, top * 1.08, padding=0)
        self.summary = chart_summary(result, self.years)
        self.setAccessibleDescription(self.summary)
        self.setToolTip(self.summary)


def chart_summary(result: AllocationResult | None, years: tuple[str, str]) -> str:
    """A short text of what the chart shows, for screen readers."""
    if result is None or not result.rows:
        return "No allocation to chart yet."
    parts = []
    for r in result.rows:
        last = f" against {format_money(r.previous_pence)} in {years[1]}" if r.previous_pence is not None else ""
        parts.append(f"{r.name} {format_money(r.total_pence)}{last}")
    return f"{years[0]}: " + "; ".join(parts) + "."


def _tick_labels(names: list[str]) -> list[str]:
    """Short labels: a word every name ends with ("CSP") is dropped, long names are cut."""
    words = [n.split() for n in names]
    if len(names) > 1 and all(len(w) > 1 and w[-1] == words[0][-1] for w in words):
        names = [" ".join(w[:-1]) for w in words]
    names = [n if len(n) <= 16 else n[:15] + "…" for n in names]
    # Every other label one line lower, so neighbours never overlap however narrow the chart.
    return [("\n" + n) if i % 2 else n for i, n in enumerate(names)]
