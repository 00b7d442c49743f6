"""The bar chart: this year against last year per partnership (built once, updated with setOpts)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

import pyqtgraph as pg  # imported only when the Allocation tab is built (PySide6 first)

from safer_desk.domain.allocation import AllocationResult

THIS_YEAR_BRUSH = (31, 119, 180)
LAST_YEAR_BRUSH = (190, 190, 190)


class AllocationChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Chart of this year's allocation against last year's per partnership")
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("left", "£")
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.getAxis("bottom").setHeight(44)  # room for the two staggered rows of names
        self.plot.addLegend(offset=(10, 5))  # the named bars add themselves
        self.this_year = pg.BarGraphItem(x=[], height=[], width=0.38, brush=THIS_YEAR_BRUSH, name="This year")
        self.last_year = pg.BarGraphItem(x=[], height=[], width=0.38, brush=LAST_YEAR_BRUSH, name="Last year")
        self.plot.addItem(self.this_year)
        self.plot.addItem(self.last_year)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.names: list[str] = []
        self.this_year_pounds: list[float] = []
        self.last_year_pounds: list[float] = []

    def show_result(self, result: AllocationResult | None) -> None:
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


def _tick_labels(names: list[str]) -> list[str]:
    """Short labels: a word every name ends with ("CSP") is dropped, long names are cut."""
    words = [n.split() for n in names]
    if len(names) > 1 and all(len(w) > 1 and w[-1] == words[0][-1] for w in words):
        names = [" ".join(w[:-1]) for w in words]
    names = [n if len(n) <= 16 else n[:15] + "…" for n in names]
    # Every other label one line lower, so neighbours never overlap however narrow the chart.
    return [("\n" + n) if i % 2 else n for i, n in enumerate(names)]
